"""Benchmark of the review search with 1,000,000 finished inspections, on SQLite and on PostgreSQL.

    .venv/bin/python benchmarks/review.py [--inspections N] [--repeat R] [--rebuild] [--central URL]

    e.g. --central postgresql://postgres@127.0.0.1:5432/postgres

What is measured: ``ReviewService.search(query, limit=200)``, i.e. what the supervisor's review
screen waits for (the ids of one page, then their rows with return, line, station, inspector, flags
and open disputes), for 15 query kinds (newest, RMA, order, tracking, customer name and e-mail, date
range, station, inspector, grade, common and rare flags, and combinations). Every kind runs
``--repeat`` times with different values; one JSON object with p50/p95 in milliseconds and the median
number of rows per kind is printed (progress and build times go to stderr). The goal is
p95 <= 200 ms for every kind, on both databases.

SQLite (always): the station database is built once with SQLAlchemy Core bulk inserts (returns,
lines, inspections, flags; ``seed_demo`` is far too slow for a million) and cached in the temp
directory (``$TMPDIR/inspector-review-bench-<N>``); ``--rebuild`` makes it again. Without
``--central`` the output is ``{"inspections", "repeat", "queries": {kind: {p50_ms, p95_ms, rows_p50}}}``.

PostgreSQL (``--central URL``, a maintenance URL of a superuser: it creates databases, and bypasses
row-level security, so the policies are not part of the measurement): the database
``inspector_review_bench_<N>`` on that server is created, migrated with ``upgrade_central`` and loaded
with the same rows, read from the SQLite file and streamed with COPY (warehouses, stations, users
without PIN hash or badge code, returns, return lines, inspections, inspection flags; with
``warehouse_id`` and ``origin_station_id`` added as a station's upload would, user triggers disabled
during the load), then ``VACUUM (ANALYZE)``. A ``review_bench`` marker in ``central_meta`` names the
SQLite station it was copied from, so the database is reused while that SQLite file is (it is still
upgraded to the newest central revision); ``--rebuild`` reloads it. The same queries (same values,
same order) then run through ``ReviewService(CentralReader(...))`` in read-only transactions, as the
central review does. The output is then ``{"inspections", "repeat", "sqlite": {"build_s", "queries"},
"postgresql": {"database", "load_s", "queries"}}`` (``build_s`` / ``load_s`` are null when reused);
each PostgreSQL kind also counts the runs that returned exactly the SQLite rows (``same_rows``).
Rows are copied in the SQLite file's order, which is random in ``finished_at``: a worse case for
walking ``ix_inspections_finished_at`` than a real central database, which receives inspections
about in the order they finish. The server's own settings (``shared_buffers`` ...) are used as found.
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
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql
from sqlalchemy import Table, insert, null, select, text

from inspector.services.access import COMMAND_LINE

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from inspector.app import Services, build_services  # noqa: E402
from inspector.models import (  # noqa: E402
    Base,
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
from inspector.sync.central_read import CentralReader  # noqa: E402
from inspector.sync.central_schema import upgrade_central  # noqa: E402
from inspector.sync.urls import libpq_url, redact_url  # noqa: E402

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


# The tables a review reads that the benchmark fills, in load order (parents first).
CENTRAL_TABLES = (
    "warehouses", "stations", "users", "returns", "return_lines", "inspections", "inspection_flags",
)
# Central has them on every uploaded row; the station has no such columns (or may leave them empty).
ADDED = ("warehouse_id", "origin_station_id")
# Central never holds a PIN hash or badge code (CHECK on central users).
OVERRIDES: dict[str, dict[str, object]] = {"users": {"pin_hash": None, "badge_code": ""}}
MARKER = "review_bench"


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _station_database(inspections: int, rebuild: bool) -> tuple[Services, float | None]:
    """The cached SQLite benchmark database (built first if missing), and its build time in seconds."""
    data_dir = Path(tempfile.gettempdir()) / f"inspector-review-bench-{inspections}"
    marker = data_dir / "complete"
    if not rebuild and marker.exists():
        return build_services(data_dir), None
    import shutil

    shutil.rmtree(data_dir, ignore_errors=True)
    services = build_services(data_dir)
    started = time.perf_counter()
    build(services, inspections)
    seconds = time.perf_counter() - started
    print(f"built in {seconds:.0f} s", file=sys.stderr)
    marker.write_text("ok")
    return services, round(seconds, 1)


def _plan(services: Services, inspections: int, repeat: int) -> dict[str, list[ReviewQuery]]:
    """``repeat`` queries per kind, with values drawn from the SQLite database (the same for both)."""
    choices = ReviewService(services.database, user=COMMAND_LINE).filter_choices()
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
    return {kind: [make() for _ in range(repeat)] for kind, make in kinds.items()}


def _measure(
    review: ReviewService, plan: dict[str, list[ReviewQuery]]
) -> tuple[dict[str, dict[str, Any]], dict[str, list[list[uuid.UUID]]]]:
    """p50/p95 (ms) and median row count per kind, and the ids each query returned."""
    results: dict[str, dict[str, Any]] = {}
    found: dict[str, list[list[uuid.UUID]]] = {}
    for kind, queries in plan.items():
        timings, sizes, ids = [], [], []
        for query in queries:
            started = time.perf_counter()
            rows = review.search(query, limit=200)
            timings.append((time.perf_counter() - started) * 1000)
            sizes.append(len(rows))
            ids.append([row.inspection_id for row in rows])
        results[kind] = {"p50_ms": round(statistics.median(timings), 1),
                         "p95_ms": round(_percentile(timings, 0.95), 1), "rows_p50": statistics.median(sizes)}
        found[kind] = ids
    return results, found


def run(inspections: int, repeat: int, rebuild: bool, central: str = "") -> dict[str, object]:
    """Build (or reuse) the database(s) and time every query kind."""
    services, build_s = _station_database(inspections, rebuild)
    try:
        plan = _plan(services, inspections, repeat)
        lite, lite_ids = _measure(ReviewService(services.database, user=COMMAND_LINE), plan)
        if not central:
            return {"inspections": inspections, "repeat": repeat, "queries": lite}
        url, load_s = prepare_central(central, services, inspections, rebuild)
        with tempfile.TemporaryDirectory(prefix="inspector-review-bench-photos-") as cache:
            reader = CentralReader(url, Path(cache))
            try:
                pg, pg_ids = _measure(ReviewService(reader, user=COMMAND_LINE), plan)
            finally:
                reader.close()
        for kind, result in pg.items():
            result["same_rows"] = sum(a == b for a, b in zip(lite_ids[kind], pg_ids[kind], strict=True))
        return {
            "inspections": inspections, "repeat": repeat,
            "sqlite": {"build_s": build_s, "queries": lite},
            "postgresql": {"database": redact_url(url), "load_s": load_s, "queries": pg},
        }
    finally:
        services.close()


# --- the central copy -------------------------------------------------------------------------------


def bench_url(maintenance_url: str, database: str) -> str:
    """``maintenance_url`` with its database replaced by ``database`` (same server, login, options)."""
    url = libpq_url(maintenance_url)
    if "://" not in url:
        raise SystemExit("--central needs a URL (postgresql://user@host:port/database)")
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + database, parts.query, parts.fragment))


def _marker(url: str) -> str | None:
    """The ``review_bench`` marker of a benchmark database (None: not (completely) loaded)."""
    try:
        with psycopg.connect(url) as connection:
            row = connection.execute("SELECT value FROM central_meta WHERE key = %s", (MARKER,)).fetchone()
    except psycopg.errors.UndefinedTable:
        return None
    return None if row is None else str(row[0])


def prepare_central(
    maintenance_url: str, services: Services, inspections: int, rebuild: bool
) -> tuple[str, float | None]:
    """The URL of a migrated, loaded benchmark database (reused if it holds this SQLite file's rows).

    Returns the URL and the seconds the create + migrate + load + vacuum took (None when reused).
    """
    name = f"inspector_review_bench_{inspections}"
    url = bench_url(maintenance_url, name)
    expected = f"{inspections} inspections from station {services.station.station_id}"
    with psycopg.connect(libpq_url(maintenance_url), autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None
        if exists and not rebuild and _marker(url) == expected:
            print(f"reusing PostgreSQL database {name}", file=sys.stderr)
            upgrade_central(url)
            return url, None
        if exists:
            admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    started = time.perf_counter()
    upgrade_central(url)
    print(f"  migrated {name} in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    load_central(services, url, expected)
    seconds = time.perf_counter() - started
    print(f"loaded PostgreSQL database {name} in {seconds:.0f} s", file=sys.stderr)
    return url, round(seconds, 1)


def _central_value(value: object) -> object:
    """A model value as COPY takes it (enums as their value, JSON as text)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict | list):
        return json.dumps(value)
    return value


def _source(name: str, columns: Sequence[str]) -> Any:
    """The SQLite select of one table's rows; its last column is the station that made each row."""
    local: Table = Base.metadata.tables[name]
    selected = [local.c[column] for column in columns]
    if name == "inspections":
        return select(*selected, local.c.station_id)
    if name == "inspection_flags":
        inspections = Base.metadata.tables["inspections"]
        return select(*selected, inspections.c.station_id).join_from(
            local, inspections, inspections.c.id == local.c.inspection_id)
    return select(*selected, null())


def load_central(services: Services, url: str, marker: str) -> None:
    """Copy the benchmark rows of the SQLite database into the freshly migrated central ``url``.

    Each table is streamed in chunks of ``CHUNK`` rows through one ``COPY ... FROM STDIN``, in one
    transaction with the tables' user triggers (change feed, conflict detection) disabled; the marker
    is written last, so a failed load is never reused. ``warehouse_id`` is the row's own if the
    station has one, else the station's warehouse; ``origin_station_id`` is the inspection's station
    for inspections and their flags, else this station.
    """
    warehouse_id, station_id = services.station.warehouse_id, services.station.station_id
    engine = services.database.engine
    with psycopg.connect(url) as pg:
        pg.execute("SET synchronous_commit = off")
        pg.execute("SET maintenance_work_mem = '256MB'")
        for name in CENTRAL_TABLES:
            pg.execute(sql.SQL("ALTER TABLE {} DISABLE TRIGGER USER").format(sql.Identifier(name)))
        for name in CENTRAL_TABLES:
            started = time.perf_counter()
            central_columns = [row[0] for row in pg.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                " AND table_name = %s ORDER BY ordinal_position", (name,))]
            local = Base.metadata.tables[name]
            shared = [c.name for c in local.columns if c.name in central_columns]
            added = [column for column in ADDED if column in central_columns and column not in shared]
            overrides = OVERRIDES.get(name, {})
            copied = 0
            statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
                sql.Identifier(name), sql.SQL(", ").join(map(sql.Identifier, shared + added)))
            with engine.connect() as lite, pg.cursor() as cursor, cursor.copy(statement) as copy:
                result = lite.execution_options(yield_per=CHUNK).execute(_source(name, shared))
                for part in result.partitions():
                    for row in part:
                        values = dict(zip(shared, row, strict=False))
                        values.update(overrides)
                        origin = row[-1] or station_id
                        if values.get("warehouse_id", warehouse_id) is None:
                            values["warehouse_id"] = warehouse_id
                        extra = [warehouse_id if column == "warehouse_id" else origin for column in added]
                        copy.write_row([_central_value(values[column]) for column in shared] + extra)
                    copied += len(part)
                    if copied % (10 * CHUNK) < CHUNK:
                        print(f"  ... {name}: {copied:,}", file=sys.stderr, flush=True)
            print(f"  copied {copied:,} {name} in {time.perf_counter() - started:.0f} s", file=sys.stderr,
                  flush=True)
        for name in CENTRAL_TABLES:
            pg.execute(sql.SQL("ALTER TABLE {} ENABLE TRIGGER USER").format(sql.Identifier(name)))
        pg.execute("INSERT INTO central_meta (key, value) VALUES (%s, %s)", (MARKER, marker))
    started = time.perf_counter()
    with psycopg.connect(url, autocommit=True) as pg:
        pg.execute("VACUUM (ANALYZE)")
    print(f"  vacuumed and analysed in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)


def _range(query: ReviewQuery, rng: random.Random, length: timedelta) -> ReviewQuery:
    start = NOW - timedelta(days=rng.randrange(30, 700))
    return replace(query, finished_from=start, finished_until=start + length)


def main() -> None:
    """Parse the arguments, run, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inspections", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--rebuild", action="store_true", help="build the database(s) again")
    parser.add_argument("--central", default="", metavar="URL",
                        help="also measure on PostgreSQL: a superuser URL of the server to create "
                             "inspector_review_bench_<N> on, e.g. postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    print(json.dumps(run(args.inspections, args.repeat, args.rebuild, args.central), indent=2))


if __name__ == "__main__":
    main()
