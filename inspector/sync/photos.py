"""Photo originals up to central: chunked, resumable, verified by SHA-256 before they count.

:class:`PhotoBlobStore` is the seam: :class:`PostgresPhotoBlobStore` keeps chunks in ``bytea`` rows
keyed ``(photo_id, n)`` (row-level security applies, unlike large objects); an S3-compatible store
can implement the same four methods with multipart uploads and a checksum check on completion.
A photo is complete only when the server itself has hashed all its chunks and found the SHA-256
and size it was recorded with (trigger ``photos_verify``); a damaged upload is dropped and re-sent.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

import psycopg

from inspector.sync.push import Identity

CHUNK_SIZE = 1 << 20


class PhotoBlobStore(Protocol):
    """Where photo originals are kept centrally."""

    chunk_size: int

    def complete(self, cur: psycopg.Cursor[Any], photo_ids: list[str]) -> set[str]:
        """Photos whose original is already stored and verified."""
        ...

    def present_chunks(self, cur: psycopg.Cursor[Any], photo_ids: list[str]) -> dict[str, set[int]]:
        """Chunk numbers already stored (committed) per photo, to resume an interrupted upload."""
        ...

    def put_chunks(
        self, cur: psycopg.Cursor[Any], who: Identity, chunks: Iterable[tuple[str, int, bytes]]
    ) -> int:
        """Store chunks; returns the bytes written."""
        ...

    def seal(self, cur: psycopg.Cursor[Any], photo_ids: list[str]) -> tuple[set[str], set[str]]:
        """Verify and mark complete; returns (verified, corrupted). Corrupted chunks are discarded."""
        ...


class PostgresPhotoBlobStore:
    """Photo chunks in the central database's ``photo_chunks`` table (the default)."""

    def __init__(self, chunk_size: int = CHUNK_SIZE) -> None:
        self.chunk_size = chunk_size

    def complete(self, cur: psycopg.Cursor[Any], photo_ids: list[str]) -> set[str]:
        """Photos whose original is already stored and verified."""
        cur.execute("SELECT id::text FROM photos WHERE id = ANY(%s::uuid[]) AND blob_complete", (photo_ids,))
        return {found for (found,) in cur.fetchall()}

    def present_chunks(self, cur: psycopg.Cursor[Any], photo_ids: list[str]) -> dict[str, set[int]]:
        """Chunk numbers already stored per photo."""
        cur.execute(
            "SELECT photo_id::text, n FROM photo_chunks WHERE photo_id = ANY(%s::uuid[])", (photo_ids,)
        )
        present: dict[str, set[int]] = {}
        for photo_id, n in cur.fetchall():
            present.setdefault(photo_id, set()).add(n)
        return present

    def put_chunks(
        self, cur: psycopg.Cursor[Any], who: Identity, chunks: Iterable[tuple[str, int, bytes]]
    ) -> int:
        """One INSERT per chunk, pipelined (bytes sent binary, never copied into an array); the server
        hashes each chunk as it stores it (trigger ``photo_chunks_hash``)."""
        rows = [(photo_id, n, data, who.warehouse_id, who.station_id) for photo_id, n, data in chunks]
        cur.executemany(
            "INSERT INTO photo_chunks (photo_id, n, data, warehouse_id, origin_station_id) "
            "VALUES (%s::uuid, %s, %b, %s, %s) ON CONFLICT DO NOTHING",
            rows,
        )
        return sum(len(row[2]) for row in rows)

    def seal(self, cur: psycopg.Cursor[Any], photo_ids: list[str]) -> tuple[set[str], set[str]]:
        """Ask the server to verify; drop the chunks of photos that failed."""
        cur.execute(
            "UPDATE photos SET blob_complete = true WHERE id = ANY(%s::uuid[]) AND NOT blob_complete "
            "RETURNING id::text, blob_complete",
            (photo_ids,),
        )
        verified, corrupted = set(), set()
        for photo_id, complete in cur.fetchall():
            (verified if complete else corrupted).add(photo_id)
        if corrupted:
            cur.execute("DELETE FROM photo_chunks WHERE photo_id = ANY(%s::uuid[])", (list(corrupted),))
        return verified, corrupted
