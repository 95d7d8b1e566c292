"""Exactly once under lost acknowledgements, dropped connections, corrupted photos and id clashes."""

from __future__ import annotations

import hashlib
import os

import psycopg
import pytest
from sqlalchemy import update
from sync_helpers import assert_converged, count_central, record_activity

from inspector.models import Photo
from inspector.sync.engine import SyncEngine
from inspector.sync.faults import FAULT_ENV

pytestmark = pytest.mark.postgres


class Crash(Exception):
    """Stands in for a crash at a fault point."""


def test_lost_ack_replayed_three_times(central_url, station_factory, codes) -> None:
    """SYNC.md scenario 3: the commit happens, the ack is lost, the batch is replayed: one row per key."""
    station = station_factory(codes("WH"), codes("ST"))
    record_activity(station, 10, seed=5)
    crashes = []

    def lose_ack(point: str, _conn: object) -> None:
        if point == "after_commit_before_ack" and len(crashes) < 3:
            crashes.append(point)
            raise Crash("ack lost")

    engine = SyncEngine(station.database, station.photos, station.station, central_url, fault_hook=lose_ack)
    results = [engine.run_once() for _ in range(4)]
    assert [r.ok for r in results] == [False, False, False, True]
    assert results[1].upload.replays > 0 and results[1].upload.conflicts == 0
    sid = station.station.station_id
    assert count_central(central_url, "inspections", "origin_station_id = %s", (sid,)) == 10
    assert count_central(central_url, "audit_events", "origin_station_id = %s", (sid,)) == 20
    assert_converged(station, central_url)


def test_connection_dropped_mid_batch(central_url, station_factory, codes) -> None:
    """pg_terminate_backend from another connection in the middle of a batch: nothing half-written."""
    station = station_factory(codes("WH"), codes("ST"))
    record_activity(station, 40, seed=6)
    killed = []

    def terminate(point: str, conn: psycopg.Connection) -> None:
        if point == "mid_batch" and not killed:
            killed.append(conn.info.backend_pid)
            with psycopg.connect(central_url, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (conn.info.backend_pid,))

    engine = SyncEngine(
        station.database, station.photos, station.station, central_url, fault_hook=terminate, batch_size=30
    )
    first = engine.run_once()
    assert not first.ok and first.offline and "cannot be reached" in first.error
    assert (
        count_central(central_url, "inspections", "origin_station_id = %s", (station.station.station_id,))
        == 0
    )
    assert engine.run_once().ok
    assert_converged(station, central_url)


def test_same_id_different_payload_is_a_conflict_not_an_overwrite(
    central_url, station_factory, codes
) -> None:
    station = station_factory(codes("WH"), codes("ST"))
    record_activity(station, 2, seed=7)
    engine = SyncEngine(station.database, station.photos, station.station, central_url)
    assert engine.run_once().ok
    with psycopg.connect(central_url) as conn:  # central's copy of an immutable event differs
        (event_id,) = conn.execute(
            "SELECT id FROM audit_events WHERE origin_station_id = %s LIMIT 1", (station.station.station_id,)
        ).fetchone()
        conn.execute("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only")
        conn.execute("UPDATE audit_events SET payload_hash = 'tampered' WHERE id = %s", (event_id,))
        conn.execute("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only")
    with station.database.engine.begin() as connection:  # re-queue everything (as after a lost ack)
        connection.exec_driver_sql("UPDATE outbox SET state = 'pending'")
    result = engine.run_once()
    assert result.ok and result.upload.conflicts == 1
    assert (
        count_central(
            central_url, "conflicts", "entity_id = %s AND kind = 'different_payload_same_id'", (event_id,)
        )
        == 1
    )
    assert (
        count_central(central_url, "audit_events", "id = %s AND payload_hash = 'tampered'", (event_id,)) == 1
    )


def test_photo_corrupted_in_transit_is_detected_and_resent(
    central_url, station_factory, codes, monkeypatch
) -> None:
    station = station_factory(codes("WH"), codes("ST"))
    record_activity(station, 3, seed=8, photo_size=600)
    monkeypatch.setenv(FAULT_ENV, "corrupt_photo_chunk")
    result = SyncEngine(station.database, station.photos, station.station, central_url).run_once()
    assert result.ok and result.upload.photos_corrupted == 1
    assert_converged(station, central_url)  # re-sent at once, every SHA-256 verified by the server


def test_large_photo_upload_interrupted_resumes_and_is_never_complete_early(
    central_url, station_factory, codes
) -> None:
    """SYNC.md scenario 9, with 64 KiB chunks and 128 KiB transactions."""
    from inspector.sync.photos import PostgresPhotoBlobStore

    station = station_factory(codes("WH"), codes("ST"))
    record_activity(station, 1, seed=9, photo_size=16)
    big = os.urandom(700_000)
    stored = station.photos.photos_dir / "ff" / "big.jpg"
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_bytes(big)
    with station.database.session() as session:
        session.execute(
            update(Photo).values(
                file_path="ff/big.jpg", size_bytes=len(big), sha256=hashlib.sha256(big).hexdigest()
            )
        )
    seen = []

    def crash_second_chunk_tx(point: str, conn: psycopg.Connection) -> None:
        if point == "photo_mid_upload":
            seen.append(point)
            if len(seen) == 3:
                raise Crash("killed mid-photo")

    blobs = PostgresPhotoBlobStore(chunk_size=64 << 10)
    engine = SyncEngine(
        station.database,
        station.photos,
        station.station,
        central_url,
        blobs=blobs,
        fault_hook=crash_second_chunk_tx,
        photo_tx_bytes=128 << 10,
    )
    assert not engine.run_once().ok
    sid = station.station.station_id
    assert count_central(central_url, "photo_chunks", "origin_station_id = %s", (sid,)) == 4
    assert count_central(central_url, "photos", "origin_station_id = %s AND blob_complete", (sid,)) == 0
    assert engine.run_once().ok
    assert count_central(central_url, "photo_chunks", "origin_station_id = %s", (sid,)) == 11
    assert_converged(station, central_url)
