"""The intake report's data: plain dataclasses shared by the report's builder and its writers.

:mod:`inspector.reports.intake_report` fills an :class:`IntakeReport`; :mod:`inspector.reports.report_tables`
and :mod:`inspector.reports.report_pdf` write it. Both import this module, and neither imports the other
(no import circle).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class ItemRow:
    """One inspected item of the report's item list (times in the warehouse's zone)."""

    finished_at: datetime
    received_at: datetime | None
    minutes_to_graded: float | None
    rma: str
    lpn: str
    sku: str
    product: str
    category: str
    reason: str
    outcome: str
    grade: str
    disposition: str
    refund_choice: str
    refund_advice: str
    refund_cents: int | None
    price_cents: int | None
    recovered_cents: int | None
    inspector: str
    station: str
    flags: tuple[str, ...] = ()


class ReportCancelled(Exception):
    """The caller's cancel check returned True while the report was being built or written."""


@dataclass(frozen=True)
class Breakdown:
    """One row of a grouped count: the key (a grade, reason, ... or "" for none), items and money."""

    key: str
    items: int
    cents: int = 0


@dataclass(frozen=True)
class Throughput:
    """Items finished by one inspector or station, the hours worked on them and the rate."""

    name: str
    items: int
    hours: float

    @property
    def per_hour(self) -> float | None:
        """Items per hour worked (None below one minute of work)."""
        return self.items / self.hours if self.hours >= 1 / 60 else None


@dataclass(frozen=True)
class Durations:
    """Time from parcel scan to graded item, in minutes."""

    count: int = 0
    mean: float | None = None
    p50: float | None = None
    p90: float | None = None


@dataclass
class IntakeReport:
    """Every number of the intake report for one warehouse and a period of local days."""

    warehouse_code: str
    warehouse_name: str
    time_zone: str
    date_from: date
    date_to: date
    generated_at: datetime
    parcels_received: int = 0
    items_inspected: int = 0
    by_grade: list[Breakdown] = field(default_factory=list)
    by_disposition: list[Breakdown] = field(default_factory=list)
    by_reason: list[Breakdown] = field(default_factory=list)
    by_category: list[Breakdown] = field(default_factory=list)
    by_refund_choice: list[Breakdown] = field(default_factory=list)
    by_inspector: list[Throughput] = field(default_factory=list)
    by_station: list[Throughput] = field(default_factory=list)
    exceptions: list[Breakdown] = field(default_factory=list)
    hourly_parcels: list[int] = field(default_factory=lambda: [0] * 24)
    hourly_items: list[int] = field(default_factory=lambda: [0] * 24)
    daily: list[tuple[date, int, int]] = field(default_factory=list)
    daily_complete: bool = True  # False over a long period: ``daily`` lists only the days with intake
    scan_to_graded: Durations = field(default_factory=Durations)
    recovered_cents: int = 0
    refund_cents: int = 0
    items: list[ItemRow] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when no parcel arrived and no item was inspected in the period."""
        return self.parcels_received == 0 and self.items_inspected == 0
