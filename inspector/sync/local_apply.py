"""Writing pulled returns and lines into the station's SQLite database (bulk upserts).

Upserts are driver-level ``executemany`` of ``INSERT ... ON CONFLICT (id) DO UPDATE`` with values
already in SQLite's stored form (UUIDs as hex, UTC times as text: :func:`stored_form`), inside the
caller's transaction.

Central owns the announcement (customer, address, lines, cancellation); the station owns the
progress of the work. So a pulled status replaces the local one only when central cancelled the
return, or when the station has not started on it (``announced``/``cancelled``).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, delete, exists, select, update
from sqlalchemy.orm import Session

from inspector.models import Inspection, Parcel, Return, ReturnLine, ReturnSource, ReturnStatus
from inspector.sync.outbox_reader import chunks

log = logging.getLogger(__name__)

_RETURNS = Return.__table__
_LINES = ReturnLine.__table__


# How SQLAlchemy stores these types in SQLite, produced by the server while it reads the rows.
_STORED_FORM = {
    "uuid": "replace({}::text, '-', '')",
    "timestamptz": "to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')",
    "date": "to_char({}, 'YYYY-MM-DD')",
}


def stored_form(columns: Sequence[tuple[str, str]]) -> str:
    """A PostgreSQL select list giving ``columns`` in the form the station's SQLite stores them."""
    return ", ".join(_STORED_FORM.get(kind, "{}").format(name) for name, kind in columns)


def _existing(connection: Connection, sql: str, keys: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` (ending in ``IN``) for ``keys``, a slice at a time."""
    found: list[tuple[Any, ...]] = []
    for part in chunks(list(keys)):
        found.extend(connection.exec_driver_sql(f"{sql} ({', '.join('?' * len(part))})", tuple(part)).all())
    return found


def check_enums(table: Any, names: Sequence[str], rows: list[list[Any]]) -> None:
    """Refuse values the local enum columns do not know (as the ORM would), before writing any."""
    for i, name in enumerate(names):
        allowed = getattr(table.c[name].type, "enums", None)
        if allowed and (bad := {row[i] for row in rows} - set(allowed) - {None}):
            raise LookupError(f"{table.name}.{name}: unknown value(s) {sorted(bad)} from central")


def _upsert(table: str, names: Sequence[str], updates: dict[str, str]) -> str:
    return (
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))}) "
        f"ON CONFLICT (id) DO UPDATE SET {', '.join(f'{k} = {v}' for k, v in updates.items())}"
    )


def apply_returns(
    connection: Connection, names: Sequence[str], rows: list[list[Any]], local_warehouse: uuid.UUID
) -> int:
    """Upsert pulled returns (SQLite values, ``names`` order, ``id`` first, then ``rma_number``).

    Adds ``warehouse_id``, ``source`` and nothing else; returns how many were written.
    """
    if not rows:
        return 0
    check_enums(_RETURNS, names, rows)
    rma_at = names.index("rma_number")
    rmas = {row[rma_at]: row[0] for row in rows}
    clashes = set()
    for local_id, rma in _existing(
        connection, "SELECT id, rma_number FROM returns WHERE rma_number IN", list(rmas)
    ):
        if local_id != rmas[rma]:
            clashes.add(rmas[rma])
            log.warning("Return %s exists locally under another id; the central copy is not applied", rma)
    columns = [*names, "warehouse_id", "source"]
    extra = [local_warehouse.hex, ReturnSource.CENTRAL.value]
    values = [(*row, *extra) for row in rows if row[0] not in clashes]
    updates = {name: f"excluded.{name}" for name in columns if name not in ("id", "status")}
    # Central owns the announcement, the station its progress (see the module docstring).
    updates["status"] = (
        f"CASE WHEN excluded.status = '{ReturnStatus.CANCELLED.value}' THEN excluded.status "
        "WHEN returns.status NOT IN ('announced', 'cancelled') THEN returns.status ELSE excluded.status END"
    )
    connection.exec_driver_sql(_upsert("returns", columns, updates), values)
    return len(values)


def apply_lines(connection: Connection, names: Sequence[str], rows: list[list[Any]]) -> int:
    """Upsert pulled return lines whose return is here; returns how many were written."""
    if not rows:
        return 0
    check_enums(_LINES, names, rows)
    parent_at = names.index("return_id")
    known = {
        found
        for (found,) in _existing(
            connection, "SELECT id FROM returns WHERE id IN", list({row[parent_at] for row in rows})
        )
    }
    values = [tuple(row) for row in rows if row[parent_at] in known]
    if len(values) < len(rows):
        log.warning("%d pulled line(s) skipped: their return is not on this station", len(rows) - len(values))
    if values:
        connection.exec_driver_sql(
            _upsert("return_lines", names, {name: f"excluded.{name}" for name in names if name != "id"}),
            values,
        )
    return len(values)


def delete_lines(session: Session, ids: Sequence[uuid.UUID]) -> int:
    """Apply line tombstones; a line already inspected here is kept (with a log line)."""
    removed = 0
    for part in chunks(list(ids)):
        used = set(
            session.scalars(select(Inspection.return_line_id).where(Inspection.return_line_id.in_(part)))
        )
        if used:
            log.warning("%d deleted line(s) kept: they were already inspected here", len(used))
        result = session.execute(delete(_LINES).where(_LINES.c.id.in_([i for i in part if i not in used])))
        removed += int(result.rowcount or 0)
    return removed


def delete_returns(session: Session, ids: Sequence[uuid.UUID]) -> int:
    """Apply return tombstones; a return with parcels or inspections here is cancelled instead."""
    removed = 0
    for part in chunks(list(ids)):
        in_use = exists().where(Parcel.return_id == _RETURNS.c.id) | exists().where(
            Inspection.return_id == _RETURNS.c.id
        )
        session.execute(
            update(_RETURNS).where(_RETURNS.c.id.in_(part), in_use).values(status=ReturnStatus.CANCELLED)
        )
        free = list(session.scalars(select(_RETURNS.c.id).where(_RETURNS.c.id.in_(part), ~in_use)))
        session.execute(delete(_LINES).where(_LINES.c.return_id.in_(free)))
        result = session.execute(delete(_RETURNS).where(_RETURNS.c.id.in_(free)))
        removed += int(result.rowcount or 0)
    return removed
