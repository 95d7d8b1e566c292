"""The hash of an inspection's settled record, carried by the audit event that settles it.

The audit chain protects events; the ``inspections`` row (answers, grade, refund, notes...) is what
the review screen and evidence packs *show*. So the event that finishes an inspection, and every
later event that changes or re-states it (an override, a dispute step, a grade change, a sync
conflict flag), carries in its payload:

* ``record_hash``: SHA-256 of :data:`RECORD_PREFIX` + the canonical JSON of every field of the record
  (:data:`FIELDS`, including the sorted flags and the sorted SHA-256 of its photos);
* ``record_version``: :data:`RECORD_VERSION`;
* ``record_fields``: per field a short hint (the first 12 hex digits of a separate, also
  domain-separated, SHA-256 of that field alone). The hints only serve to *name* the field that no
  longer matches; the proof is the full ``record_hash``.

Verification (:func:`check_record`) recomputes both from the row as shown and names the first field
(in :data:`FIELDS` order) whose hint differs. Canonical JSON: sorted keys, no whitespace, UTF-8,
UUIDs dashed, enums by value, times in UTC ISO 8601 with microseconds. Qt-free and database-free:
:func:`record_of` reads the row through a SQLAlchemy session, the rest works on plain values.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from inspector.services.audit_hash import canonical_json

RECORD_VERSION = 1
RECORD_PREFIX = b"return-inspector/inspection-record/v1\n"
FIELD_PREFIX = b"return-inspector/inspection-record/v1/field\n"
HINT_LENGTH = 12

# The record's fields, in the order verification reports them (what a dispute turns on first).
FIELDS: tuple[str, ...] = (
    "final_grade", "suggested_grade", "override_reason", "disposition", "destination",
    "refund_recommendation", "refund_amount_cents", "recovered_value_cents", "answers", "notes", "flags",
    "photo_hashes", "status", "outcome", "lpn", "item_sku", "item_gtin", "item_description",
    "verification", "verified_code", "verification_note", "serial_scanned", "checklist_id",
    "checklist_version", "unit_index", "id", "return_id", "return_line_id", "parcel_id", "inspector_id",
    "station_id", "started_at", "finished_at",
)
# Events that settle (or re-state) the record: the latest one is what the row must match.
SETTLING_ACTIONS = frozenset({
    "grade_set", "grade_overridden", "grade_changed", "item_missing", "inspection_flagged",
    "dispute_opened", "dispute_note_added", "dispute_decision_recorded", "dispute_closed",
})


def _canonical(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Enum):
        return _canonical(value.value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, Mapping):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    return str(value)


def record_fields(row: Any, flags: Iterable[str], photo_hashes: Iterable[str]) -> dict[str, Any]:
    """Every field of the record in canonical form; ``row`` has the ``inspections`` columns as attributes."""
    fields: dict[str, Any] = {}
    for name in FIELDS:
        if name == "flags":
            fields[name] = sorted({str(_canonical(f)) for f in flags})
        elif name == "photo_hashes":
            fields[name] = sorted({str(h) for h in photo_hashes})
        elif name == "answers":
            fields[name] = _canonical(dict(getattr(row, name) or {}))
        else:
            fields[name] = _canonical(getattr(row, name))
    return fields


def record_preimage(fields: Mapping[str, Any]) -> bytes:
    """The exact bytes the record hash is taken over (an evidence pack ships them as a file)."""
    return RECORD_PREFIX + canonical_json({"record_version": RECORD_VERSION, **fields})


def record_digest(fields: Mapping[str, Any]) -> str:
    """The record hash of canonical ``fields``."""
    return hashlib.sha256(record_preimage(fields)).hexdigest()


def field_hint(name: str, value: Any) -> str:
    """The short per-field hint (names the changed field; proves nothing on its own)."""
    data = FIELD_PREFIX + name.encode("utf-8") + b"\n" + canonical_json(value)
    return hashlib.sha256(data).hexdigest()[:HINT_LENGTH]


def record_payload(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The payload keys the settling event carries."""
    return {"record_hash": record_digest(fields), "record_version": RECORD_VERSION,
            "record_fields": {name: field_hint(name, fields[name]) for name in FIELDS}}


def record_of(session: Any, inspection: Any) -> dict[str, Any]:
    """The canonical fields of an inspection as its database holds them now (ORM ``Inspection``)."""
    from sqlalchemy import select

    from inspector.models import InspectionFlag, Photo

    session.flush()  # flags and photos added in this session count
    flags = session.scalars(select(InspectionFlag.flag).where(
        InspectionFlag.inspection_id == inspection.id)).all()
    hashes = session.scalars(select(Photo.sha256).where(Photo.inspection_id == inspection.id)).all()
    return record_fields(inspection, flags, hashes)


def settle_payload(session: Any, inspection: Any) -> dict[str, Any]:
    """The record payload of an inspection in this session (call after the change, before the event)."""
    return record_payload(record_of(session, inspection))


@dataclass(frozen=True)
class RecordCheck:
    """Whether the record shown is the one the latest settling event recorded.

    ``state``: ``verified``; ``changed`` (``field`` names the first field that differs, or is "" when
    only the full hash tells); ``unprotected`` (settled by events recorded before record hashes:
    cannot be verified); ``unsettled`` (not finished yet: nothing was settled).
    """

    state: str
    field: str = ""
    event_seq: int | None = None
    event_station: str = ""
    record_hash: str = ""

    @property
    def ok(self) -> bool:
        """True only when the record was verified against its settling event."""
        return self.state == "verified"

    def describe(self) -> str:
        """One line in English (the GUI and PDF have their own translated words)."""
        where = f"event {self.event_station} #{self.event_seq}" if self.event_seq is not None else ""
        if self.state == "verified":
            return f"record verified against {where}"
        if self.state == "changed":
            what = f"field '{self.field}'" if self.field else "the record (field unknown)"
            return f"{what} no longer matches {where}"
        if self.state == "unprotected":
            return "the record has no record hash (settled before record hashes existed): NOT verified"
        return "not finished: no settled record yet"


def compare_record(fields: Mapping[str, Any], payload: Mapping[str, Any]) -> tuple[str, str]:
    """(state, first changed field) of ``fields`` against a settling event's ``payload``."""
    recorded = payload.get("record_hash")
    if not isinstance(recorded, str) or payload.get("record_version") != RECORD_VERSION:
        return "unprotected", ""
    hints = payload.get("record_fields") or {}
    if record_digest(fields) == recorded:
        return "verified", ""
    for name in FIELDS:
        if hints.get(name) != field_hint(name, fields.get(name)):
            return "changed", name
    return "changed", ""


def check_record(fields: Mapping[str, Any], finished: bool,
                 events: Sequence[tuple[str, int, str, Mapping[str, Any]]]) -> RecordCheck:
    """Check ``fields`` against the latest settling event of ``events`` ((station, seq, action, payload)
    of the inspection's events, in chain order)."""
    settling = [e for e in events if e[2] in SETTLING_ACTIONS or "record_hash" in (e[3] or {})]
    if not settling:
        return RecordCheck("unprotected" if finished else "unsettled")
    station, seq, _action, payload = settling[-1]
    state, field = compare_record(fields, payload or {})
    return RecordCheck(state, field, seq, station, str((payload or {}).get("record_hash", "")))
