"""First run, Qt-free: set up a new station from the setup flow's answers (``inspector setup`` and the GUI).

Order, so that a failure at any step can simply be retried: check every answer, join the central
database (when an enrolment code is given; the warehouse's settings then come from central), record the
warehouse and station, write ``settings.toml``, add the first administrator, and sync once (the new
administrator goes up; the warehouse's people come down).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace

from inspector.config import Settings, load_settings, save_settings
from inspector.models import Role
from inspector.models.database import open_database
from inspector.paths import DataPaths, data_paths
from inspector.services.access import COMMAND_LINE
from inspector.services.people import NewPerson, Person
from inspector.services.people_rules import PeopleError, check_pin, clean_name, parse_language
from inspector.services.setup import WarehousePlan, check_warehouse, clean_code, needs_setup, set_up_warehouse
from inspector.sync.enrolment import Enrolment


@dataclass(frozen=True)
class SetupRequest:
    """The setup flow's answers. ``warehouse`` is None when joining (central knows the warehouse)."""

    station_code: str
    station_name: str = ""
    warehouse: WarehousePlan | None = None
    admin_name: str = ""
    admin_badge: str = ""
    admin_pin: str = ""
    admin_pin_again: str = ""
    language: str = ""
    enrolment: Enrolment | None = None


@dataclass(frozen=True)
class SetupOutcome:
    """What setup did."""

    warehouse_code: str
    station_code: str
    admin: Person | None
    joined: bool
    sync_summary: str = ""
    sync_ok: bool = True


def first_run(data_dir: str | os.PathLike[str] | None = None) -> bool:
    """True when the data directory has no station yet (nobody could log in) and holds no demo data."""
    paths = data_paths(data_dir)
    if not paths.database.exists():
        return True
    database = open_database(paths.database, paths.backups, migrate=True)
    try:
        return needs_setup(database)
    finally:
        database.dispose()


def _check(request: SetupRequest) -> SetupRequest:
    """The request with clean values; PeopleError for the first answer that cannot be used."""
    joining = request.enrolment is not None
    station = request.enrolment.station_code if joining else clean_code(request.station_code, "station")
    if joining and request.station_code and clean_code(request.station_code, "station") != station:
        raise PeopleError("wrong_station_code", f"the enrolment code is for station {station}", station)
    warehouse = None if joining or request.warehouse is None else check_warehouse(request.warehouse)
    if not joining and warehouse is None:
        raise PeopleError("no_warehouse", "give the warehouse's code")
    parse_language(request.language)
    if request.admin_name or not joining:
        clean_name(request.admin_name)
        check_pin(Role.ADMIN, request.admin_pin, request.admin_pin_again)
    return replace(request, station_code=station, warehouse=warehouse)


def set_up_station(data_dir: str | os.PathLike[str] | None, request: SetupRequest,
                   progress: Callable[[str], None] = lambda _text: None) -> SetupOutcome:
    """Set up a new station (see the module docstring); PeopleError/EnrolmentError name what to fix."""
    paths = data_paths(data_dir).ensure()
    request = _check(request)
    if not first_run(paths.root):
        raise PeopleError("already_set_up", "this station is already set up")
    central_url = ""
    warehouse = request.warehouse
    if request.enrolment is not None:
        from inspector.sync.join import join_central

        progress("joining")
        joined = join_central(paths, request.enrolment)
        central_url, warehouse = joined.url, joined.warehouse
    assert warehouse is not None
    database = open_database(paths.database, paths.backups, migrate=True)
    try:
        set_up_warehouse(database, warehouse, request.station_code, request.station_name)
    finally:
        database.dispose()
    _write_settings(paths, warehouse.code, request.station_code, request.language, central_url)
    from inspector.app import build_services

    services = build_services(paths.root)
    try:
        admin = None
        if request.admin_name:
            # First start: nobody is logged in yet; whoever sets up has the data directory itself.
            admin = services.people.add(COMMAND_LINE, NewPerson(request.admin_name, Role.ADMIN,
                                                                request.admin_badge, request.admin_pin,
                                                                request.language))
        outcome = SetupOutcome(warehouse.code, request.station_code, admin, bool(central_url))
        if central_url:
            progress("syncing")
            engine = services.sync_service()
            assert engine is not None
            result = engine.engine.run_once()
            outcome = replace(outcome, sync_summary=result.summary(), sync_ok=result.ok)
        return outcome
    finally:
        services.close()


def _write_settings(paths: DataPaths, warehouse: str, station: str, language: str, central_url: str) -> None:
    settings = load_settings(paths.settings_file) if paths.settings_file.exists() else Settings()
    save_settings(paths.settings_file, replace(settings, warehouse_code=warehouse, station_code=station,
                                               language=language, central_url=central_url))




def start_demo(data_dir: str | os.PathLike[str] | None, returns: int = 500, inspections: int = 200,
               progress: Callable[[int, int], None] | None = None) -> str:
    """"Try it with demo data": fill this (new) data directory with demo data; returns the summary.

    Refused (PeopleError ``already_set_up``) for a data directory that holds a station already.
    """
    from inspector.app import build_services
    from inspector.services.demo_data import seed_demo
    from inspector.services.setup import DEMO, mark_kind

    if not first_run(data_dir):
        raise PeopleError("already_set_up", "this station is already set up")
    services = build_services(data_dir)
    try:
        mark_kind(services.database, DEMO)
        report = seed_demo(services.database, services.photos, services.station, returns=returns,
                           inspections=inspections, progress=progress)
        return report.summary()
    finally:
        services.close()
