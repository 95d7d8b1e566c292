"""The station side of the upload: acknowledge, count failures, requeue; rows as ORM-typed dicts.

Entries are read in id order (:func:`inspector.sync.local_rows.read_batch`). Repeated entries of
one entity are coalesced: the current row is sent once, with ``src_version`` = the newest entry's id
(a local, clock-free, increasing number). Acknowledging marks exactly the entries that were read, so
a change queued while a batch was in flight stays pending.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import func, select, update

from inspector.models import InspectionFlag, OutboxEntry, OutboxState, utcnow
from inspector.models.database import Database
from inspector.sync.tables import SPECS, EntitySpec

_CHUNK = 900


def chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    """Slices of at most ``size`` items."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def load_rows(
    database: Database, spec: EntitySpec, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, dict[str, Any]]:
    """The current local rows of ``ids`` as typed dicts (inspections get their sorted ``flags``).

    The reference reader (tests, tools); uploads use the faster :func:`local_rows.read_rows`, whose
    payload hashes are equal by construction and compared in every ``tests/sync`` scenario.
    """
    found: dict[uuid.UUID, dict[str, Any]] = {}
    with database.engine.connect() as connection:
        for part in chunks(list(ids)):
            for row in connection.execute(select(spec.local).where(spec.local.c.id.in_(part))).mappings():
                found[row["id"]] = dict(row)
            if spec.kind == "inspection":
                flags: dict[uuid.UUID, list[str]] = defaultdict(list)
                for inspection_id, flag in connection.execute(
                    select(InspectionFlag.inspection_id, InspectionFlag.flag).where(
                        InspectionFlag.inspection_id.in_(part)
                    )
                ):
                    flags[inspection_id].append(flag)
                for key in part:
                    if key in found:
                        found[key]["_flags"] = sorted(flags.get(key, []))
    return found


def acknowledge(database: Database, entry_ids: Sequence[int]) -> None:
    """Mark entries sent (only after the central commit); durable before this returns."""
    if not entry_ids:
        return
    now = utcnow()
    with database.engine.begin() as connection:
        for part in chunks(list(entry_ids)):
            connection.execute(
                update(OutboxEntry)
                .where(OutboxEntry.id.in_(part))
                .values(state=OutboxState.SENT, sent_at=now, last_error="")
            )


def note_failure(database: Database, entry_ids: Sequence[int], message: str) -> None:
    """Count a failed attempt on entries (for the log and the status); they stay pending."""
    with database.engine.begin() as connection:
        for part in chunks(list(entry_ids)):
            connection.execute(
                update(OutboxEntry)
                .where(OutboxEntry.id.in_(part))
                .values(attempts=OutboxEntry.attempts + 1, last_error=message[:500])
            )


def pending_summary(database: Database) -> tuple[int, Any]:
    """How many entries are pending and when the oldest was queued (None when none)."""
    with database.engine.connect() as connection:
        count, oldest = connection.execute(
            select(func.count(), func.min(OutboxEntry.created_at)).where(
                OutboxEntry.state == OutboxState.PENDING
            )
        ).one()
    return int(count or 0), oldest


def requeue_all(database: Database) -> int:
    """Mark every sent entry pending again (the central history was rewound, see sync_epoch)."""
    with database.engine.begin() as connection:
        result = connection.execute(
            update(OutboxEntry).where(OutboxEntry.state == OutboxState.SENT).values(state=OutboxState.PENDING)
        )
    return int(result.rowcount or 0)


__all__ = ["SPECS", "acknowledge", "load_rows", "requeue_all"]
