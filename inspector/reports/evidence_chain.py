"""The audit part of an evidence pack: the events it is about, hash-linked to a signed chain head.

For each station whose events an evidence pack shows, the pack's ``chain/<station>/`` folder holds:

* ``links/<seq>.txt`` for every event from the first one shown up to a signed checkpoint: the bytes
  the event's hash is taken over (a v2 *link* text naming the previous hash and the content hash;
  for an old v1 event its canonical JSON). So ``sha256sum`` of a link is the event's hash, and each
  link names the hash before it. Events not shown are present only as these small links;
* ``events/<seq>.txt`` for every v2 event the pack shows: its full content (the bytes its content
  hash is taken over: every stored field, including the photo hashes);
* ``CHAIN.sha256`` (``sha256sum -c`` format): the chain's hash of every link and event file;
* ``head.txt`` / ``head.sig`` / ``station.pem``: the signed checkpoint (the exact text the station
  signed, the raw Ed25519 signature, its public key), and when the central notary countersigned it,
  ``notary.txt`` / ``notary.sig`` / ``notary.pem``.

:func:`signed_head` finds the first checkpoint at or after the last event shown, in the station's
database (where this station signs its current head for the pack if it has none) or centrally.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from inspector.models import AuditEvent
from inspector.services.audit import CHAIN_COLUMNS
from inspector.services.audit_hash import content_preimage, v1_preimage, v2_link
from inspector.services.checkpoints import latest_checkpoint
from inspector.services.signing import unb64


@dataclass(frozen=True)
class SignedHead:
    """A checkpoint: what was signed, by which key, and the notary's countersignature if any."""

    station_id: uuid.UUID
    seq: int
    hash: str
    head_text: str
    signature: bytes
    public_key: str
    notary_text: str = ""
    notary_signature: bytes = b""
    notary_key: str = ""


def is_central(session: Session) -> bool:
    """True when the session reads the central PostgreSQL database (not a station's SQLite file)."""
    return session.get_bind().dialect.name != "sqlite"


def signed_head(session: Session, station_id: uuid.UUID, at_least: int) -> SignedHead | None:
    """The first signed checkpoint of a station at or after event ``at_least`` (None: there is none)."""
    if not is_central(session):
        found = latest_checkpoint(session, station_id, at_least)
        if found is None:
            return None
        return SignedHead(station_id, found.seq, found.hash, found.head_text, unb64(found.signature),
                          found.public_key)
    row = session.execute(text(
        "SELECT c.seq, c.hash, c.head_text, c.signature, k.public_key, n.statement, n.signature, "
        "nk.public_key "
        "FROM audit_checkpoints c JOIN station_keys k ON k.station_id = c.station_id "
        "LEFT JOIN audit_notarisations n ON n.checkpoint_id = c.id "
        "LEFT JOIN notary_keys nk ON nk.fingerprint = n.notary_fingerprint "
        "WHERE c.station_id = :station AND c.seq >= :at_least ORDER BY c.seq LIMIT 1"),
        {"station": station_id, "at_least": at_least}).first()
    if row is None:
        return None
    return SignedHead(station_id, row[0], row[1], row[2], unb64(row[3]), row[4], row[5] or "",
                      unb64(row[6]) if row[6] else b"", row[7] or "")


def _link_bytes(event: Any) -> bytes:
    if (event.hash_version or 1) == 2:
        return v2_link(event)
    return v1_preimage(**{name: getattr(event, name) for name in CHAIN_COLUMNS if name not in ("id", "hash")})


def chain_files(session: Session, head: SignedHead, shown: set[int], folder: str) -> dict[str, bytes]:
    """The files of one station's chain segment (name -> bytes), from the first shown event to ``head``."""
    files: dict[str, bytes] = {}
    sums: list[str] = []
    columns = [getattr(AuditEvent, name) for name in CHAIN_COLUMNS]
    query = (select(*columns).where(AuditEvent.station_id == head.station_id,
                                    AuditEvent.seq >= min(shown), AuditEvent.seq <= head.seq)
             .order_by(AuditEvent.seq).execution_options(yield_per=5000))
    with session.execute(query) as rows:
        for event in rows:
            name = f"links/{event.seq:09d}.txt"
            files[f"{folder}/{name}"] = _link_bytes(event)
            sums.append(f"{event.hash}  {name}")
            if event.seq in shown and (event.hash_version or 1) == 2:
                content = content_preimage(event)
                files[f"{folder}/events/{event.seq:09d}.txt"] = content
                sums.append(f"{hashlib.sha256(content).hexdigest()}  events/{event.seq:09d}.txt")
    files[f"{folder}/CHAIN.sha256"] = ("\n".join(sums) + "\n").encode("ascii")
    files[f"{folder}/head.txt"] = head.head_text.encode("ascii", "replace")
    files[f"{folder}/head.sig"] = head.signature
    files[f"{folder}/station.pem"] = head.public_key.encode("ascii")
    if head.notary_text:
        files[f"{folder}/notary.txt"] = head.notary_text.encode("ascii", "replace")
        files[f"{folder}/notary.sig"] = head.notary_signature
        files[f"{folder}/notary.pem"] = head.notary_key.encode("ascii")
    return files

