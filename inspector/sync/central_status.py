"""What the central database holds: counts per table, per warehouse and per station, feed lag."""

from __future__ import annotations

from typing import Any

from inspector.sync.central_schema import central_head, central_revision
from inspector.sync.urls import connect

COUNTED = (
    "returns",
    "return_lines",
    "parcels",
    "inspections",
    "inspection_flags",
    "photos",
    "photo_chunks",
    "disputes",
    "dispute_entries",
    "audit_events",
    "conflicts",
    "changes",
)
PER_STATION = ("parcels", "inspections", "photos", "disputes", "dispute_entries", "audit_events")


def central_status(central_url: str) -> dict[str, Any]:
    """Counts per table and per station, unresolved conflicts, incomplete photos and feed lag."""
    info: dict[str, Any] = {"schema_revision": central_revision(central_url), "schema_head": central_head()}
    with connect(central_url) as conn, conn.cursor() as cur:
        counts: dict[str, int] = {}
        for table in COUNTED:
            cur.execute(f"SELECT count(*) FROM {table}")
            row = cur.fetchone()
            counts[table] = int(row[0]) if row else 0
        info["tables"] = counts
        stations: dict[str, dict[str, Any]] = {}
        cur.execute("SELECT s.id, s.code, w.code FROM stations s JOIN warehouses w ON w.id = s.warehouse_id")
        # Keyed "WAREHOUSE:STATION": a station code is unique only within its warehouse.
        codes = {sid: f"{wh}:{code}" for sid, code, wh in cur.fetchall()}
        for key in codes.values():
            stations[key] = {"warehouse": key.partition(":")[0], **{t: 0 for t in PER_STATION}}
        for table in PER_STATION:
            cur.execute(f"SELECT origin_station_id, count(*) FROM {table} GROUP BY 1")
            for sid, count in cur.fetchall():
                if sid in codes:
                    stations[codes[sid]][table] = int(count)
        info["stations"] = stations
        info["audit_alarms"] = _audit(cur, codes, stations)
        cur.execute(
            "SELECT w.code, count(r.id) FROM warehouses w LEFT JOIN returns r ON r.warehouse_id = w.id "
            "GROUP BY w.code ORDER BY w.code"
        )
        info["returns_per_warehouse"] = {code: int(n) for code, n in cur.fetchall()}
        cur.execute("SELECT count(*) FROM conflicts WHERE resolved_at IS NULL")
        row = cur.fetchone()
        info["open_conflicts"] = int(row[0]) if row else 0
        cur.execute("SELECT count(*), coalesce(sum(size_bytes), 0) FROM photos WHERE NOT blob_complete")
        row = cur.fetchone()
        info["photos_incomplete"] = int(row[0]) if row else 0
        # Changes not yet servable because an older transaction is still open (the feed is stalled).
        cur.execute("SELECT count(*) FROM changes WHERE txid >= pg_snapshot_xmin(pg_current_snapshot())")
        row = cur.fetchone()
        info["feed_changes_waiting"] = int(row[0]) if row else 0
    return info


def _audit(cur: Any, codes: dict[Any, str], stations: dict[str, dict[str, Any]]) -> list[str]:
    """Per station: chain head, signed head, notarised head; an alarm per station with refused events."""
    queries = {
        "chain_head": "SELECT station_id, max(seq) FROM public.audit_events GROUP BY 1",
        "signed_head": "SELECT station_id, max(seq) FROM public.audit_checkpoints GROUP BY 1",
        "notarised_head": "SELECT c.station_id, max(c.seq) FROM public.audit_notarisations n "
                          "JOIN public.audit_checkpoints c ON c.id = n.checkpoint_id "
                          "WHERE n.station_signature_ok AND n.chain_ok GROUP BY 1",
        "audit_conflicts": "SELECT station_id, count(*) FROM public.conflicts "
                           "WHERE entity_type = 'audit_event' AND resolved_at IS NULL GROUP BY 1",
    }
    for code in codes.values():
        stations[code].update({key: 0 for key in queries})
    for key, query in queries.items():
        cur.execute(query)
        for sid, value in cur.fetchall():
            if sid in codes:
                stations[codes[sid]][key] = int(value)
    alarms = [f"ALARM: station {code}: {info['audit_conflicts']} audit event(s) refused (its audit log "
              "differs from what central holds)"
              for code, info in sorted(stations.items()) if info["audit_conflicts"]]
    cur.execute("SELECT count(*) FROM public.audit_notarisations "
                "WHERE NOT (station_signature_ok AND chain_ok)")
    row = cur.fetchone()
    if row and row[0]:
        alarms.append(f"ALARM: {row[0]} signed audit head(s) failed the notary's check")
    return alarms
