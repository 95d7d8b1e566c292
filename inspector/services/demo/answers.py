"""Checklist answers for demo inspections, against the real templates in ``resources/checklists``.

For each inspected unit the seeder picks a target grade (weights per category in
``resources/demo/inspections.json``), takes the answers of a flawless item of that category and
lays over them what is true of the product (no camera, a hazard...) and one set of findings for
the target grade. Every answer is checked with :func:`validate_answer`; hidden questions' answers
are dropped; :func:`evaluate` then decides the suggested grade, flags and deduction, exactly as at a
station.
"""

from __future__ import annotations

import contextlib
import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from inspector.models import Category, Grade, ReturnReason
from inspector.services.checklists import (
    AnswerError,
    ChecklistTemplate,
    Evaluation,
    InspectionContext,
    evaluate,
    template_for,
    validate_answer,
    visible_answers,
    visible_questions,
)
from inspector.services.demo.reference import GRADES, Picker, load

_DATA = load("inspections")
_ANSWERS: dict[str, dict[str, Any]] = _DATA["answers"]
_PRODUCT_ANSWERS: dict[str, dict[str, Any]] = {
    sku: answers for sku, answers in _DATA["product_answers"].items() if not sku.startswith("_")
}
_PHOTO_STYLES: dict[str, str] = _DATA["photo_styles"]
_GRADE_WEIGHTS: dict[str, list[float]] = _DATA["grade_weights"]
_SHIFTING_REASONS = (ReturnReason.DEFECTIVE, ReturnReason.DAMAGED)


@dataclass(frozen=True)
class Checklist:
    """A unit's checklist: the template, the stored answers, what the rules make of them, the photos."""

    template: ChecklistTemplate
    answers: dict[str, Any]
    evaluation: Evaluation
    photo_tags: tuple[str, ...]


class AnswerMaker:
    """Chooses checklist answers per category and evaluates them (one per seed run)."""

    def __init__(self) -> None:
        self._pickers: dict[tuple[str, bool], Picker] = {}

    def _grade_picker(self, category: str, reason: ReturnReason) -> Picker:
        # Defective or damaged items shift away from restock.
        shift = reason in _SHIFTING_REASONS
        key = (category, shift)
        if key not in self._pickers:
            w = _GRADE_WEIGHTS.get(category, _GRADE_WEIGHTS["other"])
            if shift and w[1]:
                w = [w[0] * 0.5, w[1] * 1.6, w[2] * 1.3, w[3] * 1.3]
            self._pickers[key] = Picker(GRADES, w)
        return self._pickers[key]

    def make(self, rng: random.Random, category: Category | str, sku: str, serial: str,
             context: InspectionContext) -> Checklist:
        """Answers for one unit of ``sku`` in ``category``'s template, evaluated in ``context``."""
        template = template_for(category)
        target: Grade = self._grade_picker(str(category), ReturnReason(context.reason or "other"))(rng)
        sets = _ANSWERS[template.id]
        findings: dict[str, Any] = rng.choice(sets[target.value])
        wanted = {**sets["good"], **findings}
        answers: dict[str, Any] = {}
        for question_id, value in wanted.items():
            answers[question_id] = validate_answer(
                template.question(question_id), _fill(value, rng, serial, context.today))
        for question_id, value in _PRODUCT_ANSWERS.get(sku, {}).items():
            if question_id in answers and question_id not in findings:
                with contextlib.suppress(AnswerError, KeyError):  # not a question (option) of the template
                    answers[question_id] = validate_answer(template.question(question_id), value)
        answers = visible_answers(template, answers)
        evaluation = evaluate(template, answers, context)
        return Checklist(template, answers, evaluation, required_photos(template, answers))


def _fill(value: Any, rng: random.Random, serial: str, today: date) -> Any:
    """Replace the ``$`` placeholders of the answer sets with values for this unit."""
    if not isinstance(value, str) or not value.startswith("$"):
        return value
    if value == "$serial":
        return serial or None
    if value == "$batch":
        return f"{rng.choice('LBC')}{rng.randint(10, 99)}{rng.choice('ABCDEFGH')}{rng.randint(100, 999)}"
    days = {"$expiry_ok": (180, 1000), "$expiry_short": (10, 85), "$expired": (-400, -1)}[value]
    return (today + timedelta(days=rng.randint(*days))).isoformat()


def required_photos(template: ChecklistTemplate, answers: dict[str, Any]) -> tuple[str, ...]:
    """The photo tags the template requires for these answers (photos, then photo questions)."""
    tags = [p.tag for p in template.photos
            if p.required and (p.when is None or p.when.test(answers, {}))]
    tags += [q.photo_tag for q in visible_questions(template, answers)
             if q.type == "photo" and q.required and q.photo_tag and q.photo_tag not in tags]
    return tuple(tags)


def photo_style(tag: str) -> str:
    """How the demo photo renderer draws a photo tag: ``label``, ``damage`` or plain."""
    return _PHOTO_STYLES.get(tag, tag)
