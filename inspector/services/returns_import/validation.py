"""Validating a return as a whole (all its rows) and its canonical content hash."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from inspector.services.returns_import.columns import HEADER_FIELDS, LINE_FIELDS, REQUIRED_FIELDS
from inspector.services.returns_import.fields import (
    _CACHED_FIELDS,
    _DEFAULTS,
    _PARSERS,
    _check_text,
    _Invalid,
    _max_length,
    _parse_datetime,
    _parse_postcode,
)
from inspector.services.returns_import.reading import _Problem, _Record
from inspector.services.returns_import.report import RejectionCode

HASH_VERSION = 1
"""Part of every content hash: bump it when the canonical form changes, so returns update once."""


# --- Validating returns -------------------------------------------------------------------------------


@dataclass(slots=True)
class _WarehouseInfo:
    id: uuid.UUID
    code: str
    zone: ZoneInfo | None


@dataclass(slots=True)
class _Announced:
    """A return that passed every check, normalised and ready to write."""

    rma: str
    line: int
    warehouse: _WarehouseInfo
    header: dict[str, Any]
    lines: list[dict[str, Any]]
    content_hash: str


def _text_value(value: Any, column: str) -> str:
    """A JSON or CSV value as text; None is empty; objects, lists and booleans are refused."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise _Invalid(RejectionCode.BAD_JSON, f"The {column} value must be text or a number.")
    return str(value)


class _Validator:
    """Checks records and groups them into whole returns."""

    def __init__(self, warehouses: dict[str, _WarehouseInfo], default_warehouse: str | None,
                 where: str = "this station's database", optional: dict[str, Any] | None = None) -> None:
        """``optional``: required fields a source may leave empty, with the value they then get (the
        connectors: a platform that does not share the customer's address, or has no categories)."""
        self.warehouses = warehouses
        self.optional = optional or {}
        self.where = where
        self.default_warehouse = default_warehouse
        self._cache: dict[tuple[str, str, str], tuple[Any] | _Problem] = {}

    def _field(
        self,
        record: _Record,
        values: dict[str, Any],
        name: str,
        prefix: str,
        parsed: dict[str, Any],
        problems: list[_Problem],
        parser: Callable[[str, str], Any] | None = None,
    ) -> None:
        column = prefix + record.columns.get(name, name)
        raw = values.get(name)
        cacheable = parser is None and name in _CACHED_FIELDS and isinstance(raw, str)
        if cacheable:
            hit = self._cache.get((name, raw, column))
            if hit is not None:
                if isinstance(hit, _Problem):
                    problems.append(_Problem(record.line, hit.code, hit.message, column))
                else:
                    parsed[name] = hit[0]
                return
        before = len(problems)
        self._parse_field(record, raw, name, column, parsed, problems, parser)
        if cacheable and len(self._cache) < 100_000:
            self._cache[(name, raw, column)] = problems[-1] if len(problems) > before else (parsed[name],)

    def _parse_field(
        self,
        record: _Record,
        raw: Any,
        name: str,
        column: str,
        parsed: dict[str, Any],
        problems: list[_Problem],
        parser: Callable[[str, str], Any] | None,
    ) -> None:
        try:
            text = _text_value(raw, column)
            _check_text(text, column)
            if not text.strip():
                if name in REQUIRED_FIELDS and name not in self.optional:
                    raise _Invalid(RejectionCode.MISSING_FIELD, f"The {column} value is missing.")
                parsed[name] = self.optional[name] if name in self.optional else _DEFAULTS.get(name)
                return
            value = (parser or _PARSERS[name])(text, column)
            if isinstance(value, str):
                _max_length(value, name, column)
            parsed[name] = value
        except _Invalid as invalid:
            problems.append(_Problem(record.line, invalid.code, invalid.message, column))

    def _header(self, record: _Record, problems: list[_Problem]) -> dict[str, Any]:
        parsed: dict[str, Any] = {}
        for name in HEADER_FIELDS:
            if name not in ("postcode", "announced_at"):
                self._field(record, record.header, name, "", parsed, problems)
        warehouse = self._warehouse(record, parsed, problems)
        parsed["warehouse"] = warehouse
        country = parsed.get("country")
        if country is not None:
            self._field(
                record,
                record.header,
                "postcode",
                "",
                parsed,
                problems,
                lambda value, column: _parse_postcode(value, country, column),
            )
        zone = warehouse.zone if warehouse else None
        if warehouse is not None:
            self._field(
                record,
                record.header,
                "announced_at",
                "",
                parsed,
                problems,
                lambda value, column: _parse_datetime(value, column, zone),
            )
        return parsed

    def _warehouse(
        self, record: _Record, parsed: dict[str, Any], problems: list[_Problem]
    ) -> _WarehouseInfo | None:
        if "warehouse" not in parsed:
            return None  # already refused (formula, encoding)
        code = parsed["warehouse"] or self.default_warehouse
        column = record.columns.get("warehouse", "warehouse")
        if not code:
            problems.append(
                _Problem(
                    record.line,
                    RejectionCode.MISSING_FIELD,
                    "The warehouse is missing and no default warehouse was given.",
                    column,
                )
            )
            return None
        found = self.warehouses.get(code.casefold())
        if found is None:
            problems.append(
                _Problem(
                    record.line,
                    RejectionCode.UNKNOWN_WAREHOUSE,
                    f"Warehouse {code!r} does not exist in {self.where}.",
                    column,
                )
            )
        return found

    def _lines(self, record: _Record, problems: list[_Problem]) -> list[dict[str, Any]]:
        result = []
        for values, prefix in zip(record.lines, record.line_prefixes, strict=True):
            parsed: dict[str, Any] = {"_line": record.line, "_prefix": prefix}
            for name in LINE_FIELDS:
                self._field(record, values, name, prefix, parsed, problems)
            result.append(parsed)
        return result

    def validate(self, rma: str, records: list[_Record]) -> tuple[_Announced | None, list[_Problem]]:
        """Check one return's records together: whole (an :class:`_Announced`) or its problems."""
        problems: list[_Problem] = [p for record in records for p in record.problems]
        headers: list[tuple[_Record, dict[str, Any]]] = []
        lines: list[dict[str, Any]] = []
        for record in records:
            if record.broken:
                continue
            if headers and record.header == headers[0][0].header:
                headers.append((record, headers[0][1]))  # same text, same result (and same problems)
            else:
                headers.append((record, self._header(record, problems)))
            lines += self._lines(record, problems)
        if len(records) > 1 and records[0].jsonl:
            for record in records:
                problems.append(
                    _Problem(
                        record.line,
                        RejectionCode.DUPLICATE_RMA,
                        f"Return {rma} appears on more than one line "
                        f"({', '.join(str(r.line) for r in records)}); keep one.",
                        record.columns.get("rma_number", "rma_number"),
                    )
                )
        self._conflicts(headers, problems)
        self._number_lines(lines, problems)
        if problems or not headers:
            return None, problems
        header = dict(headers[0][1])
        warehouse = header.pop("warehouse")
        header["customer_name_key"] = " ".join(header["customer_name"].casefold().split())
        clean_lines = [{k: v for k, v in line.items() if not k.startswith("_")} for line in lines]
        clean_lines.sort(key=lambda line: line["line_no"])
        header.pop("rma_number")
        announced = _Announced(rma, records[0].line, warehouse, header, clean_lines, "")
        announced.content_hash = content_hash(announced)
        return announced, []

    @staticmethod
    def _conflicts(headers: list[tuple[_Record, dict[str, Any]]], problems: list[_Problem]) -> None:
        if len(headers) < 2:
            return
        first_record, first = headers[0]
        for record, values in headers[1:]:
            for name in HEADER_FIELDS:
                if name not in first or name not in values:
                    continue
                mine, theirs = values[name], first[name]
                if name == "warehouse":
                    mine, theirs = (w.code if w else None for w in (mine, theirs))
                if mine != theirs:
                    column = record.columns.get(name, name)
                    problems.append(
                        _Problem(
                            record.line,
                            RejectionCode.CONFLICT,
                            f"The {column} value {_shown(mine)} differs from {_shown(theirs)} on line "
                            f"{first_record.line} of the same return.",
                            column,
                        )
                    )

    @staticmethod
    def _number_lines(lines: list[dict[str, Any]], problems: list[_Problem]) -> None:
        numbered = [line for line in lines if line.get("line_no") is not None]
        if not numbered:
            for index, line in enumerate(lines, start=1):
                line["line_no"] = index
            return
        seen: dict[int, int] = {}
        for line in lines:
            if "line_no" not in line:
                continue  # refused already
            column = line["_prefix"] + "line_no"
            number = line["line_no"]
            if number is None:
                problems.append(
                    _Problem(
                        line["_line"],
                        RejectionCode.MISSING_FIELD,
                        "The line_no value is missing while other lines of this return have one.",
                        column,
                    )
                )
            elif number in seen:
                problems.append(
                    _Problem(
                        line["_line"],
                        RejectionCode.DUPLICATE_LINE,
                        f"Line number {number} appears twice in this return (also on line {seen[number]}).",
                        column,
                    )
                )
            else:
                seen[number] = line["_line"]


def _shown(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    return repr(str(value)) if value is not None else "(empty)"


def _canonical(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    return value


def content_hash(announced: _Announced) -> str:
    """SHA-256 of a canonical JSON serialisation of the return, its warehouse and its lines.

    The same return gives the same hash from CSV or JSON Lines, whatever the column order,
    spelling of synonyms, or order of its rows.
    """
    payload = {
        "v": HASH_VERSION,
        "rma": announced.rma,
        "warehouse": announced.warehouse.code,
        "header": {k: _canonical(v) for k, v in sorted(announced.header.items())},
        "lines": [{k: _canonical(v) for k, v in sorted(line.items())} for line in announced.lines],
    }
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
