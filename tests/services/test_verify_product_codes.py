"""Item verification by scan accepts the product-code forms a scanner or a person produces (issue 14 §4)."""

from __future__ import annotations

import pytest

from inspector.models import Category, Channel, RefundChoice, Return, ReturnLine, ReturnReason, Role, User
from inspector.services.checklists import default_templates
from inspector.services.inspection import InspectionService


@pytest.fixture
def start(services):  # type: ignore[no-untyped-def]
    """A function opening an inspection of a one-line return whose line has the given GTIN."""
    inspections = InspectionService(services.database, services.station, services.photos, default_templates())

    def _start(gtin: str):  # type: ignore[no-untyped-def]
        with services.database.session() as session:
            user = User(name="Sanne de Vries", badge_code=f"BDG{len(gtin):06d}", role=Role.INSPECTOR)
            ret = Return(warehouse_id=services.station.warehouse_id, rma_number="RMA12345674",
                         order_number="NL-1", customer_name="Jan", customer_email="jan@example.nl",
                         postcode="1012AB", house_number="1", country="NL", channel=Channel.PORTAL,
                         refund_choice=RefundChoice.REFUND)
            ret.lines.append(ReturnLine(line_no=1, sku="SKU", gtin=gtin, product_name="Ding",
                                        category=Category.APPAREL, quantity=1, unit_price_cents=100,
                                        reason_code=ReturnReason.WRONG_SIZE))
            session.add_all([user, ret])
            session.flush()
            ids = (ret.id, ret.lines[0].id, user.id)
        state = inspections.start(return_id=ids[0], line_id=ids[1], user_id=ids[2], checklist_id="apparel",
                                  checklist_version=1)
        return inspections, state.id, ids[2]

    return _start


@pytest.mark.parametrize("code", ["425261", "0425261", "04252614", "042100005264"])
def test_upce_forms_verify_the_upca_line(start, code: str) -> None:  # type: ignore[no-untyped-def]
    inspections, inspection_id, user = start("042100005264")
    result = inspections.verify_by_scan(inspection_id, code, user)
    assert (result.matches, result.scanned_gtin) == (True, "00042100005264")


def test_raw_gs1_element_string_verifies_and_records_the_serial(start) -> None:  # type: ignore[no-untyped-def]
    inspections, inspection_id, user = start("5901234123457")
    result = inspections.verify_by_scan(inspection_id, "010590123412345721SN42", user)
    assert (result.matches, result.scanned_gtin, result.serial) == (True, "05901234123457", "SN42")


def test_eight_digits_match_the_line_by_their_upce_reading(start) -> None:  # type: ignore[no-untyped-def]
    inspections, inspection_id, user = start("123456000070")  # "12345670" is also a valid EAN-8
    assert inspections.verify_by_scan(inspection_id, "12345670", user).matches


def test_wrong_product_is_still_wrong(start) -> None:  # type: ignore[no-untyped-def]
    inspections, inspection_id, user = start("042100005264")
    result = inspections.verify_by_scan(inspection_id, "1425261", user)
    assert not result.matches and result.message_code == "wrong_item"


def test_the_matching_reading_is_recorded(start) -> None:  # type: ignore[no-untyped-def]
    inspections, inspection_id, user = start("123456000070")
    assert inspections.verify_by_scan(inspection_id, "12345670", user).scanned_gtin == "00123456000070"
