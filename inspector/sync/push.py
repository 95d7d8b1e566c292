"""The central side of the upload: idempotent batch upserts with conflict detection.

Rule (documented in docs/sync.md):

* immutable records (photos, dispute entries, audit events): ``INSERT ... ON CONFLICT DO NOTHING``;
* mutable records (parcels, inspections, disputes, unannounced returns and lines): the owning
  station's row is replaced only by a higher ``src_version`` (``ON CONFLICT (id) DO UPDATE ... WHERE
  t.origin_station_id = EXCLUDED.origin_station_id AND t.src_version < EXCLUDED.src_version``);
* a row not written is a replay when the central ``payload_hash`` equals ours or it already holds a
  newer version of ours; anything else (other station's id, same version with another payload,
  another unique key taken) is recorded in ``conflicts``, never overwritten.

Each table of a batch is sent as one JSON parameter and written with one
``INSERT ... SELECT ... FROM json_to_recordset(...) ON CONFLICT``; row-level security and every
trigger apply. No temporary staging table: station logins hold no TEMPORARY privilege, because a
temporary table is searched before ``public`` and could capture a name (docs/security.md).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

import psycopg

from inspector.sync.local_rows import UploadRow
from inspector.sync.tables import EntitySpec

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
    """What one table's upsert did (ids as dashed text)."""

    written: set[str] = field(default_factory=set)
    replays: int = 0
    conflicts: list[tuple[str, str]] = field(default_factory=list)


def _columns(spec: EntitySpec) -> list[tuple[str, str]]:
    return list(spec.columns) + list(EXTRA_COLUMNS)


def _record_set(spec: EntitySpec) -> str:
    """``json_to_recordset(%s::json) AS s(<column> <type>, ...)`` for the sent and extra columns."""
    return f"json_to_recordset(%s::json) AS s({', '.join(f'{name} {kind}' for name, kind in _columns(spec))})"


def _upsert_sql(spec: EntitySpec) -> str:
    names = [name for name, _ in _columns(spec)]
    chosen = ", ".join(f"s.{name}" for name in names)
    order = " ORDER BY s.station_id, s.seq" if spec.kind == "audit_event" else ""
    sql = (f"INSERT INTO public.{spec.table} AS t ({', '.join(names)}) SELECT {chosen} "
           f"FROM {_record_set(spec)}{order} ")
    if not spec.mutable:
        return sql + "ON CONFLICT DO NOTHING RETURNING t.id::text"
    updates = ", ".join(
        f"{name} = EXCLUDED.{name}"
        for name in names
        if name not in ("id", "warehouse_id", "origin_station_id")
    )
    return (
        sql + f"ON CONFLICT (id) DO UPDATE SET {updates}, central_changed_at = now() "
        "WHERE t.origin_station_id = EXCLUDED.origin_station_id AND t.src_version < EXCLUDED.src_version "
        "RETURNING t.id::text"
    )


def _as_json(spec: EntitySpec, who: Identity, rows: list[UploadRow], versions: dict[str, int]) -> str:
    """The rows as one JSON array of objects (JSON columns as values, not as text)."""
    names = [name for name, _ in _columns(spec)]
    return json.dumps(
        [dict(zip(names, (*row.values, str(who.warehouse_id), str(who.station_id), versions[row.id],
                          row.hash), strict=True)) for row in rows],
        ensure_ascii=False, separators=(",", ":"), default=str,
    )


def record_conflict(
    cur: psycopg.Cursor[Any],
    who: Identity,
    spec: EntitySpec,
    entity_id: str,
    kind: str,
    detail: dict[str, Any],
) -> None:
    """Write a conflict for a supervisor (inside the batch's transaction)."""
    cur.execute(
        "INSERT INTO public.conflicts (warehouse_id, kind, entity_type, entity_id, station_id, detail) "
        "VALUES (%s, %s, %s, %s::uuid, %s, %s::jsonb) ON CONFLICT DO NOTHING",
        (who.warehouse_id, kind, spec.kind, entity_id, who.station_id, json.dumps(detail, default=str)),
    )


def _take_clashes(cur: psycopg.Cursor[Any], who: Identity, spec: EntitySpec,
                  rows: list[UploadRow]) -> dict[str, str]:
    """Rows central holds for another station, or whose unique RMA number another return has taken."""
    ids = [row.id for row in rows]
    clashes: dict[str, str] = {}
    if spec.kind == "return":
        at = spec.names.index("rma_number")
        cur.execute(
            "SELECT s.id::text FROM unnest(%s::uuid[], %s::text[]) AS s(id, rma) "
            "JOIN public.returns r ON r.rma_number = s.rma AND r.id <> ALL(%s::uuid[])",
            (ids, [row.values[at] for row in rows], ids),
        )
        clashes.update((found, "rma_number_taken") for (found,) in cur.fetchall())
    cur.execute(
        f"SELECT t.id::text FROM public.{spec.table} t WHERE t.id = ANY(%s::uuid[]) "
        "AND t.origin_station_id IS DISTINCT FROM %s",
        (ids, who.station_id),
    )
    clashes.update((found, "id_owned_by_another_station") for (found,) in cur.fetchall())
    return clashes


def upsert_rows(
    cur: psycopg.Cursor[Any],
    who: Identity,
    spec: EntitySpec,
    rows: list[UploadRow],
    versions: dict[str, int],
) -> UpsertOutcome:
    """Upsert current local rows into central; classify what was not written."""
    outcome = UpsertOutcome()
    if not rows:
        return outcome
    if spec.mutable:
        for entity_id, reason in _take_clashes(cur, who, spec, rows).items():
            record_conflict(cur, who, spec, entity_id, reason, {})
            outcome.conflicts.append((entity_id, reason))
    clashed = {entity_id for entity_id, _ in outcome.conflicts}
    rows = [row for row in rows if row.id not in clashed]
    if rows:
        cur.execute(_upsert_sql(spec), (_as_json(spec, who, rows, versions),))
        outcome.written = {found for (found,) in cur.fetchall()}
    missing = {row.id: row for row in rows if row.id not in outcome.written}
    if missing:
        cur.execute(
            f"SELECT id::text, payload_hash, src_version, origin_station_id FROM public.{spec.table} "
            "WHERE id = ANY(%s::uuid[])",
            (list(missing),),
        )
        central = {found: (digest, version, origin) for found, digest, version, origin in cur.fetchall()}
        for entity_id, row in missing.items():
            digest, version, origin = central.get(entity_id, (None, None, None))
            if digest == row.hash or (origin == who.station_id and version > versions[entity_id]):
                outcome.replays += 1
                continue
            reason = "unique_key_taken" if digest is None else "different_payload_same_id"
            record_conflict(
                cur, who, spec, entity_id, reason, {"central_hash": digest, "station_hash": row.hash}
            )
            outcome.conflicts.append((entity_id, reason))
    if spec.kind == "inspection" and outcome.written:
        _replace_flags(cur, who, [row for row in rows if row.id in outcome.written])
    return outcome


def _replace_flags(cur: psycopg.Cursor[Any], who: Identity, rows: list[UploadRow]) -> None:
    cur.execute("DELETE FROM public.inspection_flags WHERE inspection_id = ANY(%s::uuid[])",
                ([r.id for r in rows],))
    pairs = [(row.id, flag) for row in rows for flag in row.flags or ()]
    if pairs:
        cur.execute(
            "INSERT INTO public.inspection_flags (inspection_id, flag, warehouse_id, origin_station_id) "
            "SELECT u.i, u.f, %s, %s FROM unnest(%s::uuid[], %s::text[]) AS u(i, f)",
            (who.warehouse_id, who.station_id, [p[0] for p in pairs], [p[1] for p in pairs]),
        )
