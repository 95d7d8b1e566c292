"""The Dutch translation is complete, up to date with the code, compiled, and used."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.paths import translations_dir
from inspector.services.users import UserInfo
from inspector.ui import texts
from inspector.ui.application import install_translator
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import MainWindow
from inspector.ui.tasks import DatabaseWorker

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\d|\{\w*\}")


def _load_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("translations_script", ROOT / "scripts" / "translations.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message in a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


def forms(translation: ET.Element) -> list[str]:
    """The texts of a translation: its plural forms (numerus messages), else its one text."""
    plural = [form.text or "" for form in translation.iter("numerusform")]
    return plural or [translation.text or ""]


def test_ts_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    script = _load_script()
    copy = tmp_path / "translations"
    shutil.copytree(translations_dir(), copy)
    script.update(copy)
    committed = {(c, s) for c, s, _ in messages(translations_dir() / "inspector_nl.ts")}
    fresh = {(c, s) for c, s, _ in messages(copy / "inspector_nl.ts")}
    assert not fresh - committed, "run: python scripts/translations.py update, then translate"
    assert not committed - fresh, "obsolete texts: run python scripts/translations.py update"


def test_every_dutch_message_is_translated_and_finished() -> None:
    for context, source, translation in messages(translations_dir() / "inspector_nl.ts"):
        assert translation.get("type") is None, f"{context}: {source!r} is {translation.get('type')}"
        missing = f"{context}: {source!r} has no Dutch translation"
        assert all(text.strip() for text in forms(translation)), missing


@pytest.mark.parametrize("language", ["nl", "en"])
def test_placeholders_match(language: str) -> None:
    for context, source, translation in messages(translations_dir() / f"inspector_{language}.ts"):
        for text in forms(translation):
            if text.strip():
                assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (
                    f"{context}: {source!r}"
                )


def test_committed_qm_files_match_the_ts(tmp_path: Path) -> None:
    script = _load_script()
    for qm in script.compile_all(translations_dir(), tmp_path):
        committed = translations_dir() / qm.name
        assert committed.exists(), f"{qm.name} missing: run python scripts/translations.py compile"
        assert committed.read_bytes() == qm.read_bytes(), "run: python scripts/translations.py compile"


def test_database_problems_are_all_translatable() -> None:
    from inspector.models.db_errors import MESSAGES as LOCAL
    from inspector.sync.central_read import MESSAGES

    known = set(LOCAL)
    assert known | set(MESSAGES.values()) <= set(texts.DATABASE_PROBLEMS)


def test_main_window_in_dutch(
    qtbot: QtBot, services: Services, people: dict[str, UserInfo], inline: None
) -> None:
    install_translator(QApplication.instance(), "nl")  # type: ignore[arg-type]
    window = MainWindow(services, people["BDG000002"], Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(window)
    assert window.nav_buttons[0].text().startswith("Ontvangst")
    assert window.status.logout_button.text().startswith("Afmelden")
    assert "Leidinggevende" in window.status.user_label.text()
    assert window.intake_page.findChild(type(window.status.user_label), "heading").text() == "Scan een pakket"


def test_every_message_has_a_context() -> None:
    empty = [source for context, source, _ in messages(translations_dir() / "inspector_nl.ts") if not context]
    assert not empty, f"texts without a context (lupdate could not read the call): {empty}"
