"""Station logins are keyed by warehouse AND station (issue 11 §6): codes that look alike, or one
station code in two warehouses, get their own login, and neither takes the other's over."""

from __future__ import annotations

import secrets

import psycopg
import pytest
from sync_helpers import assert_converged, record_activity

from inspector.sync.engine import SyncEngine
from inspector.sync.roles import create_station_login

pytestmark = pytest.mark.postgres


def _login(central_url: str, prefix: str, warehouse: str, station: str):  # type: ignore[no-untyped-def]
    with psycopg.connect(central_url) as conn:
        return create_station_login(conn, warehouse, station, prefix)


def _whoami(url: str) -> tuple[str, str]:
    """(warehouse code, station code) the central database maps this login to."""
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT w.code, l.station_code FROM station_logins l JOIN warehouses w ON w.id = l.warehouse_id "
            "WHERE l.role_name = current_user"
        ).fetchone()
    assert row is not None, "the login is not mapped to any station"
    return row[0], row[1]


def test_look_alike_station_codes_get_their_own_logins(central_url, role_prefix) -> None:
    tag = secrets.token_hex(3).upper()
    warehouse = f"WK-{tag}"
    dash = _login(central_url, role_prefix, warehouse, f"ST-{tag}")
    underscore = _login(central_url, role_prefix, warehouse, f"ST_{tag}")
    lower = _login(central_url, role_prefix, warehouse, f"st-{tag}")
    assert len({dash.role, underscore.role, lower.role}) == 3
    assert _whoami(dash.url(central_url)) == (warehouse, f"ST-{tag}")
    assert _whoami(underscore.url(central_url)) == (warehouse, f"ST_{tag}")
    assert _whoami(lower.url(central_url)) == (warehouse, f"st-{tag}")


def test_one_station_code_in_two_warehouses(central_url, role_prefix, station_factory) -> None:
    tag = secrets.token_hex(3).upper()
    station = f"ST-07-{tag}"
    wh_a, wh_b = f"WA-{tag}", f"WB-{tag}"
    login_a = _login(central_url, role_prefix, wh_a, station)
    login_b = _login(central_url, role_prefix, wh_b, station)
    assert login_a.role != login_b.role
    assert _whoami(login_a.url(central_url)) == (wh_a, station)
    assert _whoami(login_b.url(central_url)) == (wh_b, station)
    a = station_factory(wh_a, station)
    b = station_factory(wh_b, station)
    for services, login in ((a, login_a), (b, login_b)):
        record_activity(services, 1, seed=len(login.role))
        result = SyncEngine(services.database, services.photos, services.station,
                            login.url(central_url)).run_once()
        assert result.ok, result.error
        assert_converged(services, central_url)
    with psycopg.connect(central_url) as conn:
        rows = conn.execute(
            "SELECT w.code FROM stations s JOIN warehouses w ON w.id = s.warehouse_id WHERE s.code = %s "
            "ORDER BY w.code", (station,)
        ).fetchall()
    assert [r[0] for r in rows] == [wh_a, wh_b]
