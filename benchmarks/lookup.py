"""Intake lookup speed: scanning a parcel code with N returns in the station database.

Usage: ``python benchmarks/lookup.py --returns 1000000 --json``. The database is seeded with demo data
(in chunks) into ``--data-dir`` (default: a cache folder under the system temp dir, reused by later runs
with the same N), then random RMA numbers, tracking numbers, portal QR URLs and unknown codes are
looked up through :class:`inspector.services.intake.IntakeService`, timing each lookup.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from inspector.app import build_services
from inspector.models import Return
from inspector.services.demo_data import seed_demo
from inspector.services.intake import IntakeService, LookupOutcome


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    """Seed (or reuse) the database and print the lookup latencies."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--returns", type=int, default=1_000_000)
    parser.add_argument("--lookups", type=int, default=2000)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or Path(tempfile.gettempdir()) / f"inspector-bench-lookup-{args.returns}"
    services = build_services(data_dir)
    seed_seconds = 0.0
    try:
        with services.database.session() as session:
            have = int(session.scalar(select(func.count()).select_from(Return)) or 0)
        started = time.perf_counter()
        while have < args.returns:
            chunk = min(100_000, args.returns - have)
            seed_demo(
                services.database,
                services.photos,
                services.station,
                returns=chunk,
                inspections=0,
                seed=have + 1,
            )
            have += chunk
            print(f"seeded {have} returns", file=sys.stderr)
        seed_seconds = time.perf_counter() - started
        with services.database.session() as session:
            sample = session.execute(
                select(Return.rma_number, Return.tracking_number, Return.postcode)
                .order_by(func.random())
                .limit(args.lookups)
            ).all()
        rng = random.Random(7)
        intake = IntakeService(services.database, services.station)
        timings: list[float] = []
        found = 0
        for rma, tracking, postcode in sample:
            code = rng.choice(
                [
                    rma,
                    tracking or rma,
                    f"https://returns.example-shop.nl/r/{rma}?pc={postcode}",
                    "RMA99999997",
                ]
            )
            t0 = time.perf_counter()
            result = intake.lookup(code)
            timings.append((time.perf_counter() - t0) * 1000)
            found += result.outcome in (LookupOutcome.FOUND, LookupOutcome.SEVERAL)
    finally:
        services.close()
    report = {
        "returns": have,
        "lookups": len(timings),
        "found": found,
        "p50_ms": round(statistics.median(timings), 3),
        "p95_ms": round(_percentile(timings, 95), 3),
        "max_ms": round(max(timings), 3),
        "seed_seconds": round(seed_seconds, 1),
        "data_dir": str(data_dir),
    }
    print(json.dumps(report) if args.json else "\n".join(f"{k}: {v}" for k, v in report.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
