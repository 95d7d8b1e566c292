"""Import a whole team from a CSV file: every line is checked first, and nothing is added unless all are good.

Columns (a header line names them, in any order; English or Dutch; ``,`` or ``;`` separated, UTF-8):
``name`` (naam), ``role`` (rol), optional ``badge_code`` (badge; empty: an unguessable one is made),
``pin`` (pincode; needed for supervisors, team leads and admins, at least 6 digits for admins) and
``language`` (taal: nl, en or empty). Problems name the file's line number.
"""

from __future__ import annotations

import csv
import io
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
}
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
    """What an import did: the people added, or the problems (then nobody was added)."""

    added: list[Person] = field(default_factory=list)
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
    known = {p.badge_code: p.name for p in people.list()}
    names = {p.name.lower() for p in people.list() if p.active}
    seen_badges: dict[str, int] = {}
    seen_names: dict[str, int] = {}
    wanted: list[NewPerson] = []
    for line, values in rows:
        try:
            name = clean_name(values.get("name", ""))
            role = parse_role(values.get("role", ""))
            badge = clean_badge(values["badge_code"]) if values.get("badge_code") else ""
            pin = values.get("pin", "")
            if role.needs_pin or pin:
                check_pin(role, pin)
            language = parse_language(values.get("language", ""))
        except PeopleError as exc:
            result.problems.append(LineProblem(line, exc.code, str(exc), exc.params))
            continue
        def problem(code: str, message: str, *params: object, line: int = line) -> None:
            result.problems.append(LineProblem(line, code, message, params))

        if badge and badge in known:
            problem("badge_taken", f"badge {badge} already belongs to {known[badge]}", badge, known[badge])
        elif badge and badge in seen_badges:
            other = seen_badges[badge]
            problem("badge_twice", f"badge {badge} is also on line {other}", badge, other)
        key = name.lower()
        if key in names:
            problem("already_here", f"{name} is already here (change them with 'inspector users edit')", name)
        elif key in seen_names:
            problem("name_twice", f"{name} is also on line {seen_names[key]}", name, seen_names[key])
        if badge:
            seen_badges.setdefault(badge, line)
        seen_names.setdefault(key, line)
        wanted.append(NewPerson(name=name, role=role, badge_code=badge, pin=pin, language=language))
    if not rows and not result.problems:
        result.problems.append(LineProblem(0, "empty", "the file names nobody"))
    if not result.problems:
        result.added = people.add_many(actor, wanted)
    return result
