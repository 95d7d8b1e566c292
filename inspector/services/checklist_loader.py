"""Reading and validating one checklist template file (TOML) into a :class:`ChecklistTemplate`.

Anything wrong is refused with a :class:`TemplateError` naming the file, the line and the problem:
the TOML parser's line for syntax errors, and for everything else the line of the offending key or
value, found by searching the text of the table it is in (best effort: the table's header line
when the key cannot be found).
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn

from inspector.models.enums import Category, Flag, Grade
from inspector.services.checklist_conditions import AnswerKind, Condition, parse_condition
from inspector.services.checklist_model import (
    QUESTION_TYPES,
    ChecklistTemplate,
    Localized,
    Option,
    PhotoPolicy,
    PhotoRequirement,
    Question,
    Rule,
    TemplateError,
)

REQUIRED_LANGUAGES = ("nl",)
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_LANG_SUFFIX = re.compile(r"^(?P<base>[a-z_]+?)_(?P<lang>[a-z]{2})$")
_HEADER = re.compile(r"^\s*\[\[?\s*[A-Za-z_][\w.\s]*\]\]?\s*(#.*)?$")
_KEYS = {
    "template": {"id", "version", "title", "description", "categories", "photos", "questions", "rules",
                 "photo_policy"},
    "questions": {"id", "type", "text", "help", "required", "options", "min", "max", "unit", "scan",
                  "compare", "format", "pattern", "max_length", "tag", "when", "expected", "answered_by",
                  "gs1"},
    "photo_policy": {"restock_full_refund"},
    "options": {"id", "text"},
    "photos": {"tag", "title", "required", "when"},
    "rules": {"id", "when", "grade", "flags", "deduction_bp", "reason"},
}
_TYPE_ONLY = {"options": "choice", "min": "number", "max": "number", "unit": "number", "scan": "text",
              "compare": "text", "format": "text", "pattern": "text", "max_length": "text", "tag": "photo"}
_LOCALIZABLE = {"title", "description", "text", "help", "reason"}
GS1_ELEMENTS = ("serial", "batch", "expiry")


class _Locator:
    """Finds the line of a key or value inside the n-th ``[[section]]`` of the file's text."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def _span(self, section: str | None, index: int) -> tuple[int, int]:
        header = re.compile(rf"^\s*\[\[\s*{re.escape(section or '')}\s*\]\]")
        starts = [n for n, line in enumerate(self.lines) if section and header.match(line)]
        if section is None or index >= len(starts):
            first = next((n for n, line in enumerate(self.lines) if _HEADER.match(line)), len(self.lines))
            return (0, first) if section is None else (0, len(self.lines))
        start = starts[index]
        end = next((n for n in range(start + 1, len(self.lines)) if _HEADER.match(self.lines[n])),
                   len(self.lines))
        return start, end

    def fail(self, section: str | None, index: int, problem: str, *, key: str = "",
             value: object = None) -> NoReturn:
        """Raise a :class:`TemplateError` pointing at ``key`` or ``value`` in that table."""
        start, end = self._span(section, index)
        patterns = []
        if value is not None and not isinstance(value, bool | dict | list):
            literal = re.escape(f'"{value}"') if isinstance(value, str) else (
                rf"(?<![\w.]){re.escape(str(value))}(?![\w.])")
            if key:
                patterns.append(re.compile(rf"(?<![\w.]){re.escape(key)}\s*=\s*{literal}"))
            patterns.append(re.compile(literal))
        if key:
            patterns.append(re.compile(rf"^\s*{re.escape(key)}\s*=|[{{,]\s*{re.escape(key)}\s*="))
        for pattern in patterns:
            for n in range(start, end):
                if pattern.search(self.lines[n].split("#")[0]):
                    raise TemplateError(self.path, n + 1, problem)
        raise TemplateError(self.path, start + 1, problem)


def load_template_file(path: Path) -> ChecklistTemplate:
    """Read, check and build the template in ``path``; raises :class:`TemplateError`."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(path, 0, f"cannot read the file: {exc}") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        problem = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise TemplateError(path, int(match.group(1)) if match else 1, f"invalid TOML: {problem}") from exc
    template = _Builder(_Locator(path, text)).template(data)
    return replace(template, digest=hashlib.sha256(text.encode("utf-8")).hexdigest())


class _Builder:
    """Turns the parsed TOML into template values, refusing anything it does not understand."""

    def __init__(self, locator: _Locator) -> None:
        self.loc = locator
        self.question_ids: set[str] = set()
        self.photo_question_ids: set[str] = set()

    def template(self, data: dict[str, Any]) -> ChecklistTemplate:
        fail = self._failer(None, 0)
        self._check_keys(data, "template", fail)
        template_id = self._id(data, "id", fail)
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            fail("'version' must be a whole number of at least 1", key="version")
        categories = self._list(data, "categories", fail)
        for category in categories:
            if category not in tuple(Category):
                fail(f"unknown category {category!r} (known: {', '.join(Category)})", value=category)
        questions: list[Question] = []
        raw_questions = self._list(data, "questions", fail, tables=True)
        for raw in raw_questions:
            if isinstance(raw, dict):
                self.question_ids.add(raw.get("id"))
                if raw.get("type") == "photo":
                    self.photo_question_ids.add(raw.get("id"))
        for index, raw in enumerate(raw_questions):
            questions.append(self.question(raw, index, questions))
        if not questions:
            fail("a template needs at least one question", key="questions")
        by_id = {question.id: question for question in questions}
        photos = [self.photo(raw, index, by_id) for index, raw in
                  enumerate(self._list(data, "photos", fail, tables=True, optional=True))]
        tags = [q.photo_tag for q in questions if q.type == "photo"] + [p.tag for p in photos]
        for index, photo in enumerate(photos):
            if tags.count(photo.tag) > 1:
                self.loc.fail("photos", index, f"duplicate photo tag {photo.tag!r}", key="tag")
        rules = tuple(self.rule(raw, index, by_id) for index, raw in
                      enumerate(self._list(data, "rules", fail, tables=True, optional=True)))
        policy = self.photo_policy(data.get("photo_policy"), photos, fail)
        rule_ids = [rule.id for rule in rules]
        for index, rule_id in enumerate(rule_ids):
            if rule_ids.index(rule_id) != index:
                self.loc.fail("rules", index, f"duplicate rule id {rule_id!r}", key="id")
        return ChecklistTemplate(
            id=template_id, version=version, title=self._text(data, "title", fail),
            categories=tuple(Category(c) for c in categories), questions=tuple(questions),
            photos=tuple(photos), rules=rules, photo_policy=policy, source=self.loc.path,
        )

    def photo_policy(self, raw: Any, photos: Sequence[PhotoRequirement],
                     fail: Callable[..., NoReturn]) -> PhotoPolicy:
        """The ``[photo_policy]`` table: photo tags of the template, per outcome."""
        if raw is None:
            return PhotoPolicy()
        self._check_keys(raw, "photo_policy", fail)
        tags = raw.get("restock_full_refund")
        if tags is None:
            return PhotoPolicy()
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            fail("'restock_full_refund' must be a list of photo tags", key="restock_full_refund")
        known = {p.tag for p in photos}
        for tag in tags:
            if tag not in known:
                fail(f"unknown photo tag {tag!r} in the photo policy (known: {', '.join(sorted(known))})",
                     value=tag)
        return PhotoPolicy(tuple(tags))

    def question(self, raw: dict[str, Any], index: int, earlier: Sequence[Question]) -> Question:
        fail = self._failer("questions", index)
        self._check_keys(raw, "questions", fail)
        question_id = self._id(raw, "id", fail)
        if any(q.id == question_id for q in earlier):
            fail(f"duplicate question id {question_id!r}", key="id")
        kind = raw.get("type")
        if kind not in QUESTION_TYPES:
            fail(f"unknown question type {kind!r} (known: {', '.join(QUESTION_TYPES)})", key="type")
        for key, only in _TYPE_ONLY.items():
            if key in raw and kind != only:
                fail(f"'{key}' only applies to {only} questions, not {kind}", key=key)
        options: list[Option] = []
        if kind == "choice":
            for raw_option in self._list(raw, "options", fail, tables=True):
                self._check_keys(raw_option, "options", fail)
                option_id = self._id(raw_option, "id", fail)
                if any(o.id == option_id for o in options):
                    fail(f"duplicate option {option_id!r}", value=option_id)
                options.append(Option(option_id, self._text(raw_option, "text", fail, near=option_id)))
            if len(options) < 2:
                fail("a choice question needs at least two options", key="options")
        minimum, maximum = raw.get("min"), raw.get("max")
        for key, bound in (("min", minimum), ("max", maximum)):
            if bound is not None and (isinstance(bound, bool) or not isinstance(bound, int | float)):
                fail(f"'{key}' must be a number", key=key)
        if minimum is not None and maximum is not None and minimum > maximum:
            fail("'min' is larger than 'max'", key="min")
        if raw.get("format", "") not in ("", "date"):
            fail("'format' can only be \"date\"", key="format")
        if raw.get("compare", "") not in ("", "expected_serial"):
            fail("'compare' can only be \"expected_serial\"", key="compare")
        pattern = raw.get("pattern", "")
        try:
            re.compile(pattern)
        except (re.error, TypeError) as exc:
            fail(f"'pattern' is not a valid regular expression: {exc}", key="pattern")
        if kind == "photo" and not isinstance(raw.get("tag"), str):
            fail("a photo question needs the 'tag' of the photo it asks for", key="id")
        for key in ("required", "scan"):
            if not isinstance(raw.get(key, True), bool):
                fail(f"'{key}' must be true or false", key=key)
        when = self.condition(raw["when"], earlier, fail) if "when" in raw else None
        expected = self._expected(raw, kind, tuple(o.id for o in options), fail)
        answered_by = raw.get("answered_by", "")
        if answered_by not in ("", "product_scan") or (answered_by and kind != "yes_no"):
            fail("'answered_by' can only be \"product_scan\", on a yes_no question", key="answered_by")
        gs1 = raw.get("gs1", "")
        if gs1 and (gs1 not in GS1_ELEMENTS or kind not in ("text", "yes_no")):
            fail(f"'gs1' names a GS1 element ({', '.join(GS1_ELEMENTS)}) of a text or yes_no question",
                 key="gs1")
        if gs1 == "expiry" and kind == "text" and raw.get("format") != "date":
            fail("'gs1 = \"expiry\"' needs 'format = \"date\"'", key="gs1")
        return Question(
            id=question_id, type=kind, text=self._text(raw, "text", fail),
            help=self._text(raw, "help", fail) if "help" in raw else None,
            required=raw.get("required", True), options=tuple(options), minimum=minimum, maximum=maximum,
            unit=str(raw.get("unit", "")), scan=raw.get("scan", False), compare=raw.get("compare", ""),
            format=raw.get("format", ""), pattern=pattern, max_length=int(raw.get("max_length", 200)),
            photo_tag=raw.get("tag", ""), when=when, expected=expected, answered_by=answered_by, gs1=gs1,
        )

    @staticmethod
    def _expected(raw: dict[str, Any], kind: str, options: tuple[str, ...],
                  fail: Callable[..., NoReturn]) -> tuple[Any, ...]:
        """The answers meaning "as expected" (a value or a list); only yes_no and choice questions."""
        if "expected" not in raw:
            return ()
        if kind not in ("yes_no", "choice"):
            fail(f"'expected' only applies to yes_no and choice questions, not {kind}", key="expected")
        value = raw["expected"]
        values = tuple(value) if isinstance(value, list) else (value,)
        if not values:
            fail("'expected' needs at least one answer", key="expected")
        for item in values:
            if kind == "yes_no" and not isinstance(item, bool):
                fail("'expected' of a yes_no question is true or false", key="expected")
            if kind == "choice" and item not in options:
                fail(f"'expected' {item!r} is not one of the options ({', '.join(options)})", key="expected")
        return values

    def photo(self, raw: dict[str, Any], index: int, questions: Mapping[str, Question]) -> PhotoRequirement:
        fail = self._failer("photos", index)
        self._check_keys(raw, "photos", fail)
        tag = self._id(raw, "tag", fail)
        when = self.condition(raw["when"], list(questions.values()), fail) if "when" in raw else None
        if not isinstance(raw.get("required", True), bool):
            fail("'required' must be true or false", key="required")
        return PhotoRequirement(tag, self._text(raw, "title", fail), raw.get("required", True), when)

    def rule(self, raw: dict[str, Any], index: int, questions: Mapping[str, Question]) -> Rule:
        fail = self._failer("rules", index)
        self._check_keys(raw, "rules", fail)
        rule_id = self._id(raw, "id", fail)
        if "when" not in raw:
            fail("a rule needs a 'when' condition", key="id")
        grade = raw.get("grade")
        if grade is not None and grade not in tuple(Grade):
            fail(f"unknown grade {grade!r} (known: {', '.join(Grade)})", key="grade")
        flags = raw.get("flags", [])
        if not isinstance(flags, list):
            fail("'flags' must be a list", key="flags")
        for flag in flags:
            if flag not in tuple(Flag):
                fail(f"unknown flag {flag!r} (known: {', '.join(Flag)})", value=flag)
        deduction = raw.get("deduction_bp", 0)
        if deduction != "policy" and (isinstance(deduction, bool) or not isinstance(deduction, int)
                                      or not 0 <= deduction <= 10_000):
            fail("'deduction_bp' must be 0..10000 basis points or \"policy\"", key="deduction_bp")
        if grade is None and not flags and not deduction:
            fail("a rule must set a grade, flags or a deduction", key="id")
        return Rule(rule_id, self.condition(raw["when"], list(questions.values()), fail, facts=True),
                    self._text(raw, "reason", fail),
                    Grade(grade) if grade else None, frozenset(Flag(f) for f in flags), deduction)

    def condition(self, raw: Any, readable: Sequence[Question], fail: Callable[..., NoReturn], *,
                  facts: bool = False) -> Condition:
        """Parse a condition that may read the answers of the ``readable`` questions."""
        kinds = {"yes_no": "bool", "choice": "enum", "number": "number", "text": "text"}
        answerable: dict[str, AnswerKind] = {
            q.id: ("date" if q.format == "date" else kinds[q.type], q.option_ids())
            for q in readable if q.type != "photo"
        }
        later = frozenset(self.question_ids - set(answerable) - self.photo_question_ids)
        return parse_condition(raw, answerable, fail, later=later, photos=frozenset(self.photo_question_ids),
                               facts=facts)

    # --- small helpers ---------------------------------------------------------------------------------

    def _failer(self, section: str | None, index: int) -> Callable[..., NoReturn]:
        def fail(problem: str, *, key: str = "", value: object = None) -> NoReturn:
            self.loc.fail(section, index, problem, key=key, value=value)
        return fail

    @staticmethod
    def _check_keys(raw: Any, table: str, fail: Callable[..., NoReturn]) -> None:
        if not isinstance(raw, dict):
            fail(f"expected a table in {table!r}")
        for key in raw:
            match = _LANG_SUFFIX.match(key)
            if key not in _KEYS[table] and not (match and match["base"] in _LOCALIZABLE & _KEYS[table]):
                fail(f"unknown key {key!r} in {table}", key=key)

    @staticmethod
    def _id(raw: dict[str, Any], key: str, fail: Callable[..., NoReturn]) -> str:
        value = raw.get(key)
        if not isinstance(value, str) or not _ID.match(value):
            fail(f"'{key}' must be lower-case letters, digits and '_', got {value!r}", key=key)
        return value

    @staticmethod
    def _list(raw: dict[str, Any], key: str, fail: Callable[..., NoReturn], *, tables: bool = False,
              optional: bool = False) -> list[Any]:
        value = raw.get(key, [] if optional else None)
        if not isinstance(value, list):
            fail(f"'{key}' must be a list" + (" of tables" if tables else ""), key=key)
        return value

    @staticmethod
    def _text(raw: dict[str, Any], key: str, fail: Callable[..., NoReturn], near: str = "") -> Localized:
        texts = {"en": raw.get(key)}
        for name, text in raw.items():
            if (match := _LANG_SUFFIX.match(name)) and match["base"] == key:
                texts[match["lang"]] = text
        for lang, text in texts.items():
            if not isinstance(text, str) or not text.strip():
                fail(f"'{key}' must be a non-empty text" if lang == "en" else f"'{key}_{lang}' is empty",
                     key=key if lang == "en" else f"{key}_{lang}", value=near or None)
        for lang in REQUIRED_LANGUAGES:
            if lang not in texts:
                fail(f"missing Dutch text '{key}_{lang}'" + (f" for option {near!r}" if near else ""),
                     key="" if near else key, value=near or None)
        return Localized(texts)
