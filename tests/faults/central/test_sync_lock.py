"""One sync per station at a time (issue 13, §4), with real processes.

Several ``inspector sync`` runs of one station used to upload the same records and photos at once.
Now a run holds an OS lock on ``sync.lock`` in the data directory: the others wait for it (or, past
``--wait``, exit 3 with a message), and a run killed with ``kill -9`` leaves no stale lock.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sync_helpers import assert_converged, record_activity

from inspector.locks import station_lock
from inspector.sync.engine import SyncEngine
from inspector.sync.service import SyncService
from inspector.ui.sync_bridge import sync_status_text

pytestmark = pytest.mark.postgres

REPO = Path(__file__).resolve().parents[3]


def _sync(data_dir: Path, url: str, *extra: str, fault: str = "") -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_SYNC")}
    env.update(INSPECTOR_SYNC_FAULT=fault, INSPECTOR_SYNC_BATCH="5", PYTHONPATH=str(REPO))
    return subprocess.Popen(
        [sys.executable, "-m", "inspector", "--data-dir", str(data_dir), "sync", "--central", url,
         "--once", *extra],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
    )


def _sent(out: str) -> tuple[int, int]:
    """(records sent, replays) from the summary line."""
    found = re.search(r"sent (\d+) record\(s\) .*?, (\d+) replay\(s\)", out)
    assert found, out
    return int(found[1]), int(found[2])


def test_two_syncs_of_one_station_at_once_send_everything_once(central_url, station_factory, codes) -> None:
    station = station_factory(codes("WH"), codes("ST"))
    record_activity(station, 40, seed=71, photo_size=64)
    root = station.paths.root
    runs = [_sync(root, central_url), _sync(root, central_url)]
    outputs = [run.communicate(timeout=120) for run in runs]
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, out + err
        assert "Traceback" not in err, err
    sent = sorted(_sent(out) for out, _ in outputs)
    assert sent[0] == (0, 0), outputs  # the second waited for the first and found nothing left
    assert sent[1][0] > 0 and sent[1][1] == 0
    assert_converged(station, central_url)


def _hold_lock(lock: Path) -> subprocess.Popen[str]:
    """Another process holding the station's sync lock (as a sync in progress does)."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from inspector.locks import station_lock\n"
        f"with station_lock(Path({str(lock)!r}), 'a sync'):\n"
        "    print('locked', flush=True)\n"
        "    sys.stdin.read()\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True, cwd=REPO)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def test_a_running_sync_makes_the_next_one_exit_with_a_message_and_kill_9_frees_it(
    central_url, station_factory, codes
) -> None:
    station = station_factory(codes("WH"), codes("ST"))
    record_activity(station, 12, seed=72)
    root = station.paths.root
    holder = _hold_lock(root / "sync.lock")
    try:
        waiting = _sync(root, central_url, "--wait", "0.5")
        out, err = waiting.communicate(timeout=60)
        assert waiting.returncode == 3 and "Traceback" not in err, out + err
        assert f"Another sync of this station is running (process {holder.pid})" in out, out + err
    finally:
        holder.kill()
        holder.wait(timeout=30)
        assert holder.stdin is not None and holder.stdout is not None
        holder.stdin.close()
        holder.stdout.close()
    assert holder.returncode == -signal.SIGKILL
    killed = _sync(root, central_url, "--wait", "0", fault="mid_batch")  # runs: the lock died with it
    killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL
    run = _sync(root, central_url, "--wait", "0")  # and the killed sync left no stale lock either
    out, err = run.communicate(timeout=120)
    assert run.returncode == 0 and "sync ok" in out, out + err
    assert_converged(station, central_url)


def test_the_background_service_skips_a_run_while_another_sync_runs(station_factory, codes) -> None:
    station = station_factory(codes("WH"), codes("ST"))
    record_activity(station, 2, seed=74)
    engine = SyncEngine(station.database, station.photos, station.station, "postgresql://127.0.0.1:1/x")
    service = SyncService(engine, interval_s=30)
    with station_lock(engine.lock_path, "a sync"):
        result = service.run_once()
    assert result.busy and not result.ok and result.summary().startswith("sync not run: Another sync")
    status = service.status()
    assert status.online is None and status.consecutive_failures == 0 and status.next_attempt_in_s == 30
    assert "Another sync of this station is running" in status.text() and status.pending > 0
    assert "Another sync of this station is running" in sync_status_text(status)
    assert not service.run_once().busy  # the lock is free again: a real (here: offline) attempt
