"""The connectors' rows in the central database: connectors, credentials, cursors, links, health.

Everything here runs on a connection of the central administrator (the tables are the
administrator's alone: see central revision ``c0008_conn_connectors``).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from psycopg.types.json import Jsonb

from inspector.connectors.credentials import CredentialProblem, Vault

PLATFORMS = ("bol", "shopify", "sendcloud", "export")


@dataclass
class Connector:
    """One connector: a platform account of one warehouse."""

    id: uuid.UUID
    warehouse_id: uuid.UUID
    warehouse_code: str
    platform: str
    name: str
    settings: dict[str, Any]
    enabled: bool
    cursor: dict[str, Any]
    last_run_at: datetime | None = None
    last_success_at: datetime | None = None
    last_error: str = ""
    failures: int = 0
    next_run_at: datetime | None = None
    credentials: dict[str, str] = field(default_factory=dict, repr=False)


_SELECT = (
    "SELECT c.id, c.warehouse_id, w.code, c.platform, c.name, c.settings, c.enabled, c.cursor, "
    "c.last_run_at, c.last_success_at, c.last_error, c.failures, c.next_run_at "
    "FROM connectors c JOIN warehouses w ON w.id = c.warehouse_id"
)


def _connector(row: Any) -> Connector:
    return Connector(*row[:5], dict(row[5] or {}), row[6], dict(row[7] or {}), *row[8:13])


def add_connector(conn: Any, vault: Vault, warehouse: str, platform: str, name: str,
                  settings: dict[str, Any], credentials: dict[str, str], replace: bool = False) -> Connector:
    """Create (or with ``replace``, update) a connector and store its credentials encrypted."""
    if platform not in PLATFORMS:
        raise ValueError(f"unknown platform {platform!r}; one of {', '.join(PLATFORMS)}")
    with conn.transaction():
        row = conn.execute("SELECT id FROM warehouses WHERE code = %s", (warehouse,)).fetchone()
        if row is None:
            raise LookupError(f"The warehouse {warehouse!r} does not exist in the central database.")
        existing = conn.execute("SELECT id, platform FROM connectors WHERE warehouse_id = %s AND name = %s",
                                (row[0], name)).fetchone()
        if existing is not None and not replace:
            raise ValueError(f"Warehouse {warehouse} already has a connector named {name!r} "
                             f"(give --replace to change it).")
        if existing is not None and existing[1] != platform:
            raise ValueError(f"The connector {name!r} is a {existing[1]} connector, not {platform}.")
        connector_id = existing[0] if existing else uuid.uuid4()
        mine = account_of(platform, settings, credentials)
        if mine:
            for other_id, other_name, other_settings in conn.execute(
                    "SELECT c.id, c.name, c.settings FROM connectors c WHERE c.warehouse_id = %s "
                    "AND c.platform = %s AND c.id <> %s", (row[0], platform, connector_id)).fetchall():
                secret = conn.execute("SELECT ciphertext, key_id FROM connector_secrets "
                                      "WHERE connector_id = %s", (other_id,)).fetchone()
                try:
                    theirs = vault.open(secret[0], secret[1]) if secret else {}
                except CredentialProblem:
                    theirs = {}
                if account_of(platform, dict(other_settings or {}), theirs) == mine:
                    raise ValueError(
                        f"{warehouse}/{other_name} is connected to this {platform} account already: two "
                        f"connectors would import every return twice (under two RMA numbers) and send every "
                        f"outcome twice; change that one with --name {other_name} --replace.")
        conn.execute(
            "INSERT INTO connectors (id, warehouse_id, platform, name, settings) VALUES (%s, %s, %s, %s, %s) "
            "ON CONFLICT (id) DO UPDATE SET settings = EXCLUDED.settings, enabled = true, failures = 0, "
            "last_error = '', next_run_at = NULL",
            (connector_id, row[0], platform, name, Jsonb(settings)),
        )
        conn.execute(
            "INSERT INTO connector_secrets (connector_id, ciphertext, key_id) VALUES (%s, %s, %s) "
            "ON CONFLICT (connector_id) DO UPDATE SET ciphertext = EXCLUDED.ciphertext, "
            "key_id = EXCLUDED.key_id, updated_at = now()",
            (connector_id, vault.seal(credentials), vault.key_id),
        )
    found = get_connector(conn, warehouse, name)
    assert found is not None
    return found


def account_of(platform: str, settings: dict[str, Any], credentials: dict[str, str]) -> str:
    """What identifies a connector's platform account ('' when nothing does: an export)."""
    if platform == "bol":
        return credentials.get("client_id", "")
    if platform == "sendcloud":
        return credentials.get("public_key", "")
    if platform == "shopify":
        shop = str(settings.get("shop_url", "")).strip().lower().rstrip("/")
        return shop.split("://", 1)[-1]
    return ""


def list_connectors(conn: Any, warehouse: str | None = None) -> list[Connector]:
    """Every connector (of one warehouse), by warehouse and name."""
    where, params = ("WHERE w.code = %s", (warehouse,)) if warehouse else ("", ())
    rows = conn.execute(f"{_SELECT} {where} ORDER BY w.code, c.name", params).fetchall()
    return [_connector(row) for row in rows]


def get_connector(conn: Any, warehouse: str, name: str) -> Connector | None:
    """One connector by warehouse code and name."""
    row = conn.execute(f"{_SELECT} WHERE w.code = %s AND c.name = %s", (warehouse, name)).fetchone()
    return _connector(row) if row else None


def load_credentials(conn: Any, vault: Vault, connector: Connector) -> dict[str, str]:
    """Decrypt the connector's credentials (kept on the object, never logged or printed)."""
    row = conn.execute("SELECT ciphertext, key_id FROM connector_secrets WHERE connector_id = %s",
                       (connector.id,)).fetchone()
    if row is None:
        raise CredentialProblem(f"The connector {connector.name} has no credentials; add it again.")
    connector.credentials = vault.open(row[0], row[1])
    return connector.credentials


def save_cursor(conn: Any, connector: Connector, cursor: dict[str, Any]) -> None:
    """Keep where the connector got to (in the caller's transaction: together with what it wrote)."""
    connector.cursor = cursor
    conn.execute("UPDATE connectors SET cursor = %s WHERE id = %s", (Jsonb(cursor), connector.id))


def record_run(conn: Any, connector: Connector, error: str = "", next_run_in_s: float | None = None) -> None:
    """Note how a run went: the error (empty on success), consecutive failures, when to run next."""
    if next_run_in_s is not None:
        from inspector.connectors.http import bounded_wait

        next_run_in_s = bounded_wait(next_run_in_s)
    with conn.transaction():
        conn.execute(
            "UPDATE connectors SET last_run_at = now(), "
            "last_success_at = CASE WHEN %(error)s = '' THEN now() ELSE last_success_at END, "
            "last_error = %(error)s, failures = CASE WHEN %(error)s = '' THEN 0 ELSE failures + 1 END, "
            "next_run_at = CASE WHEN %(wait)s::float8 IS NULL THEN NULL "
            "ELSE now() + make_interval(secs => %(wait)s::float8) END WHERE id = %(id)s",
            {"error": error[:1000], "wait": next_run_in_s, "id": connector.id},
        )


def status_rows(conn: Any) -> dict[str, Any]:
    """The health of every connector and its outbox, and every rejected outcome and import."""
    connectors = []
    for c in list_connectors(conn):
        counts = dict(conn.execute(
            "SELECT state, count(*) FROM connector_outcomes WHERE connector_id = %s GROUP BY state", (c.id,)
        ).fetchall())
        held = conn.execute("SELECT count(*) FROM connector_outcomes WHERE connector_id = %s "
                            "AND needs_confirmation AND state = 'waiting'", (c.id,)).fetchone()[0]
        imported = conn.execute("SELECT count(*), count(*) FILTER (WHERE import_problem <> '') "
                                "FROM connector_returns WHERE connector_id = %s", (c.id,)).fetchone()
        connectors.append({
            "warehouse": c.warehouse_code, "name": c.name, "platform": c.platform, "enabled": c.enabled,
            "last_run_at": c.last_run_at, "last_success_at": c.last_success_at, "last_error": c.last_error,
            "failures": c.failures, "failing": bool(c.last_error), "returns": imported[0],
            "import_problems": imported[1], "outcomes": counts, "awaiting_confirmation": held,
        })
    rejected = [
        {"warehouse": w, "connector": n, "outcome": str(i), "rma": rma, "line_no": line, "external_id": ext,
         "message": msg, "at": at}
        for i, w, n, rma, line, ext, msg, at in conn.execute(
            "SELECT o.id, w.code, c.name, o.rma_number, o.line_no, o.external_id, o.message, o.done_at "
            "FROM connector_outcomes o JOIN connectors c ON c.id = o.connector_id "
            "JOIN warehouses w ON w.id = c.warehouse_id WHERE o.state = 'rejected' "
            "ORDER BY o.done_at DESC NULLS LAST LIMIT 200").fetchall()
    ]
    held = [
        {"warehouse": w, "connector": n, "outcome": str(i), "rma": rma, "line_no": line, "external_id": ext,
         "refund": (payload.get("outcome") or {}).get("refund"), "request": payload.get("request")}
        for i, w, n, rma, line, ext, payload in conn.execute(
            "SELECT o.id, w.code, c.name, o.rma_number, o.line_no, o.external_id, o.payload "
            "FROM connector_outcomes o JOIN connectors c ON c.id = o.connector_id "
            "JOIN warehouses w ON w.id = c.warehouse_id WHERE o.state = 'waiting' AND o.needs_confirmation "
            "ORDER BY o.created_at LIMIT 200").fetchall()
    ]
    problems = [
        {"warehouse": w, "connector": n, "external_id": ext, "rma": rma, "problem": problem}
        for w, n, ext, rma, problem in conn.execute(
            "SELECT w.code, c.name, r.external_id, r.rma_number, r.import_problem FROM connector_returns r "
            "JOIN connectors c ON c.id = r.connector_id JOIN warehouses w ON w.id = c.warehouse_id "
            "WHERE r.import_problem <> '' ORDER BY r.last_seen_at DESC LIMIT 200").fetchall()
    ]
    return {"connectors": connectors, "rejected_outcomes": rejected, "awaiting_confirmation": held,
            "import_problems": problems}


def as_json(value: Any) -> str:
    """Status rows as JSON (times as ISO text)."""
    return json.dumps(value, sort_keys=True, default=lambda v: v.isoformat() if hasattr(v, "isoformat")
                      else str(v))
