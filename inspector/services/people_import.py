"""Import a whole team from a CSV file: every line is checked first, and nothing is added unless all are good.

Columns (a header line names them, in any order; English or Dutch; ``,`` or ``;`` separated, UTF-8):
``name`` (naam), ``role`` (rol), optional ``badge_code`` (badge; empty: an unguessable one is made),
``pin`` (pincode; needed for supervisors, team leads and admins, at least 6 digits for admins) and
``language`` (taal: nl, en or empty) and ``reactivate`` (heractiveren: yes/ja or no/nee/empty).
Problems name the file's line number.

A row never adds a second copy of somebody: it is matched on its badge first, then on its name
(case-insensitive), against everyone here, deactivated people too. An active match is "already here".
A deactivated one is refused ("deactivated; reactivate?") unless the row says yes in ``reactivate``:
then that person is active again with the row's role, PIN and language (and its badge, when it gives a
new one). A deactivated person's badge never goes to somebody else.
"""

from __future__ import annotations

import csv
import io
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from inspector.services.people import NewPerson, PeopleService, Person
from inspector.services.people_rules import (
    PeopleError,
    check_pin,
    clean_badge,
    clean_name,
    parse_language,
    parse_role,
)
from inspector.services.users import UserInfo

HEADERS = {
    "name": "name", "naam": "name",
    "role": "role", "rol": "role",
    "badge_code": "badge_code", "badge": "badge_code", "badgecode": "badge_code",
    "pin": "pin", "pincode": "pin",
    "language": "language", "taal": "language",
    "reactivate": "reactivate", "heractiveren": "reactivate",
}
YES = {"yes", "y", "ja", "j", "true", "1", "x"}
NO = {"", "no", "n", "nee", "false", "0"}
MAX_BYTES = 2_000_000


@dataclass(frozen=True)
class LineProblem:
    """One problem of the file: its line number (1 = the header), a code and an English message."""

    line: int
    code: str
    message: str
    params: tuple[object, ...] = ()

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class PeopleImport:
    """What an import did: the people added and reactivated, or the problems (then nothing changed)."""

    added: list[Person] = field(default_factory=list)
    reactivated: list[Person] = field(default_factory=list)
    problems: list[LineProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _read(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The rows with their line numbers; PeopleError when the file as a whole is unusable."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PeopleError("unreadable", f"{path} cannot be read: {exc.strerror}", str(path)) from exc
    if len(raw) > MAX_BYTES:
        raise PeopleError("too_big", f"{path} is larger than 2 MB; is it the right file?", str(path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PeopleError("encoding", "the file is not UTF-8 text; save it as 'CSV UTF-8'") from exc
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [HEADERS.get(h.strip().lower().replace(" ", "_"), "") for h in next(reader, [])]
    missing = [name for name in ("name", "role") if name not in header]
    if missing:
        raise PeopleError("no_header", "the first line must name the columns, at least name and role")
    rows = []
    for row in reader:
        if any(cell.strip() for cell in row):
            values = {key: cell.strip() for key, cell in zip(header, row, strict=False) if key}
            rows.append((reader.line_num, values))
    return rows


def import_people(people: PeopleService, actor: UserInfo | None, path: Path) -> PeopleImport:
    """Check every line of ``path``, then add everyone in one transaction (or nobody)."""
    result = PeopleImport()
    try:
        rows = _read(path)
    except PeopleError as exc:
        result.problems.append(LineProblem(0, exc.code, str(exc), exc.params))
        return result
    everyone = people.list()
    by_badge = {p.badge_code: p for p in everyone}
    by_name: dict[str, list[Person]] = {}
    for person in everyone:
        by_name.setdefault(person.name.lower(), []).append(person)
    seen_badges: dict[str, int] = {}
    seen_names: dict[str, int] = {}
    wanted: list[NewPerson] = []
    returning: list[tuple[uuid.UUID, NewPerson]] = []
    for line, values in rows:
        try:
            name = clean_name(values.get("name", ""))
            role = parse_role(values.get("role", ""))
            badge = clean_badge(values["badge_code"]) if values.get("badge_code") else ""
            pin = values.get("pin", "")
            if role.needs_pin or pin:
                check_pin(role, pin)
            language = parse_language(values.get("language", ""))
            reactivate = _yes_no(values.get("reactivate", ""))
        except PeopleError as exc:
            result.problems.append(LineProblem(line, exc.code, str(exc), exc.params))
            continue
        def problem(code: str, message: str, *params: object, line: int = line) -> None:
            result.problems.append(LineProblem(line, code, message, params))

        key = name.lower()
        row = NewPerson(name=name, role=role, badge_code=badge, pin=pin, language=language)
        holder = by_badge.get(badge) if badge else None
        named = by_name.get(key, [])
        match: Person | None = None
        if badge and badge in seen_badges:
            other = seen_badges[badge]
            problem("badge_twice", f"badge {badge} is also on line {other}", badge, other)
        elif key in seen_names:
            problem("name_twice", f"{name} is also on line {seen_names[key]}", name, seen_names[key])
        elif holder is not None and holder.name.lower() != key:
            if holder.active:
                problem("badge_taken", f"badge {badge} already belongs to {holder.name}", badge, holder.name)
            else:
                problem("badge_deactivated", f"badge {badge} belongs to {holder.name}, who is deactivated; "
                        "a badge is never given to somebody else", badge, holder.name)
        elif holder is not None or any(p.active for p in named):
            match = holder or next(p for p in named if p.active)
            if match.active:
                problem("already_here", f"{name} is already here (change them with 'inspector users edit')",
                        name)
                match = None
        elif len(named) > 1:
            problem("deactivated_several", f"several deactivated people are called {name}; give the badge "
                    "code of the one to reactivate", name)
        elif named:
            match = named[0]
        if match is not None and not reactivate:
            problem("deactivated", f"{match.name} (badge {match.badge_code}) is deactivated; to bring them "
                    "back, write yes in the column reactivate (or activate them in the list)",
                    match.name, match.badge_code)
        elif match is not None:
            returning.append((match.id, row))
        else:
            wanted.append(row)
        if badge:
            seen_badges.setdefault(badge, line)
        seen_names.setdefault(key, line)
    if not rows and not result.problems:
        result.problems.append(LineProblem(0, "empty", "the file names nobody"))
    if not result.problems:
        result.added, result.reactivated = people.add_and_reactivate(actor, wanted, returning)
    return result


def _yes_no(text: str) -> bool:
    value = text.strip().lower()
    if value in YES:
        return True
    if value in NO:
        return False
    raise PeopleError("bad_reactivate", "reactivate is yes or no (or empty)")
