"""First run of a station: the warehouse, this station and its kind (a real warehouse or demo data).

A data directory is *new* while nobody can log in (no person in its database). Setup then records
the warehouse (code, name, time zone, return windows, refund policy) and this station, and marks the
database as a real warehouse; ``inspector demo-seed`` marks it as demo data. The two never mix:
demo data is refused in a real warehouse, setup is refused on demo data, and demo data never syncs.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import asdict, dataclass, replace
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import delete, func, select

from inspector.models import AuditEvent, Inspection, Parcel, Return, Station, SyncState, User, Warehouse
from inspector.models.database import Database
from inspector.services.people_rules import PeopleError
from inspector.services.users import UserInfo

KIND_KEY = "station.kind"
REAL, DEMO = "real", "demo"
CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,31}$")


@dataclass(frozen=True)
class WarehousePlan:
    """The warehouse's settings (from the setup flow, or from central when the station joins)."""

    code: str
    name: str = ""
    time_zone: str = "Europe/Amsterdam"
    return_window_days: int = 30
    vip_return_window_days: int = 60
    restocking_fee_bp: int = 0
    damage_deduction_bp: int = 3000
    id: uuid.UUID | None = None  # central's id when the station joins a central database


def clean_code(code: str, what: str) -> str:
    """A warehouse or station code as stored (upper case); PeopleError when not usable."""
    cleaned = code.strip().upper()
    if not CODE_PATTERN.match(cleaned):
        raise PeopleError(f"bad_{what}_code",
                          f"a {what} code is 1-32 letters, digits, - or _ (e.g. NL-AMS, ST-01)", code)
    return cleaned


def check_warehouse(plan: WarehousePlan) -> WarehousePlan:
    """The plan with clean values; PeopleError for a code, zone, window or policy that cannot be used."""
    try:
        ZoneInfo(plan.time_zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise PeopleError("bad_time_zone", f"unknown time zone {plan.time_zone!r}; use e.g. Europe/Amsterdam",
                          plan.time_zone) from exc
    for days in (plan.return_window_days, plan.vip_return_window_days):
        if not 0 <= days <= 3650:
            raise PeopleError("bad_window", "a return window is 0 to 3650 days", days)
    for bp in (plan.restocking_fee_bp, plan.damage_deduction_bp):
        if not 0 <= bp <= 10_000:
            raise PeopleError("bad_policy", "a fee or deduction is 0 to 100 %", bp)
    code = clean_code(plan.code, "warehouse")
    return replace(plan, code=code, name=" ".join(plan.name.split()) or code)


def station_kind(database: Database) -> str:
    """``real``, ``demo`` or ``""`` (not set up yet, or made before this version)."""
    with database.session() as session:
        state = session.get(SyncState, KIND_KEY)
        return state.value if state else ""


def mark_kind(database: Database, kind: str) -> None:
    """Record what this database holds (``real`` or ``demo``)."""
    with database.session() as session:
        state = session.get(SyncState, KIND_KEY)
        if state is None:
            session.add(SyncState(key=KIND_KEY, value=kind))
        else:
            state.value = kind


def needs_setup(database: Database) -> bool:
    """True for a new database: nobody in it, and neither set up nor filled with demo data.

    A station set up to join central whose first sync did not finish has nobody yet either, but is set
    up: its window opens the login, and the people arrive with the next sync.
    """
    with database.session() as session:
        people = session.scalar(select(func.count()).select_from(User)) or 0
    return people == 0 and station_kind(database) == ""


def set_up_warehouse(database: Database, plan: WarehousePlan, station_code: str, station_name: str) -> None:
    """Record the warehouse and this station, replacing the placeholders an empty database starts with.

    Refused (PeopleError ``already_set_up``) once people or records exist.
    """
    plan = check_warehouse(plan)
    station_code = clean_code(station_code, "station")
    if not needs_setup(database):
        raise PeopleError("already_set_up", "this station is already set up")
    with database.session() as session:
        for model in (Return, Parcel, Inspection, AuditEvent):
            if session.scalar(select(func.count()).select_from(model)):
                raise PeopleError("already_set_up", "this station already holds records")
        session.execute(delete(Station))  # the placeholders made when the empty database was opened
        session.execute(delete(Warehouse))
        session.flush()
        values = {key: value for key, value in asdict(plan).items() if key != "id"}
        warehouse = Warehouse(**values, **({"id": plan.id} if plan.id is not None else {}))
        session.add(warehouse)
        session.flush()
        session.add(Station(warehouse_id=warehouse.id, code=station_code,
                            name=" ".join(station_name.split()) or station_code))
    mark_kind(database, REAL)


WAREHOUSE_SETTINGS = ("name", "time_zone", "return_window_days", "vip_return_window_days",
                      "restocking_fee_bp", "damage_deduction_bp")


def warehouse_settings(database: Database, warehouse_id: uuid.UUID) -> dict[str, object]:
    """The warehouse's settings as this station has them."""
    with database.session() as session:
        warehouse = session.get(Warehouse, warehouse_id)
        if warehouse is None:
            raise PeopleError("no_warehouse", "this station has no warehouse")
        return {"code": warehouse.code, **{key: getattr(warehouse, key) for key in WAREHOUSE_SETTINGS}}


def update_warehouse(
    database: Database, warehouse_id: uuid.UUID, values: dict[str, object], *, user: UserInfo | None
) -> dict[str, object]:
    """Change the warehouse's settings (checked like setup's); returns all of them. Admins only."""
    from inspector.services.access import Action, authorise

    authorise(user, Action.WAREHOUSE, database)
    current = warehouse_settings(database, warehouse_id)
    plan = check_warehouse(WarehousePlan(**{**current, **values}))  # type: ignore[arg-type]
    with database.session() as session:
        warehouse = session.get(Warehouse, warehouse_id)
        for key in WAREHOUSE_SETTINGS:
            setattr(warehouse, key, getattr(plan, key))
    return warehouse_settings(database, warehouse_id)
