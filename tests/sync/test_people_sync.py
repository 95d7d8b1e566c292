"""People are managed once per warehouse (issue 12 §2): someone added or deactivated at one station can
(or can no longer) log in at every station of the warehouse after the next sync, offline too; PIN hashes
and badge codes never reach another warehouse; two offline edits converge by the documented rule."""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import psycopg
import pytest

from inspector.models import Role
from inspector.services.access import COMMAND_LINE
from inspector.services.people import NewPerson, PeopleService
from inspector.services.users import AuthError
from inspector.sync.engine import SyncEngine

pytestmark = pytest.mark.postgres
OFFLINE = "postgresql://nobody@127.0.0.1:1/none"


def _sync(services, url: str) -> None:  # type: ignore[no-untyped-def]
    result = SyncEngine(services.database, services.photos, services.station, url).run_once()
    assert result.ok, result.error


@pytest.fixture
def warehouse(station_factory, station_login, passwords_required):  # type: ignore[no-untyped-def]
    """Two stations of one warehouse and one of another, each with its own (password) login."""
    tag = secrets.token_hex(3).upper()
    built = {}
    stations = (("a1", f"PA-{tag}", "ST-01"), ("a2", f"PA-{tag}", "ST-02"), ("b1", f"PB-{tag}", "ST-01"))
    for key, wh, st in stations:
        services = station_factory(wh, st)
        built[key] = (services, station_login(wh, st))
    return built


def _at(when: datetime):  # type: ignore[no-untyped-def]
    return lambda: when


def test_people_travel_within_their_warehouse_only(warehouse) -> None:
    (a1, url_a1), (a2, url_a2), (b1, url_b1) = warehouse["a1"], warehouse["a2"], warehouse["b1"]
    admin = a1.people.add(COMMAND_LINE, NewPerson("Ada Admin", "admin", pin="402917"))
    anna = a1.people.add(COMMAND_LINE, NewPerson("Anna Jansen", "inspector"))
    sam = a1.people.add(COMMAND_LINE, NewPerson("Sam de Boer", "supervisor", pin="8264"))
    for services, url in ((a1, url_a1), (a2, url_a2), (b1, url_b1)):
        _sync(services, url)
    # At the second station after one sync, and with central out of reach afterwards.
    a2.save_settings(replace(a2.settings, central_url=OFFLINE), user=COMMAND_LINE)
    assert a2.users.find_by_badge(anna.badge_code).name == "Anna Jansen"
    assert a2.users.verify_pin(sam.id, "8264").role is Role.SUPERVISOR
    assert a2.users.verify_pin(admin.id, "402917").role is Role.ADMIN
    # Never at the other warehouse's station, and its login cannot read them centrally either.
    with pytest.raises(AuthError):
        b1.users.find_by_badge(anna.badge_code)
    assert {p.name for p in b1.people.list()} == set()
    with psycopg.connect(url_b1) as conn:
        assert conn.execute("SELECT count(*) FROM user_secrets").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM users WHERE id = %s", (sam.id,)).fetchone() == (0,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # no row of its warehouse to attach to
            conn.execute("INSERT INTO user_secrets (user_id, warehouse_id, badge_code, pin_hash) "
                         "SELECT %s, warehouse_id, 'X', 'scrypt$x' FROM station_logins", (sam.id,))
    with psycopg.connect(url_a2) as conn:  # a station edits people only as its own edit
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE users SET name = 'x', edited_by = %s WHERE id = %s",
                         (str(a1.station.station_id), anna.id))
        conn.rollback()
        assert conn.execute("SELECT count(*) FROM user_secrets").fetchone() == (3,)
    # Deactivated at the second station: no longer at the first after its next sync.
    a2.save_settings(replace(a2.settings, central_url=url_a2), user=COMMAND_LINE)
    a2.people.set_active(COMMAND_LINE, anna.id, False)
    _sync(a2, url_a2)
    assert a1.users.find_by_badge(anna.badge_code).name == "Anna Jansen"  # not yet synced
    _sync(a1, url_a1)
    with pytest.raises(AuthError):
        a1.users.find_by_badge(anna.badge_code)
    assert {p.name: p.active for p in a1.people.list()}["Anna Jansen"] is False


@pytest.mark.parametrize("order", ["a1 first", "a2 first"])
def test_two_offline_edits_of_one_person_converge(warehouse, order: str) -> None:
    """Rule (docs/sync.md): the highest (revision, deactivated, edited_at, station) wins everywhere."""
    (a1, url_a1), (a2, url_a2) = warehouse["a1"], warehouse["a2"]
    bram = a1.people.add(COMMAND_LINE, NewPerson("Bram Bakker", "inspector"))
    chris = a1.people.add(COMMAND_LINE, NewPerson("Chris Claes", "supervisor", pin="5821"))
    eva = a1.people.add(COMMAND_LINE, NewPerson("Eva Smit", "inspector"))
    _sync(a1, url_a1)
    _sync(a2, url_a2)
    noon = datetime(2026, 12, 3, 12, tzinfo=UTC)
    at_a1 = PeopleService(a1.database, a1.station, _at(noon))
    at_a2 = PeopleService(a2.database, a2.station, _at(noon + timedelta(minutes=5)))
    # Bram, offline at the same revision: a1 renames him at 12:00, a2 at 12:05: the later edit wins.
    at_a1.edit(COMMAND_LINE, bram.id, name="Bram (a1)")
    at_a2.edit(COMMAND_LINE, bram.id, name="Bram (a2)")
    # Chris: a1 renames him and then resets his PIN (revision 3, made after seeing its own revision 2);
    # a2 renames him later by the clock, but having seen only revision 1: a1's edits win.
    at_a1.edit(COMMAND_LINE, chris.id, name="Chris (a1)")
    at_a1.reset_pin(COMMAND_LINE, chris.id, "7310")
    at_a2.edit(COMMAND_LINE, chris.id, name="Chris (a2)")
    # Eva: a1 deactivates her, a2 (later, at the same revision) changes her language: deactivation wins.
    at_a1.set_active(COMMAND_LINE, eva.id, False)
    at_a2.edit(COMMAND_LINE, eva.id, language="nl")
    first, second = ((a1, url_a1), (a2, url_a2)) if order == "a1 first" else ((a2, url_a2), (a1, url_a1))
    for services, url in (first, second, first):
        _sync(services, url)
    views = [{p.name: (p.active, p.revision, p.edited_by, p.language) for p in s.people.list()}
             for s in (a1, a2)]
    assert views[0] == views[1]
    station_a1, station_a2 = str(a1.station.station_id), str(a2.station.station_id)
    assert views[0]["Bram (a2)"] == (True, 2, station_a2, "")
    assert views[0]["Chris (a1)"] == (True, 3, station_a1, "")
    assert a2.users.verify_pin(chris.id, "7310").name == "Chris (a1)"
    assert views[0]["Eva Smit"] == (False, 2, station_a1, "")
    with pytest.raises(AuthError):
        a2.users.find_by_badge(eva.badge_code)
