"""Reading what goes up straight from the station's SQLite file: outbox entries and entity rows.

Driver-level selects (no ORM, no per-value type objects) with an ``IN`` list per slice of a batch.
Each value is converted once, by its central column type, to the plain JSON-ready form that
:func:`inspector.sync.tables.payload_hash` hashes for an ORM-typed row: UUIDs as dashed text, times
as ISO 8601 UTC with microseconds, booleans, parsed JSON. So the hash is the same whichever way a
row was read (``tests/sync`` compares both for every uploaded table after every scenario).
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from inspector.models import OutboxState
from inspector.models.database import Database
from inspector.sync.tables import EntitySpec, digest

_SLICE = 900  # bound parameters per statement, well below SQLite's limit


def _uuid(value: str) -> str:
    if len(value) == 32:  # how SQLAlchemy stores a UUID in SQLite: 32 lower-case hex digits
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    return str(uuid.UUID(value))


def _timestamp(value: str) -> str:
    if len(value) == 26 and value[10] == " ":  # 'YYYY-MM-DD HH:MM:SS.ffffff', stored as UTC
        return f"{value[:10]}T{value[11:]}+00:00"
    moment = datetime.fromisoformat(value)
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment.isoformat(timespec="microseconds")


@lru_cache(maxsize=1024)
def _json(text: str) -> Any:
    """Parsed JSON; repeated small documents ('{}', '[]', ...) are parsed once (never mutated here)."""
    return json.loads(text)


_PLAIN = {"uuid": _uuid, "timestamptz": _timestamp, "boolean": bool, "jsonb": _json}


def to_hex(entity_id: str) -> str:
    """A dashed UUID as SQLite stores it."""
    return entity_id.replace("-", "")


@dataclass
class UploadRow:
    """One local row ready to go up: plain values (spec order, JSON columns parsed) and its hash."""

    id: str
    values: list[Any]
    hash: str
    flags: list[str] | None = None  # an inspection's sorted flags (part of its hash)

    def as_dict(self, spec: EntitySpec) -> dict[str, Any]:
        """The plain values by column name."""
        return dict(zip(spec.names, self.values, strict=True))


@dataclass
class OutboxBatch:
    """Pending entries read in one go, coalesced per entity (ids as dashed text)."""

    entry_ids: list[int] = field(default_factory=list)
    versions: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    entries_of: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))

    def __bool__(self) -> bool:
        return bool(self.entry_ids)


def read_batch(database: Database, limit: int, *, photos: bool, after: int = 0) -> OutboxBatch:
    """The oldest ``limit`` pending entries after id ``after`` (only photos, or all but photos)."""
    kind = "entity_type = 'photo'" if photos else "entity_type <> 'photo'"
    batch = OutboxBatch()
    with database.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            f"SELECT id, entity_type, entity_id FROM outbox WHERE state = ? AND id > ? AND {kind} "
            "ORDER BY id LIMIT ?",
            (OutboxState.PENDING.value, after, limit),
        ).all()
    for entry_id, entity_type, entity_hex in rows:
        entity_id = _uuid(entity_hex)
        batch.entry_ids.append(entry_id)
        batch.entries_of[(entity_type, entity_id)].append(entry_id)
        versions = batch.versions[entity_type]
        versions[entity_id] = max(versions.get(entity_id, 0), entry_id)
    return batch


def read_rows(database: Database, spec: EntitySpec, ids: list[str]) -> dict[str, UploadRow]:
    """The current local rows of ``ids`` (rows deleted meanwhile are simply absent)."""
    converted = [(i, _PLAIN[kind]) for i, (_, kind) in enumerate(spec.columns) if kind in _PLAIN]
    hashed = spec.hashed
    every = len(hashed) == len(spec.columns)
    found: dict[str, UploadRow] = {}
    with database.engine.connect() as connection:
        sqlite = connection.connection.driver_connection  # plain tuples, no per-value type objects
        assert sqlite is not None
        for start in range(0, len(ids), _SLICE):
            part = [to_hex(i) for i in ids[start : start + _SLICE]]
            marks = ", ".join("?" * len(part))
            flags = _flags(sqlite, part, marks) if spec.kind == "inspection" else None
            query = f"SELECT {', '.join(spec.names)} FROM {spec.table} WHERE id IN ({marks})"
            for raw in sqlite.execute(query, part).fetchall():
                values = list(raw)
                for i, convert in converted:
                    if values[i] is not None:
                        values[i] = convert(values[i])
                extra = None if flags is None else flags.get(raw[0], [])
                covered = values if every else [values[i] for i in hashed]
                found[values[0]] = UploadRow(values[0], values, digest(covered, extra), extra)
    return found


def _flags(sqlite: Any, part: list[str], marks: str) -> dict[str, list[str]]:
    """Sorted flags per inspection (hex id) of one slice."""
    flags: dict[str, list[str]] = defaultdict(list)
    query = f"SELECT inspection_id, flag FROM inspection_flags WHERE inspection_id IN ({marks})"
    for inspection_id, flag in sqlite.execute(query, part).fetchall():
        flags[inspection_id].append(flag)
    return {key: sorted(values) for key, values in flags.items()}
