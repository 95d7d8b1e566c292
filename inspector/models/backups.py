"""Backups of the station database: consistent online copies, kept rolling, checked, restored.

A backup is made with SQLite's backup API (consistent while the station works), written under a
temporary name, checked with SQLite's integrity check, fsynced and renamed, so the backups folder
only ever holds whole, intact copies. Rolling backups are made at start and then daily; the newest
:data:`DEFAULT_KEEP` rolling copies are kept (``backups_keep`` in the settings). The copies taken
before a migration are kept as well. Restoring checks the backup, moves the current (damaged) file
and its ``-wal``/``-shm`` aside, and puts a copy of the backup in its place.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from inspector.models.db_errors import DAMAGED, DatabaseProblem

log = logging.getLogger(__name__)

DEFAULT_KEEP = 7
ROLLING = "rolling"
ROLLING_EVERY = timedelta(days=1)
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{12}Z)-(?P<label>[\w.-]+)\.sqlite3$")


@dataclass(frozen=True)
class Backup:
    """One copy in the backups folder."""

    path: Path
    made_at: datetime
    label: str

    @property
    def rolling(self) -> bool:
        """True for the daily copies (the ones pruned to the newest few)."""
        return self.label == ROLLING


def list_backups(backups_dir: Path) -> list[Backup]:
    """The backups in the folder, newest first (files that are not whole backups are skipped)."""
    found = []
    if not backups_dir.is_dir():
        return found
    for path in backups_dir.glob("*.sqlite3"):
        match = _NAME.match(path.name)
        if match is None:
            continue
        made = datetime.strptime(match["stamp"], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
        found.append(Backup(path, made, match["label"]))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def integrity_problems(path: Path, limit: int = 20) -> list[str]:
    """SQLite's integrity check of a database file opened read-only: [] when intact."""
    try:
        connection = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = [str(r[0]) for r in connection.execute(f"PRAGMA integrity_check({int(limit)})")]
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        connection.close()
    return [] if rows == ["ok"] else rows


def make_backup(database: Path, backups_dir: Path, label: str, now: datetime | None = None) -> Path:
    """Copy ``database`` consistently into ``backups_dir``; returns the checked copy's path.

    Raises ``sqlite3.Error`` or ``OSError`` when the copy cannot be made; a copy that fails its
    integrity check (the database itself is damaged) is deleted and refused with the "damaged"
    :class:`DatabaseProblem`.
    """
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    target = backups_dir / f"{database.stem}-{stamp}-{label}.sqlite3"
    partial = target.with_name(f".{target.name}.partial")
    try:
        source = sqlite3.connect(f"file:{quote(str(database))}?mode=ro", uri=True)
        try:
            destination = sqlite3.connect(partial)
            try:
                source.backup(destination)
                destination.execute("PRAGMA journal_mode = DELETE")
            finally:
                destination.close()
        finally:
            source.close()
        problems = integrity_problems(partial, 3)
        if problems:
            raise DatabaseProblem(DAMAGED, f"the backup copy is not intact: {'; '.join(problems)}",
                                  kind="damaged")
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    log.info("Backed up %s to %s", database, target)
    return target


def rolling_backup(
    database: Path, backups_dir: Path, keep: int = DEFAULT_KEEP, now: datetime | None = None
) -> Path | None:
    """Make today's rolling backup when the newest is a day old (or missing); prune to ``keep``.

    Returns the new backup's path, or None when a recent one exists.
    """
    now = now or datetime.now(UTC)
    rolling = [b for b in list_backups(backups_dir) if b.rolling]
    made = None
    if not rolling or now - rolling[0].made_at >= ROLLING_EVERY:
        made = make_backup(database, backups_dir, ROLLING, now)
        rolling = [b for b in list_backups(backups_dir) if b.rolling]
    for old in rolling[max(keep, 1):]:
        old.path.unlink(missing_ok=True)
        log.info("Removed old backup %s", old.path)
    return made


def restore_backup(database: Path, backup: Path, now: datetime | None = None) -> Path | None:
    """Put a copy of ``backup`` in place of ``database``; returns where the old file was kept.

    The backup is checked first (``ValueError`` when it is not intact). The current file and its
    ``-wal``/``-shm`` are moved aside as ``<name>.damaged-<time>`` (None when there was none).
    Nothing may have the database open meanwhile.
    """
    problems = integrity_problems(backup)
    if problems:
        raise ValueError(f"the backup {backup} is not intact: {'; '.join(problems[:3])}")
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    aside = database.with_name(f"{database.name}.damaged-{stamp}")
    kept = None
    if database.exists():
        os.replace(database, aside)
        kept = aside
    for suffix in ("-wal", "-shm"):
        helper = database.with_name(database.name + suffix)
        if helper.exists():
            os.replace(helper, aside.with_name(aside.name + suffix))
    partial = database.with_name(f".{database.name}.restoring")
    shutil.copyfile(backup, partial)
    with partial.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, database)
    log.warning("Restored %s from %s; the previous file is kept as %s", database, backup, kept)
    return kept
