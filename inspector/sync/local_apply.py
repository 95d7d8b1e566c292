"""Writing pulled returns and lines into the station's SQLite database (bulk upserts).

Central owns the announcement (customer, address, lines, cancellation); the station owns the
progress of the work. So a pulled status replaces the local one only when central cancelled the
return, or when the station has not started on it (``announced``/``cancelled``).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import case, delete, exists, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from inspector.models import Inspection, Parcel, Return, ReturnLine, ReturnSource, ReturnStatus
from inspector.sync.outbox_reader import chunks

log = logging.getLogger(__name__)

_RETURNS = Return.__table__
_LINES = ReturnLine.__table__


def apply_returns(session: Session, rows: list[dict[str, Any]], local_warehouse: uuid.UUID) -> int:
    """Upsert pulled returns; returns how many were written."""
    if not rows:
        return 0
    rmas = {row["rma_number"]: row["id"] for row in rows}
    clashes: set[uuid.UUID] = set()
    for part in chunks(list(rmas)):
        for local_id, rma in session.execute(
            select(_RETURNS.c.id, _RETURNS.c.rma_number).where(_RETURNS.c.rma_number.in_(part))
        ):
            if local_id != rmas[rma]:
                clashes.add(rmas[rma])
                log.warning("Return %s exists locally under another id; the central copy is not applied", rma)
    values = [
        {**row, "warehouse_id": local_warehouse, "source": ReturnSource.CENTRAL}
        for row in rows
        if row["id"] not in clashes
    ]
    if not values:
        return 0
    stmt = sqlite_insert(_RETURNS)
    keep_local = text("returns.status NOT IN ('announced', 'cancelled')")
    status = case(
        (stmt.excluded.status == ReturnStatus.CANCELLED.value, stmt.excluded.status),
        (keep_local, _RETURNS.c.status),
        else_=stmt.excluded.status,
    )
    updates = {name: stmt.excluded[name] for name in values[0] if name not in ("id", "status")}
    stmt = stmt.on_conflict_do_update(index_elements=["id"], set_={**updates, "status": status})
    for part in chunks(values, 5000):
        session.execute(stmt, list(part))
    return len(values)


def apply_lines(session: Session, rows: list[dict[str, Any]]) -> int:
    """Upsert pulled return lines whose return is here; returns how many were written."""
    if not rows:
        return 0
    parents = {row["return_id"] for row in rows}
    known: set[uuid.UUID] = set()
    for part in chunks(list(parents)):
        known.update(session.scalars(select(_RETURNS.c.id).where(_RETURNS.c.id.in_(part))))
    values = [row for row in rows if row["return_id"] in known]
    if len(values) < len(rows):
        log.warning("%d pulled line(s) skipped: their return is not on this station", len(rows) - len(values))
    if not values:
        return 0
    stmt = sqlite_insert(_LINES)
    updates = {name: stmt.excluded[name] for name in values[0] if name != "id"}
    stmt = stmt.on_conflict_do_update(index_elements=["id"], set_=updates)
    for part in chunks(values, 5000):
        session.execute(stmt, list(part))
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
