"""Flapping-network stress run (SYNC.md scenario 4): many stations, connections cut at random.

    python scripts/sync_stress.py --central postgresql://postgres@127.0.0.1/DB [--stations 6] [--seconds 20]

Each station thread records parcels with audit events and syncs in a loop while a chaos thread
terminates random sync connections of the --central database (never another database's: the
filter is on the database name as well as the application name). At the end every station syncs
once more; the script prints JSON and exits non-zero unless every outbox is empty and central holds
exactly each station's rows. Give it a database of its own (it adds a warehouse STRESS to it).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from inspector.app import build_services
from inspector.config import Settings, save_settings
from inspector.models import Parcel
from inspector.services.audit import append_event
from inspector.sync.engine import SyncEngine
from inspector.sync.outbox_reader import pending_summary

SYNC_APPLICATION = "return-inspector-sync"  # what inspector.sync.urls.connect names its connections


def terminate_sync_connections(
    conn: psycopg.Connection, probability: float = 0.5, application_name: str = SYNC_APPLICATION
) -> int:
    """Terminate each sync connection to ``conn``'s own database with ``probability``; how many were cut.

    Only connections of this database (``datname = current_database()``): a shared server's other
    databases and their stations are never touched.
    """
    row = conn.execute(
        "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
        "WHERE datname = current_database() AND application_name = %s AND pid <> pg_backend_pid() "
        "AND random() < %s",
        (application_name, probability),
    ).fetchone()
    return int(row[0]) if row else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--central", required=True)
    parser.add_argument("--stations", type=int, default=6)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    stop = threading.Event()
    tag = f"{random.randrange(16**6):06X}"
    made: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="inspector-stress-") as tmp:
        stations = []
        for n in range(args.stations):
            root = Path(tmp) / f"s{n}"
            root.mkdir()
            save_settings(
                root / "settings.toml", Settings(station_code=f"STRESS-{tag}-{n}", warehouse_code="STRESS")
            )
            stations.append(build_services(root))

        def work(services) -> None:  # type: ignore[no-untyped-def]
            engine = SyncEngine(
                services.database, services.photos, services.station, args.central, batch_size=7
            )
            code = services.station.station_code
            while not stop.is_set():
                with services.database.session() as session:
                    parcel = Parcel(
                        tracking_number=f"3S{code}{made.get(code, 0)}", station_id=services.station.station_id
                    )
                    session.add(parcel)
                    session.flush()
                    append_event(
                        session,
                        station_id=services.station.station_id,
                        action="parcel_received",
                        entity_id=parcel.id,
                    )
                made[code] = made.get(code, 0) + 1
                engine.run_once()

        def chaos() -> None:
            with psycopg.connect(args.central, autocommit=True) as conn:
                while not stop.wait(random.uniform(0.05, 0.3)):
                    terminate_sync_connections(conn)

        threads = [threading.Thread(target=work, args=(s,)) for s in stations] + [
            threading.Thread(target=chaos)
        ]
        for thread in threads:
            thread.start()
        time.sleep(args.seconds)
        stop.set()
        for thread in threads:
            thread.join()
        report: dict[str, object] = {"stations": {}}
        ok = True
        with psycopg.connect(args.central) as conn:
            for services in stations:
                result = SyncEngine(
                    services.database, services.photos, services.station, args.central
                ).run_once()
                row = conn.execute(
                    "SELECT count(*) FROM parcels WHERE origin_station_id = %s",
                    (services.station.station_id,),
                ).fetchone()
                central = int(row[0]) if row else -1
                code = services.station.station_code
                pending = pending_summary(services.database)[0]
                good = result.ok and pending == 0 and central == made.get(code, 0)
                ok &= good
                report["stations"][code] = {
                    "made": made.get(code, 0),
                    "central": central,
                    "pending": pending,  # type: ignore[index]
                    "ok": good,
                }
                services.close()
        report["ok"] = ok
    print(json.dumps(report, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
