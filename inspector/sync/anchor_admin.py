"""The administrator's side of the audit anchor: station keys and the notary.

* :func:`reset_station_key` / :func:`register_station_key`: enrolment and key rotation. A station
  registers its own public key at its first sync, but only while its slot is empty; the
  administrator empties the slot (or fills it with a key read from the station's screen) when a
  station is enrolled or its key is replaced. This is trust on enrolment (docs/security.md).
* :func:`notarise`: ``inspector central notarise --key FILE`` checks every signed head central has
  not notarised yet (the station's signature against its registered key, and every event hash of
  the chain up to it, recomputed) and countersigns the result with the notary's key. That key stays
  with the administrator: there is no central application server, so this is a job the
  administrator runs (or a service/timer with ``--every``), connected as the database owner.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import UTC
from types import SimpleNamespace
from typing import Any

import psycopg

from inspector.models import utcnow
from inspector.services.audit import CHAIN_COLUMNS
from inspector.services.audit_hash import GENESIS_HASH, digest_of
from inspector.services.signing import SigningKey, b64, fingerprint, unb64, verify

log = logging.getLogger(__name__)

NOTARY_TITLE = "Return Inspector notary statement v1"
_EVENT_COLUMNS = CHAIN_COLUMNS


def _station(cur: psycopg.Cursor[Any], warehouse_code: str, station_code: str) -> tuple[Any, Any] | None:
    cur.execute("SELECT s.id, s.warehouse_id FROM public.stations s JOIN public.warehouses w "
                "ON w.id = s.warehouse_id WHERE w.code = %s AND s.code = %s", (warehouse_code, station_code))
    row = cur.fetchone()
    return (row[0], row[1]) if row else None


def reset_station_key(conn: psycopg.Connection[Any], warehouse_code: str, station_code: str) -> bool:
    """Empty a station's key slot (its next sync registers the key it has then). True when one was removed."""
    with conn.transaction(), conn.cursor() as cur:
        found = _station(cur, warehouse_code, station_code)
        if found is None:
            return False
        cur.execute("DELETE FROM public.station_keys WHERE station_id = %s", (found[0],))
        return cur.rowcount > 0


def register_station_key(conn: psycopg.Connection[Any], warehouse_code: str, station_code: str,
                         public_pem: str) -> str:
    """Put a known public key into a station's slot (replacing any); returns its fingerprint.

    The station must have synced once (so that central knows its id); raises LookupError otherwise.
    """
    printed = fingerprint(public_pem)  # refuses what is not an Ed25519 public key
    with conn.transaction(), conn.cursor() as cur:
        found = _station(cur, warehouse_code, station_code)
        if found is None:
            raise LookupError(f"station {station_code} of warehouse {warehouse_code} has not synced yet")
        cur.execute("DELETE FROM public.station_keys WHERE station_id = %s", (found[0],))
        cur.execute("INSERT INTO public.station_keys (station_id, warehouse_id, public_key) "
                    "VALUES (%s, %s, %s)", (found[0], found[1], public_pem))
    return printed


@dataclass
class NotaryRun:
    """What one notary run did."""

    notarised: int = 0
    failed: int = 0


def _chain_ok(cur: psycopg.Cursor[Any], station_id: Any, after: int, prev: str, seq: int) -> bool:
    """Every event after ``after`` up to ``seq`` is there, follows the one before and has its hash."""
    cur.execute(f"SELECT {', '.join(_EVENT_COLUMNS)} FROM public.audit_events WHERE station_id = %s "
                "AND seq > %s AND seq <= %s ORDER BY seq", (station_id, after, seq))
    expected = after + 1
    for row in cur:
        event = SimpleNamespace(**dict(zip(_EVENT_COLUMNS, row, strict=True)))
        event.occurred_at = event.occurred_at.astimezone(UTC)
        if event.seq != expected or event.prev_hash != prev or digest_of(event) != event.hash:
            return False
        prev, expected = event.hash, expected + 1
    return expected == seq + 1


def notarise(conn: psycopg.Connection[Any], key: SigningKey) -> NotaryRun:
    """Check and countersign every signed head not notarised yet (oldest first)."""
    run = NotaryRun()
    with conn.transaction(), conn.cursor() as cur:
        cur.execute("INSERT INTO public.notary_keys (fingerprint, public_key) VALUES (%s, %s) "
                    "ON CONFLICT DO NOTHING", (key.fingerprint, key.public_pem))
    with conn.cursor() as cur:
        cur.execute("SELECT c.id, c.station_id, c.warehouse_id, c.seq, c.hash, c.head_text, c.signature, "
                    "k.public_key FROM public.audit_checkpoints c LEFT JOIN public.station_keys k "
                    "ON k.station_id = c.station_id WHERE NOT EXISTS "
                    "(SELECT 1 FROM public.audit_notarisations n WHERE n.checkpoint_id = c.id) "
                    "ORDER BY c.station_id, c.seq")
        pending = cur.fetchall()
    for cid, station_id, warehouse_id, seq, digest, text, signature, station_key in pending:
        with conn.transaction(), conn.cursor() as cur:
            cur.execute("SET LOCAL TIME ZONE 'UTC'")
            cur.execute("SELECT c.seq, c.hash FROM public.audit_notarisations n "
                        "JOIN public.audit_checkpoints c ON c.id = n.checkpoint_id "
                        "WHERE c.station_id = %s AND n.chain_ok AND c.seq < %s "
                        "ORDER BY c.seq DESC LIMIT 1", (station_id, seq))
            before = cur.fetchone() or (0, GENESIS_HASH)
            signed_ok = station_key is not None and verify(station_key, text.encode("ascii", "replace"),
                                                           unb64(signature))
            chain_ok = _chain_ok(cur, station_id, before[0], before[1], seq)
            statement = (
                f"{NOTARY_TITLE}\ncheckpoint {cid}\nstation {station_id}\nseq {seq}\nhash {digest}\n"
                f"head_sha256 {hashlib.sha256(text.encode('ascii', 'replace')).hexdigest()}\n"
                f"station_signature {'ok' if signed_ok else 'FAILED'}\n"
                f"chain {'ok' if chain_ok else 'FAILED'}\n"
                f"notary {key.fingerprint}\nnotarised_at {utcnow().isoformat(timespec='seconds')}\n"
            )
            cur.execute(
                "INSERT INTO public.audit_notarisations (checkpoint_id, warehouse_id, station_id, "
                "notary_fingerprint, station_signature_ok, chain_ok, statement, signature) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                (cid, warehouse_id, station_id, key.fingerprint, signed_ok, chain_ok, statement,
                 b64(key.sign(statement.encode("ascii")))))
        run.notarised += 1
        if not (signed_ok and chain_ok):
            run.failed += 1
            log.error("Notary: signed head %s of station %s FAILED (signature %s, chain %s)", seq, station_id,
                      signed_ok, chain_ok)
    return run
