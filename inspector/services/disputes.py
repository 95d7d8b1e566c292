"""Disputes about inspections: opened by a supervisor for a customer, carrier or payment provider.

Notes and decisions are recorded on the dispute; a grade change needs a reason and becomes a new
audit event (the original ``grade_set``/``grade_overridden`` event stays in the chain, so the
history shows both). Only supervisors and admins may do any of this: the role is read from the
database for every call and checked here, not only by the screens that hide their buttons.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.models import (
    Dispute,
    DisputeEntry,
    DisputeOutcome,
    DisputeParty,
    DisputeStatus,
    Flag,
    Grade,
    Inspection,
    InspectionStatus,
    Role,
    User,
    utcnow,
)
from inspector.models.database import Database
from inspector.services.audit import append_event
from inspector.services.record_hash import settle_payload
from inspector.services.station import StationContext
from inspector.services.users import PermissionDenied, UserInfo, require_role

DISPUTE_ROLES = (Role.SUPERVISOR, Role.ADMIN)
NOTE, DECISION, GRADE_CHANGE, CLOSING = "note", "decision", "grade_change", "closing"


class DisputeError(Exception):
    """A dispute action that cannot be done; ``code`` is stable and translated by the GUI."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class DisputeEntryInfo:
    """A note, decision, grade change or closing remark on a dispute."""

    at: datetime
    author: str
    kind: str
    text: str
    old_grade: Grade | None = None
    new_grade: Grade | None = None


@dataclass(frozen=True)
class DisputeInfo:
    """A dispute and its entries, detached from the database."""

    id: uuid.UUID
    inspection_id: uuid.UUID
    party: DisputeParty
    status: DisputeStatus
    reference: str
    opened_by: str
    opened_at: datetime
    closed_at: datetime | None
    outcome: DisputeOutcome | None
    entries: tuple[DisputeEntryInfo, ...]

    @property
    def is_open(self) -> bool:
        """True until the dispute is closed."""
        return self.status is DisputeStatus.OPEN


def may_handle_disputes(user: UserInfo) -> bool:
    """Whether the GUI should offer dispute actions to ``user`` (the service checks again)."""
    return user.role in DISPUTE_ROLES


def _names(session: Session, ids: set[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    return dict(session.execute(select(User.id, User.name).where(User.id.in_(wanted))).all())


def dispute_infos(session: Session, disputes: list[Dispute]) -> list[DisputeInfo]:
    """Detached snapshots of disputes with their authors' names."""
    people = {d.opened_by_id for d in disputes} | {e.author_id for d in disputes for e in d.entries}
    names = _names(session, people)
    return [
        DisputeInfo(
            id=d.id, inspection_id=d.inspection_id, party=d.party, status=d.status, reference=d.reference,
            opened_by=names.get(d.opened_by_id, "") if d.opened_by_id else "", opened_at=d.opened_at,
            closed_at=d.closed_at, outcome=d.outcome,
            entries=tuple(
                DisputeEntryInfo(e.at, names.get(e.author_id, "") if e.author_id else "", e.kind, e.text,
                                 e.old_grade, e.new_grade)
                for e in d.entries
            ),
        )
        for d in disputes
    ]


class DisputeService:
    """Opens, annotates, regrades and closes disputes, each step an audit event of this station."""

    def __init__(self, database: Database, station: StationContext) -> None:
        self._database = database
        self._station = station

    def for_inspection(self, inspection_id: uuid.UUID) -> list[DisputeInfo]:
        """Every dispute about an inspection, oldest first (anyone may read them)."""
        with self._database.session() as session:
            disputes = session.scalars(
                select(Dispute).where(Dispute.inspection_id == inspection_id).order_by(Dispute.opened_at)
            ).all()
            return dispute_infos(session, list(disputes))

    def recorded_here(self, inspection_id: uuid.UUID) -> bool:
        """Whether disputes about this inspection can be recorded at this station.

        Disputes are recorded in the database that holds the inspection (they join its station's
        audit chain and flow up with it); another station's inspection, read from the central
        database, is not here.
        """
        with self._database.session() as session:
            return session.get(Inspection, inspection_id) is not None

    def open(self, user: UserInfo, inspection_id: uuid.UUID, party: DisputeParty, reference: str = "",
             note: str = "") -> DisputeInfo:
        """Open a dispute on a finished inspection, with the party's reference and a first note."""
        with self._database.session() as session:
            actor = self._authorise(session, user)
            inspection = session.get(Inspection, inspection_id)
            if inspection is None:
                raise DisputeError("unknown_inspection")
            if inspection.status is not InspectionStatus.FINISHED:
                raise DisputeError("not_finished")
            now = utcnow()
            dispute = Dispute(id=uuid.uuid4(), inspection_id=inspection.id, party=DisputeParty(party),
                              reference=reference.strip()[:120], opened_by_id=actor.id, opened_at=now)
            session.add(dispute)
            if note.strip():
                dispute.entries.append(DisputeEntry(author_id=actor.id, at=now, kind=NOTE, text=note.strip()))
            session.flush()
            self._event(session, actor, dispute, inspection, "dispute_opened",
                        {"party": str(dispute.party), "reference": dispute.reference, "note": note.strip()})
            return dispute_infos(session, [dispute])[0]

    def add_note(self, user: UserInfo, dispute_id: uuid.UUID, text: str) -> DisputeInfo:
        """Record a note (a call, a message received, what was checked)."""
        return self._entry(user, dispute_id, NOTE, text, "dispute_note_added")

    def record_decision(self, user: UserInfo, dispute_id: uuid.UUID, text: str) -> DisputeInfo:
        """Record a decision (what the warehouse will do and why)."""
        return self._entry(user, dispute_id, DECISION, text, "dispute_decision_recorded")

    def change_grade(self, user: UserInfo, dispute_id: uuid.UUID, new_grade: Grade, reason: str
                     ) -> DisputeInfo:
        """Change the inspection's final grade; the reason is required and the old grade stays on record."""
        if not reason.strip():
            raise DisputeError("reason_required")
        with self._database.session() as session:
            actor = self._authorise(session, user)
            dispute = self._open_dispute(session, dispute_id)
            inspection = session.get(Inspection, dispute.inspection_id)
            assert inspection is not None  # a foreign key guarantees it
            old = inspection.final_grade
            new = Grade(new_grade)
            if old is new:
                raise DisputeError("same_grade")
            inspection.final_grade = new
            if new is not inspection.suggested_grade:
                inspection.add_flag(Flag.OVERRIDE)
            dispute.entries.append(DisputeEntry(author_id=actor.id, at=utcnow(), kind=GRADE_CHANGE,
                                                text=reason.strip(), old_grade=old, new_grade=new))
            session.flush()
            self._event(session, actor, dispute, inspection, "grade_changed", {
                "old_grade": str(old) if old else None, "new_grade": str(new), "reason": reason.strip(),
                "party": str(dispute.party),
            })
            return dispute_infos(session, [dispute])[0]

    def close(self, user: UserInfo, dispute_id: uuid.UUID, outcome: DisputeOutcome, note: str = ""
              ) -> DisputeInfo:
        """Close the dispute with its outcome and a closing note (required)."""
        with self._database.session() as session:
            actor = self._authorise(session, user)
            if not note.strip():
                raise DisputeError("empty_text")  # a closed dispute says why it was closed
            dispute = self._open_dispute(session, dispute_id)
            now = utcnow()
            dispute.status = DisputeStatus.CLOSED
            dispute.outcome = DisputeOutcome(outcome)
            dispute.closed_at = now
            if note.strip():
                dispute.entries.append(
                    DisputeEntry(author_id=actor.id, at=now, kind=CLOSING, text=note.strip()))
            session.flush()
            inspection = session.get(Inspection, dispute.inspection_id)
            assert inspection is not None
            self._event(session, actor, dispute, inspection, "dispute_closed",
                        {"outcome": str(dispute.outcome), "note": note.strip()})
            return dispute_infos(session, [dispute])[0]

    # --- internals ----------------------------------------------------------------------------------

    def _entry(self, user: UserInfo, dispute_id: uuid.UUID, kind: str, text: str, action: str) -> DisputeInfo:
        if not text.strip():
            raise DisputeError("empty_text")
        with self._database.session() as session:
            actor = self._authorise(session, user)
            dispute = self._open_dispute(session, dispute_id)
            dispute.entries.append(
                DisputeEntry(author_id=actor.id, at=utcnow(), kind=kind, text=text.strip()))
            session.flush()
            inspection = session.get(Inspection, dispute.inspection_id)
            assert inspection is not None
            self._event(session, actor, dispute, inspection, action, {"text": text.strip()})
            return dispute_infos(session, [dispute])[0]

    @staticmethod
    def _authorise(session: Session, user: UserInfo) -> UserInfo:
        """The user as the database knows them now; PermissionDenied unless a supervisor or admin."""
        stored = session.get(User, user.id)
        if stored is None or not stored.active:
            raise PermissionDenied(f"{user.name} is not an active user")
        current = UserInfo(stored.id, stored.name, stored.role, stored.badge_code, stored.language)
        require_role(current, *DISPUTE_ROLES)
        return current

    @staticmethod
    def _open_dispute(session: Session, dispute_id: uuid.UUID) -> Dispute:
        dispute = session.get(Dispute, dispute_id)
        if dispute is None:
            raise DisputeError("unknown_dispute")
        if dispute.status is not DisputeStatus.OPEN:
            raise DisputeError("dispute_closed")
        return dispute

    def _event(self, session: Session, actor: UserInfo, dispute: Dispute, inspection: Inspection, action: str,
               payload: dict[str, Any]) -> None:
        append_event(
            session, station_id=self._station.station_id, action=action, actor_id=actor.id,
            entity_type="dispute", entity_id=dispute.id, return_id=inspection.return_id,
            inspection_id=inspection.id,
            # Every dispute step re-states the record as it stands (a grade change alters it).
            payload={"dispute_id": str(dispute.id), **payload, **settle_payload(session, inspection)},
        )
