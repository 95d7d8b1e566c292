"""The audit trail and photos of demo inspections, and writing them.

:class:`Trail` collects one inspection's events, spread over its minutes, and its photo jobs;
:func:`store_photos` renders and stores the photos in threads; :func:`write_events` appends all
collected events to each station's hash chain in time order.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select

from inspector.models import AuditEvent, ItemOutcome, VerificationMethod
from inspector.services.audit import GENESIS_HASH, HASH_VERSION, digest_of
from inspector.services.demo.answers import Checklist, photo_style
from inspector.services.demo.state import ParcelVisit, ReturnInfo, SeedRun, WorkRows, new_uuid
from inspector.services.demo_photos import render_demo_photo
from inspector.services.photo_store import StoredPhoto
from inspector.services.record_hash import SETTLING_ACTIONS, record_fields, record_payload

CHUNK = 5000
PHOTO_THREADS = 4


class Trail:
    """The audit events and photo jobs of one inspection."""

    def __init__(self, run: SeedRun, info: ReturnInfo, parcel: ParcelVisit, started: datetime,
                 finished: datetime, inspection_id: uuid.UUID) -> None:
        self.run = run
        self.info = info
        self.parcel = parcel
        self.started = started
        self.finished = finished
        self.base = {"actor_id": parcel.inspector_id, "entity_type": "inspection", "entity_id": inspection_id,
                     "return_id": info.id, "inspection_id": inspection_id, "photo_hashes": []}

    def at(self, fraction: float) -> datetime:
        """The moment ``fraction`` of the way through the inspection."""
        span = (self.finished - self.started).total_seconds()
        return self.started + timedelta(seconds=round(span * fraction))

    def _event(self, when: datetime, action: str, payload: dict[str, Any], **fields: Any) -> None:
        self.run.event(self.parcel.station_id, when, {**self.base, "action": action, "payload": payload,
                                                      **fields})

    def verified(self, outcome: ItemOutcome, method: VerificationMethod | None, code: str, sku: str,
                 unit_index: int, serial: str) -> None:
        """The item was scanned or matched by hand (or found missing)."""
        self._event(self.at(0.08), "item_verified", {
            "outcome": outcome.value, "method": method.value if method else None, "code": code, "sku": sku,
            "unit_index": unit_index, "serial": serial,
        })

    def answered(self, checklist: Checklist) -> None:
        """The checklist was answered."""
        self._event(self.at(0.45), "answer_given", {
            "checklist_id": checklist.template.id, "checklist_version": checklist.template.version,
            "answers": checklist.answers,
        })

    def photos(self, rows: WorkRows, tags: Sequence[str], category: str, lines: tuple[str, str]) -> None:
        """Photo jobs for ``tags``; their ``photo_added`` events follow once they are stored."""
        rng = self.run.rng
        info = self.info
        parcel = self.parcel
        for k, tag in enumerate(tags):
            taken = self.at(0.2 + 0.12 * k)
            photo_id = new_uuid(rng)
            local = taken.astimezone(parcel.place.zone).strftime("%Y-%m-%d %H:%M:%S")
            style = photo_style(tag)
            rows.photo_jobs.append({
                "category": category, "tag": style, "variant": rng.randrange(4),
                "lines": (f"{info.rma}   {info.tracking}" if style == "label" else info.rma,
                          lines[0], lines[1].format(tag=tag), f"{local} {parcel.station_code}"),
                "station_id": parcel.station_id, "event_at": taken,
                "event": {**self.base, "action": "photo_added",
                          "payload": {"tag": tag, "photo_id": str(photo_id)}},
                "row": {"id": photo_id, "inspection_id": self.base["inspection_id"], "parcel_id": parcel.id,
                        "tag": tag, "mime_type": "image/jpeg", "taken_at": taken,
                        "taken_by_id": parcel.inspector_id, "station_id": parcel.station_id,
                        "source": "camera"},
            })

    def graded(self, grade: dict[str, Any], override: dict[str, Any] | None, label: dict[str, Any]) -> None:
        """The grade was set (and overridden by the supervisor), and the label printed."""
        self._event(self.at(0.8), "grade_set", grade)
        if override is not None:
            self._event(self.at(0.9), "grade_overridden", override, actor_id=self.run.staff.supervisor)
        self._event(self.finished, "label_printed", label)


    def missing(self, note: str) -> None:
        """The unit was not in the parcel: recorded as finished at once."""
        self._event(self.finished, "item_missing", {"note": note})


def settle_records(run: SeedRun, rows: WorkRows) -> None:
    """Give each inspection's latest settling event the hash of its record (after the photos are stored).

    What :class:`~inspector.services.finishing.GradingService` does at the station, for rows the seed
    writes in bulk: the review and evidence packs verify the row shown against it.
    """
    flags: dict[Any, list[str]] = {}
    for row in rows.flags:
        flags.setdefault(row["inspection_id"], []).append(row["flag"])
    hashes: dict[Any, list[str]] = {}
    for job in rows.photo_jobs:
        hashes.setdefault(job["row"]["inspection_id"], []).append(job["row"]["sha256"])
    latest: dict[Any, Any] = {}
    for event in run.events:
        if event.fields.get("action") in SETTLING_ACTIONS and event.fields.get("inspection_id") is not None:
            key = event.fields["inspection_id"]
            if key not in latest or (event.when, event.order) > (latest[key].when, latest[key].order):
                latest[key] = event
    for row in rows.inspections:
        event = latest.get(row["id"])
        if event is None:
            continue
        fields = record_fields(SimpleNamespace(**row), flags.get(row["id"], ()), hashes.get(row["id"], ()))
        event.fields["payload"] = {**event.fields["payload"], **record_payload(fields)}


def store_photos(run: SeedRun, jobs: list[dict[str, Any]], work: int) -> None:
    """Render, store and thumbnail the photos (in threads: encoding and fsync release the GIL)."""
    photos = run.photos

    def make(job: dict[str, Any]) -> StoredPhoto:
        data = render_demo_photo(job["category"], job["tag"], job["lines"], job["variant"])
        stored = photos.store(data)
        photos.make_thumbnail(stored)
        return stored

    reported = 0
    with ThreadPoolExecutor(max_workers=PHOTO_THREADS) as pool:
        for done, (job, stored) in enumerate(zip(jobs, pool.map(make, jobs), strict=True), start=1):
            job["row"].update({
                "sha256": stored.sha256, "file_path": stored.relative_path,
                "thumbnail_path": photos.thumbnail_relative(stored.sha256),
                "size_bytes": stored.size_bytes, "width": stored.width, "height": stored.height,
            })
            run.event(job["station_id"], job["event_at"], {**job["event"], "photo_hashes": [stored.sha256]})
            share = work * done // len(jobs)
            if share > reported:
                run.tick(share - reported)
                reported = share


def write_events(run: SeedRun) -> None:
    """Append the collected events to each station's chain, in time order, with their hashes."""
    rows: list[dict[str, Any]] = []
    by_station: dict[uuid.UUID, list[Any]] = {}
    for event in run.events:
        by_station.setdefault(event.station_id, []).append(event)
    for station_id in sorted(by_station):
        last = run.session.execute(
            select(AuditEvent.seq, AuditEvent.hash)
            .where(AuditEvent.station_id == station_id)
            .order_by(AuditEvent.seq.desc())
            .limit(1)
        ).first()
        seq, prev_hash = (last.seq, last.hash) if last else (0, GENESIS_HASH)
        for event in sorted(by_station[station_id], key=lambda e: (e.when, e.order)):
            seq += 1
            fields = event.fields
            content = {
                "station_id": station_id, "seq": seq, "occurred_at": event.when,
                **{key: fields[key] for key in ("actor_id", "action", "entity_type", "entity_id", "return_id",
                                                "inspection_id")},
                "payload": json.loads(json.dumps(fields["payload"])),
                "photo_hashes": sorted(set(fields["photo_hashes"])), "prev_hash": prev_hash,
            }
            content.update(id=new_uuid(run.rng), hash_version=HASH_VERSION)
            digest = digest_of(SimpleNamespace(**content))
            rows.append({**content, "hash": digest})
            prev_hash = digest
    for start in range(0, len(rows), CHUNK):
        run.session.execute(AuditEvent.__table__.insert(), rows[start:start + CHUNK])
    run.counts["events"] = len(rows)
