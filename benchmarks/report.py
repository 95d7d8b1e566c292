"""Benchmark the intake report: build a ~10,000-item report and write it as PDF (target: <= 3 s).

Usage: ``python benchmarks/report.py [--returns N] [--inspections M] [--data DIR]``

Seeds a fresh station database with the demo data (12,000 returns and 10,000 inspections by default,
spread over the 7 days before a fixed reference time) unless ``--data`` names a directory seeded
earlier, then times :func:`build_intake_report` over those 7 local days and the PDF, CSV and XLSX
writers, and prints one JSON object. ``pdf_total_s`` (build + PDF) is the number the target is about.

Long ranges (issue 13): the cost must follow the data, not the calendar. ``range_10y_total_s`` builds
and writes the PDF for the ten years up to the reference day (target: <= 3 s, like the week);
``range_100y_build_s`` builds a century (it did not finish in 200 s when the queries grew per day).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from inspector.app import build_services
from inspector.reports.cli_report import write_report
from inspector.reports.intake_report import build_intake_report
from inspector.services.access import COMMAND_LINE
from inspector.services.demo_data import seed_demo

NOW = datetime(2026, 3, 30, 18, tzinfo=UTC)


def run(data_dir: Path, returns: int, inspections: int, out_dir: Path) -> dict[str, object]:
    """Seed (when the database is empty), then build and write the week's report and measure."""
    services = build_services(data_dir)
    try:
        seed_seconds = None
        if not services.paths.database.exists() or _empty(services):
            started = time.perf_counter()
            seed_demo(services.database, services.photos, services.station, returns=returns,
                      inspections=inspections, seed=1, now=NOW)
            seed_seconds = round(time.perf_counter() - started, 1)
        last = NOW.date()
        first = last - timedelta(days=6)
        started = time.perf_counter()
        report = build_intake_report(services.database, services.station.warehouse_code, first, last,
            user=COMMAND_LINE)
        build_s = time.perf_counter() - started
        timings = {}
        for fmt in ("pdf", "csv", "xlsx"):
            started = time.perf_counter()
            path = write_report(report, fmt, out_dir / f"report.{fmt}")
            timings[fmt] = (time.perf_counter() - started, path.stat().st_size)
        long_ranges = _long_ranges(services, last, out_dir)
        return {
            **long_ranges,
            "items": report.items_inspected, "parcels": report.parcels_received,
            "days": (last - first).days + 1, "seed_s": seed_seconds, "build_s": round(build_s, 3),
            "pdf_s": round(timings["pdf"][0], 3), "pdf_total_s": round(build_s + timings["pdf"][0], 3),
            "pdf_target_met": build_s + timings["pdf"][0] <= 3.0,
            "csv_s": round(timings["csv"][0], 3), "xlsx_s": round(timings["xlsx"][0], 3),
            "pdf_kb": timings["pdf"][1] // 1024, "xlsx_kb": timings["xlsx"][1] // 1024,
            "cpus": os.cpu_count(), "load_avg": round(os.getloadavg()[0], 2),
        }
    finally:
        services.close()


def _long_ranges(services: object, last: date, out_dir: Path) -> dict[str, object]:
    """Build (and for ten years write as PDF) the report over 10 and 100 years up to ``last``."""
    code = services.station.warehouse_code  # type: ignore[attr-defined]
    database = services.database  # type: ignore[attr-defined]
    started = time.perf_counter()
    decade = build_intake_report(database, code, last.replace(year=last.year - 10), last, user=COMMAND_LINE)
    build_s = time.perf_counter() - started
    started = time.perf_counter()
    write_report(decade, "pdf", out_dir / "decade.pdf")
    pdf_s = time.perf_counter() - started
    started = time.perf_counter()
    build_intake_report(database, code, last.replace(year=last.year - 100), last, user=COMMAND_LINE)
    century_s = time.perf_counter() - started
    return {
        "range_10y_build_s": round(build_s, 3), "range_10y_pdf_s": round(pdf_s, 3),
        "range_10y_total_s": round(build_s + pdf_s, 3), "range_10y_target_met": build_s + pdf_s <= 3.0,
        "range_100y_build_s": round(century_s, 3),
    }


def _empty(services: object) -> bool:
    from inspector.services.status import station_status

    return not station_status(services.database).get("inspections")  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    """Parse the options, run the benchmark and print its JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--returns", type=int, default=12_000)
    parser.add_argument("--inspections", type=int, default=10_000)
    parser.add_argument("--data", type=Path, help="a data directory to seed once and reuse")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="inspector-report-bench-") as scratch:
        data = args.data or Path(scratch) / "data"
        result = run(data, args.returns, args.inspections, Path(scratch))
    result["reference_day"] = date.isoformat(NOW.date())
    sys.stdout.write(json.dumps(result) + "\n")
    return 0 if result["pdf_target_met"] and result["range_10y_target_met"] else 1


if __name__ == "__main__":
    sys.exit(main())
