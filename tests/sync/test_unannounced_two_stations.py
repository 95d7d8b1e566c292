"""One unknown parcel registered as unannounced at two stations before either synced (issue 10):
central cannot refuse the second upload, so it must at least see the same parcel twice and flag both."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select
from sync_helpers import count_central, run_until

from inspector.models import Parcel
from inspector.scanning.identify import identify
from inspector.sync.engine import SyncEngine

pytestmark = pytest.mark.postgres


def test_the_same_unknown_parcel_registered_at_two_stations_is_flagged_as_one_parcel(
    central_url, station_factory, station_login, codes
) -> None:
    warehouse = codes("WH")
    code = "ZX" + "".join(random.choice("0123456789") for _ in range(12))
    assert identify(code).kind == "unknown"  # a code of a format no carrier rule knows
    stations = [station_factory(warehouse, codes("ST")) for _ in range(2)]
    engines = [
        SyncEngine(s.database, s.photos, s.station, station_login(warehouse, s.station.station_code))
        for s in stations
    ]
    for station in stations:
        station.intake.register_unannounced(scanned_code=code, user_id=None)
    for engine in engines:  # push; the second upload meets the first at central
        assert engine.run_once().ok
    for engine in engines:  # pull the conflict, flag the own parcel, push the flag
        run_until(engine, lambda _total, e=engine: _flagged(e))
        assert engine.run_once().ok
    assert count_central(
        central_url, "conflicts", "kind = 'same_parcel' AND detail->>'tracking_number' = %s", (code,)
    ) == 1
    assert count_central(central_url, "parcels", "tracking_number = %s AND conflict", (code,)) == 2


def _flagged(engine: SyncEngine) -> bool:
    with engine.database.session() as session:
        parcel = session.scalar(select(Parcel))
        return bool(parcel and parcel.conflict)
