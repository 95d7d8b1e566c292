"""How an audit event's hash is computed, in each version a chain may use.

**v1** (events recorded before v2 existed): SHA-256 of the canonical JSON of the event's content
fields and ``prev_hash``. It does not cover the event's id, and has no domain separation.

**v2** (every new event): two steps, each with its own domain-separation prefix and the version:

* ``content hash`` = SHA-256 of ``CONTENT_PREFIX`` + canonical JSON of *every* stored field but the
  chain link: id, station_id, seq, occurred_at, actor_id, action, entity_type, entity_id, return_id,
  inspection_id, payload, photo_hashes and hash_version;
* ``hash`` = SHA-256 of the *link* text: ``LINK_PREFIX``, then ``station``, ``seq``, ``prev`` (the
  previous event's hash) and ``content`` lines.

So no stored field can change without changing the hash, and a chain segment can be proven with the
link texts alone: an evidence pack carries the full content of the events it is about and only the
small link texts of the events in between (which may be other customers' records). Each event
stores its ``hash_version``; a chain never goes back from v2 to v1 (the verifier refuses that).
Canonical JSON: sorted keys, no whitespace, UTF-8, UTC times in ISO 8601 with microseconds.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

GENESIS_HASH = "0" * 64
HASH_VERSION = 2
CONTENT_PREFIX = b"return-inspector/audit-event/v2/content\n"
LINK_PREFIX = "return-inspector/audit-event/v2/link\n"


def text_of(value: object) -> str | None:
    """A value as canonical text (UUIDs dashed, times ISO 8601 with microseconds)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    return str(value)


def canonical_json(data: Any) -> bytes:
    """Sorted keys, no whitespace, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      default=str).encode("utf-8")


def event_digest(
    *,
    station_id: uuid.UUID,
    seq: int,
    occurred_at: datetime,
    actor_id: uuid.UUID | None,
    action: str,
    entity_type: str,
    entity_id: uuid.UUID | None,
    return_id: uuid.UUID | None,
    inspection_id: uuid.UUID | None,
    payload: dict[str, Any],
    photo_hashes: Sequence[str],
    prev_hash: str,
) -> str:
    """The v1 hash: SHA-256 of the canonical JSON of the content and ``prev_hash`` (no id, no prefix)."""
    return hashlib.sha256(v1_preimage(
        station_id=station_id, seq=seq, occurred_at=occurred_at, actor_id=actor_id, action=action,
        entity_type=entity_type, entity_id=entity_id, return_id=return_id, inspection_id=inspection_id,
        payload=payload, photo_hashes=photo_hashes, prev_hash=prev_hash)).hexdigest()


def v1_preimage(**fields: Any) -> bytes:
    """The bytes a v1 hash is taken over."""
    canonical = {key: fields[key] if key in ("seq", "action", "entity_type", "payload", "prev_hash")
                 else text_of(fields[key]) for key in
                 ("station_id", "seq", "occurred_at", "actor_id", "action", "entity_type", "entity_id",
                  "return_id", "inspection_id", "payload", "prev_hash")}
    canonical["photo_hashes"] = list(fields["photo_hashes"])
    return canonical_json(canonical)


def content_fields(event: Any) -> dict[str, Any]:
    """Every stored field of a v2 event but the chain link, in canonical form."""
    return {
        "id": text_of(event.id), "station_id": text_of(event.station_id), "seq": int(event.seq),
        "occurred_at": text_of(event.occurred_at), "actor_id": text_of(event.actor_id),
        "action": event.action, "entity_type": event.entity_type, "entity_id": text_of(event.entity_id),
        "return_id": text_of(event.return_id), "inspection_id": text_of(event.inspection_id),
        "payload": event.payload, "photo_hashes": list(event.photo_hashes), "hash_version": 2,
    }


def content_preimage(event: Any) -> bytes:
    """The bytes a v2 content hash is taken over (an evidence pack ships them as the event's file)."""
    return CONTENT_PREFIX + canonical_json(content_fields(event))


def link_text(station_id: object, seq: int, prev_hash: str, content_hash: str) -> bytes:
    """The bytes a v2 event hash is taken over: the link from the previous event to this content."""
    return (f"{LINK_PREFIX}station {text_of(station_id)}\nseq {seq}\nprev {prev_hash}\n"
            f"content {content_hash}\n").encode("ascii")


def parse_link(text: bytes) -> dict[str, str] | None:
    """The fields of a v2 link text, or None when it is not one."""
    try:
        decoded = text.decode("ascii")
    except UnicodeDecodeError:
        return None
    if not decoded.startswith(LINK_PREFIX) or not decoded.endswith("\n"):
        return None
    fields = dict(line.split(" ", 1) for line in decoded[len(LINK_PREFIX):-1].split("\n") if " " in line)
    return fields if set(fields) == {"station", "seq", "prev", "content"} else None


def v2_link(event: Any) -> bytes:
    """The link text of a stored v2 event (its content recomputed from the stored fields)."""
    content = hashlib.sha256(content_preimage(event)).hexdigest()
    return link_text(event.station_id, int(event.seq), event.prev_hash, content)


def digest_of(event: Any) -> str:
    """Recompute the hash a stored event (an AuditEvent or a row with its columns) should have."""
    version = getattr(event, "hash_version", 1) or 1
    if version == 2:
        return hashlib.sha256(v2_link(event)).hexdigest()
    if version != 1:
        return "unknown hash version"
    return event_digest(
        station_id=event.station_id, seq=event.seq, occurred_at=event.occurred_at, actor_id=event.actor_id,
        action=event.action, entity_type=event.entity_type, entity_id=event.entity_id,
        return_id=event.return_id, inspection_id=event.inspection_id, payload=event.payload,
        photo_hashes=event.photo_hashes, prev_hash=event.prev_hash,
    )
