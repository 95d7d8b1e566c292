"""The inspection station's use cases end to end, without a GUI: intake, checklist, photos, grade, label."""

from __future__ import annotations

import io
import subprocess
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import select

from inspector.models import (
    AuditEvent,
    Category,
    Channel,
    Grade,
    Inspection,
    ItemOutcome,
    RefundChoice,
    RefundRecommendation,
    Return,
    ReturnLine,
    ReturnReason,
    ReturnStatus,
    Role,
    User,
)
from inspector.reports.labels import lpn_valid, render_label_pdf
from inspector.services.audit import verify_all_chains
from inspector.services.checklists import default_templates
from inspector.services.finishing import GradingService
from inspector.services.inspection import InspectionError, InspectionService
from inspector.services.intake import IntakeService
from inspector.services.return_summary import local_date

APPAREL_OK = {
    "style_colour_match": True,
    "size_match": True,
    "tags": "attached",
    "stains": False,
    "odour": "none",
    "makeup": False,
    "pilling": False,
    "washed": False,
    "alterations": False,
    "hardware": "ok",
    "packaging": "original",
}


def _jpeg(colour: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), colour).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def station(services):  # type: ignore[no-untyped-def]
    templates = default_templates()
    with services.database.session() as session:
        user = User(name="Sanne de Vries", badge_code="BDG000001", role=Role.INSPECTOR)
        session.add(user)
        ret = Return(
            warehouse_id=services.station.warehouse_id,
            rma_number="RMA12345674",
            order_number="NL-100045",
            customer_name="Jan Jansen",
            customer_email="jan@example.nl",
            postcode="1012AB",
            house_number="12",
            country="NL",
            channel=Channel.PORTAL,
            refund_choice=RefundChoice.REFUND,
            delivered_on=local_date(datetime.now(UTC), "Europe/Amsterdam") - timedelta(days=5),
            tracking_number="3SABCD1234567",
            carrier="postnl",
        )
        ret.lines.append(
            ReturnLine(
                line_no=1,
                sku="TRUI-M",
                gtin="8712345678906",
                product_name="Wollen trui M",
                category=Category.APPAREL,
                quantity=2,
                unit_price_cents=5995,
                reason_code=ReturnReason.WRONG_SIZE,
            )
        )
        ret.lines.append(
            ReturnLine(
                line_no=2,
                sku="SJAAL",
                gtin="8711234567892",
                product_name="Sjaal",
                category=Category.APPAREL,
                quantity=1,
                unit_price_cents=1995,
                reason_code=ReturnReason.NO_LONGER_NEEDED,
            )
        )
        session.add(ret)
        session.flush()
        ids = {"user": user.id, "return": ret.id, "line": ret.lines[0].id, "line2": ret.lines[1].id}
    intake = IntakeService(services.database, services.station)
    inspections = InspectionService(services.database, services.station, services.photos, templates)
    grading = GradingService(services.database, services.station, templates)
    return services, intake, inspections, grading, ids


def _inspect_ok(inspections, state, user) -> None:  # type: ignore[no-untyped-def]
    assert inspections.verify_by_scan(state.id, "8712345678906", user).matches
    for question, value in APPAREL_OK.items():
        inspections.answer(state.id, question, value, user)
    inspections.add_photo(state.id, _jpeg("navy"), "front", user)
    inspections.add_photo(state.id, _jpeg("white"), "label", user)


def test_parcel_to_labelled_item(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    services, intake, inspections, grading, ids = station
    found = intake.lookup("3SABCD1234567")
    (ret,) = found.returns
    intake.receive_parcel(return_id=ret.id, scanned_code="3SABCD1234567", user_id=ids["user"])
    state = inspections.start(
        return_id=ret.id,
        line_id=ids["line"],
        user_id=ids["user"],
        checklist_id="apparel",
        checklist_version=1,
    )
    with pytest.raises(InspectionError, match="incomplete"):
        grading.finish(state.id, Grade.RESTOCK, "", ids["user"])
    _inspect_ok(inspections, state, ids["user"])
    assessment = grading.assess(state.id)
    assert assessment.complete and assessment.suggested_grade is Grade.RESTOCK
    assert assessment.refund.kind is RefundRecommendation.FULL

    item = grading.finish(state.id, Grade.RESTOCK, "", ids["user"])
    assert lpn_valid(item.label.lpn) and item.label.rma == "RMA12345674" and item.label.sku == "TRUI-M"
    assert item.disposition.kind == "restock_location" and item.refund.amount_cents == 5995
    assert not item.return_complete

    pdf = tmp_path / "label.pdf"
    render_label_pdf(grading.label_for(state.id), "62x29mm", str(pdf))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "300", "-singlefile", str(pdf), str(tmp_path / "label")], check=True
    )
    decoded = {r.text for r in zxingcpp.read_barcodes(Image.open(tmp_path / "label.png"))}
    assert item.label.lpn in decoded
    grading.record_label_output(state.id, "pdf", ids["user"])

    with services.database.session() as session:
        row = session.get(Inspection, state.id)
        assert row.final_grade is Grade.RESTOCK and row.checklist_version == 1 and len(row.photos) == 2
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)).all()
        assert actions[0] == "parcel_received" and actions[-2:] == ["grade_set", "label_printed"]
        photo_events = session.scalars(select(AuditEvent).where(AuditEvent.action == "photo_added")).all()
        assert {h for e in photo_events for h in e.photo_hashes} == {p.sha256 for p in row.photos}
        assert all(r.ok for r in verify_all_chains(session))


def test_override_needs_a_reason_and_is_flagged(station) -> None:  # type: ignore[no-untyped-def]
    _services, _intake, inspections, grading, ids = station
    state = inspections.start(
        return_id=ids["return"],
        line_id=ids["line"],
        user_id=ids["user"],
        checklist_id="apparel",
        checklist_version=1,
    )
    _inspect_ok(inspections, state, ids["user"])
    with pytest.raises(InspectionError, match="override_reason_required"):
        grading.finish(state.id, Grade.REFURBISH, "meh", ids["user"])
    item = grading.finish(state.id, Grade.REFURBISH, "small hole near the left cuff", ids["user"])
    assert item.overridden and item.suggested_grade is Grade.RESTOCK
    assert "override" in inspections.get(state.id).flags


def test_wrong_item_needs_a_photo_and_gets_no_refund(station) -> None:  # type: ignore[no-untyped-def]
    _services, _intake, inspections, grading, ids = station
    state = inspections.start(
        return_id=ids["return"],
        line_id=ids["line"],
        user_id=ids["user"],
        checklist_id="apparel",
        checklist_version=1,
    )
    result = inspections.verify_by_scan(state.id, "4006381333931", ids["user"])
    assert not result.matches and result.message_code == "wrong_item"
    for question, value in APPAREL_OK.items():
        inspections.answer(state.id, question, value, ids["user"])
    assert grading.assess(state.id).needs_wrong_item_photo
    inspections.add_photo(state.id, _jpeg("red"), "front", ids["user"])
    inspections.add_photo(state.id, _jpeg("grey"), "label", ids["user"])
    item = grading.finish(state.id, Grade.RESTOCK, "", ids["user"])
    assert item.refund.kind is RefundRecommendation.NONE
    assert inspections.get(state.id).outcome is ItemOutcome.WRONG_ITEM


def test_bad_answers_are_refused(station) -> None:  # type: ignore[no-untyped-def]
    _services, _intake, inspections, _grading, ids = station
    state = inspections.start(
        return_id=ids["return"],
        line_id=ids["line"],
        user_id=ids["user"],
        checklist_id="apparel",
        checklist_version=1,
    )
    with pytest.raises(InspectionError, match="bad_answer"):
        inspections.answer(state.id, "tags", "glued on", ids["user"])
    with pytest.raises(InspectionError, match="bad_answer"):
        inspections.answer(state.id, "no_such_question", True, ids["user"])


def test_missing_extra_and_completion_of_the_return(station) -> None:  # type: ignore[no-untyped-def]
    services, _intake, inspections, grading, ids = station
    for _ in range(2):
        state = inspections.start(
            return_id=ids["return"],
            line_id=ids["line"],
            user_id=ids["user"],
            checklist_id="apparel",
            checklist_version=1,
        )
        _inspect_ok(inspections, state, ids["user"])
        grading.finish(state.id, Grade.RESTOCK, "", ids["user"])
    with pytest.raises(InspectionError, match="all_units_inspected"):
        inspections.start(
            return_id=ids["return"],
            line_id=ids["line"],
            user_id=ids["user"],
            checklist_id="apparel",
            checklist_version=1,
        )
    extra = inspections.start(
        return_id=ids["return"],
        line_id=None,
        user_id=ids["user"],
        checklist_id="generic",
        checklist_version=1,
        item_description="Kinderboek, niet aangemeld",
    )
    assert extra.outcome is ItemOutcome.EXTRA and "extra" in extra.flags
    missing = inspections.mark_missing(
        return_id=ids["return"], line_id=ids["line2"], user_id=ids["user"], note="niet in het pakket"
    )
    assert missing.outcome is ItemOutcome.MISSING and "missing" in missing.flags
    with services.database.session() as session:
        assert session.get(Return, ids["return"]).status is ReturnStatus.INSPECTED


def test_photos_can_be_deleted_before_finishing_and_open_work_is_offered_again(station) -> None:  # type: ignore[no-untyped-def]
    _services, _intake, inspections, _grading, ids = station
    state = inspections.start(
        return_id=ids["return"],
        line_id=ids["line"],
        user_id=ids["user"],
        checklist_id="apparel",
        checklist_version=1,
    )
    photo = inspections.add_photo(state.id, _jpeg("green"), "front", ids["user"])
    inspections.delete_photo(state.id, photo.id, ids["user"])
    assert inspections.get(state.id).photos == ()
    with pytest.raises(InspectionError):
        inspections.delete_photo(state.id, uuid.uuid4(), ids["user"])
    again = inspections.start(
        return_id=ids["return"],
        line_id=ids["line"],
        user_id=ids["user"],
        checklist_id="apparel",
        checklist_version=1,
    )
    assert again.id == state.id
    assert [s.id for s in inspections.open_inspections()] == [state.id]
