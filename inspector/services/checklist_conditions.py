"""The condition language of checklist templates: parsing (with checks) and evaluation.

A condition is a TOML table, never code:

* ``{ all = [c, ...] }``, ``{ any = [c, ...] }``, ``{ not = c }`` combine conditions;
* ``{ q = "question_id", <op> = value }`` tests an answer to an earlier question;
* ``{ ctx = "fact", <op> = value }`` tests a fact of the inspection (see :data:`FACTS`).

``<op>`` is exactly one of ``eq``, ``ne``, ``in``, ``not_in`` (a list), ``lt``, ``le``, ``gt``, ``ge``
(numbers only), ``answered`` (true/false) and ``within_days`` (date questions: the date is at most
that many days from today; ``0`` means expired or expiring today). Any comparison with an unanswered
or hidden question is false, except ``answered = false``.

Facts: ``reason`` (the customer's return reason), ``box_condition``, ``refund_choice``, ``late``,
``serial_matches`` (unknown when nothing was scanned or nothing is expected), ``serial_scanned``,
``days_since_delivery``, ``return_window_days``, ``box_damaged`` (the parcel arrived damaged or wet)
and ``customer_answerable`` (neither the reason blames the shop nor the parcel arrived damaged: the
test for deductions).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NoReturn

from inspector.models.enums import BoxCondition, RefundChoice, ReturnReason

COMPARISON_OPS = ("eq", "ne", "in", "not_in", "lt", "le", "gt", "ge", "answered", "within_days")
# The facts a condition can read with ``ctx = "..."``: a tuple lists the allowed values.
FACTS: dict[str, Any] = {
    "reason": tuple(ReturnReason), "box_condition": tuple(BoxCondition),
    "refund_choice": tuple(RefundChoice), "late": bool, "serial_matches": bool,
    "serial_scanned": bool, "days_since_delivery": int, "return_window_days": int,
    "box_damaged": bool, "customer_answerable": bool,
}
# Reasons that put the fault with the shop: no deductions for damage or missing parts then.
SHOP_FAULT_REASONS = frozenset({ReturnReason.DAMAGED, ReturnReason.DEFECTIVE, ReturnReason.NOT_AS_DESCRIBED,
                                ReturnReason.WRONG_ITEM_SENT, ReturnReason.PARTS_MISSING})
# What a question's answers look like to a condition: its value kind and its option ids.
AnswerKind = tuple[str, tuple[str, ...]]
Fail = Callable[..., NoReturn]

_DATE_FORMATS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("y", "m", "d")),
    (re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), ("y", "m")),
    (re.compile(r"^(\d{1,2})[-/.](\d{4})$"), ("m", "y")),
    (re.compile(r"^(\d{1,2})[-/.](\d{2})$"), ("m", "y")),
)


def parse_date(text: str) -> date:
    """A date as printed on products: ``2026-05-31``, ``31-05-2026``, ``2026-05``, ``05/2026``, ``05/26``.

    A month without a day means the end of that month (how expiry dates are read).
    Raises ``ValueError`` for anything else.
    """
    cleaned = text.strip()
    for pattern, parts in _DATE_FORMATS:
        match = pattern.match(cleaned)
        if match:
            values = dict(zip(parts, (int(g) for g in match.groups()), strict=True))
            year = values["y"] + (2000 if values["y"] < 100 else 0)
            month = values["m"]
            if not 1 <= month <= 12:
                break
            day = values.get("d", calendar.monthrange(year, month)[1])
            return date(year, month, day)
    raise ValueError(f"not a date: {text!r} (use YYYY-MM-DD, DD-MM-YYYY or MM/YYYY)")





class Condition:
    """A test over the answers given so far and the facts of the inspection."""

    def test(self, answers: Mapping[str, Any], facts: Mapping[str, Any]) -> bool:  # pragma: no cover
        """True when the condition holds."""
        raise NotImplementedError

    def questions(self) -> set[str]:
        """The question ids this condition reads."""
        return set()


@dataclass(frozen=True)
class AllOf(Condition):
    """True when every part holds (``all = [...]``)."""

    parts: tuple[Condition, ...]

    def test(self, answers: Mapping[str, Any], facts: Mapping[str, Any]) -> bool:
        return all(part.test(answers, facts) for part in self.parts)

    def questions(self) -> set[str]:
        return set().union(*(part.questions() for part in self.parts))


@dataclass(frozen=True)
class AnyOf(Condition):
    """True when at least one part holds (``any = [...]``)."""

    parts: tuple[Condition, ...]

    def test(self, answers: Mapping[str, Any], facts: Mapping[str, Any]) -> bool:
        return any(part.test(answers, facts) for part in self.parts)

    def questions(self) -> set[str]:
        return set().union(*(part.questions() for part in self.parts))


@dataclass(frozen=True)
class NotOf(Condition):
    """True when the part does not hold (``not = {...}``)."""

    part: Condition

    def test(self, answers: Mapping[str, Any], facts: Mapping[str, Any]) -> bool:
        return not self.part.test(answers, facts)

    def questions(self) -> set[str]:
        return self.part.questions()


@dataclass(frozen=True)
class Compare(Condition):
    """One comparison of an answer (``q = "id"``) or a fact (``ctx = "name"``) with a constant."""

    source: str  # "q" or "ctx"
    key: str
    op: str
    value: Any

    def test(self, answers: Mapping[str, Any], facts: Mapping[str, Any]) -> bool:
        current = (answers if self.source == "q" else facts).get(self.key)
        if current == "":
            current = None
        if self.op == "answered":
            return (current is not None) == bool(self.value)
        if current is None:
            return False
        if self.op == "within_days":
            today = facts.get("today") or date.today()
            try:
                return (parse_date(str(current)) - today).days <= int(self.value)
            except ValueError:
                return False
        op = self.op
        if op in ("eq", "ne"):
            return (current == self.value) == (op == "eq")
        if op in ("in", "not_in"):
            return (current in self.value) == (op == "in")
        try:
            number = float(current)
        except (TypeError, ValueError):
            return False
        return {"lt": number < self.value, "le": number <= self.value,
                "gt": number > self.value, "ge": number >= self.value}[op]

    def questions(self) -> set[str]:
        return {self.key} if self.source == "q" else set()



def parse_condition(raw: Any, answerable: Mapping[str, AnswerKind], fail: Fail, *,
                    later: frozenset[str] = frozenset(), photos: frozenset[str] = frozenset(),
                    facts: bool = True) -> Condition:
    """Build a :class:`Condition` from its table, checking every question, fact and value it names.

    ``answerable`` holds the questions the condition may read; ``later`` and ``photos`` name the
    other questions of the template, so the problem can say why one may not be read; ``facts``
    allows ``ctx`` comparisons (rules only: questions and photos depend on answers). Problems are
    reported through ``fail(problem, key=..., value=...)``, which must raise.
    """
    if not isinstance(raw, dict) or not raw:
        fail('a condition must be a table like { q = "id", eq = true }', key="when")
    if set(raw) & {"all", "any", "not"}:
        if len(raw) != 1:
            fail(f"'all', 'any' and 'not' stand alone in their table, found {sorted(raw)}", key="when")
        ((kind, inner),) = raw.items()
        if kind == "not":
            return NotOf(parse_condition(inner, answerable, fail, later=later, photos=photos, facts=facts))
        if not isinstance(inner, list) or not inner:
            fail(f"'{kind}' needs a non-empty list of conditions", key=kind)
        parts = tuple(parse_condition(part, answerable, fail, later=later, photos=photos, facts=facts)
                      for part in inner)
        return AllOf(parts) if kind == "all" else AnyOf(parts)
    sources = [s for s in ("q", "ctx") if s in raw]
    ops = [k for k in raw if k not in ("q", "ctx")]
    if len(sources) != 1 or len(ops) != 1 or ops[0] not in COMPARISON_OPS:
        fail(f"a comparison names one 'q' or 'ctx' and one of {', '.join(COMPARISON_OPS)}; "
             f"found {sorted(raw)}", key="when")
    source, op = sources[0], ops[0]
    key, value = raw[source], raw[op]
    if source == "ctx":
        if not facts:
            fail("only rules can test facts ('ctx'); questions and photos depend on answers", key="ctx")
        if key not in FACTS:
            fail(f"unknown fact {key!r} (known: {', '.join(FACTS)})", key="ctx", value=key)
        allowed = FACTS[key]
        kind = "enum" if isinstance(allowed, tuple) else {bool: "bool", int: "number"}[allowed]
        options = tuple(str(a) for a in allowed) if kind == "enum" else ()
    else:
        if key not in answerable:
            if key in photos:
                fail(f"{key!r} is a photo question: it has no answer to test", key="q", value=key)
            if key in later:
                fail(f"question {key!r} is asked later: a condition can only use earlier answers",
                     key="q", value=key)
            fail(f"unknown question {key!r}", key="q", value=key)
        kind, options = answerable[key]
    _check_value(key, kind, op, value, options, fail)
    return Compare(source, key, op, tuple(value) if isinstance(value, list) else value)


def _check_value(key: str, kind: str, op: str, value: Any, options: Sequence[str], fail: Fail) -> None:
    if op == "answered":
        if not isinstance(value, bool):
            fail(f"'answered' takes true or false (for {key!r})", key=op)
        return
    if op == "within_days":
        if kind != "date" or isinstance(value, bool) or not isinstance(value, int):
            fail(f"'within_days' takes a whole number and a date question ({key!r})", key=op)
        return
    if op in ("lt", "le", "gt", "ge") and kind != "number":
        fail(f"'{op}' compares numbers, but {key!r} is not a number", key=op)
    if op in ("in", "not_in") and (not isinstance(value, list) or not value):
        fail(f"'{op}' takes a non-empty list (for {key!r})", key=op)
    for item in value if op in ("in", "not_in") else [value]:
        ok = {"bool": isinstance(item, bool), "enum": isinstance(item, str),
              "number": isinstance(item, int | float) and not isinstance(item, bool),
              "text": isinstance(item, str), "date": isinstance(item, str)}[kind]
        if not ok:
            fail(f"{item!r} is not a valid {kind} value for {key!r}", key=op)
        if kind == "enum" and item not in options:
            fail(f"{item!r} is not among the options of {key!r} ({', '.join(options)})", key=op, value=item)
