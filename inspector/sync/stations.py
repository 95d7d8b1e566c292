"""The stations of each warehouse as central sees them: ``inspector central stations`` and the Reports page.

Each station writes its own ``station_reports`` row at the end of every sync (:func:`report_sync`); the
overview joins it with the station's newest audit event (its chain head as central holds it) and the
conflicts not yet resolved that name the station (its alarms). Through a station's login, row-level
security shows the stations of its own warehouse; through the admin URL, every warehouse.

Columns for what issue 11 §3 adds (signed chain heads, the station's registered key, chain alarms) are
present and empty until that lands: ``head_signed``, ``key_registered``, ``chain_alarm``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

import psycopg

from inspector import __version__

OVERVIEW_SQL = """
SELECT w.code, s.code, s.name, s.registered_at, r.last_sync_at, r.pending, r.oldest_pending_at, r.app_version,
       a.seq, a.hash, a.occurred_at,
       (SELECT count(*) FROM conflicts c WHERE c.resolved_at IS NULL
           AND (c.station_id = s.id OR c.other_station_id = s.id)) AS open_conflicts
FROM stations s
JOIN warehouses w ON w.id = s.warehouse_id
LEFT JOIN station_reports r ON r.station_id = s.id
LEFT JOIN LATERAL (SELECT e.seq, e.hash, e.occurred_at FROM audit_events e WHERE e.station_id = s.id
                   ORDER BY e.seq DESC LIMIT 1) a ON true
ORDER BY w.code, s.code
"""

_REPORT = (
    "INSERT INTO station_reports (station_id, warehouse_id, last_sync_at, pending, oldest_pending_at, "
    "app_version) VALUES (%s, %s, now(), %s, %s, %s) ON CONFLICT (station_id) DO UPDATE SET "
    "last_sync_at = now(), pending = EXCLUDED.pending, oldest_pending_at = EXCLUDED.oldest_pending_at, "
    "app_version = EXCLUDED.app_version"
)


@dataclass(frozen=True)
class StationRow:
    """One station of the overview."""

    warehouse: str
    station: str
    name: str
    registered_at: datetime | None
    last_sync_at: datetime | None
    pending: int | None
    oldest_pending_at: datetime | None
    app_version: str
    chain_seq: int | None
    chain_hash: str | None
    chain_at: datetime | None
    open_conflicts: int
    head_signed: bool | None = None  # issue 11 §3 (sec-chain): the head's signature verified centrally
    key_registered: bool | None = None  # issue 11 §3: the station's public key is registered
    chain_alarm: str | None = None  # issue 11 §3: a shorter, forked or rewritten chain

    def to_json(self) -> dict[str, Any]:
        """Plain values (times as ISO text)."""
        return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in asdict(self).items()}


def station_rows(rows: list[tuple[Any, ...]]) -> list[StationRow]:
    """Rows of :data:`OVERVIEW_SQL` (from psycopg or SQLAlchemy) as :class:`StationRow`."""
    return [StationRow(r[0], r[1], r[2] or r[1], r[3], r[4], r[5], r[6], r[7] or "", r[8], r[9], r[10],
                       int(r[11] or 0)) for r in rows]


def station_overview(url: str) -> list[StationRow]:
    """Every station the URL's login may see, by warehouse and station code."""
    from inspector.sync.urls import connect

    with connect(url) as conn, conn.cursor() as cur:
        cur.execute(OVERVIEW_SQL)
        return station_rows(cur.fetchall())


def report_sync(conn: psycopg.Connection[Any], station_id: Any, warehouse_id: Any, pending: int,
                oldest: Any) -> None:
    """Record, centrally, that this station has just synced (and what it still has to send)."""
    if isinstance(oldest, str):  # SQLite's stored form of a UTC time
        oldest = datetime.fromisoformat(oldest).replace(tzinfo=UTC)
    with conn.transaction():
        conn.execute(_REPORT, (station_id, warehouse_id, pending, oldest, __version__))


def _age(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "never"
    seconds = int((now - moment).total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{seconds // size} {unit} ago"
    return "just now"


def format_overview(rows: list[StationRow], now: datetime | None = None) -> str:
    """The overview as a plain table for the console."""
    now = now or datetime.now(UTC)
    header = ("WAREHOUSE", "STATION", "NAME", "LAST SYNC", "PENDING", "CHAIN HEAD", "ALARMS", "VERSION")
    lines = [header]
    for row in rows:
        head = f"#{row.chain_seq} {row.chain_hash[:12]}" if row.chain_seq else "-"
        alarms = f"{row.open_conflicts} conflict(s)" if row.open_conflicts else "-"
        pending = "?" if row.pending is None else str(row.pending)
        last, version = _age(row.last_sync_at, now), row.app_version or "-"
        lines.append((row.warehouse, row.station, row.name, last, pending, head, alarms, version))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
                     for line in lines) + "\n"
