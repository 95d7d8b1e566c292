"""``inspector users list|add|edit|deactivate|activate|reset-pin|import|badges``: the warehouse's people.

The command line acts for whoever may run it on the station computer (it can read the data directory
anyway); every change is audited as made "via the command line". PINs are asked for twice without
echo, or read as two lines from standard input with ``--pin-stdin`` (scripts); never as an argument.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from inspector.cli_common import EXIT_FAILED, EXIT_OK, read_pin_twice
from inspector.services.access import COMMAND_LINE

ROLES = ("inspector", "supervisor", "team_lead", "admin")


def add_users_parser(commands: Any) -> None:
    """Add ``users ...`` to the main parser's subcommands."""
    users = commands.add_parser("users", help="the warehouse's people: add, edit, deactivate, PINs, badges")
    actions = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="everyone, active first")
    listing.add_argument("--json", action="store_true", help="one JSON object per person")
    listing.add_argument("--active", action="store_true", help="only people who may log in")
    add = actions.add_parser("add", help="add a person (an elevated role is asked for a PIN)")
    add.add_argument("name")
    add.add_argument("--role", choices=ROLES, default="inspector")
    add.add_argument("--badge", default="", metavar="CODE", help="default: an unguessable new badge code")
    add.add_argument("--language", choices=("", "nl", "en"), default="")
    add.add_argument("--pin-stdin", action="store_true", help="read the PIN twice from standard input")
    edit = actions.add_parser("edit", help="change a person's name, role, language or badge")
    edit.add_argument("person", help="badge code, exact name or id")
    edit.add_argument("--name")
    edit.add_argument("--role", choices=ROLES)
    edit.add_argument("--language", choices=("", "nl", "en"))
    edit.add_argument("--badge", metavar="CODE")
    edit.add_argument("--new-badge", action="store_true", help="an unguessable new badge (the old one stops)")
    edit.add_argument("--pin-stdin", action="store_true", help="with a new elevated role: PIN from stdin")
    for name, text in (("deactivate", "they keep their history and can no longer log in"),
                       ("activate", "they may log in again")):
        action = actions.add_parser(name, help=text)
        action.add_argument("person", help="badge code, exact name or id")
    reset = actions.add_parser("reset-pin", help="give a supervisor, team lead or admin a new PIN")
    reset.add_argument("person", help="badge code, exact name or id")
    reset.add_argument("--pin-stdin", action="store_true", help="read the PIN twice from standard input")
    imp = actions.add_parser("import", help="add a whole team from a CSV file (name, role, badge_code, pin, "
                                            "language, reactivate: yes brings a deactivated person back); "
                                            "nothing changes unless every line is right")
    imp.add_argument("file", type=Path)
    badges = actions.add_parser("badges", help="a PDF of badge cards (name, role, Code 128)")
    badges.add_argument("people", nargs="*", help="badge codes or names (default: everyone active)")
    badges.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    badges.add_argument("--stock", choices=("a4", "cr80", "62x29mm", "4x6in"), default="a4",
                        help="A4 sheets of ten cards (default), card printer, or label stock")
    badges.add_argument("--language", choices=("nl", "en"), help="default: the station's language")


def _pin(args: argparse.Namespace, who: str) -> tuple[str, str]:
    return read_pin_twice(args.pin_stdin, sys.stdin, getpass.getpass, f"PIN for {who}: ")


def _show(person: Any) -> str:
    state = "" if person.active else "  (deactivated)"
    return f"{person.badge_code:<16} {person.role.value:<11} {person.name}{state}"


def run_users(services: Any, args: argparse.Namespace, out: TextIO) -> int:
    """Run one ``users`` action; PeopleError becomes a plain message and exit 1."""
    from inspector.services.people_rules import PeopleError

    try:
        return _run(services, args, out)
    except PeopleError as exc:
        out.write(f"inspector users {args.users_command}: {exc}\n")
        return EXIT_FAILED


def _run(services: Any, args: argparse.Namespace, out: TextIO) -> int:
    from inspector.models import Role
    from inspector.services.people import NewPerson
    from inspector.services.people_rules import check_pin

    people = services.people
    command = args.users_command
    if command == "list":
        for person in people.list(include_inactive=not args.active):
            out.write((json.dumps(person.to_json()) if args.json else _show(person)) + "\n")
        return EXIT_OK
    if command == "add":
        pin = ""
        if Role(args.role).needs_pin:
            pin, again = _pin(args, args.name)
            check_pin(Role(args.role), pin, again)
        person = people.add(COMMAND_LINE, NewPerson(args.name, args.role, args.badge, pin, args.language))
        out.write(f"Added: {_show(person)}\n")
        return EXIT_OK
    if command == "import":
        from inspector.services.people_import import import_people

        result = import_people(people, COMMAND_LINE, args.file)
        for problem in result.problems:
            out.write(f"{args.file}:{problem.line}: {problem.message}\n" if problem.line
                      else f"{args.file}: {problem.message}\n")
        if not result.ok:
            out.write(f"Nobody was added or changed: {len(result.problems)} problem(s) to fix first.\n")
            return EXIT_FAILED
        for person in result.added:
            out.write(f"Added: {_show(person)}\n")
        for person in result.reactivated:
            out.write(f"Reactivated: {_show(person)}\n")
        if result.reactivated:
            out.write(f"{len(result.reactivated)} people reactivated.\n")
        out.write(f"{len(result.added)} people added. "
                  "Print their badges: inspector users badges --out FILE.pdf\n")
        return EXIT_OK
    if command == "badges":
        return _badges(services, args, out)
    person = people.find(args.person)
    if command in ("deactivate", "activate"):
        person = people.set_active(COMMAND_LINE, person.id, command == "activate")
    elif command == "reset-pin":
        pin, again = _pin(args, person.name)
        person = people.reset_pin(COMMAND_LINE, person.id, pin, again)
    else:  # edit
        pin = None
        if args.role and Role(args.role).needs_pin and (args.role == "admin" or not person.has_pin):
            pin, again = _pin(args, person.name)
            check_pin(Role(args.role), pin, again)
        person = people.edit(COMMAND_LINE, person.id, name=args.name, role=args.role, language=args.language,
                             badge_code=args.badge, new_badge=args.new_badge, pin=pin)
    out.write(f"{_show(person)}\n")
    return EXIT_OK


def _badges(services: Any, args: argparse.Namespace, out: TextIO) -> int:
    from inspector.reports.badges import Badge, write_badges
    from inspector.reports.words import resolve_language

    people = services.people
    chosen = [people.find(ref) for ref in args.people] if args.people else people.list(include_inactive=False)
    if not chosen:
        out.write("Nobody to print a badge for yet: add people first.\n")
        return EXIT_FAILED
    badges = [Badge(p.name, p.role.value, p.badge_code) for p in chosen]
    language = args.language or resolve_language(services.settings.language)
    write_badges(args.out, badges, args.stock, language=language, warehouse=services.station.warehouse_name)
    out.write(f"{len(badges)} badge(s) written to {args.out} (readable by you only: a badge is a login).\n")
    return EXIT_OK
