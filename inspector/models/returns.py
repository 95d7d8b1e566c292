"""Announced returns, their lines, and the parcels that arrive for them."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from inspector.models.base import Base, IdMixin, TimestampMixin, utcnow
from inspector.models.enums import (
    BoxCondition,
    Category,
    Channel,
    RefundChoice,
    ReturnReason,
    ReturnSource,
    ReturnStatus,
)
from inspector.models.types import enum_type, json_type


class Return(IdMixin, TimestampMixin, Base):
    """A return the customer announced (or one registered at intake when nobody did)."""

    __tablename__ = "returns"
    __table_args__ = (
        Index("ix_returns_postcode_house", "postcode", "house_number"),
        Index("ix_returns_customer_name_nocase", "customer_name_key"),
        # One unannounced return per parcel code (it keeps the code as its tracking number).
        Index("uq_returns_unannounced_code", "tracking_number", unique=True,
              sqlite_where=text("source = 'unannounced' AND tracking_number <> ''"),
              postgresql_where=text("source = 'unannounced' AND tracking_number <> ''")),
    )

    warehouse_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("warehouses.id"), index=True)
    rma_number: Mapped[str] = mapped_column(String(40), unique=True)
    order_number: Mapped[str] = mapped_column(String(40), index=True)
    customer_name: Mapped[str] = mapped_column(String(200))
    customer_name_key: Mapped[str] = mapped_column(String(200), default="")
    customer_email: Mapped[str] = mapped_column(String(254), index=True)
    customer_segment: Mapped[str] = mapped_column(String(16), default="regular")
    postcode: Mapped[str] = mapped_column(String(16))
    house_number: Mapped[str] = mapped_column(String(16))
    country: Mapped[str] = mapped_column(String(2))
    channel: Mapped[Channel] = mapped_column(enum_type(Channel))
    delivered_on: Mapped[date | None]
    announced_at: Mapped[datetime] = mapped_column(default=utcnow)
    refund_choice: Mapped[RefundChoice] = mapped_column(enum_type(RefundChoice))
    status: Mapped[ReturnStatus] = mapped_column(enum_type(ReturnStatus), default=ReturnStatus.ANNOUNCED)
    source: Mapped[ReturnSource] = mapped_column(enum_type(ReturnSource), default=ReturnSource.IMPORT)
    # The label the portal issued: scanning this tracking number opens the return.
    carrier: Mapped[str] = mapped_column(String(32), default="")
    tracking_number: Mapped[str] = mapped_column(String(64), default="", index=True)
    # The central change sequence this copy reflects (None: never came from central).
    central_seq: Mapped[int | None] = mapped_column(BigInteger)
    # A digest of the imported content; re-importing an unchanged return changes nothing.
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    lines: Mapped[list[ReturnLine]] = relationship(
        back_populates="return_", cascade="all, delete-orphan", order_by="ReturnLine.line_no"
    )
    parcels: Mapped[list[Parcel]] = relationship(back_populates="return_")


class ReturnLine(IdMixin, TimestampMixin, Base):
    """One announced product of a return, with the customer's reason."""

    __tablename__ = "return_lines"
    __table_args__ = (UniqueConstraint("return_id", "line_no"),)

    return_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("returns.id", ondelete="CASCADE"), index=True)
    line_no: Mapped[int]
    sku: Mapped[str] = mapped_column(String(64), index=True)
    gtin: Mapped[str] = mapped_column(String(14), default="", index=True)
    product_name: Mapped[str] = mapped_column(String(200))
    category: Mapped[Category] = mapped_column(enum_type(Category))
    quantity: Mapped[int] = mapped_column(default=1)
    unit_price_cents: Mapped[int] = mapped_column(default=0)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    reason_code: Mapped[ReturnReason] = mapped_column(enum_type(ReturnReason, 32))
    customer_comment: Mapped[str] = mapped_column(Text, default="")
    expected_serial: Mapped[str] = mapped_column(String(64), default="")

    return_: Mapped[Return] = relationship(back_populates="lines")


class Parcel(IdMixin, TimestampMixin, Base):
    """A physical parcel received at a station, matched to a return or not (yet)."""

    __tablename__ = "parcels"

    tracking_number: Mapped[str] = mapped_column(String(64), default="", index=True)
    scanned_code: Mapped[str] = mapped_column(String(512), default="", index=True)  # a rescan finds it
    carrier: Mapped[str] = mapped_column(String(32), default="")
    return_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("returns.id"), index=True)
    received_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    received_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    station_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("stations.id"), index=True)
    box_condition: Mapped[BoxCondition] = mapped_column(enum_type(BoxCondition), default=BoxCondition.INTACT)
    unannounced: Mapped[bool] = mapped_column(default=False)
    conflict: Mapped[bool] = mapped_column(default=False)
    flags: Mapped[list[str]] = mapped_column(json_type(), default=list)
    notes: Mapped[str] = mapped_column(Text, default="")

    return_: Mapped[Return | None] = relationship(back_populates="parcels")
