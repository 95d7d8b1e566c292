"""Announced returns from a platform, written with the file import's own validation and writer.

A connector maps each platform return to the record a JSON Lines import file would hold (the canonical
field names of docs/import-format.md). From there it is the file import: the record is checked by the
same validator (:class:`~inspector.services.returns_import.validation._Validator`: normalisation, check
digits, lengths, formulas, reasons, content hash) and written by the same central writer
(:class:`inspector.sync.central_import.CentralWriter`, :func:`inspector.sync.announce.upsert_returns`):
a return seen again unchanged changes nothing, a return the platform changed is updated line by line,
exactly as ``inspector central import-returns`` updates it, and flows down to the stations.

Platform returns carry the platform's id, not an RMA number of ours: the first time a platform id is
seen it gets an RMA number (``RMA`` + 7 digits from ``connector_rma_seq`` + a Luhn check digit, from
9000000 up, skipping any number a file import already used), kept in ``connector_returns`` with the
platform's ids of its lines. Stations find these returns by the parcel's tracking number or the order
number as they find every other.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from psycopg.types.json import Jsonb

from inspector.connectors.store import Connector, save_cursor
from inspector.scanning.checkdigits import luhn_check_digit
from inspector.services.returns_import.columns import _label_key
from inspector.services.returns_import.records import _json_record
from inspector.services.returns_import.report import ImportReport
from inspector.services.returns_import.validation import _Validator
from inspector.services.returns_import.vocabulary import CATEGORY_SYNONYMS, REASON_SYNONYMS
from inspector.sync.central_import import CentralWriter, _warehouses

log = logging.getLogger(__name__)

# Required by the file import, but not shared by every platform (bol.com keeps the customer to itself,
# no platform knows our product categories): what such a return gets instead.
OPTIONAL_FIELDS: dict[str, Any] = {
    "customer_name": "",
    "customer_email": "",
    "postcode": "",
    "house_number": "",
    "unit_price": 0,
    "category": "other",
}


@dataclass
class PlatformReturn:
    """One return as a platform announced it, mapped to an import record.

    ``record`` uses the import's field names (``rma_number`` and ``warehouse`` are filled in here);
    ``line_refs`` maps each ``line_no`` to what an outcome is reported against on the platform (bol.com's
    rmaId, Shopify's return line item id); ``extra`` keeps other ids the outcome needs.
    """

    external_id: str
    record: dict[str, Any]
    line_refs: dict[int, dict[str, Any]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    problem: str = ""
    """Set when the platform's data for this return could not be read at all (a malformed item)."""


def reason_code(*texts: str) -> str:
    """A platform's reason text as one of our reason codes ('other' when none matches)."""
    for text in texts:
        found = REASON_SYNONYMS.get(_label_key(text or ""))
        if found is not None:
            return str(found)
    return "other"


def category_code(text: str, default: str = "other") -> str:
    """A platform's product type as one of our categories (``default`` when none matches)."""
    found = CATEGORY_SYNONYMS.get(_label_key(text or ""))
    return str(found) if found is not None else default


def _allocate_rma(conn: Any) -> str:
    while True:
        number = conn.execute("SELECT nextval('connector_rma_seq')").fetchone()[0]
        body = f"{number:07d}"
        rma = f"RMA{body}{luhn_check_digit(body)}"
        taken = conn.execute("SELECT 1 FROM returns WHERE rma_number = %s UNION ALL "
                             "SELECT 1 FROM connector_returns WHERE rma_number = %s", (rma, rma)).fetchone()
        if taken is None:
            return rma


def write_page(conn: Any, connector: Connector, returns: list[PlatformReturn],
               cursor: dict[str, Any] | None) -> ImportReport:
    """Import one page of platform returns and move the cursor, in one transaction.

    A platform return delivered twice (in one page or in two runs) is written once: it is keyed by the
    platform's id, and an unchanged return changes nothing. A return that fails the checks is kept in
    ``connector_returns`` with its problem (``inspector connectors status`` lists it); the others go on.
    """
    report = ImportReport(file=f"{connector.platform}:{connector.name}")
    unique: dict[str, PlatformReturn] = {}
    for item in returns:
        unique[item.external_id] = item  # a duplicate delivery: the later copy wins
    with conn.transaction():
        validator = _Validator(_warehouses(conn), connector.warehouse_code, "the central database",
                               optional={**OPTIONAL_FIELDS,
                                         "category": connector.settings.get("default_category", "other")})
        rows = conn.execute(
            "SELECT external_id, rma_number, lines FROM connector_returns WHERE connector_id = %s "
            "AND external_id = ANY(%s)", (connector.id, list(unique))).fetchall() if unique else []
        known = {external_id: rma for external_id, rma, _lines in rows}
        for external_id, _rma, lines in rows:
            _keep_line_numbers(unique[external_id], lines or {})
        batch = []
        for number, item in enumerate(unique.values(), start=1):
            # The link first: the RMA number it holds is the one (a number allocated meanwhile is unused).
            rma = conn.execute(
                "INSERT INTO connector_returns (connector_id, external_id, rma_number, lines, extra) "
                "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (connector_id, external_id) "
                "DO UPDATE SET lines = EXCLUDED.lines, extra = EXCLUDED.extra, last_seen_at = now() "
                "RETURNING rma_number",
                (connector.id, item.external_id, known.get(item.external_id) or _allocate_rma(conn),
                 Jsonb({str(k): v for k, v in item.line_refs.items()}), Jsonb(item.extra)),
            ).fetchone()[0]
            obj = {**item.record, "rma_number": rma, "warehouse": connector.warehouse_code}
            record = _json_record(number, obj, set())
            report.returns_read += 1
            announced, problems = (None, []) if item.problem else validator.validate(rma, [record])
            problem = item.problem or "; ".join(f"{p.column}: {p.message}" if p.column else p.message
                                                for p in problems)
            if announced is not None and item.external_id in known:
                problem = _inspected_changes(conn, rma, announced.lines, connector.platform)
                announced = None if problem else announced
            conn.execute("UPDATE connector_returns SET import_problem = %s WHERE connector_id = %s "
                         "AND external_id = %s", (problem[:2000], connector.id, item.external_id))
            if announced is None:
                report.rejected_returns += 1
                log.warning("%s %s: return %s (%s) not imported: %s", connector.platform, connector.name,
                            item.external_id, rma, problem)
                continue
            batch.append(announced)
        if batch:
            CentralWriter(conn).write(batch, report, lambda: False, lambda: None)
        if cursor is not None:
            save_cursor(conn, connector, cursor)
    return report


def _keep_line_numbers(item: PlatformReturn, before: dict[str, Any]) -> None:
    """Give each platform line the line number it had when first imported.

    The platforms number nothing: a connector numbers a return's lines in the order the platform lists
    them, and that order is not promised (bol.com, Shopify and Sendcloud may list the items of a return
    differently the next time, or leave one out). Renumbered, line 1 would become another product: its
    inspections would stay with line 1 and their outcome would be reported against the other product's
    platform line. So a line keeps its number by its platform id, a new line gets the next unused one,
    and a line that is no longer listed keeps its number reserved (its mapping stays).
    """
    numbers = {str(ref.get("id")): int(no) for no, ref in before.items() if isinstance(ref, dict)}
    if not item.line_refs or not numbers:
        return
    renumber: dict[int, int] = {}
    next_free = max(numbers.values()) + 1
    for no, ref in sorted(item.line_refs.items()):
        old = numbers.get(str(ref.get("id")))
        if old is None or old in renumber.values():
            old, next_free = next_free, next_free + 1
        renumber[no] = old
    for line in item.record.get("lines") or []:
        if isinstance(line, dict) and line.get("line_no") in renumber:
            line["line_no"] = renumber[line["line_no"]]
    refs = {no: ref for no, ref in ((int(k), v) for k, v in before.items()) if no not in renumber.values()}
    refs.update({renumber[no]: ref for no, ref in item.line_refs.items()})
    item.line_refs = dict(sorted(refs.items()))
    item.record["lines"] = sorted(item.record.get("lines") or [], key=lambda ln: ln.get("line_no", 0))


def _inspected_changes(conn: Any, rma: str, lines: list[dict[str, Any]], platform: str) -> str:
    """What the platform's new version of a return would change on lines the warehouse inspected
    already ('' if nothing): such a change is not applied (the return stays as the station inspected
    it) and is listed by ``connectors status`` for someone to check with the shop."""
    inspected = conn.execute(
        "SELECT l.line_no, l.sku, l.gtin, l.quantity, count(DISTINCT i.unit_index) "
        "FROM returns r JOIN return_lines l ON l.return_id = r.id "
        "JOIN inspections i ON i.return_line_id = l.id AND i.status <> 'voided' "
        "WHERE r.rma_number = %s GROUP BY l.line_no, l.sku, l.gtin, l.quantity", (rma,)).fetchall()
    wanted = {line["line_no"]: line for line in lines}
    changes = []
    for line_no, sku, gtin, _quantity, units in inspected:
        new = wanted.get(line_no)
        if new is None:
            changes.append(f"line {line_no} ({sku}) is gone")
        elif (new.get("sku") or "") != sku or (new.get("gtin") or "") != (gtin or ""):
            changes.append(f"line {line_no} changed from {sku} to {new.get('sku')}")
        elif int(new.get("quantity") or 0) < units:
            changes.append(f"line {line_no} now announces {new.get('quantity')} units, {units} inspected")
    if not changes:
        return ""
    return (f"changed on {platform} after it was inspected ({'; '.join(changes)}): not applied, the "
            "return stays as inspected; check it with the shop")
