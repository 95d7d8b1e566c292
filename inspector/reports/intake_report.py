"""The team lead's intake report: what came in and what was done with it, per warehouse-local day.

:func:`build_intake_report` counts with SQL aggregates and reads the items as plain rows (no ORM objects).
``date_from`` .. ``date_to`` are the warehouse's local days (a DST day has 23 or 25 hours). Parcels count
by ``received_at``, items when graded; both by the warehouse of their station (else of their return).
Hours and days are grouped in SQL per UTC quarter hour and made local here, right in every zone.
The same queries run on the station's SQLite database and on the central PostgreSQL database (the
few date functions differ per dialect: :meth:`_Query.quarter`, :meth:`_Query.hours_between`).

Cost follows the data, not the calendar: every query has the same SQL whatever the period (only its
two bounds change), and grouping per local day happens here over the UTC quarter hours that hold
data. ``daily`` lists every day of a period up to :data:`LONG_PERIOD_DAYS` days, and only the days
with intake over a longer one (``daily_complete`` False), so a 100-year range costs what its data costs.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Integer, case, cast, distinct, func, or_, select
from sqlalchemy.orm import Session, aliased

from inspector.models.database import Database
from inspector.models.enums import InspectionStatus
from inspector.models.inspection import Inspection, InspectionFlag
from inspector.models.organisation import Station, User, Warehouse
from inspector.models.returns import Parcel, Return, ReturnLine
from inspector.reports.report_data import (
    Breakdown,
    Durations,
    IntakeReport,
    ItemRow,
    ReportCancelled,
    Throughput,
)
from inspector.services.access import Action, authorise
from inspector.services.sources import Sessions
from inspector.services.users import UserInfo

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]
# Item exceptions shown in the report, in this order (inspection flags).
EXCEPTION_FLAGS = ("wrong_item", "missing", "extra", "late", "override", "suspected_fraud",
                   "damaged_in_transit", "hazardous")


LONG_PERIOD_DAYS = 367
"""A period of more local days than this is "long": the GUI asks before counting it (a year is fine)."""


def period_needs_confirmation(date_from: date, date_to: date) -> bool:
    """True when ``date_from`` .. ``date_to`` covers more than :data:`LONG_PERIOD_DAYS` local days."""
    return (date_to - date_from).days + 1 > LONG_PERIOD_DAYS


def percentiles(values: list[float]) -> Durations:
    """Mean, median and 90th percentile (linear interpolation, inclusive) of ``values``."""
    if not values:
        return Durations()
    ordered = sorted(values)
    p90 = ordered[0] if len(ordered) == 1 else statistics.quantiles(ordered, n=10, method="inclusive")[8]
    return Durations(len(ordered), statistics.fmean(ordered), statistics.median(ordered), p90)


class _Query:
    """The filters of one report: which items and parcels belong to the warehouse and period."""

    def __init__(self, session: Session, warehouse_id: Any, zone: ZoneInfo, start: datetime, end: datetime,
                 cancel: CancelCheck | None) -> None:
        self.session, self.zone, self.cancel = session, zone, cancel
        self.postgres = session.get_bind().dialect.name == "postgresql"
        self.item_station = aliased(Station)
        self.parcel_station = aliased(Station)
        self.items_from = (
            Inspection.__table__.outerjoin(self.item_station, Inspection.station_id == self.item_station.id)
            .outerjoin(Return, Inspection.return_id == Return.id)
            .outerjoin(ReturnLine, Inspection.return_line_id == ReturnLine.id)
            .outerjoin(Parcel, Inspection.parcel_id == Parcel.id)
            .outerjoin(User, Inspection.inspector_id == User.id)
        )
        self.items_where: list[ColumnElement[bool]] = [
            Inspection.status == InspectionStatus.FINISHED,
            Inspection.finished_at >= start, Inspection.finished_at < end,
            func.coalesce(self.item_station.warehouse_id, Return.warehouse_id) == warehouse_id,
        ]
        self.parcels_from = Parcel.__table__.outerjoin(
            self.parcel_station, Parcel.station_id == self.parcel_station.id
        ).outerjoin(Return, Parcel.return_id == Return.id)
        self.parcels_where: list[ColumnElement[bool]] = [
            Parcel.received_at >= start, Parcel.received_at < end,
            func.coalesce(self.parcel_station.warehouse_id, Return.warehouse_id) == warehouse_id,
        ]

    def items(self, *columns: Any, group_by: tuple[Any, ...] = ()) -> list[Any]:
        """Rows of ``columns`` over the report's items, grouped by ``group_by`` (one query, few rows)."""
        stmt = select(*columns).select_from(self.items_from).where(*self.items_where).group_by(*group_by)
        return list(self.session.execute(stmt).all())

    def quarter(self, column: Any) -> tuple[Any, Any]:
        """SQL for the UTC hour (``YYYY-MM-DD HH`` text) and the quarter (0-3) of ``column``."""
        if self.postgres:
            utc = func.timezone("UTC", column)
            return func.to_char(utc, "YYYY-MM-DD HH24"), cast(func.extract("minute", utc), Integer) // 15
        # SQLite keeps UTC times as ISO text
        return func.strftime("%Y-%m-%d %H", column), cast(func.strftime("%M", column), Integer) // 15

    @staticmethod
    def quarter_start(hour: str, quarter: Any) -> datetime:
        """The UTC start of a quarter hour read back from :meth:`quarter`."""
        start = datetime.strptime(hour, "%Y-%m-%d %H").replace(tzinfo=UTC)
        return start + timedelta(minutes=15 * int(quarter))

    def quarter_hours(self, column: Any, parcels: bool) -> list[tuple[datetime, int]]:
        """Counts per UTC quarter hour of ``column``."""
        hour, quarter = self.quarter(column)
        frm, where = (self.parcels_from, self.parcels_where) if parcels else (
            self.items_from, self.items_where)
        stmt = select(hour, quarter, func.count()).select_from(frm).where(*where).group_by(hour, quarter)
        return [(self.quarter_start(h, q), int(n)) for h, q, n in self.session.execute(stmt).all()]

    def hours_between(self, start: Any, end: Any) -> Any:
        """``end - start`` in hours, as SQL for this database."""
        if self.postgres:
            return func.extract("epoch", end - start) / 3600.0
        return (func.julianday(end) - func.julianday(start)) * 24.0

    def epoch_hours(self, column: Any) -> Any:
        """``column`` as hours since a fixed moment (a number SQL can take min and max of)."""
        if self.postgres:
            return func.extract("epoch", column) / 3600.0
        return func.julianday(column) * 24.0

    def throughput(self, key: Any, name: Any) -> list[Throughput]:
        """Items and hours per person or station: per local day, first start to last finish.

        Grouped in SQL per UTC quarter hour of the finish (as many groups as there is data), then per
        local day here: the first start and last finish of a day are the extremes of its quarters'.
        """
        hour, quarter = self.quarter(Inspection.finished_at)
        columns = (key, func.max(name), hour, quarter, func.count(),
                   func.min(self.epoch_hours(Inspection.started_at)),
                   func.max(self.epoch_hours(Inspection.finished_at)))
        days: dict[tuple[Any, date], list[Any]] = {}
        labels: dict[Any, str] = {}
        for k, label, h, q, n, first, last in self.items(*columns, group_by=(key, hour, quarter)):
            labels[k] = labels.get(k) or label or "—"
            day = self.quarter_start(h, q).astimezone(self.zone).date()
            entry = days.setdefault((k, day), [0, None, None])
            entry[0] += int(n)
            if first is not None:
                entry[1] = float(first) if entry[1] is None else min(entry[1], float(first))
            if last is not None:
                entry[2] = float(last) if entry[2] is None else max(entry[2], float(last))
        totals: dict[Any, list[Any]] = {}
        for (k, _day), (n, first, last) in days.items():
            entry = totals.setdefault(k, [labels[k], 0, 0.0])
            entry[1] += n
            if first is not None and last is not None:
                entry[2] += max(last - first, 0.0)
        rows = [Throughput(str(label), n, hours) for label, n, hours in totals.values()]
        return sorted(rows, key=lambda t: (-t.items, t.name))


def build_intake_report(database: Sessions, warehouse_code: str, date_from: date, date_to: date,
                        progress: ProgressCallback | None = None,
                        cancel: CancelCheck | None = None, *, user: UserInfo | None) -> IntakeReport:
    """Count everything the intake report shows for the warehouse's local days ``date_from`` .. ``date_to``.

    ``progress(done, total)`` is called after each step; when ``cancel()`` returns True the build
    stops with :class:`ReportCancelled`. Raises ``LookupError`` for an unknown warehouse and
    ``ValueError`` when the period ends before it starts. ``user`` must be allowed to see reports
    (PermissionDenied otherwise): the report names customers and people.
    """
    authorise(user, Action.REPORTS, database if isinstance(database, Database) else None)
    if date_to < date_from:
        raise ValueError("the period ends before it starts")
    with database.session() as session:
        warehouse = session.scalar(select(Warehouse).where(Warehouse.code == warehouse_code))
        if warehouse is None:
            raise LookupError(f"warehouse {warehouse_code!r} is not known at this station")
        zone = ZoneInfo(warehouse.time_zone)
        start, end = (datetime.combine(day, datetime.min.time(), zone).astimezone(UTC)
                      for day in (date_from, date_to + timedelta(days=1)))
        report = IntakeReport(warehouse.code, warehouse.name, warehouse.time_zone, date_from, date_to,
                              datetime.now(zone))
        q = _Query(session, warehouse.id, zone, start, end, cancel)
        steps = (_count_parcels, _count_items, _count_exceptions, _count_people, _count_hours_and_days,
                 _read_items)
        for done, work in enumerate(steps):
            if cancel is not None and cancel():
                raise ReportCancelled()
            work(q, report)
            if progress is not None:
                progress(done + 1, len(steps))
    report.scan_to_graded = percentiles(
        [i.minutes_to_graded for i in report.items if i.minutes_to_graded is not None and i.grade])
    return report


def _count_items(q: _Query, report: IntakeReport) -> None:
    keys = (Inspection.final_grade, Inspection.disposition, ReturnLine.reason_code, ReturnLine.category,
            Return.refund_choice)
    money = [func.coalesce(func.sum(c), 0)
             for c in (Inspection.recovered_value_cents, Inspection.refund_amount_cents)]
    tallies: list[dict[str, list[int]]] = [defaultdict(lambda: [0, 0]) for _ in keys]
    for *values, n, recovered, refunded in q.items(*keys, func.count(), *money, group_by=keys):
        report.items_inspected += int(n)
        report.recovered_cents += int(recovered)
        report.refund_cents += int(refunded)
        for index, value in enumerate(values):  # the refund choice sums refunds, the others recovered value
            tallies[index][str(value or "")][0] += int(n)
            tallies[index][str(value or "")][1] += int(refunded if index == len(keys) - 1 else recovered)
    rows = [sorted((Breakdown(k, n, c) for k, (n, c) in t.items()), key=lambda b: (-b.items, b.key))
            for t in tallies]
    r = report
    r.by_grade, r.by_disposition, r.by_reason, r.by_category, r.by_refund_choice = rows


def _count_people(q: _Query, report: IntakeReport) -> None:
    report.by_inspector = q.throughput(Inspection.inspector_id, User.name)
    report.by_station = q.throughput(Inspection.station_id, q.item_station.code)


def _count_parcels(q: _Query, report: IntakeReport) -> None:
    unknown = case((or_(Parcel.unannounced.is_(True), Parcel.return_id.is_(None)), 1), else_=0)
    conflict = case((Parcel.conflict.is_(True), 1), else_=0)
    stmt = select(func.count(), func.coalesce(func.sum(unknown), 0), func.coalesce(func.sum(conflict), 0))
    total, unknown_n, conflict_n = q.session.execute(
        stmt.select_from(q.parcels_from).where(*q.parcels_where)).one()
    report.parcels_received = int(total)
    report.exceptions = [Breakdown("unknown_parcels", int(unknown_n)),
                         Breakdown("parcel_conflicts", int(conflict_n))]


def _count_exceptions(q: _Query, report: IntakeReport) -> None:
    frm = q.items_from.join(InspectionFlag.__table__, InspectionFlag.inspection_id == Inspection.id)
    stmt = (select(InspectionFlag.flag, func.count(distinct(Inspection.id))).select_from(frm)
            .where(*q.items_where).group_by(InspectionFlag.flag))
    flagged = {str(flag): int(n) for flag, n in q.session.execute(stmt).all()}
    report.exceptions += [Breakdown(flag, flagged.get(flag, 0)) for flag in EXCEPTION_FLAGS]
    has_conflict_flag = select(InspectionFlag.inspection_id).where(
        InspectionFlag.inspection_id == Inspection.id, InspectionFlag.flag == "conflict").exists()
    conflicts = q.items(func.count().filter(or_(Inspection.conflict_with_id.isnot(None), has_conflict_flag)))
    report.exceptions.append(Breakdown("conflicts", int(conflicts[0][0] or 0)))


def _count_hours_and_days(q: _Query, report: IntakeReport) -> None:
    daily: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for index, (column, parcels) in enumerate(((Parcel.received_at, True), (Inspection.finished_at, False))):
        hourly = report.hourly_parcels if parcels else report.hourly_items
        for when, n in q.quarter_hours(column, parcels):
            local = when.astimezone(q.zone)
            hourly[local.hour] += n
            daily[local.date()][index] += n
    span = (report.date_to - report.date_from).days + 1
    report.daily_complete = span <= LONG_PERIOD_DAYS
    shown = ([report.date_from + timedelta(days=i) for i in range(span)] if report.daily_complete
             else sorted(daily))  # a long period: the days with intake only (cost follows the data)
    report.daily = [(d, daily[d][0], daily[d][1]) for d in shown]


def _read_items(q: _Query, report: IntakeReport) -> None:
    frm = q.items_from.join(InspectionFlag.__table__, InspectionFlag.inspection_id == Inspection.id)
    flags: dict[Any, list[str]] = defaultdict(list)
    for inspection_id, flag in q.session.execute(
            select(Inspection.id, InspectionFlag.flag).select_from(frm).where(*q.items_where)).all():
        flags[inspection_id].append(str(flag))
    minutes = q.hours_between(Parcel.received_at, Inspection.finished_at) * 60.0
    columns = (Inspection.id, Inspection.finished_at, Parcel.received_at, minutes, Return.rma_number,
               Inspection.lpn, func.coalesce(func.nullif(Inspection.item_sku, ""), ReturnLine.sku),
               func.coalesce(func.nullif(Inspection.item_description, ""), ReturnLine.product_name),
               ReturnLine.category, ReturnLine.reason_code, Inspection.outcome, Inspection.final_grade,
               Inspection.disposition, Return.refund_choice, Inspection.refund_recommendation,
               Inspection.refund_amount_cents, ReturnLine.unit_price_cents,
               Inspection.recovered_value_cents, User.name, q.item_station.code)
    stmt = (select(*columns).select_from(q.items_from).where(*q.items_where)
            .order_by(Inspection.finished_at, Inspection.id))
    zone, rows = q.zone, report.items
    for number, r in enumerate(q.session.execute(stmt)):
        if number % 2000 == 0 and q.cancel is not None and q.cancel():
            raise ReportCancelled()
        rows.append(ItemRow(
            r[1].astimezone(zone), r[2].astimezone(zone) if r[2] else None,
            float(r[3]) if r[3] is not None else None, r[4] or "", r[5] or "", r[6] or "", r[7] or "",
            str(r[8] or ""), str(r[9] or ""), str(r[10] or ""), str(r[11] or ""), r[12] or "",
            str(r[13] or ""), str(r[14] or ""), r[15], r[16], r[17], r[18] or "", r[19] or "",
            tuple(sorted(flags.get(r[0], ()))),
        ))
