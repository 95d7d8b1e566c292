"""What flows up: per outbox entity type, the local table, the central columns and the update rule.

Column names are the same on both sides. ``payload_hash`` is the SHA-256 of the canonical JSON of
the values a station sends (see :func:`payload_hash`); central keeps it to tell a replay (same
hash) from a conflicting payload under the same id.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Table

from inspector.models import AuditEvent, Dispute, DisputeEntry, Inspection, Parcel, Photo, Return, ReturnLine

U, T, I8, B, TS, D, J = "uuid", "text", "bigint", "boolean", "timestamptz", "date", "jsonb"


@dataclass(frozen=True)
class EntitySpec:
    """One uploaded entity type."""

    kind: str  # the outbox entity_type
    table: str  # the central table (same name as the local one)
    local: Table
    columns: tuple[tuple[str, str], ...]  # (column, PostgreSQL type), ``id`` first
    mutable: bool  # mutable: newer src_version from the owning station replaces the row
    # Columns sent but left out of ``payload_hash``: added after rows were already uploaded (their
    # stored hashes must still tell a replay), and covered otherwise (an event's own ``hash``).
    unhashed: tuple[str, ...] = ()

    @property
    def names(self) -> list[str]:
        """The column names, in order."""
        return [name for name, _ in self.columns]

    @property
    def hashed(self) -> list[int]:
        """Positions of the columns ``payload_hash`` covers."""
        return [i for i, (name, _) in enumerate(self.columns) if name not in self.unhashed]


def _spec(kind: str, model: Any, mutable: bool, cols: str, unhashed: tuple[str, ...] = ()) -> EntitySpec:
    pairs = tuple(tuple(item.split(":")) for item in cols.split())
    return EntitySpec(kind, model.__tablename__, model.__table__, pairs, mutable,  # type: ignore[arg-type]
                      unhashed)


SPECS: dict[str, EntitySpec] = {
    spec.kind: spec
    for spec in (
        _spec(
            "return",
            Return,
            True,
            "id:uuid rma_number:text order_number:text customer_name:text "
            "customer_name_key:text customer_email:text customer_segment:text postcode:text "
            "house_number:text "
            "country:text channel:text delivered_on:date announced_at:timestamptz refund_choice:text "
            "status:text source:text carrier:text tracking_number:text content_hash:text notes:text "
            "created_at:timestamptz updated_at:timestamptz",
        ),
        _spec(
            "return_line",
            ReturnLine,
            True,
            "id:uuid return_id:uuid line_no:bigint sku:text gtin:text "
            "product_name:text category:text quantity:bigint unit_price_cents:bigint currency:text "
            "reason_code:text customer_comment:text expected_serial:text created_at:timestamptz "
            "updated_at:timestamptz",
        ),
        _spec(
            "parcel",
            Parcel,
            True,
            "id:uuid tracking_number:text scanned_code:text carrier:text "
            "return_id:uuid received_at:timestamptz received_by_id:uuid station_id:uuid box_condition:text "
            "unannounced:boolean conflict:boolean flags:jsonb notes:text created_at:timestamptz "
            "updated_at:timestamptz",
        ),
        _spec(
            "inspection",
            Inspection,
            True,
            "id:uuid return_id:uuid return_line_id:uuid parcel_id:uuid "
            "unit_index:bigint status:text outcome:text item_sku:text item_gtin:text item_description:text "
            "verification:text verified_code:text verification_note:text serial_scanned:text "
            "checklist_id:text checklist_version:bigint answers:jsonb suggested_grade:text final_grade:text "
            "override_reason:text disposition:text destination:text refund_recommendation:text "
            "refund_amount_cents:bigint recovered_value_cents:bigint lpn:text notes:text inspector_id:uuid "
            "station_id:uuid started_at:timestamptz finished_at:timestamptz conflict_with_id:uuid "
            "created_at:timestamptz updated_at:timestamptz",
        ),
        _spec(
            "photo",
            Photo,
            False,
            "id:uuid sha256:text inspection_id:uuid parcel_id:uuid tag:text "
            "file_path:text thumbnail_path:text size_bytes:bigint width:bigint height:bigint mime_type:text "
            "taken_at:timestamptz taken_by_id:uuid station_id:uuid source:text",
        ),
        _spec(
            "dispute",
            Dispute,
            True,
            "id:uuid inspection_id:uuid party:text status:text reference:text "
            "opened_by_id:uuid opened_at:timestamptz closed_at:timestamptz outcome:text "
            "created_at:timestamptz updated_at:timestamptz",
        ),
        _spec(
            "dispute_entry",
            DisputeEntry,
            False,
            "id:uuid dispute_id:uuid author_id:uuid at:timestamptz "
            "kind:text text:text old_grade:text new_grade:text",
        ),
        _spec(
            "audit_event",
            AuditEvent,
            False,
            "id:uuid station_id:uuid seq:bigint occurred_at:timestamptz "
            "actor_id:uuid action:text entity_type:text entity_id:uuid return_id:uuid inspection_id:uuid "
            "payload:jsonb photo_hashes:jsonb prev_hash:text hash:text hash_version:bigint",
            ("hash_version",),
        ),
    )
}

# Parents before children, so a central reader never sees a line before its return.
PUSH_ORDER = ("return", "return_line", "parcel", "inspection", "dispute", "dispute_entry", "audit_event")


def plain(value: Any) -> Any:
    """A value as JSON-ready plain data (enums as values, UUIDs and times as ISO text)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def digest(values: list[Any], extra: Any = None) -> str:
    """The SHA-256 of plain values' canonical JSON (plus e.g. an inspection's flags)."""
    canonical = values if extra is None else [*values, extra]
    blob = json.dumps(canonical, sort_keys=True, separators=(",", ":"), default=str, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def payload_hash(spec: EntitySpec, row: dict[str, Any], extra: Any = None) -> str:
    """The SHA-256 of a row's canonical JSON (its sent columns, plus e.g. an inspection's flags)."""
    return digest([plain(row[spec.names[i]]) for i in spec.hashed], extra)
