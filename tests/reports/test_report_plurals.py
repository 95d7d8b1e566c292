"""The PDF reports' own catalogue puts counts into sentences with the right form and grouping."""

from __future__ import annotations

import pytest

from inspector.reports.words import EVIDENCE, Words

CHAIN = {
    ("en", 1): "Audit chain of station ST-01 verified: 1 event, none changed, removed or inserted.",
    ("en", 1234): "Audit chain of station ST-01 verified: 1,234 events, none changed, removed or inserted.",
    ("nl", 1): "Auditketen van station ST-01 gecontroleerd: 1 gebeurtenis, niets gewijzigd, verwijderd of "
               "ingevoegd.",
    ("nl", 1234): "Auditketen van station ST-01 gecontroleerd: 1.234 gebeurtenissen, niets gewijzigd, "
                  "verwijderd of ingevoegd.",
}


@pytest.mark.parametrize(("language", "count"), sorted(CHAIN))
def test_the_audit_chain_line_counts_its_events(language: str, count: int) -> None:
    assert Words(language, EVIDENCE)("chain_ok", s="ST-01", count=count) == CHAIN[language, count]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_one_photo_is_not_all_1_photo_files(language: str) -> None:
    words = Words(language, EVIDENCE)
    one, many = words("photos_ok", count=1), words("photos_ok", count=2)
    assert "1" not in one and one != many and "2" in many
    assert {"en": "photo file matches", "nl": "fotobestand heeft"}[language] in one


def test_an_answer_in_the_audit_timeline_shows_the_options_text_not_its_code() -> None:
    from inspector.reports.event_text import describe_event

    payload = {"answers": {"tags": "missing", "odour": ["smoke", "sweat"], "stains": False}}
    questions = {"tags": "Prijskaartjes", "odour": "Geur", "stains": "Vlekken?"}
    options = {"tags": {"missing": "Ontbreken"}, "odour": {"smoke": "Rook", "sweat": "Zweet"}}
    shown = describe_event(payload, "nl", questions=questions, options=options)
    assert shown == "Prijskaartjes: Ontbreken; Geur: Rook, Zweet; Vlekken?: nee"
