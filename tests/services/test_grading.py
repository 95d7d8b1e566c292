"""Dispositions, refund advice, recovered value and override rules."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from inspector.models.enums import Category, Flag, Grade, ItemOutcome, RefundChoice, RefundRecommendation
from inspector.services.checklists import InspectionContext, evaluate, load_templates
from inspector.services.grading import (
    MIN_OVERRIDE_REASON,
    RECOVERY_RANGES_PCT,
    Disposition,
    RefundPolicy,
    override_allowed,
    override_problem,
    recovered_value_cents,
    refund_recommendation,
)

POLICY = RefundPolicy(restocking_fee_bp=1000, damage_deduction_bp=3000)


@pytest.mark.parametrize(("grade", "category", "flags", "kind", "destination"), [
    (Grade.RESTOCK, Category.APPAREL, (), "restock_location", "A-12"),
    (Grade.RESTOCK, Category.ELECTRONICS, (), "restock_location", "E-02"),
    (Grade.REFURBISH, Category.ELECTRONICS, (), "refurbish_queue", "RFB-ELEC"),
    (Grade.LIQUIDATE, Category.SHOES, (), "liquidation_pallet", "LIQ-SHO"),
    (Grade.LIQUIDATE, Category.HOME, (Flag.HAZARDOUS,), "liquidation_pallet", "LIQ-HOME-HAZ"),
    (Grade.SCRAP, Category.ELECTRONICS, (), "scrap_bin", "SCR-WEEE"),
    (Grade.SCRAP, Category.ELECTRONICS, ("hazardous",), "scrap_bin", "SCR-HAZ"),
    (Grade.SCRAP, Category.COSMETICS, (), "scrap_bin", "SCR-DESTROY"),
    (Grade.SCRAP, "garden", (), "scrap_bin", "SCR-GEN"),
])
def test_disposition_names_the_destination(grade: Grade, category: str, flags: tuple[str, ...],
                                           kind: str, destination: str) -> None:
    assert Disposition.for_grade(grade, category, flags) == Disposition(kind, destination)


def test_restock_locations_can_be_configured() -> None:
    locations = {Category.SHOES: "B-07"}
    disposition = Disposition.for_grade(Grade.RESTOCK, Category.SHOES, restock_locations=locations)
    assert disposition.destination == "B-07"


def test_full_refund_when_nothing_is_deducted() -> None:
    advice = refund_recommendation(ItemOutcome.RECEIVED, Grade.RESTOCK, 0, 4999, RefundPolicy(),
                                   RefundChoice.REFUND)
    assert (advice.kind, advice.amount_cents) == (RefundRecommendation.FULL, 4999)
    assert advice.reasons[0] == "Full refund"


def test_partial_refund_with_damage_deduction_and_restocking_fee() -> None:
    advice = refund_recommendation(ItemOutcome.RECEIVED, Grade.LIQUIDATE, 3000, 4999, POLICY,
                                   RefundChoice.REFUND, reason="no_longer_needed")
    # 30 % of 49.99 = 14.997 → 15.00; 10 % fee = 4.999 → 5.00; refund 49.99 - 15.00 - 5.00.
    assert (advice.deduction_cents, advice.restocking_fee_cents) == (1500, 500)
    assert (advice.kind, advice.amount_cents) == (RefundRecommendation.PARTIAL, 2999)
    assert advice.reasons[0] == "Partial refund: 2999 of 4999 cents"


@pytest.mark.parametrize(("choice", "reason", "amount"), [
    (RefundChoice.REFUND, "wrong_size", 17_991),  # 10 % fee of 199.90 = 19.99
    (RefundChoice.EXCHANGE, "wrong_size", 19_990),  # no fee on exchanges
    (RefundChoice.STORE_CREDIT, "wrong_size", 19_990),  # nor on store credit
    (RefundChoice.REFUND, "defective", 19_990),  # nor when the shop is at fault
])
def test_restocking_fee_only_on_money_back_the_customer_chose(choice: RefundChoice, reason: str,
                                                                amount: int) -> None:
    advice = refund_recommendation("received", "restock", 0, 19_990, POLICY, choice, reason=reason)
    assert advice.amount_cents == amount
    assert advice.kind is (RefundRecommendation.FULL if amount == 19_990 else RefundRecommendation.PARTIAL)


@pytest.mark.parametrize(("outcome", "flags"), [
    (ItemOutcome.WRONG_ITEM, ()), (ItemOutcome.MISSING, ()), (ItemOutcome.EXTRA, ()),
    (ItemOutcome.RECEIVED, (Flag.WRONG_ITEM,)),
])
def test_no_refund_when_the_item_is_not_what_was_announced(outcome: ItemOutcome,
                                                           flags: tuple[Flag, ...]) -> None:
    advice = refund_recommendation(outcome, Grade.RESTOCK, 0, 2500, POLICY, flags=flags)
    assert (advice.kind, advice.amount_cents) == (RefundRecommendation.NONE, 0)
    assert advice.reasons[0].startswith("No refund: ")


def test_deductions_never_take_more_than_the_price() -> None:
    advice = refund_recommendation(ItemOutcome.RECEIVED, Grade.LIQUIDATE, 9500, 1000, POLICY)
    assert (advice.kind, advice.amount_cents) == (RefundRecommendation.NONE, 0)
    assert advice.deduction_cents + advice.restocking_fee_cents == 1000
    advice = refund_recommendation(ItemOutcome.RECEIVED, Grade.LIQUIDATE, 25_000, 1000, RefundPolicy())
    assert (advice.deduction_cents, advice.amount_cents) == (1000, 0)


def test_policy_comes_from_the_warehouse() -> None:
    warehouse = SimpleNamespace(restocking_fee_bp=500, damage_deduction_bp=2000)
    assert RefundPolicy.of(warehouse) == RefundPolicy(500, 2000)


def test_checklist_evaluation_feeds_the_refund() -> None:
    electronics = load_templates()["electronics"]
    answers = {"serial": "SN1", "sealed": False, "accessories": "major_missing", "powers_on": True,
               "screen_ok": True, "sound_ok": True, "camera": "works", "buttons_ok": True,
               "connectivity": "works", "liquid_indicator": "clean", "battery_swollen": False,
               "activation_lock": "removed", "data_wiped": "wiped", "cosmetic_grade": "c"}
    context = InspectionContext(expected_serial="SN1", reason="no_longer_needed",
                                policy_deduction_bp=POLICY.damage_deduction_bp)
    result = evaluate(electronics, answers, context)
    assert (result.suggested_grade, result.deduction_bp) == (Grade.REFURBISH, 1500 + 3000)
    advice = refund_recommendation(ItemOutcome.RECEIVED, result.suggested_grade, result.deduction_bp, 89_900,
                                   POLICY, RefundChoice.REFUND, flags=result.flags, reason=context.reason)
    assert (advice.kind, advice.amount_cents) == (RefundRecommendation.PARTIAL, 89_900 - 40_455 - 8_990)


def test_recovered_value_maps_the_industry_scale_onto_the_grades() -> None:
    assert [recovered_value_cents(grade, 10_000) for grade in Grade] == [9000, 5250, 2250, 250]
    assert recovered_value_cents("restock", 1999) == 1799  # 17.991 rounds to 17.99
    # The industry's recovery ranges per grade, written out here (not read from the module), and the
    # value the function computes must fall inside them for any price.
    industry_pct = {Grade.RESTOCK: (80, 100), Grade.REFURBISH: (40, 65), Grade.LIQUIDATE: (5, 40),
                    Grade.SCRAP: (0, 5)}
    assert industry_pct == RECOVERY_RANGES_PCT  # the documented table is the industry's
    for price in (1, 999, 10_000, 123_457):
        values = []
        for grade, (low, high) in industry_pct.items():
            value = recovered_value_cents(grade, price)
            assert low * price / 100 - 0.5 <= value <= high * price / 100 + 0.5, (grade, price, value)
            values.append(value)
        assert values == sorted(values, reverse=True)  # a better grade never recovers less
    assert recovered_value_cents(Grade.RESTOCK, -500) == 0


def test_override_needs_a_reason_when_the_grade_changes() -> None:
    assert override_allowed(Grade.REFURBISH, Grade.REFURBISH, "")
    assert not override_allowed(Grade.REFURBISH, Grade.RESTOCK, "ok")
    assert not override_allowed(Grade.REFURBISH, Grade.RESTOCK, "  ok     fine  ")
    assert override_allowed("refurbish", "restock", "Scratch polished out at the table")
    problem = override_problem(Grade.SCRAP, Grade.LIQUIDATE, "")
    assert problem is not None and str(MIN_OVERRIDE_REASON) in problem
