"""Checking a folder of checklist templates, and a plain-text preview of one (``inspector checklists``).

:func:`check_directory` reads every ``*.toml`` file and reports *every* file's problem (file, line,
problem), then what only shows with all of them together: an id or a category claimed twice, also
against the shipped templates the folder's replace or add to. :func:`preview_text` shows a template as
the inspector meets it: the questions in order (with the answers that show the conditional ones), the
photos asked for, and what each rule does, in Dutch or English.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from inspector.services.checklist_conditions import AllOf, AnyOf, Compare, NotOf
from inspector.services.checklist_loader import load_template_file
from inspector.services.checklist_model import ChecklistTemplate, TemplateError
from inspector.services.checklists import checklists_dir

TYPE_WORDS = {
    "en": {"yes_no": "yes / no", "choice": "choose one", "number": "number", "text": "text",
           "photo": "photo"},
    "nl": {"yes_no": "ja / nee", "choice": "kies één", "number": "getal", "text": "tekst", "photo": "foto"},
}
WORDS = {
    "en": {"version": "version", "categories": "categories", "photos": "Photos", "questions": "Questions",
           "rules": "Rules", "optional": "optional", "when": "only when", "scan": "scan",
           "grade": "at least", "deduct": "deduct", "policy": "the warehouse's damage deduction",
           "expected": "as expected", "yes": "yes", "no": "no", "by_scan": "answered by the product scan",
           "photo_policy": "restock with a full refund needs only"},
    "nl": {"version": "versie", "categories": "categorieën", "photos": "Foto's", "questions": "Vragen",
           "rules": "Regels", "optional": "niet verplicht", "when": "alleen als", "scan": "scannen",
           "grade": "minstens", "deduct": "aftrek", "policy": "de schadeaftrek van het magazijn",
           "expected": "zoals verwacht", "yes": "ja", "no": "nee",
           "by_scan": "beantwoord door de productscan",
           "photo_policy": "terug op voorraad met volledige terugbetaling vraagt alleen"},
}


def check_directory(directory: Path, *, with_shipped: bool = True) -> tuple[dict[str, ChecklistTemplate],
                                                                            list[TemplateError]]:
    """The good templates of ``directory`` and every problem found (an empty list: all is well)."""
    files = sorted(directory.glob("*.toml")) if directory.is_dir() else []
    if not files:
        return {}, [TemplateError(directory, 0, "no checklist templates (*.toml) found")]
    problems: list[TemplateError] = []
    templates: dict[str, ChecklistTemplate] = {}
    for path in files:
        try:
            template = load_template_file(path)
        except TemplateError as exc:
            problems.append(exc)
            continue
        if template.id in templates:
            problems.append(TemplateError(path, 1, f"template id {template.id!r} is also used by "
                                                   f"{templates[template.id].source}"))
            continue
        templates[template.id] = template
    combined = dict(_shipped()) if with_shipped else {}
    combined.update(templates)  # the folder's template replaces a shipped one with its id
    claimed: dict[object, ChecklistTemplate] = {}
    for template in combined.values():
        for category in template.categories:
            other = claimed.get(category)
            if other is not None and template.id in templates:
                problem = f"category {category.value!r} is also claimed by {other.source}"
                problems.append(TemplateError(template.source or directory, 1, problem))
            claimed[category] = template
    return templates, problems


def _shipped() -> Mapping[str, ChecklistTemplate]:
    from inspector.services.checklists import load_templates

    return load_templates(checklists_dir())


OPS = {"eq": "=", "ne": "≠", "lt": "<", "le": "≤", "gt": ">", "ge": "≥", "in": "in", "not_in": "not in"}


def _condition(condition: object) -> str:
    """A condition as a short readable formula: ``stains = yes or hardware = broken``."""
    if isinstance(condition, AllOf | AnyOf):
        joiner = " and " if isinstance(condition, AllOf) else " or "
        return "(" + joiner.join(_condition(part) for part in condition.parts) + ")"
    if isinstance(condition, NotOf):
        return f"not {_condition(condition.part)}"
    if isinstance(condition, Compare):
        value = {True: "yes", False: "no"}.get(condition.value, condition.value) \
            if isinstance(condition.value, bool) else condition.value
        return f"{condition.key} {OPS.get(condition.op, condition.op)} {value}"
    return repr(condition)


def preview_text(template: ChecklistTemplate, language: str = "en") -> str:
    """The template as the inspector meets it, as plain text."""
    w, types = WORDS.get(language, WORDS["en"]), TYPE_WORDS.get(language, TYPE_WORDS["en"])
    lines = [f"{template.title.get(language)}  ({template.id}, {w['version']} {template.version})",
             f"{w['categories']}: {', '.join(c.value for c in template.categories) or '-'}"]
    if template.digest:
        lines.append(f"sha256 {template.digest}")
    if template.photos:
        lines += ["", w["photos"]]
        for photo in template.photos:
            extra = [] if photo.required else [w["optional"]]
            if photo.when is not None:
                extra.append(f"{w['when']} {_condition(photo.when)}")
            suffix = f"  ({'; '.join(extra)})" if extra else ""
            lines.append(f"  [{photo.tag}] {photo.title.get(language)}{suffix}")
        if template.photo_policy.restock_full_refund is not None:
            lines.append(f"  ({w['photo_policy']}: {', '.join(template.photo_policy.restock_full_refund)})")
    lines += ["", w["questions"]]
    for number, question in enumerate(template.questions, start=1):
        kind = types.get(question.type, question.type)
        notes = [w["scan"]] if question.scan else []
        if not question.required:
            notes.append(w["optional"])
        if question.answered_by:
            notes.append(w["by_scan"])
        if question.expected:
            words = [w["yes"] if v is True else w["no"] if v is False else
                     next((o.text.get(language) for o in question.options if o.id == v), str(v))
                     for v in question.expected]
            notes.append(f"{w['expected']}: {' / '.join(words)}")
        details = ", ".join([kind, *notes])
        lines.append(f"{number:>3}. {question.text.get(language)}  [{details}]")
        for option in question.options:
            lines.append(f"       - {option.text.get(language)}")
        if question.when is not None:
            lines.append(f"       {w['when']} {_condition(question.when)}")
    if template.rules:
        lines += ["", w["rules"]]
        for rule in template.rules:
            effects = []
            if rule.grade is not None:
                effects.append(f"{w['grade']} {rule.grade.value}")
            effects += sorted(flag.value for flag in rule.flags)
            if rule.deduction:
                effects.append(f"{w['deduct']} " + (w["policy"] if rule.deduction == "policy"
                                                    else f"{int(rule.deduction) / 100:g} %"))
            lines.append(f"  - {rule.reason.get(language)}: {', '.join(effects) or '-'}")
    return "\n".join(lines) + "\n"
