"""People of the warehouse (issue 12 §2): add, edit, deactivate, PINs, badges and CSV import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from inspector.models import AuditEvent, Role, User
from inspector.services.access import COMMAND_LINE
from inspector.services.people import NewPerson, PeopleService
from inspector.services.people_import import import_people
from inspector.services.people_rules import BADGE_ALPHABET, PeopleError
from inspector.services.users import AuthError, PermissionDenied


@pytest.fixture
def people(services) -> PeopleService:  # type: ignore[no-untyped-def]
    return PeopleService(services.database, services.station)


def _admin(people: PeopleService):  # type: ignore[no-untyped-def]
    return people.add(COMMAND_LINE, NewPerson("Ada Admin", "admin", pin="402917"))


def test_added_people_log_in_with_unguessable_badges(services, people) -> None:
    admin = _admin(people)
    inspector = people.add(COMMAND_LINE, NewPerson("Ilse de Vries", "inspector"))
    others = {people.add(COMMAND_LINE, NewPerson(f"Temp {i}", "inspector")).badge_code for i in range(20)}
    for code in (admin.badge_code, inspector.badge_code, *others):
        assert code.startswith("BDG-") and len(code) == 14
        assert set(code[4:]) <= set(BADGE_ALPHABET)
    assert len(others | {admin.badge_code, inspector.badge_code}) == 22
    assert services.users.find_by_badge(inspector.badge_code.lower()).name == "Ilse de Vries"
    assert services.users.verify_pin(admin.id, "402917").role is Role.ADMIN
    with pytest.raises(AuthError):
        services.users.verify_pin(admin.id, "402918")


@pytest.mark.parametrize(
    ("role", "pin", "code"),
    [("admin", "4029", "bad_pin"), ("admin", "", "bad_pin"), ("supervisor", "12a4", "bad_pin"),
     ("admin", "111111", "weak_pin"), ("admin", "123456", "weak_pin"),
     ("inspector", "5821", "pin_not_needed"),
     ("boss", "402917", "bad_role")],
)
def test_pins_and_roles_are_checked(people, role: str, pin: str, code: str) -> None:
    with pytest.raises(PeopleError) as refused:
        people.add(COMMAND_LINE, NewPerson("Someone", role, pin=pin))
    assert refused.value.code == code
    assert people.list() == []


def test_a_deactivated_person_keeps_history_and_cannot_log_in(services, people) -> None:
    _admin(people)
    sam = people.add(COMMAND_LINE, NewPerson("Sam Supervisor", "supervisor", pin="8264"))
    people.set_active(COMMAND_LINE, sam.id, False)
    with pytest.raises(AuthError):
        services.users.find_by_badge(sam.badge_code)
    with pytest.raises(AuthError):
        services.users.verify_pin(sam.id, "8264")
    assert sam.id not in {u.id for u in services.users.active_users()}
    listed = {p.id: p for p in people.list()}
    assert listed[sam.id].active is False  # still there, with their history
    with services.database.session() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.entity_id == sam.id))
        actions = [e.action for e in events]
    assert actions == ["person_added", "person_deactivated"]
    people.set_active(COMMAND_LINE, sam.id, True)
    assert services.users.find_by_badge(sam.badge_code).id == sam.id


def test_the_last_admin_stays(people) -> None:
    admin = _admin(people)
    for attempt in (lambda: people.set_active(COMMAND_LINE, admin.id, False),
                    lambda: people.edit(COMMAND_LINE, admin.id, role="inspector")):
        with pytest.raises(PeopleError) as refused:
            attempt()
        assert refused.value.code == "last_admin"
    second = people.add(COMMAND_LINE, NewPerson("Bea Beheer", "admin", pin="730518"))
    assert people.set_active(COMMAND_LINE, admin.id, False).active is False
    with pytest.raises(PeopleError):
        people.set_active(COMMAND_LINE, second.id, False)


def test_only_admins_manage_people(services, people) -> None:
    admin = _admin(people)
    sam = people.add(COMMAND_LINE, NewPerson("Sam Supervisor", "supervisor", pin="8264"))
    as_supervisor = services.users.verify_pin(sam.id, "8264")
    with pytest.raises(PermissionDenied):
        people.add(as_supervisor, NewPerson("Eve", "admin", pin="999000"))
    as_admin = services.users.verify_pin(admin.id, "402917")
    eve = people.add(as_admin, NewPerson("Eve Extra", "inspector"))
    with services.database.session() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.entity_id == eve.id)).one()
    assert event.actor_id == admin.id


def test_edits_raise_the_revision_and_never_audit_a_pin(services, people) -> None:
    admin = _admin(people)
    ilse = people.add(COMMAND_LINE, NewPerson("Ilse", "inspector", badge_code="ilse-01"))
    assert ilse.badge_code == "ILSE-01" and ilse.revision == 1
    assert ilse.edited_by == str(services.station.station_id)
    with pytest.raises(PeopleError) as taken:
        people.edit(COMMAND_LINE, ilse.id, badge_code=admin.badge_code)
    assert taken.value.code == "badge_taken"
    with pytest.raises(PeopleError) as needs:
        people.edit(COMMAND_LINE, ilse.id, role="supervisor")
    assert needs.value.code == "pin_needed"
    promoted = people.edit(COMMAND_LINE, ilse.id, role="team lead", pin="55107", name="Ilse  de Vries")
    assert (promoted.role, promoted.name, promoted.revision, promoted.has_pin) == (
        Role.TEAM_LEAD, "Ilse de Vries", 2, True)
    assert people.reset_pin(COMMAND_LINE, ilse.id, "66210", "66210").revision == 3
    with pytest.raises(PeopleError) as mismatch:
        people.reset_pin(COMMAND_LINE, ilse.id, "66210", "66211")
    assert mismatch.value.code == "pin_mismatch"
    renewed = people.edit(COMMAND_LINE, ilse.id, new_badge=True)
    assert renewed.badge_code != "ILSE-01"
    with services.database.session() as session:
        payloads = [json.dumps(e.payload) for e in session.scalars(select(AuditEvent))]
        stored = session.get(User, ilse.id)
        assert stored is not None and stored.pin_hash
    assert not any("55107" in p or "66210" in p or stored.pin_hash in p for p in payloads)
    assert people.find("ilse DE vries").id == ilse.id
    assert people.find(renewed.badge_code.lower()).id == ilse.id


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "team.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_team_is_imported_from_csv(services, people, tmp_path: Path) -> None:
    path = _csv(tmp_path, "naam;rol;badge;pincode;taal\n"
                          "Anna Jansen;inspecteur;;;nl\n"
                          "Bram Bakker;supervisor;BRAM-0001;5821;en\n"
                          "\n"
                          "Chris Claes;admin;;730518;\n")
    result = import_people(people, COMMAND_LINE, path)
    assert result.ok, result.problems
    assert [p.name for p in result.added] == ["Anna Jansen", "Bram Bakker", "Chris Claes"]
    assert services.users.find_by_badge("BRAM-0001").role is Role.SUPERVISOR
    chris = next(p for p in result.added if p.name == "Chris Claes")
    assert services.users.verify_pin(chris.id, "730518").role is Role.ADMIN


def test_a_bad_csv_names_each_line_and_adds_nobody(people, tmp_path: Path) -> None:
    people.add(COMMAND_LINE, NewPerson("Anna Jansen", "inspector", badge_code="ANNA-1"))
    path = _csv(tmp_path, "name,role,badge_code,pin\n"
                          "Anna Jansen,inspector,,\n"           # line 2: already here
                          "Bram Bakker,boss,,\n"                # line 3: bad role
                          "Chris Claes,admin,,1234\n"           # line 4: admin PIN too short
                          "Dirk Dekker,inspector,ANNA-1,\n"     # line 5: badge taken
                          "Eva Smit,inspector,EVA-1,\n"
                          "Fien Smit,inspector,EVA-1,\n"        # line 7: badge twice
                          "Good Person,inspector,,\n")
    result = import_people(people, COMMAND_LINE, path)
    assert [(p.line, p.code) for p in result.problems] == [
        (2, "already_here"), (3, "bad_role"), (4, "bad_pin"), (5, "badge_taken"), (7, "badge_twice")]
    assert "line 4" in str(result.problems[2])
    assert [p.name for p in people.list()] == ["Anna Jansen"]


def test_a_csv_without_header_or_not_utf8(people, tmp_path: Path) -> None:
    headless = _csv(tmp_path, "Anna,inspector\n")
    assert import_people(people, COMMAND_LINE, headless).problems[0].code == "no_header"
    path = tmp_path / "latin1.csv"
    path.write_bytes("name,role\nJosé,inspector\n".encode("latin-1"))
    assert import_people(people, COMMAND_LINE, path).problems[0].code == "encoding"
