"""Checking every finished inspection's record against the record hash of its settling event.

``inspector audit verify`` runs :func:`verify_records` besides the chain walk: the chain proves the
events, this proves the ``inspections`` rows (answers, grade, refund, notes, flags, photo hashes)
are the ones those events settled. Inspections are read in batches, so memory stays flat.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.models import AuditEvent, Inspection, InspectionFlag, Photo, Station
from inspector.services.record_hash import SETTLING_ACTIONS, check_record, record_fields

BATCH = 500


@dataclass
class RecordsReport:
    """Finished inspections: how many verified, which changed (with the field), which are unprotected."""

    verified: int = 0
    changed: list[tuple[uuid.UUID, str, str]] = field(default_factory=list)  # (id, field, where)
    unprotected: list[uuid.UUID] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """No record changed and none left unprotected."""
        return not self.changed and not self.unprotected

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"verified": self.verified,
                "changed": [{"inspection_id": str(i), "field": f, "event": w} for i, f, w in self.changed],
                "unprotected": [str(i) for i in self.unprotected]}

    def lines(self) -> list[str]:
        """Problems as lines for the terminal."""
        out = [f"inspection {i}: field '{f or 'unknown'}' no longer matches the record hash of {w}"
               for i, f, w in self.changed]
        out += [f"inspection {i}: settled before record hashes existed, its record is NOT verified"
                for i in self.unprotected]
        return out


def verify_records(session: Session) -> RecordsReport:
    """Check every finished inspection in this database."""
    report = RecordsReport()
    codes = dict(session.execute(select(Station.id, Station.code)).all())
    last: uuid.UUID | None = None
    while True:  # keyset pages of finished inspections: memory stays flat for millions of them
        page = select(Inspection.id).where(Inspection.finished_at.is_not(None))
        if last is not None:
            page = page.where(Inspection.id > last)
        batch = list(session.scalars(page.order_by(Inspection.id).limit(BATCH)))
        if not batch:
            break
        last = batch[-1]
        rows = session.scalars(select(Inspection).where(Inspection.id.in_(batch))).all()
        flags: dict[uuid.UUID, list[str]] = {}
        for inspection_id, flag in session.execute(
                select(InspectionFlag.inspection_id, InspectionFlag.flag)
                .where(InspectionFlag.inspection_id.in_(batch))):
            flags.setdefault(inspection_id, []).append(flag)
        hashes: dict[uuid.UUID, list[str]] = {}
        for inspection_id, sha in session.execute(
                select(Photo.inspection_id, Photo.sha256).where(Photo.inspection_id.in_(batch))):
            hashes.setdefault(inspection_id, []).append(sha)
        events: dict[uuid.UUID, list[tuple[str, int, str, Any]]] = {}
        for event in session.execute(
                select(AuditEvent.inspection_id, AuditEvent.station_id, AuditEvent.seq, AuditEvent.action,
                       AuditEvent.payload)
                .where(AuditEvent.inspection_id.in_(batch)).order_by(AuditEvent.seq)):
            events.setdefault(event.inspection_id, []).append(
                (event.station_id, event.seq, event.action, event.payload))
        for row in rows:
            own = [(codes.get(s, str(s)), seq, action, payload or {})
                   for s, seq, action, payload in events.get(row.id, [])
                   if row.station_id in (None, s) and (action in SETTLING_ACTIONS or "record_hash" in
                                                       (payload or {}))]
            shown = record_fields(row, flags.get(row.id, ()), hashes.get(row.id, ()))
            check = check_record(shown, True, own)
            if check.ok:
                report.verified += 1
            elif check.state == "changed":
                where = f"event {check.event_station} #{check.event_seq}"
                report.changed.append((row.id, check.field, where))
            else:
                report.unprotected.append(row.id)
        session.expunge_all()
    return report
