"""The demo's organisation: a second warehouse, three stations and users of every role.

Warehouses, stations and users that exist (by code or badge) are reused, not duplicated.
"""

from __future__ import annotations

import uuid
from zoneinfo import ZoneInfo

from sqlalchemy import select

from inspector.models import Role, Station, User, Warehouse
from inspector.scanning.identify import make_badge
from inspector.services.demo.state import People, Place, SeedRun, new_uuid
from inspector.services.users import hash_pin

DEMO_PIN = "1234"
SECOND_WAREHOUSE = "DE-DUS"

# (name, role, language, warehouse: 0 primary, 1 second, None all)
_USERS: tuple[tuple[str, Role, str, int | None], ...] = (
    ("Sanne de Vries", Role.INSPECTOR, "nl", 0),
    ("Mohamed El Amrani", Role.INSPECTOR, "nl", 0),
    ("Kasia Nowak", Role.INSPECTOR, "en", 0),
    ("Jörg Schäfer", Role.INSPECTOR, "de", 1),
    ("Marloes van der Linden", Role.SUPERVISOR, "nl", 0),
    ("Pieter Janssens", Role.TEAM_LEAD, "en", 0),
    ("Anja Krüger", Role.ADMIN, "de", None),
)


def setup_organisation(run: SeedRun) -> None:
    """Warehouses and stations (reused when they exist), then the users."""
    s = run.session
    ctx = run.station
    primary = s.get(Warehouse, ctx.warehouse_id)
    assert primary is not None, "the configured station's warehouse is missing"
    if not primary.allow_name_login:  # the demo lets inspectors pick their name (a real one starts off)
        primary.allow_name_login = True
    second = s.scalar(select(Warehouse).where(Warehouse.code == SECOND_WAREHOUSE))
    if second is None and primary.code != SECOND_WAREHOUSE:
        second = Warehouse(
            id=new_uuid(run.rng), code=SECOND_WAREHOUSE, name="Düsseldorf returns centre", country="DE",
            time_zone="Europe/Berlin", return_window_days=30, vip_return_window_days=60,
            restocking_fee_bp=0, damage_deduction_bp=2500, created_at=run.now, updated_at=run.now,
            allow_name_login=True,
        )
        s.add(second)
        s.flush()
    warehouses = [primary] + ([second] if second is not None and second.id != primary.id else [])

    def station(code: str, warehouse: Warehouse) -> tuple[uuid.UUID, str]:
        found = s.scalar(select(Station).where(Station.code == code))
        if found is None:
            found = Station(id=new_uuid(run.rng), warehouse_id=warehouse.id, code=code,
                            name=f"Inspection table {code[-2:]}", created_at=run.now, updated_at=run.now)
            s.add(found)
            s.flush()
        return found.id, found.code

    primary_stations = [(ctx.station_id, ctx.station_code)]
    extra_code = "ST-02" if ctx.station_code != "ST-02" else "ST-01"
    primary_stations.append(station(extra_code, primary))
    run.places.append(_place(primary, primary_stations, (65, 35)))
    if len(warehouses) > 1:
        de_code = "ST-11" if ctx.station_code != "ST-11" else "ST-12"
        run.places.append(_place(warehouses[1], [station(de_code, warehouses[1])], (1,)))
    run.people = _users(run)


def _place(w: Warehouse, stations: list[tuple[uuid.UUID, str]], weights: tuple[int, ...]) -> Place:
    return Place(w.id, w.code, ZoneInfo(w.time_zone), w.return_window_days, w.vip_return_window_days,
                 w.restocking_fee_bp, w.damage_deduction_bp, tuple(stations), weights)


def _users(run: SeedRun) -> People:
    s = run.session
    warehouse_ids = [place.id for place in run.places]
    ids: list[uuid.UUID] = []
    badges: dict[str, str] = {}
    created = 0
    for n, (name, role, language, warehouse) in enumerate(_USERS, start=1):
        badge = make_badge(n)
        user_id = new_uuid(run.rng)
        salt = run.rng.randbytes(16)
        existing = s.scalar(select(User).where(User.badge_code == badge))
        if existing is None:
            warehouse_id = None if warehouse is None else warehouse_ids[-1 if warehouse else 0]
            pin_hash = hash_pin(DEMO_PIN, salt=salt) if role.needs_pin else None
            s.add(User(id=user_id, name=name, badge_code=badge, role=role, pin_hash=pin_hash,
                       language=language, active=True, warehouse_id=warehouse_id,
                       created_at=run.now, updated_at=run.now))
            created += 1
        else:
            user_id = existing.id
        ids.append(user_id)
        label = f"{role.value.replace('_', ' ')} badge"
        if label not in badges:
            badges[label] = badge + (f" (PIN {DEMO_PIN})" if role.needs_pin else "")
    s.flush()
    inspectors = [(ids[i], make_badge(i + 1)) for i in range(4)]
    by_warehouse = {0: [0, 1, 2], 1: [3]} if len(run.places) > 1 else {0: [0, 1, 2, 3]}
    return People(inspectors, ids[4], by_warehouse, badges, created)
