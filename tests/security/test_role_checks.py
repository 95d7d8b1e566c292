"""§5: every service that reads customer data or changes configuration refuses the wrong role.

Called directly, as a modified or scripted GUI would: hiding a button is not a check. An inspector may
not review, make evidence packs, report, or configure; only administrators change settings, the
warehouse, people, or import returns; finishing an inspection needs a user; a deactivated user is
refused although the object the screen holds still says "admin".
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from inspector.models import Inspection, Role, User
from inspector.reports.evidence import build_evidence_pack
from inspector.reports.intake_report import build_intake_report
from inspector.services.demo_data import seed_demo
from inspector.services.inspection import InspectionError
from inspector.services.inspection_detail import load_detail
from inspector.services.people import NewPerson
from inspector.services.returns_import import import_returns
from inspector.services.review import ReviewQuery, ReviewService
from inspector.services.setup import update_warehouse
from inspector.services.users import PermissionDenied, UserInfo, hash_pin

NOW = datetime(2026, 11, 20, 15, tzinfo=UTC)


def _user(services: Any, name: str, role: Role) -> UserInfo:
    with services.database.session() as session:
        user = User(id=uuid.uuid4(), name=name, badge_code=f"BDG{uuid.uuid4().int % 10**6:06d}", role=role,
                    pin_hash=hash_pin("1234"), warehouse_id=services.station.warehouse_id)
        session.add(user)
    return UserInfo(user.id, name, role, user.badge_code, "en")


@pytest.fixture
def cast(services: Any) -> dict[str, UserInfo]:
    seed_demo(services.database, services.photos, services.station, returns=12, inspections=4, seed=3,
              now=NOW)
    return {role.value: _user(services, f"{role.value} person", role) for role in Role}


def _customer_data_calls(services: Any, tmp_path: Path) -> dict[str, Any]:
    with services.database.session() as session:
        finished = select(Inspection.id).where(Inspection.finished_at.is_not(None))
        inspection_id = session.scalars(finished).first()
    return {
        "review search": lambda u: ReviewService(services.database, user=u).search(ReviewQuery()),
        "review filters": lambda u: ReviewService(services.database, user=u).filter_choices(),
        "review by RMA": lambda u: ReviewService(services.database, user=u).inspections_of_rma("RMA1"),
        "inspection detail": lambda u: load_detail(services.database, services.photos, services.templates,
                                                   inspection_id, user=u),
        "evidence pack": lambda u: build_evidence_pack(services.database, services.photos,
                                                       services.templates, "RMA00000001", tmp_path, user=u),
        "intake report": lambda u: build_intake_report(services.database, services.station.warehouse_code,
                                                       date(2026, 11, 1), date(2026, 11, 30), user=u),
    }


def _configuration_calls(services: Any, tmp_path: Path) -> dict[str, Any]:
    csv = tmp_path / "returns.csv"
    csv.write_text("rma,order_number\n", encoding="utf-8")
    return {
        "settings (central URL)": lambda u: services.save_settings(
            replace(services.settings, central_url="postgresql://evil@example.org/x"), user=u),
        "settings (station code)": lambda u: services.save_settings(
            replace(services.settings, station_code="ST-99"), user=u),
        "warehouse policy": lambda u: update_warehouse(services.database, services.station.warehouse_id,
                                                       {"return_window_days": 365}, user=u),
        "import returns": lambda u: import_returns(services.database, csv, user=u),
        "people": lambda u: services.people.add(u, NewPerson(name="Mallory", role=Role.ADMIN)),
    }


@pytest.mark.parametrize("role", [Role.INSPECTOR])
def test_inspectors_may_not_read_customer_data(services: Any, cast: dict[str, UserInfo], tmp_path: Path,
                                               role: Role) -> None:
    for name, call in _customer_data_calls(services, tmp_path).items():
        for who in (cast[role.value], None):
            with pytest.raises(PermissionDenied):
                call(who)
                pytest.fail(f"{name} was allowed for {who}")


def test_supervisors_may_review_and_report(services: Any, cast: dict[str, UserInfo], tmp_path: Path) -> None:
    calls = _customer_data_calls(services, tmp_path)
    for role in (Role.SUPERVISOR, Role.TEAM_LEAD, Role.ADMIN):
        for name in ("review search", "review filters", "inspection detail", "intake report"):
            calls[name](cast[role.value])  # no PermissionDenied


@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.SUPERVISOR, Role.TEAM_LEAD])
def test_only_admins_change_configuration_or_import(services: Any, cast: dict[str, UserInfo],
                                                    tmp_path: Path, role: Role) -> None:
    before = services.settings
    for name, call in _configuration_calls(services, tmp_path).items():
        for who in (cast[role.value], None):
            with pytest.raises(PermissionDenied):
                call(who)
                pytest.fail(f"{name} was allowed for {who}")
    assert services.settings == before


def test_admins_change_settings(services: Any, cast: dict[str, UserInfo]) -> None:
    services.save_settings(replace(services.settings, language="nl"), user=cast["admin"])
    assert services.settings.language == "nl"


def test_a_deactivated_admin_is_refused(services: Any, cast: dict[str, UserInfo]) -> None:
    admin = cast["admin"]
    with services.database.session() as session:
        session.get(User, admin.id).active = False  # type: ignore[union-attr]
    with pytest.raises(PermissionDenied):
        services.save_settings(replace(services.settings, language="nl"), user=admin)


def test_finishing_an_inspection_needs_a_user(services: Any, cast: dict[str, UserInfo]) -> None:
    with pytest.raises((InspectionError, PermissionDenied)) as refused:
        services.grading.finish(uuid.uuid4(), None, "", None)  # type: ignore[arg-type]
    assert "user" in str(refused.value)
