"""§3: a station's chain cut short, rewritten or emptied is detected, with or without its checkpoints.

The attacker has the station's own login and a copy of its files (the database and the private key):
they can rewrite the chain consistently and re-sign its head. Only the central database, which the
station cannot rewrite, tells; and every sync and ``inspector audit verify`` compare with it.
"""

from __future__ import annotations

import io
from typing import Any

import psycopg
import pytest
from anchor_helpers import raw, rewrite, truncate
from sync_helpers import record_activity

from inspector.cli import main
from inspector.services.checkpoints import make_checkpoint
from inspector.sync.anchor import ALARM_CONFLICT, ALARM_FORKED, ALARM_SHORTER
from inspector.sync.central_status import central_status
from inspector.sync.engine import SyncEngine
from inspector.sync.service import SyncService

pytestmark = pytest.mark.postgres


def _engine(services: Any, url: str) -> SyncEngine:
    return SyncEngine(services.database, services.photos, services.station, url, key=services.station_key())


def _verify(services: Any, monkeypatch: pytest.MonkeyPatch, url: str = "") -> tuple[int, str]:
    if url:
        monkeypatch.setenv("INSPECTOR_CENTRAL_URL", url)
    else:
        monkeypatch.delenv("INSPECTOR_CENTRAL_URL", raising=False)
    out = io.StringIO()
    code = main(["--data-dir", str(services.paths.root), "audit", "verify"], out)
    return code, out.getvalue()


@pytest.fixture
def synced(central_url: str, station_factory: Any, station_login: Any, codes: Any) -> tuple[Any, str]:
    """A station with 8 events, synced (and its head signed) through its own login."""
    wh, st = codes("WH"), codes("ST")
    url = station_login(wh, st)
    services = station_factory(wh, st)
    record_activity(services, 4, seed=3)
    result = _engine(services, url).run_once()
    assert result.ok and not result.alarms, result.summary()
    return services, url


def test_a_chain_cut_short_fails_against_its_own_signed_checkpoint(services: Any, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    record_activity(services, 3, seed=1)
    with services.database.session() as session:
        assert make_checkpoint(session, services.station.station_id, "ST", services.station_key()).seq == 6
    assert _verify(services, monkeypatch)[0] == 0
    truncate(services, 4, checkpoints_too=False)
    code, text = _verify(services, monkeypatch)
    assert code == 1 and "event 6, signed in a checkpoint, is missing" in text


def test_a_local_only_verify_says_it_is_not_anchored(services: Any, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    record_activity(services, 1, seed=1)
    code, text = _verify(services, monkeypatch)
    assert code == 0 and "NOT anchored" in text


def test_a_chain_cut_short_with_its_checkpoints_fails_against_central(synced, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    services, url = synced
    truncate(services, 5, checkpoints_too=True)
    code, text = _verify(services, monkeypatch)  # finished records whose settling event is gone...
    assert code == 1 and "NOT verified: inspection" in text, text
    connection = raw(services)  # ...so the careful attacker deletes those records too
    orphans = "SELECT id FROM inspections WHERE id NOT IN (SELECT inspection_id FROM audit_events " \
              "WHERE inspection_id IS NOT NULL)"
    for table in ("inspection_flags", "photos", "dispute_entries", "disputes"):
        column = "dispute_id" if table == "dispute_entries" else "inspection_id"
        if table == "dispute_entries":
            connection.execute(f"DELETE FROM dispute_entries WHERE dispute_id IN (SELECT id FROM disputes "
                               f"WHERE inspection_id IN ({orphans}))")
        else:
            connection.execute(f"DELETE FROM {table} WHERE {column} IN ({orphans})")
    connection.execute(f"DELETE FROM inspections WHERE id IN ({orphans})")
    connection.commit()
    connection.close()
    assert _verify(services, monkeypatch)[0] == 0  # the copy alone looks fine...
    code, text = _verify(services, monkeypatch, url)  # ...central does not
    assert code == 1 and ALARM_SHORTER in text
    result = _engine(services, url).run_once()
    assert ALARM_SHORTER in result.alarms and "sync ok" not in result.summary()


def test_an_emptied_database_does_not_verify_when_central_knows_a_head(synced, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    services, url = synced
    truncate(services, 0, checkpoints_too=True)
    code, text = _verify(services, monkeypatch, url)
    assert code == 1 and ALARM_SHORTER in text


def test_a_rewritten_and_resigned_chain_is_an_alarm_at_sync_in_status_and_centrally(  # type: ignore[no-untyped-def]
    synced, central_url, monkeypatch
) -> None:
    services, url = synced
    rewrite(services, 1, {"tracking": "forged"})  # a parcel event (no inspection record settles there)
    with services.database.session() as session:  # the stolen key re-signs the forged head
        make_checkpoint(
            session, services.station.station_id, services.station.station_code, services.station_key()
        )
    assert _verify(services, monkeypatch)[0] == 0  # consistent, and its checkpoint matches
    code, text = _verify(services, monkeypatch, url)
    assert code == 1 and ALARM_FORKED in text
    record_activity(services, 1, seed=9)  # new events on top of the forged chain
    service = SyncService(_engine(services, url))
    result = service.run_once()
    assert result.ok and ALARM_CONFLICT in result.alarms and ALARM_FORKED in result.alarms
    assert result.summary().startswith("sync ALARM")
    status = service.status()
    assert ALARM_FORKED in status.alarms and status.text().startswith("ALARM")
    info = central_status(central_url)
    assert any(services.station.station_code in alarm for alarm in info["audit_alarms"])
    station = info["stations"][f"{services.station.warehouse_code}:{services.station.station_code}"]
    assert station["audit_conflicts"] >= 1 and station["chain_head"] == 8 and station["signed_head"] == 8
    out = io.StringIO()
    assert main(["central", "status", "--central", central_url], out) == 1  # monitoring sees a failure
    key = f"{services.station.warehouse_code}:{services.station.station_code}"
    assert f"ALARM: station {key}" in out.getvalue()


def test_central_accepts_only_heads_that_extend_the_last_and_keys_only_into_an_empty_slot(synced) -> None:  # type: ignore[no-untyped-def]
    services, url = synced
    me = services.station.station_id
    from inspector.services.signing import SigningKey

    with psycopg.connect(url, autocommit=True) as conn:
        wh = conn.execute("SELECT public.inspector_login_warehouse()").fetchone()[0]
        head = conn.execute(
            "SELECT seq, hash, head_text, signature FROM audit_checkpoints WHERE station_id = %s", (me,)
        ).fetchone()
        assert head is not None and head[0] == 8
        insert = (
            "INSERT INTO audit_checkpoints (station_id, seq, hash, head_text, signature, warehouse_id, "
            "origin_station_id) VALUES (%s, %s, %s, %s, %s, %s, %s)"
        )
        seven = conn.execute(
            "SELECT hash FROM audit_events WHERE station_id = %s AND seq = 7", (me,)
        ).fetchone()[0]
        text7 = head[2].replace("seq 8", "seq 7").replace(head[1], seven)
        with pytest.raises(psycopg.errors.CheckViolation):  # older than the last head
            conn.execute(insert, (me, 7, seven, text7, head[3], wh, me))
        with pytest.raises(psycopg.errors.CheckViolation):  # a head central does not hold
            conn.execute(insert, (me, 9, "ab" * 32, head[2].replace("seq 8", "seq 9"), head[3], wh, me))
        with pytest.raises(psycopg.Error):  # append-only
            conn.execute("DELETE FROM audit_checkpoints WHERE station_id = %s", (me,))
        other = SigningKey.load_or_create(services.paths.root / "other.pem")
        with pytest.raises(psycopg.Error):  # the slot is taken: a station cannot swap its key
            conn.execute(
                "INSERT INTO station_keys (station_id, warehouse_id, public_key) VALUES (%s, %s, %s)",
                (me, wh, other.public_pem),
            )
        with pytest.raises(psycopg.Error):
            conn.execute(
                "UPDATE station_keys SET public_key = %s WHERE station_id = %s", (other.public_pem, me)
            )
        with pytest.raises(psycopg.Error):
            conn.execute("DELETE FROM station_keys WHERE station_id = %s", (me,))
        registered = conn.execute(
            "SELECT public_key FROM station_keys WHERE station_id = %s", (me,)
        ).fetchone()
    assert registered == (services.station_key().public_pem,)


def test_the_notary_countersigns_good_heads_and_flags_a_forged_signature(  # type: ignore[no-untyped-def]
    synced, central_url, tmp_path
) -> None:
    from inspector.services.signing import unb64, verify

    services, url = synced
    key_file = tmp_path / "notary" / "notary.pem"
    out = io.StringIO()
    assert main(["central", "notarise", "--central", central_url, "--key", str(key_file)], out) == 0, (
        out.getvalue()
    )
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    me = services.station.station_id
    with psycopg.connect(central_url) as admin:
        statement, signature, fp = admin.execute(
            "SELECT n.statement, n.signature, n.notary_fingerprint FROM audit_notarisations n "
            "JOIN audit_checkpoints c ON c.id = n.checkpoint_id WHERE c.station_id = %s",
            (me,),
        ).fetchone()
        notary_pem = admin.execute(
            "SELECT public_key FROM notary_keys WHERE fingerprint = %s", (fp,)
        ).fetchone()[0]
    assert "station_signature ok" in statement and "chain ok" in statement and "seq 8" in statement
    assert verify(notary_pem, statement.encode(), unb64(signature))
    record_activity(services, 1, seed=11)  # two more events, then a head signed by someone else
    assert _engine(services, url).run_once().ok
    with psycopg.connect(central_url) as admin:
        admin.execute("ALTER TABLE audit_checkpoints DISABLE TRIGGER audit_checkpoints_append_only")
        admin.execute(
            "UPDATE audit_checkpoints SET signature = %s WHERE station_id = %s AND seq = 10",
            ("A" * 86 + "==", me),
        )
        admin.execute("ALTER TABLE audit_checkpoints ENABLE TRIGGER audit_checkpoints_append_only")
    out = io.StringIO()
    assert main(["central", "notarise", "--central", central_url, "--key", str(key_file)], out) == 1
    assert "1 FAILED" in out.getvalue()
    assert any("notary" in alarm for alarm in central_status(central_url)["audit_alarms"])


def test_events_written_while_a_sync_runs_are_no_alarm(synced, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The station window keeps working during a sync: events appended after the upload and before the
    head is signed are not central's yet. That is no alarm; they are signed and sent next time."""
    services, url = synced
    from inspector.sync import anchor

    original = anchor.central_head

    def central_head_while_the_inspector_works(cur, station_id):  # type: ignore[no-untyped-def]
        head = original(cur, station_id)
        record_activity(services, 1, seed=9)  # two more events, after the upload
        return head

    monkeypatch.setattr(anchor, "central_head", central_head_while_the_inspector_works)
    result = _engine(services, url).run_once()
    assert result.ok and not result.alarms, result.summary()
    monkeypatch.setattr(anchor, "central_head", original)
    result = _engine(services, url).run_once()
    assert result.ok and not result.alarms, result.summary()
    with psycopg.connect(url, autocommit=True) as conn:
        signed = conn.execute("SELECT max(seq) FROM audit_checkpoints WHERE station_id = %s",
                              (services.station.station_id,)).fetchone()[0]
    assert signed == 10
