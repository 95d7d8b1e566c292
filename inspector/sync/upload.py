"""The upload phases of a sync run: records in batches, then photo originals.

Each batch is one central transaction; the outbox entries it covered are acknowledged only after
the commit. A run killed anywhere re-sends at most the unacknowledged batch, which the idempotent
upserts absorb (see :mod:`inspector.sync.push`).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from typing import Any

import psycopg

from inspector.models.database import Database
from inspector.services.photo_store import PhotoStore
from inspector.sync.faults import Faults
from inspector.sync.local_rows import read_batch, read_rows
from inspector.sync.outbox_reader import acknowledge, note_failure
from inspector.sync.photos import PhotoBlobStore
from inspector.sync.push import Identity, upsert_rows
from inspector.sync.tables import PUSH_ORDER, SPECS

log = logging.getLogger(__name__)


@dataclass
class UploadStats:
    """Counts of one run's uploads."""

    sent: dict[str, int] = field(default_factory=dict)
    replays: int = 0
    conflicts: int = 0
    batches: int = 0
    photo_bytes: int = 0
    photos_corrupted: int = 0
    photos_unreadable: int = 0
    people: int = 0  # people's edits central took from this station


def push_records(
    database: Database,
    conn: psycopg.Connection[Any],
    who: Identity,
    faults: Faults,
    stats: UploadStats,
    batch_size: int,
) -> None:
    """Upload every pending non-photo record, batch by batch."""
    while True:
        batch = read_batch(database, batch_size, photos=False)
        if not batch:
            return
        faults.hit("before_send", conn)
        with conn.transaction(), conn.cursor() as cur:
            for kind in PUSH_ORDER:
                versions = batch.versions.get(kind)
                if not versions:
                    continue
                spec = SPECS[kind]
                rows = read_rows(database, spec, list(versions))
                gone = len(versions) - len(rows)
                if gone:
                    log.info("%d %s record(s) were deleted locally before upload", gone, kind)
                outcome = upsert_rows(cur, who, spec, list(rows.values()), versions)
                stats.sent[kind] = stats.sent.get(kind, 0) + len(outcome.written)
                stats.replays += outcome.replays
                stats.conflicts += len(outcome.conflicts)
                for entity_id, reason in outcome.conflicts:
                    log.warning("Conflict recorded centrally for %s %s: %s", kind, entity_id, reason)
                faults.hit("mid_batch", conn)
        faults.hit("after_commit_before_ack", conn)
        acknowledge(database, batch.entry_ids)
        stats.batches += 1
        faults.hit("after_ack", conn)


@dataclass
class _Pending:
    row: dict[str, Any]
    entries: list[int]
    needed: list[int]


def _read_original(photos: PhotoStore, row: dict[str, Any]) -> bytes | None:
    path = photos.path_of(row["file_path"])
    try:
        data = path.read_bytes()
    except OSError as exc:
        log.error("Photo %s cannot be read from %s: %s", row["id"], path, exc)
        return None
    if hashlib.sha256(data).hexdigest() != row["sha256"] or len(data) != row["size_bytes"]:
        log.error("Photo %s on disk no longer matches its SHA-256; it cannot be uploaded", row["id"])
        return None
    return data


def push_photos(
    database: Database,
    photos: PhotoStore,
    conn: psycopg.Connection[Any],
    who: Identity,
    blobs: PhotoBlobStore,
    faults: Faults,
    stats: UploadStats,
    *,
    batch_photos: int = 64,
    max_tx_bytes: int = 32 << 20,
) -> None:
    """Upload pending photos: metadata, missing chunks, server-side verification, then acknowledge."""
    spec = SPECS["photo"]
    after = 0
    retried: set[str] = set()
    while True:
        batch = read_batch(database, batch_photos, photos=True, after=after)
        if not batch:
            return
        versions = batch.versions["photo"]
        uploads = read_rows(database, spec, list(versions))
        rows = {key: upload.as_dict(spec) for key, upload in uploads.items()}
        done: list[int] = [e for key, ids in batch.entries_of.items() if key[1] not in rows for e in ids]
        with conn.transaction(), conn.cursor() as cur:
            outcome = upsert_rows(cur, who, spec, list(uploads.values()), versions)
            stats.conflicts += len(outcome.conflicts)
            stats.replays += outcome.replays
            conflicted = {entity_id for entity_id, _ in outcome.conflicts}
            ids = [i for i in rows if i not in conflicted]
            complete = blobs.complete(cur, ids)
            present = blobs.present_chunks(cur, [i for i in ids if i not in complete])
        stats.sent["photo"] = stats.sent.get("photo", 0) + len(outcome.written)
        for photo_id in conflicted | complete:
            done.extend(batch.entries_of[("photo", photo_id)])
        todo: list[_Pending] = []
        for photo_id in ids:
            if photo_id in complete:
                continue
            count = max(1, -(-rows[photo_id]["size_bytes"] // blobs.chunk_size))
            needed = [n for n in range(count) if n not in present.get(photo_id, set())]
            todo.append(_Pending(rows[photo_id], batch.entries_of[("photo", photo_id)], needed))
        acknowledge(database, done)
        corrupted = _send_chunks(database, photos, conn, who, blobs, faults, stats, todo, max_tx_bytes)
        if corrupted - retried:
            retried |= corrupted
            continue  # re-read the same entries: the damaged photos are sent again at once
        after = batch.entry_ids[-1]


def _send_chunks(
    database: Database,
    photos: PhotoStore,
    conn: psycopg.Connection[Any],
    who: Identity,
    blobs: PhotoBlobStore,
    faults: Faults,
    stats: UploadStats,
    todo: list[_Pending],
    max_tx_bytes: int,
) -> set[str]:
    """Send the missing chunks in transactions of at most ``max_tx_bytes``; seal finished photos."""
    corrupted_all: set[str] = set()
    queue: list[tuple[_Pending, bytes]] = []
    for item in todo:
        data = _read_original(photos, item.row)
        if data is None:
            stats.photos_unreadable += 1
            note_failure(database, item.entries, "the photo file is missing or damaged on this station")
            continue
        queue.append((item, data))
    size = blobs.chunk_size
    while queue:
        chunk_rows: list[tuple[str, int, bytes | memoryview]] = []
        sealing: list[_Pending] = []
        budget = max_tx_bytes
        while queue and budget > 0:
            item, data = queue[0]
            while item.needed and budget > 0:
                n = item.needed.pop(0)
                piece: bytes | memoryview = memoryview(data)[n * size : (n + 1) * size]
                if faults.corrupt("corrupt_photo_chunk"):
                    piece = bytes([piece[0] ^ 0xFF]) + piece[1:]
                chunk_rows.append((item.row["id"], n, piece))
                budget -= len(piece)
            if not item.needed:
                sealing.append(item)
                queue.pop(0)
        with conn.transaction(), conn.cursor() as cur:
            stats.photo_bytes += blobs.put_chunks(cur, who, chunk_rows)
            faults.hit("photo_mid_upload", conn)
            verified, corrupted = (
                blobs.seal(cur, [item.row["id"] for item in sealing]) if sealing else (set(), set())
            )
        if corrupted:
            stats.photos_corrupted += len(corrupted)
            corrupted_all |= corrupted
            log.warning(
                "%d photo(s) arrived damaged (SHA-256 mismatch) and will be sent again", len(corrupted)
            )
        faults.hit("after_commit_before_ack", conn)
        acknowledge(database, [e for item in sealing if item.row["id"] in verified for e in item.entries])
    return corrupted_all
