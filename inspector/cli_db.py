"""``inspector db upgrade|check|backup|restore``: the station database's maintenance commands."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any, TextIO

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_ENVIRONMENT = 0, 1, 2, 3


def add_db_parser(commands: Any) -> None:
    """Add ``db upgrade|check|backup|restore`` to a subparsers object."""
    db = commands.add_parser("db", help="database maintenance")
    actions = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    actions.add_parser("upgrade", help="migrate the database to this version (backs it up first)")
    check = actions.add_parser(
        "check", help="integrity check of the database, and photo files no record refers to"
    )
    check.add_argument("--repair", action="store_true",
                       help="remove photo files no record refers to (older than an hour)")
    actions.add_parser("backup", help="make a backup now (SQLite's online backup, checked)")
    restore = actions.add_parser(
        "restore", help="replace the database by a backup (the newest intact one unless given)"
    )
    restore.add_argument("backup", nargs="?", type=Path, help="the backup file (default: the newest intact)")


def run_db(args: argparse.Namespace, out: TextIO) -> int:
    """Run one ``db`` action."""
    from inspector.app import configure_logging
    from inspector.paths import data_paths

    paths = data_paths(args.data_dir)
    writable = os.access(paths.root, os.W_OK) if paths.root.exists() else True
    configure_logging(paths.ensure() if writable else paths, args.verbose)
    if args.db_command == "check":
        return _check(paths, args.repair, writable, out)
    if args.db_command == "restore":
        from inspector.services.restore import run_restore

        return run_restore(paths, args.backup, out)
    from inspector.models.database import head_revision, open_database

    database = open_database(paths.database, paths.backups, migrate=False)
    try:
        if args.db_command == "backup":
            out.write(f"Backup: {database.backup('manual')}\n")
            return EXIT_OK
        before = database.current_revision()
        backup = database.upgrade()
        if before == head_revision():
            out.write(f"Database {paths.database} is up to date (schema {before}).\n")
        else:
            out.write(f"Database {paths.database} migrated from {before or 'empty'} to {head_revision()}.\n")
            if backup:
                out.write(f"Backup: {backup}\n")
        return EXIT_OK
    finally:
        database.dispose()


def _check(paths: Any, repair: bool, writable: bool, out: TextIO) -> int:
    from inspector.models.backups import list_backups
    from inspector.models.database import DatabaseProblem, open_database
    from inspector.services.maintenance import ORPHAN_SAFE_AGE_S, check_station
    from inspector.services.photo_store import PhotoStore

    read_only = not writable or (paths.database.exists() and not os.access(paths.database, os.W_OK))
    backups = [b for b in list_backups(paths.backups)]
    try:
        database = open_database(paths.database, paths.backups, migrate=False, read_only=read_only)
    except DatabaseProblem as problem:
        if problem.kind != "damaged":
            raise
        _damaged(out, paths.database, [problem.detail or problem.user_message], backups)
        return EXIT_ENVIRONMENT
    try:
        photos = PhotoStore(paths.photos, paths.thumbnails)
        report = check_station(database, photos, repair=repair and not read_only)
    finally:
        database.dispose()
    if report.damaged:
        _damaged(out, paths.database, report.integrity, backups)
        return EXIT_ENVIRONMENT
    out.write(f"database {paths.database}: integrity ok\n")
    megabytes = report.orphan_bytes / 1e6
    out.write(f"photo files no record refers to: {len(report.orphans)} ({megabytes:.1f} MB)\n")
    if report.removed:
        out.write(f"removed: {len(report.removed)} older than {ORPHAN_SAFE_AGE_S // 60} minutes\n")
    elif report.removable:
        out.write(f"  {len(report.removable)} of them are older than {ORPHAN_SAFE_AGE_S // 60} minutes: "
                  "'inspector db check --repair' removes them\n")
    for relative in report.missing[:20]:
        out.write(f"photo file missing: {relative}\n")
    if report.missing:
        out.write(f"photo records whose file is missing: {len(report.missing)}\n")
    newest = backups[0].made_at.isoformat(timespec="seconds") if backups else "none"
    out.write(f"backups: {len(backups)} (newest: {newest})\n")
    return EXIT_FAILED if report.missing else EXIT_OK


def _damaged(out: TextIO, database: Path, problems: list[str], backups: list[Any]) -> None:
    out.write(f"database {database}: damaged, SQLite found:\n")
    for problem in problems[:10]:
        out.write(f"  {problem}\n")
    if backups:
        when = backups[0].made_at.isoformat(timespec="seconds")
        out.write(f"The newest backup is {backups[0].path} ({when}).\n"
                  "Close Return Inspector and run 'inspector db restore' to put it back.\n")
    else:
        out.write("There is no backup in the backups folder; ask IT for help.\n")
