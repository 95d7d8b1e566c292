"""The outbox: every record made on this station is queued for upload in the same transaction.

A ``before_flush`` hook on the session factory enqueues new and changed rows of the entity types
that flow up to the central database, so no service can forget to. Rows written by the sync
pull (``session.info["sync_pull"] = True``) are not queued.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session, sessionmaker

from inspector.models import (
    AuditEvent,
    Dispute,
    DisputeEntry,
    Inspection,
    OutboxEntry,
    OutboxState,
    Parcel,
    Photo,
    Return,
    ReturnLine,
    ReturnSource,
)

UPLOADED_TYPES: dict[type, str] = {
    Parcel: "parcel",
    Inspection: "inspection",
    Photo: "photo",
    AuditEvent: "audit_event",
    Dispute: "dispute",
    DisputeEntry: "dispute_entry",
}


def _entity_type(obj: Any) -> str | None:
    kind = UPLOADED_TYPES.get(type(obj))
    if kind:
        return kind
    # Returns come down from central, except the unannounced ones registered at intake.
    if isinstance(obj, Return) and obj.source == ReturnSource.UNANNOUNCED:
        return "return"
    if (
        isinstance(obj, ReturnLine)
        and obj.return_ is not None
        and obj.return_.source == ReturnSource.UNANNOUNCED
    ):
        return "return_line"
    return None


def _queue_changes(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get("sync_pull"):
        return
    queued: set[tuple[str, Any]] = session.info.setdefault("outbox_queued", set())
    for obj in list(session.new) + [o for o in session.dirty if session.is_modified(o)]:
        kind = _entity_type(obj)
        if kind is None:
            continue
        if obj.id is None:  # column defaults are applied later in the flush; the id is needed now
            obj.id = uuid.uuid4()
        key = (kind, obj.id)
        if key in queued:
            continue
        queued.add(key)
        session.add(OutboxEntry(entity_type=kind, entity_id=obj.id))


def _forget_queued(session: Session) -> None:
    session.info.pop("outbox_queued", None)


def install_outbox(factory: sessionmaker[Session]) -> None:
    """Make every session of ``factory`` queue uploads for what it writes."""
    event.listen(factory, "before_flush", _queue_changes)
    event.listen(factory, "after_commit", _forget_queued)
    event.listen(factory, "after_rollback", _forget_queued)


def pending_count(session: Session) -> int:
    """How many records wait for upload."""
    return int(
        session.scalar(
            select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == OutboxState.PENDING)
        )
        or 0
    )
