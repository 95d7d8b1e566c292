"""The audit chain's anchor at every sync: the station's key, its signed heads, and alarms.

After the upload, :func:`anchor_chain` compares this station's chain with what central holds:

* central's newest event of this station (and its newest signed head) must be in the local chain
  with the same hash: otherwise events were removed here (*shorter*) or the chain was rewritten
  (*forked*);
* any open conflict about this station's audit events (an event central refused: its place in the
  chain was taken, or it did not follow central's chain) is an alarm, never "sync ok";
* the local chain must still verify from where it last did.

When all agree, the station signs its head and sends every unsent signed head; central accepts only
a head that extends the previous one (trigger ``audit_checkpoints_accept``). The station's public key
is registered at the first sync (only while its slot is empty: trust on enrolment).
Alarms are fixed plain-words texts (the status bar translates them).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Any

import psycopg
from sqlalchemy import select

from inspector.models import AuditCheckpoint, AuditEvent, utcnow
from inspector.models.database import Database
from inspector.services.audit import StoredChains, verify_remembering
from inspector.services.checkpoints import make_checkpoint
from inspector.services.signing import SigningKey, fingerprint
from inspector.sync.push import Identity

log = logging.getLogger(__name__)

ALARM_CONFLICT = ("ALARM: the central server refused audit events of this station (its audit log differs "
                  "from what central holds). Tell a supervisor; nothing was overwritten.")
ALARM_SHORTER = ("ALARM: this station's audit log is shorter than what the central server holds: events "
                 "were removed here. Tell a supervisor.")
ALARM_FORKED = ("ALARM: this station's audit log is not the one the central server holds: it was "
                "rewritten. Tell a supervisor.")
ALARM_BROKEN = "ALARM: this station's audit log no longer verifies. Tell a supervisor."
ALARM_KEY = ("ALARM: this station's signing key is not the one registered centrally. Ask IT to enrol "
             "the station again.")
ALARM_HEAD = "ALARM: the central server refused this station's signed audit head. Tell a supervisor."
ALARMS = (ALARM_CONFLICT, ALARM_SHORTER, ALARM_FORKED, ALARM_BROKEN, ALARM_KEY, ALARM_HEAD)


@dataclass(frozen=True)
class CentralHead:
    """What central holds of one station's chain."""

    seq: int | None
    hash: str | None
    signed_seq: int | None
    signed_hash: str | None
    open_conflicts: int


def central_head(cur: psycopg.Cursor[Any], station_id: uuid.UUID) -> CentralHead:
    """Central's newest event and newest signed head of a station, and its open audit conflicts."""
    cur.execute("SELECT seq, hash FROM public.audit_events WHERE station_id = %s ORDER BY seq DESC LIMIT 1",
                (station_id,))
    event = cur.fetchone() or (None, None)
    cur.execute("SELECT seq, hash FROM public.audit_checkpoints WHERE station_id = %s "
                "ORDER BY seq DESC LIMIT 1", (station_id,))
    signed = cur.fetchone() or (None, None)
    cur.execute("SELECT count(*) FROM public.conflicts WHERE entity_type = 'audit_event' AND station_id = %s "
                "AND resolved_at IS NULL", (station_id,))
    row = cur.fetchone()
    return CentralHead(event[0], event[1], signed[0], signed[1], int(row[0]) if row else 0)


def compare(database: Database, station_id: uuid.UUID, head: CentralHead) -> list[str]:
    """Alarms from comparing the local chain with what central holds of it."""
    alarms: list[str] = []
    if head.open_conflicts:
        alarms.append(ALARM_CONFLICT)
    with database.session() as session:
        for seq, digest in ((head.seq, head.hash), (head.signed_seq, head.signed_hash)):
            if seq is None:
                continue
            local = session.scalar(select(AuditEvent.hash).where(AuditEvent.station_id == station_id,
                                                                 AuditEvent.seq == seq))
            alarm = ALARM_SHORTER if local is None else ALARM_FORKED if local != digest else ""
            if alarm and alarm not in alarms:
                alarms.append(alarm)
        report = verify_remembering(session, station_id, StoredChains(database))
    if not report.ok:
        alarms.append(ALARM_BROKEN)
    return alarms


def register_key(cur: psycopg.Cursor[Any], who: Identity, key: SigningKey) -> list[str]:
    """Register this station's public key while its central slot is empty; an alarm when another is there."""
    cur.execute("SELECT public_key FROM public.station_keys WHERE station_id = %s", (who.station_id,))
    row = cur.fetchone()
    if row is None:
        cur.execute("INSERT INTO public.station_keys (station_id, warehouse_id, public_key) "
                    "VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                    (who.station_id, who.warehouse_id, key.public_pem))
        return []
    return [] if fingerprint(row[0]) == key.fingerprint else [ALARM_KEY]


def anchor_chain(database: Database, conn: psycopg.Connection[Any], who: Identity, station_code: str,
                 key: SigningKey | None) -> list[str]:
    """Compare with central, then sign and send the head; returns the alarms (empty: all agree)."""
    try:
        with conn.transaction(), conn.cursor() as cur:
            alarms = register_key(cur, who, key) if key is not None else []
            head = central_head(cur, who.station_id)
    except psycopg.errors.InsufficientPrivilege:
        # Central was upgraded but 'inspector central roles' not run again yet: records still flow.
        log.warning("The central database does not let this station anchor its audit log yet "
                    "(ask IT to run 'inspector central roles')")
        return []
    alarms += compare(database, who.station_id, head)
    if alarms or key is None:
        for alarm in alarms:
            log.error("Audit anchor: %s", alarm)
        return alarms
    if head.seq is None:
        return alarms  # central holds none of this chain yet: nothing to anchor
    # Sign what central holds (compare() found it equal to ours), not the local head: the station
    # window keeps writing events while a sync runs, and central refuses a head naming an event it
    # does not hold yet. Newer events are signed and sent at the next sync.
    with database.session() as session:
        session.info["sync_pull"] = True
        make_checkpoint(session, who.station_id, station_code, key, upto=head.seq)
    with database.session() as session:
        session.info["sync_pull"] = True
        unsent = session.scalars(select(AuditCheckpoint).where(AuditCheckpoint.station_id == who.station_id,
                                                               AuditCheckpoint.uploaded_at.is_(None))
                                 .order_by(AuditCheckpoint.seq)).all()
        for checkpoint in unsent:
            if head.signed_seq is not None and checkpoint.seq <= head.signed_seq:
                checkpoint.uploaded_at = utcnow()  # older than what central holds: superseded
                continue
            if checkpoint.seq > head.seq:
                break  # signed locally (an evidence pack) beyond what central holds yet: next sync
            try:
                with conn.transaction(), conn.cursor() as cur:
                    cur.execute(
                        "INSERT INTO public.audit_checkpoints (station_id, seq, hash, head_text, signature, "
                        "warehouse_id, origin_station_id) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                        (who.station_id, checkpoint.seq, checkpoint.hash, checkpoint.head_text,
                         checkpoint.signature, who.warehouse_id, who.station_id))
            except psycopg.errors.CheckViolation as exc:
                log.error("Central refused signed head %d: %s", checkpoint.seq, exc.diag.message_primary)
                alarms.append(ALARM_HEAD)
                break
            checkpoint.uploaded_at = utcnow()
    return alarms
