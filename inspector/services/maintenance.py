"""Keeping the station's files healthy: integrity, orphan photos, for ``inspector db check``.

An orphan photo is a file in the photo store that no photo record refers to: a photo stored just
before its transaction failed (a full disk, kill -9 during an inspection or a demo seed). A photo an
inspector removed on purpose is not an orphan: its removal is in the audit log, and its file stays. They are
harmless but can fill a disk. ``db check`` reports them; ``db check --repair`` and the station at
start remove those older than :data:`ORPHAN_SAFE_AGE_S` (a younger one may belong to a transaction
still running in another window).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from inspector.models import AuditEvent, Photo
from inspector.models.database import Database
from inspector.services.photo_store import PhotoStore

log = logging.getLogger(__name__)

ORPHAN_SAFE_AGE_S = 3600
"""Only orphan photo files older than this (seconds) are removed."""


@dataclass
class CheckReport:
    """What ``inspector db check`` found."""

    integrity: list[str] = field(default_factory=list)  # SQLite's problems; [] when intact
    orphans: list[Path] = field(default_factory=list)  # photo files no record refers to
    removable: list[Path] = field(default_factory=list)  # the orphans old enough to remove
    removed: list[Path] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # records whose photo file is gone

    @property
    def damaged(self) -> bool:
        """True when SQLite found damage in the database file."""
        return bool(self.integrity)

    @property
    def orphan_bytes(self) -> int:
        """The disk space the orphan photos take."""
        return sum(p.stat().st_size for p in self.orphans if p.exists())


def referenced_photos(database: Database, relative_paths: Iterable[str]) -> set[str]:
    """Those of ``relative_paths`` that a photo record refers to."""
    wanted = list(dict.fromkeys(relative_paths))
    found: set[str] = set()
    with database.session() as session:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            found.update(session.scalars(select(Photo.file_path).where(Photo.file_path.in_(chunk))))
    return found


def _store_files(photos: PhotoStore) -> dict[str, Path]:
    root = photos.photos_dir
    if not root.is_dir():
        return {}
    return {p.relative_to(root).as_posix(): p for p in root.glob("*/*") if p.is_file()}


def find_orphans(database: Database, photos: PhotoStore, min_age_s: float = ORPHAN_SAFE_AGE_S,
                 now: float | None = None) -> tuple[list[Path], list[Path], list[str]]:
    """(orphan files, those older than ``min_age_s``, records whose file is missing)."""
    files = _store_files(photos)
    with database.session() as session:
        recorded = set(session.scalars(select(Photo.file_path)))
        candidates = {relative for relative in files if relative not in recorded}
        if candidates:
            removed_on_purpose = {
                sha
                for hashes in session.scalars(
                    select(AuditEvent.photo_hashes).where(AuditEvent.action == "photo_removed")
                )
                for sha in hashes or ()
            }
            candidates = {r for r in candidates if Path(r).stem not in removed_on_purpose}
    orphans = sorted(files[relative] for relative in candidates)
    now = time.time() if now is None else now
    old = [p for p in orphans if now - p.stat().st_mtime >= min_age_s]
    missing = sorted(recorded - set(files))
    return orphans, old, missing


def remove_orphans(photos: PhotoStore, files: Iterable[Path]) -> list[Path]:
    """Delete orphan photo files and their thumbnails; returns those removed."""
    removed = []
    for path in files:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        (photos.thumbnails_dir / photos.thumbnail_relative(path.stem)).unlink(missing_ok=True)
        removed.append(path)
    return removed


def check_station(database: Database, photos: PhotoStore, *, repair: bool = False,
                  min_age_s: float = ORPHAN_SAFE_AGE_S) -> CheckReport:
    """SQLite's integrity check, then (on an intact database) the photo store against the records."""
    report = CheckReport(integrity=database.integrity_problems())
    if report.damaged:
        return report
    report.orphans, report.removable, report.missing = find_orphans(database, photos, min_age_s)
    if repair:
        report.removed = remove_orphans(photos, report.removable)
    return report


@dataclass
class Upkeep:
    """What the station's start (and its daily round) did."""

    backup: Path | None = None
    removed: list[Path] = field(default_factory=list)


def station_upkeep(database: Database, photos: PhotoStore, keep: int) -> Upkeep:
    """At start and then daily: a rolling backup (when the newest is a day old), old orphan photos removed.

    Raises the "damaged" :class:`DatabaseProblem` when the database cannot be copied intact.
    """
    from inspector.models.backups import rolling_backup

    done = Upkeep(backup=rolling_backup(database.path, database.backups_dir, keep))
    _all, old, _missing = find_orphans(database, photos)
    done.removed = remove_orphans(photos, old)
    if done.removed:
        log.info("Removed %d orphan photo files", len(done.removed))
    return done
