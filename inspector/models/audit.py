"""The append-only, hash-chained audit log of everything that happens at a station."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inspector.models.base import Base, IdMixin, utcnow
from inspector.models.types import json_type


class AuditEvent(IdMixin, Base):
    """One step (parcel received, answer given, photo added, grade set...) in a station's chain.

    Each station keeps its own chain: ``seq`` counts up from 1 and ``prev_hash`` is the ``hash``
    of the station's previous event, so any later change, deletion or insertion is detectable.
    Database triggers refuse UPDATE and DELETE on this table.
    """

    __tablename__ = "audit_events"
    __table_args__ = (UniqueConstraint("station_id", "seq"),)

    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stations.id"))
    seq: Mapped[int]
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(48))
    entity_type: Mapped[str] = mapped_column(String(32), default="")
    entity_id: Mapped[uuid.UUID | None]
    return_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    inspection_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(json_type(), default=dict)
    photo_hashes: Mapped[list[str]] = mapped_column(json_type(), default=list)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
