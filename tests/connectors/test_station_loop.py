"""The whole loop with a real station: bol.com's return reaches the station without any file, the
station's inspection goes up with its sync, and its outcome goes back to bol.com."""

from __future__ import annotations

import copy

import pytest
from fakes import FakeBol, fixture
from helpers import Client, add, make_warehouse, outcomes, run
from sqlalchemy import select
from sync_helpers import record_activity, run_until

from inspector.models import Inspection, RefundRecommendation, Return
from inspector.sync.engine import SyncEngine

pytestmark = pytest.mark.postgres


def test_a_bol_return_reaches_the_station_and_its_outcome_reaches_bol(central_url, tmp_path, codes,
                                                                      station_factory):
    bol = FakeBol(copy.deepcopy(fixture("bol_returns.json")["returns"]))
    try:
        warehouse = codes("NL-LOOP")
        make_warehouse(central_url, warehouse)
        station = station_factory(warehouse, codes("ST"))
        connector = add(central_url, tmp_path, warehouse, "bol",
                        {"base_url": bol.url, "token_url": bol.url + "/token", "follow_after_s": 0},
                        {"client_id": "bol-client", "client_secret": "bol-secret"})
        assert run(central_url, tmp_path, connector, Client()).created == 4  # the FBR returns

        engine = SyncEngine(station.database, station.photos, station.station, central_url)
        run_until(engine, lambda total: total.returns >= 4)
        with station.database.session() as session:
            ret = session.scalar(select(Return).where(Return.tracking_number == "3SBOL0987654303"))
            assert ret is not None and ret.order_number == "4012345603" and ret.rma_number.startswith("RMA9")
            line_id = ret.lines[0].id
        [inspection_id] = record_activity(station, 1, seed=7, return_line_ids=[line_id])
        with station.database.session() as session:
            session.get(Inspection, inspection_id).refund_recommendation = RefundRecommendation.FULL
        assert engine.run_once().ok

        run(central_url, tmp_path, connector, Client())
        assert [r.json() for r in bol.puts("86123482")] == [
            {"handlingResult": "RETURN_RECEIVED", "quantityReturned": 1}]
        run(central_url, tmp_path, connector, Client())
        assert [o["state"] for o in outcomes(central_url, connector)] == ["accepted"]
    finally:
        bol.close()
