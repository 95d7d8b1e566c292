"""The hash-chained audit log detects every kind of tampering."""

from __future__ import annotations

import json
import sqlite3
import uuid

from sqlalchemy import select

from inspector.models import AuditEvent
from inspector.services.audit import append_event, verify_all_chains, verify_station_chain


def _seed_events(services, n: int = 5) -> list[AuditEvent]:  # type: ignore[no-untyped-def]
    with services.database.session() as session:
        events = [
            append_event(
                session,
                station_id=services.station.station_id,
                action="answer_given",
                entity_type="inspection",
                entity_id=uuid.uuid4(),
                payload={"question": f"q{i}", "answer": i % 2 == 0},
                photo_hashes=["ab" * 32] if i == 2 else [],
            )
            for i in range(n)
        ]
    return events


def _raw(services) -> sqlite3.Connection:  # type: ignore[no-untyped-def]
    services.database.dispose()
    connection = sqlite3.connect(services.database.path)
    # Tampering means going around the app: the attacker drops the append-only triggers first.
    connection.execute("DROP TRIGGER audit_events_no_update")
    connection.execute("DROP TRIGGER audit_events_no_delete")
    return connection


def _verify(services):  # type: ignore[no-untyped-def]
    with services.database.session() as session:
        return verify_station_chain(session, services.station.station_id)


def test_an_untouched_chain_verifies(services) -> None:  # type: ignore[no-untyped-def]
    events = _seed_events(services)
    assert [e.seq for e in events] == [1, 2, 3, 4, 5]
    assert events[1].prev_hash == events[0].hash
    report = _verify(services)
    assert report.ok and report.events_checked == 5


def test_a_changed_payload_is_detected_at_that_event(services) -> None:  # type: ignore[no-untyped-def]
    _seed_events(services)
    raw = _raw(services)
    raw.execute("""UPDATE audit_events SET payload = '{"question": "q2", "answer": false}' WHERE seq = 3""")
    raw.commit()
    raw.close()
    report = _verify(services)
    assert not report.ok and report.broken_seq == 3 and "changed" in report.reason


def test_a_swapped_photo_hash_is_detected(services) -> None:  # type: ignore[no-untyped-def]
    _seed_events(services)
    raw = _raw(services)
    raw.execute("""UPDATE audit_events SET photo_hashes = '["%s"]' WHERE seq = 3""" % ("cd" * 32))
    raw.commit()
    raw.close()
    assert _verify(services).broken_seq == 3


def test_a_deleted_event_is_detected(services) -> None:  # type: ignore[no-untyped-def]
    _seed_events(services)
    raw = _raw(services)
    raw.execute("DELETE FROM audit_events WHERE seq = 2")
    raw.commit()
    raw.close()
    report = _verify(services)
    assert not report.ok and report.broken_seq == 2 and "missing" in report.reason


def test_a_deleted_last_event_and_renumbered_events_are_detected(services) -> None:  # type: ignore[no-untyped-def]
    _seed_events(services)
    raw = _raw(services)
    raw.execute("DELETE FROM audit_events WHERE seq = 2")
    raw.execute("UPDATE audit_events SET seq = seq - 1 WHERE seq > 2")
    raw.commit()
    raw.close()
    report = _verify(services)
    assert not report.ok and report.broken_seq == 2


def test_reordered_events_are_detected(services) -> None:  # type: ignore[no-untyped-def]
    _seed_events(services)
    raw = _raw(services)
    raw.execute("UPDATE audit_events SET seq = 100 WHERE seq = 2")
    raw.execute("UPDATE audit_events SET seq = 2 WHERE seq = 3")
    raw.execute("UPDATE audit_events SET seq = 3 WHERE seq = 100")
    raw.commit()
    raw.close()
    assert _verify(services).broken_seq == 2


def test_every_station_has_its_own_chain(services) -> None:  # type: ignore[no-untyped-def]
    from inspector.models import Station

    with services.database.session() as session:
        other = Station(warehouse_id=services.station.warehouse_id, code="ST-02", name="2")
        session.add(other)
        session.flush()
        first = append_event(session, station_id=other.id, action="parcel_received")
        assert first.seq == 1
    _seed_events(services, 2)
    with services.database.session() as session:
        reports = verify_all_chains(session)
        assert len(reports) == 2 and all(r.ok for r in reports)
        assert session.scalars(select(AuditEvent.seq).where(AuditEvent.station_id == other.id)).all() == [1]


def _remembering(services, memory):  # type: ignore[no-untyped-def]
    from inspector.services.audit import verify_remembering

    with services.database.session() as session:
        return verify_remembering(session, services.station.station_id, memory)


def test_a_checkpoint_lets_the_next_walk_start_where_the_last_one_ended(services) -> None:  # type: ignore[no-untyped-def]
    from inspector.services.audit import StoredChains

    _seed_events(services, 5)
    memory = StoredChains(services.database)
    first = _remembering(services, memory)
    assert first.ok and first.events_checked == 5 and first.length == 5
    _seed_events(services, 3)
    again = StoredChains(services.database)  # stored in the database: survives a restart
    second = _remembering(services, again)
    assert second.ok and second.from_seq == 5 and second.events_checked == 4 and second.length == 8
    assert again.recall(services.station.station_id).seq == 8


def _rewrite_from_seq_2(services) -> str:  # type: ignore[no-untyped-def]
    """Change event 2 and recompute every later hash with the app's own hashing; the new head hash."""
    from types import SimpleNamespace

    from inspector.services.audit import digest_of

    raw = _raw(services)
    rows = raw.execute("SELECT id FROM audit_events ORDER BY seq").fetchall()
    prev = "0" * 64
    with services.database.session() as session:  # the attacker uses the app's own hashing
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
    for row, event in zip(rows, events, strict=True):
        payload = {"question": "forged"} if event.seq == 2 else event.payload
        fields = {c.key: getattr(event, c.key) for c in AuditEvent.__table__.columns}
        digest = digest_of(SimpleNamespace(**{**fields, "payload": payload, "prev_hash": prev}))
        raw.execute("UPDATE audit_events SET payload = ?, prev_hash = ?, hash = ? WHERE id = ?",
                    (json.dumps(payload), prev, digest, row[0]))
        prev = digest
    raw.commit()
    raw.close()
    return prev


def test_a_rewritten_chain_before_the_checkpoint_is_detected(services) -> None:  # type: ignore[no-untyped-def]
    """A consistent rewrite of an old event, the stored walk checkpoint left alone: the walk from the
    checkpoint names it."""
    from inspector.services.audit import StoredChains

    _seed_events(services, 6)
    memory = StoredChains(services.database)
    assert _remembering(services, memory).ok
    _rewrite_from_seq_2(services)
    assert _verify(services).ok  # a full walk alone cannot see a consistent rewrite...
    report = _remembering(services, memory)  # ...the checkpoint can
    assert not report.ok and report.broken_seq == 6 and "after it was verified" in report.reason
    assert memory.recall(services.station.station_id).seq == 6  # a broken walk moves nothing


def test_a_rewrite_that_also_updates_the_stored_checkpoint(services) -> None:  # type: ignore[no-untyped-def]
    """The careful attacker rewrites the stored walk checkpoint too: no local walk can tell any more
    (said plainly here), but a checkpoint the station *signed* before the rewrite names the change,
    and without its key the attacker cannot sign a new one (with the key: only central can tell,
    tests/security/test_chain_anchor.py)."""
    from inspector.models import SyncState
    from inspector.services.audit import StoredChains
    from inspector.services.checkpoints import check_checkpoints, make_checkpoint

    _seed_events(services, 6)
    memory = StoredChains(services.database)
    assert _remembering(services, memory).ok
    with services.database.session() as session:
        make_checkpoint(session, services.station.station_id, services.station.station_code,
                        services.station_key())
    head = _rewrite_from_seq_2(services)
    with services.database.session() as session:  # the attacker's own edit of sync_state
        state = session.get(SyncState, f"{StoredChains.PREFIX}{services.station.station_id}")
        assert state is not None and state.value.startswith("6:")
        state.value = f"6:{head}"
    assert _remembering(services, StoredChains(services.database)).ok  # the limit of a local walk
    with services.database.session() as session:
        problems = check_checkpoints(session, services.station.station_id, services.station_key())
    assert problems == ["event 6 is not the one signed in a checkpoint (the chain was rewritten)"]


def test_events_removed_after_the_checkpoint_are_detected(services) -> None:  # type: ignore[no-untyped-def]
    from inspector.services.audit import MemoryChains

    _seed_events(services, 4)
    memory = MemoryChains()
    assert _remembering(services, memory).ok
    raw = _raw(services)
    raw.execute("DELETE FROM audit_events WHERE seq >= 4")
    raw.commit()
    raw.close()
    report = _remembering(services, memory)
    assert not report.ok and report.broken_seq == 4


def test_an_older_event_removed_after_the_checkpoint_was_taken_is_detected(services) -> None:  # type: ignore[no-untyped-def]
    from inspector.services.audit import StoredChains

    _seed_events(services, 6)
    memory = StoredChains(services.database)
    assert _remembering(services, memory).ok
    raw = _raw(services)
    raw.execute("DELETE FROM audit_events WHERE seq = 2")
    raw.commit()
    raw.close()
    report = _remembering(services, memory)
    assert not report.ok and report.broken_seq == 6 and "removed or inserted" in report.reason


def test_a_checkpoint_that_cannot_be_stored_does_not_fail_the_walk(services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from inspector.models.database import DatabaseProblem
    from inspector.services.audit import StoredChains

    _seed_events(services, 3)
    memory = StoredChains(services.database)

    def locked(*_args: object) -> None:
        raise DatabaseProblem("The database is busy or locked by another program.")

    monkeypatch.setattr(memory, "remember", locked)
    report = _remembering(services, memory)
    assert report.ok and report.length == 3 and memory.recall(services.station.station_id) is None
