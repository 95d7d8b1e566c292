"""Benchmark of audit-chain verification: one station's chain of N events (default 1,000,000).

    .venv/bin/python benchmarks/audit.py [--events N] [--rebuild]

Opening an inspection's detail and writing an evidence pack verify the whole chain of every station
involved (``inspector.services.audit.verify_station_chain``), so its time and memory grow with the
station's history. The chain is built once with bulk inserts of correctly chained events and cached
in ``$TMPDIR/inspector-audit-bench-<N>``. Printed (JSON): seconds and events per second of one
full walk, how much the process's peak RSS grew during it, and the milliseconds of the review
screen's usual walk, from a checkpoint 100 events before the head (``StoredChains``).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import insert, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from inspector.app import build_services  # noqa: E402
from inspector.models import AuditEvent  # noqa: E402
from inspector.services.audit import (  # noqa: E402
    GENESIS_HASH,
    HASH_VERSION,
    Checkpoint,
    digest_of,
    verify_station_chain,
)

CHUNK = 20_000
ACTIONS = ("parcel_received", "inspection_started", "answer_given", "photo_added", "grade_set")


def build(data_dir: Path, events: int) -> None:
    """A station database whose own chain has ``events`` correctly linked events."""
    services = build_services(data_dir)
    station_id = services.station.station_id
    rng = random.Random(5)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    prev = GENESIS_HASH
    with services.database.engine.begin() as connection:
        for first in range(1, events + 1, CHUNK):
            rows = []
            for seq in range(first, min(first + CHUNK, events + 1)):
                values = {
                    "station_id": station_id, "seq": seq, "occurred_at": start + timedelta(seconds=seq * 7),
                    "actor_id": None, "action": rng.choice(ACTIONS), "entity_type": "inspection",
                    "entity_id": uuid.UUID(int=rng.getrandbits(128), version=4), "return_id": None,
                    "inspection_id": uuid.UUID(int=rng.getrandbits(128), version=4),
                    "payload": {"question": f"q{seq % 11}", "value": seq % 3 == 0},
                    "photo_hashes": [], "prev_hash": prev, "id": uuid.uuid4(), "hash_version": HASH_VERSION,
                }
                values["hash"] = prev = digest_of(SimpleNamespace(**values))
                rows.append(values)
            connection.execute(insert(AuditEvent), rows)
            print(f"  ... {rows[-1]['seq']:,} events", file=sys.stderr, flush=True)
    services.close()


def run(events: int, rebuild: bool) -> dict[str, object]:
    """Build (or reuse) the chain, verify it once with tracemalloc on, and report."""
    data_dir = Path(tempfile.gettempdir()) / f"inspector-audit-bench-{events}"
    marker = data_dir / "complete"
    if rebuild or not marker.exists():
        shutil.rmtree(data_dir, ignore_errors=True)
        started = time.perf_counter()
        build(data_dir, events)
        print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        marker.write_text("ok")
    services = build_services(data_dir)
    station_id = services.station.station_id
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    with services.database.session() as session:
        report = verify_station_chain(session, station_id)
    seconds = time.perf_counter() - started
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert report.ok and report.events_checked == events and report.head is not None, report
    # The review screen's walk: from the checkpoint an earlier walk left, 100 events before the head.
    with services.database.session() as session:
        back = session.execute(select(AuditEvent.seq, AuditEvent.hash).where(
            AuditEvent.station_id == station_id, AuditEvent.seq == max(1, events - 100))).one()
    started = time.perf_counter()
    with services.database.session() as session:
        recent = verify_station_chain(session, station_id, Checkpoint(back.seq, back.hash))
    checkpoint_ms = (time.perf_counter() - started) * 1000
    assert recent.ok and recent.head == report.head, recent
    services.close()
    return {"events": events, "full_walk_s": round(seconds, 2), "events_per_s": round(events / seconds),
            "peak_rss_growth_mb": round(rss_after - rss_before, 1),
            "walk_from_checkpoint_100_back_ms": round(checkpoint_ms, 1)}


def main() -> None:
    """Parse the arguments, run, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    print(json.dumps(run(args.events, args.rebuild), indent=2))


if __name__ == "__main__":
    main()
