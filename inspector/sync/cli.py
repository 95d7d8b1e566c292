"""Command-line entry points of sync: ``inspector sync`` and ``inspector central ...``.

The main CLI wires them with :func:`add_sync_parser`/:func:`add_central_parser` and calls
:func:`run_sync` (needs the station's services) or :func:`run_central` (needs only a URL).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from inspector.sync.errors import explain_sync_error
from inspector.sync.urls import redact_text, redact_url, resolve_central_url

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_ENVIRONMENT = 0, 1, 2, 3
SYNC_WAIT_S = 60.0
"""How long ``inspector sync --once`` waits for another sync of the same station before exit 3."""


def add_sync_parser(commands: Any) -> argparse.ArgumentParser:
    """Add ``sync [--central URL] [--once]`` to a subparsers object."""
    parser = commands.add_parser("sync", help="send this station's records to central and pull returns")
    parser.add_argument(
        "--central",
        metavar="URL",
        help="central PostgreSQL URL (default: settings or $INSPECTOR_CENTRAL_URL)",
    )
    parser.add_argument("--once", action="store_true", help="one push and pull, print a summary, then exit")
    parser.add_argument(
        "--wait",
        type=float,
        default=SYNC_WAIT_S,
        metavar="SECONDS",
        help=f"with --once: how long to wait for another sync of this station (default {SYNC_WAIT_S:g})",
    )
    return parser


def add_central_parser(commands: Any) -> argparse.ArgumentParser:
    """Add ``central upgrade|status|roles|import-returns`` to a subparsers object."""
    parser = commands.add_parser("central", help="administer the central PostgreSQL database")
    actions = parser.add_subparsers(dest="central_command", metavar="ACTION", required=True)
    for name, text in (
        ("upgrade", "migrate the central schema to this version"),
        ("status", "counts per table and per station"),
        ("roles", "create the admin, station group and per-station login roles"),
        ("import-returns", "announce returns from a CSV or JSON Lines file (checked as at a station)"),
        ("notarise", "check and countersign the stations' signed audit heads (the administrator's job)"),
        ("enrol", "create or rotate a station's login and print its one-time enrolment code"),
        ("stations", "the stations of each warehouse: last sync, pending, chain head, alarms"),
        ("warehouse", "show or set a warehouse's name, time zone, return windows and refund policy"),
        ("users", "the people of a warehouse, managed centrally"),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("--central", metavar="URL", help="central URL (default: $INSPECTOR_CENTRAL_URL)")
        if name == "status":
            action.add_argument("--json", action="store_true", help="print one JSON object")
        if name == "roles":
            action.add_argument("--prefix", default="inspector", help="role name prefix (default inspector)")
            action.add_argument(
                "--station",
                action="append",
                default=[],
                metavar="WAREHOUSE:STATION",
                help="create a login for this station (repeatable)",
            )
            action.add_argument(
                "--time-zone",
                metavar="ZONE",
                help="the warehouses' local time zone, e.g. Europe/Amsterdam (reports count its local days)",
            )
        if name == "notarise":
            action.add_argument("--key", type=Path, required=True, metavar="FILE",
                                help="the notary's Ed25519 private key (made, 0600, when missing); "
                                     "keep it off every station")
            action.add_argument("--every", type=float, default=0.0, metavar="SECONDS",
                                help="keep running, once every SECONDS (a service); default: once")
        if name == "enrol":
            from inspector.sync.cli_enrol import add_enrol_arguments

            add_enrol_arguments(action)
        if name in ("stations", "warehouse", "users"):
            from inspector.sync.cli_admin import add_admin_arguments

            add_admin_arguments(name, action)
        if name == "import-returns":
            action.add_argument("file", type=Path)
            action.add_argument("--warehouse", help="warehouse code for lines without one")
    return parser


def run_sync(
    services: Any, central_url: str | None, once: bool, out: TextIO, wait_s: float = SYNC_WAIT_S
) -> int:
    """``inspector sync``: one run (exit 1 on failure) or a service loop until SIGINT/SIGTERM.

    One sync per station at a time (:mod:`inspector.sync.engine`): ``--once`` waits up to
    ``wait_s`` seconds for another run of this station and then exits 3 with a message; the service
    loop skips a run while another one holds the lock and tries again at its next interval.
    """
    from inspector.sync.engine import SyncEngine
    from inspector.sync.service import SyncService

    url = services.central_url(central_url)
    if not url:
        out.write(
            "No central server configured: give --central URL, set INSPECTOR_CENTRAL_URL, "
            "or set it in Settings.\n"
        )
        return EXIT_USAGE
    engine = SyncEngine(services.database, services.photos, services.station, url, key=services.station_key())
    if once:
        engine.lock_wait_s = max(0.0, wait_s)
        result = engine.run_once()
        out.write(result.summary() + "\n")
        if result.busy:
            return EXIT_ENVIRONMENT
        return EXIT_OK if result.ok and not result.alarms else EXIT_FAILED
    service = SyncService(engine, interval_s=float(services.settings.sync_interval_s))
    stopped = threading.Event()
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stopped.set())
    service.add_listener(lambda status: log.info("sync status: %s", status.text()))
    out.write(f"Syncing with {redact_url(url)} every {services.settings.sync_interval_s}s; Ctrl+C stops.\n")
    service.start()
    with contextlib.suppress(KeyboardInterrupt):
        stopped.wait()
    service.stop()
    out.write(f"Stopped: {service.status().text()}\n")
    return EXIT_OK


def run_central(args: argparse.Namespace, out: TextIO) -> int:
    """``inspector central ACTION``; the URL comes from ``--central`` or ``INSPECTOR_CENTRAL_URL``."""
    url = resolve_central_url(getattr(args, "central", None))
    if not url:
        out.write("Give the central database: --central URL or INSPECTOR_CENTRAL_URL.\n")
        return EXIT_USAGE
    try:
        return _central(args, url, out)
    except Exception as exc:
        problem = explain_sync_error(exc)
        log.error("central %s failed: %s", args.central_command, problem.detail)
        out.write(
            f"central {args.central_command} failed: {problem.user_message}\n"
            f"  ({redact_text(problem.detail, url)})\n"
        )
        # The import keeps 1 for "some rows were rejected", as the station's import does.
        return EXIT_ENVIRONMENT if args.central_command == "import-returns" else EXIT_FAILED


def _central(args: argparse.Namespace, url: str, out: TextIO) -> int:
    if args.central_command == "upgrade":
        from inspector.sync.central_schema import upgrade_central

        before, after = upgrade_central(url)
        out.write(f"Central database {redact_url(url)}: schema {before or 'empty'} -> {after}\n")
        return EXIT_OK
    if args.central_command == "status":
        from inspector.sync.central_status import central_status

        info = central_status(url)
        if args.json:
            out.write(json.dumps(info, sort_keys=True, default=str) + "\n")
        else:
            for key, value in info.items():
                out.write(f"{key}: {json.dumps(value, sort_keys=True, default=str)}\n")
            for alarm in info["audit_alarms"]:
                out.write(alarm + "\n")
        # Monitoring runs this: an audit alarm is a failure it must notice, not an "ok".
        return EXIT_FAILED if info["audit_alarms"] else EXIT_OK
    if args.central_command == "roles":
        from inspector.sync.roles import roles

        pairs = []
        for item in args.station:
            warehouse, _, station = item.partition(":")
            if not station:
                out.write(f"--station wants WAREHOUSE:STATION, not {item!r}\n")
                return EXIT_USAGE
            pairs.append((warehouse, station))
        if args.time_zone:
            from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

            try:
                ZoneInfo(args.time_zone)
            except (ZoneInfoNotFoundError, ValueError):
                out.write(f"Unknown time zone {args.time_zone!r}; use a name like Europe/Amsterdam.\n")
                return EXIT_USAGE
        logins = roles(url, args.prefix, pairs, args.time_zone)
        out.write(f"Roles {args.prefix}_admin and {args.prefix}_station are set up.\n")
        for login in logins:  # shown once, on the console only; never logged
            out.write(
                f"station {login.station_code} ({login.warehouse_code}): role {login.role}, "
                f"password {login.password}\n  central URL for its settings: {login.url(url)}\n"
            )
        return EXIT_OK
    if args.central_command == "notarise":
        return _notarise(url, args.key, args.every, out)
    if args.central_command in ("stations", "warehouse", "users"):
        from inspector.sync.cli_admin import run_admin

        return run_admin(args, url, out)
    if args.central_command == "enrol":
        from inspector.sync.cli_enrol import run_enrol

        return run_enrol(args, url, out)
    if args.central_command == "import-returns":
        from inspector.sync.central_import import run_central_import

        return run_central_import(url, args.file, args.warehouse, out)
    return EXIT_USAGE


def _notarise(url: str, key_file: Path, every: float, out: TextIO) -> int:
    """Countersign pending heads once, or every ``every`` seconds until SIGINT/SIGTERM."""
    from inspector.services.signing import SigningKey
    from inspector.sync.anchor_admin import notarise
    from inspector.sync.urls import connect

    key = SigningKey.load_or_create(key_file)
    stopped = threading.Event()
    if every and threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stopped.set())
    failed = 0
    while True:
        with connect(url) as conn:
            run = notarise(conn, key)
        failed += run.failed
        out.write(f"notarised {run.notarised} signed head(s), {run.failed} FAILED "
                  f"(notary key {key.fingerprint[:16]})\n")
        if not every or stopped.wait(every):
            return EXIT_FAILED if failed else EXIT_OK


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """``python -m inspector.sync [--data-dir DIR] sync|central ...`` (the same commands, standalone)."""
    parser = argparse.ArgumentParser(prog="python -m inspector.sync")
    parser.add_argument("--data-dir", metavar="DIR")
    parser.add_argument("-v", "--verbose", action="store_true")
    commands = parser.add_subparsers(dest="command", required=True)
    add_sync_parser(commands)
    add_central_parser(commands)
    args = parser.parse_args(argv)
    out = out or sys.stdout
    if args.command == "central":
        return run_central(args, out)
    from inspector.app import build_services, configure_logging
    from inspector.paths import data_paths

    configure_logging(data_paths(args.data_dir).ensure(), args.verbose)
    services = build_services(args.data_dir)
    try:
        return run_sync(services, args.central, args.once, out, args.wait)
    finally:
        services.close()
