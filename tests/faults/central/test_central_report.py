"""The long-range report counts the same on the central PostgreSQL database as on the station (§4).

Per-day throughput is now grouped per UTC quarter hour in SQL and per local day in Python; the
PostgreSQL dialect of that (``to_char``, ``extract(epoch ...)``) must give the station's numbers.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sync_helpers import record_activity

from inspector.models import Inspection
from inspector.reports.intake_report import build_intake_report
from inspector.services.access import COMMAND_LINE
from inspector.services.sources import SourceKind
from inspector.sync.engine import SyncEngine

pytestmark = pytest.mark.postgres


def test_a_century_on_central_counts_what_the_station_counts(central_url, station_factory, codes) -> None:
    station = station_factory(codes("WH"), codes("ST"))
    ids = record_activity(station, 25, seed=81)
    base = datetime(2026, 3, 28, 20, tzinfo=UTC)  # 37 minutes apart: two local midnights, the DST switch
    with station.database.session() as session:
        for n, inspection_id in enumerate(ids):
            inspection = session.get(Inspection, inspection_id)
            inspection.started_at = base + timedelta(minutes=37 * n)
            inspection.finished_at = inspection.started_at + timedelta(minutes=4 + n % 5)
    assert SyncEngine(station.database, station.photos, station.station, central_url).run_once().ok
    station.settings = replace(station.settings, central_url=central_url)
    first, last = date(1950, 1, 1), date(2049, 12, 31)
    local = build_intake_report(station.source(SourceKind.LOCAL).database, station.station.warehouse_code,
                                first, last, user=COMMAND_LINE)
    central = build_intake_report(station.source(SourceKind.CENTRAL).database,
                                  station.station.warehouse_code, first, last, user=COMMAND_LINE)
    assert local.items_inspected == central.items_inspected == 25
    assert [(t.name, t.items, round(t.hours, 6)) for t in central.by_station] == [
        (t.name, t.items, round(t.hours, 6)) for t in local.by_station]
    assert 10 < local.by_station[0].hours < 15.5  # three local days, each first start to last finish
    assert central.daily == local.daily and not central.daily_complete
    assert central.hourly_items == local.hourly_items
