"""Warehouses, their stations and the people who work there."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, false, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from inspector.models.base import Base, IdMixin, TimestampMixin
from inspector.models.enums import Role
from inspector.models.types import enum_type


class Warehouse(IdMixin, TimestampMixin, Base):
    """A returns warehouse with its local time zone and return policy."""

    __tablename__ = "warehouses"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    country: Mapped[str] = mapped_column(String(2), default="NL")
    time_zone: Mapped[str] = mapped_column(String(64), default="Europe/Amsterdam")
    return_window_days: Mapped[int] = mapped_column(default=30)
    vip_return_window_days: Mapped[int] = mapped_column(default=60)
    # Refund policy in basis points (1 % = 100): a restocking fee on every refund, and the
    # deduction for damage or missing parts that turns a full refund into a partial one.
    restocking_fee_bp: Mapped[int] = mapped_column(default=0)
    damage_deduction_bp: Mapped[int] = mapped_column(default=3000)
    # Inspectors may log in by choosing their name, without a badge (off unless turned on). A station
    # setting (local migration 0007): deferred, so that reading warehouses from the central database,
    # which has no such column, never selects it.
    allow_name_login: Mapped[bool] = mapped_column(default=False, server_default=false(), deferred=True)

    stations: Mapped[list[Station]] = relationship(back_populates="warehouse")


class Station(IdMixin, TimestampMixin, Base):
    """One inspection PC with its own local database."""

    __tablename__ = "stations"

    warehouse_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("warehouses.id"), index=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(120))

    warehouse: Mapped[Warehouse] = relationship(back_populates="stations")


class User(IdMixin, TimestampMixin, Base):
    """Someone who logs in at a station with a badge (and a PIN for elevated roles)."""

    __tablename__ = "users"

    name: Mapped[str] = mapped_column(String(120))
    badge_code: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[Role] = mapped_column(enum_type(Role))
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(8), default="")
    active: Mapped[bool] = mapped_column(default=True)
    warehouse_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("warehouses.id"), index=True)
    # The version of the last edit, so stations editing one person offline converge (docs/sync.md).
    revision: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    edited_at: Mapped[datetime | None]
    edited_by: Mapped[str] = mapped_column(String(36), default="", server_default="")


class PinLockout(Base):
    """Wrong PINs since a user's last good one, and until when they are locked out (survives restarts)."""

    __tablename__ = "pin_lockouts"

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    last_failure_at: Mapped[datetime | None]
    locked_until: Mapped[datetime | None]
