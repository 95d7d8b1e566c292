"""Helpers of the connector tests: warehouses, connectors, finished inspections, an HTTP client."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import httpx
import psycopg

from inspector.connectors.credentials import Vault, key_path
from inspector.connectors.http import HttpClient
from inspector.connectors.store import Connector, add_connector, get_connector


def make_warehouse(central_url: str, code: str) -> None:
    with psycopg.connect(central_url) as conn:
        conn.execute("INSERT INTO warehouses (id, code, name) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                     (uuid.uuid4(), code, code))


class Client:
    """An HTTP client factory for the tests: short timeouts, and waits recorded instead of slept."""

    def __init__(self, timeout_s: float = 1.0) -> None:
        self.waits: list[float] = []
        self.timeout = httpx.Timeout(timeout_s)

    def __call__(self, base_url: str, **kwargs: Any) -> HttpClient:
        return HttpClient(base_url, timeout=self.timeout, sleep=self.waits.append, **kwargs)


def add(central_url: str, data_dir: Path, warehouse: str, platform: str, settings: dict[str, Any],
        credentials: dict[str, str], name: str | None = None) -> Connector:
    vault = Vault(key_path(data_dir), create=True)
    with psycopg.connect(central_url, autocommit=True) as conn:
        return add_connector(conn, vault, warehouse, platform, name or platform, settings, credentials)


def reload(central_url: str, connector: Connector) -> Connector:
    with psycopg.connect(central_url) as conn:
        found = get_connector(conn, connector.warehouse_code, connector.name)
    assert found is not None
    return found


def run(central_url: str, data_dir: Path, connector: Connector, client: Client) -> Any:
    from inspector.connectors.runner import run_connector

    with psycopg.connect(central_url, autocommit=True) as conn:
        return run_connector(conn, reload(central_url, connector), Vault(key_path(data_dir)), client)


def finish(central_url: str, rma: str, line_no: int, unit: int = 1, *, outcome: str = "received",
           grade: str = "restock", refund: str = "full", disposition: str = "restock") -> None:
    """A finished inspection of one unit, as a station would have uploaded it."""
    with psycopg.connect(central_url) as conn:
        row = conn.execute(
            "SELECT r.id, l.id, r.warehouse_id, l.sku FROM returns r "
            "JOIN return_lines l ON l.return_id = r.id WHERE r.rma_number = %s AND l.line_no = %s",
            (rma, line_no)).fetchone()
        assert row is not None, (rma, line_no)
        conn.execute(
            """INSERT INTO inspections (id, return_id, return_line_id, unit_index, status, outcome, item_sku,
                 item_gtin, item_description, verified_code, verification_note, serial_scanned, checklist_id,
                 checklist_version, answers, final_grade, override_reason, disposition, destination,
                 refund_recommendation, refund_amount_cents, notes, started_at, finished_at, created_at,
                 updated_at, warehouse_id, origin_station_id)
               VALUES (%s, %s, %s, %s, 'finished', %s, %s, '', '', '', '', '', 'apparel', 1, '{}', %s, '', %s,
                 'A-01', %s, 1000, '', now(), now(), now(), now(), %s, %s)""",
            (uuid.uuid4(), row[0], row[1], unit, outcome, row[3], grade, disposition, refund, row[2],
             uuid.uuid4()),
        )


def returns_of(central_url: str, warehouse: str) -> dict[str, dict[str, Any]]:
    """The central returns of a warehouse by order number, with their lines."""
    with psycopg.connect(central_url) as conn:
        rows = conn.execute(
            "SELECT r.rma_number, r.order_number, r.customer_name, r.postcode, r.tracking_number, r.carrier, "
            "r.refund_choice, r.country, l.line_no, l.sku, l.quantity, l.reason_code, l.unit_price_cents, "
            "l.gtin, l.customer_comment, r.customer_email "
            "FROM returns r JOIN warehouses w ON w.id = r.warehouse_id "
            "JOIN return_lines l ON l.return_id = r.id WHERE w.code = %s ORDER BY r.order_number, l.line_no",
            (warehouse,)).fetchall()
    found: dict[str, dict[str, Any]] = {}
    for (rma, order, name, postcode, tracking, carrier, refund, country, line_no, sku, qty, reason, price,
         gtin, comment, email) in rows:
        item = found.setdefault(order, {"rma": rma, "customer_name": name, "postcode": postcode,
                                        "tracking": tracking, "carrier": carrier, "refund_choice": refund,
                                        "country": country, "email": email, "lines": []})
        item["lines"].append({"line_no": line_no, "sku": sku, "quantity": qty, "reason": reason,
                              "price": price, "gtin": gtin, "comment": comment})
    return found


def outcomes(central_url: str, connector: Connector) -> list[dict[str, Any]]:
    with psycopg.connect(central_url) as conn:
        rows = conn.execute(
            "SELECT external_id, rma_number, line_no, state, message, needs_confirmation, payload, id "
            "FROM connector_outcomes WHERE connector_id = %s ORDER BY rma_number, line_no",
            (connector.id,)).fetchall()
    return [dict(zip(("external_id", "rma", "line_no", "state", "message", "held", "payload", "id"), r,
                     strict=True)) for r in rows]


def unannounced(central_url: str, warehouse: str, order: str, gtins: list[str], refund: str = "full") -> str:
    """A parcel nobody announced, registered and inspected at a station (one inspection per GTIN)."""
    rma = f"UNK-ST-01-{uuid.uuid4().hex[:5]}"
    with psycopg.connect(central_url) as conn:
        wid = conn.execute("SELECT id FROM warehouses WHERE code = %s", (warehouse,)).fetchone()[0]
        return_id, station = uuid.uuid4(), uuid.uuid4()
        conn.execute("INSERT INTO returns (id, warehouse_id, rma_number, order_number, source, status, "
                     "origin_station_id) VALUES (%s, %s, %s, %s, 'unannounced', 'received', %s)",
                     (return_id, wid, rma, order, station))
        for gtin in gtins:
            conn.execute(
                """INSERT INTO inspections (id, return_id, unit_index, status, outcome, item_sku, item_gtin,
                     item_description, verified_code, verification_note, serial_scanned, checklist_id,
                     checklist_version, answers, final_grade, override_reason, disposition, destination,
                     refund_recommendation, notes, started_at, finished_at, created_at, updated_at,
                     warehouse_id, origin_station_id)
                   VALUES (%s, %s, 1, 'finished', 'extra', '', %s, '', '', '', '', 'other', 1, '{}',
                     'restock', '', 'restock', 'A-01', %s, '', now(), now(), now(), now(), %s, %s)""",
                (uuid.uuid4(), return_id, gtin, refund, wid, station))
    return rma
