"""Benchmark the returns import: speed and peak memory for a big CSV (the limit: 300 MB RSS).

Usage: ``python benchmarks/import.py [--mb 50] [--keep DIR] [--limit-mb 300]``

Writes a CSV of about ``--mb`` megabytes of valid returns (one to four lines each, about one in ten
returns with its rows far apart in the file), imports it with ``inspector import-returns`` in a
fresh process, and prints one JSON object: ``rows``, ``returns``, ``file_mb``, ``seconds``,
``rows_per_s`` and ``peak_rss_mb`` (the import process's maximum resident memory). Exit status 1
when the peak is over ``--limit-mb``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from inspector.scanning.checkdigits import luhn_check_digit

HEADER = (
    "rma_number,order_number,customer_name,customer_email,postcode,house_number,country,announced_at,"
    "refund_choice,carrier,tracking_number,warehouse,line_no,sku,gtin,product_name,category,quantity,"
    "unit_price,currency,reason,customer_comment\n"
)
NAMES = ("Sanne de Vries", "Pieter Janssens", "Jürgen Müller", "Emma Peeters", "Lotte Visser", "Daan Bakker")
REASONS = ("wrong_size", "wrong_colour", "no_longer_needed", "damaged", "defective", "not_as_described")
GTINS = ("8712345001018", "5401234002016", "8712345001025", "5401234002023")


def _rows(rng: random.Random, number: int) -> list[str]:
    digits = f"{number:07d}"
    rma = f"RMA{digits}{luhn_check_digit(digits)}"
    name = rng.choice(NAMES)
    email = f"{name.split()[0].lower()}{number}@example.nl"
    head = (f"{rma},WS-{number},{name},{email},1234 AB,{number % 200 + 1},"
            f"NL,2025-03-10T09:15:00+01:00,refund,PostNL,3SABCD{number:07d},NL-AMS")
    lines = []
    for line_no in range(1, rng.randint(1, 4) + 1):
        comment = rng.choice(("", "Te klein in de taille", '"Past niet, te groot"'))
        lines.append(f"{head},{line_no},SKU-{number % 997}-{line_no},{rng.choice(GTINS)},"
                     f"\"Shirt {line_no}, blauw\",apparel,1,{rng.randint(5, 200)}.95,EUR,"
                     f"{rng.choice(REASONS)},{comment}\n")
    return lines


def write_csv(path: Path, megabytes: float, seed: int = 7) -> tuple[int, int]:
    """A CSV of about ``megabytes``; returns (rows, returns)."""
    rng = random.Random(seed)
    target = int(megabytes * 1e6)
    rows = returns = 0
    held: list[str] = []  # rows of some returns, written much later in the file
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        while handle.tell() < target:
            lines = _rows(rng, 1_000_000 + returns)
            returns += 1
            rows += len(lines)
            if len(lines) > 1 and rng.random() < 0.1:
                handle.write(lines[0])
                held.extend(lines[1:])
            else:
                handle.writelines(lines)
            if len(held) > 2000:
                handle.writelines(held)
                held.clear()
        handle.writelines(held)
    return rows, returns


def run(megabytes: float, keep: Path | None) -> dict[str, object]:
    """Write the file, import it in a fresh process, measure."""
    with tempfile.TemporaryDirectory(prefix="inspector-import-bench-") as scratch:
        base = keep or Path(scratch)
        base.mkdir(parents=True, exist_ok=True)
        csv_path = base / "returns.csv"
        rows, returns = write_csv(csv_path, megabytes)
        data = base / "data"
        subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(data), "status"],
                       check=True, capture_output=True)
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "inspector", "--data-dir", str(data), "import-returns", str(csv_path)],
            capture_output=True, text=True,
        )
        seconds = time.perf_counter() - started
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        return {
            "rows": rows,
            "returns": returns,
            "file_mb": round(csv_path.stat().st_size / 1e6, 1),
            "exit_status": result.returncode,
            "summary": (result.stdout.strip().splitlines() or [result.stderr[-500:]])[-1],
            "seconds": round(seconds, 1),
            "rows_per_s": round(rows / seconds),
            "peak_rss_mb": round(peak_kib / 1024, 1),
            "load_avg": round(os.getloadavg()[0], 2),
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="size of the CSV in MB (default 50)")
    parser.add_argument("--keep", type=Path, help="write the file and data directory here and keep them")
    parser.add_argument("--limit-mb", type=float, default=300.0, help="peak RSS allowed (default 300)")
    args = parser.parse_args()
    result = run(args.mb, args.keep)
    print(json.dumps(result))
    return 0 if result["peak_rss_mb"] <= args.limit_mb and result["exit_status"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
