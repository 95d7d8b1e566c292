"""Grouping records into returns without holding a big file in memory.

The rows of one return share its RMA number and need not be next to each other, so a return is
only whole at the end of the file. :class:`Groups` keeps up to :data:`IN_MEMORY` records in memory
(small files: as fast as a dict); past that, every record goes to a temporary SQLite file on disk
and the returns are read back from it grouped by RMA number. Memory stays flat for any file size.
"""

from __future__ import annotations

import pickle
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

from inspector.services.returns_import.reading import _Record

IN_MEMORY = 20_000
"""Records kept in memory before the grouping moves to a temporary file."""


def _key(record: _Record) -> str:
    return record.rma_key() or f"\x00line {record.line:012d}"  # no RMA: a group of its own


class Groups:
    """Collects records (:meth:`add`) and hands them out grouped by return (:meth:`returns`)."""

    def __init__(self, in_memory: int | None = None) -> None:
        self._limit = IN_MEMORY if in_memory is None else in_memory
        self._memory: dict[str, list[_Record]] = {}
        self._count = 0
        self._spill: sqlite3.Connection | None = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None

    def add(self, record: _Record) -> None:
        """Keep ``record`` until the file is read."""
        self._count += 1
        if self._spill is None and self._count > self._limit:
            self._start_spilling()
        if self._spill is not None:
            self._spill.execute(
                "INSERT INTO records (key, data) VALUES (?, ?)",
                (_key(record), pickle.dumps(record, pickle.HIGHEST_PROTOCOL)),
            )
        else:
            self._memory.setdefault(_key(record), []).append(record)

    def _start_spilling(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="inspector-import-")
        self._spill = sqlite3.connect(Path(self._folder.name) / "records.sqlite3", isolation_level=None)
        self._spill.execute("PRAGMA journal_mode = OFF")
        self._spill.execute("PRAGMA synchronous = OFF")
        self._spill.execute("CREATE TABLE records (seq INTEGER PRIMARY KEY, key TEXT NOT NULL, data BLOB)")
        self._spill.execute("BEGIN")
        for key, records in self._memory.items():
            for record in records:
                self._spill.execute(
                    "INSERT INTO records (key, data) VALUES (?, ?)",
                    (key, pickle.dumps(record, pickle.HIGHEST_PROTOCOL)),
                )
        self._memory.clear()

    @property
    def spilled(self) -> bool:
        """True once the records went to the temporary file."""
        return self._spill is not None

    def count(self) -> int:
        """How many returns (groups) there are."""
        if self._spill is None:
            return len(self._memory)
        self._finish_writing()
        return int(self._spill.execute("SELECT count(DISTINCT key) FROM records").fetchone()[0])

    def _finish_writing(self) -> None:
        assert self._spill is not None
        if self._spill.in_transaction:
            self._spill.execute("COMMIT")
            self._spill.execute("CREATE INDEX records_key ON records (key, seq)")

    def returns(self) -> Iterator[tuple[str, list[_Record]]]:
        """(RMA, its records in file order) per return; '' for a record without an RMA number."""
        if self._spill is None:
            for key, members in self._memory.items():
                yield ("" if key.startswith("\x00") else key), members
            return
        self._finish_writing()
        key, members = None, []
        for row_key, data in self._spill.execute("SELECT key, data FROM records ORDER BY key, seq"):
            if row_key != key and members:
                yield ("" if key.startswith("\x00") else key), members  # type: ignore[union-attr]
                members = []
            key = row_key
            members.append(pickle.loads(data))
        if members:
            yield ("" if key.startswith("\x00") else key), members  # type: ignore[union-attr]

    def close(self) -> None:
        """Remove the temporary file."""
        if self._spill is not None:
            self._spill.close()
            self._spill = None
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None
        self._memory.clear()

    def __enter__(self) -> Groups:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

