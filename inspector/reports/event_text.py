"""Audit events in a person's words and language: "Box: Damaged; Grade: Refurbish", not
"box_condition: damaged; final_grade: refurbish" (issue 10, §4). Used by the review screen's timeline
and the evidence PDF; Qt-free.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from inspector.reports.words import NAMES, Text, language_code

# The names of payload fields; fields not listed here are internal (ids) and not shown.
FIELDS: dict[str, Text] = {
    "box_condition": Text("Box", "Doos"),
    "carrier": Text("Carrier", "Vervoerder"),
    "rma": Text("RMA", "RMA"),
    "scanned_code": Text("Scanned code", "Gescande code"),
    "customer_name": Text("Customer", "Klant"),
    "code": Text("Code", "Code"),
    "method": Text("How", "Hoe"),
    "outcome": Text("Outcome", "Uitkomst"),
    "serial": Text("Serial number", "Serienummer"),
    "tag": Text("Photo", "Foto"),
    "answers": Text("Answers", "Antwoorden"),
    "question": Text("Question", "Vraag"),
    "value": Text("Answer", "Antwoord"),
    "checklist_id": Text("Checklist", "Checklist"),
    "checklist_version": Text("Version", "Versie"),
    "suggested_grade": Text("Suggested", "Voorgesteld"),
    "final_grade": Text("Grade", "Beoordeling"),
    "grade": Text("Grade", "Beoordeling"),
    "from_grade": Text("From", "Van"),
    "to_grade": Text("To", "Naar"),
    "disposition": Text("Goes to", "Gaat naar"),
    "destination": Text("Location", "Locatie"),
    "reasons": Text("Why", "Waarom"),
    "reason": Text("Reason", "Reden"),
    "lpn": Text("Label", "Etiket"),
    "mode": Text("Output", "Uitvoer"),
    "note": Text("Note", "Notitie"),
    "notes": Text("Notes", "Notities"),
    "text": Text("Text", "Tekst"),
    "party": Text("Disputed by", "Betwist door"),
    "reference": Text("Reference", "Referentie"),
    "flags": Text("Signals", "Signalen"),
    "refund_recommendation": Text("Refund advice", "Terugbetalingsadvies"),
}
# Fields whose values are codes with a display name (NAMES kinds, or the small lists below).
VALUE_KINDS = {"box_condition": "box", "final_grade": "grade", "suggested_grade": "grade",
               "from_grade": "grade", "to_grade": "grade", "grade": "grade", "disposition": "disposition",
               "outcome": "outcome", "flags": "flag", "method": "method", "mode": "mode",
               "refund_recommendation": "refund_advice"}
EXTRA_NAMES: dict[str, dict[str, Text]] = {
    "box": {"intact": Text("Intact", "Intact"), "damaged": Text("Damaged", "Beschadigd"),
            "opened": Text("Opened", "Geopend"), "wet": Text("Wet", "Nat")},
    "method": {"scan": Text("scanned", "gescand"), "manual": Text("by hand", "met de hand"),
               "camera": Text("camera", "camera")},
    "mode": {"pdf": Text("PDF", "PDF"), "dialog": Text("printer", "printer"),
             "zpl": Text("label printer", "etiketprinter"), "none": Text("none", "geen")},
}
YES_NO = {"en": ("yes", "no"), "nl": ("ja", "nee")}


def _name(kind: str, code: str, language: str) -> str:
    text = NAMES.get(kind, {}).get(code) or EXTRA_NAMES.get(kind, {}).get(code)
    return getattr(text, language) if text else code


def _value(field: str, value: Any, language: str, rules: Mapping[str, str]) -> str:
    if isinstance(value, bool):
        return YES_NO[language][0 if value else 1]
    if field == "reasons" and isinstance(value, list):
        # "needs_cleaning: Needs cleaning" -> the rule's reason in the language of the reader
        return "; ".join(rules.get(str(v).split(":", 1)[0], str(v)) for v in value)
    kind = VALUE_KINDS.get(field)
    if isinstance(value, list):
        return ", ".join(_name(kind, str(v), language) if kind else str(v) for v in value)
    if kind:
        return _name(kind, str(value), language)
    return str(value)


def describe_event(payload: Mapping[str, Any], language: str | None, *,
                   questions: Mapping[str, str] | None = None, answers: Mapping[str, str] | None = None,
                   rules: Mapping[str, str] | None = None, photos: Mapping[str, str] | None = None,
                   options: Mapping[str, Mapping[str, str]] | None = None, limit: int = 60) -> str:
    """An event's payload as "Field: value; ..." in ``language``.

    ``questions`` maps question ids to their text, ``answers`` question ids to the answer as shown,
    ``rules`` rule ids to their reason, ``photos`` photo tags to their title, ``options`` question ids
    to their options' texts by option id (all in the reader's language).
    """
    code = language_code(language)
    questions, answers, rules = questions or {}, answers or {}, rules or {}
    parts: list[str] = []
    for field, value in payload.items():
        if value in (None, "", [], {}) or field not in FIELDS:
            continue
        label = getattr(FIELDS[field], code)
        if field == "answers" and isinstance(value, Mapping):
            for question, answer in value.items():
                texts = (options or {}).get(question)
                if question in answers:
                    shown = answers[question]
                elif texts and isinstance(answer, str | list):
                    chosen = answer if isinstance(answer, list) else [answer]
                    shown = ", ".join(texts.get(str(v), str(v)) for v in chosen)
                else:
                    shown = _value("", answer, code, rules)
                parts.append(f"{questions.get(question, question)}: {_short(shown, limit)}")
            continue
        if field == "tag" and photos:
            parts.append(f"{label}: {photos.get(str(value), str(value))}")
            continue
        if field == "question":
            parts.append(f"{label}: {questions.get(str(value), str(value))}")
            continue
        parts.append(f"{label}: {_short(_value(field, value, code, rules), limit)}")
    return "; ".join(parts)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
