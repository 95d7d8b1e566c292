"""The station's people flow up (names, roles, warehouse), so central review and reports show names.

Only what a supervisor reads goes up: never a PIN hash or a badge code (the central table refuses
them). The list is small, so it is sent whole, and only when it changed since the last upload to
this central database (the hash includes the central epoch: a restored central gets it again).
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Any

import psycopg
from sqlalchemy import or_, select

from inspector.models import User
from inspector.models.database import Database
from inspector.sync.pull import EPOCH_KEY, read_state, write_state
from inspector.sync.push import Identity

PEOPLE_KEY = "central.people_hash"
log = logging.getLogger(__name__)
_UPSERT = (
    "INSERT INTO users (id, name, role, language, active, created_at, updated_at, warehouse_id, "
    "origin_station_id) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) "
    "ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, "
    "language = EXCLUDED.language, active = EXCLUDED.active, updated_at = EXCLUDED.updated_at"
)


def _rows(database: Database, warehouse_id: Any) -> list[tuple[Any, ...]]:
    """This warehouse's people (and those of no warehouse) as the station knows them."""
    with database.session() as session:
        users = session.execute(
            select(User.id, User.name, User.role, User.language, User.active, User.created_at,
                   User.updated_at)
            .where(or_(User.warehouse_id == warehouse_id, User.warehouse_id.is_(None)))
            .order_by(User.id)
        ).all()
    return [(u.id, u.name, str(getattr(u.role, "value", u.role)), u.language or "", bool(u.active),
             u.created_at, u.updated_at) for u in users]


def push_people(database: Database, conn: psycopg.Connection[Any], who: Identity,
                local_warehouse_id: Any) -> int:
    """Upsert this station's users centrally when they changed; returns how many were sent.

    A person whose id another station uploaded first (stations seeded alike, a cloned disk image)
    is skipped and logged: it must never hold up the records that follow.
    """
    rows = _rows(database, local_warehouse_id)
    fingerprint = hashlib.sha256(json.dumps(
        [read_state(database, EPOCH_KEY), str(who.warehouse_id), *[[str(v) for v in row] for row in rows]]
    ).encode()).hexdigest()
    if read_state(database, PEOPLE_KEY) == fingerprint:
        return 0
    sent = 0
    with conn.transaction(), conn.cursor() as cur:
        for row in rows:
            try:
                with conn.transaction():  # a savepoint per person
                    cur.execute(_UPSERT, (*row, who.warehouse_id, who.station_id))
                sent += 1
            except psycopg.errors.InsufficientPrivilege:
                log.warning("Person %s is already known centrally from another station; not sent", row[0])
    with database.session() as session:
        session.info["sync_pull"] = True
        write_state(session, PEOPLE_KEY, fingerprint)
    return sent
