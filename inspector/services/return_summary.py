"""Plain snapshots of returns, lines and parcels for the views (no ORM objects leave a session)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from inspector.models import (
    BoxCondition,
    Channel,
    Inspection,
    InspectionStatus,
    ItemOutcome,
    Parcel,
    RefundChoice,
    RefundRecommendation,
    Return,
    ReturnSource,
    ReturnStatus,
    Station,
    User,
    Warehouse,
    utcnow,
)


def local_date(moment: datetime, time_zone: str) -> date:
    """The calendar date of ``moment`` in the warehouse's time zone."""
    return moment.astimezone(ZoneInfo(time_zone)).date()


@dataclass(frozen=True)
class ParcelInfo:
    """A parcel already received: when, where and by whom."""

    id: uuid.UUID
    tracking_number: str
    received_at: datetime
    station_code: str
    received_by: str
    box_condition: BoxCondition
    unannounced: bool


@dataclass(frozen=True)
class LineSummary:
    """One announced line of a return, with how many of its units were inspected."""

    id: uuid.UUID
    line_no: int
    sku: str
    gtin: str
    product_name: str
    category: str
    quantity: int
    unit_price_cents: int
    currency: str
    reason_code: str
    customer_comment: str
    expected_serial: str
    units_inspected: int


@dataclass(frozen=True)
class CustomerHistory:
    """The customer's other returns: serial returners stand out."""

    earlier_returns: int
    refused_returns: int

    @property
    def serial_returner(self) -> bool:
        """Five or more earlier returns, or two refused ones."""
        return self.earlier_returns >= 5 or self.refused_returns >= 2


@dataclass(frozen=True)
class ReturnSummary:
    """Everything the return screen shows, as plain data."""

    id: uuid.UUID
    rma_number: str
    order_number: str
    customer_name: str
    customer_email: str
    postcode: str
    house_number: str
    country: str
    channel: Channel
    refund_choice: RefundChoice
    status: ReturnStatus
    source: ReturnSource
    carrier: str
    tracking_number: str
    announced_at: datetime
    delivered_on: date | None
    days_since_delivery: int | None
    return_window_days: int
    lines: tuple[LineSummary, ...]
    parcels: tuple[ParcelInfo, ...]
    history: CustomerHistory
    warehouse_code: str

    @property
    def late(self) -> bool:
        """Returned after the warehouse's return window."""
        return self.days_since_delivery is not None and self.days_since_delivery > self.return_window_days

    @property
    def cancelled(self) -> bool:
        """Customer service cancelled the return."""
        return self.status is ReturnStatus.CANCELLED


def summaries(session: Session, ids: Iterable[uuid.UUID]) -> tuple[ReturnSummary, ...]:
    ids = list(ids)
    if not ids:
        return ()
    returns = session.scalars(
        select(Return)
        .where(Return.id.in_(ids))
        .options(selectinload(Return.lines), selectinload(Return.parcels))
    ).all()
    order = {rid: n for n, rid in enumerate(ids)}
    return tuple(summary(session, r) for r in sorted(returns, key=lambda r: order[r.id]))


def summary(session: Session, ret: Return) -> ReturnSummary:
    warehouse = session.get(Warehouse, ret.warehouse_id)
    assert warehouse is not None
    window = (
        warehouse.vip_return_window_days if ret.customer_segment == "vip" else warehouse.return_window_days
    )
    days = None
    if ret.delivered_on is not None:
        received = min((p.received_at for p in ret.parcels), default=utcnow())
        days = (local_date(received, warehouse.time_zone) - ret.delivered_on).days
    inspected = dict(
        session.execute(
            select(Inspection.return_line_id, func.count())
            .where(
                Inspection.return_id == ret.id,
                Inspection.status == InspectionStatus.FINISHED,
                Inspection.outcome != ItemOutcome.EXTRA,
            )
            .group_by(Inspection.return_line_id)
        ).all()
    )
    lines = tuple(
        LineSummary(
            id=line.id,
            line_no=line.line_no,
            sku=line.sku,
            gtin=line.gtin,
            product_name=line.product_name,
            category=str(line.category),
            quantity=line.quantity,
            unit_price_cents=line.unit_price_cents,
            currency=line.currency,
            reason_code=str(line.reason_code),
            customer_comment=line.customer_comment,
            expected_serial=line.expected_serial,
            units_inspected=int(inspected.get(line.id, 0)),
        )
        for line in ret.lines
    )
    return ReturnSummary(
        id=ret.id,
        rma_number=ret.rma_number,
        order_number=ret.order_number,
        customer_name=ret.customer_name,
        customer_email=ret.customer_email,
        postcode=ret.postcode,
        house_number=ret.house_number,
        country=ret.country,
        channel=ret.channel,
        refund_choice=ret.refund_choice,
        status=ret.status,
        source=ret.source,
        carrier=ret.carrier,
        tracking_number=ret.tracking_number,
        announced_at=ret.announced_at,
        delivered_on=ret.delivered_on,
        days_since_delivery=days,
        return_window_days=window,
        lines=lines,
        parcels=tuple(parcel_info(session, p) for p in ret.parcels),
        history=customer_history(session, ret),
        warehouse_code=warehouse.code,
    )


def customer_history(session: Session, ret: Return) -> CustomerHistory:
    if not ret.customer_email:
        return CustomerHistory(0, 0)
    others = select(Return.id).where(Return.customer_email == ret.customer_email, Return.id != ret.id)
    earlier = session.scalar(select(func.count()).select_from(others.subquery())) or 0
    refused = (
        session.scalar(
            select(func.count(func.distinct(Inspection.return_id))).where(
                Inspection.return_id.in_(others),
                Inspection.refund_recommendation == RefundRecommendation.NONE,
            )
        )
        or 0
    )
    return CustomerHistory(int(earlier), int(refused))


def parcel_info(session: Session, parcel: Parcel) -> ParcelInfo:
    station = session.get(Station, parcel.station_id) if parcel.station_id else None
    user = session.get(User, parcel.received_by_id) if parcel.received_by_id else None
    return ParcelInfo(
        id=parcel.id,
        tracking_number=parcel.tracking_number,
        received_at=parcel.received_at,
        station_code=station.code if station else "",
        received_by=user.name if user else "",
        box_condition=parcel.box_condition,
        unannounced=parcel.unannounced,
    )
