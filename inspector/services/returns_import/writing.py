"""Writing validated returns: inserting new ones, updating changed ones line by line."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, selectinload

from inspector.models.base import utcnow
from inspector.models.enums import (
    ReturnSource,
    ReturnStatus,
)
from inspector.models.inspection import Inspection
from inspector.models.returns import Parcel, Return, ReturnLine
from inspector.services.returns_import.report import ImportReport
from inspector.services.returns_import.validation import _Announced

# --- Writing ------------------------------------------------------------------------------------------

_RETURN_FIELDS = (
    "order_number",
    "customer_name",
    "customer_name_key",
    "customer_email",
    "customer_segment",
    "postcode",
    "house_number",
    "country",
    "channel",
    "delivered_on",
    "announced_at",
    "refund_choice",
    "carrier",
    "tracking_number",
)


def _line_values(line: dict[str, Any]) -> dict[str, Any]:
    return {
        "line_no": line["line_no"],
        "sku": line["sku"],
        "gtin": line["gtin"],
        "product_name": line["product_name"],
        "category": line["category"],
        "quantity": line["quantity"],
        "unit_price_cents": line["unit_price"],
        "currency": line["currency"],
        "reason_code": line["reason"],
        "customer_comment": line["customer_comment"],
        "expected_serial": line["expected_serial"],
    }


def _assign(obj: Any, values: dict[str, Any]) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _insert(session: Session, batch: list[_Announced]) -> None:
    """Insert new returns and their lines with two multi-row INSERTs (fast for big files).

    Imported returns are not uploaded (see :mod:`inspector.services.outbox`), so skipping the
    unit-of-work's flush hooks loses nothing.
    """
    if not batch:
        return
    now = utcnow()
    returns: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    for announced in batch:
        return_id = uuid.uuid4()
        returns.append(
            {
                "id": return_id,
                "warehouse_id": announced.warehouse.id,
                "rma_number": announced.rma,
                "status": ReturnStatus.ANNOUNCED,
                "source": ReturnSource.IMPORT,
                "content_hash": announced.content_hash,
                "created_at": now,
                "updated_at": now,
                **{name: announced.header[name] for name in _RETURN_FIELDS},
            }
        )
        for line in announced.lines:
            lines.append(
                {
                    "id": uuid.uuid4(),
                    "return_id": return_id,
                    "created_at": now,
                    "updated_at": now,
                    **_line_values(line),
                }
            )
    session.execute(insert(Return), returns)
    session.execute(insert(ReturnLine), lines)


def _update(
    session: Session,
    ret: Return,
    announced: _Announced,
    protected: bool,
    inspected: dict[uuid.UUID, int],
    warnings: list[str],
) -> None:
    """Bring an existing return in line with the file, never deleting what was inspected."""
    where = f"{announced.rma} (line {announced.line})"
    _assign(ret, {name: announced.header[name] for name in _RETURN_FIELDS})
    if ret.warehouse_id != announced.warehouse.id:
        if protected:
            warnings.append(
                f"{where}: the return has parcels or inspections, so it stays in its "
                f"warehouse instead of moving to {announced.warehouse.code}."
            )
        else:
            ret.warehouse_id = announced.warehouse.id
    existing = {line.line_no: line for line in ret.lines}
    wanted = {line["line_no"]: line for line in announced.lines}
    for number, line in wanted.items():
        values = _line_values(line)
        current = existing.get(number)
        if current is None:
            ret.lines.append(ReturnLine(id=uuid.uuid4(), **values))
            continue
        units = inspected.get(current.id, 0)
        if units and (current.sku != values["sku"] or current.gtin != values["gtin"]):
            warnings.append(
                f"{where}: line {number} has inspections and its product changed from "
                f"{current.sku} to {values['sku']}; check those inspections."
            )
        if units > values["quantity"]:
            warnings.append(
                f"{where}: line {number} now announces {values['quantity']} units but "
                f"{units} were inspected already."
            )
        _assign(current, values)
    for number, current in existing.items():
        if number in wanted:
            continue
        if inspected.get(current.id):
            warnings.append(
                f"{where}: line {number} ({current.sku}) is no longer in the file but "
                f"has inspections, so it was kept."
            )
        else:
            ret.lines.remove(current)
    ret.content_hash = announced.content_hash
    ret.updated_at = utcnow()


def _write_batch(
    session: Session,
    batch: list[_Announced],
    report: ImportReport,
    stop: Callable[[], bool],
    advance: Callable[[], None],
) -> bool:
    """Write one batch; returns False when ``stop()`` said so between two returns."""
    rows = session.execute(
        select(Return.rma_number, Return.content_hash, Return.id).where(
            Return.rma_number.in_([a.rma for a in batch])
        )
    ).all()
    known = {rma: (digest, rid) for rma, digest, rid in rows}
    changed_ids = [known[a.rma][1] for a in batch if a.rma in known and known[a.rma][0] != a.content_hash]
    loaded: dict[uuid.UUID, Return] = {}
    inspected: dict[uuid.UUID, int] = {}
    protected: set[uuid.UUID] = set()
    if changed_ids:
        loaded = {
            r.id: r
            for r in session.scalars(
                select(Return).where(Return.id.in_(changed_ids)).options(selectinload(Return.lines))
            )
        }
        line_ids = [line.id for r in loaded.values() for line in r.lines]
        if line_ids:
            counts = session.execute(
                select(Inspection.return_line_id, func.count())
                .where(Inspection.return_line_id.in_(line_ids))
                .group_by(Inspection.return_line_id)
            )
            inspected = {line_id: int(count) for line_id, count in counts if line_id is not None}
        protected = set(session.scalars(select(Parcel.return_id).where(Parcel.return_id.in_(changed_ids))))
        protected |= set(
            session.scalars(select(Inspection.return_id).where(Inspection.return_id.in_(changed_ids)))
        )
    new: list[_Announced] = []
    try:
        for announced in batch:
            if stop():
                return False
            found = known.get(announced.rma)
            if found is None:
                new.append(announced)
                report.created += 1
            elif found[0] == announced.content_hash:
                report.unchanged += 1
            else:
                ret = loaded[found[1]]
                _update(session, ret, announced, ret.id in protected, inspected, report.warnings)
                report.updated += 1
            advance()
    finally:
        _insert(session, new)  # also when stopped: each return in ``new`` is whole
    return True
