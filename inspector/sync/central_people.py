"""People and warehouse settings managed centrally by the administrator (admin URL, no station needed).

``inspector central users --warehouse W list|add|deactivate|activate`` writes the same rows stations
write, as an edit by ``central`` (docs/sync.md, "People"): every station of the warehouse applies it at
its next sync. ``inspector central warehouse W [...]`` sets the warehouse's name, time zone, return
windows and refund policy, which its stations take at their next sync.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from inspector.models import Role
from inspector.services.people_rules import (
    PeopleError,
    check_pin,
    clean_badge,
    clean_name,
    new_badge_code,
    parse_language,
    parse_role,
)
from inspector.services.users import hash_pin
from inspector.sync.urls import connect
from inspector.sync.warehouse import SETTINGS

CENTRAL = "central"


@dataclass(frozen=True)
class CentralPerson:
    """A person as central holds them."""

    id: uuid.UUID
    name: str
    role: str
    badge_code: str
    active: bool
    revision: int
    edited_by: str


def _warehouse_id(cur: Any, code: str) -> uuid.UUID:
    cur.execute("SELECT id FROM warehouses WHERE code = %s", (code,))
    row = cur.fetchone()
    if row is None:
        raise PeopleError("no_warehouse", f"central knows no warehouse {code}", code)
    return row[0]


def list_people(url: str, warehouse: str) -> list[CentralPerson]:
    """The warehouse's people, active first, by name."""
    with connect(url) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT u.id, u.name, u.role, coalesce(s.badge_code, ''), u.active, u.revision, u.edited_by "
            "FROM users u LEFT JOIN user_secrets s ON s.user_id = u.id WHERE u.warehouse_id = %s "
            "ORDER BY u.active DESC, u.name", (_warehouse_id(cur, warehouse),))
        return [CentralPerson(*row) for row in cur.fetchall()]


def add_person(url: str, warehouse: str, name: str, role: str, badge: str = "", pin: str = "",
               language: str = "") -> CentralPerson:
    """Add someone to the warehouse centrally (an elevated role needs ``pin``)."""
    role_ = parse_role(role)
    name, language = clean_name(name), parse_language(language)
    pin_hash = hash_pin(check_pin(role_, pin)) if role_.needs_pin else None
    with connect(url) as conn, conn.cursor() as cur:
        warehouse_id = _warehouse_id(cur, warehouse)
        code = clean_badge(badge) if badge else new_badge_code()
        cur.execute("SELECT u.name FROM user_secrets s JOIN users u ON u.id = s.user_id "
                    "WHERE s.warehouse_id = %s AND s.badge_code = %s", (warehouse_id, code))
        holder = cur.fetchone()
        if holder is not None:
            raise PeopleError("badge_taken", f"badge {code} already belongs to {holder[0]}", code, holder[0])
        person = uuid.uuid4()
        cur.execute(
            "INSERT INTO users (id, name, role, language, active, warehouse_id, origin_station_id, revision, "
            "edited_at, edited_by) VALUES (%s, %s, %s, %s, true, %s, NULL, 1, now(), %s)",
            (person, name, role_.value, language, warehouse_id, CENTRAL))
        cur.execute("INSERT INTO user_secrets (user_id, warehouse_id, badge_code, pin_hash) "
                    "VALUES (%s, %s, %s, %s)", (person, warehouse_id, code, pin_hash))
        conn.commit()
    return CentralPerson(person, name, role_.value, code, True, 1, CENTRAL)


def set_active(url: str, warehouse: str, reference: str, active: bool) -> CentralPerson:
    """Deactivate (or activate) a person by badge code or exact name, as a new edit by central."""
    with connect(url) as conn, conn.cursor() as cur:
        warehouse_id = _warehouse_id(cur, warehouse)
        cur.execute(
            "SELECT u.id FROM users u LEFT JOIN user_secrets s ON s.user_id = u.id WHERE u.warehouse_id = %s "
            "AND (upper(s.badge_code) = upper(%s) OR lower(u.name) = lower(%s))",
            (warehouse_id, reference.strip(), reference.strip()))
        found = cur.fetchall()
        if len(found) != 1:
            raise PeopleError("not_found" if not found else "ambiguous",
                              f"{len(found)} people of {warehouse} match {reference!r}", reference)
        if not active:
            cur.execute("SELECT count(*) FILTER (WHERE id <> %s), bool_or(id = %s) FROM users "
                        "WHERE warehouse_id = %s AND active AND role = %s",
                        (found[0][0], found[0][0], warehouse_id, Role.ADMIN.value))
            others, is_admin = cur.fetchone()
            if is_admin and not others:
                raise PeopleError("last_admin", "the warehouse would have no administrator left")
        cur.execute(
            "UPDATE users SET active = %s, revision = revision + 1, edited_at = now(), edited_by = %s, "
            "updated_at = now() WHERE id = %s RETURNING id, name, role, active, revision, edited_by",
            (active, CENTRAL, found[0][0]))
        person, name, role, is_active, revision, edited_by = cur.fetchone()
        conn.commit()
    return CentralPerson(person, name, role, "", is_active, revision, edited_by)


def set_warehouse(url: str, code: str, values: dict[str, Any]) -> dict[str, Any]:
    """Create the warehouse if needed, set the given settings, and return all of them."""
    unknown = set(values) - set(SETTINGS)
    if unknown:
        raise ValueError(f"not warehouse settings: {sorted(unknown)}")
    with connect(url) as conn, conn.cursor() as cur:
        cur.execute("INSERT INTO warehouses (id, code, name) VALUES (gen_random_uuid(), %s, %s) "
                    "ON CONFLICT DO NOTHING", (code, code))
        for name, value in values.items():
            cur.execute(f"UPDATE warehouses SET {name} = %s, updated_at = now() WHERE code = %s",
                        (value, code))
        cur.execute(f"SELECT {', '.join(SETTINGS)} FROM warehouses WHERE code = %s", (code,))
        row = cur.fetchone()
        conn.commit()
    return dict(zip(SETTINGS, row, strict=True))
