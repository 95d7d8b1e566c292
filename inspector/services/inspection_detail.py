"""Everything a supervisor needs to judge one inspection, assembled and checked.

:func:`load_detail` gathers the announced return, every checklist answer (question texts from the
template, in the station's language), the grade history (audit events ``grade_set``,
``grade_overridden``, ``grade_changed``), the audit timeline, the verification of the hash chain of
every station in it, the SHA-256 of every photo file, and the disputes. An event whose content no
longer matches its hash, a chain broken at or before an event, or a changed photo file all show up
as broken evidence.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from inspector.models import AuditEvent, Dispute, Inspection, Photo, Return, ReturnLine, Station, User
from inspector.models.database import Database
from inspector.services.access import Action, authorise
from inspector.services.audit import ChainMemory, ChainReport, digest_of, verify_remembering
from inspector.services.checklist_model import ChecklistTemplate, Question
from inspector.services.checklists import template_for
from inspector.services.disputes import DisputeInfo, dispute_infos
from inspector.services.record_hash import RecordCheck, check_record, record_of
from inspector.services.sources import PhotoFiles, Sessions
from inspector.services.users import UserInfo

GRADE_ACTIONS = ("grade_set", "grade_overridden", "grade_changed")
_YES_NO = {"en": ("Yes", "No"), "nl": ("Ja", "Nee"), "de": ("Ja", "Nein"), "fr": ("Oui", "Non")}


@dataclass(frozen=True)
class ReturnFacts:
    """The announced return and line as the customer described them."""

    rma: str = ""
    order_number: str = ""
    customer_name: str = ""
    customer_email: str = ""
    tracking_number: str = ""
    carrier: str = ""
    announced_at: datetime | None = None
    delivered_on: date | None = None
    refund_choice: str = ""
    product: str = ""
    sku: str = ""
    category: str = ""
    unit_price_cents: int = 0
    currency: str = "EUR"
    reason_code: str = ""
    customer_comment: str = ""


@dataclass(frozen=True)
class AnswerLine:
    """One checklist answer: the question as asked and the answer as given."""

    question_id: str
    question: str
    value: Any
    shown: str


@dataclass(frozen=True)
class TimelineEvent:
    """One audit event; ``intact`` = its own hash still matches, ``verified`` = the chain holds up to it."""

    seq: int
    station_code: str
    at: datetime
    actor: str
    action: str
    payload: Mapping[str, Any]
    photo_hashes: tuple[str, ...]
    intact: bool
    verified: bool
    hash: str = ""


@dataclass(frozen=True)
class GradeStep:
    """A grade being set or changed, with who, when, why, and whether its audit event checks out."""

    at: datetime
    actor: str
    action: str
    old_grade: str | None
    new_grade: str | None
    reason: str
    verified: bool


@dataclass(frozen=True)
class PhotoEvidence:
    """A photo and its recorded hash: ``file_ok`` the file still has it, ``recorded`` an event has it."""

    id: uuid.UUID
    tag: str
    taken_at: datetime
    station_code: str
    sha256: str
    path: Path
    width: int
    height: int
    file_ok: bool
    recorded: bool

    @property
    def ok(self) -> bool:
        """True when the photo is what was recorded at inspection time."""
        return self.file_ok and self.recorded


@dataclass(frozen=True)
class ChainCheck:
    """The verification of one station's chain."""

    station_code: str
    report: ChainReport


@dataclass(frozen=True)
class InspectionDetail:
    """One inspection, its evidence and the result of checking that evidence."""

    inspection_id: uuid.UUID
    facts: ReturnFacts
    status: str
    outcome: str
    station_code: str
    inspector: str
    started_at: datetime
    finished_at: datetime | None
    suggested_grade: str | None
    final_grade: str | None
    override_reason: str
    disposition: str
    destination: str
    refund_recommendation: str | None
    refund_amount_cents: int | None
    lpn: str
    notes: str
    flags: tuple[str, ...]
    checklist_title: str
    answers: tuple[AnswerLine, ...]
    grade_history: tuple[GradeStep, ...]
    timeline: tuple[TimelineEvent, ...]
    chains: tuple[ChainCheck, ...]
    photos: tuple[PhotoEvidence, ...]
    disputes: tuple[DisputeInfo, ...] = field(default=())
    checklist_version: int = 0  # the version of the checklist template the inspection was made with
    # The row shown (answers, grade, refund, notes, flags, photo hashes...) against the record hash of
    # its latest settling event (inspector.services.record_hash).
    record: RecordCheck = field(default_factory=lambda: RecordCheck("unsettled"))
    record_fields: Mapping[str, Any] = field(default_factory=dict)  # the record as shown, canonical
    # The template's words in the reader's language, by id: questions, rule reasons, photo titles.
    question_texts: Mapping[str, str] = field(default_factory=dict)
    rule_texts: Mapping[str, str] = field(default_factory=dict)
    photo_titles: Mapping[str, str] = field(default_factory=dict)
    option_texts: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # question -> option -> text

    @property
    def chain_ok(self) -> bool:
        """Every chain verified and every timeline event intact."""
        return all(c.report.ok for c in self.chains) and all(e.intact for e in self.timeline)

    @property
    def photos_ok(self) -> bool:
        """Every photo file still has its recorded hash."""
        return all(p.ok for p in self.photos)

    @property
    def record_ok(self) -> bool:
        """The record shown is the one its settling event recorded (an unfinished one settles nothing)."""
        return self.record.ok or (self.record.state == "unsettled" and self.finished_at is None)

    @property
    def evidence_ok(self) -> bool:
        """The audit trail, the photos and the inspection record are exactly as recorded."""
        return self.chain_ok and self.photos_ok and self.record_ok


def show_answer(question: Question | None, value: Any, language: str) -> str:
    """An answer as a person reads it: option texts, yes/no in the language, numbers with their unit."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        yes, no = _YES_NO.get(language.split("_")[0].lower(), _YES_NO["en"])
        return yes if value else no
    if question is not None and question.options:
        texts = {option.id: option.text.get(language) for option in question.options}
        if isinstance(value, list):
            return ", ".join(texts.get(str(v), str(v)) for v in value)
        return texts.get(str(value), str(value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if question is not None and question.unit and isinstance(value, int | float):
        return f"{value} {question.unit}"
    return str(value)


def load_detail(database: Sessions, photos: PhotoFiles, templates: Mapping[str, ChecklistTemplate],
                inspection_id: uuid.UUID, language: str = "en", chains: ChainMemory | None = None,
                cancel: Callable[[], bool] | None = None, *, user: UserInfo | None) -> InspectionDetail:
    """Assemble and check one inspection (reads photo files and chains: call off the GUI thread).

    Without ``chains`` every station chain involved is walked from its first event (evidence packs
    do this); with it, from the checkpoint an earlier walk reached (the review screen). When
    ``cancel()`` returns True during a walk, :class:`~inspector.services.audit.WalkCancelled` is raised.
    Customer data: ``user`` must be allowed to review (PermissionDenied otherwise).
    """
    authorise(user, Action.REVIEW, database if isinstance(database, Database) else None)
    with database.session() as session:
        inspection = session.get(Inspection, inspection_id)
        if inspection is None:
            raise KeyError(f"no inspection {inspection_id}")
        ret = session.get(Return, inspection.return_id) if inspection.return_id else None
        line = session.get(ReturnLine, inspection.return_line_id) if inspection.return_line_id else None
        stations = dict(session.execute(select(Station.id, Station.code)).all())
        names = dict(session.execute(select(User.id, User.name)).all())
        template = _template(templates, inspection.checklist_id, str(line.category) if line else "other")
        answers = tuple(_answers(template, inspection.answers or {}, language))
        timeline, checks, own_events = _timeline(session, inspection, stations, names, chains, cancel)
        shown = record_of(session, inspection)
        record = check_record(shown, inspection.finished_at is not None, own_events)
        recorded = {h for e in timeline if e.action == "photo_added" for h in e.photo_hashes}
        photo_rows = session.scalars(
            select(Photo).where(Photo.inspection_id == inspection.id).order_by(Photo.taken_at)
        ).all()
        # check() first: it reads the bytes as stored now (the central cache refreshes itself there).
        checked = {p.id: photos.check(p.id, p.file_path, p.sha256) for p in photo_rows}
        evidence = tuple(
            PhotoEvidence(p.id, p.tag, p.taken_at, stations.get(p.station_id, ""), p.sha256,
                          photos.file_of(p.id, p.file_path), p.width, p.height, checked[p.id],
                          p.sha256 in recorded)
            for p in photo_rows
        )
        disputes = session.scalars(
            select(Dispute).where(Dispute.inspection_id == inspection.id).order_by(Dispute.opened_at)
        ).all()
        return InspectionDetail(
            inspection_id=inspection.id, facts=_facts(ret, line, inspection), status=str(inspection.status),
            outcome=str(inspection.outcome), station_code=stations.get(inspection.station_id, ""),
            inspector=names.get(inspection.inspector_id, ""), started_at=inspection.started_at,
            finished_at=inspection.finished_at,
            suggested_grade=_text(inspection.suggested_grade), final_grade=_text(inspection.final_grade),
            override_reason=inspection.override_reason, disposition=inspection.disposition,
            destination=inspection.destination,
            refund_recommendation=_text(inspection.refund_recommendation),
            refund_amount_cents=inspection.refund_amount_cents, lpn=inspection.lpn or "",
            notes=inspection.notes, flags=tuple(sorted(inspection.flags)),
            checklist_title=template.title.get(language) if template else "",
            answers=answers, grade_history=tuple(_grade_history(timeline)), timeline=tuple(timeline),
            chains=tuple(checks), photos=evidence, disputes=tuple(dispute_infos(session, list(disputes))),
            checklist_version=inspection.checklist_version, record=record, record_fields=shown,
            question_texts={q.id: q.text.get(language) for q in template.questions} if template else {},
            rule_texts={r.id: r.reason.get(language) for r in template.rules} if template else {},
            photo_titles={p.tag: p.title.get(language) for p in template.photos} if template else {},
            option_texts={q.id: {o.id: o.text.get(language) for o in q.options}
                          for q in template.questions if q.options} if template else {},
        )


def _text(value: object) -> str | None:
    return str(value) if value else None


def _template(templates: Mapping[str, ChecklistTemplate], checklist_id: str, category: str
              ) -> ChecklistTemplate | None:
    if checklist_id in templates:
        return templates[checklist_id]
    try:
        return template_for(category, templates)
    except KeyError:
        return None


def _answers(template: ChecklistTemplate | None, answers: Mapping[str, Any], language: str
             ) -> list[AnswerLine]:
    """Answers in the template's question order; answers to questions no longer in it come last."""
    lines: list[AnswerLine] = []
    known: set[str] = set()
    for question in template.questions if template else ():
        if question.id in answers:
            known.add(question.id)
            value = answers[question.id]
            lines.append(AnswerLine(question.id, question.text.get(language), value,
                                    show_answer(question, value, language)))
    for key, value in answers.items():
        if key not in known:
            lines.append(AnswerLine(key, key, value, show_answer(None, value, language)))
    return lines


def _facts(ret: Return | None, line: ReturnLine | None, inspection: Inspection) -> ReturnFacts:
    if ret is None:
        return ReturnFacts(product=inspection.item_description, sku=inspection.item_sku)
    return ReturnFacts(
        rma=ret.rma_number, order_number=ret.order_number, customer_name=ret.customer_name,
        customer_email=ret.customer_email, tracking_number=ret.tracking_number, carrier=ret.carrier,
        announced_at=ret.announced_at, delivered_on=ret.delivered_on, refund_choice=str(ret.refund_choice),
        product=line.product_name if line else inspection.item_description,
        sku=line.sku if line else inspection.item_sku,
        category=str(line.category) if line else "", unit_price_cents=line.unit_price_cents if line else 0,
        currency=line.currency if line else "EUR", reason_code=str(line.reason_code) if line else "",
        customer_comment=line.customer_comment if line else "",
    )


def _timeline(session: Session, inspection: Inspection, stations: Mapping[uuid.UUID, str],
              names: Mapping[uuid.UUID, str], memory: ChainMemory | None,
              cancel: Callable[[], bool] | None
              ) -> tuple[list[TimelineEvent], list[ChainCheck], list[tuple[str, int, str, Any]]]:
    """The inspection's events (and its return's parcel events), checked against their chains."""
    which = AuditEvent.inspection_id == inspection.id
    if inspection.return_id is not None:
        parcel_events = and_(AuditEvent.return_id == inspection.return_id, AuditEvent.inspection_id.is_(None))
        which = or_(which, parcel_events)
    order = (AuditEvent.occurred_at, AuditEvent.seq)
    events = session.scalars(select(AuditEvent).where(which).order_by(*order)).all()
    station_ids = {e.station_id for e in events}
    if inspection.station_id is not None:
        station_ids.add(inspection.station_id)
    reports = {sid: verify_remembering(session, sid, memory, cancel) for sid in sorted(station_ids)}
    timeline = []
    for event in events:
        report = reports[event.station_id]
        verified = report.ok or (report.broken_seq is not None and event.seq < report.broken_seq)
        timeline.append(TimelineEvent(
            event.seq, stations.get(event.station_id, ""), event.occurred_at,
            names.get(event.actor_id, "") if event.actor_id else "", event.action, dict(event.payload or {}),
            tuple(event.photo_hashes or ()), digest_of(event) == event.hash, verified, event.hash,
        ))
    chains = [ChainCheck(stations.get(sid, str(sid)), report) for sid, report in reports.items()]
    # The inspection's own events in chain order (its station's), for the record check.
    own = sorted((e for e in events if e.inspection_id == inspection.id
                  and inspection.station_id in (None, e.station_id)), key=lambda e: e.seq)
    own_events = [(stations.get(e.station_id, ""), e.seq, e.action, dict(e.payload or {})) for e in own]
    return timeline, chains, own_events


def _first(payload: Mapping[str, Any], *keys: str) -> Any:
    return next((payload[key] for key in keys if payload.get(key)), None)


def _grade_history(timeline: list[TimelineEvent]) -> list[GradeStep]:
    """Grade events in time order; payload keys differ a little between the station and the demo seed."""
    steps = []
    for event in timeline:
        if event.action not in GRADE_ACTIONS:
            continue
        payload = event.payload
        new = _first(payload, "new_grade", "to_grade", "grade", "final_grade")
        old = None if event.action == "grade_set" else _first(
            payload, "old_grade", "from_grade", "suggested", "suggested_grade")
        reason = _first(payload, "reason", "override_reason") or ""
        steps.append(GradeStep(event.at, event.actor, event.action, old, new, str(reason),
                               event.verified and event.intact))
    return steps
