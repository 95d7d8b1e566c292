"""The background service (offline, backoff, status, stop) and the CLI functions; server restart."""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import time
from pathlib import Path

import psycopg
import pytest
from sync_helpers import assert_converged, record_activity

from inspector.sync.cli import run_central, run_sync
from inspector.sync.engine import SyncEngine
from inspector.sync.service import SyncService

pytestmark = pytest.mark.postgres

UNREACHABLE = "postgresql://station:s3cret-pw@127.0.0.1:1/nowhere"


def test_offline_service_backs_off_reports_and_recovers(central_url, station_factory, codes, caplog) -> None:
    station = station_factory(codes("WH"), codes("ST"))
    record_activity(station, 3, seed=50)
    engine = SyncEngine(station.database, station.photos, station.station, UNREACHABLE)
    service = SyncService(engine, interval_s=0.05, max_backoff_s=0.4)
    seen = []
    service.add_listener(seen.append)
    service.start()
    try:
        _offline_then_back(service, engine, central_url, caplog)
    finally:
        service.stop()
    status = service.status()
    assert status.online and status.last_error == "" and status.last_success_at is not None
    assert seen and not service._thread
    assert_converged(station, central_url)


def _offline_then_back(service: SyncService, engine: SyncEngine, central_url: str, caplog) -> None:
    deadline = time.monotonic() + 20
    while service.status().consecutive_failures < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    status = service.status()
    assert status.online is False and "cannot be reached" in status.last_error
    assert status.pending == 3 * 5 + 2 and status.oldest_pending_age_s is not None
    assert status.next_attempt_in_s > 0.05  # backing off
    assert "s3cret-pw" not in caplog.text and "s3cret-pw" not in status.text()
    engine.central_url = central_url  # the network is back
    service.sync_now()
    deadline = time.monotonic() + 20
    while service.status().pending and time.monotonic() < deadline:
        time.sleep(0.05)


def test_run_sync_once_and_central_commands(central_url, station_factory, codes, tmp_path) -> None:
    station = station_factory(codes("WH"), codes("ST"))
    record_activity(station, 2, seed=51)
    out = io.StringIO()
    assert run_sync(station, UNREACHABLE, once=True, out=out) == 1
    assert "cannot be reached" in out.getvalue() and "s3cret-pw" not in out.getvalue()
    out = io.StringIO()
    assert run_sync(station, central_url, once=True, out=out) == 0 and "sync ok" in out.getvalue()
    returns = tmp_path / "returns.jsonl"
    returns.write_text(json.dumps({
        "rma_number": "RMA45678919", "order_number": "WS-1", "customer_name": "Jan", "customer_email":
        "jan@example.nl", "postcode": "1234 AB", "house_number": "1", "country": "NL",
        "announced_at": "2025-03-10T09:15:00+01:00", "refund_choice": "refund",
        "lines": [{"sku": "A", "product_name": "Shirt", "category": "apparel", "quantity": 1,
                   "unit_price": "9.95", "reason": "wrong_size"}],
    }) + "\n")
    out = io.StringIO()
    args = argparse.Namespace(
        central_command="import-returns",
        central=central_url,
        file=returns,
        warehouse=station.station.warehouse_code,
    )
    assert run_central(args, out) == 0 and "1 created" in out.getvalue()
    out = io.StringIO()
    code = run_central(argparse.Namespace(central_command="status", central=central_url, json=True), out)
    info = json.loads(out.getvalue())
    key = f"{station.station.warehouse_code}:{station.station.station_code}"
    # The central database is shared by the session's tests, some of which raise alarms on purpose
    # (test_exactly_once tampers with an event): exit 1 then, but never for this station.
    assert not [alarm for alarm in info["audit_alarms"] if key in alarm], info["audit_alarms"]
    assert code == (1 if info["audit_alarms"] else 0)
    assert {"returns", "return_lines", "parcels", "inspections", "photos", "audit_events"} <= set(
        info["tables"]
    )
    assert info["stations"][key]["inspections"] == 2
    out = io.StringIO()
    bad = argparse.Namespace(central_command="status", central=UNREACHABLE, json=True)
    assert run_central(bad, out) == 1 and "s3cret-pw" not in out.getvalue()


@pytest.mark.exclusive
@pytest.mark.skipif(
    os.environ.get("INSPECTOR_TEST_RESTART_PG") != "1",
    reason="restarts the shared PostgreSQL server: set INSPECTOR_TEST_RESTART_PG=1 to allow",
)
def test_server_restarted_mid_sync(central_url, station_factory, codes) -> None:
    """SYNC.md scenario 2: an immediate shutdown mid-batch; every acknowledged record survives."""
    version = sorted(p.name for p in Path("/etc/postgresql").iterdir())[-1]
    station = station_factory(codes("WH"), codes("ST"))
    record_activity(station, 40, seed=52)
    restarted = []

    def restart(point: str, _conn: object) -> None:
        if point == "after_ack" and not restarted:
            restarted.append(point)
            subprocess.run(
                ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart", "-m", "immediate"],
                check=True,
                timeout=60,
            )

    engine = SyncEngine(
        station.database, station.photos, station.station, central_url, fault_hook=restart, batch_size=30
    )
    try:
        assert not engine.run_once().ok
    finally:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                psycopg.connect(central_url, connect_timeout=2).close()
                break
            except psycopg.OperationalError:
                time.sleep(0.5)
    assert engine.run_once().ok
    assert_converged(station, central_url)
