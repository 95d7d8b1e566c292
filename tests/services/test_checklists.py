"""Checklist templates load, broken ones are refused precisely, and the rules grade as intended."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from inspector.models.enums import Category, Flag, Grade
from inspector.services.checklists import (
    AnswerError,
    ChecklistRun,
    InspectionContext,
    TemplateError,
    evaluate,
    load_templates,
    missing_required,
    template_for,
    validate_answer,
    visible_questions,
)

SHIPPED = load_templates()

GOOD = '''\
id = "mini"
version = 2
title = "Mini"
title_nl = "Mini"
categories = ["other"]

[[photos]]
tag = "front"
title = "Front"
title_nl = "Voorkant"

[[photos]]
tag = "damage"
title = "Damage"
title_nl = "Schade"
when = { q = "state", eq = "broken" }

[[questions]]
id = "works"
type = "yes_no"
text = "Works?"
text_nl = "Werkt het?"

[[questions]]
id = "state"
type = "choice"
text = "State"
text_nl = "Staat"
options = [
    { id = "fine", text = "Fine", text_nl = "Goed" },
    { id = "broken", text = "Broken", text_nl = "Kapot" },
]

[[questions]]
id = "why"
type = "text"
when = { q = "works", eq = false }
text = "Why not?"
text_nl = "Waarom niet?"

[[rules]]
id = "broken"
when = { q = "state", eq = "broken" }
grade = "scrap"
reason = "Broken"
reason_nl = "Kapot"
'''


def _write(tmp_path: Path, text: str, name: str = "mini.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(text: str, needle: str, occurrence: int = 1) -> int:
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    return lines[occurrence - 1]


# --- Shipped templates ------------------------------------------------------------------------------------

def test_every_shipped_template_loads_with_dutch_texts() -> None:
    assert set(SHIPPED) == {"apparel", "shoes", "electronics", "cosmetics", "home", "generic"}
    for template in SHIPPED.values():
        assert template.version >= 1
        assert template.title.get("nl")
        assert template.photos, template.id
        for question in template.questions:
            assert "nl" in question.text.texts
            assert all("nl" in option.text.texts for option in question.options)
        assert all("nl" in rule.reason.texts for rule in template.rules)


def test_every_category_has_a_template() -> None:
    for category in Category:
        template = template_for(category, SHIPPED)
        expected = "generic" if category is Category.OTHER else category.value
        assert template.id == expected


# --- Broken templates -------------------------------------------------------------------------------------

BROKEN = [
    ("syntax", GOOD.replace('version = 2', 'version = '), "version =", "invalid TOML"),
    ("unknown type", GOOD.replace('type = "yes_no"', 'type = "slider"'), 'type = "slider"',
     "unknown question type"),
    ("duplicate id", GOOD.replace('id = "why"', 'id = "works"'), 'id = "works"', "duplicate question id"),
    ("later question", GOOD.replace('when = { q = "works", eq = false }', 'when = { q = "why", eq = "x" }'),
     'q = "why"', "asked later"),
    ("unknown question", GOOD.replace('{ q = "state", eq = "broken" }\ngrade',
                                      '{ q = "stat", eq = "broken" }\ngrade'), '"stat"', "unknown question"),
    ("option not among options", GOOD.replace('{ q = "state", eq = "broken" }\ngrade',
                                              '{ q = "state", eq = "smashed" }\ngrade'),
     '"smashed"', "not among the options"),
    ("missing Dutch", GOOD.replace('text_nl = "Waarom niet?"\n', ''), 'text = "Why not?"', "missing Dutch"),
    ("missing Dutch option", GOOD.replace(', text_nl = "Kapot"', ''), 'id = "broken", text', "missing Dutch"),
    ("unknown grade", GOOD.replace('grade = "scrap"', 'grade = "bin"'), 'grade = "bin"', "unknown grade"),
    ("unknown flag", GOOD.replace('grade = "scrap"', 'flags = ["stolen"]'), '"stolen"', "unknown flag"),
    ("unknown key", GOOD.replace('text = "Works?"', 'text = "Works?"\nrequried = true'), "requried",
     "unknown key"),
    ("unknown fact", GOOD.replace('{ q = "state", eq = "broken" }\ngrade',
                                  '{ ctx = "weather", eq = "rain" }\ngrade'), '"weather"', "unknown fact"),
    ("wrong value type", GOOD.replace('{ q = "works", eq = false }', '{ q = "works", eq = "no" }'),
     'q = "works", eq = "no"', "not a valid bool"),
    ("within_days on non-date", GOOD.replace('{ q = "state", eq = "broken" }\ngrade',
                                             '{ q = "why", within_days = 3 }\ngrade'),
     "within_days", "within_days"),
    ("fact in a question", GOOD.replace('{ q = "works", eq = false }', '{ ctx = "late", eq = true }'),
     'ctx = "late"', "only rules can test facts"),
    ("unknown category", GOOD.replace('["other"]', '["garden"]'), '"garden"', "unknown category"),
    ("choice with one option",
     GOOD.replace('    { id = "broken", text = "Broken", text_nl = "Kapot" },\n', ''),
     None, "at least two options"),
]


@pytest.mark.parametrize(("text", "needle", "problem"), [case[1:] for case in BROKEN],
                         ids=[case[0] for case in BROKEN])
def test_broken_template_is_refused_with_file_line_and_problem(
        tmp_path: Path, text: str, needle: str | None, problem: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(TemplateError) as caught:
        load_templates(tmp_path)
    error = caught.value
    assert error.path == path
    assert problem in error.problem
    if needle is not None:
        occurrence = 2 if needle == 'id = "works"' else 1
        assert error.line == _line_of(text, needle, occurrence), str(error)
    assert str(error).startswith(f"{path}:{error.line}: ")


def test_duplicate_template_ids_and_categories_are_refused(tmp_path: Path) -> None:
    _write(tmp_path, GOOD, "a.toml")
    _write(tmp_path, GOOD.replace('["other"]', '["home"]'), "b.toml")
    with pytest.raises(TemplateError, match="template id 'mini' is also used by"):
        load_templates(tmp_path)
    _write(tmp_path, GOOD.replace('id = "mini"', 'id = "maxi"'), "b.toml")
    with pytest.raises(TemplateError, match="category 'other' is also claimed") as caught:
        load_templates(tmp_path)
    assert caught.value.line == 5


def test_an_empty_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="no checklist templates"):
        load_templates(tmp_path)


# --- Questions, answers, photos ---------------------------------------------------------------------------

def test_conditional_questions_appear_and_disappear() -> None:
    template = SHIPPED["electronics"]
    ids = [q.id for q in visible_questions(template, {"sealed": True})]
    assert "accessories" not in ids and "powers_on" not in ids
    ids = [q.id for q in visible_questions(template, {"sealed": False, "powers_on": False})]
    assert "powers_on" in ids and "screen_ok" not in ids and "activation_lock" not in ids
    ids = [q.id for q in visible_questions(template, {"sealed": False, "powers_on": True})]
    assert {"screen_ok", "activation_lock", "data_wiped"} <= set(ids)
    # An answer to a question that became hidden no longer counts, and no longer opens its followers.
    ids = [q.id for q in visible_questions(template, {"sealed": True, "powers_on": True})]
    assert "screen_ok" not in ids


def test_missing_required_lists_questions_and_photos(tmp_path: Path) -> None:
    template = load_templates(_write(tmp_path, GOOD).parent)["mini"]
    missing = missing_required(template, {"works": True}, photo_tags={"front"})
    assert [(m.kind, m.id) for m in missing] == [("question", "state")]
    missing = missing_required(template, {"works": False, "state": "broken"}, photo_tags=())
    assert [(m.kind, m.id) for m in missing] == [("question", "why"), ("photo", "front"), ("photo", "damage")]
    assert missing[0].text.get("nl") == "Waarom niet?"
    complete = {"works": False, "state": "broken", "why": "fell"}
    assert missing_required(template, complete, {"front", "damage"}) == []


def test_photo_questions_are_answered_by_a_photo_with_their_tag() -> None:
    template = SHIPPED["electronics"]
    answers = {"serial": "X1", "sealed": False, "liquid_indicator": "triggered"}
    assert "liquid_photo" in [m.id for m in missing_required(template, answers, {"front"})]
    assert "liquid_photo" not in [m.id for m in missing_required(template, answers, {"liquid_indicator"})]


def test_validate_answer_normalises_and_refuses() -> None:
    electronics, cosmetics, home = SHIPPED["electronics"], SHIPPED["cosmetics"], SHIPPED["home"]
    assert validate_answer(electronics.question("sealed"), "ja") is True
    assert validate_answer(electronics.question("sealed"), "No") is False
    assert validate_answer(electronics.question("sealed"), "") is None
    with pytest.raises(AnswerError):
        validate_answer(electronics.question("sealed"), "maybe")
    assert validate_answer(electronics.question("cosmetic_grade"), "b") == "b"
    with pytest.raises(AnswerError, match="not one of"):
        validate_answer(electronics.question("cosmetic_grade"), "f")
    assert validate_answer(cosmetics.question("expiry_date"), "05/2027") == "2027-05-31"
    assert validate_answer(cosmetics.question("expiry_date"), "31-12-2026") == "2026-12-31"
    with pytest.raises(AnswerError, match="not a date"):
        validate_answer(cosmetics.question("expiry_date"), "soon")
    with pytest.raises(AnswerError, match="expected form"):
        validate_answer(cosmetics.question("batch_code"), "#")
    assert validate_answer(home.question("weight_kg"), "12,5") == 12.5
    with pytest.raises(AnswerError, match="at most 500 kg"):
        validate_answer(home.question("weight_kg"), 900)


def test_checklist_run_keeps_stored_answers_of_visible_questions() -> None:
    run = ChecklistRun(SHIPPED["electronics"])
    assert run.next_question().id == "serial"  # type: ignore[union-attr]
    run.answer("serial", "  SN-123 ")
    run.answer("sealed", "no")
    assert run.next_question().id == "accessories"  # type: ignore[union-attr]
    run.answer("powers_on", True)
    run.answer("screen_ok", True)
    run.answer("sealed", "yes")
    assert run.recorded_answers() == {"serial": "SN-123", "sealed": True}
    with pytest.raises(KeyError):
        run.answer("no_such_question", 1)


# --- Rules ------------------------------------------------------------------------------------------------

ELECTRONICS_OK = {"serial": "SN1", "sealed": False, "accessories": "complete", "powers_on": True,
                  "screen_ok": True, "sound_ok": True, "camera": "works", "buttons_ok": True,
                  "connectivity": "works", "liquid_indicator": "clean", "battery_swollen": False,
                  "activation_lock": "removed", "data_wiped": "wiped", "cosmetic_grade": "a"}


def test_electronics_in_order_is_restocked() -> None:
    result = evaluate(SHIPPED["electronics"], ELECTRONICS_OK, InspectionContext(expected_serial="SN1"))
    assert result.suggested_grade is Grade.RESTOCK
    assert result.flags == frozenset() and result.deduction_bp == 0 and result.reasons == []


def test_electronics_that_does_not_power_on_is_refurbished() -> None:
    answers = {**ELECTRONICS_OK, "powers_on": False}
    result = evaluate(SHIPPED["electronics"], answers, InspectionContext(reason="defective"))
    assert result.suggested_grade is Grade.REFURBISH
    assert [rule.rule_id for rule in result.fired] == ["no_power"]
    assert result.reasons == ["no_power: Does not power on: to the repair queue → refurbish"]
    # Function-test answers given before powers_on turned to "no" are hidden and do not count.
    assert "function_fault" not in [r.rule_id for r in evaluate(
        SHIPPED["electronics"], {**answers, "screen_ok": False}).fired]


def test_electronics_liquid_damage_is_liquidated_with_a_deduction() -> None:
    answers = {**ELECTRONICS_OK, "powers_on": False, "liquid_indicator": "triggered"}
    result = evaluate(SHIPPED["electronics"], answers, InspectionContext(reason="no_longer_needed"))
    assert result.suggested_grade is Grade.LIQUIDATE
    assert result.deduction_bp == 5000


def test_electronics_swollen_battery_is_hazardous_scrap() -> None:
    result = evaluate(SHIPPED["electronics"], {**ELECTRONICS_OK, "battery_swollen": True})
    assert result.suggested_grade is Grade.SCRAP
    assert Flag.HAZARDOUS in result.flags


def test_serial_mismatch_flags_wrong_item_and_match_ignores_spacing() -> None:
    template = SHIPPED["electronics"]
    shipped = InspectionContext(expected_serial="SN1")
    mismatch = evaluate(template, {**ELECTRONICS_OK, "serial": "SN2"}, shipped)
    assert Flag.WRONG_ITEM in mismatch.flags
    assert "serial SN2 scanned, SN1 shipped" in mismatch.reasons[0]
    assert "SN2 gescand" in mismatch.reasons_in("nl")[0]
    same = evaluate(template, {**ELECTRONICS_OK, "serial": "sn 1"}, InspectionContext(expected_serial="SN-1"))
    assert Flag.WRONG_ITEM not in same.flags
    nothing_expected = evaluate(template, {**ELECTRONICS_OK, "serial": "SN2"}, InspectionContext())
    assert Flag.WRONG_ITEM not in nothing_expected.flags


def test_deductions_apply_only_when_the_customer_is_answerable() -> None:
    answers = {**ELECTRONICS_OK, "cosmetic_grade": "d"}
    template = SHIPPED["electronics"]
    policy = InspectionContext(reason="ordered_by_mistake", policy_deduction_bp=2500)
    customer = evaluate(template, answers, policy)
    assert (customer.suggested_grade, customer.deduction_bp) == (Grade.LIQUIDATE, 2500)
    shop = evaluate(template, answers, InspectionContext(reason="damaged"))
    assert (shop.suggested_grade, shop.deduction_bp) == (Grade.LIQUIDATE, 0)
    carrier = evaluate(template, answers, InspectionContext(reason="wrong_size", box_condition="damaged"))
    assert carrier.deduction_bp == 0 and Flag.DAMAGED_IN_TRANSIT in carrier.flags


COSMETICS_OK = {"seal_intact": True, "batch_code": "B2301X", "has_expiry": True, "expiry_date": "2027-06-30",
                "leaking": False, "authenticity": "genuine", "hazard": "none", "packaging": "intact"}
TODAY = date(2026, 5, 1)


def test_cosmetics_with_a_broken_seal_are_scrapped_and_aerosols_flagged() -> None:
    answers = {**COSMETICS_OK, "seal_intact": False, "hazard": "aerosol"}
    result = evaluate(SHIPPED["cosmetics"], answers, InspectionContext(today=TODAY))
    assert result.suggested_grade is Grade.SCRAP
    assert result.flags == {Flag.HAZARDOUS}
    assert result.deduction_bp == 3000
    assert "packaging" not in [q.id for q in visible_questions(SHIPPED["cosmetics"], answers)]


@pytest.mark.parametrize(("expiry", "grade"), [("2026-04-30", Grade.SCRAP), ("2026-05-01", Grade.SCRAP),
                                               ("06/2026", Grade.LIQUIDATE), ("2026-12-31", Grade.RESTOCK)])
def test_cosmetics_expiry_date(expiry: str, grade: Grade) -> None:
    stored = validate_answer(SHIPPED["cosmetics"].question("expiry_date"), expiry)
    answers = {**COSMETICS_OK, "expiry_date": stored}
    assert evaluate(SHIPPED["cosmetics"], answers, InspectionContext(today=TODAY)).suggested_grade is grade


def test_counterfeit_cosmetics_are_not_what_was_announced() -> None:
    result = evaluate(SHIPPED["cosmetics"], {**COSMETICS_OK, "authenticity": "counterfeit"})
    assert result.suggested_grade is Grade.SCRAP
    assert {Flag.WRONG_ITEM, Flag.SUSPECTED_FRAUD} <= result.flags


def test_worst_grade_wins_and_flags_add_up_for_apparel() -> None:
    answers = {"style_colour_match": True, "size_match": True, "tags": "missing", "stains": True,
               "odour": "sweat", "makeup": False, "pilling": False, "washed": False, "alterations": False,
               "hardware": "ok", "packaging": "original"}
    result = evaluate(SHIPPED["apparel"], answers, InspectionContext(reason="wrong_size"))
    assert result.suggested_grade is Grade.LIQUIDATE
    assert result.flags == {Flag.SUSPECTED_FRAUD}
    assert result.deduction_bp == 1000 + 3000


def test_late_returns_are_flagged() -> None:
    context = InspectionContext(days_since_delivery=41, return_window_days=30)
    result = evaluate(SHIPPED["generic"], {"matches_announced": True}, context)
    assert Flag.LATE in result.flags
    assert Flag.LATE not in evaluate(SHIPPED["generic"], {}, InspectionContext(days_since_delivery=30)).flags


def test_shoes_mismatched_pair_is_a_wrong_item() -> None:
    result = evaluate(SHIPPED["shoes"], {"pair_matches": False, "size_match": True, "box": "good"})
    assert result.suggested_grade is Grade.REFURBISH
    assert Flag.WRONG_ITEM in result.flags
