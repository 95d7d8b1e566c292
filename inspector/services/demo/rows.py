"""Writing demo rows fast: values converted to SQLite's stored form and handed to ``executemany``.

SQLAlchemy's per-row parameter processing costs more than SQLite's own work for the hundreds of
thousands of returns and lines of a large seed. :func:`fast_converters` finds, per table, plain
functions that give exactly what SQLAlchemy's bind processing gives (checked on a sample row), and
:class:`BulkWriter` uses them, or the plain Core insert when no such functions exist.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Date, Dialect, Integer, String, Table, Text, Uuid
from sqlalchemy.orm import Session

from inspector.models.base import UTCDateTime

Converters = tuple[Callable[[Any], Any] | None, ...]
ConverterFinder = Callable[[Table, Dialect, dict[str, Any]], Converters | None]


def _uuid_text(value: uuid.UUID | None) -> str | None:
    return None if value is None else value.hex


def _utc_text(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _date_text(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def fast_converters(table: Table, dialect: Dialect, sample: dict[str, Any]) -> Converters | None:
    """Per column, a fast function giving the value SQLite stores (None: store as is).

    Returns None unless, for ``sample``, every converter gives exactly what SQLAlchemy's bind
    processing gives, so the fast path can never store something the ORM would read differently.
    """
    if dialect.name != "sqlite" or set(sample) != {c.name for c in table.columns}:
        return None
    converters: list[Callable[[Any], Any] | None] = []
    for column in table.columns:
        kind = column.type
        convert: Callable[[Any], Any] | None
        if isinstance(kind, Uuid):
            convert = _uuid_text
        elif isinstance(kind, UTCDateTime):
            convert = _utc_text
        elif isinstance(kind, Date):
            convert = _date_text
        elif isinstance(kind, String | Integer | Text):  # Enum is a String: values are given as str
            convert = None
        else:
            return None
        value = sample[column.name]
        processor = kind.dialect_impl(dialect).bind_processor(dialect)
        expected = processor(value) if processor else value
        if (convert(value) if convert else value) != expected:
            return None
        converters.append(convert)
    return tuple(converters)


class BulkWriter:
    """INSERTs many rows per table, through the fast converters when they are exact."""

    def __init__(self, session: Session, find_converters: ConverterFinder = fast_converters) -> None:
        self.session = session
        self.find_converters = find_converters
        self._converters: dict[str, Converters] = {}

    def insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """INSERT ``rows`` (dicts with every column) into ``table``."""
        if not rows:
            return
        converters = self._converters.get(table.name)
        if converters is None:
            converters = self.find_converters(table, self.session.get_bind().dialect, rows[0]) or ()
            self._converters[table.name] = converters
        if not converters:
            self.session.execute(table.insert(), rows)
            return
        names = [column.name for column in table.columns]
        sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
        pairs = list(zip(names, converters, strict=True))
        values = [tuple(row[name] if convert is None else convert(row[name]) for name, convert in pairs)
                  for row in rows]
        self.session.connection().exec_driver_sql(sql, values)
