"""The outbox of inspection outcomes: exactly once to the platform, through crashes and rate limits.

**What goes in.** A line of a platform return is *finished* when every announced unit of it has a
finished inspection centrally (received, missing or a wrong item; the latest per unit, voided ones
left out). Its outcome is then put in ``connector_outcomes`` once (unique per connector and platform
line): units received, grades, dispositions and the refund the inspections recommend, and the
platform's request made from them. A partial refund waits for a supervisor's confirmation where the
connector's policy says so (``confirm_partial``, on by default): ``inspector connectors confirm``.

**How it goes out.** Each outcome moves ``waiting -> sending -> sent -> accepted`` (or ``rejected``
with the platform's message). ``sending`` is written and committed *before* the request leaves;
``sent``/``accepted`` after the answer. A connector killed in between leaves the row ``sending``: the
next run first asks the platform what it already has (bol.com: the process statuses of that RMA item;
Shopify: the return line item's processed quantity) and only sends again when the platform has
nothing, so an outcome reaches the platform once. Transient failures (timeouts, 5xx) put the row back
to ``waiting`` with exponential backoff (1 min, 2, 4 ... at most 6 h); a 429 postpones the whole
connector by the platform's ``Retry-After``; a refusal (4xx) rejects the outcome with the platform's
message, visible in ``inspector connectors status`` and on the Reports page.
"""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from typing import Any

from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from inspector.connectors.base import Delivery, Platform
from inspector.connectors.http import RateLimited, Rejected, Transient, backoff_seconds
from inspector.connectors.store import Connector

log = logging.getLogger(__name__)

BACKOFF_BASE_S = 60.0
BACKOFF_CAP_S = 6 * 3600.0
FINAL_OUTCOMES = ("received", "missing", "wrong_item")


_EXPORT_UNITS = """SELECT r.rma_number, r.rma_number, jsonb_build_object(l.line_no::text,
                  jsonb_build_object('id', r.rma_number || '/' || l.line_no)), '{}'::jsonb, r.refund_choice,
                  l.line_no, l.quantity, l.sku, l.gtin, i.unit_index, i.outcome, i.final_grade, i.disposition,
                  i.destination, i.refund_recommendation, i.refund_amount_cents, i.finished_at
           FROM connectors c
           JOIN returns r ON r.warehouse_id = c.warehouse_id
           JOIN return_lines l ON l.return_id = r.id
           JOIN inspections i ON i.return_line_id = l.id AND i.status = 'finished'
                AND i.outcome = ANY(%s) AND i.finished_at >= c.created_at
           WHERE c.id = %s
             AND NOT EXISTS (SELECT 1 FROM connector_outcomes o WHERE o.connector_id = c.id
                             AND o.external_id = r.rma_number || '/' || l.line_no)
           ORDER BY r.rma_number, l.line_no, i.unit_index, i.finished_at"""


def _units(conn: Any, connector: Connector) -> dict[tuple[str, int], dict[str, Any]]:
    """Finished lines of the connector's returns without an outcome yet, with their units.

    An ``export`` connector exports every return of its warehouse (file imports included) whose lines
    were finished after the connector was added; the others only the returns they imported.
    """
    rows = conn.execute(_EXPORT_UNITS, (list(FINAL_OUTCOMES), connector.id)).fetchall() \
        if connector.platform == "export" else conn.execute(
        """SELECT cr.external_id, cr.rma_number, cr.lines, cr.extra, r.refund_choice, l.line_no, l.quantity,
                  l.sku, l.gtin, i.unit_index, i.outcome, i.final_grade, i.disposition, i.destination,
                  i.refund_recommendation, i.refund_amount_cents, i.finished_at
           FROM connector_returns cr
           JOIN returns r ON r.rma_number = cr.rma_number
           JOIN return_lines l ON l.return_id = r.id
           JOIN inspections i ON i.return_line_id = l.id AND i.status = 'finished'
                AND i.outcome = ANY(%s)
           WHERE cr.connector_id = %s AND cr.lines ? (l.line_no::text)
             AND NOT EXISTS (SELECT 1 FROM connector_outcomes o WHERE o.connector_id = cr.connector_id
                             AND o.external_id = cr.lines -> (l.line_no::text) ->> 'id')
           ORDER BY cr.rma_number, l.line_no, i.unit_index, i.finished_at""",
        (list(FINAL_OUTCOMES), connector.id),
    ).fetchall()
    lines: dict[tuple[str, int], dict[str, Any]] = {}
    for (external_id, rma, refs, extra, refund_choice, line_no, quantity, sku, gtin, unit, outcome, grade,
         disposition, destination, refund, refund_cents, finished_at) in rows:
        line = lines.setdefault((rma, line_no), {
            "return_id": external_id, "rma": rma, "line_no": line_no, "quantity": quantity, "sku": sku,
            "gtin": gtin, "refund_choice": refund_choice, "link": refs[str(line_no)], "extra": extra,
            "units": {},
        })
        line["units"][unit] = {  # the latest finished inspection of a unit counts
            "unit": unit, "outcome": outcome, "grade": grade, "disposition": disposition,
            "destination": destination, "refund": refund, "refund_cents": refund_cents,
            "finished_at": finished_at.isoformat() if finished_at else None,
        }
    return lines


_UNANNOUNCED_UNITS = """SELECT r.id, r.rma_number, r.order_number, i.item_gtin, i.item_sku, i.id, i.outcome,
                  i.final_grade, i.disposition, i.destination, i.refund_recommendation, i.refund_amount_cents,
                  i.finished_at
           FROM connectors c
           JOIN returns r ON r.warehouse_id = c.warehouse_id AND r.source = 'unannounced'
           JOIN inspections i ON i.return_id = r.id AND i.status = 'finished' AND i.item_gtin <> ''
                AND i.finished_at >= c.created_at
           WHERE c.id = %s AND r.order_number ~ '^[0-9]{6,}$'
             AND NOT EXISTS (SELECT 1 FROM inspections open_ WHERE open_.return_id = r.id
                             AND open_.status = 'in_progress')
             AND (SELECT max(f.finished_at) FROM inspections f WHERE f.return_id = r.id)
                 < now() - make_interval(secs => %s::float8)
             AND NOT EXISTS (SELECT 1 FROM connector_outcomes o WHERE o.connector_id = c.id
                             AND o.external_id = 'new:' || r.id || ':' || i.item_gtin)
           ORDER BY r.rma_number, i.item_gtin, i.finished_at"""


def unannounced_lines(conn: Any, connector: Connector, settle_s: float) -> list[dict[str, Any]]:
    """Unannounced returns with a platform order number, inspected and settled, as lines per product.

    A return nobody announced has no lines: each product found in it (by GTIN) becomes a line whose
    units are its finished inspections, once no inspection of the return has been open or finished for
    ``settle_s`` seconds (the station is done with the parcel).
    """
    lines: dict[tuple[str, str], dict[str, Any]] = {}
    for (return_id, rma, order, gtin, sku, inspection_id, outcome, grade, disposition, destination, refund,
         refund_cents, finished_at) in conn.execute(_UNANNOUNCED_UNITS, (connector.id, settle_s)).fetchall():
        line = lines.setdefault((rma, gtin), {
            "return_id": str(return_id), "rma": rma, "line_no": 0, "sku": sku, "gtin": gtin,
            "refund_choice": "refund", "extra": {"order_id": order, "ean": gtin, "create": True},
            "link": {"id": f"new:{return_id}:{gtin}"}, "units": {},
        })
        line["units"][len(line["units"]) + 1] = {
            "unit": len(line["units"]) + 1, "outcome": "received" if outcome in ("extra", "received")
            else outcome, "grade": grade, "disposition": disposition, "destination": destination,
            "refund": refund, "refund_cents": refund_cents, "inspection": str(inspection_id),
            "finished_at": finished_at.isoformat() if finished_at else None,
        }
    for line in lines.values():
        line["quantity"] = len(line["units"])
    return list(lines.values())


def summarise(line: dict[str, Any]) -> dict[str, Any]:
    """A finished line's outcome, platform-neutral: what the exports write and the platforms map."""
    units = [line["units"][k] for k in sorted(line["units"])]
    received = [u for u in units if u["outcome"] == "received"]
    refunds = {u["refund"] for u in received}
    if not received or refunds <= {"none", None}:
        refund = "none"
    elif refunds == {"full"}:
        refund = "full"
    else:
        refund = "partial"
    return {
        "rma": line["rma"], "return_id": line["return_id"], "line_no": line["line_no"], "sku": line["sku"],
        "gtin": line["gtin"], "quantity": line["quantity"], "received": len(received),
        "missing": sum(1 for u in units if u["outcome"] == "missing"),
        "wrong_item": sum(1 for u in units if u["outcome"] == "wrong_item"),
        "refund": refund, "refund_choice": line["refund_choice"],
        "refund_cents": sum(u["refund_cents"] or 0 for u in received), "units": units,
        "finished_at": max((u["finished_at"] or "" for u in units), default=None),
    }


def enqueue(conn: Any, connector: Connector, platform: Platform) -> int:
    """Put the outcome of every newly finished line in the outbox (once); returns how many."""
    added = 0
    with conn.transaction():
        lines = list(_units(conn, connector).values())
        if platform.registers_unannounced:
            lines += unannounced_lines(conn, connector, platform.settle_s)
        for line in lines:
            if len(line["units"]) < line["quantity"]:
                continue  # units still to inspect
            outcome = summarise(line)
            payload = {"outcome": outcome, "link": line["link"], "extra": line["extra"],
                       "request": platform.outcome_request(outcome, {**line["link"], **line["extra"]})}
            cur = conn.execute(
                "INSERT INTO connector_outcomes (id, connector_id, external_id, rma_number, line_no, "
                "payload, needs_confirmation) VALUES (%s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (connector_id, external_id) DO NOTHING",
                (uuid.uuid4(), connector.id, str(line["link"]["id"]), line["rma"], line["line_no"],
                 Jsonb(payload), platform.needs_confirmation(outcome)),
            )
            added += cur.rowcount
    return added


def confirm(conn: Any, outcome_id: str, handling: str | None = None, no_refund: bool = False) -> bool:
    """A supervisor confirms a held outcome (optionally with another bol.com handling result, or, for
    Shopify, without the refund); True if found."""
    with conn.transaction():
        row = conn.execute("SELECT o.payload, c.platform FROM connector_outcomes o JOIN connectors c "
                           "ON c.id = o.connector_id WHERE o.id = %s AND o.state = 'waiting' "
                           "AND o.needs_confirmation", (outcome_id,)).fetchone()
        if row is None:
            return False
        payload, platform = row
        if handling:
            from inspector.connectors.bol import HANDLING_RESULTS

            if platform != "bol":
                raise ValueError(f"--handling is for bol.com outcomes; this is a {platform} outcome")
            if handling not in HANDLING_RESULTS:
                raise ValueError(f"bol.com knows no handling result {handling!r}; one of "
                                 f"{', '.join(HANDLING_RESULTS)}")
        if no_refund and platform != "shopify":
            raise ValueError(f"--no-refund is for Shopify outcomes; this is a {platform} outcome")
        if handling:
            payload.setdefault("request", {})["handlingResult"] = handling
            payload["confirmed_handling"] = handling
        if no_refund:
            payload.setdefault("request", {}).pop("financialTransfer", None)
            payload["confirmed_without_refund"] = True
        conn.execute("UPDATE connector_outcomes SET needs_confirmation = false, payload = %s, "
                     "next_attempt_at = now(), updated_at = now() WHERE id = %s",
                     (Jsonb(payload), outcome_id))
    return True


def _due(conn: Any, connector: Connector, limit: int) -> list[dict[str, Any]]:
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(
            "SELECT id, external_id, rma_number, line_no, payload, state, attempts, process_ref "
            "FROM connector_outcomes WHERE connector_id = %s AND state IN ('waiting', 'sending', 'sent') "
            "AND NOT needs_confirmation AND next_attempt_at <= now() "
            "ORDER BY (state = 'sending') DESC, created_at LIMIT %s",
            (connector.id, limit),
        )
        return list(cur.fetchall())


def _set(conn: Any, row: dict[str, Any], state: str, message: str = "", process_ref: str | None = None,
         retry_in_s: float | None = None) -> None:
    with conn.transaction():
        conn.execute(
            "UPDATE connector_outcomes SET state = %(state)s, message = %(message)s, "
            "process_ref = COALESCE(%(ref)s, process_ref), updated_at = now(), "
            "sent_at = CASE WHEN %(state)s IN ('sent', 'accepted') AND sent_at IS NULL THEN now() "
            "ELSE sent_at END, "
            "done_at = CASE WHEN %(state)s IN ('accepted', 'rejected') THEN now() ELSE done_at END, "
            "next_attempt_at = now() + make_interval(secs => %(wait)s::float8) WHERE id = %(id)s",
            {"state": state, "message": message[:2000], "ref": process_ref, "wait": retry_in_s or 0.0,
             "id": row["id"]},
        )
    row["state"] = state
    if process_ref is not None:
        row["process_ref"] = process_ref


def _apply(conn: Any, row: dict[str, Any], delivery: Delivery, follow_after_s: float = 5.0) -> None:
    if delivery.state == "pending":
        _set(conn, row, "sent", delivery.message, delivery.process_ref or None,
             retry_in_s=backoff_seconds(row["attempts"] + 1, base=follow_after_s, cap=600.0))
    else:
        _set(conn, row, delivery.state, delivery.message, delivery.process_ref or None)


def dispatch(conn: Any, connector: Connector, platform: Platform, limit: int = 200) -> dict[str, int]:
    """Send the due outcomes, follow the sent ones; returns counts by what happened.

    Raises :class:`RateLimited` (after putting the row back) so the runner can postpone the connector.
    """
    counts: dict[str, int] = defaultdict(int)
    for row in _due(conn, connector, limit):
        phase = "follow"
        try:
            if row["state"] == "sent":
                _apply(conn, row, platform.follow(row), platform.follow_after_s)
                counts["followed"] += 1
                continue
            if row["state"] == "sending":  # a run ended mid-send: what does the platform have?
                phase = "check"
                found = platform.already_delivered(row)
                if found is not None:
                    log.info("outcome %s was delivered before the connector stopped", row["id"])
                    _apply(conn, row, found, platform.follow_after_s)
                    counts["recovered"] += 1
                    continue
            with conn.transaction():
                conn.execute("UPDATE connector_outcomes SET state = 'sending', attempts = attempts + 1, "
                             "updated_at = now() WHERE id = %s", (row["id"],))
            row["attempts"] += 1
            row["state"] = "sending"
            phase = "send"
            _apply(conn, row, platform.send(row), platform.follow_after_s)
            counts["sent"] += 1
        except RateLimited as limited:
            # A 429 to the send itself was not processed: the outcome waits. A 429 while checking or
            # following leaves the state as it was ('sending' is checked again before any resend).
            _set(conn, row, "waiting" if phase == "send" else row["state"], limited.message,
                 retry_in_s=limited.retry_after_s)
            raise
        except Rejected as refused:
            log.warning("outcome %s (%s line %s) rejected: %s", row["id"], row["rma_number"], row["line_no"],
                        refused.message)
            _set(conn, row, "rejected", refused.message)
            counts["rejected"] += 1
        except Transient as problem:
            # A request that timed out or met a 5xx may still have arrived: the row stays 'sending', so
            # the next attempt asks the platform first (and 'sent' stays 'sent').
            _set(conn, row, row["state"], problem.message,
                 retry_in_s=backoff_seconds(row["attempts"], BACKOFF_BASE_S, BACKOFF_CAP_S))
            counts["retry"] += 1
            raise
    return dict(counts)
