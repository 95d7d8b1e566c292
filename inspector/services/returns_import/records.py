"""The records of an import file, one at a time: CSV rows or JSON Lines objects, as :class:`_Record`.

A broken piece of the file costs only its own rows, never the whole import:

* a quote that is never closed would swallow the lines after it into one value: a value spanning
  lines that hold the delimiter again and again is taken for that, its row is rejected with the line
  number, and the swallowed lines are read again as the rows they are;
* a value over :data:`MAX_VALUE_CHARS` or a line over :data:`~.lines.MAX_LINE_CHARS` rejects its row;
* a JSON line nested deeper than Python can parse is one rejected row.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
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
from inspector.services.returns_import.lines import MAX_LINE_CHARS, Lines, open_lines
from inspector.services.returns_import.reading import (
    _detect_format,
    _map_columns,
    _Problem,
    _Record,
    _sniff_delimiter,
)
from inspector.services.returns_import.report import ImportProblem, RejectionCode, _plural

MAX_VALUE_CHARS = 100_000
"""A CSV value longer than this rejects its row (the longest column, a comment, allows 4,000)."""

csv.field_size_limit(MAX_LINE_CHARS)
_JSON_RMA = re.compile(r'"rma(?:_number)?"\s*:\s*"([^"]*)"', re.IGNORECASE)


class RecordSource:
    """An open import file: :meth:`records` yields its records; counts and warnings come along."""

    def __init__(self, path: Path, default_warehouse: str | None) -> None:
        self.path = path
        self.lines, peek = open_lines(path)
        self.warnings: list[str] = []
        self.lines_read = 0
        self.has_warehouse_column = True
        try:
            self.kind = _detect_format(path, peek)
            if self.kind == "csv":
                self._csv_header(default_warehouse)
        except BaseException:
            self.lines.close()
            raise

    def close(self) -> None:
        """Close the file."""
        self.lines.close()

    def __enter__(self) -> RecordSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fraction(self) -> float:
        """How much of the file was read (0 to 1)."""
        return self.lines.fraction()

    def records(self) -> Iterator[_Record]:
        """Every record of the file, in file order (rejected pieces as broken records)."""
        reader = self._csv_records() if self.kind == "csv" else self._jsonl_records()
        yield from reader
        self.warnings += self.lines.encoding_warnings(self.path)
        if not self.lines_read:
            if self.kind == "csv" and self._header_seen:
                self.warnings.append(f"{self.path} holds only a header: nothing to import.")
            else:
                self.warnings.append(f"{self.path} is empty: nothing to import.")

    # --- CSV ---------------------------------------------------------------------------------------

    def _csv_header(self, default_warehouse: str | None) -> None:
        lines = self.lines
        self._header_seen = False
        self.delimiter = ""
        for number, first in _first_lines(lines):
            if match := re.fullmatch(r"sep=(.)\r?\n?", first.strip(" ")):
                self.delimiter = match.group(1)  # Excel's "sep=;" first line
                continue
            if not first.strip():
                continue  # blank lines before the header
            lines.push_back([(number, first)])
            break
        else:
            return
        self.delimiter = self.delimiter or _sniff_delimiter(first)
        lines.mark()
        header = next(csv.reader(lines, delimiter=self.delimiter, quotechar='"', strict=False))
        self._header_seen = True
        self.by_index, self.written, warnings = _map_columns(self.path, header)
        self.warnings += warnings
        self.width = len(header)
        missing = sorted(REQUIRED_FIELDS - set(self.written))
        if missing:
            raise ImportProblem(
                "bad_header",
                f"{self.path}: the header lacks the required {_plural(len(missing), 'column')} "
                f"{', '.join(missing)} (delimiter {self.delimiter!r}); see docs/import-format.md.",
            )
        self.has_warehouse_column = "warehouse" in self.written
        if not self.has_warehouse_column and not default_warehouse:
            raise ImportProblem(
                "bad_header", f"{self.path} has no warehouse column and no default warehouse was given."
            )

    def _csv_records(self) -> Iterator[_Record]:
        if not self._header_seen:
            return
        lines = self.lines
        while True:
            reader = csv.reader(lines, delimiter=self.delimiter, quotechar='"', strict=False)
            while True:
                lines.mark()
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    yield self._broken_row(f"The row cannot be read as CSV ({exc}); it probably holds a "
                                           "quote that is never closed.")
                    lines.push_back(lines.consumed[1:])
                    break  # a fresh reader: the broken one's state is lost
                consumed = lines.consumed
                long_line = next((n for n, _ in consumed if n in lines.too_long), None)
                if long_line is not None:
                    yield self._broken_row(
                        f"Line {long_line} is longer than {MAX_LINE_CHARS:,} characters; it was not read.",
                        long_line, RejectionCode.TOO_LONG)
                    lines.push_back([c for c in consumed if c[0] > long_line])
                    break
                swallowed = self._swallowed(row, consumed)
                if swallowed is not None:
                    yield self._broken_row(swallowed)
                    lines.push_back(consumed[1:])
                    break
                if not any(cell.strip() for cell in row):
                    continue  # blank line, or a row of empty cells from a spreadsheet
                yield self._csv_record(row, consumed[0][0])

    def _swallowed(self, row: list[str], consumed: list[tuple[int, str]]) -> str | None:
        """Why ``row`` must be a quote left open that took in the lines after it (None when fine)."""
        if len(consumed) < 2:
            return None
        too_long = next((i for i, cell in enumerate(row) if len(cell) > MAX_VALUE_CHARS), None)
        delimiters = max(2, self.width // 2)
        rowlike = [n for n, text in consumed[1:] if text.count(self.delimiter) >= delimiters]
        if too_long is None and not rowlike:
            return None
        column = next((i for i, cell in enumerate(row) if "\n" in cell or "\r" in cell), too_long or 0)
        name = self.written.get(self.by_index.get(column, ""), f"number {column + 1}")
        return (
            f"The value in column {name} starts with a quote that is not closed: it ran on over "
            f"lines {consumed[1][0]}–{consumed[-1][0]}, which are read again as rows of their own."
        )

    def _broken_row(self, message: str, line: int | None = None,
                    code: RejectionCode = RejectionCode.BAD_ROW) -> _Record:
        self.lines_read += 1
        line = line or (self.lines.consumed[0][0] if self.lines.consumed else self.lines.current)
        raw = self.lines.consumed[0][1] if self.lines.consumed else ""
        rma = _rma_in_csv(raw, self.delimiter, self.by_index)
        record = _Record(line, {"rma_number": rma} if rma else {}, [], {}, [], broken=True)
        record.problems.append(_Problem(line, code, message))
        return record

    def _csv_record(self, row: list[str], line: int) -> _Record:
        self.lines_read += 1
        values = {name: row[index] for index, name in self.by_index.items() if index < len(row)}
        record = _Record(
            line=line,
            header={k: v for k, v in values.items() if k in HEADER_FIELDS},
            lines=[{k: v for k, v in values.items() if k in LINE_FIELDS}],
            columns=self.written,
            line_prefixes=[""],
        )
        long_value = next((c for c in row if len(c) > MAX_VALUE_CHARS), None)
        if long_value is not None:
            record.broken = True
            record.problems.append(_Problem(line, RejectionCode.TOO_LONG,
                                            f"A value is {len(long_value):,} characters long; at most "
                                            f"{MAX_VALUE_CHARS:,} are read."))
        elif len(row) > self.width:
            record.broken = True
            record.problems.append(
                _Problem(
                    line,
                    RejectionCode.BAD_ROW,
                    f"The row has {len(row)} values but the header has {self.width} columns; a value "
                    f"probably holds the delimiter {self.delimiter!r} without quotes (a price like 12,95?).",
                )
            )
        return record

    # --- JSON Lines --------------------------------------------------------------------------------

    def _jsonl_records(self) -> Iterator[_Record]:
        unknown: set[str] = set()
        for raw in self.lines:
            number = self.lines.current
            if number in self.lines.too_long:
                self.lines_read += 1
                yield _broken_json(number, raw, f"The line is longer than {MAX_LINE_CHARS:,} characters; "
                                   "it was not read.", RejectionCode.TOO_LONG)
                continue
            raw = raw.rstrip("\r\n").removeprefix("\ufeff")
            if not raw.strip():
                continue
            self.lines_read += 1
            try:
                obj = json.loads(raw, parse_float=Decimal)
            except RecursionError:
                yield _broken_json(number, raw, "The line is nested too deeply to be a return.")
                continue
            except ValueError as exc:
                yield _broken_json(number, raw, f"The line is not valid JSON ({exc}).")
                continue
            yield _json_record(number, obj, unknown)
        self.warnings += [f"{self.path}: key {key!r} is not used and was ignored." for key in sorted(unknown)]


def _first_lines(lines: Lines) -> Iterator[tuple[int, str]]:
    for text in lines:
        yield lines.current, text.removeprefix("\ufeff")


def _rma_in_csv(raw: str, delimiter: str, by_index: dict[int, str]) -> str:
    index = next((i for i, name in by_index.items() if name == "rma_number"), None)
    if index is None or not delimiter:
        return ""
    cells = raw.split(delimiter)
    return cells[index].strip().strip('"') if index < len(cells) else ""


def _broken_json(
    number: int, raw: str, message: str, code: RejectionCode = RejectionCode.BAD_JSON
) -> _Record:
    found = _JSON_RMA.search(raw[:10_000])
    header = {"rma_number": found.group(1)} if found else {}
    record = _Record(number, header, [], {}, [], jsonl=True, broken=True)
    record.problems.append(_Problem(number, code, message))
    return record


def _json_record(number: int, obj: Any, unknown: set[str]) -> _Record:
    record = _Record(number, {}, [], {}, [], jsonl=True)
    if not isinstance(obj, dict):
        record.broken = True
        record.problems.append(
            _Problem(number, RejectionCode.BAD_JSON,
                     "The line is not a JSON object; expected one return per line.")
        )
        return record
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
            _Problem(number, RejectionCode.MISSING_FIELD,
                     "The return has no lines: 'lines' must be a non-empty list.", "lines")
        )
        return record
    for index, item in enumerate(lines, start=1):
        prefix = f"lines[{index}]."
        if not isinstance(item, dict):
            record.problems.append(
                _Problem(number, RejectionCode.BAD_JSON, f"{prefix[:-1]} is not a JSON object.", prefix[:-1])
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
    return record
