"""A wrong item (issue 10, found on an X walk): the inspector scans another product than the announced
line. It must never go back to stock under the announced line's SKU and location: the service routes it
to the supervisor-check quarantine with a WRONG ITEM mark and the scanned code on its label, and only a
supervisor can send it to plain restock (the same mechanism as a hazardous item)."""

from __future__ import annotations

import uuid

import pytest

from inspector.models import Category, Flag, Grade, ItemOutcome, RefundRecommendation
from inspector.reports.labels import WRONG_ITEM_TEXT, render_label_zpl
from inspector.services.finishing import gtin_as_scanned
from inspector.services.grading import RESTOCK_LOCATIONS
from inspector.services.inspection import InspectionError
from tests.services.test_expected_answers import GTIN, Bench, bench, jpeg  # noqa: F401  (bench: a fixture)

SCANNED = GTIN[Category.ELECTRONICS]  # another product's EAN-13 than the announced jumper


def _wrong_item(bench: Bench) -> uuid.UUID:  # noqa: F811
    inspection = bench.start(Category.APPAREL)
    result = bench.inspections.verify_by_scan(inspection, SCANNED, bench.inspector)
    assert not result.matches
    bench.inspections.accept_expected(inspection, bench.inspector)
    for missing in bench.grading.assess(inspection).missing:
        if missing.kind == "photo":
            bench.inspections.add_photo(inspection, jpeg(), missing.id, bench.inspector)
    bench.inspections.add_photo(inspection, jpeg("white"), "front", bench.inspector)
    assert bench.grading.assess(inspection).complete
    return inspection


def test_a_wrong_item_is_suggested_to_the_supervisor_quarantine_not_the_announced_shelf(
    bench: Bench,  # noqa: F811
) -> None:
    inspection = _wrong_item(bench)
    assessment = bench.grading.assess(inspection)
    assert assessment.disposition is not None
    assert assessment.disposition.kind == "supervisor_check"
    assert assessment.disposition.destination == "QUA-WRONG"
    assert assessment.refund.kind is RefundRecommendation.NONE


def test_finishing_a_wrong_item_as_restock_by_an_inspector_never_restocks_it(bench: Bench) -> None:  # noqa: F811
    inspection = _wrong_item(bench)
    item = bench.grading.finish(inspection, Grade.RESTOCK, "", bench.inspector)
    assert item.disposition.kind != "restock_location"
    assert item.disposition.destination == "QUA-WRONG"
    assert item.disposition.destination != RESTOCK_LOCATIONS[Category.APPAREL]
    assert item.label.wrong_item and item.label.scanned_code == SCANNED
    for size in ("62x29mm", "4x6in"):
        zpl = render_label_zpl(item.label, size)
        assert WRONG_ITEM_TEXT in zpl and SCANNED in zpl
    assert bench.grading.label_for(inspection).wrong_item  # a re-print keeps the mark
    state = bench.inspections.get(inspection)
    assert state.outcome is ItemOutcome.WRONG_ITEM and Flag.WRONG_ITEM.value in state.flags


def test_only_a_supervisor_can_send_a_wrong_item_to_plain_restock(bench: Bench) -> None:  # noqa: F811
    inspection = _wrong_item(bench)
    with pytest.raises(InspectionError, match="supervisor_required"):
        bench.grading.finish(inspection, Grade.RESTOCK, "", bench.inspector,
                             wrong_item_cleared_by=bench.inspector)
    item = bench.grading.finish(inspection, Grade.RESTOCK, "", bench.inspector,
                                wrong_item_cleared_by=bench.supervisor)
    assert item.disposition.destination == RESTOCK_LOCATIONS[Category.APPAREL]
    state = bench.inspections.get(inspection)
    assert state.outcome is ItemOutcome.WRONG_ITEM  # the record still says what was in the parcel


@pytest.mark.parametrize(("gtin", "code", "shown"), [
    ("08790996442701", "8790996442701", "8790996442701"),  # EAN-13: 13 digits, as on the box
    ("00012345678905", "012345678905", "012345678905"),  # UPC-A: 12
    ("00000096385074", "96385074", "96385074"),  # EAN-8: 8
    ("08711234567895", "(01)08711234567895(17)281231", "08711234567895"),  # GS1: its 14-digit GTIN
])
def test_a_scanned_gtin_is_shown_in_the_form_it_was_scanned(gtin: str, code: str, shown: str) -> None:
    assert gtin_as_scanned(gtin, code) == shown
