"""Station logins cannot read or change the connectors' credentials, settings, links or outbox."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

import psycopg
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "connectors"))

from helpers import add, make_warehouse

from inspector.connectors.credentials import Vault, key_path
from inspector.connectors.store import load_credentials

pytestmark = pytest.mark.postgres


def test_station_logins_cannot_touch_connector_tables(central_url, station_login, codes, tmp_path) -> None:
    warehouse = codes("NL-SEC")
    make_warehouse(central_url, warehouse)
    connector = add(central_url, tmp_path, warehouse, "bol", {},
                    {"client_id": "bol-client", "client_secret": "very-secret-value"})
    # The credentials are stored encrypted: not even the administrator's SELECT shows them.
    with psycopg.connect(central_url) as conn:
        stored = conn.execute("SELECT ciphertext FROM connector_secrets WHERE connector_id = %s",
                              (connector.id,)).fetchone()[0]
        assert "very-secret-value" not in stored and "bol-client" not in stored
        credentials = load_credentials(conn, Vault(key_path(tmp_path)), connector)
        assert credentials["client_secret"] == "very-secret-value"

    station_url = station_login(warehouse, "ST-01")
    for table in ("connector_secrets", "connectors", "connector_returns", "connector_outcomes"):
        with psycopg.connect(station_url) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f"SELECT * FROM {table}")
    with psycopg.connect(station_url) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE connector_secrets SET ciphertext = 'x'")
    with psycopg.connect(station_url) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("INSERT INTO connector_outcomes (id, connector_id, external_id, rma_number, line_no, "
                     "payload) VALUES (%s, %s, 'x', 'RMA1', 1, '{}')", (uuid.uuid4(), connector.id))
    with psycopg.connect(station_url) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT nextval('connector_rma_seq')")


def test_credentials_never_reach_the_logs(central_url, codes, tmp_path, caplog) -> None:
    import base64
    import copy
    import io
    import logging

    from fakes import FakeBol, FakeShopify, fixture
    from helpers import Client, run

    from inspector.cli import main

    caplog.set_level(logging.DEBUG)
    bol = FakeBol(copy.deepcopy(fixture("bol_returns.json")["returns"]))
    shop = FakeShopify(copy.deepcopy(fixture("shopify_orders.json")["orders"]))
    try:
        warehouse = codes("NL-LOG")
        make_warehouse(central_url, warehouse)
        where = {"base_url": bol.url, "token_url": bol.url + "/token"}
        good = add(central_url, tmp_path, warehouse, "bol", where,
                   {"client_id": "bol-client", "client_secret": "bol-secret"}, name="bol")
        bad = add(central_url, tmp_path, warehouse, "bol", where,
                  {"client_id": "bol-client-2", "client_secret": "wrong-bol-secret"}, name="bol2")
        shopify = add(central_url, tmp_path, warehouse, "shopify", {"shop_url": shop.url},
                      {"access_token": "shpat_test"}, name="shop")
        for connector in (good, bad, shopify):
            run(central_url, tmp_path, connector, Client())
        out = io.StringIO()
        main(["--data-dir", str(tmp_path), "connectors", "list", "--central", central_url], out)
        main(["--data-dir", str(tmp_path), "connectors", "status", "--central", central_url], out)
    finally:
        bol.close()
        shop.close()
    shown = caplog.text + out.getvalue()
    assert "Bad client credentials" in shown  # the failure is told ...
    for secret in ("bol-secret", "shpat_test", "tok-1", base64.b64encode(b"bol-client:bol-secret").decode()):
        assert secret not in shown  # ... but no credential, token or Authorization header


def test_stations_see_only_their_own_warehouses_connector_health(central_url, station_login, codes,
                                                                 tmp_path) -> None:
    from inspector.connectors.health import HEALTH_SQL, health_rows

    mine, theirs = codes("NL-H"), codes("BE-H")
    for warehouse in (mine, theirs):
        make_warehouse(central_url, warehouse)
        add(central_url, tmp_path, warehouse, "sendcloud", {}, {"public_key": "pk", "secret_key": "sk-s"})
    with psycopg.connect(central_url, autocommit=True) as conn:
        conn.execute("UPDATE connectors SET last_error = 'GET /returns: HTTP 503' WHERE warehouse_id = "
                     "(SELECT id FROM warehouses WHERE code = %s)", (mine,))
    with psycopg.connect(station_login(mine, "ST-01")) as conn:
        rows = health_rows(conn.execute(HEALTH_SQL).fetchall())
    assert [(r.connector, r.platform, r.failing, r.last_error) for r in rows] == [
        ("sendcloud", "sendcloud", True, "GET /returns: HTTP 503")]
