"""Import of announced returns from the returns portal's export (CSV or JSON Lines). Qt-free.

The file format is documented in ``docs/import-format.md``. In short:

* **CSV**: one row per return line, rows of one return share its RMA number (they need not be
  adjacent). Delimiter ``,`` ``;`` or tab, sniffed from the header; UTF-8 with or without BOM.
* **JSON Lines** (``.jsonl``/``.ndjson``): one object per return with its ``lines`` as a list.

Every return is validated as a whole before anything is written: a return with one bad row is
rejected whole, and each of its rows is named in the report. Valid returns are written in
batches of :data:`BATCH_SIZE` per transaction. Re-importing an unchanged return changes nothing
(``Return.content_hash``, a SHA-256 of a canonical serialisation); a changed return is updated
line by line (by ``line_no``) without ever deleting a line that has inspections.

The work is split over this package's modules: :mod:`.report` (codes, rejections, the report),
:mod:`.columns` and :mod:`.vocabulary` (column names and the synonym tables), :mod:`.fields` (single
values), :mod:`.reading` (bytes, encoding, CSV and JSON Lines), :mod:`.validation` (a return as a
whole, content hash) and :mod:`.writing` (insert and update); this module ties them together.

Files that are not UTF-8 are not guessed at: every row holding bytes that are not UTF-8 is
rejected (code ``encoding``), rows in plain ASCII are imported. UTF-16 with a byte-order mark
(Excel's "Unicode text") is decoded, since the mark makes it unambiguous.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select

from inspector.models.database import Database
from inspector.models.organisation import Warehouse
from inspector.scanning.checkdigits import gs1_check_digit, luhn_check_digit
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
from inspector.services.returns_import.reading import (
    _decode,
    _detect_format,
    _Problem,
    _read_bytes,
    _read_csv,
    _read_jsonl,
    _Record,
)
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

__all__ = [
    "BATCH_SIZE", "CARRIER_ALIASES", "CATEGORY_SYNONYMS", "CHANNEL_SYNONYMS", "COLUMN_ALIASES", "COUNTRIES",
    "COUNTRY_SYNONYMS", "CURRENCIES", "EU_COUNTRIES", "HASH_VERSION", "HEADER_FIELDS", "LINE_FIELDS",
    "MAX_LENGTHS", "REASON_SYNONYMS", "REFUND_SYNONYMS", "REQUIRED_FIELDS", "SEGMENTS", "ImportProblem",
    "ImportReport", "Rejection", "RejectionCode", "content_hash", "gs1_check_digit", "import_returns",
    "luhn_check_digit", "normalise_carrier", "normalise_postcode", "normalise_rma", "parse_price_cents",
    "run_import",
]

BATCH_SIZE = 500
"""Returns written per transaction."""


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


def _group(records: list[_Record]) -> Iterator[tuple[str, list[_Record]]]:
    groups: dict[str, list[_Record]] = {}
    for record in records:
        key = record.rma_key() or f"\x00line {record.line}"  # no RMA: a group of its own
        groups.setdefault(key, []).append(record)
    for key, members in groups.items():
        yield ("" if key.startswith("\x00") else key), members


def import_returns(
    database: Database,
    path: Path,
    default_warehouse_code: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import the announced returns of a CSV or JSON Lines file into the station database.

    Each return is validated whole before anything is written; a return with any bad row is
    rejected whole and each of its rows is reported. Valid returns are created, updated (when
    their content hash changed) or left alone, :data:`BATCH_SIZE` per transaction.
    ``progress(done, total)`` is called after each return written (total: the valid returns);
    ``cancel()`` is checked between returns, and a cancelled import keeps what it wrote.

    Raises :class:`ImportProblem` when the file cannot be imported at all, and lets
    :class:`~inspector.models.database.DatabaseProblem` through for database trouble.
    """
    path = Path(path)
    name = str(path)
    data = _read_bytes(path)
    text, warnings = _decode(path, data)
    kind = _detect_format(path, text)
    warehouses = _load_warehouses(database)
    if default_warehouse_code and default_warehouse_code.casefold() not in warehouses:
        raise ImportProblem(
            "unknown_warehouse", f"The default warehouse {default_warehouse_code!r} does not exist."
        )
    source = _read_csv(path, text, default_warehouse_code) if kind == "csv" else _read_jsonl(path, text)
    report = ImportReport(file=name, lines_read=source.lines_read, warnings=warnings + source.warnings)
    validator = _Validator(warehouses, default_warehouse_code)

    def cancelled() -> bool:
        if cancel is not None and cancel():
            report.cancelled = True
        return report.cancelled

    valid: list[_Announced] = []
    for count, (rma, records) in enumerate(_group(source.records)):
        if count % 1000 == 0 and cancelled():
            return report
        report.returns_read += 1
        announced, problems = validator.validate(rma, records)
        if announced is not None:
            valid.append(announced)
            continue
        report.rejected_returns += 1
        report.rejected += _rejections(name, rma, records, problems)
    report.rejected.sort(key=lambda r: r.line)

    total = len(valid)
    done = 0
    if progress is not None:
        progress(0, total)

    def advance() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    for start in range(0, total, BATCH_SIZE):
        with database.session() as session:
            finished = _write_batch(session, valid[start : start + BATCH_SIZE], report, cancelled, advance)
        if not finished:
            break
    return report


def _rejections(name: str, rma: str, records: list[_Record], problems: list[_Problem]) -> list[Rejection]:
    result = [Rejection(name, p.line, rma, p.message, p.code.value, p.column) for p in problems]
    bad_lines = sorted({p.line for p in problems})
    for record in records:
        if record.line not in bad_lines:
            result.append(
                Rejection(
                    name,
                    record.line,
                    rma,
                    f"Return {rma} was not imported because other rows of it have errors "
                    f"(line{'s' if len(bad_lines) > 1 else ''} {', '.join(map(str, bad_lines))}).",
                    RejectionCode.RMA_REJECTED.value,
                    "",
                )
            )
    return result


def run_import(database: Database, path: Path, default_warehouse_code: str | None, out: TextIO) -> int:
    """The ``inspector import-returns FILE`` command: print problems and a summary.

    Each rejection is printed as ``FILE:LINE: RMA: reason``. Exit status: 0 all imported,
    1 some rows rejected, 2 the file cannot be read at all.
    """
    try:
        report = import_returns(database, Path(path), default_warehouse_code)
    except ImportProblem as problem:
        out.write(f"{problem.user_message}\n")
        return 2
    for rejection in report.rejected:
        out.write(f"{rejection}\n")
    for warning in report.warnings:
        out.write(f"warning: {warning}\n")
    out.write(report.summary() + "\n")
    return 0 if report.ok else 1
