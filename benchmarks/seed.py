"""Benchmark the demo seed: how fast ``inspector demo-seed`` fills a fresh station database.

Usage: ``python benchmarks/seed.py [--returns N] [--inspections M] [--seed S] [--keep DIR]``

Seeds N returns (default 100,000) and M inspections (default 0: the returns are what scale) into a
temporary data directory and prints one JSON object: ``returns``, ``seconds`` (wall clock, seed
only, not building the services), ``returns_per_s``, plus the CPU seconds of this process and of
its worker process and the load average before and after, because a busy machine stretches the
wall-clock time and the numbers are meaningless without it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from inspector.app import build_services
from inspector.services.demo_data import seed_demo


def _cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run(returns: int, inspections: int, seed: int, data_dir: Path) -> dict[str, object]:
    """Seed into ``data_dir`` and measure."""
    services = build_services(data_dir)
    try:
        load_before = os.getloadavg()[0]
        cpu_self = _cpu_seconds(resource.RUSAGE_SELF)
        cpu_children = _cpu_seconds(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        report = seed_demo(services.database, services.photos, services.station, returns=returns,
                           inspections=inspections, seed=seed, now=datetime(2025, 6, 2, 12, tzinfo=UTC))
        seconds = time.perf_counter() - started
        return {
            "returns": report.returns,
            "return_lines": report.return_lines,
            "inspections": report.inspections,
            "photos": report.photos,
            "seconds": round(seconds, 2),
            "returns_per_s": round(report.returns / seconds) if seconds else None,
            "cpu_s_main": round(_cpu_seconds(resource.RUSAGE_SELF) - cpu_self, 2),
            "cpu_s_worker": round(_cpu_seconds(resource.RUSAGE_CHILDREN) - cpu_children, 2),
            "cpus": os.cpu_count(),
            "load_avg_before": round(load_before, 2),
            "load_avg_after": round(os.getloadavg()[0], 2),
            "database_mb": round(services.paths.database.stat().st_size / 1e6, 1),
        }
    finally:
        services.close()


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, run the benchmark and print the JSON result."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--returns", type=int, default=100_000)
    parser.add_argument("--inspections", type=int, default=0)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--keep", type=Path, help="seed into this directory and keep it")
    args = parser.parse_args(argv)
    if args.keep:
        result = run(args.returns, args.inspections, args.seed, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="inspector-seed-bench-") as tmp:
            result = run(args.returns, args.inspections, args.seed, Path(tmp))
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
