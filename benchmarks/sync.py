"""Benchmark central sync against a real PostgreSQL server; prints one JSON object.

    python benchmarks/sync.py [--pg postgresql://postgres@127.0.0.1/postgres] [--inspections 5000]
        [--photos 200 --photo-kb 1024] [--returns 100000]

Creates a scratch database ``inspector_bench_<random>`` (dropped at the end), then measures:
pushing N inspections (each with its parcel, a flag and two audit events) -> inspections/s; pushing
photo originals -> MB/s; pulling 100,000 announced returns (2 lines each) into a fresh station -> s.
Each phase is one ``SyncEngine.run_once()``; ``client_cpu_s`` is this process's CPU time during it
(the rest of the wall time is the server, the disk and waiting for a core on a loaded machine).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from inspector.app import Services, build_services
from inspector.config import Settings, save_settings
from inspector.models import Inspection, Parcel, Photo
from inspector.services.audit import append_event
from inspector.sync.announce import announce_returns
from inspector.sync.central_schema import upgrade_central
from inspector.sync.engine import SyncEngine


def station(root: Path, code: str) -> Services:
    root.mkdir(parents=True)
    save_settings(root / "settings.toml", Settings(station_code=code, warehouse_code="BENCH"))
    return build_services(root)


def make_inspections(services: Services, count: int) -> None:
    sid = services.station.station_id
    with services.database.session() as session:
        for i in range(count):
            parcel = Parcel(tracking_number=f"3SBENCH{i:08d}", station_id=sid)
            inspection = Inspection(station_id=sid, answers={"q": i}, checklist_id="apparel")
            session.add(parcel)
            session.flush()
            inspection.parcel_id = parcel.id
            inspection.add_flag("late")
            session.add(inspection)
            session.flush()
            append_event(session, station_id=sid, action="parcel_received", entity_id=parcel.id)
            append_event(session, station_id=sid, action="inspection_finished", inspection_id=inspection.id)


def make_photos(services: Services, count: int, size: int) -> None:
    sid = services.station.station_id
    with services.database.session() as session:
        for _ in range(count):
            data = os.urandom(size)
            sha = hashlib.sha256(data).hexdigest()
            relative = f"{sha[:2]}/{sha}.jpg"
            path = services.photos.path_of(relative)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            session.add(Photo(sha256=sha, file_path=relative, size_bytes=size, station_id=sid))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--pg", default=os.environ.get("INSPECTOR_TEST_PG", "postgresql://postgres@127.0.0.1/postgres")
    )
    parser.add_argument("--inspections", type=int, default=5000)
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--photo-kb", type=int, default=1024)
    parser.add_argument("--returns", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    args = parser.parse_args()
    name = f"inspector_bench_{secrets.token_hex(4)}"
    with psycopg.connect(args.pg, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = args.pg.rpartition("/")[0] + "/" + name
    report: dict[str, Any] = {"database": name, "load_average_at_start": os.getloadavg()}
    try:
        upgrade_central(url)
        with tempfile.TemporaryDirectory(prefix="inspector-bench-") as tmp:
            services = station(Path(tmp) / "up", "BENCH-UP")
            make_inspections(services, args.inspections)
            engine = SyncEngine(services.database, services.photos, services.station, url)
            began, cpu = time.perf_counter(), time.process_time()
            result = engine.run_once()
            took, cpu = time.perf_counter() - began, time.process_time() - cpu
            assert result.ok, result.error
            report["push"] = {
                "inspections": args.inspections,
                "records": sum(result.upload.sent.values()),
                "seconds": round(took, 3),
                "inspections_per_s": round(args.inspections / took),
                "records_per_s": round(sum(result.upload.sent.values()) / took),
                "client_cpu_s": round(cpu, 3),
            }
            make_photos(services, args.photos, args.photo_kb * 1024)
            began, cpu = time.perf_counter(), time.process_time()
            result = engine.run_once()
            took, cpu = time.perf_counter() - began, time.process_time() - cpu
            assert result.ok and result.upload.sent.get("photo") == args.photos, result.error
            megabytes = result.upload.photo_bytes / 1e6
            report["photos"] = {
                "count": args.photos,
                "megabytes": round(megabytes, 1),
                "seconds": round(took, 3),
                "mb_per_s": round(megabytes / took, 1),
                "client_cpu_s": round(cpu, 3),
            }
            services.close()
            began = time.perf_counter()
            announce_returns(
                url,
                (
                    {
                        "warehouse": "BENCH",
                        "rma_number": f"RMA{i:08d}",
                        "customer_name": f"Klant {i}",
                        "tracking_number": f"3SRET{i:09d}",
                        "postcode": "1011AB",
                        "lines": [{"sku": "SKU-1", "category": "apparel"}, {"sku": "SKU-2"}],
                    }
                    for i in range(args.returns)
                ),
            )
            announce_s = time.perf_counter() - began
            fresh = station(Path(tmp) / "down", "BENCH-DOWN")
            engine = SyncEngine(fresh.database, fresh.photos, fresh.station, url)
            began, cpu = time.perf_counter(), time.process_time()
            result = engine.run_once()
            took, cpu = time.perf_counter() - began, time.process_time() - cpu
            assert result.ok and result.download.returns == args.returns, result.error
            report["pull"] = {
                "returns": args.returns,
                "lines": result.download.lines,
                "seconds": round(took, 2),
                "returns_per_s": round(args.returns / took),
                "announce_seconds": round(announce_s, 2),
                "client_cpu_s": round(cpu, 3),
            }
            fresh.close()
        report["targets_met"] = {
            "inspections_per_s>=2000": report["push"]["inspections_per_s"] >= 2000,
            "photo_mb_per_s>=50": report["photos"]["mb_per_s"] >= 50,
            "pull_100k_returns<=30s": report["pull"]["seconds"] <= 30 * args.returns / 100_000,
        }
        report["load_average_at_end"] = os.getloadavg()
    finally:
        if not args.keep:
            with psycopg.connect(args.pg, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
