"""Rolling backups, ``db restore``, and photo files left behind by failed transactions (issue 13, §1)."""

from __future__ import annotations

import io
import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PIL import Image

from inspector.models.backups import list_backups, rolling_backup
from tests.faults.helpers import (
    DAMAGED,
    counts,
    damage,
    inspector,
    photo_files,
    referenced_photos,
    returns_csv,
)


def test_rolling_backups_once_a_day_and_only_the_newest_kept(station: Path) -> None:
    database, backups = station / "inspector.sqlite3", station / "backups"
    start = datetime(2026, 3, 1, 6, tzinfo=UTC)
    made = [rolling_backup(database, backups, keep=7, now=start + timedelta(days=d)) for d in range(10)]
    assert all(made)
    assert rolling_backup(database, backups, keep=7, now=start + timedelta(days=9, hours=5)) is None
    kept = [b for b in list_backups(backups) if b.rolling]
    assert [b.made_at for b in kept] == [start + timedelta(days=d) for d in range(9, 2, -1)]
    for backup in kept:
        assert counts(backup.path) == counts(database)


def test_a_damaged_database_is_restored_from_the_newest_backup(station: Path, tmp_path: Path) -> None:
    made = inspector(station, "db", "backup").plain()
    assert made.status == 0, made.err
    at_backup = counts(station / "inspector.sqlite3")
    later = inspector(station, "demo-seed", "--returns", "6", "--inspections", "4", "--seed", "21").plain()
    assert later.status == 0, later.err
    damage(station / "inspector.sqlite3")
    check = inspector(station, "db", "check").plain()
    assert check.status == 3 and "db restore" in check.out and "rolling" not in check.out
    assert "manual" in check.out  # the newest backup is named

    restore = inspector(station, "db", "restore").plain()
    assert restore.status == 0, restore.out + restore.err
    assert "kept as" in restore.out and "Made after the backup and not in it" in restore.out
    assert "inspections" in restore.out and "No central database is configured" in restore.out
    assert counts(station / "inspector.sqlite3") == at_backup
    assert inspector(station, "status").plain().status == 0
    kept = [p for p in station.glob("inspector.sqlite3.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1


def test_restore_refuses_a_damaged_backup_and_a_database_in_use(station: Path) -> None:
    assert inspector(station, "db", "backup").plain().status == 0
    backup = list_backups(station / "backups")[0].path
    damage(backup)
    run = inspector(station, "db", "restore", str(backup)).plain()
    assert run.status == 1 and "not intact" in run.out
    assert not list(station.glob("inspector.sqlite3.damaged-*"))


def _jpeg(seed: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), (seed % 256, 40, 90)).save(buffer, "JPEG")
    return buffer.getvalue()


def _orphan(station: Path, seed: int, age_s: float) -> Path:
    import hashlib

    data = _jpeg(seed)
    sha = hashlib.sha256(data).hexdigest()
    path = station / "photos" / sha[:2] / f"{sha}.jpg"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    stamp = time.time() - age_s
    os.utime(path, (stamp, stamp))
    return path


def test_db_check_reports_orphan_photos_and_repair_removes_the_old_ones(station: Path) -> None:
    recorded = referenced_photos(station / "inspector.sqlite3")
    old, young = _orphan(station, 1, 7200), _orphan(station, 2, 60)
    check = inspector(station, "db", "check").plain()
    assert check.status == 0 and "photo files no record refers to: 2" in check.out
    assert "1 of them are older" in check.out
    repair = inspector(station, "db", "check", "--repair").plain()
    assert repair.status == 0 and "removed: 1" in repair.out
    assert not old.exists() and young.exists()
    assert recorded <= photo_files(station)


def test_the_station_removes_old_orphans_and_backs_up_at_start(station: Path) -> None:
    from inspector.app import build_services
    from inspector.services.maintenance import station_upkeep

    old = _orphan(station, 3, 7200)
    services = build_services(station)
    try:
        done = station_upkeep(services.database, services.photos, services.settings.backups_keep)
    finally:
        services.close()
    assert done.backup is not None and done.backup.exists()
    assert done.removed == [old] and not old.exists()


def test_an_import_on_a_damaged_database_says_so(station: Path, tmp_path: Path) -> None:
    damage(station / "inspector.sqlite3", 64 * 1024)
    run = inspector(station, "import-returns", str(returns_csv(tmp_path / "a.csv", 9_600_000, 300))).plain()
    assert run.status == 3 and DAMAGED in run.err
