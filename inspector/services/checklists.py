"""Checklists per product category: loading the templates, asking the questions, applying the rules.

Templates live in ``resources/checklists/*.toml`` (one per file, each with an ``id`` and a
``version`` that an inspection records). A broken template is refused when loading, with file,
line and problem (:class:`TemplateError`). Conditions (the ``when`` of questions, photos and
rules) are TOML tables, never code: see :mod:`inspector.services.checklist_conditions`.

Rules are evaluated in order and all that match fire: the worst grade of the fired rules is the
suggested grade (restock when none fires), their flags are united and their deductions added
(capped at 100 %). Two checks are built in for every template: a scanned serial that differs
from the shipped one flags ``wrong_item``, and a return after the window flags ``late``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from inspector.models.enums import Category, Flag, Grade
from inspector.paths import resources_dir
from inspector.services.checklist_conditions import SHOP_FAULT_REASONS
from inspector.services.checklist_loader import load_template_file
from inspector.services.checklist_model import (
    AnswerError,
    ChecklistTemplate,
    Localized,
    Question,
    TemplateError,
    validate_answer,
    worst_grade,
)

__all__ = [
    "AnswerError", "ChecklistRun", "ChecklistTemplate", "Evaluation", "FiredRule", "InspectionContext",
    "Missing", "Question", "TemplateError", "evaluate", "expected_answers", "load_templates",
    "missing_required",
    "template_for", "validate_answer", "visible_answers", "visible_questions",
]

def checklists_dir() -> Path:
    """Where the shipped templates are."""
    return resources_dir() / "checklists"


def load_templates(directory: Path | None = None) -> dict[str, ChecklistTemplate]:
    """Every ``*.toml`` template in ``directory`` by id; :class:`TemplateError` on the first problem."""
    directory = directory or checklists_dir()
    files = sorted(directory.glob("*.toml"))
    if not files:
        raise TemplateError(directory, 0, "no checklist templates (*.toml) found")
    templates: dict[str, ChecklistTemplate] = {}
    claimed: dict[Category, ChecklistTemplate] = {}
    for path in files:
        template = load_template_file(path)
        if template.id in templates:
            raise TemplateError(path, _line_of(path, "id"), f"template id {template.id!r} is also used by "
                                f"{templates[template.id].source}")
        for category in template.categories:
            if category in claimed:
                raise TemplateError(path, _line_of(path, "categories"), f"category {category.value!r} is "
                                    f"also claimed by {claimed[category].source}")
        templates[template.id] = template
        claimed.update(dict.fromkeys(template.categories, template))
    return templates


def _line_of(path: Path, key: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if re.match(rf"^\s*{key}\s*=", line):
            return number
    return 1


@functools.cache
def default_templates() -> dict[str, ChecklistTemplate]:
    """The shipped templates, loaded once."""
    return load_templates(checklists_dir())


def template_for(category: Category | str, templates: Mapping[str, ChecklistTemplate] | None = None
                 ) -> ChecklistTemplate:
    """The template for a product category, or the ``generic`` one when no template claims it."""
    templates = default_templates() if templates is None else templates
    for template in templates.values():
        if category in template.categories:
            return template
    if "generic" in templates:
        return templates["generic"]
    raise KeyError(f"no checklist template for {category!r} and no generic template")


@dataclass(frozen=True)
class InspectionContext:
    """What the station knows about the item besides the answers."""

    expected_serial: str = ""  # the serial that was shipped (return line)
    scanned_serial: str = ""  # a serial scanned outside the checklist, if any
    reason: str = ""  # the customer's ReturnReason value
    days_since_delivery: int | None = None
    return_window_days: int = 30
    box_condition: str = "intact"
    refund_choice: str = "refund"
    policy_deduction_bp: int = 3000  # the warehouse's damage_deduction_bp, for rules saying "policy"
    today: date = field(default_factory=date.today)

    @property
    def box_damaged(self) -> bool:
        """The parcel arrived damaged or wet (the carrier may be answerable)."""
        return self.box_condition in ("damaged", "wet")

    @property
    def customer_answerable(self) -> bool:
        """Damage counts against the customer: the reason does not blame the shop, the box was fine."""
        return not self.box_damaged and self.reason not in SHOP_FAULT_REASONS

    @property
    def late(self) -> bool | None:
        """True when the item came back after the return window (None when delivery is unknown)."""
        if self.days_since_delivery is None:
            return None
        return self.days_since_delivery > self.return_window_days


def normalize_serial(serial: str) -> str:
    """A serial for comparison: upper case, without spaces and hyphens."""
    return re.sub(r"[\s-]", "", serial).upper()


@dataclass(frozen=True)
class FiredRule:
    """A rule (or built-in check) that matched, for the inspector's screen and the audit."""

    rule_id: str
    reason: Localized
    grade: Grade | None
    flags: frozenset[Flag]
    deduction_bp: int

    def describe(self, language: str = "en") -> str:
        """``rule_id: reason → grade +flag −30.00 %``."""
        parts = [f"{self.rule_id}: {self.reason.get(language)}"]
        if self.grade:
            parts.append(f"→ {self.grade.value}")
        parts += [f"+{flag.value}" for flag in sorted(self.flags)]
        if self.deduction_bp:
            parts.append(f"−{self.deduction_bp / 100:.2f} %")
        return " ".join(parts)


@dataclass(frozen=True)
class Evaluation:
    """What the rules make of the answers: suggested grade, flags, refund deduction and why."""

    suggested_grade: Grade
    flags: frozenset[Flag]
    deduction_bp: int
    fired: tuple[FiredRule, ...] = ()

    @property
    def reasons(self) -> list[str]:
        """Which rules fired, in English (for the audit log)."""
        return self.reasons_in("en")

    def reasons_in(self, language: str) -> list[str]:
        """Which rules fired, in the station's language."""
        return [rule.describe(language) for rule in self.fired]


@dataclass(frozen=True)
class Missing:
    """A required answer or photo that is still missing."""

    kind: str  # "question" or "photo"
    id: str  # question id or photo tag
    text: Localized


def visible_questions(template: ChecklistTemplate, answers: Mapping[str, Any]) -> list[Question]:
    """The questions to ask given the answers so far (conditions read visible answers only)."""
    shown: list[Question] = []
    seen: dict[str, Any] = {}
    for question in template.questions:
        if question.when is None or question.when.test(seen, {}):
            shown.append(question)
            if answers.get(question.id) is not None:
                seen[question.id] = answers[question.id]
    return shown


def visible_answers(template: ChecklistTemplate, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers that count: those of visible questions, in template order (what to store)."""
    return {q.id: answers[q.id] for q in visible_questions(template, answers)
            if answers.get(q.id) not in (None, "")}


def missing_required(template: ChecklistTemplate, answers: Mapping[str, Any],
                     photo_tags: Collection[str] = (), *,
                     only_photos: Collection[str] | None = None) -> list[Missing]:
    """Required questions without an answer and required photos not yet taken, in order.

    ``only_photos``: the photo policy's tags when the outcome needs no more (see
    :class:`PhotoPolicy`); ``None`` asks for every required photo of the template.
    """
    given = visible_answers(template, answers)
    missing = [Missing("question", q.id, q.text) for q in visible_questions(template, answers)
               if q.required and (q.photo_tag not in photo_tags if q.type == "photo" else q.id not in given)]
    missing += [Missing("photo", p.tag, p.title) for p in template.photos
                if p.required and p.tag not in photo_tags and (p.when is None or p.when.test(given, {}))
                and (only_photos is None or p.tag in only_photos)]
    return missing


def expected_answers(template: ChecklistTemplate, answers: Mapping[str, Any], skip: Collection[str] = ()
                     ) -> tuple[list[tuple[str, Any]], Question | None]:
    """What the "all as expected" key records, in order, and the first question left for the inspector.

    Every visible, unanswered question with an ``expected`` answer gets it (questions opened by such an
    answer are answered too); text, date and number questions are never answered this way: the first
    required one still open is returned, for the focus to go to. ``skip``: questions the key must
    not answer (e.g. "is this the announced product?" before a scan has shown it).
    """
    given = dict(answers)
    recorded: list[tuple[str, Any]] = []
    changed = True
    while changed:
        changed = False
        for question in visible_questions(template, given):
            if given.get(question.id) in (None, "") and question.expected and question.id not in skip:
                given[question.id] = question.expected_answer
                recorded.append((question.id, question.expected_answer))
                changed = True
                break  # visibility may have changed: look again from the top
    left = next((q for q in visible_questions(template, given)
                 if q.required and q.type != "photo" and given.get(q.id) in (None, "")), None)
    return recorded, left


# The reasons of the built-in checks, in every language of the checklists (their own catalogue).
BUILT_IN_REASONS: dict[str, Mapping[str, str]] = {
    "serial_mismatch": {"en": "serial {scanned} scanned, {expected} shipped",
                        "nl": "serienummer {scanned} gescand, {expected} verzonden"},
    "late_return": {"en": "returned {days} days after delivery (window {window})",
                    "nl": "{days} dagen na levering retour (termijn {window})"},
    "late_return_1": {"en": "returned {days} day after delivery (window {window})",
                      "nl": "{days} dag na levering retour (termijn {window})"},
}


def _built_in(key: str, **values: Any) -> Localized:
    return Localized({language: text.format(**values) for language, text in BUILT_IN_REASONS[key].items()})


def evaluate(template: ChecklistTemplate, answers: Mapping[str, Any],
             context: InspectionContext | None = None) -> Evaluation:
    """Apply the template's rules and the built-in checks to the visible answers."""
    context = context or InspectionContext()
    given = visible_answers(template, answers)
    compared = [str(given[q.id]) for q in template.questions
                if q.compare == "expected_serial" and q.id in given]
    scanned = context.scanned_serial or next(iter(compared), "")
    serial_matches = (normalize_serial(scanned) == normalize_serial(context.expected_serial)
                      if scanned and context.expected_serial else None)
    facts = {"reason": context.reason or None, "box_condition": context.box_condition,
             "refund_choice": context.refund_choice, "late": context.late, "serial_matches": serial_matches,
             "serial_scanned": bool(scanned), "days_since_delivery": context.days_since_delivery,
             "return_window_days": context.return_window_days, "today": context.today,
             "box_damaged": context.box_damaged, "customer_answerable": context.customer_answerable}
    fired: list[FiredRule] = []
    if serial_matches is False:
        reason = _built_in("serial_mismatch", scanned=scanned, expected=context.expected_serial)
        fired.append(FiredRule("serial_mismatch", reason, None, frozenset({Flag.WRONG_ITEM}), 0))
    if context.late:
        days = context.days_since_delivery
        reason = _built_in("late_return" if days != 1 else "late_return_1", days=days,
                           window=context.return_window_days)
        fired.append(FiredRule("late_return", reason, None, frozenset({Flag.LATE}), 0))
    for rule in template.rules:
        if rule.when.test(given, facts):
            deduction = context.policy_deduction_bp if rule.deduction == "policy" else int(rule.deduction)
            fired.append(FiredRule(rule.id, rule.reason, rule.grade, rule.flags, deduction))
    grade = worst_grade(*(rule.grade for rule in fired if rule.grade))
    return Evaluation(
        suggested_grade=grade,
        flags=frozenset().union(*(rule.flags for rule in fired)),
        deduction_bp=min(10_000, sum(rule.deduction_bp for rule in fired)),
        fired=tuple(fired),
    )


class ChecklistRun:
    """One item's pass through a template: answers checked as given, rules applied on demand."""

    def __init__(self, template: ChecklistTemplate, answers: Mapping[str, Any] | None = None) -> None:
        self.template = template
        self.answers: dict[str, Any] = dict(answers or {})

    def answer(self, question_id: str, value: Any) -> Any:
        """Record an answer (checked with :func:`validate_answer`) and return its stored form."""
        stored = validate_answer(self.template.question(question_id), value)
        if stored is None:
            self.answers.pop(question_id, None)
        else:
            self.answers[question_id] = stored
        return stored

    def visible_questions(self) -> list[Question]:
        """The questions to show now."""
        return visible_questions(self.template, self.answers)

    def next_question(self) -> Question | None:
        """The first visible question without an answer (for keyboard-driven inspection)."""
        return next((q for q in self.visible_questions() if q.type != "photo" and q.id not in self.answers),
                    None)

    def missing_required(self, photo_tags: Collection[str] = ()) -> list[Missing]:
        """What still has to be answered or photographed before the item can be graded."""
        return missing_required(self.template, self.answers, photo_tags)

    def recorded_answers(self) -> dict[str, Any]:
        """The answers to store with the inspection (hidden questions' answers dropped)."""
        return visible_answers(self.template, self.answers)

    def evaluate(self, context: InspectionContext | None = None) -> Evaluation:
        """The suggested grade, flags and deduction for the answers so far."""
        return evaluate(self.template, self.answers, context)

