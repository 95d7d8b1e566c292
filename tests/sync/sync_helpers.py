"""Station-side helpers for the sync tests: build stations, record activity, compare with central."""

from __future__ import annotations

import io
import random
import uuid
from pathlib import Path
from typing import Any

import psycopg
from PIL import Image
from sqlalchemy import func, select

from inspector.app import Services, build_services
from inspector.config import Settings, save_settings
from inspector.models import (
    Dispute,
    DisputeEntry,
    DisputeParty,
    Grade,
    Inspection,
    InspectionStatus,
    OutboxEntry,
    OutboxState,
    Parcel,
    Photo,
    Return,
    ReturnLine,
    utcnow,
)
from inspector.services.audit import append_event
from inspector.services.record_hash import settle_payload
from inspector.sync.outbox_reader import load_rows
from inspector.sync.tables import SPECS, payload_hash


def make_station(root: Path, warehouse: str, station: str) -> Services:
    """A fresh station data directory configured for ``warehouse``/``station``."""
    root.mkdir(parents=True, exist_ok=True)
    save_settings(root / "settings.toml", Settings(station_code=station, warehouse_code=warehouse))
    return build_services(root)


def jpeg_bytes(seed: int, size: int = 24) -> bytes:
    """A small, unique JPEG."""
    rng = random.Random(seed)
    image = Image.new("RGB", (size, size), (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    for _ in range(8):
        image.putpixel(
            (rng.randrange(size), rng.randrange(size)), (rng.randrange(256), 0, rng.randrange(256))
        )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def record_activity(
    services: Services,
    count: int,
    *,
    seed: int = 0,
    tracking: str = "",
    return_line_ids: list[uuid.UUID] | None = None,
    photo_size: int = 24,
    finish: bool = True,
) -> list[uuid.UUID]:
    """Receive ``count`` parcels, inspect one unit each (with a flag, a photo, audit events).

    Returns the inspection ids. ``tracking`` fixes the tracking number (to provoke conflicts).
    """
    rng = random.Random(seed)
    station = services.station
    ids: list[uuid.UUID] = []
    with services.database.session() as session:
        for i in range(count):
            code = tracking or f"3S{station.station_code}{seed:04d}{i:06d}"
            parcel = Parcel(
                tracking_number=code, scanned_code=code, carrier="postnl", station_id=station.station_id
            )
            session.add(parcel)
            session.flush()
            line_id = return_line_ids[i % len(return_line_ids)] if return_line_ids else None
            inspection = Inspection(
                parcel_id=parcel.id,
                return_line_id=line_id,
                station_id=station.station_id,
                answers={"tags": "attached", "n": i},
                checklist_id="apparel",
            )
            inspection.add_flag("late" if i % 2 else "damaged_in_transit")
            session.add(inspection)
            session.flush()
            stored = services.photos.store(jpeg_bytes(seed * 100_003 + i + rng.randrange(1000), photo_size))
            photo = Photo(
                sha256=stored.sha256,
                inspection_id=inspection.id,
                file_path=stored.relative_path,
                size_bytes=stored.size_bytes,
                width=stored.width,
                height=stored.height,
                station_id=station.station_id,
            )
            session.add(photo)
            append_event(
                session,
                station_id=station.station_id,
                action="parcel_received",
                entity_type="parcel",
                entity_id=parcel.id,
                payload={"tracking": code},
            )
            if finish:
                inspection.status = InspectionStatus.FINISHED
                inspection.final_grade = Grade.RESTOCK
                inspection.finished_at = utcnow()
            # A finished record is settled by the event that carries its record hash (here the photo's,
            # to keep the event count of these fixtures; the station's own finish() uses grade_set).
            append_event(
                session,
                station_id=station.station_id,
                action="photo_added",
                entity_type="photo",
                entity_id=photo.id,
                inspection_id=inspection.id,
                photo_hashes=[stored.sha256],
                payload=settle_payload(session, inspection) if finish else None,
            )
            if i % 10 == 0:
                dispute = Dispute(inspection_id=inspection.id, party=DisputeParty.CUSTOMER, reference=f"D{i}")
                dispute.entries.append(DisputeEntry(kind="note", text="customer disagrees"))
                session.add(dispute)
            ids.append(inspection.id)
    return ids


def pending(services: Services) -> int:
    """Pending outbox entries."""
    with services.database.session() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == OutboxState.PENDING)
            )
            or 0
        )


def local_hashes(services: Services, kind: str) -> dict[uuid.UUID, str]:
    """id -> payload hash of every local row of an uploaded kind made at this station."""
    spec = SPECS[kind]
    with services.database.engine.connect() as connection:
        ids = list(connection.scalars(select(spec.local.c.id)))
    rows = load_rows(services.database, spec, ids)
    return {key: payload_hash(spec, row, row.get("_flags")) for key, row in rows.items()}


def central_hashes(url: str, kind: str, station_id: uuid.UUID) -> dict[uuid.UUID, str]:
    """id -> payload hash of the central rows this station uploaded."""
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            f"SELECT id, payload_hash FROM {SPECS[kind].table} WHERE origin_station_id = %s", (station_id,)
        ).fetchall()
    return dict(rows)


def assert_converged(services: Services, url: str) -> dict[str, int]:
    """Outbox empty, SQLite intact, and every uploaded table equal (ids and payload hashes) on both sides.

    Also: every photo verified complete centrally with the right SHA-256, and the station's
    announced returns equal to central's. Returns the per-kind counts.
    """
    assert pending(services) == 0, "outbox not empty"
    assert services.database.check_integrity() == "ok"
    counts: dict[str, int] = {}
    station_id = services.station.station_id
    for kind in SPECS:
        local = local_hashes(services, kind)
        if kind in ("return", "return_line"):
            local = {k: v for k, v in local.items() if k in _unannounced_ids(services, kind)}
        central = central_hashes(url, kind, station_id)
        assert local == central, f"{kind}: {len(local)} local vs {len(central)} central rows differ"
        counts[kind] = len(local)
    with psycopg.connect(url) as conn:
        bad = conn.execute(
            "SELECT count(*) FROM photos p WHERE origin_station_id = %s AND (NOT blob_complete OR sha256 <> "
            "(SELECT encode(sha256(string_agg(data, ''::bytea ORDER BY n)), 'hex') FROM photo_chunks "
            "WHERE photo_id = p.id))",
            (station_id,),
        ).fetchone()
        assert bad is not None and bad[0] == 0, "photos incomplete or damaged centrally"
        flags = conn.execute(
            "SELECT count(*) FROM inspection_flags WHERE origin_station_id = %s", (station_id,)
        ).fetchone()
        central_returns = set(
            conn.execute(
                "SELECT r.id FROM returns r JOIN warehouses w ON w.id = r.warehouse_id "
                "WHERE w.code = %s AND r.origin_station_id IS NULL",
                (services.station.warehouse_code,),
            ).fetchall()
        )
    with services.database.session() as session:
        local_flags = session.scalar(
            select(func.count()).select_from(Inspection.__table__.metadata.tables["inspection_flags"])
        )
        local_returns = {(i,) for i in session.scalars(select(Return.id).where(Return.source == "central"))}
    assert flags is not None and flags[0] == local_flags
    assert local_returns == central_returns
    return counts


def _unannounced_ids(services: Services, kind: str) -> set[uuid.UUID]:
    with services.database.session() as session:
        if kind == "return":
            return set(session.scalars(select(Return.id).where(Return.source == "unannounced")))
        return set(session.scalars(select(ReturnLine.id).join(Return).where(Return.source == "unannounced")))


def count_central(url: str, table: str, where: str = "true", params: Any = ()) -> int:
    """A row count on the central database."""
    with psycopg.connect(url) as conn:
        row = conn.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()
    return int(row[0]) if row else 0


def run_until(engine: Any, done: Any, timeout_s: float = 90) -> Any:
    """Sync until ``done(total PullStats)``; returns the summed pull stats.

    The feed serves only changes older than every running transaction *in the cluster* (xids are
    cluster-wide), so another database's long transaction on a shared test server stalls (never
    loses) a pull; this waits it out.
    """
    import time

    from inspector.sync.pull import PullStats

    total = PullStats()
    deadline = time.monotonic() + timeout_s
    while True:
        result = engine.run_once()
        assert result.ok, result.error
        for name in ("changes", "returns", "lines", "deleted", "conflicts", "pages"):
            setattr(total, name, getattr(total, name) + getattr(result.download, name))
        if done(total) or time.monotonic() > deadline:
            return total
        time.sleep(0.2)
