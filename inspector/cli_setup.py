"""``inspector setup``: first run from the command line, non-interactive with flags (scripted roll-outs).

A new warehouse's first station::

    printf '402917\\n402917\\n' | inspector setup --warehouse-code NL-AMS --warehouse-name "Amsterdam" \\
        --time-zone Europe/Amsterdam --return-window 30 --station-code ST-01 --station-name "Bench 1" \\
        --admin-name "Ada Admin" --admin-pin-stdin --language nl [--join ENROLMENT-CODE-OR-FILE]

A further station of a warehouse that syncs with central needs only its enrolment::

    inspector setup --join ENROLMENT-CODE-OR-FILE --station-name "Bench 2" --language nl
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any, TextIO

from inspector.cli_common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    add_warehouse_arguments,
    percent_bp,
    read_pin_twice,
    warehouse_values,
)
from inspector.services.access import COMMAND_LINE


def add_setup_parser(commands: Any) -> None:
    """Add ``setup`` to the main parser's subcommands."""
    setup = commands.add_parser("setup", help="set up a new station: warehouse, station, first administrator")
    group = setup.add_argument_group("warehouse (not with --join: central knows it)")
    group.add_argument("--warehouse-code", metavar="CODE", help="e.g. NL-AMS")
    group.add_argument("--warehouse-name", metavar="NAME", default="")
    group.add_argument("--time-zone", metavar="ZONE", default="Europe/Amsterdam",
                       help="the warehouse's local time zone (default Europe/Amsterdam)")
    group.add_argument("--return-window", metavar="DAYS", type=int, default=30,
                       help="days a customer has to return (default 30)")
    group.add_argument("--vip-return-window", metavar="DAYS", type=int, default=60,
                       help="days for VIP customers (default 60)")
    group.add_argument("--restocking-fee", metavar="PERCENT", type=percent_bp, default=0,
                       help="fee kept from every refund (default 0)")
    group.add_argument("--damage-deduction", metavar="PERCENT", type=percent_bp, default=3000,
                       help="deducted from the refund of a damaged or incomplete item (default 30)")
    station = setup.add_argument_group("this station")
    station.add_argument("--station-code", metavar="CODE", default="",
                         help="e.g. ST-01 (with --join: from the code)")
    station.add_argument("--station-name", metavar="NAME", default="")
    station.add_argument("--language", choices=("nl", "en", ""), default="", help="the station's language")
    admin = setup.add_argument_group("first administrator (optional with --join)")
    admin.add_argument("--admin-name", metavar="NAME", default="")
    admin.add_argument("--admin-badge", metavar="CODE", default="",
                       help="default: an unguessable new badge code")
    admin.add_argument("--admin-pin-stdin", action="store_true",
                       help="read the PIN twice from standard input, one line each (else it is asked for)")
    setup.add_argument("--join", metavar="CODE|FILE",
                       help="join the central database with the code from 'inspector central enrol'")


def run_setup(args: argparse.Namespace, out: TextIO) -> int:
    """Set up the station; exit 0, 1 when refused (the message says why), 2 for missing answers."""
    from inspector.services.people_rules import PeopleError
    from inspector.services.setup import WarehousePlan
    from inspector.station_setup import SetupRequest, first_run, set_up_station
    from inspector.sync.enrolment import EnrolmentError, read_enrolment

    if not first_run(args.data_dir):
        out.write("This station is already set up; people are managed with 'inspector users'.\n")
        return EXIT_FAILED
    try:
        enrolment = read_enrolment(args.join) if args.join else None
    except EnrolmentError as exc:
        out.write(f"inspector setup: {exc}\n")
        return EXIT_USAGE
    if enrolment is None and not (args.warehouse_code and args.station_code and args.admin_name):
        out.write("inspector setup: give --warehouse-code, --station-code and --admin-name "
                  "(or --join CODE to join a central database)\n")
        return EXIT_USAGE
    pin = again = ""
    if args.admin_name:
        pin, again = read_pin_twice(args.admin_pin_stdin, sys.stdin, getpass.getpass,
                                    f"PIN for {args.admin_name} (at least 6 digits): ")
    warehouse = None if enrolment else WarehousePlan(
        code=args.warehouse_code, name=args.warehouse_name, time_zone=args.time_zone,
        return_window_days=args.return_window, vip_return_window_days=args.vip_return_window,
        restocking_fee_bp=args.restocking_fee, damage_deduction_bp=args.damage_deduction)
    request = SetupRequest(
        station_code=args.station_code, station_name=args.station_name, warehouse=warehouse,
        admin_name=args.admin_name, admin_badge=args.admin_badge, admin_pin=pin, admin_pin_again=again,
        language=args.language, enrolment=enrolment)
    try:
        outcome = set_up_station(args.data_dir, request, lambda step: out.write(f"  {step}...\n"))
    except (PeopleError, EnrolmentError) as exc:
        out.write(f"inspector setup: {exc}\n")
        return EXIT_FAILED
    out.write(f"Station {outcome.station_code} of warehouse {outcome.warehouse_code} is set up.\n")
    if outcome.admin is not None:
        out.write(f"Administrator {outcome.admin.name}: badge {outcome.admin.badge_code} (and the PIN).\n")
    if outcome.joined:
        out.write(f"Joined the central database; first {outcome.sync_summary}\n")
    if outcome.joined and outcome.admin is None:
        # Another station of the warehouse came first: its people came with the sync.
        out.write("The warehouse's people came with that sync ('inspector users list' shows them and their "
                  "badge codes). Next: start 'inspector' and log in with a badge.\n")
    else:
        out.write("Next: add people ('inspector users add' or 'inspector users import FILE'), print their "
                  "badges ('inspector users badges --out badges.pdf'), then start 'inspector'.\n")
    return EXIT_OK if outcome.sync_ok else EXIT_FAILED


def add_join_parser(commands: Any) -> None:
    """Add ``join`` (a station already set up joins central, or again after re-enrolment)."""
    join = commands.add_parser("join", help="join the central database with an enrolment code (again)")
    join.add_argument("code", metavar="CODE|FILE", help="from 'inspector central enrol'")


def run_join(services: Any, args: argparse.Namespace, out: TextIO) -> int:
    """Redeem an enrolment code for this (set-up) station, store the URL, and sync once."""
    from dataclasses import replace

    from inspector.sync.enrolment import EnrolmentError, read_enrolment
    from inspector.sync.join import join_central

    station = services.station
    try:
        enrolment = read_enrolment(args.code)
        theirs = f"{enrolment.warehouse_code}:{enrolment.station_code}"
        ours = f"{station.warehouse_code}:{station.station_code}"
        if theirs != ours:
            out.write(f"inspector join: the code is for station {theirs}, this is {ours}\n")
            return EXIT_FAILED
        joined = join_central(services.paths, enrolment)
    except EnrolmentError as exc:
        out.write(f"inspector join: {exc}\n")
        return EXIT_FAILED
    services.save_settings(replace(services.settings, central_url=joined.url), user=COMMAND_LINE)
    from inspector.sync.engine import SyncEngine

    result = SyncEngine(services.database, services.photos, station, services.central_url()).run_once()
    out.write(f"Joined the central database as {station.warehouse_code}:{station.station_code}; "
              f"first {result.summary()}\n")
    return EXIT_OK if result.ok else EXIT_FAILED


def add_warehouse_parser(commands: Any) -> None:
    """Add ``warehouse show|set``: the warehouse's return window and refund policy on this station."""
    parser = commands.add_parser("warehouse", help="the warehouse's time zone, return windows, refund policy")
    actions = parser.add_subparsers(dest="warehouse_command", metavar="ACTION", required=True)
    actions.add_parser("show", help="the settings this station works with")
    change = actions.add_parser("set", help="change them (a station that syncs takes them from central)")
    add_warehouse_arguments(change)


def run_warehouse(services: Any, args: argparse.Namespace, out: TextIO) -> int:
    """Show or change the warehouse's settings; refused while central owns them."""
    from inspector.services.people_rules import PeopleError
    from inspector.services.setup import update_warehouse, warehouse_settings

    warehouse_id = services.station.warehouse_id
    if args.warehouse_command == "set":
        if services.central_url():
            out.write("This station syncs with a central database, which owns the warehouse's settings: "
                      "change them there with 'inspector central warehouse'.\n")
            return EXIT_FAILED
        try:
            settings = update_warehouse(services.database, warehouse_id, warehouse_values(args),
                user=COMMAND_LINE)
        except PeopleError as exc:
            out.write(f"inspector warehouse set: {exc}\n")
            return EXIT_FAILED
    else:
        settings = warehouse_settings(services.database, warehouse_id)
    for key, value in settings.items():
        out.write(f"{key}: {value}\n")
    return EXIT_OK
