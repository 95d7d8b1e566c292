"""Benchmark of the review search on a station database with 1,000,000 finished inspections.

    .venv/bin/python benchmarks/review.py [--inspections N] [--repeat R] [--rebuild]

The database is built once with SQLAlchemy Core bulk inserts (returns, lines, inspections, flags;
``seed_demo`` is far too slow for a million) and cached in the temp directory
(``$TMPDIR/inspector-review-bench-<N>``); ``--rebuild`` makes it again. Every query kind is then
timed ``--repeat`` times with different values, and one JSON object is printed with p50/p95 in
milliseconds per kind. The goal is p95 <= 200 ms for every kind.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from inspector.app import Services, build_services  # noqa: E402
from inspector.models import (  # noqa: E402
    Flag,
    Grade,
    Inspection,
    InspectionFlag,
    InspectionStatus,
    Return,
    ReturnLine,
    Station,
    User,
)
from inspector.services.review import ReviewQuery, ReviewService  # noqa: E402

CHUNK = 20_000
NOW = datetime(2026, 11, 20, 15, tzinfo=UTC)
SURNAMES = ["de vries", "jansen", "bakker", "visser", "smit", "meijer", "de boer", "mulder", "peters",
            "schmidt", "müller", "janssens", "maes", "hendriks", "dekker", "van dijk", "willems", "claes"]
FIRST = ["anna", "bram", "chloé", "daan", "emma", "finn", "git", "hugo", "iris", "jens", "kim", "lotte",
         "milan", "noor", "otto", "pien", "ruben", "sanne", "tim", "vera", "wout", "yara", "zoë"]
FLAG_SHARE = [(Flag.LATE, 0.05), (Flag.OVERRIDE, 0.04), (Flag.MISSING, 0.01), (Flag.WRONG_ITEM, 0.008),
              (Flag.SUSPECTED_FRAUD, 0.002), (Flag.CONFLICT, 0.001), (Flag.UNANNOUNCED, 0.01)]


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def build(services: Services, inspections: int, seed: int = 7) -> None:
    """Fill an empty station database with ``inspections`` finished inspections (2 per return)."""
    rng = random.Random(seed)
    station_ids = [services.station.station_id]
    with services.database.session() as session:
        for n in range(2, 7):
            station = Station(warehouse_id=services.station.warehouse_id, code=f"ST-B{n:02d}",
                              name=f"Bench {n}")
            session.add(station)
            session.flush()
            station_ids.append(station.id)
        users = [User(name=f"{rng.choice(FIRST).title()} {n}", badge_code=f"BDB{n:06d}", role="inspector")
                 for n in range(40)]
        session.add_all(users)
        session.flush()
        user_ids = [u.id for u in users]
    grades = list(Grade)
    engine = services.database.engine
    returns_count = inspections // 2
    span = 2 * 365 * 24 * 3600
    with engine.begin() as connection:
        connection.execute(text("PRAGMA cache_size = -400000"))
        for start in range(0, returns_count, CHUNK):
            ret_rows, line_rows, insp_rows, flag_rows = [], [], [], []
            for n in range(start, min(start + CHUNK, returns_count)):
                return_id = _uuid(rng)
                name = f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}"
                announced = NOW - timedelta(seconds=rng.randrange(span))
                ret_rows.append({
                    "id": return_id, "warehouse_id": services.station.warehouse_id,
                    "rma_number": f"RMA{n:08d}",
                    "order_number": f"WEB{n * 7 % 10_000_000:08d}", "customer_name": name.title(),
                    "customer_name_key": name, "customer_email": f"{name.replace(' ', '.')}{n}@example.nl",
                    "postcode": "1234AB", "house_number": str(n % 200), "country": "NL", "channel": "portal",
                    "refund_choice": "refund", "status": "inspected", "source": "demo",
                    "tracking_number": f"3S{n:013d}", "carrier": "postnl", "announced_at": announced,
                    "created_at": announced, "updated_at": announced,
                })
                for line_no in (1, 2):
                    line_id = _uuid(rng)
                    line_rows.append({
                        "id": line_id, "return_id": return_id, "line_no": line_no, "sku": f"SKU-{n % 5000}",
                        "product_name": "Bench product", "category": "apparel", "reason_code": "wrong_size",
                        "quantity": 1, "unit_price_cents": 2999, "currency": "EUR", "gtin": "",
                        "customer_comment": "", "expected_serial": "", "created_at": announced,
                        "updated_at": announced,
                    })
                    inspection_id = _uuid(rng)
                    finished = announced + timedelta(days=rng.randrange(1, 20), seconds=rng.randrange(86400))
                    grade = rng.choice(grades)
                    insp_rows.append({
                        "id": inspection_id, "return_id": return_id, "return_line_id": line_id,
                        "unit_index": 1,
                        "status": InspectionStatus.FINISHED, "outcome": "received", "item_sku": "",
                        "item_gtin": "", "item_description": "", "verified_code": "", "verification_note": "",
                        "serial_scanned": "", "checklist_id": "apparel", "checklist_version": 1,
                        "answers": {},
                        "suggested_grade": grade, "final_grade": grade, "override_reason": "",
                        "disposition": "", "destination": "", "notes": "", "lpn": None,
                        "inspector_id": rng.choice(user_ids), "station_id": rng.choice(station_ids),
                        "started_at": finished - timedelta(minutes=4), "finished_at": finished,
                        "created_at": finished, "updated_at": finished,
                    })
                    for flag, share in FLAG_SHARE:
                        if rng.random() < share:
                            flag_rows.append({"inspection_id": inspection_id, "flag": str(flag)})
            connection.execute(insert(Return), ret_rows)
            connection.execute(insert(ReturnLine), line_rows)
            connection.execute(insert(Inspection), insp_rows)
            if flag_rows:
                connection.execute(insert(InspectionFlag), flag_rows)
            print(f"  ... {min(start + CHUNK, returns_count) * 2:,} inspections", file=sys.stderr, flush=True)
    with engine.begin() as connection:
        connection.execute(text("ANALYZE"))


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run(inspections: int, repeat: int, rebuild: bool) -> dict[str, object]:
    """Build (or reuse) the database and time every query kind."""
    data_dir = Path(tempfile.gettempdir()) / f"inspector-review-bench-{inspections}"
    marker = data_dir / "complete"
    if rebuild or not marker.exists():
        import shutil

        shutil.rmtree(data_dir, ignore_errors=True)
        services = build_services(data_dir)
        started = time.perf_counter()
        build(services, inspections)
        print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        marker.write_text("ok")
    else:
        services = build_services(data_dir)
    review = ReviewService(services.database)
    choices = review.filter_choices()
    rng = random.Random(1)
    returns = inspections // 2
    day = timedelta(days=1)
    with services.database.session() as session:
        emails = list(session.scalars(text("SELECT customer_email FROM returns ORDER BY random() LIMIT 200")))
    kinds: dict[str, Callable[[], ReviewQuery]] = {
        "newest": lambda: ReviewQuery(),
        "rma": lambda: ReviewQuery(rma=f"RMA{rng.randrange(returns):08d}"),
        "order": lambda: ReviewQuery(order_number=f"WEB{rng.randrange(returns) * 7 % 10_000_000:08d}"),
        "tracking": lambda: ReviewQuery(tracking_number=f"3S{rng.randrange(returns):013d}"),
        "customer_name": lambda: ReviewQuery(customer=f"{rng.choice(FIRST)} {rng.choice(SURNAMES)[:3]}"),
        "customer_email": lambda: ReviewQuery(customer=rng.choice(emails)),
        "date_range": lambda: _range(ReviewQuery(), rng, day * 7),
        "station_week": lambda: _range(ReviewQuery(station_id=rng.choice(choices.stations).id), rng, day * 7),
        "station": lambda: ReviewQuery(station_id=rng.choice(choices.stations).id),
        "inspector": lambda: ReviewQuery(inspector_id=rng.choice(choices.inspectors).id),
        "grade": lambda: ReviewQuery(grade=rng.choice(list(Grade))),
        "flag_common": lambda: ReviewQuery(flags=frozenset({Flag.LATE})),
        "flag_rare": lambda: ReviewQuery(
            flags=frozenset({rng.choice([Flag.SUSPECTED_FRAUD, Flag.CONFLICT])})),
        "flag_and_grade_month": lambda: _range(
            ReviewQuery(flags=frozenset({Flag.WRONG_ITEM}), grade=Grade.SCRAP), rng, day * 30),
        "inspector_grade_month": lambda: _range(
            ReviewQuery(inspector_id=rng.choice(choices.inspectors).id, grade=Grade.RESTOCK), rng, day * 30),
    }
    results: dict[str, object] = {}
    for kind, make in kinds.items():
        timings, sizes = [], []
        for _ in range(repeat):
            query = make()
            started = time.perf_counter()
            rows = review.search(query, limit=200)
            timings.append((time.perf_counter() - started) * 1000)
            sizes.append(len(rows))
        results[kind] = {"p50_ms": round(statistics.median(timings), 1),
                         "p95_ms": round(_percentile(timings, 0.95), 1), "rows_p50": statistics.median(sizes)}
    services.close()
    return {"inspections": inspections, "repeat": repeat, "queries": results}


def _range(query: ReviewQuery, rng: random.Random, length: timedelta) -> ReviewQuery:
    from dataclasses import replace

    start = NOW - timedelta(days=rng.randrange(30, 700))
    return replace(query, finished_from=start, finished_until=start + length)


def main() -> None:
    """Parse the arguments, run, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inspections", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    print(json.dumps(run(args.inspections, args.repeat, args.rebuild), indent=2))


if __name__ == "__main__":
    main()
