"""Least privilege: a station role sees and changes only what it may (SYNC.md scenario 8)."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from sync_helpers import assert_converged, count_central, record_activity

from inspector.sync.announce import announce_returns
from inspector.sync.engine import SyncEngine
from inspector.sync.urls import redact_text, redact_url

pytestmark = pytest.mark.postgres


def test_redact_url_hides_passwords() -> None:
    assert redact_url("postgresql://st:s3cret@db:5432/central") == "postgresql://st:***@db:5432/central"
    assert (
        redact_url("postgresql://db/central?user=a&password=s3cret")
        == "postgresql://db/central?user=a&password=***"
    )
    assert redact_url("host=db user=a password='s3 cret' dbname=c") == "host=db user=a password=*** dbname=c"
    assert "s3cret" not in redact_text("failed for postgresql://a:s3cret@h/d and password=s3cret")


def test_station_role_is_confined_to_its_own_rows(central_url, station_factory, station_login, codes) -> None:
    wh_a, wh_b = codes("WA"), codes("WB")
    st_a, st_a2, st_b = codes("SA"), codes("SA2"), codes("SB")
    url_a, url_a2, url_b = station_login(wh_a, st_a), station_login(wh_a, st_a2), station_login(wh_b, st_b)
    a, a2, b = station_factory(wh_a, st_a), station_factory(wh_a, st_a2), station_factory(wh_b, st_b)
    prefix = "L" + uuid.uuid4().hex[:6]
    announce_returns(
        central_url,
        [
            {"warehouse": wh_b, "rma_number": prefix + "B", "lines": [{"sku": "X"}]},
            {"warehouse": wh_a, "rma_number": prefix + "A", "lines": [{"sku": "Y"}]},
        ],
    )
    for services, url in ((a, url_a), (a2, url_a2), (b, url_b)):
        record_activity(services, 2, seed=hash(url) % 1000)
        result = SyncEngine(services.database, services.photos, services.station, url).run_once()
        assert result.ok, result.error
        assert result.download.returns == 1  # only its own warehouse's return
        assert_converged(services, central_url)
    b_parcel = count_central(central_url, "parcels", "origin_station_id = %s", (b.station.station_id,))
    assert b_parcel == 2
    with psycopg.connect(url_a, autocommit=True) as conn:

        def rows(query: str, *params: object) -> int:
            return len(conn.execute(query, params).fetchall())

        def affected(query: str, *params: object) -> int:
            return conn.execute(query, params).rowcount

        def refused(query: str, *params: object) -> None:
            with pytest.raises(psycopg.Error):
                conn.execute(query, params)

        # Reads: nothing of warehouse B, through tables, the view and the change feed.
        b_wh = "(SELECT id FROM warehouses WHERE code = %s)"
        for table in (
            "returns",
            "return_lines",
            "parcels",
            "inspections",
            "photos",
            "photo_chunks",
            "audit_events",
            "changes",
            "conflicts",
            "stations",
        ):
            assert rows(f"SELECT 1 FROM {table} WHERE warehouse_id = {b_wh}", wh_b) == 0, table
        assert rows("SELECT 1 FROM changes") > 0  # its own warehouse's feed is readable
        assert rows("SELECT 1 FROM warehouses WHERE code = %s", wh_b) == 0
        assert rows("SELECT 1 FROM station_logins") == 1
        assert rows("SELECT 1 FROM return_overview WHERE rma_number = %s", prefix + "B") == 0
        assert rows("SELECT 1 FROM parcels WHERE origin_station_id = %s", b.station.station_id) == 0
        # Spoofing session variables changes nothing: policies key on current_user.
        conn.execute("SELECT set_config('inspector.station_id', %s, false)", (str(b.station.station_id),))
        conn.execute("SELECT set_config('inspector.warehouse_id', %s, false)", (str(b.station.warehouse_id),))
        assert rows("SELECT 1 FROM returns WHERE rma_number = %s", prefix + "B") == 0
        refused("SET ROLE postgres")
        # Updates and deletes of other warehouses' and other stations' rows touch nothing.
        assert affected("UPDATE returns SET notes = 'x' WHERE rma_number = %s", prefix + "B") == 0
        assert (
            affected("UPDATE parcels SET notes = 'x' WHERE origin_station_id = %s", b.station.station_id) == 0
        )
        assert (
            affected("UPDATE parcels SET notes = 'x' WHERE origin_station_id = %s", a2.station.station_id)
            == 0
        )
        refused("DELETE FROM parcels WHERE origin_station_id = %s", b.station.station_id)  # no DELETE grant
        assert (
            affected("DELETE FROM inspection_flags WHERE origin_station_id = %s", a2.station.station_id) == 0
        )
        assert affected("DELETE FROM photo_chunks WHERE origin_station_id = %s", b.station.station_id) == 0
        refused("UPDATE audit_events SET action = 'x' WHERE origin_station_id = %s", a.station.station_id)
        assert (
            affected("UPDATE returns SET notes = 'x' WHERE rma_number = %s", prefix + "A") == 0
        )  # central's
        # Inserts into another warehouse, or as another station, are refused.
        with psycopg.connect(central_url) as admin:
            row = admin.execute("SELECT id FROM warehouses WHERE code = %s", (wh_b,)).fetchone()
            assert row is not None
            wh_b_id = row[0]
            b_parcel_id = admin.execute(
                "SELECT id FROM parcels WHERE origin_station_id = %s LIMIT 1", (b.station.station_id,)
            ).fetchone()[0]
            a2_parcel_id = admin.execute(
                "SELECT id FROM parcels WHERE origin_station_id = %s LIMIT 1", (a2.station.station_id,)
            ).fetchone()[0]
        parcel = (
            "INSERT INTO parcels (id, received_at, box_condition, unannounced, conflict, created_at, "
            "updated_at, warehouse_id, origin_station_id) VALUES (%s, now(), 'intact', false, false, now(), "
            "now(), %s, %s)"
        )
        refused(parcel, uuid.uuid4(), wh_b_id, b.station.station_id)
        refused(parcel, uuid.uuid4(), wh_b_id, a.station.station_id)
        refused(
            "INSERT INTO returns (id, warehouse_id, rma_number) VALUES (%s, %s, %s)",
            uuid.uuid4(),
            wh_b_id,
            "Z",
        )
        refused("INSERT INTO warehouses (id, code) VALUES (%s, 'EVIL')", uuid.uuid4())
        refused(
            "INSERT INTO station_logins (role_name, warehouse_id, station_code) "
            "VALUES (current_user, %s, 'x')",
            wh_b_id,
        )
        # ON CONFLICT DO UPDATE on another station's / warehouse's row is refused, not applied.
        upsert = parcel + " ON CONFLICT (id) DO UPDATE SET notes = 'hijacked'"
        a_wh = conn.execute("SELECT inspector_login_warehouse()").fetchone()[0]
        refused(upsert, b_parcel_id, a_wh, a.station.station_id)
        refused(upsert, a2_parcel_id, a_wh, a.station.station_id)
        refused(
            "SELECT inspector_record_conflict(%s, 'x', 'parcel', %s, null, null, null, '{}')",
            wh_b_id,
            uuid.uuid4(),
        )
    assert count_central(central_url, "parcels", "notes = 'hijacked' OR notes = 'x'") == 0
    assert count_central(central_url, "returns", "notes = 'x'") == 0
    assert (
        count_central(central_url, "parcels", "origin_station_id = %s", (b.station.station_id,)) == b_parcel
    )
    with psycopg.connect(central_url) as admin:
        role = admin.execute(
            "SELECT rolbypassrls, rolsuper FROM pg_roles WHERE rolname = %s",
            (url_a.split("//")[1].split(":")[0],),
        ).fetchone()
        assert role == (False, False)
        forced = admin.execute(
            "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND "
            "relkind = 'r' AND relname <> 'central_alembic_version' AND NOT relforcerowsecurity"
        ).fetchone()
        assert forced == (0,)
