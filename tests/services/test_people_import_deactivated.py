"""A people CSV row that names a deactivated person never adds a duplicate (issue 10, people admin).

The row is matched on its badge first, then on the name (case-insensitive). A deactivated match is
refused with a line that says so and how to bring them back, unless the file's ``reactivate`` column
(Dutch ``heractiveren``) says yes for that row: then that very person is active again with the row's
role, PIN and language (and badge, when the row gives a new one). As before, nothing changes unless
every line is right.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspector.models import AuditEvent, Role, User
from inspector.services.access import COMMAND_LINE
from inspector.services.people import NewPerson, PeopleService
from inspector.services.people_import import import_people
from inspector.services.users import AuthError


@pytest.fixture
def people(services) -> PeopleService:  # type: ignore[no-untyped-def]
    service = PeopleService(services.database, services.station)
    service.add(COMMAND_LINE, NewPerson("Ada Admin", "admin", pin="402917"))
    return service


def _gone(people: PeopleService, name: str, role: str = "inspector", badge: str = "", pin: str = ""):  # type: ignore[no-untyped-def]
    person = people.add(COMMAND_LINE, NewPerson(name, role, badge_code=badge, pin=pin))
    return people.set_active(COMMAND_LINE, person.id, False)


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "team.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _rows(services) -> int:  # type: ignore[no-untyped-def]
    with services.database.session() as session:
        return session.scalar(select(func.count()).select_from(User)) or 0


def test_a_row_naming_a_deactivated_person_is_refused_not_duplicated(services, people, tmp_path) -> None:  # type: ignore[no-untyped-def]
    anna = _gone(people, "Anna Jansen")
    bram = _gone(people, "Bram Bakker", "supervisor", badge="BRAM-0001", pin="5821")
    before = _rows(services)
    path = _csv(tmp_path, "name,role,badge_code,pin\n"
                          "anna jansen,inspector,,\n"               # line 2: her name, other case
                          "Bram Bakker,supervisor,BRAM-0001,5821\n"  # line 3: his badge and name
                          "Carla Claes,inspector,,\n")
    result = import_people(people, COMMAND_LINE, path)
    assert [(p.line, p.code) for p in result.problems] == [(2, "deactivated"), (3, "deactivated")]
    assert result.problems[0].params[:2] == ("Anna Jansen", anna.badge_code)
    assert "deactivated" in str(result.problems[1]) and "reactivate" in str(result.problems[1])
    assert result.problems[1].params[:2] == ("Bram Bakker", bram.badge_code)
    assert _rows(services) == before and not result.added and not result.reactivated
    assert not any(p.active for p in people.list() if p.name in ("Anna Jansen", "Bram Bakker"))


def test_the_reactivate_column_brings_that_very_person_back_with_the_rows_details(
    services, people, tmp_path  # type: ignore[no-untyped-def]
) -> None:
    anna = _gone(people, "Anna Jansen")
    bram = _gone(people, "Bram Bakker", "supervisor", badge="BRAM-0001", pin="5821")
    before = _rows(services)
    path = _csv(tmp_path, "naam;rol;badge;pincode;taal;heractiveren\n"
                          "Anna Jansen;supervisor;ANNA-0002;7391;nl;ja\n"  # by name; new badge and role
                          "Bram Bakker;supervisor;BRAM-0001;6402;;yes\n"  # by badge; a new PIN
                          "Carla Claes;inspecteur;;;;\n")
    result = import_people(people, COMMAND_LINE, path)
    assert result.ok, result.problems
    assert [p.name for p in result.added] == ["Carla Claes"]
    assert {p.id for p in result.reactivated} == {anna.id, bram.id}
    assert _rows(services) == before + 1, "a reactivation adds nobody"
    back = {p.id: p for p in people.list()}
    assert back[anna.id].active and back[anna.id].badge_code == "ANNA-0002"
    assert back[anna.id].role is Role.SUPERVISOR and back[anna.id].language == "nl"
    assert back[anna.id].name == "Anna Jansen"
    assert back[bram.id].active and back[bram.id].badge_code == "BRAM-0001"
    assert back[bram.id].revision > bram.revision  # the change travels to the other stations
    assert services.users.verify_pin(bram.id, "6402").name == "Bram Bakker"
    with pytest.raises(AuthError):
        services.users.verify_pin(bram.id, "5821")
    assert services.users.find_by_badge("ANNA-0002").id == anna.id
    with services.database.session() as session:
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == bram.id)).all()
    assert actions.count("person_activated") == 1


def test_a_badge_of_a_deactivated_person_is_never_given_to_someone_else(services, people, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _gone(people, "Bram Bakker", badge="BRAM-0001")
    path = _csv(tmp_path, "name,role,badge_code,reactivate\nDirk Dekker,inspector,BRAM-0001,yes\n")
    result = import_people(people, COMMAND_LINE, path)
    assert [(p.line, p.code, p.params[:2]) for p in result.problems] == [
        (2, "badge_deactivated", ("BRAM-0001", "Bram Bakker"))]
    assert "Dirk Dekker" not in {p.name for p in people.list()}


def test_two_deactivated_people_of_one_name_need_the_badge(services, people, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = _gone(people, "Eva Smit", badge="EVA-0001")
    _gone(people, "Eva Smit", badge="EVA-0002")
    path = _csv(tmp_path, "name,role,reactivate\nEva Smit,inspector,yes\n")
    assert [p.code for p in import_people(people, COMMAND_LINE, path).problems] == ["deactivated_several"]
    path = _csv(tmp_path, "name,role,badge,reactivate\nEva Smit,inspector,EVA-0001,yes\n")
    result = import_people(people, COMMAND_LINE, path)
    assert result.ok and [p.id for p in result.reactivated] == [first.id]


def test_one_bad_line_changes_nobody_not_even_the_reactivations(services, people, tmp_path) -> None:  # type: ignore[no-untyped-def]
    anna = _gone(people, "Anna Jansen")
    before = _rows(services)
    path = _csv(tmp_path, "name,role,pin,reactivate\n"
                          "Anna Jansen,inspector,,yes\n"
                          "Bram Bakker,boss,,\n"          # line 3: bad role
                          "Carla Claes,inspector,,maybe\n")  # line 4: yes or no
    result = import_people(people, COMMAND_LINE, path)
    assert [(p.line, p.code) for p in result.problems] == [(3, "bad_role"), (4, "bad_reactivate")]
    assert _rows(services) == before and not next(p for p in people.list() if p.id == anna.id).active


def test_an_active_person_is_still_already_here(services, people, tmp_path) -> None:  # type: ignore[no-untyped-def]
    people.add(COMMAND_LINE, NewPerson("Anna Jansen", "inspector"))
    path = _csv(tmp_path, "name,role,reactivate\nAnna Jansen,inspector,yes\n")
    assert [p.code for p in import_people(people, COMMAND_LINE, path).problems] == ["already_here"]


def test_the_command_line_import_names_the_deactivated_line_and_who_came_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_cli_people import SETUP, _run

    data = str(tmp_path / "station")
    assert _run(monkeypatch, "--data-dir", data, *SETUP, stdin="402917\n402917\n")[0] == 0
    team = tmp_path / "team.csv"
    team.write_text("name,role,badge_code\nAnna Jansen,inspector,ANNA-0001\n", encoding="utf-8")
    assert _run(monkeypatch, "--data-dir", data, "users", "import", str(team))[0] == 0
    assert _run(monkeypatch, "--data-dir", data, "users", "deactivate", "anna-0001")[0] == 0
    code, out = _run(monkeypatch, "--data-dir", data, "users", "import", str(team))
    assert code == 1 and f"{team}:2: Anna Jansen (badge ANNA-0001) is deactivated" in out
    assert "Nobody was added or changed" in out
    team.write_text("name,role,badge_code,reactivate\nAnna Jansen,inspector,ANNA-0001,yes\n",
                    encoding="utf-8")
    code, out = _run(monkeypatch, "--data-dir", data, "users", "import", str(team))
    assert code == 0 and "Reactivated: " in out and "Anna Jansen" in out and "1 people reactivated" in out
    code, out = _run(monkeypatch, "--data-dir", data, "users", "list")
    assert out.count("Anna Jansen") == 1
