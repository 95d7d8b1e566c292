"""kill -9 of the sync process at exact and random points, then resume: exact counts, no duplicates.

SYNC.md scenario 1. The sync runs in a subprocess (``python -m inspector.sync ... sync --once``) that
SIGKILLs itself at the point named by ``INSPECTOR_SYNC_FAULT``, or is SIGKILLed from outside at a
random moment. The resume runs in the test process. Every scenario ends converged.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sync_helpers import assert_converged, count_central, pending, record_activity

from inspector.sync.engine import SyncEngine

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]


def start_sync(data_dir: Path, url: str, fault: str = "", batch: int = 20) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "INSPECTOR_SYNC_FAULT": fault,
        "INSPECTOR_SYNC_BATCH": str(batch),
        "PYTHONPATH": str(REPO),
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "inspector.sync",
            "--data-dir",
            str(data_dir),
            "sync",
            "--central",
            url,
            "--once",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=REPO,
    )


def resume_and_check(station, url: str, records: int) -> None:
    result = SyncEngine(station.database, station.photos, station.station, url).run_once()
    assert result.ok, result.error
    counts = assert_converged(station, url)
    assert counts["inspection"] == counts["parcel"] == counts["photo"] == records
    assert counts["audit_event"] == 2 * records
    sid = station.station.station_id
    assert count_central(url, "conflicts", "station_id = %s", (sid,)) == 0


POINTS = [
    "before_send",
    "mid_batch",
    "after_commit_before_ack",
    "after_ack",
    "photo_mid_upload",
    "after_commit_before_ack:2",
]


def test_kill_at_exact_points_then_resume(central_url, station_factory, codes) -> None:
    """One station per fault point, killed there (all at once), then resumed: exact counts."""
    stations = [station_factory(codes("WH"), codes("ST")) for _ in POINTS]
    for n, station in enumerate(stations):
        record_activity(station, 30, seed=11 + n)
    processes = [
        start_sync(s.paths.root, central_url, fault=p) for s, p in zip(stations, POINTS, strict=True)
    ]
    for process, point in zip(processes, POINTS, strict=True):
        _, stderr = process.communicate(timeout=90)
        assert process.returncode == -signal.SIGKILL, f"{point}: {stderr.decode(errors='replace')}"
    for station in stations:
        assert pending(station) > 0
        resume_and_check(station, central_url, 30)


def test_random_kills_then_resume(central_url, station_factory, codes) -> None:
    """4 stations x 4 runs: 12 die at random fault points, 4 are killed from outside at a random moment."""
    stations = [station_factory(codes("WH"), codes("ST")) for _ in range(4)]
    for n, station in enumerate(stations):
        record_activity(station, 80, seed=20 + n)
    rng = random.Random(1234)
    kills = 0
    for run in range(4):
        processes = []
        for station in stations:
            fault = f"random:{rng.randrange(10**6)}:0.1" if run < 3 else ""
            processes.append(start_sync(station.paths.root, central_url, fault=fault, batch=10))
        if run == 3:  # kill -9 from outside at a random moment
            time.sleep(rng.uniform(1.5, 2.5))
            for process in processes:
                process.send_signal(signal.SIGKILL)
        for process in processes:
            process.communicate(timeout=90)
            kills += process.returncode == -signal.SIGKILL
    assert kills >= 10  # most runs died somewhere; the rest finished
    for station in stations:
        resume_and_check(station, central_url, 80)
