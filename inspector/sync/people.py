"""People travel within their warehouse: up as this station's edits, down as every station's edits.

What travels (docs/sync.md, "People"): name, role, language, active, and the edit's version go to the
central ``users`` table (readable by the warehouse's stations, shown in central review); the badge
code and the PIN hash (salted scrypt) go to ``user_secrets``, which row-level security lets only the
stations of the person's own warehouse read or write. Nothing about a person reaches another warehouse.

Rule: every edit carries ``(revision, deactivated, edited_at, edited_by)``; ``revision`` is one more
than the highest the editing station had seen. Central keeps, and every station applies, the edit with
the highest key, compared in that order: an edit made after seeing another wins; of two concurrent edits
(same revision) a deactivation wins, then the later clock, then the higher station id (``central`` for
edits made with ``inspector central users``). The order is total, so every station ends with the same
person whatever order the edits arrive in.

A station sends only its own edits (row-level security refuses others), when they changed since the last
upload to this central database; it fetches the warehouse's list when the list changed. People made before
edits were versioned (``revision`` 0: demo data, older versions) are only ever inserted centrally, never
replace a person central has: stations seeded alike keep the first upload.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from datetime import UTC, datetime
from typing import Any

import psycopg
from sqlalchemy import or_, select

from inspector.models import Role, User
from inspector.models.database import Database
from inspector.sync.pull import EPOCH_KEY, read_state, write_state
from inspector.sync.push import Identity

PEOPLE_KEY = "central.people_hash"
PULLED_KEY = "central.people_pulled"
EARLIEST = datetime.min.replace(tzinfo=UTC)
log = logging.getLogger(__name__)

_UPSERT = (
    "INSERT INTO users AS t (id, name, role, language, active, created_at, updated_at, warehouse_id, "
    "origin_station_id, revision, edited_at, edited_by) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
    "ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, "
    "language = EXCLUDED.language, "
    "active = EXCLUDED.active, updated_at = EXCLUDED.updated_at, revision = EXCLUDED.revision, "
    "edited_at = EXCLUDED.edited_at, edited_by = EXCLUDED.edited_by "
    "WHERE EXCLUDED.revision > 0 AND "  # a person from before versioned edits never replaces one
    "(EXCLUDED.revision, NOT EXCLUDED.active, EXCLUDED.edited_at, EXCLUDED.edited_by) > "
    "(t.revision, NOT t.active, coalesce(t.edited_at, '-infinity'), t.edited_by) RETURNING t.id"
)
_SECRET = (
    "INSERT INTO user_secrets (user_id, warehouse_id, badge_code, pin_hash) VALUES (%s, %s, %s, %s) "
    "ON CONFLICT (user_id) DO UPDATE SET badge_code = EXCLUDED.badge_code, pin_hash = EXCLUDED.pin_hash, "
    "updated_at = now()"
)
_LIST = (
    "SELECT u.id, u.name, u.role, u.language, u.active, u.created_at, u.revision, u.edited_at, "
    "u.edited_by, s.badge_code, s.pin_hash FROM users u LEFT JOIN user_secrets s ON s.user_id = u.id "
    "WHERE u.warehouse_id = %s ORDER BY u.id"
)


def edit_key(revision: int, active: bool, edited_at: datetime | None, edited_by: str) -> tuple[Any, ...]:
    """The order of edits (see the module docstring): the highest key is the person's state."""
    return (revision or 0, not active, edited_at or EARLIEST, edited_by or "")


def _own_edits(database: Database, warehouse_id: Any, station_id: uuid.UUID) -> list[tuple[Any, ...]]:
    """This station's edits of the warehouse's people (and those made before edits were versioned)."""
    own = str(station_id)
    with database.session() as session:
        users = session.scalars(
            select(User).where(or_(User.warehouse_id == warehouse_id, User.warehouse_id.is_(None)),
                               User.edited_by.in_((own, ""))).order_by(User.id)
        ).all()
        return [(u.id, u.name, str(getattr(u.role, "value", u.role)), u.language or "", bool(u.active),
                 u.created_at, u.updated_at, u.revision or 0, u.edited_at or u.updated_at, own,
                 u.badge_code, u.pin_hash) for u in users]


def push_people(database: Database, conn: psycopg.Connection[Any], who: Identity,
                local_warehouse_id: Any) -> int:
    """Send this station's edits of people when they changed; returns how many central took.

    A person central holds for another warehouse (a cloned disk image) is skipped and logged: it must
    never hold up the records that follow.
    """
    rows = _own_edits(database, local_warehouse_id, who.station_id)
    fingerprint = hashlib.sha256(json.dumps(
        [read_state(database, EPOCH_KEY), str(who.warehouse_id), *[[str(v) for v in row] for row in rows]]
    ).encode()).hexdigest()
    if read_state(database, PEOPLE_KEY) == fingerprint:
        return 0
    taken = 0
    with conn.transaction(), conn.cursor() as cur:
        for (person, name, role, language, active, created, updated, revision, edited_at, edited_by,
             badge, pin_hash) in rows:
            try:
                with conn.transaction():  # a savepoint per person
                    cur.execute(_UPSERT, (person, name, role, language, active, created, updated,
                                          who.warehouse_id, who.station_id, revision, edited_at, edited_by))
                    if cur.fetchone() is not None:  # our edit is the newest: its secrets go with it
                        cur.execute(_SECRET, (person, who.warehouse_id, badge, pin_hash))
                        taken += 1
            except psycopg.errors.InsufficientPrivilege:
                log.warning("Person %s belongs to another warehouse centrally; not sent", person)
    with database.session() as session:
        session.info["sync_pull"] = True
        write_state(session, PEOPLE_KEY, fingerprint)
    return taken


def pull_people(database: Database, conn: psycopg.Connection[Any], central_warehouse: uuid.UUID,
                local_warehouse: uuid.UUID) -> int:
    """Apply the warehouse's people as central has them (newest edit wins); returns how many changed."""
    with conn.transaction(), conn.cursor() as cur:
        cur.execute(_LIST, (central_warehouse,))
        rows = cur.fetchall()
    fingerprint = hashlib.sha256(json.dumps([[str(v) for v in row] for row in rows]).encode()).hexdigest()
    if read_state(database, PULLED_KEY) == fingerprint:
        return 0
    changed = 0
    with database.session() as session:
        session.info["sync_pull"] = True
        for row in rows:
            changed += _apply(session, row, local_warehouse)
        write_state(session, PULLED_KEY, fingerprint)
    if changed:
        log.info("People: %d change(s) from central applied", changed)
    return changed


def _apply(session: Any, row: tuple[Any, ...], local_warehouse: uuid.UUID) -> int:
    person, name, role, language, active, created, revision, edited_at, edited_by, badge, pin_hash = row
    try:
        role = Role(role)
    except ValueError:
        log.warning("Person %s has role %r, unknown to this version; not applied", person, role)
        return 0
    local = session.get(User, person)
    theirs = edit_key(revision, active, edited_at, edited_by)
    if local is not None:
        ours = edit_key(local.revision, local.active, local.edited_at, local.edited_by)
        if ours >= theirs:
            return 0
    if local is None:
        if badge is None:  # no secrets (yet): nobody could log in with this record here
            return 0
        local = User(id=person, created_at=created, badge_code=f"pending-{person.hex}")
        session.add(local)
    local.name, local.role, local.language, local.active = name, role, language or "", bool(active)
    local.revision, local.edited_at, local.edited_by = revision, edited_at, edited_by
    local.warehouse_id = local_warehouse
    if badge is not None:
        local.pin_hash = pin_hash
        local.badge_code = _badge_for(session, local, badge)
    session.flush()
    return 1


def _badge_for(session: Any, person: User, badge: str) -> str:
    """``badge``, unless another person here holds it: then the one created first keeps it and the other
    gets an unusable ``clash-...`` code (lower case: no scan or typed code matches it) until an admin
    gives a new badge. Every station decides alike, so they stay in step."""
    holder = session.scalar(select(User).where(User.badge_code == badge, User.id != person.id))
    if holder is None:
        return badge
    log.warning("Badge %s is held by two people here; the one added first keeps it", badge)
    if (holder.created_at, str(holder.id)) < (person.created_at, str(person.id)):
        return f"clash-{person.id.hex}"
    holder.badge_code = f"clash-{holder.id.hex}"
    session.flush()
    return badge
