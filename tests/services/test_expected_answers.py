"""Fewer actions, same evidence (issue 10 §1) and hazardous goods (defect 8), without a GUI: the
"all as expected" key, the product scan answering the checklist, the photo policy and the ADR cage."""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from inspector.models import (
    AuditEvent,
    Category,
    Channel,
    Grade,
    RefundChoice,
    Return,
    ReturnLine,
    ReturnReason,
    Role,
    User,
)
from inspector.reports.labels import render_label_zpl
from inspector.services.checklist_loader import load_template_file
from inspector.services.checklists import TemplateError, default_templates, expected_answers
from inspector.services.finishing import GradingService
from inspector.services.inspection import InspectionError, InspectionService
from inspector.services.return_summary import local_date

GTIN = {Category.APPAREL: "8712345678906", Category.COSMETICS: "8711234567895",
        Category.ELECTRONICS: "4006381333931"}
SERIAL = "356938035643809"


def jpeg(colour: str = "navy") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), colour).save(buffer, "JPEG")
    return buffer.getvalue()


@dataclass
class Bench:
    inspections: InspectionService
    grading: GradingService
    inspector: uuid.UUID
    supervisor: uuid.UUID
    return_id: uuid.UUID
    lines: dict[Category, uuid.UUID]

    def start(self, category: Category) -> uuid.UUID:
        template = {Category.APPAREL: "apparel", Category.COSMETICS: "cosmetics",
                    Category.ELECTRONICS: "electronics"}[category]
        return self.inspections.start(return_id=self.return_id, line_id=self.lines[category],
                                      user_id=self.inspector, checklist_id=template, checklist_version=2).id


@pytest.fixture
def bench(services) -> Bench:  # type: ignore[no-untyped-def]
    templates = default_templates()
    with services.database.session() as session:
        inspector = User(name="Ilse Inspector", badge_code="BDG000001", role=Role.INSPECTOR)
        supervisor = User(name="Sam Supervisor", badge_code="BDG000002", role=Role.SUPERVISOR)
        session.add_all([inspector, supervisor])
        ret = Return(
            warehouse_id=services.station.warehouse_id, rma_number="RMA12345674", order_number="NL-1",
            customer_name="Jan Jansen", customer_email="jan@example.nl", postcode="1012AB",
            house_number="12", country="NL", channel=Channel.PORTAL,
            refund_choice=RefundChoice.STORE_CREDIT,
            delivered_on=local_date(datetime.now(UTC), "Europe/Amsterdam") - timedelta(days=3),
            tracking_number="3SABCD1234567", carrier="postnl",
        )
        for number, (category, name) in enumerate(
            ((Category.APPAREL, "Wollen trui M"), (Category.COSMETICS, "Parfum 50 ml"),
             (Category.ELECTRONICS, "Smartphone")), start=1):
            ret.lines.append(ReturnLine(
                line_no=number, sku=f"SKU-{number}", gtin=GTIN[category], product_name=name,
                category=category,
                quantity=2, unit_price_cents=4995, reason_code=ReturnReason.NO_LONGER_NEEDED,
                expected_serial=SERIAL if category is Category.ELECTRONICS else "",
            ))
        session.add(ret)
        session.flush()
        ids = {line.category: line.id for line in ret.lines}
        bench = Bench(InspectionService(services.database, services.station, services.photos, templates),
                      GradingService(services.database, services.station, templates),
                      inspector.id, supervisor.id, ret.id, ids)
    return bench


def events(services, inspection_id: uuid.UUID, action: str) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    with services.database.session() as session:
        return [e.payload for e in session.scalars(
            select(AuditEvent).where(AuditEvent.inspection_id == inspection_id, AuditEvent.action == action)
            .order_by(AuditEvent.seq))]


# --- the "all as expected" key ------------------------------------------------------------------------


def test_all_as_expected_answers_opened_questions_too_and_leaves_fields_to_the_inspector() -> None:
    electronics = default_templates()["electronics"]
    recorded, left = expected_answers(electronics, {})
    answers = dict(recorded)
    assert answers["sealed"] is False and answers["powers_on"] is True  # "not sealed" opens the tests
    assert answers["screen_ok"] is True and answers["camera"] == "works" and answers["cosmetic_grade"] == "a"
    assert "serial" not in answers and left is not None and left.id == "serial"
    cosmetics = default_templates()["cosmetics"]
    recorded, left = expected_answers(cosmetics, {"batch_code": "L24B001"})
    assert dict(recorded)["has_expiry"] is True and left is not None and left.id == "expiry_date"
    recorded, left = expected_answers(cosmetics, {"batch_code": "L24B001", "leaking": True})
    assert dict(recorded).get("leaking") is None, "an answer given by hand stays"


def test_each_expected_answer_is_its_own_audit_event(services, bench: Bench) -> None:  # type: ignore[no-untyped-def]
    inspection = bench.start(Category.APPAREL)
    bench.inspections.answer(inspection, "stains", True, bench.inspector)
    result = bench.inspections.accept_expected(inspection, bench.inspector)
    assert "style_colour_match" not in result.answers, "'is this the announced product?' waits for a scan"
    assert result.left == "style_colour_match"
    assert result.answers["tags"] == "attached" and "stains" not in result.answers
    given = events(services, inspection, "answer_given")
    assert [e["question"] for e in given] == ["stains", *result.answers]
    assert all(e.get("as_expected") for e in given[1:]) and not given[0].get("as_expected")
    state = bench.inspections.get(inspection)
    assert state.answers["stains"] is True and state.answers["pilling"] is False


# --- the product scan answers the checklist -------------------------------------------------------------


def test_the_product_scan_answers_is_this_the_announced_product(services, bench: Bench) -> None:  # type: ignore[no-untyped-def]
    inspection = bench.start(Category.APPAREL)
    result = bench.inspections.verify_by_scan(inspection, GTIN[Category.APPAREL], bench.inspector)
    assert result.matches and result.answers == {"style_colour_match": True, "size_match": True}
    assert {e["question"]: e["by"] for e in events(services, inspection, "answer_given")} == {
        "style_colour_match": "product_scan", "size_match": "product_scan"}
    wrong = bench.start(Category.COSMETICS)
    result = bench.inspections.verify_by_scan(wrong, GTIN[Category.APPAREL], bench.inspector)
    assert not result.matches and result.answers == {}, "cosmetics asks no such question"


def test_a_gs1_scan_fills_batch_expiry_and_serial(bench: Bench) -> None:
    cosmetics = bench.start(Category.COSMETICS)
    code = f"(01)0{GTIN[Category.COSMETICS]}(17)281231(10)L24B001"
    result = bench.inspections.verify_by_scan(cosmetics, code, bench.inspector)
    assert result.matches
    assert result.answers == {"batch_code": "L24B001", "has_expiry": True, "expiry_date": "2028-12-31"}
    phone = bench.start(Category.ELECTRONICS)
    result = bench.inspections.verify_by_scan(phone, f"(01)0{GTIN[Category.ELECTRONICS]}(21){SERIAL}",
                                              bench.inspector)
    assert result.matches and result.answers == {"serial": SERIAL}


def test_the_shipped_serial_scanned_into_its_question_verifies_the_item(bench: Bench) -> None:
    phone = bench.start(Category.ELECTRONICS)
    bench.inspections.answer(phone, "serial", "35693803564380", bench.inspector)  # one digit short
    assert bench.inspections.get(phone).verification is None
    bench.inspections.answer(phone, "serial", SERIAL, bench.inspector)
    state = bench.inspections.get(phone)
    assert state.verification is not None and state.verified_code == SERIAL


# --- the photo policy -----------------------------------------------------------------------------------


def test_a_full_refund_restock_needs_one_photo_a_worse_outcome_every_photo(bench: Bench) -> None:
    inspection = bench.start(Category.APPAREL)
    bench.inspections.verify_by_scan(inspection, GTIN[Category.APPAREL], bench.inspector)
    bench.inspections.accept_expected(inspection, bench.inspector)
    assessment = bench.grading.assess(inspection)
    assert [m.id for m in assessment.missing] == ["front"]
    assert [m.id for m in assessment.missing_for(Grade.LIQUIDATE)] == ["front", "label"]
    bench.inspections.add_photo(inspection, jpeg(), "front", bench.inspector)
    with pytest.raises(InspectionError, match="incomplete: label"):
        bench.grading.finish(inspection, Grade.LIQUIDATE, "seam torn at the back", bench.inspector)
    bench.inspections.answer(inspection, "stains", True, bench.inspector)  # a finding: refurbish
    assessment = bench.grading.assess(inspection)
    assert assessment.suggested_grade is Grade.REFURBISH and [m.id for m in assessment.missing] == [
        "label", "damage"]
    bench.inspections.add_photo(inspection, jpeg("white"), "label", bench.inspector)
    bench.inspections.add_photo(inspection, jpeg("red"), "damage", bench.inspector)
    assert bench.grading.finish(inspection, Grade.REFURBISH, "", bench.inspector).grade is Grade.REFURBISH


# --- defect 8: hazardous goods ---------------------------------------------------------------------------


def _flammable(bench: Bench) -> uuid.UUID:
    inspection = bench.start(Category.COSMETICS)
    bench.inspections.verify_by_scan(inspection, f"(01)0{GTIN[Category.COSMETICS]}(17)281231(10)L24B001",
                                     bench.inspector)
    bench.inspections.answer(inspection, "hazard", "flammable", bench.inspector)
    bench.inspections.accept_expected(inspection, bench.inspector)
    for tag in ("front", "batch_label"):
        colour = "navy" if tag == "front" else "white"
        bench.inspections.add_photo(inspection, jpeg(colour), tag, bench.inspector)
    return inspection


def test_a_flammable_item_goes_to_the_hazardous_goods_cage_with_a_hazard_mark(bench: Bench) -> None:
    inspection = _flammable(bench)
    assessment = bench.grading.assess(inspection)
    assert assessment.suggested_grade is Grade.RESTOCK and assessment.disposition.destination == "ADR-COS"
    item = bench.grading.finish(inspection, Grade.RESTOCK, "", bench.inspector)
    assert item.disposition.destination == "ADR-COS" and item.label.hazardous
    assert "ADR HAZARD" in render_label_zpl(item.label, "62x29mm")
    assert "ADR HAZARD" in render_label_zpl(item.label, "4x6in")


def test_no_override_sends_a_hazardous_item_to_plain_restock_without_a_supervisor(bench: Bench) -> None:
    inspection = _flammable(bench)
    with pytest.raises(InspectionError, match="supervisor_required"):
        bench.grading.finish(inspection, Grade.RESTOCK, "", bench.inspector,
                             hazard_cleared_by=bench.inspector)
    item = bench.grading.finish(inspection, Grade.REFURBISH, "repack in a new bag first", bench.inspector)
    assert item.disposition.destination == "RFB-COS-HAZ" and item.label.hazardous
    other = bench.start(Category.COSMETICS)
    bench.inspections.verify_by_scan(other, GTIN[Category.COSMETICS], bench.inspector)
    bench.inspections.answer(other, "hazard", "flammable", bench.inspector)
    bench.inspections.answer(other, "batch_code", "L24B002", bench.inspector)
    bench.inspections.answer(other, "has_expiry", False, bench.inspector)
    bench.inspections.accept_expected(other, bench.inspector)
    for tag in ("front", "batch_label"):
        bench.inspections.add_photo(other, jpeg(), tag, bench.inspector)
    cleared = bench.grading.finish(other, Grade.RESTOCK, "", bench.inspector,
                                   hazard_cleared_by=bench.supervisor)
    assert cleared.disposition.destination == "C-07" and not cleared.label.hazardous


# --- templates ----------------------------------------------------------------------------------------------


def test_a_template_with_a_wrong_expected_answer_names_its_line(tmp_path: Path) -> None:
    text = (Path(default_templates()["apparel"].source or "")).read_text(encoding="utf-8")
    bad = text.replace('expected = "attached"', 'expected = "stapled"', 1)
    path = tmp_path / "apparel.toml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        load_template_file(path)
    line = bad.splitlines()[caught.value.line - 1]
    assert "stapled" in line and "not one of the options" in caught.value.problem
