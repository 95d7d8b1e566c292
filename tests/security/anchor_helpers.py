"""Attacks on a station's own files: the SQLite database edited around the app (triggers dropped)."""

from __future__ import annotations

import json
import sqlite3
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select

from inspector.models import AuditEvent
from inspector.services.audit_hash import digest_of


def raw(services: Any) -> sqlite3.Connection:
    """The station's database file, opened directly, with the append-only triggers dropped."""
    services.database.dispose()
    connection = sqlite3.connect(services.database.path)
    for trigger in ("audit_events_no_update", "audit_events_no_delete", "audit_checkpoints_no_delete"):
        connection.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    return connection


def truncate(services: Any, keep: int, *, checkpoints_too: bool) -> None:
    """Delete every event after ``keep`` (and, as a careful attacker, the checkpoints past it)."""
    connection = raw(services)
    connection.execute("DELETE FROM audit_events WHERE seq > ?", (keep,))
    if checkpoints_too:
        connection.execute("DELETE FROM audit_checkpoints WHERE seq > ?", (keep,))
    connection.commit()
    connection.close()


def rewrite(services: Any, seq: int, payload: dict[str, Any]) -> None:
    """Change one event's payload and recompute every hash from there (a consistent rewrite), with the
    app's own hashing; the signed checkpoints and remembered walk checkpoints are removed so that
    they can be re-signed."""
    with services.database.session() as session:
        events = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.station_id == services.station.station_id)
            .order_by(AuditEvent.seq)
        ).all()
        rows = [{c.key: getattr(e, c.key) for c in AuditEvent.__table__.columns} for e in events]
    connection = raw(services)
    prev = None
    for row in rows:
        if row["seq"] == seq:
            row["payload"] = payload
        if prev is not None:
            row["prev_hash"] = prev
        if row["seq"] >= seq:
            row["hash"] = digest_of(SimpleNamespace(**row))
            connection.execute(
                "UPDATE audit_events SET payload = ?, prev_hash = ?, hash = ? WHERE id = ?",
                (json.dumps(row["payload"]), row["prev_hash"], row["hash"], row["id"].hex),
            )
        prev = row["hash"]
    connection.execute("DELETE FROM audit_checkpoints")
    # ...and the walk checkpoints earlier verifications remembered (else `audit verify` notices).
    connection.execute("DELETE FROM sync_state WHERE key LIKE 'audit.verified.%'")
    connection.commit()
    connection.close()
