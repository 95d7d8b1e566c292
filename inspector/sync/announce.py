"""Announcing returns centrally (the returns portal's side), for tests, demos and imports.

``announce_returns`` upserts by RMA number: an unchanged return changes nothing (``content_hash``),
a changed one (a line added, cancelled by customer service) is updated and flows down to the
stations of its warehouse through the change feed.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from inspector.sync.urls import connect

RETURN_FIELDS = {
    "order_number": "",
    "customer_name": "",
    "customer_email": "",
    "customer_segment": "regular",
    "postcode": "",
    "house_number": "",
    "country": "NL",
    "channel": "portal",
    "delivered_on": None,
    "announced_at": None,
    "refund_choice": "refund",
    "status": "announced",
    "carrier": "",
    "tracking_number": "",
    "notes": "",
}
LINE_FIELDS = {
    "sku": "",
    "gtin": "",
    "product_name": "",
    "category": "other",
    "quantity": 1,
    "unit_price_cents": 0,
    "currency": "EUR",
    "reason_code": "other",
    "customer_comment": "",
    "expected_serial": "",
}
_TYPES = {
    "delivered_on": "date", "announced_at": "timestamptz", "quantity": "int", "unit_price_cents": "bigint",
    "line_no": "int",
}


def _content_hash(record: dict[str, Any]) -> str:
    blob = json.dumps(record, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _batches(items: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def announce_returns(central_url: str, returns: Iterable[dict[str, Any]], *, batch_size: int = 5000) -> int:
    """Upsert announced returns (dicts with ``warehouse``, ``rma_number``, fields and ``lines``).

    Unknown warehouses are created. Returns how many returns were inserted or changed. Each batch is
    one transaction. (Files go through ``inspector central import-returns``, which checks them.)
    """
    changed = 0
    with connect(central_url) as conn:
        for batch in _batches(returns, batch_size):
            created, updated = upsert_returns(conn, batch, create_warehouses=True)
            changed += created + updated
    return changed


def upsert_returns(
    conn: Any, batch: list[dict[str, Any]], create_warehouses: bool = False
) -> tuple[int, int]:
    """Upsert one batch of returns in one transaction; returns (created, updated)."""
    with conn.transaction(), conn.cursor() as cur:
        warehouses: dict[str, uuid.UUID] = {}
        for code in {r["warehouse"] for r in batch}:
            if create_warehouses:
                cur.execute(
                    "INSERT INTO warehouses (id, code, name) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                    (uuid.uuid4(), code, code),
                )
            cur.execute("SELECT id FROM warehouses WHERE code = %s", (code,))
            row = cur.fetchone()
            if row is None:
                raise LookupError(f"no warehouse {code!r} in the central database")
            warehouses[code] = row[0]
        return _upsert_batch(cur, batch, warehouses)


def _upsert_batch(cur: Any, batch: list[dict[str, Any]], warehouses: dict[str, uuid.UUID]) -> tuple[int, int]:
    headers = []
    now = datetime.now(UTC)
    for record in batch:
        header = {name: record.get(name, default) for name, default in RETURN_FIELDS.items()}
        lines = [
            {"line_no": line.get("line_no", n + 1), **{k: line.get(k, d) for k, d in LINE_FIELDS.items()}}
            for n, line in enumerate(record.get("lines", []))
        ]
        header.update(
            id=record.get("id") or uuid.uuid4(),
            warehouse_id=warehouses[record["warehouse"]],
            rma_number=record["rma_number"],
            customer_name_key=" ".join(header["customer_name"].casefold().split()),
            content_hash=record.get("content_hash") or _content_hash({**header, "lines": lines}),
            _lines=lines,
        )
        if header["announced_at"] is None:  # not given (tests, demos): now, after the content hash
            header["announced_at"] = now
        headers.append(header)
    names = ["id", "warehouse_id", "rma_number", "customer_name_key", "content_hash", *RETURN_FIELDS]
    types = ["uuid", "uuid"] + ["text"] * 3 + [_TYPES.get(n, "text") for n in RETURN_FIELDS]
    updates = ", ".join(f"{n} = EXCLUDED.{n}" for n in names if n not in ("id", "rma_number"))
    cur.execute(
        f"INSERT INTO returns AS t ({', '.join(names)}) SELECT * FROM unnest("
        + ", ".join(f"%s::{t}[]" for t in types)
        + f") ON CONFLICT (rma_number) DO UPDATE SET {updates}, "
        "updated_at = now(), central_changed_at = now() "
        "WHERE t.content_hash <> EXCLUDED.content_hash AND t.origin_station_id IS NULL "
        "RETURNING t.id, t.rma_number, (t.xmax = 0) AS inserted",
        [[h[n] for h in headers] for n in names],
    )
    rows = cur.fetchall()
    changed = {rma: rid for rid, rma, _inserted in rows}
    created = sum(1 for *_ids, inserted in rows if inserted)
    lines = [
        {**line, "return_id": changed[h["rma_number"]]}
        for h in headers
        if h["rma_number"] in changed
        for line in h["_lines"]
    ]
    if changed:
        # Lines no longer announced are deleted (tombstones flow down).
        cur.execute(
            "DELETE FROM return_lines l WHERE l.return_id = ANY(%s::uuid[]) AND NOT EXISTS ("
            " SELECT 1 FROM unnest(%s::uuid[], %s::int[]) AS k(r, n) WHERE k.r = l.return_id"
            " AND k.n = l.line_no)",
            (list(changed.values()), [line["return_id"] for line in lines],
             [line["line_no"] for line in lines]),
        )
    if lines:
        lnames = ["return_id", "line_no", *LINE_FIELDS]
        ltypes = ["uuid"] + [_TYPES.get(n, "text") for n in lnames[1:]]
        lupdates = ", ".join(f"{n} = EXCLUDED.{n}" for n in lnames[2:])
        cur.execute(
            f"INSERT INTO return_lines AS t (id, warehouse_id, {', '.join(lnames)}) "
            f"SELECT gen_random_uuid(), r.warehouse_id, u.* FROM unnest("
            + ", ".join(f"%s::{t}[]" for t in ltypes)
            + f") AS u({', '.join(lnames)}) "
            "JOIN returns r ON r.id = u.return_id "
            f"ON CONFLICT (return_id, line_no) DO UPDATE SET {lupdates}, updated_at = now() "
            f"WHERE ({', '.join('t.' + n for n in lnames[2:])}) IS DISTINCT FROM "
            f"({', '.join('EXCLUDED.' + n for n in lnames[2:])})",
            [[line[n] for line in lines] for n in lnames],
        )
    return created, len(changed) - created


def cancel_return(central_url: str, rma_number: str) -> bool:
    """Customer service cancels a return centrally; returns whether it existed."""
    with connect(central_url) as conn:
        cur = conn.execute(
            "UPDATE returns SET status = 'cancelled', updated_at = now() WHERE rma_number = %s "
            "AND origin_station_id IS NULL",
            (rma_number,),
        )
        return bool(cur.rowcount)
