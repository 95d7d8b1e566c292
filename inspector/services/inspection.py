"""The inspection of one unit, step by step, each step saved at once and written to the audit log.

A station can lose power at any moment: every answer, photo and verification is committed (SQLite
``synchronous=FULL``) the moment it is given, so a restart loses at most the answer being typed,
and :meth:`InspectionService.open_inspections` offers unfinished work for resumption.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector.fault_points import fault_point
from inspector.models import (
    AuditEvent,
    Flag,
    Inspection,
    InspectionStatus,
    ItemOutcome,
    Photo,
    Return,
    ReturnLine,
    ReturnStatus,
    User,
    VerificationMethod,
    utcnow,
)
from inspector.models.database import Database
from inspector.scanning.identify import identify
from inspector.services.audit import append_event
from inspector.services.checklist_model import AnswerError, ChecklistTemplate, validate_answer
from inspector.services.checklists import expected_answers, normalize_serial
from inspector.services.inspection_types import (
    ExpectedAnswers,
    InspectionError,
    InspectionState,
    PhotoInfo,
    VerificationResult,
)
from inspector.services.intake import gtin_variants
from inspector.services.maintenance import referenced_photos
from inspector.services.photo_store import PhotoStore
from inspector.services.record_hash import settle_payload
from inspector.services.station import StationContext


class InspectionService:
    """Starts, records and resumes inspections at this station."""

    def __init__(
        self,
        database: Database,
        station: StationContext,
        photos: PhotoStore,
        templates: Mapping[str, ChecklistTemplate] | None = None,
    ) -> None:
        self._database = database
        self._station = station
        self._photos = photos
        self._templates = templates or {}

    # --- lifecycle --------------------------------------------------------------------------------

    def start(
        self,
        *,
        return_id: uuid.UUID,
        line_id: uuid.UUID | None,
        user_id: uuid.UUID | None,
        checklist_id: str,
        checklist_version: int,
        parcel_id: uuid.UUID | None = None,
        outcome: ItemOutcome = ItemOutcome.RECEIVED,
        item_description: str = "",
        item_gtin: str = "",
    ) -> InspectionState:
        """Start inspecting the next uninspected unit of a line (or an extra item when line_id is None)."""
        with self._database.session() as session:
            ret = session.get(Return, return_id)
            if ret is None:
                raise InspectionError("unknown_return")
            unit_index = 1
            if line_id is not None:
                line = session.get(ReturnLine, line_id)
                if line is None or line.return_id != return_id:
                    raise InspectionError("unknown_line")
                open_here = session.scalar(
                    select(Inspection).where(
                        Inspection.return_line_id == line_id,
                        Inspection.status == InspectionStatus.IN_PROGRESS,
                        Inspection.station_id == self._station.station_id,
                    )
                )
                if open_here is not None:
                    return self._state(session, open_here)
                used = (
                    session.scalar(
                        select(func.count()).where(
                            Inspection.return_line_id == line_id, Inspection.status != InspectionStatus.VOIDED
                        )
                    )
                    or 0
                )
                if used >= line.quantity:
                    raise InspectionError("all_units_inspected")
                unit_index = int(used) + 1
            else:
                outcome = ItemOutcome.EXTRA
            inspection = Inspection(
                id=uuid.uuid4(),
                return_id=return_id,
                return_line_id=line_id,
                parcel_id=parcel_id or (ret.parcels[-1].id if ret.parcels else None),
                unit_index=unit_index,
                outcome=outcome,
                item_description=item_description,
                item_gtin=item_gtin,
                checklist_id=checklist_id,
                checklist_version=checklist_version,
                inspector_id=user_id,
                station_id=self._station.station_id,
                started_at=utcnow(),
            )
            if outcome is ItemOutcome.EXTRA:
                inspection.add_flag(Flag.EXTRA)
            session.add(inspection)
            if ret.status in (ReturnStatus.ANNOUNCED, ReturnStatus.RECEIVED):
                ret.status = ReturnStatus.INSPECTING
            session.flush()
            self._event(
                session,
                inspection,
                user_id,
                "inspection_started",
                {
                    "line_id": str(line_id) if line_id else None,
                    "unit_index": unit_index,
                    "checklist": checklist_id,
                    "checklist_version": checklist_version,
                    "checklist_sha256": getattr(self._templates.get(checklist_id), "digest", "") or None,
                    "outcome": str(outcome),
                },
            )
            return self._state(session, inspection)

    def mark_missing(
        self, *, return_id: uuid.UUID, line_id: uuid.UUID, user_id: uuid.UUID | None, note: str = ""
    ) -> InspectionState:
        """Record an announced unit that is not in the parcel (finished at once, no refund)."""
        state = self.start(
            return_id=return_id,
            line_id=line_id,
            user_id=user_id,
            checklist_id="",
            checklist_version=0,
            outcome=ItemOutcome.MISSING,
        )
        with self._database.session() as session:
            inspection = self._open(session, state.id)
            inspection.add_flag(Flag.MISSING)
            inspection.notes = note
            inspection.status = InspectionStatus.FINISHED
            inspection.finished_at = utcnow()
            inspection.refund_recommendation = "none"  # type: ignore[assignment]
            inspection.refund_amount_cents = 0
            self._event(session, inspection, user_id, "item_missing",
                        {"note": note, **settle_payload(session, inspection)})
            close_return_if_done(session, session.get(Return, return_id))
            return self._state(session, inspection)

    def open_inspections(self) -> list[InspectionState]:
        """Unfinished inspections of this station, newest first (by their last step): offered for
        resumption after a restart; each names who started it (``inspector_name``)."""
        with self._database.session() as session:
            last_step = (  # the station's audit sequence number of the inspection's last step
                select(func.max(AuditEvent.seq))
                .where(
                    AuditEvent.inspection_id == Inspection.id, AuditEvent.station_id == Inspection.station_id
                )
                .correlate(Inspection)
                .scalar_subquery()
            )
            rows = session.scalars(
                select(Inspection)
                .where(
                    Inspection.status == InspectionStatus.IN_PROGRESS,
                    Inspection.station_id == self._station.station_id,
                )
                .order_by(func.coalesce(last_step, 0).desc(), Inspection.started_at.desc())
            ).all()
            return [self._state(session, row) for row in rows]

    def for_return(self, return_id: uuid.UUID) -> list[InspectionState]:
        """Every inspection of a return at any station, oldest first (the return screen's history)."""
        with self._database.session() as session:
            rows = session.scalars(
                select(Inspection).where(Inspection.return_id == return_id).order_by(Inspection.started_at)
            ).all()
            return [self._state(session, row) for row in rows]

    def get(self, inspection_id: uuid.UUID) -> InspectionState:
        """A fresh snapshot of an inspection."""
        with self._database.session() as session:
            inspection = session.get(Inspection, inspection_id)
            if inspection is None:
                raise InspectionError("unknown_inspection")
            return self._state(session, inspection)

    # --- verification -------------------------------------------------------------------------------

    def verify_by_scan(
        self, inspection_id: uuid.UUID, code: str, user_id: uuid.UUID | None, symbology: str = ""
    ) -> VerificationResult:
        """Compare the scanned product code (EAN/UPC or GS1) with the announced line."""
        ident = identify(code, symbology, product=True)
        gtin = str(ident.fields.get("gtin", "")) if ident.kind in ("gtin", "gs1") else ""
        readings = [gtin, *ident.fields.get("alternatives", ())]  # 8 digits: EAN-8 and UPC-E
        serial = str(ident.fields.get("serial", "")) if ident.kind == "gs1" else ""
        with self._database.session() as session:
            inspection = self._open(session, inspection_id)
            if not gtin or not ident.valid:
                return VerificationResult(False, "", "", "not_a_product_code")
            line = session.get(ReturnLine, inspection.return_line_id) if inspection.return_line_id else None
            matched = [g for g in readings if line is not None and line.gtin in gtin_variants(g)]
            matches, gtin = bool(matched), (matched or [gtin])[0]
            inspection.verification = VerificationMethod.SCAN
            inspection.verified_code = code
            inspection.item_gtin = gtin
            if serial:
                inspection.serial_scanned = serial
            if line is not None and not matches:
                inspection.outcome = ItemOutcome.WRONG_ITEM
                inspection.add_flag(Flag.WRONG_ITEM)
            elif matches and inspection.outcome is ItemOutcome.WRONG_ITEM:
                inspection.outcome = ItemOutcome.RECEIVED
                inspection.remove_flag(Flag.WRONG_ITEM)
            self._event(
                session,
                inspection,
                user_id,
                "item_verified",
                {
                    "method": "scan",
                    "code": code,
                    "gtin": gtin,
                    "serial": serial,
                    "matches": matches,
                    "expected_gtin": line.gtin if line else "",
                },
            )
            answered = self._answer_from_scan(session, inspection, ident.fields, matches, user_id)
            return VerificationResult(matches, gtin, serial, "match" if matches else "wrong_item", answered)

    def _answer_from_scan(
        self,
        session: Session,
        inspection: Inspection,
        fields: Mapping[str, Any],
        matches: bool,
        user_id: uuid.UUID | None,
        by: str = "product_scan",
    ) -> dict[str, Any]:
        """Answer the questions a product scan answers: "is this the announced product?" (yes when it
        matches, no when not) and the GS1 elements it carries (serial, batch, expiry)."""
        template = self._templates.get(inspection.checklist_id)
        if template is None or inspection.return_line_id is None:
            return {}
        answered: dict[str, Any] = {}
        for question in template.questions:
            value: Any = None
            if question.answered_by == "product_scan":
                value = matches
            elif question.gs1 and fields.get(question.gs1):
                value = True if question.type == "yes_no" else str(fields[question.gs1])
            if value is None or (question.gs1 and not matches):
                continue
            try:
                value = validate_answer(question, value)
            except AnswerError:
                continue  # a batch code of a form the template refuses: the inspector types it
            if self._record(session, inspection, question.id, value, user_id, by=by):
                answered[question.id] = value
        return answered

    def _verify_by_serial(
        self, session: Session, inspection: Inspection, serial: str, user_id: uuid.UUID | None
    ) -> None:
        """A scanned serial equal to the shipped one verifies an item not verified yet."""
        line = session.get(ReturnLine, inspection.return_line_id) if inspection.return_line_id else None
        inspection.serial_scanned = serial.strip()
        if line is None or not line.expected_serial:
            return
        if normalize_serial(serial) != normalize_serial(line.expected_serial):
            return
        if inspection.verification is None:
            inspection.verification = VerificationMethod.SCAN
            inspection.verified_code = serial.strip()
            self._event(
                session,
                inspection,
                user_id,
                "item_verified",
                {"method": "serial", "code": serial.strip(), "serial": serial.strip(), "matches": True,
                 "expected_serial": line.expected_serial},
            )
            self._answer_from_scan(session, inspection, {}, True, user_id, by="serial_scan")

    def verify_manually(self, inspection_id: uuid.UUID, reason: str, user_id: uuid.UUID | None) -> None:
        """Confirm the item by eye when its code cannot be scanned; a reason is required."""
        if len(reason.strip()) < 3:
            raise InspectionError("reason_required")
        with self._database.session() as session:
            inspection = self._open(session, inspection_id)
            inspection.verification = VerificationMethod.MANUAL
            inspection.verification_note = reason.strip()
            self._event(
                session, inspection, user_id, "item_verified", {"method": "manual", "reason": reason.strip()}
            )
            self._answer_from_scan(session, inspection, {}, True, user_id, by="confirmation")

    def record_serial(self, inspection_id: uuid.UUID, serial: str, user_id: uuid.UUID | None) -> bool:
        """Store the scanned serial; returns whether it matches the expected one (if any)."""
        with self._database.session() as session:
            inspection = self._open(session, inspection_id)
            inspection.serial_scanned = serial.strip()
            line = session.get(ReturnLine, inspection.return_line_id) if inspection.return_line_id else None
            expected = (line.expected_serial if line else "").strip().upper()
            matches = not expected or expected == serial.strip().upper()
            if not matches:
                inspection.add_flag(Flag.WRONG_ITEM)
            self._event(
                session,
                inspection,
                user_id,
                "serial_recorded",
                {"serial": serial.strip(), "expected": expected, "matches": matches},
            )
            return matches

    # --- answers, notes and photos ---------------------------------------------------------------

    def answer(
        self, inspection_id: uuid.UUID, question_id: str, value: Any, user_id: uuid.UUID | None
    ) -> None:
        """Save one checklist answer at once (an audit event says given or changed, and from what).

        A scanned serial that matches the one shipped verifies the item (the scan proved it).
        """
        with self._database.session() as session:
            inspection = self._open(session, inspection_id)
            template = self._templates.get(inspection.checklist_id)
            question = None
            if template is not None:
                try:
                    question = template.question(question_id)
                    value = validate_answer(question, value)
                except (KeyError, AnswerError) as exc:
                    raise InspectionError("bad_answer", f"{question_id}: {exc}") from exc
            self._record(session, inspection, question_id, value, user_id)
            if question is not None and question.compare == "expected_serial" and value:
                self._verify_by_serial(session, inspection, str(value), user_id)

    def accept_expected(self, inspection_id: uuid.UUID, user_id: uuid.UUID | None) -> ExpectedAnswers:
        """The "all as expected" key: every open question with an expected answer gets it.

        Each answer is its own audit event (``answer_given`` with ``as_expected``), exactly as if it
        was answered by hand; text, date and number questions are left for the inspector (the first
        required one is returned for the focus).
        """
        with self._database.session() as session:
            inspection = self._open(session, inspection_id)
            template = self._templates.get(inspection.checklist_id)
            if template is None:
                raise InspectionError("unknown_checklist", inspection.checklist_id)
            unverified = inspection.verification is None and inspection.return_line_id is not None
            skip = {q.id for q in template.questions if unverified and q.answered_by == "product_scan"}
            recorded, left = expected_answers(template, inspection.answers, skip)
            for question_id, value in recorded:
                self._record(session, inspection, question_id, value, user_id, as_expected=True)
            return ExpectedAnswers(dict(recorded), left.id if left is not None else None)

    def _record(
        self,
        session: Session,
        inspection: Inspection,
        question_id: str,
        value: Any,
        user_id: uuid.UUID | None,
        **how: Any,
    ) -> bool:
        """Store one (validated) answer with its audit event; False when it was already so."""
        answers = dict(inspection.answers)
        previous = answers.get(question_id)
        if question_id in answers and previous == value:
            return False
        action = "answer_changed" if question_id in answers else "answer_given"
        answers[question_id] = value
        inspection.answers = answers
        payload: dict[str, Any] = {"question": question_id, "value": value, **how}
        if action == "answer_changed":
            payload["previous"] = previous
        self._event(session, inspection, user_id, action, payload)
        return True

    def set_notes(self, inspection_id: uuid.UUID, notes: str, user_id: uuid.UUID | None) -> None:
        """Save the inspector's free-text notes."""
        with self._database.session() as session:
            inspection = self._open(session, inspection_id)
            if inspection.notes != notes:
                inspection.notes = notes
                self._event(session, inspection, user_id, "notes_changed", {"notes": notes})

    def add_photo(
        self,
        inspection_id: uuid.UUID,
        data: bytes,
        tag: str,
        user_id: uuid.UUID | None,
        source: str = "camera",
    ) -> PhotoInfo:
        """Store a photo (immutable, by SHA-256) with its thumbnail and attach it. Call off the GUI thread.

        When the record cannot be saved (a full disk, a lock) the new file is removed again.
        """
        with self._photos.removed_on_failure(lambda created: referenced_photos(self._database, created)):
            return self._add_photo(inspection_id, data, tag, user_id, source)

    def _add_photo(
        self, inspection_id: uuid.UUID, data: bytes, tag: str, user_id: uuid.UUID | None, source: str
    ) -> PhotoInfo:
        stored = self._photos.store(data)
        thumbnail = self._photos.make_thumbnail(stored)
        fault_point("photo_before_record")
        with self._database.session() as session:
            inspection = self._open(session, inspection_id)
            photo = Photo(
                id=uuid.uuid4(),
                sha256=stored.sha256,
                inspection_id=inspection.id,
                parcel_id=inspection.parcel_id,
                tag=tag,
                file_path=stored.relative_path,
                thumbnail_path=str(thumbnail.relative_to(self._photos.thumbnails_dir)),
                size_bytes=stored.size_bytes,
                width=stored.width,
                height=stored.height,
                mime_type=stored.mime_type,
                taken_at=utcnow(),
                taken_by_id=user_id,
                station_id=self._station.station_id,
                source=source,
            )
            session.add(photo)
            session.flush()
            self._event(
                session,
                inspection,
                user_id,
                "photo_added",
                {"photo_id": str(photo.id), "tag": tag, "source": source, "size": stored.size_bytes},
                photo_hashes=[stored.sha256],
            )
            return _photo_info(photo)

    def delete_photo(self, inspection_id: uuid.UUID, photo_id: uuid.UUID, user_id: uuid.UUID | None) -> None:
        """Remove a photo before the inspection is finished (the audit log keeps its hash)."""
        with self._database.session() as session:
            inspection = self._open(session, inspection_id)
            photo = session.get(Photo, photo_id)
            if photo is None or photo.inspection_id != inspection.id:
                raise InspectionError("unknown_photo")
            self._event(
                session,
                inspection,
                user_id,
                "photo_removed",
                {"photo_id": str(photo.id), "tag": photo.tag},
                photo_hashes=[photo.sha256],
            )
            session.delete(photo)

    # --- helpers ----------------------------------------------------------------------------------

    def _open(self, session: Session, inspection_id: uuid.UUID) -> Inspection:
        inspection = session.get(Inspection, inspection_id)
        if inspection is None:
            raise InspectionError("unknown_inspection")
        if inspection.status is not InspectionStatus.IN_PROGRESS:
            raise InspectionError("inspection_finished")
        return inspection

    def _event(
        self,
        session: Session,
        inspection: Inspection,
        user_id: uuid.UUID | None,
        action: str,
        payload: dict[str, Any],
        photo_hashes: list[str] | None = None,
    ) -> None:
        session.flush()
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
            photo_hashes=photo_hashes or [],
        )

    def _state(self, session: Session, inspection: Inspection) -> InspectionState:
        line = session.get(ReturnLine, inspection.return_line_id) if inspection.return_line_id else None
        photos = session.scalars(
            select(Photo).where(Photo.inspection_id == inspection.id).order_by(Photo.taken_at)
        ).all()
        return InspectionState(
            id=inspection.id,
            return_id=inspection.return_id,
            return_line_id=inspection.return_line_id,
            unit_index=inspection.unit_index,
            status=inspection.status,
            outcome=inspection.outcome,
            category=str(line.category) if line else "other",
            checklist_id=inspection.checklist_id,
            checklist_version=inspection.checklist_version,
            verification=inspection.verification,
            verified_code=inspection.verified_code,
            serial_scanned=inspection.serial_scanned,
            answers=dict(inspection.answers),
            flags=frozenset(inspection.flags),
            photos=tuple(_photo_info(p) for p in photos),
            suggested_grade=inspection.suggested_grade,
            final_grade=inspection.final_grade,
            lpn=inspection.lpn,
            notes=inspection.notes,
            started_at=inspection.started_at,
            finished_at=inspection.finished_at,
            item_description=inspection.item_description,
            inspector_id=inspection.inspector_id,
            inspector_name=_user_name(session, inspection.inspector_id),
        )


def _user_name(session: Session, user_id: uuid.UUID | None) -> str:
    user = session.get(User, user_id) if user_id is not None else None
    return user.name if user is not None else ""


def close_return_if_done(session: Session, ret: Return | None) -> bool:
    """Mark the return inspected once every announced unit is finished (inspected or missing)."""
    if ret is None:
        return False
    session.flush()
    for line in ret.lines:
        done = (
            session.scalar(
                select(func.count()).where(
                    Inspection.return_line_id == line.id, Inspection.status == InspectionStatus.FINISHED
                )
            )
            or 0
        )
        if done < line.quantity:
            return False
    ret.status = ReturnStatus.INSPECTED
    return True


def _photo_info(photo: Photo) -> PhotoInfo:
    return PhotoInfo(photo.id, photo.sha256, photo.tag, photo.file_path, photo.thumbnail_path, photo.taken_at)
