"""Photo originals up to central: chunked, resumable, verified by SHA-256 before they count.

:class:`PhotoBlobStore` is the seam: :class:`PostgresPhotoBlobStore` keeps chunks in ``bytea`` rows
keyed ``(photo_id, n)`` (row-level security applies, unlike large objects); an S3-compatible store
can implement the same four methods with multipart uploads and a checksum check on completion.
A photo is complete only when the server itself has hashed all its chunks and found the SHA-256
and size it was recorded with (trigger ``photos_verify``); a damaged upload is dropped and re-sent.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any, Protocol

import psycopg

from inspector.sync.push import Identity

CHUNK_SIZE = 1 << 20


class PhotoBlobStore(Protocol):
    """Where photo originals are kept centrally."""

    chunk_size: int

    def complete(self, cur: psycopg.Cursor[Any], photo_ids: list[uuid.UUID]) -> set[uuid.UUID]:
        """Photos whose original is already stored and verified."""
        ...

    def present_chunks(
        self, cur: psycopg.Cursor[Any], photo_ids: list[uuid.UUID]
    ) -> dict[uuid.UUID, set[int]]:
        """Chunk numbers already stored (committed) per photo, to resume an interrupted upload."""
        ...

    def put_chunks(
        self, cur: psycopg.Cursor[Any], who: Identity, chunks: Iterable[tuple[uuid.UUID, int, bytes]]
    ) -> int:
        """Store chunks; returns the bytes written."""
        ...

    def seal(
        self, cur: psycopg.Cursor[Any], photo_ids: list[uuid.UUID]
    ) -> tuple[set[uuid.UUID], set[uuid.UUID]]:
        """Verify and mark complete; returns (verified, corrupted). Corrupted chunks are discarded."""
        ...


class PostgresPhotoBlobStore:
    """Photo chunks in the central database's ``photo_chunks`` table (the default)."""

    def __init__(self, chunk_size: int = CHUNK_SIZE) -> None:
        self.chunk_size = chunk_size

    def complete(self, cur: psycopg.Cursor[Any], photo_ids: list[uuid.UUID]) -> set[uuid.UUID]:
        """Photos whose original is already stored and verified."""
        cur.execute("SELECT id FROM photos WHERE id = ANY(%s) AND blob_complete", (photo_ids,))
        return {found for (found,) in cur.fetchall()}

    def present_chunks(
        self, cur: psycopg.Cursor[Any], photo_ids: list[uuid.UUID]
    ) -> dict[uuid.UUID, set[int]]:
        """Chunk numbers already stored per photo."""
        cur.execute("SELECT photo_id, n FROM photo_chunks WHERE photo_id = ANY(%s)", (photo_ids,))
        present: dict[uuid.UUID, set[int]] = {}
        for photo_id, n in cur.fetchall():
            present.setdefault(photo_id, set()).add(n)
        return present

    def put_chunks(
        self, cur: psycopg.Cursor[Any], who: Identity, chunks: Iterable[tuple[uuid.UUID, int, bytes]]
    ) -> int:
        """One binary-parameter INSERT of all chunks (COPY is not allowed under row-level security)."""
        rows = list(chunks)
        if not rows:
            return 0
        cur.execute(
            "INSERT INTO photo_chunks (photo_id, n, data, warehouse_id, origin_station_id) "
            "SELECT u.p, u.n, u.d, %s, %s FROM unnest(%s::uuid[], %s::int4[], %b::bytea[]) AS u(p, n, d) "
            "ON CONFLICT DO NOTHING",
            (
                who.warehouse_id,
                who.station_id,
                [r[0] for r in rows],
                [r[1] for r in rows],
                [r[2] for r in rows],
            ),
            binary=True,
        )
        return sum(len(r[2]) for r in rows)

    def seal(
        self, cur: psycopg.Cursor[Any], photo_ids: list[uuid.UUID]
    ) -> tuple[set[uuid.UUID], set[uuid.UUID]]:
        """Ask the server to verify; drop the chunks of photos that failed."""
        cur.execute(
            "UPDATE photos SET blob_complete = true WHERE id = ANY(%s) AND NOT blob_complete "
            "RETURNING id, blob_complete",
            (photo_ids,),
        )
        verified, corrupted = set(), set()
        for photo_id, complete in cur.fetchall():
            (verified if complete else corrupted).add(photo_id)
        if corrupted:
            cur.execute("DELETE FROM photo_chunks WHERE photo_id = ANY(%s)", (list(corrupted),))
        return verified, corrupted
