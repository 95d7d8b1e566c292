"""The state one demo seed shares between its phases, and the records it keeps of what it made."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from inspector.models import BoxCondition, RefundChoice, ReturnReason
from inspector.services.demo.reference import Pickers
from inspector.services.demo.rows import BulkWriter
from inspector.services.photo_store import PhotoStore
from inspector.services.station import StationContext

ProgressCallback = Callable[[int, int], None]
LineInfo = tuple[uuid.UUID, int, int, ReturnReason, str]  # (line id, product index, qty, reason, serial)


def new_uuid(rng: random.Random) -> uuid.UUID:
    """A version-4 UUID from ``rng`` (reproducible, unlike :func:`uuid.uuid4`)."""
    return uuid.UUID(int=rng.getrandbits(128), version=4)


@dataclass(frozen=True)
class Customer:
    """A demo customer: who returns, and where from."""

    name: str
    name_key: str
    email: str
    country: str
    postcode: str
    house_number: str
    segment: str
    language: str


@dataclass(slots=True)
class ReturnInfo:
    """What the later phases need to know about a generated return."""

    id: uuid.UUID
    rma: str
    tracking: str
    carrier: str
    warehouse: int
    postcode: str
    announced_at: datetime
    delivered_on: date
    late: bool
    customer: Customer
    reason: ReturnReason
    refund_choice: RefundChoice
    lines: list[LineInfo]


@dataclass(frozen=True)
class Place:
    """A warehouse of the demo and its stations, with the policy the seed applies."""

    id: uuid.UUID
    code: str
    zone: ZoneInfo
    window_days: int
    vip_window_days: int
    restocking_fee_bp: int
    damage_deduction_bp: int
    stations: tuple[tuple[uuid.UUID, str], ...]
    station_weights: tuple[int, ...]


@dataclass
class People:
    """The demo's users: inspectors per warehouse, the supervisor, badges worth scanning."""

    inspectors: list[tuple[uuid.UUID, str]]  # (id, badge)
    supervisor: uuid.UUID
    by_warehouse: dict[int, list[int]]  # warehouse index -> indices into inspectors
    badges: dict[str, str]
    created: int


@dataclass(frozen=True)
class ParcelVisit:
    """A received parcel: where, by whom, in what state."""

    row: dict[str, Any]
    id: uuid.UUID
    station_id: uuid.UUID
    station_code: str
    inspector_id: uuid.UUID
    box: BoxCondition
    place: Place

    @property
    def received_at(self) -> datetime:
        """When the parcel was received."""
        received: datetime = self.row["received_at"]
        return received


@dataclass
class WorkRows:
    """The rows the inspections produce, inserted together at the end."""

    inspections: list[dict[str, Any]] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)
    photo_jobs: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Event:
    """An audit event waiting for its place in a station's hash chain."""

    station_id: uuid.UUID
    when: datetime
    order: int
    fields: dict[str, Any]


@dataclass
class SeedRun:
    """One run of the demo seed inside one session (one transaction)."""

    session: Session
    photos: PhotoStore
    station: StationContext
    rng: random.Random
    now: datetime
    writer: BulkWriter
    progress: ProgressCallback | None = None
    total_work: int = 0
    stream_key: str = ""
    done_work: int = 0
    places: list[Place] = field(default_factory=list)
    people: People | None = None
    pickers: Pickers = field(default_factory=Pickers.build)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("returns", "lines", "parcels", "inspections", "photos", "events"), 0))
    events: list[Event] = field(default_factory=list)
    serial_returners: set[str] = field(default_factory=set)

    @property
    def staff(self) -> People:
        """The users (available once the organisation is set up)."""
        assert self.people is not None, "setup_organisation() runs first"
        return self.people

    def tick(self, amount: int) -> None:
        """Report ``amount`` more units of work done."""
        self.done_work += amount
        if self.progress is not None:
            self.progress(min(self.done_work, self.total_work), self.total_work)

    def event(self, station_id: uuid.UUID, when: datetime, fields: dict[str, Any]) -> None:
        """Collect an audit event; they are chained in time order at the end."""
        self.events.append(Event(station_id, when, len(self.events) + 1, fields))
