"""The parts of a checklist template: texts, conditions, questions, photos and rules.

These are plain, immutable values built by :mod:`inspector.services.checklist_loader` from the
TOML files in ``resources/checklists/``; the condition language is described in
:mod:`inspector.services.checklist_conditions`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector.models.enums import Category, Flag, Grade
from inspector.services.checklist_conditions import Condition, parse_date

_YES = {"yes", "y", "true", "1", "ja", "j"}
_NO = {"no", "n", "false", "0", "nee"}
QUESTION_TYPES = ("yes_no", "choice", "number", "text", "photo")
GRADE_ORDER = (Grade.RESTOCK, Grade.REFURBISH, Grade.LIQUIDATE, Grade.SCRAP)  # best to worst


class TemplateError(Exception):
    """A checklist template that cannot be used, with the file, line and problem."""

    def __init__(self, path: Path | str, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}")
        self.path = Path(path)
        self.line = line
        self.problem = problem


@dataclass(frozen=True)
class Localized:
    """A user-visible text in English plus its translations, keyed by language code."""

    texts: Mapping[str, str]

    def get(self, language: str = "en") -> str:
        """The text in ``language`` (``nl``, ``nl_NL``, ...), falling back to English."""
        short = language.split("_")[0].split("-")[0].lower()
        return self.texts.get(short) or self.texts.get("en", "")

    def __str__(self) -> str:
        return self.get("en")


def grade_rank(grade: Grade) -> int:
    """0 for restock up to 3 for scrap: higher is worse."""
    return GRADE_ORDER.index(grade)


def worst_grade(*grades: Grade) -> Grade:
    """The worst of the given grades (restock when none)."""
    return max(grades, key=grade_rank, default=Grade.RESTOCK)


# --- Template parts -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    """One answer of a choice question."""

    id: str
    text: Localized


@dataclass(frozen=True)
class Question:
    """One question of a checklist; ``when`` makes it conditional on earlier answers."""

    id: str
    type: str
    text: Localized
    help: Localized | None = None
    required: bool = True
    options: tuple[Option, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    unit: str = ""
    scan: bool = False  # the answer is normally scanned (serial, IMEI, batch code)
    compare: str = ""  # "expected_serial": the answer is compared with the shipped serial
    format: str = ""  # "date" for text questions holding a date
    pattern: str = ""  # a regular expression a text answer must match in full
    max_length: int = 200
    photo_tag: str = ""  # for photo questions: the tag of the photo that answers it
    when: Condition | None = None
    expected: tuple[Any, ...] = ()  # the answers that mean "as expected"; the first is recorded by the key
    answered_by: str = ""  # "product_scan": a product scan answers it (yes: the announced one)
    gs1: str = ""  # a GS1 element of the product scan that answers it: "serial", "batch" or "expiry"

    def option_ids(self) -> tuple[str, ...]:
        """The ids of a choice question's options, in order."""
        return tuple(option.id for option in self.options)

    @property
    def expected_answer(self) -> Any:
        """The answer the "all as expected" key records (None: the inspector must answer)."""
        return self.expected[0] if self.expected else None

    @property
    def needs_input(self) -> bool:
        """True for questions answered by typing or scanning (text, date, number), never auto-answered."""
        return self.type in ("text", "number")


@dataclass(frozen=True)
class PhotoRequirement:
    """A photo the template asks for (front, label, damage...), perhaps only under a condition."""

    tag: str
    title: Localized
    required: bool = True
    when: Condition | None = None


@dataclass(frozen=True)
class Rule:
    """If ``when`` holds: suggest at least ``grade``, add ``flags`` and deduct from the refund.

    ``deduction`` is basis points of the unit price, or ``"policy"`` for the warehouse's
    standard damage deduction.
    """

    id: str
    when: Condition
    reason: Localized
    grade: Grade | None = None
    flags: frozenset[Flag] = frozenset()
    deduction: int | str = 0


@dataclass(frozen=True)
class PhotoPolicy:
    """Which photos a warehouse wants per outcome (the template's ``[photo_policy]``).

    ``restock_full_refund``: the photo tags required when the item is restocked with a full refund
    and nothing was flagged (the everyday case). Whenever the grade or the refund is worse, or a flag
    is raised, every required photo of the template is taken: that is when disputes happen.
    ``None`` means the full set always.
    """

    restock_full_refund: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ChecklistTemplate:
    """A versioned checklist for one or more product categories."""

    id: str
    version: int
    title: Localized
    categories: tuple[Category, ...]
    questions: tuple[Question, ...]
    photos: tuple[PhotoRequirement, ...] = ()
    rules: tuple[Rule, ...] = ()
    photo_policy: PhotoPolicy = PhotoPolicy()
    source: Path | None = None
    digest: str = ""  # SHA-256 of the template file: which exact text an inspection used
    _by_id: dict[str, Question] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update({question.id: question for question in self.questions})

    def question(self, question_id: str) -> Question:
        """The question with this id (``KeyError`` when there is none)."""
        return self._by_id[question_id]


class AnswerError(ValueError):
    """An answer that does not fit its question."""


def validate_answer(question: Question, value: Any) -> Any:
    """The answer in its stored form (bool, option id, number, text, ISO date), or :class:`AnswerError`.

    ``None`` or an empty text clears the answer.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if question.type == "yes_no":
        if isinstance(value, bool):
            return value
        word = str(value).strip().lower()
        if word in _YES | _NO:
            return word in _YES
        raise AnswerError(f"{question.id}: answer yes or no, not {value!r}")
    if question.type == "choice":
        if value not in question.option_ids():
            raise AnswerError(f"{question.id}: {value!r} is not one of {', '.join(question.option_ids())}")
        return value
    if question.type == "number":
        return _number(question, value)
    if question.type == "text":
        text = str(value).strip()
        if len(text) > question.max_length:
            raise AnswerError(f"{question.id}: at most {question.max_length} characters")
        if question.pattern and not re.fullmatch(question.pattern, text):
            raise AnswerError(f"{question.id}: {text!r} does not have the expected form")
        if question.format == "date":
            try:
                return parse_date(text).isoformat()
            except ValueError as exc:
                raise AnswerError(f"{question.id}: {exc}") from exc
        return text
    return value  # photo questions: whatever the UI records (tag or photo hash)


def _number(question: Question, value: Any) -> int | float:
    if isinstance(value, bool):
        raise AnswerError(f"{question.id}: expected a number")
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", ".")) if re.search(r"[.,]", value) else int(value)
        except ValueError as exc:
            raise AnswerError(f"{question.id}: {value!r} is not a number") from exc
    if not isinstance(value, int | float):
        raise AnswerError(f"{question.id}: expected a number")
    if question.minimum is not None and value < question.minimum:
        raise AnswerError(f"{question.id}: at least {question.minimum:g} {question.unit}".rstrip())
    if question.maximum is not None and value > question.maximum:
        raise AnswerError(f"{question.id}: at most {question.maximum:g} {question.unit}".rstrip())
    return value
