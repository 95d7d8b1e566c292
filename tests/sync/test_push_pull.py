"""Push and pull end to end: convergence, incremental pull, central changes, out-of-order commits."""

from __future__ import annotations

import threading
import uuid

import psycopg
import pytest
from sqlalchemy import select
from sync_helpers import assert_converged, count_central, record_activity, run_until

from inspector.models import Inspection, InspectionStatus, Return, ReturnLine, ReturnStatus
from inspector.sync.announce import announce_returns, cancel_return
from inspector.sync.central_schema import central_head, central_revision, upgrade_central
from inspector.sync.engine import SyncEngine
from inspector.sync.pull import CURSOR_KEY, read_state

pytestmark = pytest.mark.postgres


def engine_for(services, url: str, **kwargs) -> SyncEngine:
    return SyncEngine(services.database, services.photos, services.station, url, **kwargs)


def announced(warehouse: str, count: int, prefix: str, lines: int = 2) -> list[dict]:
    return [
        {
            "warehouse": warehouse,
            "rma_number": f"{prefix}{i:06d}",
            "customer_name": f"Klant {i}",
            "tracking_number": f"3S{prefix}{i:06d}",
            "postcode": "1011AB",
            "house_number": str(i),
            "lines": [
                {
                    "sku": f"SKU-{n}",
                    "product_name": f"Product {n}",
                    "category": "apparel",
                    "reason_code": "wrong_size",
                    "quantity": 1 + n % 2,
                }
                for n in range(lines)
            ],
        }
        for i in range(count)
    ]


def _local_returns(station) -> int:
    with station.database.session() as session:
        return len(set(session.scalars(select(Return.id))))


def test_upgrade_is_idempotent(central_url: str) -> None:
    assert central_revision(central_url) == central_head()
    assert upgrade_central(central_url) == (central_head(), central_head())


def test_push_converges_and_second_run_sends_nothing(central_url, station_factory, codes) -> None:
    station = station_factory(codes("WH"), codes("ST"))
    record_activity(station, 30, seed=1)
    engine = engine_for(station, central_url, batch_size=25)
    first = engine.run_once()
    assert first.ok, first.error
    assert first.upload.sent["inspection"] == 30 and first.upload.sent["audit_event"] == 60
    second = engine.run_once()
    assert second.ok and sum(second.upload.sent.values()) == 0
    counts = assert_converged(station, central_url)
    assert counts["photo"] == 30 and counts["dispute"] == 3


def test_mutable_inspection_update_rule(central_url, station_factory, codes) -> None:
    station = station_factory(codes("WH"), codes("ST"))
    [inspection_id] = record_activity(station, 1, seed=2, finish=False)
    engine = engine_for(station, central_url)
    assert engine.run_once().ok
    with station.database.session() as session:
        inspection = session.get(Inspection, inspection_id)
        inspection.status = InspectionStatus.FINISHED
        inspection.add_flag("suspected_fraud")
    result = engine.run_once()
    assert result.ok and result.upload.sent == {"inspection": 1}
    assert count_central(central_url, "inspections", "id = %s AND status = 'finished'", (inspection_id,)) == 1
    assert count_central(central_url, "inspection_flags", "inspection_id = %s", (inspection_id,)) == 2
    assert_converged(station, central_url)


def test_pull_is_incremental_and_brings_central_changes(central_url, station_factory, codes) -> None:
    warehouse = codes("WH")
    station = station_factory(warehouse, codes("ST"))
    other = station_factory(codes("WX"), codes("ST"))
    prefix = "R" + uuid.uuid4().hex[:6]
    announce_returns(central_url, announced(warehouse, 50, prefix))
    announce_returns(central_url, announced(other.station.warehouse_code, 5, prefix + "X"))
    engine = engine_for(station, central_url)
    first = run_until(engine, lambda total: total.returns >= 50)
    assert first.returns == 50 and first.lines == 100
    assert engine.run_once().download.changes == 0  # nothing changed: nothing pulled
    # Customer service cancels one return and adds a line to another.
    assert cancel_return(central_url, f"{prefix}000003")
    changed = announced(warehouse, 5, prefix, lines=3)[4:5]
    assert announce_returns(central_url, announced(warehouse, 5, prefix) + changed) == 1
    third = run_until(engine, lambda total: total.returns >= 2 and total.lines >= 1)
    assert third.returns == 2 and third.lines == 1
    with station.database.session() as session:
        cancelled = session.scalar(select(Return).where(Return.rma_number == f"{prefix}000003"))
        assert cancelled.status == ReturnStatus.CANCELLED and cancelled.central_seq
        grown = session.scalar(select(Return).where(Return.rma_number == f"{prefix}000004"))
        assert len(grown.lines) == 3
        assert session.scalar(select(Return).where(Return.rma_number == f"{prefix}X000000")) is None
    # A line removed centrally is deleted here (tombstone); the local progress is kept.
    with station.database.session() as session:
        session.scalar(
            select(Return).where(Return.rma_number == f"{prefix}000004")
        ).status = ReturnStatus.RECEIVED
    announce_returns(central_url, announced(warehouse, 5, prefix, lines=1)[4:5])
    assert run_until(engine, lambda total: total.deleted >= 2).deleted == 2
    with station.database.session() as session:
        grown = session.scalar(select(Return).where(Return.rma_number == f"{prefix}000004"))
        assert len(grown.lines) == 1 and grown.status == ReturnStatus.RECEIVED
        assert session.scalar(select(ReturnLine).where(ReturnLine.return_id == grown.id)) is not None
    assert_converged(station, central_url)


def test_out_of_order_commits_are_not_missed(central_url, station_factory, codes) -> None:
    """SYNC.md scenario 5: T1 writes, T2 commits, pull, T1 commits, pull: nothing missed."""
    warehouse = codes("WH")
    station = station_factory(warehouse, codes("ST"))
    engine = engine_for(station, central_url)
    assert engine.run_once().ok  # registers the warehouse
    prefix = "O" + uuid.uuid4().hex[:6]
    t1 = psycopg.connect(central_url)
    try:
        t1.execute(
            "INSERT INTO returns (id, warehouse_id, rma_number) SELECT gen_random_uuid(), id, %s "
            "FROM warehouses WHERE code = %s",
            (prefix + "T1", warehouse),
        )
        announce_returns(central_url, announced(warehouse, 1, prefix + "T2"))  # T2 commits first
        middle = engine.run_once()
        assert middle.ok and middle.download.returns == 0  # T2's change waits behind open T1
        cursor_before = read_state(station.database, CURSOR_KEY)
        t1.commit()
    finally:
        t1.close()
    assert run_until(engine, lambda total: total.returns >= 2).returns == 2
    assert read_state(station.database, CURSOR_KEY) != cursor_before
    with station.database.session() as session:
        rmas = set(session.scalars(select(Return.rma_number)))
    assert {prefix + "T1", prefix + "T2000000"} <= rmas


def test_concurrent_writers_while_pulling(central_url, station_factory, codes) -> None:
    """Many central writers committing in random order while a station pulls: every return arrives."""
    warehouse = codes("WH")
    station = station_factory(warehouse, codes("ST"))
    engine = engine_for(station, central_url)
    assert engine.run_once().ok
    prefix = "C" + uuid.uuid4().hex[:6]

    def writer(n: int) -> None:
        for batch in range(5):
            announce_returns(central_url, announced(warehouse, 20, f"{prefix}{n}{batch}", lines=1))

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        assert engine.run_once().ok
    for thread in threads:
        thread.join()
    run_until(engine, lambda _total: _local_returns(station) >= 400)
    assert _local_returns(station) == 400
    assert_converged(station, central_url)


def test_sync_epoch_change_resends_and_repulls(central_url, station_factory, codes) -> None:
    station = station_factory(codes("WH"), codes("ST"))
    record_activity(station, 3, seed=3)
    engine = engine_for(station, central_url)
    assert engine.run_once().ok
    with psycopg.connect(central_url) as conn:  # as after a restore from backup: a new epoch
        conn.execute("UPDATE central_meta SET value = gen_random_uuid()::text WHERE key = 'epoch'")
    result = engine.run_once()
    assert result.ok and result.epoch_changed
    assert result.upload.replays == 3 + 3 + 3 + 6 + 1 + 1  # everything re-sent, nothing duplicated
    assert_converged(station, central_url)
