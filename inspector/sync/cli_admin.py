"""``inspector central stations|warehouse|users``: the administrator's view and settings of warehouses."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import TextIO

from inspector.cli_common import (
    EXIT_FAILED,
    EXIT_OK,
    add_warehouse_arguments,
    read_pin_twice,
    warehouse_values,
)

ROLES = ("inspector", "supervisor", "team_lead", "admin")


def add_admin_arguments(name: str, action: argparse.ArgumentParser) -> None:
    """The arguments of ``central stations``, ``central warehouse`` and ``central users``."""
    if name == "stations":
        action.add_argument("--json", action="store_true", help="one JSON object per station")
    elif name == "warehouse":
        action.add_argument("code", help="the warehouse code, e.g. NL-AMS (created when new)")
        add_warehouse_arguments(action)
    else:
        action.add_argument("--warehouse", required=True, metavar="CODE")
        people = action.add_subparsers(dest="users_command", metavar="ACTION", required=True)
        listing = people.add_parser("list", help="everyone of the warehouse")
        add = people.add_parser("add", help="add a person (an elevated role is asked for a PIN)")
        add.add_argument("name")
        add.add_argument("--role", choices=ROLES, default="inspector")
        add.add_argument("--badge", default="", metavar="CODE")
        add.add_argument("--language", choices=("", "nl", "en"), default="")
        add.add_argument("--pin-stdin", action="store_true", help="read the PIN twice from standard input")
        verbs = [people.add_parser(verb) for verb in ("deactivate", "activate")]
        for verb in verbs:
            verb.add_argument("person", help="badge code or exact name")
        for nested in (listing, add, *verbs):  # --central also after the action
            nested.add_argument("--central", metavar="URL", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def run_admin(args: argparse.Namespace, url: str, out: TextIO) -> int:
    """Run ``central stations|warehouse|users``."""
    from inspector.services.people_rules import PeopleError

    try:
        if args.central_command == "stations":
            return _stations(args, url, out)
        if args.central_command == "warehouse":
            return _warehouse(args, url, out)
        return _users(args, url, out)
    except PeopleError as exc:
        out.write(f"central {args.central_command}: {exc}\n")
        return EXIT_FAILED


def _stations(args: argparse.Namespace, url: str, out: TextIO) -> int:
    from inspector.sync.stations import format_overview, station_overview

    rows = station_overview(url)
    if args.json:
        for row in rows:
            out.write(json.dumps(row.to_json(), sort_keys=True) + "\n")
    else:
        out.write(format_overview(rows))
    return EXIT_OK


def _warehouse(args: argparse.Namespace, url: str, out: TextIO) -> int:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from inspector.sync.central_people import set_warehouse

    values = warehouse_values(args)
    if "time_zone" in values:
        try:
            ZoneInfo(values["time_zone"])
        except (ZoneInfoNotFoundError, ValueError):
            out.write(f"Unknown time zone {values['time_zone']!r}; use a name like Europe/Amsterdam.\n")
            return EXIT_FAILED
    settings = set_warehouse(url, args.code.strip().upper(), values)
    for key, value in settings.items():
        out.write(f"{key}: {value}\n")
    if values:
        out.write("Its stations take these settings at their next sync.\n")
    return EXIT_OK


def _users(args: argparse.Namespace, url: str, out: TextIO) -> int:
    from inspector.models import Role
    from inspector.sync.central_people import add_person, list_people, set_active

    warehouse = args.warehouse.strip().upper()
    if args.users_command == "list":
        for p in list_people(url, warehouse):
            state = "" if p.active else "  (deactivated)"
            out.write(f"{p.badge_code:<16} {p.role:<11} {p.name}{state}\n")
        return EXIT_OK
    if args.users_command == "add":
        pin = ""
        if Role(args.role).needs_pin:
            from inspector.services.people_rules import check_pin

            pin, again = read_pin_twice(args.pin_stdin, sys.stdin, getpass.getpass, f"PIN for {args.name}: ")
            check_pin(Role(args.role), pin, again)
        person = add_person(url, warehouse, args.name, args.role, args.badge, pin, args.language)
        out.write(f"Added {person.name} ({person.role}), badge {person.badge_code}; "
                  f"the stations of {warehouse} know them after their next sync.\n")
        return EXIT_OK
    person = set_active(url, warehouse, args.person, args.users_command == "activate")
    out.write(f"{person.name}: {'active' if person.active else 'deactivated'}; the stations of {warehouse} "
              "follow at their next sync.\n")
    return EXIT_OK


__all__ = ["add_admin_arguments", "run_admin"]
