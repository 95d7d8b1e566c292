"""Local bookkeeping for central sync: the outbox of unsent records and the pull cursor."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from inspector.models.base import Base, utcnow
from inspector.models.enums import OutboxState
from inspector.models.types import enum_type


class OutboxEntry(Base):
    """A record created or changed on this station that the central database has not confirmed.

    Entries are written in the same transaction as the change itself, so nothing can be recorded
    without also being queued for upload.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_state_id", "state", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[uuid.UUID]
    state: Mapped[OutboxState] = mapped_column(enum_type(OutboxState), default=OutboxState.PENDING)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None]


class SyncState(Base):
    """Key/value state of the sync client (pull cursor, sync epoch, last success)."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
