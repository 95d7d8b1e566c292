"""Reading an import file: bytes, encoding, format (CSV or JSON Lines), header mapping, records."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from inspector.services.returns_import.columns import (
    _COLUMN_LOOKUP,
    HEADER_FIELDS,
    LINE_FIELDS,
    REQUIRED_FIELDS,
    _column_key,
)
from inspector.services.returns_import.fields import _ESCAPED_BYTE, normalise_rma
from inspector.services.returns_import.report import ImportProblem, RejectionCode, _plural

# --- Reading the file ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Problem:
    line: int
    code: RejectionCode
    message: str
    column: str = ""


@dataclass(slots=True)
class _Record:
    """One CSV row, or one JSON Lines object, before validation."""

    line: int
    header: dict[str, Any]
    lines: list[dict[str, Any]]
    columns: dict[str, str]  # canonical field -> name as written in the file
    line_prefixes: list[str]  # per entry of ``lines``: '' (CSV) or 'lines[2].' (JSON Lines)
    jsonl: bool = False
    broken: bool = False  # unreadable as a whole (bad JSON, shifted CSV columns): fields not checked
    problems: list[_Problem] = field(default_factory=list)

    def rma_key(self) -> str:
        raw = self.header.get("rma_number")
        return normalise_rma(raw) if isinstance(raw, str) else ""


@dataclass(slots=True)
class _Source:
    records: list[_Record]
    warnings: list[str]
    lines_read: int
    has_warehouse_column: bool


_WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


def _read_bytes(path: Path) -> bytes:
    try:
        if not path.exists():
            raise ImportProblem("not_found", f"{path}: no such file.")
        if path.is_dir():
            raise ImportProblem("not_a_file", f"{path} is a folder, not a file.")
        return path.read_bytes()
    except OSError as exc:
        raise ImportProblem("unreadable", f"{path} cannot be read: {exc.strerror or exc}.") from exc


def _decode(path: Path, data: bytes) -> tuple[str, list[str]]:
    """Text with undecodable bytes kept as lone surrogates (each row holding one is refused)."""
    warnings: list[str] = []
    if data.startswith(_WORKBOOK_MAGIC):
        raise ImportProblem(
            "unsupported_format", f"{path} is a spreadsheet workbook; save it as 'CSV UTF-8' and import that."
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), warnings
        except UnicodeDecodeError as exc:
            raise ImportProblem("encoding", f"{path} is damaged UTF-16 text: {exc.reason}.") from exc
    if b"\x00" in data:
        raise ImportProblem("encoding", f"{path} is not a text file (or UTF-16 without a byte-order mark).")
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="surrogateescape")
    bad_lines = sum(1 for line in text.split("\n") if _ESCAPED_BYTE.search(line))
    try:
        data.decode("cp1252")
        guess = " It looks like a Windows-1252 (ANSI) export."
    except UnicodeDecodeError:
        guess = ""
    warnings.append(
        f"{path} is not UTF-8: {bad_lines} {_plural(bad_lines, 'line')} "
        f"{'holds' if bad_lines == 1 else 'hold'} other bytes; the returns they belong to were refused."
        f"{guess} Save the file as 'CSV UTF-8' and import it again."
    )
    return text, warnings


def _detect_format(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in (".xlsx", ".xls", ".xlsm", ".ods", ".numbers"):
        raise ImportProblem(
            "unsupported_format", f"{path} is a spreadsheet workbook; save it as 'CSV UTF-8' and import that."
        )
    start = text.lstrip()[:1]
    if start == "{":
        return "jsonl"
    if start == "[":
        raise ImportProblem(
            "unsupported_format",
            f"{path} holds a JSON array; the import reads JSON Lines (one object per line).",
        )
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    cells = re.split(r"[,;\t]", first_line)
    if sum(1 for cell in cells if _column_key(cell) in _COLUMN_LOOKUP) >= 3:
        return "csv"
    if not text.strip():
        return "csv"  # reported as empty
    raise ImportProblem(
        "unsupported_format", f"{path} is neither CSV (.csv) nor JSON Lines (.jsonl, .ndjson)."
    )


def _map_columns(path: Path, names: Iterable[str]) -> tuple[dict[int, str], dict[str, str], list[str]]:
    """Header cells to canonical fields: (index -> field, field -> name as written, warnings)."""
    by_index: dict[int, str] = {}
    written: dict[str, str] = {}
    ignored: list[str] = []
    for index, name in enumerate(names):
        canonical = _COLUMN_LOOKUP.get(_column_key(name))
        if canonical is None:
            if name.strip():
                ignored.append(name.strip())
            continue
        if canonical in written:
            raise ImportProblem(
                "bad_header",
                f"{path}: columns {written[canonical]!r} and {name.strip()!r} both mean "
                f"{canonical}; keep one.",
            )
        by_index[index] = canonical
        written[canonical] = name.strip()
    warnings = [f"{path}: column {name!r} is not used and was ignored." for name in ignored]
    return by_index, written, warnings


def _sniff_delimiter(header_line: str) -> str:
    counts = {delimiter: header_line.count(delimiter) for delimiter in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d])  # ties: the first, ','


def _read_csv(path: Path, text: str, default_warehouse: str | None) -> _Source:
    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    offset = 0
    delimiter: str | None = None
    if lines and (match := re.fullmatch(r"sep=(.)\r?", lines[0].strip(" "))):
        delimiter, offset = match.group(1), 1  # Excel's "sep=;" first line
        text = text.split("\n", 1)[1] if len(lines) > 1 else ""
    if not text.strip():
        return _Source([], [f"{path} is empty: nothing to import."], 0, True)
    header_line = text.split("\n", 1)[0]
    delimiter = delimiter or _sniff_delimiter(header_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=False)
    header = next(reader)
    by_index, written, warnings = _map_columns(path, header)
    missing = sorted(REQUIRED_FIELDS - set(written))
    if missing:
        raise ImportProblem(
            "bad_header",
            f"{path}: the header lacks the required {_plural(len(missing), 'column')} "
            f"{', '.join(missing)} (delimiter {delimiter!r}); see docs/import-format.md.",
        )
    if "warehouse" not in written and not default_warehouse:
        raise ImportProblem(
            "bad_header", f"{path} has no warehouse column and no default warehouse was given."
        )
    records: list[_Record] = []
    previous_end = reader.line_num
    width = len(header)
    for row in reader:
        start = previous_end + 1 + offset
        previous_end = reader.line_num
        if not any(cell.strip() for cell in row):
            continue  # blank line, or a row of empty cells from a spreadsheet
        values = {name: row[index] for index, name in by_index.items() if index < len(row)}
        record = _Record(
            line=start,
            header={k: v for k, v in values.items() if k in HEADER_FIELDS},
            lines=[{k: v for k, v in values.items() if k in LINE_FIELDS}],
            columns=written,
            line_prefixes=[""],
        )
        if len(row) > width:
            record.broken = True
            record.problems.append(
                _Problem(
                    start,
                    RejectionCode.BAD_ROW,
                    f"The row has {len(row)} values but the header has {width} columns; a value probably "
                    f"holds the delimiter {delimiter!r} without quotes (a price like 12,95?).",
                )
            )
        records.append(record)
    if not records:
        warnings.append(f"{path} holds only a header: nothing to import.")
    return _Source(records, warnings, len(records), "warehouse" in written)


_JSON_RMA = re.compile(r'"rma(?:_number)?"\s*:\s*"([^"]*)"', re.IGNORECASE)


def _read_jsonl(path: Path, text: str) -> _Source:
    records: list[_Record] = []
    warnings: list[str] = []
    unknown: set[str] = set()
    lines_read = 0
    for number, raw in enumerate(text.removeprefix("\ufeff").split("\n"), start=1):
        raw = raw.rstrip("\r")
        if not raw.strip():
            continue
        lines_read += 1
        try:
            obj = json.loads(raw, parse_float=Decimal)
        except ValueError as exc:
            found = _JSON_RMA.search(raw)
            record = _Record(
                number, {"rma_number": found.group(1)} if found else {}, [], {}, [], jsonl=True, broken=True
            )
            record.problems.append(
                _Problem(number, RejectionCode.BAD_JSON, f"The line is not valid JSON ({exc}).")
            )
            records.append(record)
            continue
        record = _Record(number, {}, [], {}, [], jsonl=True)
        records.append(record)
        if not isinstance(obj, dict):
            record.broken = True
            record.problems.append(
                _Problem(
                    number,
                    RejectionCode.BAD_JSON,
                    "The line is not a JSON object; expected one return per line.",
                )
            )
            continue
        for key, value in obj.items():
            canonical = _COLUMN_LOOKUP.get(_column_key(key))
            if key == "lines":
                continue
            if canonical in HEADER_FIELDS:
                record.header[canonical] = value
                record.columns[canonical] = key
            else:
                unknown.add(key)
        lines = obj.get("lines")
        if not isinstance(lines, list) or not lines:
            record.problems.append(
                _Problem(
                    number,
                    RejectionCode.MISSING_FIELD,
                    "The return has no lines: 'lines' must be a non-empty list.",
                    "lines",
                )
            )
            continue
        for index, item in enumerate(lines, start=1):
            prefix = f"lines[{index}]."
            if not isinstance(item, dict):
                record.problems.append(
                    _Problem(
                        number, RejectionCode.BAD_JSON, f"{prefix[:-1]} is not a JSON object.", prefix[:-1]
                    )
                )
                continue
            line: dict[str, Any] = {}
            for key, value in item.items():
                canonical = _COLUMN_LOOKUP.get(_column_key(key))
                if canonical in LINE_FIELDS:
                    line[canonical] = value
                    record.columns.setdefault(canonical, key)
                else:
                    unknown.add(f"lines[].{key}")
            record.lines.append(line)
            record.line_prefixes.append(prefix)
    warnings += [f"{path}: key {key!r} is not used and was ignored." for key in sorted(unknown)]
    if not lines_read:
        warnings.append(f"{path} is empty: nothing to import.")
    return _Source(records, warnings, lines_read, True)
