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
from pathlib import Path
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
_TYPES = {"delivered_on": "date", "quantity": "int", "unit_price_cents": "bigint", "line_no": "int"}


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

    Returns how many returns were inserted or changed. Each batch is one transaction.
    """
    changed = 0
    with connect(central_url) as conn:
        warehouses: dict[str, uuid.UUID] = {}
        for batch in _batches(returns, batch_size):
            with conn.transaction(), conn.cursor() as cur:
                for code in {r["warehouse"] for r in batch} - set(warehouses):
                    cur.execute(
                        "INSERT INTO warehouses (id, code, name) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                        (uuid.uuid4(), code, code),
                    )
                    cur.execute("SELECT id FROM warehouses WHERE code = %s", (code,))
                    row = cur.fetchone()
                    assert row is not None
                    warehouses[code] = row[0]
                changed += _upsert_batch(cur, batch, warehouses)
    return changed


def _upsert_batch(cur: Any, batch: list[dict[str, Any]], warehouses: dict[str, uuid.UUID]) -> int:
    headers = []
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
            content_hash=_content_hash({**header, "lines": lines}),
            _lines=lines,
        )
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
        "RETURNING t.id, t.rma_number",
        [[h[n] for h in headers] for n in names],
    )
    changed = {rma: rid for rid, rma in cur.fetchall()}
    lines = [
        {**line, "return_id": changed[h["rma_number"]]}
        for h in headers
        if h["rma_number"] in changed
        for line in h["_lines"]
    ]
    if changed:
        # Lines no longer announced are deleted (tombstones flow down).
        cur.execute(
            "DELETE FROM return_lines l USING unnest(%s::uuid[], %s::int[]) AS k(r, c) "
            "WHERE l.return_id = k.r AND l.line_no > k.c",
            (list(changed.values()), [len(h["_lines"]) for h in headers if h["rma_number"] in changed]),
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
    return len(changed)


def read_returns_file(path: Path, default_warehouse: str | None = None) -> Iterator[dict[str, Any]]:
    """Returns from a JSON Lines file: one object per line (``warehouse``, ``rma_number``, ``lines``...)."""
    with path.open(encoding="utf-8") as handle:
        for number, text in enumerate(handle, 1):
            if not text.strip():
                continue
            record = json.loads(text)
            if not isinstance(record, dict) or "rma_number" not in record:
                raise ValueError(f"{path}:{number}: each line must be a JSON object with an rma_number")
            record.setdefault("warehouse", default_warehouse)
            if not record["warehouse"]:
                raise ValueError(f"{path}:{number}: no warehouse code (give --warehouse)")
            yield record


def cancel_return(central_url: str, rma_number: str) -> bool:
    """Customer service cancels a return centrally; returns whether it existed."""
    with connect(central_url) as conn:
        cur = conn.execute(
            "UPDATE returns SET status = 'cancelled', updated_at = now() WHERE rma_number = %s "
            "AND origin_station_id IS NULL",
            (rma_number,),
        )
        return bool(cur.rowcount)
