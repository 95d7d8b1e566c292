"""Many stations at once, each with its own login role and SQLite data dir; conflicts flagged, never lost."""

from __future__ import annotations

import threading
import uuid

import pytest
from sqlalchemy import select
from sync_helpers import assert_converged, count_central, record_activity, run_until

from inspector.models import Inspection, Parcel, ReturnLine
from inspector.sync.announce import announce_returns
from inspector.sync.engine import SyncEngine

pytestmark = pytest.mark.postgres


def run_concurrently(engines: list[SyncEngine], rounds: int = 2) -> None:
    errors: list[str] = []

    def work(engine: SyncEngine) -> None:
        for _ in range(rounds):
            result = engine.run_once()
            if not result.ok:
                errors.append(result.error)

    threads = [threading.Thread(target=work, args=(engine,)) for engine in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors


def test_two_stations_same_parcel_and_unit_are_both_kept_and_flagged(
    central_url, station_factory, station_login, codes
) -> None:
    warehouse = codes("WH")
    rma = "T" + uuid.uuid4().hex[:8]
    announce_returns(
        central_url,
        [
            {
                "warehouse": warehouse,
                "rma_number": rma,
                "tracking_number": "3STWIN" + rma,
                "lines": [{"sku": "S1", "quantity": 1}],
            }
        ],
    )
    stations = [station_factory(warehouse, codes("ST")) for _ in range(2)]
    engines = [
        SyncEngine(s.database, s.photos, s.station, station_login(warehouse, s.station.station_code))
        for s in stations
    ]
    run_concurrently(engines, rounds=1)  # both pull the announced return
    for station in stations:
        with station.database.session() as session:
            line = session.scalar(select(ReturnLine).where(ReturnLine.sku == "S1"))
            record_activity(station, 1, seed=31, tracking="3STWIN" + rma, return_line_ids=[line.id])
    run_concurrently(engines, rounds=2)  # push (conflict detected), pull the conflict, push the flag
    for engine in engines:  # a long transaction elsewhere on a shared server may stall the feed a while
        run_until(engine, lambda _total, e=engine: _flagged(e))
        assert engine.run_once().ok
    assert count_central(central_url, "parcels", "tracking_number = %s", ("3STWIN" + rma,)) == 2
    assert (
        count_central(
            central_url,
            "conflicts",
            "kind = 'same_parcel' AND detail->>'tracking_number' = %s",
            ("3STWIN" + rma,),
        )
        == 1
    )
    assert (
        count_central(
            central_url,
            "conflicts c JOIN inspections i ON i.id = c.entity_id",
            "c.kind = 'same_unit' AND i.parcel_id IN (SELECT id FROM parcels WHERE tracking_number = %s)",
            ("3STWIN" + rma,),
        )
        == 1
    )
    for station in stations:
        with station.database.session() as session:
            parcel = session.scalar(select(Parcel))
            assert parcel.conflict and "conflict" in parcel.flags
            assert "conflict" in session.scalar(select(Inspection)).flags
        assert_converged(station, central_url)
    assert count_central(central_url, "parcels", "tracking_number = %s AND conflict", ("3STWIN" + rma,)) == 2


def _flagged(engine: SyncEngine) -> bool:
    with engine.database.session() as session:
        parcel = session.scalar(select(Parcel))
        return bool(parcel and parcel.conflict)


def test_ten_stations_sync_concurrently(central_url, station_factory, station_login, codes) -> None:
    warehouses = [codes("WH") for _ in range(3)]
    prefix = "M" + uuid.uuid4().hex[:6]
    announce_returns(
        central_url,
        [
            {"warehouse": wh, "rma_number": f"{prefix}{n}{i:04d}", "lines": [{"sku": "A"}]}
            for n, wh in enumerate(warehouses)
            for i in range(30)
        ],
    )
    stations = [station_factory(warehouses[n % 3], codes("ST")) for n in range(10)]
    for n, station in enumerate(stations):
        record_activity(station, 12, seed=40 + n)
    engines = [
        SyncEngine(
            s.database,
            s.photos,
            s.station,
            station_login(s.station.warehouse_code, s.station.station_code),
            batch_size=25,
        )
        for s in stations
    ]
    run_concurrently(engines)
    for station in stations:
        counts = assert_converged(station, central_url)
        assert counts["inspection"] == 12
        with station.database.session() as session:
            assert len(session.scalars(select(Parcel.id)).all()) == 12
    sids = [s.station.station_id for s in stations]
    assert count_central(central_url, "inspections", "origin_station_id = ANY(%s)", (sids,)) == 120
    assert count_central(central_url, "conflicts", "station_id = ANY(%s)", (sids,)) == 0
