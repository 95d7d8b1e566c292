"""``inspector db restore [BACKUP]``: put a checked backup in place of a damaged database.

The current file is kept aside (``inspector.sqlite3.damaged-<time>``), never deleted. Then the
command says what the backup lacks: the records this station made after the backup. Those that
reached the central database are pulled back from there (when a central URL is configured and
reachable); the others are named, since they exist only in the damaged file.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from inspector.models.backups import integrity_problems, list_backups, restore_backup

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_ENVIRONMENT = 0, 1, 2, 3

# What a station makes itself (returns come from the portal and flow down again by sync).
OWN_RECORDS = ("parcels", "inspections", "photos", "disputes", "dispute_entries", "audit_events")


def _in_use(database: Path) -> bool:
    """True when another program has the database open for writing (it holds a lock)."""
    if not database.exists():
        return False
    try:
        connection = sqlite3.connect(f"file:{quote(str(database))}?mode=rw", uri=True, timeout=0.5)
    except sqlite3.Error:
        return False
    try:
        connection.execute("BEGIN EXCLUSIVE")
        connection.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc) or "busy" in str(exc)
    except sqlite3.Error:
        return False  # too damaged to say: nothing can be using it well
    finally:
        connection.close()


def _ids(database: Path, table: str) -> set[str] | None:
    """The ids of ``table`` in a database file (None when they cannot be read: damage)."""
    try:
        connection = sqlite3.connect(f"file:{quote(str(database))}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        return {row[0] for row in connection.execute(f"SELECT id FROM {table}")}
    except sqlite3.Error as exc:
        log.warning("Cannot read %s of %s: %s", table, database, exc)
        return None
    finally:
        connection.close()


def missing_records(kept: Path, restored: Path) -> dict[str, int | None]:
    """Per table, the records of the kept (damaged) file that the restored backup lacks.

    None for a table the damage makes unreadable. Only the tables with something to say are given.
    """
    found: dict[str, int | None] = {}
    for table in OWN_RECORDS:
        old, new = _ids(kept, table), _ids(restored, table) or set()
        if old is None:
            found[table] = None
        elif old - new:
            found[table] = len(old - new)
    return found


def run_restore(paths: Any, backup: Path | None, out: TextIO) -> int:
    """Restore ``backup`` (or the newest intact backup) over the station database."""
    database = paths.database
    chosen = _choose(paths.backups, backup, out)
    if chosen is None:
        return EXIT_FAILED
    path, made_at = chosen
    if _in_use(database):
        out.write("The database is in use: close Return Inspector (and stop 'inspector sync') first.\n")
        return EXIT_ENVIRONMENT
    try:
        kept = restore_backup(database, path)
    except ValueError as exc:
        out.write(f"{exc}\n")
        return EXIT_FAILED
    out.write(f"Restored the backup of {made_at.isoformat(timespec='seconds')} ({path.name}).\n")
    if kept is not None:
        out.write(f"The previous database file is kept as {kept}.\n")
        lost = missing_records(kept, database)
        if lost:
            counts = ", ".join(f"{'unreadable' if n is None else n} {t.replace('_', ' ')}"
                               for t, n in lost.items())
            out.write(f"Made after the backup and not in it: {counts}.\n")
    from inspector.services.recover import recover_from_central

    return recover_from_central(paths, made_at, out)


def _choose(backups_dir: Path, wanted: Path | None, out: TextIO) -> tuple[Path, datetime] | None:
    backups = list_backups(backups_dir)
    if wanted is not None:
        wanted = wanted if wanted.is_absolute() or wanted.exists() else backups_dir / wanted
        match = next((b for b in backups if b.path.resolve() == wanted.resolve()), None)
        if not wanted.exists():
            out.write(f"{wanted}: no such backup.\n")
            return None
        made = match.made_at if match else datetime.fromtimestamp(wanted.stat().st_mtime).astimezone()
        return wanted, made
    for candidate in backups:
        if not integrity_problems(candidate.path):
            return candidate.path, candidate.made_at
        out.write(f"skipping {candidate.path.name}: it is not intact\n")
    out.write(f"There is no intact backup in {backups_dir}; ask IT for help.\n")
    return None
