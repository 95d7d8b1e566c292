"""Grading and finishing an inspection: suggested grade, override, refund advice, disposition, LPN.

:meth:`GradingService.assess` shows the inspector what the checklist rules make of the answers;
:meth:`GradingService.finish` records the final grade (an override needs a reason), the refund
recommendation under the warehouse's policy, the destination and a new licence-plate number, and
closes the return when its last unit is done.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector.fault_points import fault_point
from inspector.models import (
    Flag,
    Grade,
    Inspection,
    InspectionStatus,
    ItemOutcome,
    Parcel,
    RefundRecommendation,
    Return,
    ReturnLine,
    Role,
    Station,
    User,
    Warehouse,
    utcnow,
)
from inspector.models.database import Database
from inspector.reports.labels import LabelData, make_lpn
from inspector.services.audit import append_event
from inspector.services.checklists import (
    ChecklistTemplate,
    Evaluation,
    InspectionContext,
    Missing,
    evaluate,
    missing_required,
    template_for,
)
from inspector.services.grading import (
    WRONG_ITEM_KIND,
    Disposition,
    RefundAdvice,
    RefundPolicy,
    override_problem,
    recovered_value_cents,
    refund_recommendation,
)
from inspector.services.inspection import InspectionError, close_return_if_done
from inspector.services.record_hash import settle_payload
from inspector.services.return_summary import local_date
from inspector.services.station import StationContext


def gtin_as_scanned(gtin: str, code: str) -> str:
    """A GTIN in the form it was scanned: an EAN-13, UPC-A or EAN-8 keeps its 13, 12 or 8 digits
    (the service compares 14-digit GTINs; people compare what the box and the announcement show)."""
    code = code.strip()
    padded = gtin.endswith(code) and set(gtin[: -len(code)]) <= {"0"}
    if code.isdigit() and len(code) in (8, 12, 13, 14) and padded:
        return code
    return gtin or code


@dataclass(frozen=True)
class Assessment:
    """What the rules say about an inspection right now (nothing is saved)."""

    template: ChecklistTemplate | None
    evaluation: Evaluation | None
    missing: tuple[Missing, ...]
    needs_wrong_item_photo: bool
    refund: RefundAdvice
    disposition: Disposition | None
    missing_by_grade: Mapping[Grade, tuple[Missing, ...]] = field(default_factory=dict)

    def missing_for(self, grade: Grade | None) -> tuple[Missing, ...]:
        """What is missing to finish with ``grade`` (another grade can need more photos)."""
        if grade is None or grade not in self.missing_by_grade:
            return self.missing
        return self.missing_by_grade[grade]

    @property
    def suggested_grade(self) -> Grade | None:
        """The grade the rules suggest (None for missing items)."""
        return self.evaluation.suggested_grade if self.evaluation else None

    @property
    def complete(self) -> bool:
        """Every required answer and photo is there."""
        return not self.missing and not self.needs_wrong_item_photo


@dataclass(frozen=True)
class FinishedItem:
    """A graded item: what its label shows and what was decided."""

    inspection_id: uuid.UUID
    grade: Grade
    suggested_grade: Grade
    overridden: bool
    disposition: Disposition
    refund: RefundAdvice
    label: LabelData
    return_complete: bool


class GradingService:
    """Assesses and finishes inspections with the checklist templates and the warehouse policy."""

    def __init__(
        self, database: Database, station: StationContext, templates: Mapping[str, ChecklistTemplate]
    ) -> None:
        self._database = database
        self._station = station
        self._templates = templates

    def template_for(self, category: str) -> ChecklistTemplate:
        """The checklist for a product category (the generic one when none is specific)."""
        return template_for(category, self._templates)

    def assess(self, inspection_id: uuid.UUID) -> Assessment:
        """Evaluate the answers given so far (the inspector's grading screen)."""
        with self._database.session() as session:
            return self._assess(session, self._inspection(session, inspection_id))

    def finish(
        self,
        inspection_id: uuid.UUID,
        final_grade: Grade,
        override_reason: str,
        user_id: uuid.UUID | None,
        *,
        hazard_cleared_by: uuid.UUID | None = None,
        wrong_item_cleared_by: uuid.UUID | None = None,
    ) -> FinishedItem:
        """Record the final grade and everything that follows from it, in one transaction.

        Refused while an answer or a photo the outcome needs is missing (the photo policy: a worse
        grade or refund than a full-refund restock needs every photo). A hazardous item always goes
        to the hazardous-goods cage and gets a hazard mark on its label, whatever grade is chosen;
        only a supervisor (``hazard_cleared_by``: a supervisor, team lead or admin) can clear it.
        A wrong item (another product than the announced line) likewise goes to the supervisor-check
        quarantine with a WRONG ITEM mark and the scanned code on its label, whatever grade is chosen;
        only a supervisor (``wrong_item_cleared_by``) can send it on by its grade. The record keeps the
        wrong-item outcome and flag either way.
        Refused without a user (InspectionError ``user_required``): the grade is somebody's decision.
        """
        if user_id is None:
            raise InspectionError("user_required", "finishing an inspection needs the acting user")
        with self._database.session() as session:
            inspection = self._inspection(session, inspection_id)
            if inspection.status is not InspectionStatus.IN_PROGRESS:
                raise InspectionError("inspection_finished")
            assessment = self._assess(session, inspection)
            missing = assessment.missing_for(final_grade)
            if missing:
                raise InspectionError("incomplete", ", ".join(m.id for m in missing))
            if assessment.needs_wrong_item_photo:
                raise InspectionError("wrong_item_photo_required")
            if inspection.verification is None and inspection.outcome is not ItemOutcome.EXTRA:
                raise InspectionError("not_verified")
            suggested = assessment.suggested_grade or final_grade
            problem = override_problem(suggested, final_grade, override_reason)
            if problem:
                raise InspectionError("override_reason_required", problem)
            line = session.get(ReturnLine, inspection.return_line_id) if inspection.return_line_id else None
            category = str(line.category) if line else "other"
            evaluation = assessment.evaluation
            flags = set(evaluation.flags if evaluation else ()) | set(inspection.flags)
            overridden = final_grade is not suggested
            if overridden:
                flags.add(Flag.OVERRIDE)
            cleared = ""
            if hazard_cleared_by is not None and Flag.HAZARDOUS in {Flag(f) for f in flags}:
                cleared = self._supervisor_name(session, hazard_cleared_by)
                flags.discard(Flag.HAZARDOUS)
                flags.discard(Flag.HAZARDOUS.value)
                inspection.remove_flag(Flag.HAZARDOUS)
            wrong = Flag.WRONG_ITEM in {Flag(f) for f in flags}
            if wrong_item_cleared_by is not None and wrong:
                payload_cleared = self._supervisor_name(session, wrong_item_cleared_by)
                routing = {f for f in flags if Flag(f) is not Flag.WRONG_ITEM}
            else:
                payload_cleared, routing = "", flags
            disposition = Disposition.for_grade(final_grade, category, routing)
            ret = session.get(Return, inspection.return_id) if inspection.return_id else None
            refund = self._refund(session, inspection, line, ret, final_grade, evaluation, flags)
            for flag in flags:
                inspection.add_flag(str(flag))
            inspection.suggested_grade = suggested
            inspection.final_grade = final_grade
            inspection.override_reason = override_reason.strip() if overridden else ""
            inspection.disposition = disposition.kind
            inspection.destination = disposition.destination
            inspection.refund_recommendation = refund.kind
            inspection.refund_amount_cents = refund.amount_cents
            inspection.recovered_value_cents = recovered_value_cents(
                final_grade, line.unit_price_cents if line else 0
            )
            inspection.lpn = self._next_lpn(session)
            inspection.status = InspectionStatus.FINISHED
            inspection.finished_at = utcnow()
            session.flush()
            payload = {
                "suggested": suggested.value,
                "grade": final_grade.value,
                "reasons": evaluation.reasons if evaluation else [],
                "flags": sorted(str(f) for f in flags),
                "disposition": disposition.kind,
                "destination": disposition.destination,
                "refund": refund.kind.value,
                "refund_amount_cents": refund.amount_cents,
                "lpn": inspection.lpn,
            }
            action = "grade_overridden" if overridden else "grade_set"
            if overridden:
                payload["override_reason"] = inspection.override_reason
            if cleared:
                payload["hazard_cleared_by"] = cleared
            if payload_cleared:
                payload["wrong_item_cleared_by"] = payload_cleared
            payload.update(settle_payload(session, inspection))  # the record this event settles
            self._event(session, inspection, user_id, action, payload)
            complete = close_return_if_done(session, ret)
            label = self._label(session, inspection, line, ret)
            item = FinishedItem(
                inspection.id, final_grade, suggested, overridden, disposition, refund, label, complete
            )
            fault_point("finish_before_commit")
        fault_point("finish_after_commit")
        return item

    def label_for(self, inspection_id: uuid.UUID) -> LabelData:
        """The label of a finished item, for re-printing from its history."""
        with self._database.session() as session:
            inspection = self._inspection(session, inspection_id)
            if not inspection.lpn:
                raise InspectionError("not_graded")
            line = session.get(ReturnLine, inspection.return_line_id) if inspection.return_line_id else None
            ret = session.get(Return, inspection.return_id) if inspection.return_id else None
            return self._label(session, inspection, line, ret)

    def record_label_output(
        self, inspection_id: uuid.UUID, mode: str, user_id: uuid.UUID | None, reprint: bool = False
    ) -> None:
        """Write the printing (or saving) of a label to the audit log."""
        with self._database.session() as session:
            inspection = self._inspection(session, inspection_id)
            action = "label_reprinted" if reprint else "label_printed"
            self._event(session, inspection, user_id, action, {"lpn": inspection.lpn, "mode": mode})

    # --- internals --------------------------------------------------------------------------------

    @staticmethod
    def _supervisor_name(session: Session, user_id: uuid.UUID) -> str:
        user = session.get(User, user_id)
        if user is None or not user.active or user.role not in (Role.SUPERVISOR, Role.TEAM_LEAD, Role.ADMIN):
            raise InspectionError("supervisor_required")
        return user.name

    @staticmethod
    def _inspection(session: Session, inspection_id: uuid.UUID) -> Inspection:
        inspection = session.get(Inspection, inspection_id)
        if inspection is None:
            raise InspectionError("unknown_inspection")
        return inspection

    def _assess(self, session: Session, inspection: Inspection) -> Assessment:
        line = session.get(ReturnLine, inspection.return_line_id) if inspection.return_line_id else None
        ret = session.get(Return, inspection.return_id) if inspection.return_id else None
        photo_tags = {p.tag for p in inspection.photos}
        wrong = Flag.WRONG_ITEM.value in inspection.flags or inspection.outcome is ItemOutcome.WRONG_ITEM
        needs_wrong_photo = wrong and not inspection.photos
        if inspection.outcome is ItemOutcome.MISSING:
            refund = refund_recommendation(ItemOutcome.MISSING, None, 0, 0, RefundPolicy())
            return Assessment(None, None, (), False, refund, None)
        template = self.template_for(str(line.category) if line else "other")
        context = self._context(session, inspection, line, ret)
        evaluation = evaluate(template, inspection.answers, context)
        flags = set(evaluation.flags) | set(inspection.flags)
        refund = self._refund(session, inspection, line, ret, evaluation.suggested_grade, evaluation, flags)
        everyday = (  # restock, nothing deducted for what was found, nothing flagged
            evaluation.suggested_grade is Grade.RESTOCK
            and refund.kind is not RefundRecommendation.NONE
            and not refund.deduction_cents
            and not flags
            and inspection.outcome is ItemOutcome.RECEIVED
        )
        policy = template.photo_policy.restock_full_refund
        by_grade = {
            grade: tuple(
                missing_required(
                    template,
                    inspection.answers,
                    photo_tags,
                    only_photos=policy if everyday and grade is Grade.RESTOCK else None,
                )
            )
            for grade in Grade
        }
        disposition = Disposition.for_grade(
            evaluation.suggested_grade, str(line.category) if line else "other", flags
        )
        missing = by_grade[evaluation.suggested_grade]
        return Assessment(template, evaluation, missing, needs_wrong_photo, refund, disposition, by_grade)

    def _context(
        self, session: Session, inspection: Inspection, line: ReturnLine | None, ret: Return | None
    ) -> InspectionContext:
        warehouse = session.get(Warehouse, self._station.warehouse_id)
        parcel = session.get(Parcel, inspection.parcel_id) if inspection.parcel_id else None
        days = None
        if ret is not None and ret.delivered_on is not None and warehouse is not None:
            received = parcel.received_at if parcel else utcnow()
            days = (local_date(received, warehouse.time_zone) - ret.delivered_on).days
        window = 30
        if warehouse is not None:
            vip = ret is not None and ret.customer_segment == "vip"
            window = warehouse.vip_return_window_days if vip else warehouse.return_window_days
        return InspectionContext(
            expected_serial=line.expected_serial if line else "",
            scanned_serial=inspection.serial_scanned,
            reason=str(line.reason_code) if line else "",
            days_since_delivery=days,
            return_window_days=window,
            box_condition=str(parcel.box_condition) if parcel else "intact",
            refund_choice=str(ret.refund_choice) if ret else "refund",
            policy_deduction_bp=warehouse.damage_deduction_bp if warehouse else 3000,
        )

    def _refund(
        self,
        session: Session,
        inspection: Inspection,
        line: ReturnLine | None,
        ret: Return | None,
        grade: Grade | None,
        evaluation: Evaluation | None,
        flags: set,
    ) -> RefundAdvice:  # type: ignore[type-arg]
        warehouse = session.get(Warehouse, self._station.warehouse_id)
        return refund_recommendation(
            inspection.outcome,
            grade,
            evaluation.deduction_bp if evaluation else 0,
            line.unit_price_cents if line else 0,
            RefundPolicy.of(warehouse),
            ret.refund_choice if ret else "refund",
            flags=flags,
            reason=str(line.reason_code) if line else "",
        )

    def _next_lpn(self, session: Session) -> str:
        count = (
            session.scalar(
                select(func.count()).where(
                    Inspection.station_id == self._station.station_id, Inspection.lpn.isnot(None)
                )
            )
            or 0
        )
        counter = int(count) + 1
        while True:
            lpn = make_lpn(self._station.station_code, counter)
            if session.scalar(select(Inspection.id).where(Inspection.lpn == lpn)) is None:
                return lpn
            counter += 1

    def _label(
        self, session: Session, inspection: Inspection, line: ReturnLine | None, ret: Return | None
    ) -> LabelData:
        station = session.get(Station, inspection.station_id) if inspection.station_id else None
        wrong = Flag.WRONG_ITEM.value in inspection.flags and inspection.disposition == WRONG_ITEM_KIND
        return LabelData(
            lpn=inspection.lpn or "",
            grade=str(inspection.final_grade or ""),
            destination=inspection.destination,
            rma=ret.rma_number if ret else "",
            sku=line.sku if line else inspection.item_sku,
            product_name=line.product_name if line else inspection.item_description,
            station=station.code if station else "",
            inspected_at=inspection.finished_at or datetime.now().astimezone(),
            hazardous=Flag.HAZARDOUS.value in inspection.flags,
            wrong_item=wrong,
            scanned_code=gtin_as_scanned(inspection.item_gtin, inspection.verified_code) if wrong else "",
        )

    def _event(
        self, session: Session, inspection: Inspection, user_id: uuid.UUID | None, action: str, payload: dict
    ) -> None:  # type: ignore[type-arg]
        append_event(
            session,
            station_id=self._station.station_id,
            action=action,
            actor_id=user_id,
            entity_type="inspection",
            entity_id=inspection.id,
            return_id=inspection.return_id,
            inspection_id=inspection.id,
            payload=payload,
        )
