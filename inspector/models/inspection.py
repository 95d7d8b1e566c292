"""Inspections of single units, their flags and photos, and disputes about them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from inspector.models.base import Base, IdMixin, TimestampMixin, utcnow
from inspector.models.enums import (
    DisputeOutcome,
    DisputeParty,
    DisputeStatus,
    Grade,
    InspectionStatus,
    ItemOutcome,
    RefundRecommendation,
    VerificationMethod,
)
from inspector.models.types import enum_type, json_type


class Inspection(IdMixin, TimestampMixin, Base):
    """The inspection of one unit: checklist answers, grade, disposition and refund advice.

    An announced line with quantity 3 gets three inspections (``unit_index`` 1..3). Items that
    were not announced are inspections without a return line (outcome ``extra``).
    """

    __tablename__ = "inspections"
    __table_args__ = (
        Index("ix_inspections_finished_at", "finished_at"),
        Index("ix_inspections_station_started", "station_id", "started_at"),
        Index("ix_inspections_station_finished", "station_id", "finished_at"),
        Index("ix_inspections_inspector_finished", "inspector_id", "finished_at"),
        Index("ix_inspections_grade_finished", "final_grade", "finished_at"),
    )

    return_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("returns.id"), index=True)
    return_line_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("return_lines.id"), index=True)
    parcel_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("parcels.id"), index=True)
    unit_index: Mapped[int] = mapped_column(default=1)
    status: Mapped[InspectionStatus] = mapped_column(
        enum_type(InspectionStatus), default=InspectionStatus.IN_PROGRESS
    )
    outcome: Mapped[ItemOutcome] = mapped_column(enum_type(ItemOutcome), default=ItemOutcome.RECEIVED)
    # What was actually in hand, for extra or wrong items.
    item_sku: Mapped[str] = mapped_column(String(64), default="")
    item_gtin: Mapped[str] = mapped_column(String(14), default="")
    item_description: Mapped[str] = mapped_column(String(200), default="")
    verification: Mapped[VerificationMethod | None] = mapped_column(enum_type(VerificationMethod))
    verified_code: Mapped[str] = mapped_column(String(512), default="")
    verification_note: Mapped[str] = mapped_column(Text, default="")
    serial_scanned: Mapped[str] = mapped_column(String(64), default="")
    checklist_id: Mapped[str] = mapped_column(String(64), default="")
    checklist_version: Mapped[int] = mapped_column(default=0)
    answers: Mapped[dict[str, Any]] = mapped_column(json_type(), default=dict)
    suggested_grade: Mapped[Grade | None] = mapped_column(enum_type(Grade))
    final_grade: Mapped[Grade | None] = mapped_column(enum_type(Grade))
    override_reason: Mapped[str] = mapped_column(Text, default="")
    disposition: Mapped[str] = mapped_column(String(32), default="")
    destination: Mapped[str] = mapped_column(String(64), default="")
    refund_recommendation: Mapped[RefundRecommendation | None] = mapped_column(
        enum_type(RefundRecommendation)
    )
    refund_amount_cents: Mapped[int | None]
    recovered_value_cents: Mapped[int | None]
    lpn: Mapped[str | None] = mapped_column(String(32), unique=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    inspector_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    station_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("stations.id"))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    # Set when another station recorded an inspection of the same unit first. No foreign key: that
    # inspection lives on another station and may never be in this database.
    conflict_with_id: Mapped[uuid.UUID | None] = mapped_column(index=True)

    flag_rows: Mapped[list[InspectionFlag]] = relationship(
        back_populates="inspection", cascade="all, delete-orphan", lazy="selectin"
    )
    photos: Mapped[list[Photo]] = relationship(back_populates="inspection", order_by="Photo.taken_at")

    @property
    def flags(self) -> set[str]:
        """The exception flags on this inspection."""
        return {row.flag for row in self.flag_rows}

    def add_flag(self, flag: str) -> None:
        """Flag the inspection (idempotent)."""
        if flag not in self.flags:
            self.flag_rows.append(InspectionFlag(flag=str(flag)))

    def remove_flag(self, flag: str) -> None:
        """Remove a flag if present."""
        self.flag_rows = [row for row in self.flag_rows if row.flag != flag]


class InspectionFlag(Base):
    """One exception flag of an inspection (a table, so reviews can filter on it by index)."""

    __tablename__ = "inspection_flags"
    __table_args__ = (Index("ix_inspection_flags_flag", "flag", "inspection_id"),)

    inspection_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("inspections.id", ondelete="CASCADE"), primary_key=True
    )
    flag: Mapped[str] = mapped_column(String(32), primary_key=True)

    inspection: Mapped[Inspection] = relationship(back_populates="flag_rows")


class Photo(IdMixin, Base):
    """Photo evidence. The original file is immutable and named by its SHA-256."""

    __tablename__ = "photos"

    sha256: Mapped[str] = mapped_column(String(64), index=True)
    inspection_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("inspections.id"), index=True)
    parcel_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("parcels.id"), index=True)
    tag: Mapped[str] = mapped_column(String(32), default="")
    file_path: Mapped[str] = mapped_column(String(260))
    thumbnail_path: Mapped[str] = mapped_column(String(260), default="")
    size_bytes: Mapped[int]
    width: Mapped[int] = mapped_column(default=0)
    height: Mapped[int] = mapped_column(default=0)
    mime_type: Mapped[str] = mapped_column(String(32), default="image/jpeg")
    taken_at: Mapped[datetime] = mapped_column(default=utcnow)
    taken_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    station_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("stations.id"))
    source: Mapped[str] = mapped_column(String(16), default="camera")  # camera or file

    inspection: Mapped[Inspection | None] = relationship(back_populates="photos")


class Dispute(IdMixin, TimestampMixin, Base):
    """A customer, carrier or payment provider contesting an inspection."""

    __tablename__ = "disputes"

    inspection_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inspections.id"), index=True)
    party: Mapped[DisputeParty] = mapped_column(enum_type(DisputeParty))
    status: Mapped[DisputeStatus] = mapped_column(enum_type(DisputeStatus), default=DisputeStatus.OPEN)
    reference: Mapped[str] = mapped_column(String(120), default="")
    opened_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]
    outcome: Mapped[DisputeOutcome | None] = mapped_column(enum_type(DisputeOutcome))

    entries: Mapped[list[DisputeEntry]] = relationship(
        back_populates="dispute", cascade="all, delete-orphan", order_by="DisputeEntry.at"
    )


class DisputeEntry(IdMixin, Base):
    """A note, decision or grade change recorded on a dispute."""

    __tablename__ = "dispute_entries"

    dispute_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("disputes.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    kind: Mapped[str] = mapped_column(String(16))  # note, decision, grade_change
    text: Mapped[str] = mapped_column(Text, default="")
    old_grade: Mapped[Grade | None] = mapped_column(enum_type(Grade))
    new_grade: Mapped[Grade | None] = mapped_column(enum_type(Grade))

    dispute: Mapped[Dispute] = relationship(back_populates="entries")
