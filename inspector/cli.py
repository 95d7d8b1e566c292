"""The ``inspector`` command: opens the GUI, or runs one of the station's commands.

Each subcommand builds what it needs through :mod:`inspector.app` (the composition root) and
imports its implementation lazily, so ``inspector --version`` and the scanning commands start
quickly and need no database.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from inspector import APP_NAME, __version__

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_ENVIRONMENT = 3


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be zero or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="inspector",
        description=f"{APP_NAME}: scan, inspect, grade and label returned parcels. "
        "Without a command it opens the station's window.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--data-dir", metavar="DIR", help="data directory (default: $INSPECTOR_DATA_DIR or the user data dir)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    seed = commands.add_parser("demo-seed", help="fill the database with realistic demo data")
    seed.add_argument("--returns", type=_positive_int, default=500, help="announced returns (default 500)")
    seed.add_argument("--inspections", type=_positive_int, default=200, help="finished inspections")
    seed.add_argument("--seed", type=int, default=42, help="random seed: same seed, same data")

    commands.add_parser("demo-codes", help="print codes to try on this demo station (an announced and an "
                        "inspected RMA, a report day, badges)")

    imp = commands.add_parser("import-returns", help="import announced returns (CSV or JSON Lines)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--warehouse", help="warehouse code for rows without one (default: this station's)")

    status = commands.add_parser("status", help="what the station database holds")
    status.add_argument("--json", action="store_true", help="print one JSON object")

    from inspector.cli_db import add_db_parser

    add_db_parser(commands)

    shots = commands.add_parser(
        "screenshots",
        help="render every screen to PNG files at 1024x768, 1366x768 and 1920x1080, in both languages "
        "(on fresh demo data unless --current-data); lists texts that are cut off",
    )
    shots.add_argument("outdir", type=Path)
    shots.add_argument(
        "--current-data",
        action="store_true",
        help="render the data directory's own data instead of demo data",
    )

    decode = commands.add_parser("decode", help="decode barcodes in image files")
    decode.add_argument("--json", action="store_true", help="one JSON line per image")
    decode.add_argument("images", nargs="+")

    ident = commands.add_parser("identify", help="classify scanned codes (tracking, RMA, GTIN, GS1...)")
    ident.add_argument("--json", action="store_true", help="one JSON line per input")
    ident.add_argument("texts", nargs="+")

    from inspector.cli_setup import add_join_parser, add_setup_parser, add_warehouse_parser
    from inspector.cli_users import add_users_parser

    add_setup_parser(commands)
    add_join_parser(commands)
    add_warehouse_parser(commands)
    from inspector.cli_checklists import add_checklists_parser

    add_checklists_parser(commands)
    add_users_parser(commands)

    from inspector.sync.cli import add_central_parser, add_sync_parser

    add_sync_parser(commands)
    add_central_parser(commands)
    from inspector.connectors.cli import add_connectors_parser

    add_connectors_parser(commands)

    from inspector.reports.cli_report import add_report_parser

    add_report_parser(commands)

    evidence = commands.add_parser("evidence", help="write the evidence pack (PDF and ZIP) of a return")
    evidence.add_argument("rma", help="the return's RMA number (or: verify PACK.zip)")
    evidence.add_argument("pack", nargs="?", type=Path, help=argparse.SUPPRESS)
    evidence.add_argument("--out", type=Path, default=Path("."), metavar="DIR", help="output folder")
    evidence.add_argument("--source", choices=("auto", "local", "central"), default="auto",
                          help="read this station's database or the central one (auto: central when "
                               "a central URL is configured)")

    audit = commands.add_parser("audit", help="the tamper-evident audit log")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_commands.add_parser(
        "verify", help="check every hash chain, the signed heads and (when configured) central's anchor")
    verify.add_argument("--json", action="store_true")
    return parser


def _services(args: argparse.Namespace, *, migrate: bool = True, reads_only: bool = False):  # type: ignore[no-untyped-def]
    """The station's services; a command that ``reads_only`` also works on a read-only data directory."""
    from inspector.app import build_services, configure_logging
    from inspector.paths import data_paths

    paths = data_paths(args.data_dir)
    read_only = reads_only and not _writable(paths)
    configure_logging(paths if read_only else paths.ensure(), args.verbose)
    return build_services(args.data_dir, migrate=migrate, read_only=read_only)


def _writable(paths) -> bool:  # type: ignore[no-untyped-def]
    """False when the data directory or its database file exists but may not be written."""
    import os

    if paths.database.exists():
        return os.access(paths.database, os.W_OK) and os.access(paths.root, os.W_OK)
    return not paths.root.exists() or os.access(paths.root, os.W_OK)


def _cmd_status(args: argparse.Namespace, out: TextIO) -> int:
    from inspector.services.status import station_status

    services = _services(args, reads_only=True)
    try:
        services.database.ensure_intact()
        info = station_status(services.database)
    finally:
        services.close()
    info["station"] = services.station.station_code
    info["warehouse"] = services.station.warehouse_code
    if args.json:
        out.write(json.dumps(info, sort_keys=True) + "\n")
    else:
        width = max(len(k) for k in info)
        for key, value in info.items():
            out.write(f"{key.replace('_', ' '):<{width}}  {value}\n")
    return EXIT_OK


def _cmd_db(args: argparse.Namespace, out: TextIO) -> int:
    from inspector.cli_db import run_db

    return run_db(args, out)


def _cmd_demo_seed(args: argparse.Namespace, out: TextIO) -> int:
    from inspector.services.demo_data import run_demo_seed

    services = _services(args)
    try:
        return run_demo_seed(services, args.returns, args.inspections, args.seed, out)
    finally:
        services.close()


def _cmd_demo_codes(args: argparse.Namespace, out: TextIO) -> int:
    from inspector.services.demo_codes import codes_text, demo_codes

    services = _services(args)
    try:
        text = codes_text(demo_codes(services.database, services.station))
    finally:
        services.close()
    out.write((text or "No demo data yet: run 'inspector demo-seed'.") + "\n")
    return EXIT_OK


def _cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from inspector.services.returns_import import run_import

    services = _services(args)
    try:
        warehouse = args.warehouse or services.station.warehouse_code
        return run_import(services.database, args.file, warehouse, out)
    finally:
        services.close()


def _cmd_screenshots(args: argparse.Namespace, out: TextIO) -> int:
    import os
    import tempfile
    from datetime import UTC, datetime

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from inspector.ui.screenshots import render_screenshots

    with tempfile.TemporaryDirectory(prefix="inspector-screens-") as scratch:
        if args.current_data:
            services = _services(args)
        else:
            from inspector.app import build_services
            from inspector.services.demo_data import seed_demo

            services = build_services(scratch)
            # A fixed reference time: the same screens every run.
            seed_demo(
                services.database,
                services.photos,
                services.station,
                returns=80,
                inspections=30,
                seed=42,
                now=datetime(2026, 11, 20, 15, tzinfo=UTC),
            )
        clipped: dict[str, list[object]] = {}
        try:
            files = render_screenshots(services, args.outdir, clipped=clipped)  # type: ignore[arg-type]
        finally:
            services.close()
    for path in files:
        out.write(f"{path}\n")
    for name, found in sorted(clipped.items()):
        for problem in found:
            out.write(f"cut off in {name}: {problem}\n")
    return EXIT_OK


def _cmd_decode(args: argparse.Namespace, out: TextIO) -> int:
    from inspector.scanning.cli_decode import run_decode

    return run_decode(args.images, args.json, out)


def _cmd_identify(args: argparse.Namespace, out: TextIO) -> int:
    from inspector.scanning.cli_identify import run_identify

    return run_identify(args.texts, args.json, out)


def _cmd_audit(args: argparse.Namespace, out: TextIO) -> int:
    from inspector.sync.audit_verify import run_audit_verify

    services = _services(args, reads_only=True)
    try:
        services.database.ensure_intact()
        return run_audit_verify(services, args.json, out)
    finally:
        services.close()


def _cmd_evidence(args: argparse.Namespace, out: TextIO) -> int:
    from inspector.reports.evidence import run_evidence, run_verify_pack

    if args.rma == "verify" and args.pack is not None:  # offline: no station data needed
        return run_verify_pack(args.pack, out)

    services = _services(args, reads_only=True)
    try:
        return run_evidence(services, args.rma, args.out, out, args.source)
    finally:
        services.close()


def _cmd_sync(args: argparse.Namespace, out: TextIO) -> int:
    from inspector.sync.cli import run_sync

    services = _services(args)
    try:
        return run_sync(services, args.central, args.once, out, args.wait)
    finally:
        services.close()


def _cmd_central(args: argparse.Namespace, out: TextIO) -> int:
    from inspector.app import configure_logging
    from inspector.paths import data_paths
    from inspector.sync.cli import run_central

    configure_logging(data_paths(args.data_dir).ensure(), args.verbose)
    return run_central(args, out)


def _cmd_connectors(args: argparse.Namespace, out: TextIO) -> int:
    from inspector.app import configure_logging
    from inspector.connectors.cli import run_connectors
    from inspector.paths import data_paths

    paths = data_paths(args.data_dir).ensure()
    configure_logging(paths, args.verbose)
    return run_connectors(args, paths.root, out)


def _cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    from inspector.reports.cli_report import run_report

    services = _services(args, reads_only=True)
    try:
        return run_report(services, args, out)
    finally:
        services.close()


def _cmd_setup(args: argparse.Namespace, out: TextIO) -> int:
    from inspector.app import configure_logging
    from inspector.cli_setup import run_setup
    from inspector.paths import data_paths

    configure_logging(data_paths(args.data_dir).ensure(), args.verbose)
    return run_setup(args, out)


def _cmd_checklists(args: argparse.Namespace, out: TextIO) -> int:
    from inspector.cli_checklists import run_checklists

    return run_checklists(args, out)


def _cmd_warehouse(args: argparse.Namespace, out: TextIO) -> int:
    from inspector.cli_setup import run_warehouse

    services = _services(args)
    try:
        return run_warehouse(services, args, out)
    finally:
        services.close()


def _cmd_join(args: argparse.Namespace, out: TextIO) -> int:
    from inspector.cli_setup import run_join

    services = _services(args)
    try:
        return run_join(services, args, out)
    finally:
        services.close()


def _cmd_users(args: argparse.Namespace, out: TextIO) -> int:
    from inspector.cli_users import run_users

    services = _services(args)
    try:
        return run_users(services, args, out)
    finally:
        services.close()


def _cmd_gui(args: argparse.Namespace, out: TextIO) -> int:
    from inspector.station_setup import first_run
    from inspector.ui.application import run_gui

    if first_run(args.data_dir):  # a new station: the setup flow first (or "try it with demo data")
        from inspector.ui.setup_wizard import run_setup_gui

        if not run_setup_gui(args.data_dir):
            return EXIT_OK

    services = _services(args)
    try:
        return run_gui(services)
    finally:
        services.close()


_COMMANDS: dict[str | None, Callable[[argparse.Namespace, TextIO], int]] = {
    None: _cmd_gui,
    "status": _cmd_status,
    "db": _cmd_db,
    "demo-seed": _cmd_demo_seed,
    "demo-codes": _cmd_demo_codes,
    "import-returns": _cmd_import,
    "screenshots": _cmd_screenshots,
    "decode": _cmd_decode,
    "identify": _cmd_identify,
    "audit": _cmd_audit,
    "evidence": _cmd_evidence,
    "sync": _cmd_sync,
    "central": _cmd_central,
    "connectors": _cmd_connectors,
    "report": _cmd_report,
    "setup": _cmd_setup,
    "join": _cmd_join,
    "warehouse": _cmd_warehouse,
    "checklists": _cmd_checklists,
    "users": _cmd_users,
}


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the process exit status."""
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    from inspector.config import SettingsError
    from inspector.models.database import DatabaseProblem, explain
    from inspector.services.checklist_model import TemplateError
    from inspector.services.signing import KeyProblem

    args = build_parser().parse_args(argv)
    if out is None:
        _never_fail_on_odd_bytes(sys.stdout)
    out = out or sys.stdout
    try:
        return _COMMANDS[args.command](args, out)
    except DatabaseProblem as problem:
        return _environment_problem(problem)
    except (DBAPIError, sqlite3.Error, OSError) as exc:
        problem = explain(exc)
        if problem is None:
            raise
        return _environment_problem(problem)
    except SettingsError as problem:
        sys.stderr.write(f"inspector: the settings file cannot be read: {problem}\n")
        return EXIT_ENVIRONMENT
    except TemplateError as problem:
        sys.stderr.write(
            f"inspector: a checklist template is broken; the station will not start: {problem}\n"
        )
        return EXIT_ENVIRONMENT
    except KeyProblem as problem:
        sys.stderr.write(f"inspector: the station's signing key cannot be used: {problem}\n")
        return EXIT_ENVIRONMENT
    except KeyboardInterrupt:
        return 130


def _never_fail_on_odd_bytes(stream: TextIO) -> None:
    """An argument's bytes that are not UTF-8 (a file name) print as ``\\udcff`` escapes, not a traceback."""
    import io

    if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
        stream.reconfigure(errors="backslashreplace")


def _environment_problem(problem: Exception) -> int:
    """Print a database or disk problem in plain words (the cause goes to the log); exit status 3."""
    import logging

    logging.getLogger(__name__).warning(
        "Environment problem: %s", getattr(problem, "detail", "") or problem, exc_info=problem
    )
    sys.stderr.write(f"inspector: {getattr(problem, 'user_message', problem)}\n")
    return EXIT_ENVIRONMENT


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
