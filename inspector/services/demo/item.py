"""One demo unit's inspection: verification, checklist, grade, refund, disposition, LPN, photos, audit.

Grading follows the station's own policy: the checklist rules suggest the grade
(:mod:`inspector.services.demo.answers`), and :mod:`inspector.services.grading` gives the
disposition, the refund advice under the warehouse's :class:`RefundPolicy` and the recovered value,
as :class:`inspector.services.finishing.GradingService` does for a real inspection.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from inspector.models import (
    Flag,
    Grade,
    InspectionStatus,
    ItemOutcome,
    RefundRecommendation,
    ReturnReason,
    VerificationMethod,
)
from inspector.services.checklists import InspectionContext
from inspector.services.demo.answers import AnswerMaker, Checklist
from inspector.services.demo.reference import (
    BY_CATEGORY,
    CATALOGUE,
    FRAUD_NOTES,
    GRADES,
    INSPECTION_NOTES,
    MANUAL_VERIFICATION_NOTES,
    OVERRIDE_REASONS,
    Product,
)
from inspector.services.demo.returns import make_serial
from inspector.services.demo.state import LineInfo, ParcelVisit, ReturnInfo, SeedRun, WorkRows, new_uuid
from inspector.services.demo.trail import Trail
from inspector.services.grading import Disposition, RefundPolicy, recovered_value_cents, refund_recommendation


@dataclass(frozen=True)
class Unit:
    """One unit to inspect: its return line (None: an extra item), its number, when, its LPN source."""

    line: LineInfo | None
    unit_index: int
    started: datetime
    finished: datetime
    next_lpn: Callable[[], str]


def _outcome(run: SeedRun, unit: Unit, flags: set[str]) -> tuple[ItemOutcome, Product, str]:
    """What was found for the unit: the outcome, the product actually there, its serial."""
    rng = run.rng
    if unit.line is None:
        flags.add(Flag.EXTRA.value)
        return ItemOutcome.EXTRA, CATALOGUE[rng.randrange(len(CATALOGUE))], ""
    product = CATALOGUE[unit.line[1]]
    roll = rng.random()
    if roll < 0.025:
        swapped = CATALOGUE[rng.choice([p for p in BY_CATEGORY[product.category] if p != unit.line[1]])]
        flags.add(Flag.WRONG_ITEM.value)
        if rng.random() < 0.3:
            flags.add(Flag.SUSPECTED_FRAUD.value)
        return ItemOutcome.WRONG_ITEM, swapped, make_serial(rng, swapped) if swapped.serial_kind else ""
    if roll < 0.045:
        flags.add(Flag.MISSING.value)
        return ItemOutcome.MISSING, product, ""
    return ItemOutcome.RECEIVED, product, unit.line[4]


def _verification(run: SeedRun, outcome: ItemOutcome, code: str
                  ) -> tuple[VerificationMethod | None, str, str]:
    if outcome is ItemOutcome.MISSING:
        return None, "", "Unit not in the parcel"
    if run.rng.random() < 0.9:
        return VerificationMethod.SCAN, code, ""
    return VerificationMethod.MANUAL, "", run.rng.choice(MANUAL_VERIFICATION_NOTES)


def _override(run: SeedRun, suggested: Grade, flags: set[str]) -> tuple[Grade, str]:
    """About 5 % of grades are overridden by one step, with a reason."""
    rng = run.rng
    if rng.random() >= 0.05:
        return suggested, ""
    position = GRADES.index(suggested)
    up = position > 0 and (position == 3 or rng.random() < 0.5)
    flags.add(Flag.OVERRIDE.value)
    return GRADES[position - 1 if up else position + 1], rng.choice(OVERRIDE_REASONS["up" if up else "down"])


def inspect_unit(run: SeedRun, info: ReturnInfo, parcel: ParcelVisit, unit: Unit, answer_maker: AnswerMaker,
                 rows: WorkRows) -> None:
    """Inspect one unit of a parcel and collect its rows, photos and audit events."""
    rng = run.rng
    place = parcel.place
    inspection_id = new_uuid(rng)
    flags: set[str] = {Flag.LATE.value} if info.late else set()
    outcome, product, serial_scanned = _outcome(run, unit, flags)
    announced = CATALOGUE[unit.line[1]] if unit.line else None
    reason = unit.line[3] if unit.line else ReturnReason.OTHER
    item_sku = item_gtin = item_description = ""
    if outcome in (ItemOutcome.EXTRA, ItemOutcome.WRONG_ITEM):
        item_sku, item_gtin, item_description = product.sku, product.gtin, product.name
    verification, verified_code, verification_note = _verification(run, outcome, item_gtin or product.gtin)
    category = announced.category.value if announced else "other"  # the template the station would use
    price = announced.price_cents if announced else 0
    checklist: Checklist | None = None
    suggested = final = None
    override_reason = disposition = destination = ""
    recommendation, refund, recovered = RefundRecommendation.NONE, 0, None
    if outcome is not ItemOutcome.MISSING:
        vip = info.customer.segment == "vip"
        context = InspectionContext(
            expected_serial=unit.line[4] if unit.line else "", scanned_serial=serial_scanned,
            reason=reason.value,
            days_since_delivery=(parcel.received_at.astimezone(place.zone).date() - info.delivered_on).days,
            return_window_days=place.vip_window_days if vip else place.window_days,
            box_condition=parcel.box.value, refund_choice=info.refund_choice.value,
            policy_deduction_bp=place.damage_deduction_bp, today=unit.started.astimezone(place.zone).date(),
        )
        checklist = answer_maker.make(rng, category, product.sku, serial_scanned, context)
        flags |= {flag.value for flag in checklist.evaluation.flags}
        if product.hazardous:
            flags.add(Flag.HAZARDOUS.value)
        suggested = checklist.evaluation.suggested_grade
        final, override_reason = _override(run, suggested, flags)
        serial_returner = info.customer.email in run.serial_returners
        if (serial_returner and final in (Grade.LIQUIDATE, Grade.SCRAP)) or rng.random() < 0.008:
            flags.add(Flag.SUSPECTED_FRAUD.value)
        where = Disposition.for_grade(final, category, flags)
        disposition, destination = where.kind, where.destination
        advice = refund_recommendation(outcome, final, checklist.evaluation.deduction_bp, price,
                                       RefundPolicy.of(place), info.refund_choice, flags=flags,
                                       reason=reason.value)
        recommendation, refund = advice.kind, advice.amount_cents
        recovered = recovered_value_cents(final, price)
    lpn = unit.next_lpn() if final else None
    notes = rng.choice(FRAUD_NOTES if Flag.SUSPECTED_FRAUD.value in flags else INSPECTION_NOTES)
    rows.inspections.append({
        "id": inspection_id, "created_at": unit.started, "updated_at": unit.finished, "return_id": info.id,
        "return_line_id": unit.line[0] if unit.line else None, "parcel_id": parcel.id,
        "unit_index": unit.unit_index, "status": InspectionStatus.FINISHED.value, "outcome": outcome.value,
        "item_sku": item_sku, "item_gtin": item_gtin, "item_description": item_description,
        "verification": verification.value if verification else None, "verified_code": verified_code,
        "verification_note": verification_note, "serial_scanned": serial_scanned,
        "checklist_id": checklist.template.id if checklist else category,
        "checklist_version": checklist.template.version if checklist else 1,
        "answers": checklist.answers if checklist else {},
        "suggested_grade": suggested.value if suggested else None,
        "final_grade": final.value if final else None, "override_reason": override_reason,
        "disposition": disposition, "destination": destination,
        "refund_recommendation": recommendation.value, "refund_amount_cents": refund,
        "recovered_value_cents": recovered, "lpn": lpn, "notes": notes,
        "inspector_id": parcel.inspector_id, "station_id": parcel.station_id, "started_at": unit.started,
        "finished_at": unit.finished, "conflict_with_id": None,
    })
    rows.flags.extend({"inspection_id": inspection_id, "flag": flag} for flag in sorted(flags))
    trail = Trail(run, info, parcel, unit.started, unit.finished, inspection_id)
    trail.verified(outcome, verification, verified_code, item_sku or product.sku, unit.unit_index,
                   serial_scanned)
    if checklist:
        trail.answered(checklist)
    photo_lines = (f"SKU {item_sku or product.sku}", f"{{tag}} - {lpn or 'no LPN'}")
    trail.photos(rows, checklist.photo_tags if checklist else ("front",), category, photo_lines)
    if outcome is ItemOutcome.MISSING:
        trail.missing(notes)
    if checklist and final and suggested:
        trail.graded({
            "suggested_grade": suggested.value, "final_grade": suggested.value,
            "disposition": Disposition.for_grade(suggested, category, flags).kind,
            "refund_recommendation": recommendation.value, "refund_amount_cents": refund,
            "recovered_value_cents": recovered, "reasons": checklist.evaluation.reasons,
        }, {"from_grade": suggested.value, "to_grade": final.value, "reason": override_reason,
            "disposition": disposition, "destination": destination} if final is not suggested else None,
            {"lpn": lpn, "destination": destination, "disposition": disposition})
