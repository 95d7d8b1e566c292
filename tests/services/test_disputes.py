"""Disputes: only supervisors and admins, every step audited, a grade change keeps the original."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from inspector.app import Services
from inspector.models import (
    AuditEvent,
    DisputeOutcome,
    DisputeParty,
    Flag,
    Grade,
    Inspection,
    InspectionStatus,
    Role,
    User,
)
from inspector.services.access import COMMAND_LINE
from inspector.services.audit import verify_station_chain
from inspector.services.demo_data import seed_demo
from inspector.services.disputes import DisputeError, DisputeService
from inspector.services.inspection_detail import load_detail
from inspector.services.users import PermissionDenied, UserInfo

NOW = datetime(2026, 11, 20, 15, tzinfo=UTC)


@pytest.fixture
def seeded(services: Services) -> Services:
    seed_demo(services.database, services.photos, services.station,
              returns=30, inspections=10, seed=3, now=NOW)
    return services


def _user(services: Services, role: Role) -> UserInfo:
    return next(u for u in services.users.active_users() if u.role is role)


def _finished(services: Services) -> Inspection:
    with services.database.session() as session:
        inspection = session.scalars(select(Inspection).where(
            Inspection.status == InspectionStatus.FINISHED, Inspection.final_grade.is_not(None))).first()
        session.expunge_all()
        assert inspection is not None
        return inspection


@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.TEAM_LEAD])
def test_inspectors_and_team_leads_are_refused_by_the_service(seeded: Services, role: Role) -> None:
    service = DisputeService(seeded.database, seeded.station)
    inspection = _finished(seeded)
    with pytest.raises(PermissionDenied):
        service.open(_user(seeded, role), inspection.id, DisputeParty.CUSTOMER)
    dispute = service.open(_user(seeded, Role.SUPERVISOR), inspection.id, DisputeParty.CUSTOMER)
    for action in (lambda u: service.add_note(u, dispute.id, "x"),
                   lambda u: service.record_decision(u, dispute.id, "x"),
                   lambda u: service.change_grade(u, dispute.id, Grade.SCRAP, "x"),
                   lambda u: service.close(u, dispute.id, DisputeOutcome.UPHELD)):
        with pytest.raises(PermissionDenied):
            action(_user(seeded, role))
    assert service.for_inspection(inspection.id)[0].entries == ()


def test_the_role_comes_from_the_database_not_from_the_caller(seeded: Services) -> None:
    inspector = _user(seeded, Role.INSPECTOR)
    forged = UserInfo(inspector.id, inspector.name, Role.SUPERVISOR, inspector.badge_code, "")
    with pytest.raises(PermissionDenied):
        DisputeService(seeded.database, seeded.station).open(forged, _finished(seeded).id,
                                                             DisputeParty.CARRIER)
    admin = _user(seeded, Role.ADMIN)  # what the screen holds: an active admin, at login time
    with seeded.database.session() as session:
        session.get(User, admin.id).active = False  # type: ignore[union-attr]
    with pytest.raises(PermissionDenied, match="not an active user"):
        DisputeService(seeded.database, seeded.station).open(admin, _finished(seeded).id, "carrier")
    supervisor = _user(seeded, Role.SUPERVISOR)
    opened = DisputeService(seeded.database, seeded.station).open(supervisor, _finished(seeded).id, "carrier")
    assert opened.is_open and opened.party is DisputeParty.CARRIER and opened.opened_by == supervisor.name


def test_a_whole_dispute_is_audited_and_keeps_the_original_grade(seeded: Services) -> None:
    service = DisputeService(seeded.database, seeded.station)
    supervisor = _user(seeded, Role.SUPERVISOR)
    inspection = _finished(seeded)
    original = inspection.final_grade
    new = Grade.SCRAP if original is not Grade.SCRAP else Grade.RESTOCK
    dispute = service.open(supervisor, inspection.id, DisputeParty.PAYMENT_PROVIDER, "CB-2026-114",
                           "Chargeback")
    service.add_note(supervisor, dispute.id, "Called the customer")
    service.record_decision(supervisor, dispute.id, "Photos show wear; regrade")
    with pytest.raises(DisputeError) as refused:
        service.change_grade(supervisor, dispute.id, new, "   ")
    assert refused.value.code == "reason_required"
    with pytest.raises(DisputeError):
        service.change_grade(supervisor, dispute.id, original, "same")
    service.change_grade(supervisor, dispute.id, new, "Sole worn through on photo 2")
    closed = service.close(supervisor, dispute.id, DisputeOutcome.UPHELD, "Refund refused")
    assert not closed.is_open and closed.outcome is DisputeOutcome.UPHELD
    assert [e.kind for e in closed.entries] == ["note", "note", "decision", "grade_change", "closing"]
    with pytest.raises(DisputeError):
        service.add_note(supervisor, dispute.id, "too late")
    with seeded.database.session() as session:
        stored = session.get(Inspection, inspection.id)
        assert stored is not None and stored.final_grade is new
        if new is not stored.suggested_grade:
            assert str(Flag.OVERRIDE) in stored.flags
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.inspection_id == inspection.id)
                                  .order_by(AuditEvent.occurred_at)).all()
        assert actions[-5:] == ["dispute_opened", "dispute_note_added", "dispute_decision_recorded",
                                "grade_changed", "dispute_closed"]
        assert verify_station_chain(session, seeded.station.station_id).ok
    detail = load_detail(seeded.database, seeded.photos, seeded.templates, inspection.id, user=COMMAND_LINE)
    history = [(s.action, s.old_grade, s.new_grade) for s in detail.grade_history]
    assert history[0][0] in ("grade_set", "grade_overridden")
    assert history[-1] == ("grade_changed", str(original), str(new))
    assert detail.grade_history[-1].reason == "Sole worn through on photo 2" and detail.evidence_ok
    assert detail.disputes[0].reference == "CB-2026-114"


def test_only_finished_inspections_can_be_disputed(seeded: Services) -> None:
    import uuid

    finished = _finished(seeded)
    open_one = uuid.uuid4()
    with seeded.database.session() as session:  # a unit of the same return still being inspected
        session.add(Inspection(id=open_one, return_id=finished.return_id, parcel_id=finished.parcel_id,
                               unit_index=9, station_id=seeded.station.station_id,
                               status=InspectionStatus.IN_PROGRESS))
    service = DisputeService(seeded.database, seeded.station)
    with pytest.raises(DisputeError) as refused:
        service.open(_user(seeded, Role.ADMIN), open_one, DisputeParty.CUSTOMER)
    assert refused.value.code == "not_finished"
    with pytest.raises(DisputeError) as refused:
        service.open(_user(seeded, Role.ADMIN), uuid.uuid4(), DisputeParty.CUSTOMER)
    assert refused.value.code == "unknown_inspection"
    assert service.for_inspection(open_one) == []
