"""The pieces of a read import file: records, problems, the format, the header's columns."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector.services.returns_import.columns import (
    _COLUMN_LOOKUP,
    _column_key,
)
from inspector.services.returns_import.fields import normalise_rma
from inspector.services.returns_import.report import ImportProblem, RejectionCode

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


def _detect_format(path: Path, text: str) -> str:
    """'csv' or 'jsonl', from the name or else from the start of the text."""
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


