"""§1: a station login cannot escape row-level security through temporary tables or search_path.

Each attack runs as a real station login against the real PostgreSQL server. On the code before
the fix, a ``TEMP TABLE station_logins`` made the policy functions resolve another station (or
warehouse), so these writes and reads went through.
"""

from __future__ import annotations

import contextlib
import uuid
from typing import Any

import psycopg
import pytest
from sync_helpers import record_activity

from inspector.sync.announce import announce_returns
from inspector.sync.engine import SyncEngine

pytestmark = pytest.mark.postgres


def _sync(services, url: str) -> None:  # type: ignore[no-untyped-def]
    result = SyncEngine(services.database, services.photos, services.station, url).run_once()
    assert result.ok, result.error


def _admin_one(central_url: str, query: str, *params: object):  # type: ignore[no-untyped-def]
    with psycopg.connect(central_url) as admin:
        row = admin.execute(query, params).fetchone()
        assert row is not None, query
        return row[0]


@pytest.fixture
def three_stations(central_url, station_factory, station_login, codes):  # type: ignore[no-untyped-def]
    """Attacker A and victim B in warehouse WA, C in warehouse WB, each synced once with its login."""
    wh_a, wh_b = codes("WA"), codes("WB")
    st_a, st_b, st_c = codes("SA"), codes("SB"), codes("SC")
    urls = {"a": station_login(wh_a, st_a), "b": station_login(wh_a, st_b), "c": station_login(wh_b, st_c)}
    stations = {
        "a": station_factory(wh_a, st_a),
        "b": station_factory(wh_a, st_b),
        "c": station_factory(wh_b, st_c),
    }
    rma = "SEC" + uuid.uuid4().hex[:8].upper()
    announce_returns(
        central_url,
        [{"warehouse": wh_b, "rma_number": rma, "customer_name": "Secret Person", "lines": [{"sku": "X"}]}],
    )
    for key in ("a", "b", "c"):
        record_activity(stations[key], 2, seed=len(key) * 7 + ord(key))
        _sync(stations[key], urls[key])
    return stations, urls, rma, wh_a, wh_b


def _shadow(conn: psycopg.Connection, warehouse_id: uuid.UUID, station_code: str) -> None:  # type: ignore[type-arg]
    """The attack: a temporary station_logins (and stations) that names the victim."""
    conn.execute("CREATE TEMP TABLE station_logins (role_name text, warehouse_id uuid, station_code text)")
    conn.execute(
        "INSERT INTO pg_temp.station_logins VALUES (current_user, %s, %s)", (warehouse_id, station_code)
    )


def test_a_temp_table_cannot_make_a_login_act_as_another_station(
    three_stations: Any, central_url: str
) -> None:
    stations, urls, _rma, wh_a, _wh_b = three_stations
    victim = stations["b"].station
    wh_id = _admin_one(central_url, "SELECT id FROM warehouses WHERE code = %s", wh_a)
    before_flags = _admin_one(
        central_url, "SELECT count(*) FROM inspection_flags WHERE origin_station_id = %s", victim.station_id
    )
    assert before_flags > 0
    with psycopg.connect(urls["a"], autocommit=True) as conn:
        # (no TEMPORARY privilege at all: the attack cannot even start)
        with contextlib.suppress(psycopg.errors.InsufficientPrivilege):
            _shadow(conn, wh_id, victim.station_code)
        updated = conn.execute(
            "UPDATE parcels SET notes = 'hijacked' WHERE origin_station_id = %s", (victim.station_id,)
        ).rowcount
        deleted = conn.execute(
            "DELETE FROM inspection_flags WHERE origin_station_id = %s", (victim.station_id,)
        ).rowcount
        with pytest.raises(psycopg.Error):
            conn.execute(
                "INSERT INTO audit_events (id, station_id, seq, occurred_at, action, entity_type, payload, "
                "photo_hashes, prev_hash, hash, warehouse_id, origin_station_id) VALUES (%s, %s, 999, now(), "
                "'forged', '', '{}', '[]', '', %s, %s, %s)",
                (uuid.uuid4(), victim.station_id, uuid.uuid4().hex * 2, wh_id, victim.station_id),
            )
    assert (updated, deleted) == (0, 0)
    assert _admin_one(central_url, "SELECT count(*) FROM parcels WHERE notes = 'hijacked'") == 0
    assert (
        _admin_one(
            central_url,
            "SELECT count(*) FROM inspection_flags WHERE origin_station_id = %s",
            victim.station_id,
        )
        == before_flags
    )
    assert _admin_one(central_url, "SELECT count(*) FROM audit_events WHERE action = 'forged'") == 0


def test_a_temp_table_cannot_open_another_warehouse(three_stations: Any, central_url: str) -> None:
    stations, urls, rma, _wh_a, wh_b = three_stations
    other_wh = _admin_one(central_url, "SELECT id FROM warehouses WHERE code = %s", wh_b)
    with psycopg.connect(urls["a"], autocommit=True) as conn:
        with contextlib.suppress(psycopg.errors.InsufficientPrivilege):
            _shadow(conn, other_wh, stations["c"].station.station_code)
        seen = conn.execute("SELECT customer_name FROM returns WHERE rma_number = %s", (rma,)).fetchall()
        feed = conn.execute("SELECT count(*) FROM changes WHERE warehouse_id = %s", (other_wh,)).fetchone()
    assert seen == [] and feed == (0,)


def test_a_login_cannot_write_into_another_stations_chain(three_stations: Any, central_url: str) -> None:
    """Own origin, victim's station_id: the event would take the victim's next seq (then its real event
    was refused as a conflict and the victim printed 'sync ok')."""
    stations, urls, _rma, wh_a, _wh_b = three_stations
    attacker, victim = stations["a"].station, stations["b"].station
    wh_id = _admin_one(central_url, "SELECT id FROM warehouses WHERE code = %s", wh_a)
    insert = (
        "INSERT INTO audit_events (id, station_id, seq, occurred_at, action, entity_type, payload, "
        "photo_hashes, prev_hash, hash, warehouse_id, origin_station_id) VALUES (%s, %s, %s, now(), "
        "'forged', '', '{}', '[]', %s, %s, %s, %s)"
    )
    with psycopg.connect(urls["a"], autocommit=True) as conn:
        with pytest.raises(psycopg.Error):
            conn.execute(
                insert,
                (
                    uuid.uuid4(),
                    victim.station_id,
                    5,
                    "0" * 64,
                    uuid.uuid4().hex * 2,
                    wh_id,
                    attacker.station_id,
                ),
            )
        with pytest.raises(psycopg.Error):  # parcels, inspections and photos name their station too
            conn.execute(
                "INSERT INTO parcels (id, received_at, box_condition, unannounced, conflict, created_at, "
                "updated_at, warehouse_id, origin_station_id, station_id) "
                "VALUES (%s, now(), 'intact', false, false, now(), now(), %s, %s, %s)",
                (uuid.uuid4(), wh_id, attacker.station_id, victim.station_id),
            )
    assert _admin_one(central_url, "SELECT count(*) FROM audit_events WHERE action = 'forged'") == 0
    # Nor can it raise a false alarm at the victim (a conflict recorded in the victim's name).
    raised = _admin_one(central_url, "SELECT count(*) FROM conflicts WHERE station_id = %s",
                        victim.station_id)
    assert raised == 0


def test_a_temp_photo_chunks_table_cannot_fake_a_verified_photo(
    three_stations: Any, central_url: str
) -> None:
    """The photo check ran as the owner with pg_temp searched first: a station's own temp table of
    matching chunks marked a photo complete whose real stored bytes were garbage."""
    import hashlib

    stations, urls, _rma, wh_a, _wh_b = three_stations
    me = stations["a"].station
    wh_id = _admin_one(central_url, "SELECT id FROM warehouses WHERE code = %s", wh_a)
    real = b"real photo bytes" * 100
    photo_id = uuid.uuid4()
    with psycopg.connect(urls["a"], autocommit=True) as conn:
        conn.execute(
            "INSERT INTO photos (id, sha256, tag, file_path, thumbnail_path, size_bytes, width, height, "
            "mime_type, taken_at, source, warehouse_id, origin_station_id, station_id) VALUES (%s, %s, 'x', "
            "'x.jpg', '', %s, 1, 1, 'image/jpeg', now(), 'camera', %s, %s, %s)",
            (photo_id, hashlib.sha256(real).hexdigest(), len(real), wh_id, me.station_id, me.station_id),
        )
        conn.execute(
            "INSERT INTO photo_chunks (photo_id, n, data, warehouse_id, origin_station_id) "
            "VALUES (%s, 0, %s, %s, %s)",
            (photo_id, b"garbage" * 229, wh_id, me.station_id),
        )
        try:
            conn.execute("CREATE TEMP TABLE photo_chunks (photo_id uuid, n int, data bytea, sha256 text)")
            conn.execute(
                "INSERT INTO pg_temp.photo_chunks VALUES (%s, 0, %s, %s)",
                (photo_id, real, hashlib.sha256(real).hexdigest()),
            )
            conn.execute("GRANT SELECT ON pg_temp.photo_chunks TO PUBLIC")  # readable by the function's owner
        except psycopg.errors.InsufficientPrivilege:
            pass
        conn.execute("UPDATE photos SET blob_complete = true WHERE id = %s", (photo_id,))
    assert _admin_one(central_url, "SELECT blob_complete FROM photos WHERE id = %s", photo_id) is False


def test_every_function_pins_its_search_path_and_stations_have_no_temp(
    three_stations: Any, central_url: str
) -> None:
    """The catalogue itself: every function of ours pins search_path with pg_temp last; no station
    login may create temporary objects (PUBLIC's default TEMPORARY is revoked too)."""
    _stations, urls, *_ = three_stations
    with psycopg.connect(central_url) as admin:
        loose = admin.execute(
            "SELECT p.proname, p.proconfig FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace "
            "AND p.proname LIKE 'inspector%%' AND NOT coalesce("
            "'search_path=pg_catalog, public, pg_temp' = ANY(p.proconfig), false)"
        ).fetchall()
    assert loose == []
    with psycopg.connect(urls["a"]) as conn:
        may = conn.execute("SELECT has_database_privilege(current_database(), 'TEMPORARY')").fetchone()
    assert may == (False,)
