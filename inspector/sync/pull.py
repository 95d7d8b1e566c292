"""Down: announced returns, their lines and conflicts, pulled incrementally from the change feed.

The cursor is the server's ``(txid, seq)`` of the last change applied, never a client clock. Only
changes of transactions older than every transaction still running are served
(``txid < pg_snapshot_xmin(pg_current_snapshot())``), so a transaction that commits late is never
skipped: it stalls the feed until it ends (PgQ's rule, docs/SYNC.md pitfall 1). A page is applied
and its cursor stored in one local transaction.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Any

import psycopg
from sqlalchemy import select

from inspector.models import Inspection, Parcel, Return, SyncState
from inspector.models.database import Database
from inspector.services.audit import append_event
from inspector.services.record_hash import settle_payload
from inspector.sync.local_apply import apply_lines, apply_returns, delete_lines, delete_returns, stored_form
from inspector.sync.tables import SPECS

log = logging.getLogger(__name__)

CURSOR_KEY = "central.cursor"
PULL_CACHE_KIB = 64 << 10  # SQLite page cache while applying a pull (per connection)
EPOCH_KEY = "central.epoch"

# What flows down: the announcement's columns (the same names and types as the upload specs).
RETURN_COLUMNS = tuple(column for column in SPECS["return"].columns if column[0] != "source")
LINE_COLUMNS = SPECS["return_line"].columns


@dataclass(frozen=True)
class Cursor:
    """A position in the central change feed."""

    txid: int = 0
    seq: int = 0

    def encode(self) -> str:
        """The text stored in ``sync_state``."""
        return f"{self.txid}:{self.seq}"

    @classmethod
    def decode(cls, text: str | None) -> Cursor:
        """Parse a stored cursor (empty: the beginning)."""
        if not text:
            return cls()
        txid, _, seq = text.partition(":")
        return cls(int(txid), int(seq))


def read_state(database: Database, key: str) -> str | None:
    """A value of the local sync state."""
    with database.session_factory() as session:
        state = session.get(SyncState, key)
        return state.value if state else None


def write_state(session: Any, key: str, value: str) -> None:
    """Set a value of the local sync state inside the caller's transaction."""
    state = session.get(SyncState, key)
    if state is None:
        session.add(SyncState(key=key, value=value))
    else:
        state.value = value


@dataclass
class PullStats:
    """What one pull applied."""

    changes: int = 0
    returns: int = 0
    lines: int = 0
    deleted: int = 0
    conflicts: int = 0
    pages: int = 0
    people: int = 0


def pull(
    database: Database,
    conn: psycopg.Connection[Any],
    central_warehouse: uuid.UUID,
    local_warehouse: uuid.UUID,
    station_id: uuid.UUID,
    page_size: int = 20_000,
) -> PullStats:
    """Apply every served change after the stored cursor, page by page."""
    stats = PullStats()
    cursor = Cursor.decode(read_state(database, CURSOR_KEY))
    while True:
        with conn.transaction(), conn.cursor() as cur:
            cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cur.execute(
                "SELECT txid::text, seq, entity_type, entity_id, op FROM changes "
                "WHERE warehouse_id = %s AND (txid, seq) > (%s::text::xid8, %s) "
                "AND txid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY txid, seq LIMIT %s",
                (central_warehouse, str(cursor.txid), cursor.seq, page_size),
            )
            page = cur.fetchall()
            if not page:
                return stats
            latest: dict[tuple[str, uuid.UUID], tuple[str, int]] = {}
            for _txid, seq, kind, entity_id, op in page:
                latest[(kind, entity_id)] = (op, seq)
            ids = {
                kind: [key[1] for key in latest if key[0] == kind]
                for kind in ("return", "return_line", "conflict")
            }
            returns = _rows(cur, "returns", RETURN_COLUMNS, ids["return"])
            lines = _rows(cur, "return_lines", LINE_COLUMNS, ids["return_line"])
            cur.execute(
                "SELECT kind, entity_type, entity_id, other_id FROM conflicts WHERE id = ANY(%s) "
                "AND resolved_at IS NULL",
                (ids["conflict"],),
            )
            conflicts = cur.fetchall()
        found = {row[0] for row in returns} | {row[0] for row in lines}  # ids as SQLite keeps them (hex)
        gone_returns = [e for (k, e), _ in latest.items() if k == "return" and e.hex not in found]
        gone_lines = [e for (k, e), _ in latest.items() if k == "return_line" and e.hex not in found]
        seq_of = {e.hex: seq for (k, e), (_, seq) in latest.items() if k == "return"}
        return_names = [name for name, _ in RETURN_COLUMNS] + ["central_seq"]
        return_values = [[*row, seq_of[row[0]]] for row in returns]
        last = page[-1]
        cursor = Cursor(int(last[0]), int(last[1]))
        with database.session() as session:  # the page and its cursor: one local transaction
            session.info["sync_pull"] = True
            connection = session.connection()
            # A first pull writes ~10 indexes of two tables at random (UUID) keys: keep their pages in memory.
            connection.exec_driver_sql(f"PRAGMA cache_size = -{PULL_CACHE_KIB}")
            stats.returns += apply_returns(connection, return_names, return_values, local_warehouse)
            line_names = [name for name, _ in LINE_COLUMNS]
            stats.lines += apply_lines(connection, line_names, lines)
            stats.deleted += delete_lines(session, gone_lines) + delete_returns(session, gone_returns)
            write_state(session, CURSOR_KEY, cursor.encode())
        stats.conflicts += flag_conflicts(database, conflicts)
        stats.changes += len(page)
        stats.pages += 1


def _rows(
    cur: psycopg.Cursor[Any], table: str, columns: tuple[tuple[str, str], ...], ids: list[uuid.UUID]
) -> list[list[Any]]:
    """The current central rows of ``ids``, in ``columns`` order and SQLite's stored form, ``id`` first."""
    cur.execute(f"SELECT {stored_form(columns)} FROM {table} WHERE id = ANY(%s)", (ids,))
    return [list(row) for row in cur.fetchall()]


def flag_conflicts(database: Database, conflicts: list[tuple[Any, ...]]) -> int:
    """Flag this station's records named in pulled conflicts.

    This is a normal (uploaded) change: the owning station records the flag on its own row and
    sends it back up, so central and station agree. Records of other stations are not stored here.
    """
    flagged = 0
    if not conflicts:
        return 0
    with database.session() as session:
        for _kind, entity_type, entity_id, other_id in conflicts:
            ids = [i for i in (entity_id, other_id) if i is not None]
            if entity_type == "parcel":
                for parcel in session.scalars(select(Parcel).where(Parcel.id.in_(ids))):
                    if not parcel.conflict or "conflict" not in parcel.flags:
                        parcel.conflict = True
                        parcel.flags = sorted({*parcel.flags, "conflict"})
                        flagged += 1
            elif entity_type == "inspection":
                for inspection in session.scalars(select(Inspection).where(Inspection.id.in_(ids))):
                    if "conflict" not in inspection.flags:
                        inspection.add_flag("conflict")
                        flagged += 1
                        if inspection.finished_at is not None and inspection.station_id is not None:
                            # A settled record changed: the event re-settles it (record hash).
                            append_event(session, station_id=inspection.station_id,
                                         action="inspection_flagged", entity_type="inspection",
                                         entity_id=inspection.id, return_id=inspection.return_id,
                                         inspection_id=inspection.id, payload={
                                             "flag": "conflict", **settle_payload(session, inspection)})
    return flagged


def reset_cursor(database: Database) -> None:
    """Start the pull from the beginning (after the central history changed)."""
    with database.session() as session:
        session.info["sync_pull"] = True
        write_state(session, CURSOR_KEY, Cursor().encode())


__all__ = ["CURSOR_KEY", "EPOCH_KEY", "Cursor", "PullStats", "Return", "pull", "reset_cursor"]
