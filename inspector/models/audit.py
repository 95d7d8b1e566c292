"""The append-only, hash-chained audit log of everything that happens at a station."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
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
    # How ``hash`` was computed (inspector.services.audit_hash): 1 for events recorded before v2.
    hash_version: Mapped[int] = mapped_column(default=1, server_default="1")


class AuditCheckpoint(Base):
    """A chain head this station signed with its Ed25519 key (``head_text`` is exactly what was signed).

    Made at every sync that moved the head and whenever an evidence pack is written; sent to the
    central database (``uploaded_at``), which accepts only heads that extend the previous one.
    Triggers refuse deleting one (a copy of the database can still be edited: central is the anchor).
    """

    __tablename__ = "audit_checkpoints"
    __table_args__ = (UniqueConstraint("station_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stations.id"))
    seq: Mapped[int]
    hash: Mapped[str] = mapped_column(String(64))
    head_text: Mapped[str] = mapped_column(Text)
    signature: Mapped[str] = mapped_column(Text)  # base64 of the 64-byte Ed25519 signature
    public_key: Mapped[str] = mapped_column(Text)  # PEM (SubjectPublicKeyInfo)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    uploaded_at: Mapped[datetime | None]
