"""Import of announced returns from the returns portal's export (CSV or JSON Lines). Qt-free.

The file format is documented in ``docs/import-format.md``. In short:

* **CSV**: one row per return line, rows of one return share its RMA number (they need not be
  adjacent). Delimiter ``,`` ``;`` or tab, sniffed from the header; UTF-8 with or without BOM.
* **JSON Lines** (``.jsonl``/``.ndjson``): one object per return with its ``lines`` as a list.

Every return is validated as a whole before anything is written: a return with one bad row is
rejected whole, and each of its rows is named in the report. Valid returns are written in
batches of :data:`BATCH_SIZE` per transaction. The file is read as a stream: memory stays flat
for any file size (:mod:`.grouping`), and one import runs per station at a time (an OS file
lock). Re-importing an unchanged return changes nothing (``Return.content_hash``, a SHA-256 of a
canonical serialisation); a changed return is updated line by line (by ``line_no``) without ever
deleting a line that has inspections.

The work is split over this package's modules: :mod:`.report` (codes, rejections, the report),
:mod:`.columns` and :mod:`.vocabulary` (column names and the synonym tables), :mod:`.fields` (single
values), :mod:`.lines` (bytes, encoding, physical lines), :mod:`.records` (CSV and JSON Lines
records), :mod:`.grouping` (rows into returns), :mod:`.validation` (a return as a whole, content
hash), :mod:`.pipeline` (the steps, shared with the central import) and :mod:`.writing` (insert and
update); this module ties them together for the station.

Files that are not UTF-8 are not guessed at: every row holding bytes that are not UTF-8 is
rejected (code ``encoding``), rows in plain ASCII are imported. UTF-16 with a byte-order mark
(Excel's "Unicode text") is decoded, since the mark makes it unambiguous.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select

from inspector.fault_points import fault_point
from inspector.locks import Busy, station_lock
from inspector.models.database import Database
from inspector.models.organisation import Warehouse
from inspector.scanning.checkdigits import gs1_check_digit, luhn_check_digit
from inspector.services.access import COMMAND_LINE, Action, authorise
from inspector.services.returns_import.columns import (
    COLUMN_ALIASES,
    HEADER_FIELDS,
    LINE_FIELDS,
    MAX_LENGTHS,
    REQUIRED_FIELDS,
)
from inspector.services.returns_import.fields import (
    normalise_carrier,
    normalise_postcode,
    normalise_rma,
    parse_price_cents,
)
from inspector.services.returns_import.pipeline import BATCH_SIZE, MAX_LINES_PER_RETURN, Writer, run_pipeline
from inspector.services.returns_import.records import MAX_VALUE_CHARS, RecordSource
from inspector.services.returns_import.report import ImportProblem, ImportReport, Rejection, RejectionCode
from inspector.services.returns_import.validation import (
    HASH_VERSION,
    _Announced,
    _Validator,
    _WarehouseInfo,
    content_hash,
)
from inspector.services.returns_import.vocabulary import (
    CARRIER_ALIASES,
    CATEGORY_SYNONYMS,
    CHANNEL_SYNONYMS,
    COUNTRIES,
    COUNTRY_SYNONYMS,
    CURRENCIES,
    EU_COUNTRIES,
    REASON_SYNONYMS,
    REFUND_SYNONYMS,
    SEGMENTS,
)
from inspector.services.returns_import.writing import _write_batch
from inspector.services.users import UserInfo

__all__ = [
    "BATCH_SIZE", "CARRIER_ALIASES", "CATEGORY_SYNONYMS", "CHANNEL_SYNONYMS", "COLUMN_ALIASES", "COUNTRIES",
    "COUNTRY_SYNONYMS", "CURRENCIES", "EU_COUNTRIES", "HASH_VERSION", "HEADER_FIELDS", "LINE_FIELDS",
    "MAX_LENGTHS", "MAX_LINES_PER_RETURN", "MAX_VALUE_CHARS", "REASON_SYNONYMS", "REFUND_SYNONYMS",
    "REQUIRED_FIELDS", "SEGMENTS", "ImportProblem",
    "ImportReport", "Rejection", "RejectionCode", "content_hash", "gs1_check_digit", "import_returns",
    "luhn_check_digit", "normalise_carrier", "normalise_postcode", "normalise_rma", "parse_price_cents",
    "print_report", "run_import", "run_pipeline",
]

IMPORT_WAIT_S = 60.0
"""How long ``inspector import-returns`` waits for another import on the station to finish."""


def _load_warehouses(database: Database) -> dict[str, _WarehouseInfo]:
    zones: dict[str, ZoneInfo | None] = {}
    result: dict[str, _WarehouseInfo] = {}
    with database.session() as session:
        for wid, code, zone_name in session.execute(
            select(Warehouse.id, Warehouse.code, Warehouse.time_zone)
        ):
            if zone_name not in zones:
                try:
                    zones[zone_name] = ZoneInfo(zone_name)
                except (ZoneInfoNotFoundError, ValueError):
                    zones[zone_name] = None
            result[code.casefold()] = _WarehouseInfo(wid, code, zones[zone_name])
    return result


class _StationWriter(Writer):
    """Writes validated returns into the station's SQLite database, a batch per transaction."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def write(self, batch: list[_Announced], report: ImportReport, stop: Callable[[], bool],
              advance: Callable[[], None]) -> bool:
        with self._database.session() as session:
            finished = _write_batch(session, batch, report, stop, advance)
            fault_point("import_before_commit")
        fault_point("import_after_commit")
        return finished


def import_returns(
    database: Database,
    path: Path,
    default_warehouse_code: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    wait_s: float = 0.0,
    *,
    user: UserInfo | None,
) -> ImportReport:
    """Import the announced returns of a CSV or JSON Lines file into the station database.

    Each return is validated whole before anything is written; a return with any bad row is
    rejected whole and each of its rows is reported. Valid returns are created, updated (when
    their content hash changed) or left alone, :data:`BATCH_SIZE` per transaction. The file is
    read as a stream (see :mod:`.grouping`): memory does not grow with its size.
    ``progress(done, total)`` is called after each return (total: the returns in the file);
    ``cancel()`` is checked between returns, and a cancelled import keeps what it wrote.

    One import runs per station at a time: a second one waits up to ``wait_s`` seconds and then
    raises :class:`ImportProblem` (code ``import_running``). Raises :class:`ImportProblem` when the
    file cannot be imported at all, and lets :class:`~inspector.models.database.DatabaseProblem`
    through for database trouble. Only an administrator (``user``) may import (PermissionDenied).
    """
    authorise(user, Action.IMPORT_RETURNS, database)
    warehouses = _load_warehouses(database)
    if default_warehouse_code and default_warehouse_code.casefold() not in warehouses:
        raise ImportProblem(
            "unknown_warehouse", f"The default warehouse {default_warehouse_code!r} does not exist."
        )
    try:
        with (
            station_lock(database.path.with_name("import.lock"), "an import", wait_s),
            RecordSource(Path(path), default_warehouse_code) as source,
        ):
            validator = _Validator(warehouses, default_warehouse_code)
            return run_pipeline(source, validator, _StationWriter(database), progress, cancel)
    except Busy as busy:
        raise ImportProblem(
            "import_running",
            "Another import of returns is running on this station; wait until it has finished and "
            "import the file again (importing it twice changes nothing).",
        ) from busy


def run_import(database: Database, path: Path, default_warehouse_code: str | None, out: TextIO) -> int:
    """The ``inspector import-returns FILE`` command: print problems and a summary.

    Each rejection is printed as ``FILE:LINE: RMA: reason``. Exit status: 0 all imported,
    1 some rows rejected, 2 the file cannot be read at all, 3 another import is running (after
    waiting a minute for it).
    """
    try:
        report = import_returns(database, Path(path), default_warehouse_code, wait_s=IMPORT_WAIT_S,
                                user=COMMAND_LINE)
    except ImportProblem as problem:
        out.write(f"{problem.user_message}\n")
        return 3 if problem.code == "import_running" else 2
    return print_report(report, out)


def print_report(report: ImportReport, out: TextIO) -> int:
    """Print each rejection, the warnings and the summary; returns the exit status (0 or 1)."""
    for rejection in report.rejected:
        out.write(f"{rejection}\n")
    if report.rejected_rows > len(report.rejected):
        out.write(f"... and {report.rejected_rows - len(report.rejected)} more rejected rows\n")
    for warning in report.warnings:
        out.write(f"warning: {warning}\n")
    out.write(report.summary() + "\n")
    return 0 if report.ok else 1
