"""The station side of the upload: read the outbox in order, coalesce, load rows, acknowledge.

Entries are read in id order. Repeated entries of one entity are coalesced: the current row is sent
once, with ``src_version`` = the newest entry's id (a local, clock-free, increasing number).
Acknowledging marks exactly the entries that were read, so a change queued while a batch was in
flight stays pending.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
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


@dataclass
class OutboxBatch:
    """Pending entries read in one go, coalesced per entity."""

    entry_ids: list[int] = field(default_factory=list)
    versions: dict[str, dict[uuid.UUID, int]] = field(default_factory=lambda: defaultdict(dict))
    entries_of: dict[tuple[str, uuid.UUID], list[int]] = field(default_factory=lambda: defaultdict(list))

    def __bool__(self) -> bool:
        return bool(self.entry_ids)


def read_batch(database: Database, limit: int, *, photos: bool, after: int = 0) -> OutboxBatch:
    """The oldest ``limit`` pending entries after id ``after`` (only photos, or all but photos)."""
    condition = OutboxEntry.entity_type == "photo" if photos else OutboxEntry.entity_type != "photo"
    batch = OutboxBatch()
    with database.engine.connect() as connection:
        rows = connection.execute(
            select(OutboxEntry.id, OutboxEntry.entity_type, OutboxEntry.entity_id)
            .where(OutboxEntry.state == OutboxState.PENDING, OutboxEntry.id > after, condition)
            .order_by(OutboxEntry.id)
            .limit(limit)
        ).all()
    for entry_id, kind, entity_id in rows:
        batch.entry_ids.append(entry_id)
        batch.entries_of[(kind, entity_id)].append(entry_id)
        versions = batch.versions[kind]
        versions[entity_id] = max(versions.get(entity_id, 0), entry_id)
    return batch


def load_rows(
    database: Database, spec: EntitySpec, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, dict[str, Any]]:
    """The current local rows of ``ids`` as dicts (inspections get their sorted ``flags``)."""
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


__all__ = ["SPECS", "OutboxBatch", "acknowledge", "load_rows", "read_batch", "requeue_all"]
