"""Receiving demo parcels and inspecting their units, in the order they arrived.

LPNs come from :func:`inspector.reports.labels.make_lpn` with a counter per station that starts
after the station's existing LPNs and skips any that are taken, the scheme of
:meth:`inspector.services.finishing.GradingService._next_lpn`: the station's next real LPN (count of
its LPNs + 1) follows the demo's without colliding.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, select, update

from inspector.models import Flag, Inspection, InspectionFlag, Parcel, Photo, Return, ReturnStatus
from inspector.reports.labels import make_lpn
from inspector.services.demo.answers import AnswerMaker
from inspector.services.demo.item import Unit, inspect_unit
from inspector.services.demo.reference import Picker
from inspector.services.demo.state import ParcelVisit, ReturnInfo, SeedRun, WorkRows, new_uuid
from inspector.services.demo.trail import settle_records, store_photos, write_events


class LpnCounter:
    """The next LPN of each station, continuing after the LPNs the station already has."""

    def __init__(self, run: SeedRun) -> None:
        self.run = run
        self._counter: dict[uuid.UUID, int] = {}
        self._taken: dict[uuid.UUID, set[str]] = {}

    def next(self, station_id: uuid.UUID, station_code: str) -> str:
        """A new LPN for ``station_id``."""
        if station_id not in self._counter:
            s = self.run.session
            lpns = set(s.scalars(select(Inspection.lpn).where(Inspection.lpn.isnot(None),
                                                              Inspection.station_id == station_id)))
            self._counter[station_id] = len(lpns)
            self._taken[station_id] = lpns | set(s.scalars(
                select(Inspection.lpn).where(Inspection.lpn.like(make_lpn(station_code, 1)[:-8] + "%"))))
        self._counter[station_id] += 1
        lpn = make_lpn(station_code, self._counter[station_id])
        while lpn in self._taken[station_id]:
            self._counter[station_id] += 1
            lpn = make_lpn(station_code, self._counter[station_id])
        return lpn


def _receive_time(run: SeedRun, info: ReturnInfo, units: int) -> datetime | None:
    """A time in the last 7 days, 07:00 until late enough that the unit's inspections end by 18:00."""
    rng = run.rng
    zone = run.places[info.warehouse].zone
    work_minutes = 35 + 11 * units
    latest_start = 18 * 60 - work_minutes
    earliest = max(info.announced_at + timedelta(hours=20), run.now - timedelta(days=7))
    latest = run.now - timedelta(minutes=work_minutes)
    today = run.now.astimezone(zone).date()
    for _ in range(12):
        day = today - timedelta(days=rng.randint(0, 6))
        minute = rng.randint(7 * 60, latest_start)
        local = datetime(day.year, day.month, day.day, minute // 60, minute % 60, rng.randint(0, 59),
                         tzinfo=zone)
        when = local.astimezone(UTC)
        if earliest <= when <= latest:
            return when
    return None


def _plan(run: SeedRun, infos: list[ReturnInfo], inspections: int
          ) -> list[tuple[datetime, int, int, bool]]:
    """Which returns' parcels arrive when: (received at, info index, extra units, inspected)."""
    rng = run.rng
    cutoff = run.now - timedelta(days=1)
    candidates = [i for i, info in enumerate(infos) if info.announced_at <= cutoff]
    rng.shuffle(candidates)
    # Prefer parcels that had a realistic transit time (announced 2 to 14 days ago).
    recent = run.now - timedelta(days=14)
    candidates.sort(key=lambda i: 0 if infos[i].announced_at >= recent else 1)
    plan: list[tuple[datetime, int, int, bool]] = []
    remaining = inspections
    received_only_target = round(inspections * 0.1)
    received_only = 0
    for i in candidates:
        if remaining <= 0 and received_only >= received_only_target:
            break
        units = sum(q for _, _, q, _, _ in infos[i].lines)
        extra = 1 if rng.random() < 0.02 else 0
        if remaining > 0:
            if units + extra > remaining:
                extra = 0
                if units > remaining:
                    continue
            when = _receive_time(run, infos[i], units + extra)
            if when is None:
                continue
            plan.append((when, i, extra, True))
            remaining -= units + extra
        else:
            when = _receive_time(run, infos[i], units)
            if when is not None:
                plan.append((when, i, 0, False))
                received_only += 1
    # Work through the parcels in the order they arrived so the audit trail reads chronologically.
    return sorted(plan)


def receive_and_inspect(run: SeedRun, infos: list[ReturnInfo], inspections: int) -> set[int]:
    """Receive parcels for some returns, inspect all their units, update the returns' status.

    Returns the indices (into ``infos``) of the returns whose parcel arrived.
    """
    plan = _plan(run, infos, inspections)
    parcel_rows: list[dict[str, Any]] = []
    status_rows: list[dict[str, Any]] = []
    rows = WorkRows()
    lpns = LpnCounter(run)
    answer_maker = AnswerMaker()
    for when, i, extra, inspect in plan:
        info = infos[i]
        parcel = _parcel(run, info, when)
        parcel_rows.append(parcel.row)
        last_time = when
        if inspect:
            last_time = _inspect_parcel(run, info, parcel, extra, lpns, answer_maker, rows)
        status = ReturnStatus.INSPECTED if inspect else ReturnStatus.RECEIVED
        status_rows.append({"rid": info.id, "st": status.value, "ua": last_time})
    store_photos(run, rows.photo_jobs, inspections)
    settle_records(run, rows)
    s = run.session
    for table, table_rows in ((Parcel.__table__, parcel_rows), (Inspection.__table__, rows.inspections),
                              (InspectionFlag.__table__, rows.flags),
                              (Photo.__table__, [job["row"] for job in rows.photo_jobs])):
        if table_rows:
            s.execute(table.insert(), table_rows)
    if status_rows:
        table = Return.__table__
        s.execute(update(table).where(table.c.id == bindparam("rid")).values(
            status=bindparam("st"), updated_at=bindparam("ua")), status_rows)
    run.counts.update(parcels=len(parcel_rows), inspections=len(rows.inspections),
                      photos=len(rows.photo_jobs))
    write_events(run)
    return {i for _, i, _, _ in plan}


def _parcel(run: SeedRun, info: ReturnInfo, when: datetime) -> ParcelVisit:
    rng = run.rng
    place = run.places[info.warehouse]
    station_id, station_code = Picker(place.stations, place.station_weights)(rng)
    inspector_id, _badge = run.staff.inspectors[rng.choice(run.staff.by_warehouse[info.warehouse])]
    box = run.pickers.box(rng)
    flags = [Flag.LATE.value] if info.late else []
    parcel_id = new_uuid(rng)
    row = {
        "id": parcel_id, "created_at": when, "updated_at": when, "tracking_number": info.tracking,
        "scanned_code": info.tracking, "carrier": info.carrier, "return_id": info.id, "received_at": when,
        "received_by_id": inspector_id, "station_id": station_id, "box_condition": box.value,
        "unannounced": False, "conflict": False, "flags": flags, "notes": "",
    }
    run.event(station_id, when, {
        "actor_id": inspector_id, "action": "parcel_received", "entity_type": "parcel",
        "entity_id": parcel_id, "return_id": info.id, "inspection_id": None,
        "payload": {"tracking_number": info.tracking, "carrier": info.carrier, "rma": info.rma,
                    "box_condition": box.value, "flags": flags},
        "photo_hashes": [],
    })
    return ParcelVisit(row, parcel_id, station_id, station_code, inspector_id, box, place)


def _inspect_parcel(run: SeedRun, info: ReturnInfo, parcel: ParcelVisit, extra: int, lpns: LpnCounter,
                    answer_maker: AnswerMaker, rows: WorkRows) -> datetime:
    """Inspect every unit of the parcel, one after another; returns when the last one was done."""
    rng = run.rng
    start = parcel.received_at + timedelta(seconds=rng.randint(60, 30 * 60))
    units = [(line, unit) for line in info.lines for unit in range(1, line[2] + 1)]
    if extra:
        units.append((None, 1))
    finished = start
    def next_lpn() -> str:
        return lpns.next(parcel.station_id, parcel.station_code)

    for line, unit_index in units:
        finished = start + timedelta(seconds=rng.randint(120, 480))
        unit = Unit(line, unit_index, start, finished, next_lpn)
        inspect_unit(run, info, parcel, unit, answer_maker, rows)
        start = finished + timedelta(seconds=rng.randint(10, 180))
    return finished
