"""The append-only, hash-chained audit log: appending events and verifying the chains.

Every station keeps one chain. An event's hash covers every stored field and the previous event's
hash (:mod:`inspector.services.audit_hash`: v1 for old events, v2 for new ones), so changing,
deleting, inserting or reordering events anywhere breaks the chain from that point. Photo events
carry the photos' SHA-256, so swapping a photo file is detectable too. A chain alone cannot show
that its *end* was cut off or that it was rewritten whole: signed checkpoints and the central
database anchor it (:mod:`inspector.services.checkpoints`, :mod:`inspector.sync.anchor`).
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector.models import AuditEvent, SyncState, utcnow
from inspector.services.audit_hash import GENESIS_HASH, HASH_VERSION, digest_of, event_digest, text_of

if TYPE_CHECKING:
    from inspector.models.database import Database

log = logging.getLogger(__name__)

__all__ = ["GENESIS_HASH", "HASH_VERSION", "digest_of", "event_digest"]


def _text(value: object) -> str | None:
    return text_of(value)


def append_event(
    session: Session,
    *,
    station_id: uuid.UUID,
    action: str,
    actor_id: uuid.UUID | None = None,
    entity_type: str = "",
    entity_id: uuid.UUID | None = None,
    return_id: uuid.UUID | None = None,
    inspection_id: uuid.UUID | None = None,
    payload: dict[str, Any] | None = None,
    photo_hashes: Iterable[str] = (),
    occurred_at: datetime | None = None,
) -> AuditEvent:
    """Append an event to the station's chain inside the caller's transaction.

    The unique (station_id, seq) constraint makes a concurrent append on the same station fail
    instead of forking the chain.
    """
    last = session.execute(
        select(AuditEvent.seq, AuditEvent.hash)
        .where(AuditEvent.station_id == station_id)
        .order_by(AuditEvent.seq.desc())
        .limit(1)
    ).first()
    seq, prev_hash = (last.seq + 1, last.hash) if last else (1, GENESIS_HASH)
    # Round-trip the payload through JSON so the hash covers exactly what will be stored.
    clean_payload = json.loads(json.dumps(payload or {}, default=str))
    hashes = sorted(set(photo_hashes))
    when = occurred_at or utcnow()
    event = AuditEvent(
        id=uuid.uuid4(),
        station_id=station_id,
        seq=seq,
        occurred_at=when,
        actor_id=actor_id,
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        return_id=return_id,
        inspection_id=inspection_id,
        payload=clean_payload,
        photo_hashes=hashes,
        prev_hash=prev_hash,
        hash_version=HASH_VERSION,
    )
    event.hash = digest_of(event)
    session.add(event)
    session.flush()
    return event


@dataclass(frozen=True)
class Checkpoint:
    """A point of a station's chain: the event's number and hash."""

    seq: int
    hash: str


@dataclass(frozen=True)
class ChainReport:
    """The result of verifying one station's chain (or all of them).

    ``events_checked`` counts the events read this time, from ``from_seq`` (1, or a checkpoint of
    an earlier verification); ``head`` is the last event reached when the chain is intact.
    """

    ok: bool
    events_checked: int
    station_id: uuid.UUID | None = None
    broken_seq: int | None = None
    broken_event_id: uuid.UUID | None = None
    reason: str = ""
    from_seq: int = 1
    head: Checkpoint | None = None

    @property
    def length(self) -> int:
        """How many events the intact chain has (0 when broken or empty)."""
        return self.head.seq if self.ok and self.head is not None else 0

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict of the report."""
        return {
            "ok": self.ok,
            "events_checked": self.events_checked,
            "station_id": _text(self.station_id),
            "broken_seq": self.broken_seq,
            "broken_event_id": _text(self.broken_event_id),
            "reason": self.reason,
            "verified_from_seq": self.from_seq,
            "length": self.length,
        }


CHAIN_COLUMNS = ("id", "station_id", "seq", "occurred_at", "actor_id", "action", "entity_type", "entity_id",
                  "return_id", "inspection_id", "payload", "photo_hashes", "prev_hash", "hash",
                  "hash_version")


class WalkCancelled(Exception):
    """The caller's cancel check returned True during a chain walk."""


def verify_station_chain(session: Session, station_id: uuid.UUID, since: Checkpoint | None = None,
                         cancel: Callable[[], bool] | None = None) -> ChainReport:
    """Walk one station's chain and name the first broken event.

    From the first event, or, with ``since`` (a checkpoint an earlier walk reached), from that
    event: it must still be there with the same hash and content, and exactly ``since.seq`` events
    must lead up to it. So a rewrite of the chain before it (which changes every later hash) and a
    removed or inserted older event are found; events after it are checked as usual. What a walk
    from a checkpoint cannot see is an older event whose content was edited while its stored hash
    was left alone: the caller re-hashes the events it shows (``load_detail`` does), and a full
    walk (``inspector audit verify``, every evidence pack) finds the rest.

    Streams plain rows in batches (no ORM objects kept), so memory stays flat for chains of
    millions of events (``benchmarks/audit.py``).
    """
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    version = 1
    columns = [getattr(AuditEvent, name) for name in CHAIN_COLUMNS]
    query = select(*columns).where(AuditEvent.station_id == station_id)
    if since is not None:
        query = query.where(AuditEvent.seq >= since.seq)
        expected_seq = since.seq
        before = session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.station_id == station_id, AuditEvent.seq <= since.seq))
        if before != since.seq:
            return ChainReport(False, 0, station_id, since.seq, None,
                               "events before this one were removed or inserted after it was verified",
                               from_seq=since.seq)
    with session.execute(query.order_by(AuditEvent.seq).execution_options(yield_per=5000)) as rows:
        # (closed on every way out: on PostgreSQL this is a server-side cursor)
        for event in rows:
            checked += 1
            if cancel is not None and checked % 5000 == 0 and cancel():
                raise WalkCancelled()
            problem = ""
            if event.seq != expected_seq:
                problem = f"event {expected_seq} is missing (next is {event.seq})"
            elif since is not None and event.seq == since.seq:
                if event.hash != since.hash or digest_of(event) != event.hash:
                    problem = "the chain up to here was changed after it was verified"
            elif event.prev_hash != expected_prev:
                problem = "does not follow the previous event (events removed, inserted or reordered)"
            elif (event.hash_version or 1) < version:
                problem = "uses an older hash version than the event before it"
            elif digest_of(event) != event.hash:
                problem = "its content was changed after it was recorded"
            if problem:
                return ChainReport(False, checked, station_id, expected_seq, event.id, problem,
                                   from_seq=since.seq if since else 1)
            expected_prev = event.hash
            expected_seq += 1
            version = event.hash_version or 1
    if since is not None and checked == 0:
        return ChainReport(False, 0, station_id, since.seq, None,
                           "the chain up to here was changed after it was verified", from_seq=since.seq)
    head = Checkpoint(expected_seq - 1, expected_prev) if expected_seq > 1 else None
    return ChainReport(True, checked, station_id, from_seq=since.seq if since else 1, head=head)


class ChainMemory(Protocol):
    """Where the last fully verified event of each station's chain is remembered."""

    def recall(self, station_id: uuid.UUID) -> Checkpoint | None:
        """The checkpoint of ``station_id`` (None: verify from the first event)."""
        ...

    def remember(self, station_id: uuid.UUID, checkpoint: Checkpoint) -> None:
        """Note that the chain verified up to ``checkpoint``."""
        ...


class MemoryChains:
    """Checkpoints kept for the life of the program (the central database is read-only here)."""

    def __init__(self) -> None:
        self._points: dict[uuid.UUID, Checkpoint] = {}
        self._lock = threading.Lock()

    def recall(self, station_id: uuid.UUID) -> Checkpoint | None:
        """The checkpoint of ``station_id``, if any."""
        with self._lock:
            return self._points.get(station_id)

    def remember(self, station_id: uuid.UUID, checkpoint: Checkpoint) -> None:
        """Keep the checkpoint (the latest wins)."""
        with self._lock:
            self._points[station_id] = checkpoint


class StoredChains:
    """Checkpoints kept in the station's own database (``sync_state``), across restarts."""

    PREFIX = "audit.verified."

    def __init__(self, database: Database) -> None:
        self._database = database

    def recall(self, station_id: uuid.UUID) -> Checkpoint | None:
        """The checkpoint of ``station_id``, if one was stored."""
        with self._database.session() as session:
            state = session.get(SyncState, f"{self.PREFIX}{station_id}")
            if state is None or ":" not in state.value:
                return None
            seq, _, digest = state.value.partition(":")
            return Checkpoint(int(seq), digest) if seq.isdigit() else None

    def remember(self, station_id: uuid.UUID, checkpoint: Checkpoint) -> None:
        """Store the checkpoint (in its own small transaction)."""
        with self._database.session() as session:
            key, value = f"{self.PREFIX}{station_id}", f"{checkpoint.seq}:{checkpoint.hash}"
            state = session.get(SyncState, key)
            if state is None:
                session.add(SyncState(key=key, value=value))
            else:
                state.value = value


def verify_remembering(session: Session, station_id: uuid.UUID, memory: ChainMemory | None,
                       cancel: Callable[[], bool] | None = None) -> ChainReport:
    """Verify a chain from its remembered checkpoint (if any) and remember how far it verified.

    Remembering is best effort: a busy database only means the next walk starts further back.
    """
    report = verify_station_chain(session, station_id, memory.recall(station_id) if memory else None, cancel)
    if memory is not None and report.ok and report.head is not None:
        try:
            memory.remember(station_id, report.head)
        except Exception:  # a locked or read-only database: the report itself stands
            log.warning("Could not store the audit checkpoint of station %s", station_id, exc_info=True)
    return report


def verify_all_chains(session: Session) -> list[ChainReport]:
    """Verify the chain of every station that has events."""
    stations = session.scalars(select(AuditEvent.station_id).distinct()).all()
    return [verify_station_chain(session, station_id) for station_id in stations]


def count_events(session: Session) -> int:
    """How many audit events the database holds."""
    return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)
