"""kill -9 at named points of the inspection finish and the photo store (``INSPECTOR_FAULT``).

After each kill: the database is intact, nothing recorded is lost or doubled, the audit chains hold,
a photo file written just before the kill is reported by ``db check`` and removed by ``--repair``
once old enough, and the work can be finished once, and only once.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.faults.helpers import counts, inspector, photo_files, referenced_photos

REPO = Path(__file__).resolve().parents[2]


def _worker(data: Path, fault: str = "", *extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    if fault:
        env["INSPECTOR_FAULT"] = fault
    return subprocess.run([sys.executable, "-m", "tests.faults.inspect_worker", str(data), *extra],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=180)


def _finished(database: Path) -> list[tuple[str, str]]:
    connection = sqlite3.connect(database)
    try:
        return connection.execute(
            "SELECT id, lpn FROM inspections WHERE status = 'finished' AND lpn IS NOT NULL AND lpn != ''"
        ).fetchall()
    finally:
        connection.close()


def _age(paths: set[Path], seconds: float) -> None:
    stamp = time.time() - seconds
    for path in paths:
        os.utime(path, (stamp, stamp))


@pytest.mark.parametrize("fault", ["photo_after_write:1", "photo_before_record:2"])
def test_kill_while_storing_a_photo(station: Path, fault: str) -> None:
    database = station / "inspector.sqlite3"
    before_files, finished_before = photo_files(station), _finished(database)
    killed = _worker(station, fault)
    assert killed.returncode == -9, killed.stderr
    orphans = photo_files(station) - referenced_photos(database)
    assert len(orphans) == 1 and before_files <= photo_files(station)
    check = inspector(station, "db", "check").plain()
    assert check.status == 0 and "photo files no record refers to: 1" in check.out
    _age({station / "photos" / o for o in orphans}, 7200)
    assert "removed: 1" in inspector(station, "db", "check", "--repair").plain().out
    assert photo_files(station) == referenced_photos(database)
    resumed = _worker(station, "", "resume")
    assert resumed.returncode == 0, resumed.stderr
    assert len(_finished(database)) == len(finished_before) + 1


def test_kill_just_before_the_finish_commits(station: Path) -> None:
    database = station / "inspector.sqlite3"
    finished_before = _finished(database)
    killed = _worker(station, "finish_before_commit")
    assert killed.returncode == -9 and "STARTED" in killed.stdout
    assert _finished(database) == finished_before, "a finish that did not commit left a trace"
    assert inspector(station, "audit", "verify").plain().status == 0
    resumed = _worker(station, "", "resume")
    assert resumed.returncode == 0, resumed.stderr
    assert len(_finished(database)) == len(finished_before) + 1


def test_kill_just_after_the_finish_committed(station: Path) -> None:
    database = station / "inspector.sqlite3"
    finished_before = _finished(database)
    before = counts(database)
    killed = _worker(station, "finish_after_commit")
    assert killed.returncode == -9
    after = _finished(database)
    assert len(after) == len(finished_before) + 1
    assert counts(database)["photos"] == before["photos"] + 2
    assert inspector(station, "audit", "verify").plain().status == 0
    again = _worker(station, "", "resume")
    assert again.returncode == 4 and "NOTHING OPEN" in again.stdout  # nothing open to finish twice
    assert _finished(database) == after
