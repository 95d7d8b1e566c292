"""The central side of the upload: idempotent batch upserts with conflict detection.

Rule (documented in docs/sync.md):

* immutable records (photos, dispute entries, audit events): ``INSERT ... ON CONFLICT DO NOTHING``;
* mutable records (parcels, inspections, disputes, unannounced returns and lines): the owning
  station's row is replaced only by a higher ``src_version`` (``ON CONFLICT (id) DO UPDATE ... WHERE
  t.origin_station_id = EXCLUDED.origin_station_id AND t.src_version < EXCLUDED.src_version``);
* a row not written is a replay when the central ``payload_hash`` equals ours or it already holds a
  newer version of ours; anything else (other station's id, same version with another payload,
  another unique key taken) is recorded in ``conflicts``, never overwritten.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

import psycopg

from inspector.sync.tables import EntitySpec, db_value, payload_hash

EXTRA_COLUMNS = (
    ("warehouse_id", "uuid"),
    ("origin_station_id", "uuid"),
    ("src_version", "bigint"),
    ("payload_hash", "text"),
)


@dataclass(frozen=True)
class Identity:
    """Who is pushing: the central warehouse id and this station's id."""

    warehouse_id: uuid.UUID
    station_id: uuid.UUID


@dataclass
class UpsertOutcome:
    """What one table's upsert did."""

    written: set[uuid.UUID] = field(default_factory=set)
    replays: int = 0
    conflicts: list[tuple[uuid.UUID, str]] = field(default_factory=list)


def _upsert_sql(spec: EntitySpec) -> str:
    columns = list(spec.columns) + list(EXTRA_COLUMNS)
    names = ", ".join(name for name, _ in columns)
    arrays = ", ".join(f"%s::{'text' if kind == 'jsonb' else kind}[]" for _, kind in columns)
    selects = ", ".join(f"u.{name}::jsonb" if kind == "jsonb" else f"u.{name}" for name, kind in columns)
    sql = f"INSERT INTO {spec.table} AS t ({names}) SELECT {selects} FROM unnest({arrays}) AS u({names}) "
    if not spec.mutable:
        return sql + "ON CONFLICT DO NOTHING RETURNING t.id"
    updates = ", ".join(
        f"{name} = EXCLUDED.{name}"
        for name, _ in columns
        if name not in ("id", "warehouse_id", "origin_station_id")
    )
    return (
        sql + f"ON CONFLICT (id) DO UPDATE SET {updates}, central_changed_at = now() "
        "WHERE t.origin_station_id = EXCLUDED.origin_station_id AND t.src_version < EXCLUDED.src_version "
        "RETURNING t.id"
    )


def record_conflict(
    cur: psycopg.Cursor[Any],
    who: Identity,
    spec: EntitySpec,
    entity_id: uuid.UUID,
    kind: str,
    detail: dict[str, Any],
) -> None:
    """Write a conflict for a supervisor (inside the batch's transaction)."""
    cur.execute(
        "INSERT INTO conflicts (warehouse_id, kind, entity_type, entity_id, station_id, detail) "
        "VALUES (%s, %s, %s, %s, %s, %s::jsonb) ON CONFLICT DO NOTHING",
        (who.warehouse_id, kind, spec.kind, entity_id, who.station_id, json.dumps(detail, default=str)),
    )


def _clashes(cur: psycopg.Cursor[Any], who: Identity, spec: EntitySpec, rows: list[dict[str, Any]]) -> dict:
    """Ids of mutable rows that central holds for another station, or whose unique RMA is taken."""
    ids = [row["id"] for row in rows]
    clashes: dict[uuid.UUID, str] = {}
    cur.execute(
        f"SELECT id FROM {spec.table} WHERE id = ANY(%s) AND origin_station_id IS DISTINCT FROM %s",
        (ids, who.station_id),
    )
    for (found,) in cur.fetchall():
        clashes[found] = "id_owned_by_another_station"
    if spec.kind == "return":
        by_rma = {row["rma_number"]: row["id"] for row in rows}
        cur.execute(
            "SELECT rma_number FROM returns WHERE rma_number = ANY(%s) AND NOT (id = ANY(%s))",
            (list(by_rma), ids),
        )
        for (rma,) in cur.fetchall():
            clashes[by_rma[rma]] = "rma_number_taken"
    return clashes


def upsert_rows(
    cur: psycopg.Cursor[Any],
    who: Identity,
    spec: EntitySpec,
    rows: list[dict[str, Any]],
    versions: dict[uuid.UUID, int],
) -> UpsertOutcome:
    """Upsert current local rows into central; classify what was not written."""
    outcome = UpsertOutcome()
    if not rows:
        return outcome
    if spec.mutable:
        clashes = _clashes(cur, who, spec, rows)
        for entity_id, reason in clashes.items():
            record_conflict(cur, who, spec, entity_id, reason, {})
            outcome.conflicts.append((entity_id, reason))
        rows = [row for row in rows if row["id"] not in clashes]
    hashes = {row["id"]: payload_hash(spec, row, row.get("_flags")) for row in rows}
    columns = [[db_value(row[name], kind) for row in rows] for name, kind in spec.columns]
    columns += [
        [who.warehouse_id] * len(rows),
        [who.station_id] * len(rows),
        [versions[row["id"]] for row in rows],
        [hashes[row["id"]] for row in rows],
    ]
    if rows:
        cur.execute(_upsert_sql(spec), columns, binary=True)
        outcome.written = {found for (found,) in cur.fetchall()}
    missing = [row["id"] for row in rows if row["id"] not in outcome.written]
    if missing:
        cur.execute(
            f"SELECT id, payload_hash, src_version, origin_station_id FROM {spec.table} WHERE id = ANY(%s)",
            (missing,),
        )
        central = {found: (digest, version, origin) for found, digest, version, origin in cur.fetchall()}
        for entity_id in missing:
            digest, version, origin = central.get(entity_id, (None, None, None))
            if digest == hashes[entity_id] or (origin == who.station_id and version > versions[entity_id]):
                outcome.replays += 1
                continue
            reason = "unique_key_taken" if digest is None else "different_payload_same_id"
            record_conflict(
                cur, who, spec, entity_id, reason, {"central_hash": digest, "station_hash": hashes[entity_id]}
            )
            outcome.conflicts.append((entity_id, reason))
    if spec.kind == "inspection" and outcome.written:
        _replace_flags(cur, who, [row for row in rows if row["id"] in outcome.written])
    return outcome


def _replace_flags(cur: psycopg.Cursor[Any], who: Identity, rows: list[dict[str, Any]]) -> None:
    ids = [row["id"] for row in rows]
    cur.execute("DELETE FROM inspection_flags WHERE inspection_id = ANY(%s)", (ids,))
    pairs = [(row["id"], flag) for row in rows for flag in row.get("_flags", [])]
    if pairs:
        cur.execute(
            "INSERT INTO inspection_flags (inspection_id, flag, warehouse_id, origin_station_id) "
            "SELECT u.i, u.f, %s, %s FROM unnest(%s::uuid[], %s::text[]) AS u(i, f)",
            (who.warehouse_id, who.station_id, [p[0] for p in pairs], [p[1] for p in pairs]),
        )
