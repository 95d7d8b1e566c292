"""Signed checkpoints of this station's audit chain, made and checked on the station.

:func:`make_checkpoint` signs the current chain head (at every sync that moved it, and for every
evidence pack); :func:`check_checkpoints` finds a chain that no longer reaches a head the station
signed earlier (events removed from the end, or rewritten). A copy of the database can have its
checkpoints removed or re-signed with a stolen key, so the central database is the real anchor
(:mod:`inspector.sync.anchor`); these checks catch what the copy still shows.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.models import AuditCheckpoint, AuditEvent, utcnow
from inspector.services.signing import SigningKey, b64, head_text, parse_head, unb64, verify


@dataclass(frozen=True)
class Head:
    """A chain's newest event."""

    seq: int
    hash: str


def chain_head(session: Session, station_id: uuid.UUID, upto: int | None = None) -> Head | None:
    """The newest event of a station's chain (with ``upto``: the newest at or before that seq; None when
    there is none)."""
    query = select(AuditEvent.seq, AuditEvent.hash).where(AuditEvent.station_id == station_id)
    if upto is not None:
        query = query.where(AuditEvent.seq <= upto)
    row = session.execute(query.order_by(AuditEvent.seq.desc()).limit(1)).first()
    return Head(row.seq, row.hash) if row else None


def latest_checkpoint(session: Session, station_id: uuid.UUID, at_least: int = 0) -> AuditCheckpoint | None:
    """The newest signed checkpoint of a station (with ``at_least``: the first at or after that seq)."""
    query = select(AuditCheckpoint).where(AuditCheckpoint.station_id == station_id)
    if at_least:
        return session.scalars(query.where(AuditCheckpoint.seq >= at_least)
                               .order_by(AuditCheckpoint.seq).limit(1)).first()
    return session.scalars(query.order_by(AuditCheckpoint.seq.desc()).limit(1)).first()


def make_checkpoint(session: Session, station_id: uuid.UUID, station_code: str,
                    key: SigningKey, upto: int | None = None) -> AuditCheckpoint | None:
    """Sign the chain's current head (once per head; with ``upto``: the newest event at or before that
    seq, e.g. the one central holds); None when the chain is empty."""
    head = chain_head(session, station_id, upto)
    if head is None:
        return None
    last = latest_checkpoint(session, station_id)
    if last is not None and last.seq == head.seq and last.hash == head.hash:
        return last
    text = head_text(station_id, station_code, head.seq, head.hash, utcnow())
    checkpoint = AuditCheckpoint(station_id=station_id, seq=head.seq, hash=head.hash, head_text=text,
                                 signature=b64(key.sign(text.encode("ascii"))), public_key=key.public_pem)
    session.add(checkpoint)
    session.flush()
    return checkpoint


def checkpoint_problem(checkpoint: AuditCheckpoint, event_hash: str | None,
                       public_key: str | None = None) -> str:
    """Why a checkpoint does not hold ("" when it does): signature, text, and the event it names."""
    key = public_key or checkpoint.public_key
    if not verify(key, checkpoint.head_text.encode("ascii", "replace"), unb64(checkpoint.signature)):
        return f"the signature of checkpoint {checkpoint.seq} does not verify"
    fields = parse_head(checkpoint.head_text)
    if fields.get("seq") != str(checkpoint.seq) or fields.get("hash") != checkpoint.hash or fields.get(
            "station") != str(checkpoint.station_id):
        return f"checkpoint {checkpoint.seq} does not state what it is stored with"
    if event_hash is None:
        return f"event {checkpoint.seq}, signed in a checkpoint, is missing (events were removed)"
    if event_hash != checkpoint.hash:
        return f"event {checkpoint.seq} is not the one signed in a checkpoint (the chain was rewritten)"
    return ""


def check_checkpoints(session: Session, station_id: uuid.UUID, key: SigningKey | None = None) -> list[str]:
    """Problems of the station's stored checkpoints against its chain (every one is checked).

    With ``key`` (this station's own), a checkpoint signed by another key is a problem too.
    """
    problems: list[str] = []
    hashes = dict(session.execute(
        select(AuditEvent.seq, AuditEvent.hash).where(AuditEvent.station_id == station_id).join(
            AuditCheckpoint, (AuditCheckpoint.station_id == AuditEvent.station_id)
            & (AuditCheckpoint.seq == AuditEvent.seq))).all())
    for checkpoint in session.scalars(select(AuditCheckpoint).where(AuditCheckpoint.station_id == station_id)
                                      .order_by(AuditCheckpoint.seq)):
        problem = checkpoint_problem(checkpoint, hashes.get(checkpoint.seq),
                                     key.public_pem if key is not None else None)
        if problem:
            problems.append(problem)
    return problems
