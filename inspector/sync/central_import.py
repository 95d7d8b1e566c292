"""``inspector central import-returns FILE``: the station import's pipeline, writing to central.

The same reader (CSV or JSON Lines, streamed), the same validation and normalisation (RMA check
digit, prices in cents, reasons and categories, postcodes, ``announced_at``), the same report and
exit codes as ``inspector import-returns`` (:mod:`inspector.services.returns_import`); only the
writer differs: each batch of valid returns is one upsert transaction on the central database
(:func:`inspector.sync.announce.upsert_returns`), from where the returns flow down to the stations
of their warehouse.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from inspector.services.returns_import import ImportProblem, ImportReport, print_report, run_pipeline
from inspector.services.returns_import.pipeline import Writer
from inspector.services.returns_import.records import RecordSource
from inspector.services.returns_import.validation import _Announced, _Validator, _WarehouseInfo
from inspector.services.returns_import.writing import _RETURN_FIELDS, _line_values
from inspector.sync.announce import upsert_returns
from inspector.sync.tables import plain
from inspector.sync.urls import connect

EXIT_OK, EXIT_REJECTED, EXIT_UNREADABLE = 0, 1, 2


def _warehouses(conn: Any) -> dict[str, _WarehouseInfo]:
    found: dict[str, _WarehouseInfo] = {}
    for wid, code, zone_name in conn.execute("SELECT id, code, time_zone FROM warehouses"):
        try:
            zone: ZoneInfo | None = ZoneInfo(zone_name)
        except (ZoneInfoNotFoundError, ValueError):
            zone = None
        found[code.casefold()] = _WarehouseInfo(uuid.UUID(str(wid)), code, zone)
    return found


def announcement(announced: _Announced) -> dict[str, Any]:
    """A validated return in the form :func:`upsert_returns` takes (central column names)."""
    header = {name: plain(announced.header[name]) for name in _RETURN_FIELDS}
    lines = [{k: plain(v) for k, v in _line_values(line).items()} for line in announced.lines]
    return {**header, "warehouse": announced.warehouse.code, "rma_number": announced.rma,
            "content_hash": announced.content_hash, "lines": lines}


class CentralWriter(Writer):
    """Upserts each batch of valid returns in one central transaction."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def write(self, batch: list[_Announced], report: ImportReport, stop: Callable[[], bool],
              advance: Callable[[], None]) -> bool:
        created, updated = upsert_returns(self._conn, [announcement(a) for a in batch])
        report.created += created
        report.updated += updated
        report.unchanged += len(batch) - created - updated
        for _ in batch:
            advance()
        return not stop()


def import_central(central_url: str, path: Path, default_warehouse: str | None) -> ImportReport:
    """Import ``path`` into the central database; :class:`ImportProblem` when it cannot be read."""
    with connect(central_url) as conn:
        warehouses = _warehouses(conn)
        if default_warehouse and default_warehouse.casefold() not in warehouses:
            raise ImportProblem(
                "unknown_warehouse",
                f"The warehouse {default_warehouse!r} does not exist in the central database (a station of "
                f"it creates it at its first sync, as does 'inspector central roles --station "
                f"{default_warehouse}:STATION').",
            )
        with RecordSource(Path(path), default_warehouse) as source:
            validator = _Validator(warehouses, default_warehouse, "the central database")
            return run_pipeline(source, validator, CentralWriter(conn))


def run_central_import(central_url: str, path: Path, default_warehouse: str | None, out: TextIO) -> int:
    """Print the rejections and the summary, like ``inspector import-returns``; the exit status."""
    try:
        report = import_central(central_url, path, default_warehouse)
    except ImportProblem as problem:
        out.write(f"{problem.user_message}\n")
        return EXIT_UNREADABLE
    return print_report(report, out)
