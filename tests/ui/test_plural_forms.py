"""Counts in sentences agree with their number, in Dutch and English (issue 10, §4: "1 wijzigingen wachten").

Every text that puts a count into a sentence is a Qt numerus text (``%n`` with ``n``); the .ts files hold
its singular and plural form for each language, and ``%Ln`` groups big numbers the locale's way.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspector.models import Role
from inspector.paths import translations_dir
from inspector.services.users import UserInfo
from inspector.sync.service import SyncStatus
from inspector.ui.application import install_translator
from inspector.ui.status_bar import StationStatusBar
from inspector.ui.sync_bridge import sync_status_text

ROOT = Path(__file__).resolve().parents[2]
WAITING = {  # (language, pending changes) -> what the status bar says about them
    ("nl", 1): "1 wijziging wacht",
    ("nl", 2): "2 wijzigingen wachten",
    ("nl", 1000): "1.000 wijzigingen wachten",
    ("en", 1): "1 change waiting",
    ("en", 2): "2 changes waiting",
    ("en", 1000): "1,000 changes waiting",
}


@pytest.mark.parametrize(("language", "pending"), sorted(WAITING))
def test_the_status_bar_counts_waiting_changes_in_the_users_language(
    qtbot: QtBot, styled_app: QApplication, language: str, pending: int
) -> None:
    install_translator(styled_app, language)
    user = UserInfo(uuid.uuid4(), "Ilse Inspector", Role.INSPECTOR, "BDG000001", language)
    bar = StationStatusBar(user, "ST-01", Path("inspector.sqlite3"), sync_configured=False)
    qtbot.addWidget(bar)
    bar.show_status({"pending_sync": pending})
    assert bar.sync_label.text().endswith(" · " + WAITING[language, pending]), bar.sync_label.text()


SYNC_WAITING = {
    ("nl", 1): "1 wacht",
    ("nl", 2): "2 wachten",
    ("nl", 1000): "1.000 wachten",
    ("en", 1): "1 waiting",
    ("en", 1000): "1,000 waiting",
}


@pytest.mark.parametrize(("language", "pending"), sorted(SYNC_WAITING))
def test_the_running_sync_counts_waiting_changes_in_the_users_language(
    styled_app: QApplication, language: str, pending: int
) -> None:
    install_translator(styled_app, language)
    text = sync_status_text(SyncStatus(online=True, pending=pending))
    assert text.split(" · ")[-1] == SYNC_WAITING[language, pending], text


def _numerus_problems(ts: Path) -> list[str]:
    problems = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            where = f"{ts.name} {name}: {source!r}"
            if re.search(r"%L?n", source) is None:
                continue
            if message.get("numerus") != "yes":
                problems.append(f"{where} is not a numerus text (tr with n)")
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")]
            if len(forms) != 2 or not all(form.strip() for form in forms):
                problems.append(f"{where} needs its singular and plural form, has {forms}")
            elif translation.get("type") is not None:
                problems.append(f"{where} is {translation.get('type')}")
            elif not all(re.search(r"%L?n", form) for form in forms):
                problems.append(f"{where}: a form lacks the number %n")
    return problems


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_count_text_has_all_its_plural_forms(language: str) -> None:
    ts = translations_dir() / f"inspector_{language}.ts"
    assert _numerus_problems(ts) == []
    texts = ET.parse(ts).getroot().iter("message")
    assert sum(message.get("numerus") == "yes" for message in texts) >= 10, "the counts are numerus texts"


COUNTS_IN_SENTENCES = re.compile(
    r"%\d (changes|waiting|returns|item\(s\)|return\(s\)|rows|lines|seconds|people|badges|days|"
    r"inspections|outcomes|open conflicts|wait for)|\(%\d (events|runs)\)|More than %\d"
)


def test_no_count_is_put_into_a_sentence_without_its_plural_forms() -> None:
    sources = [message.findtext("source") or "" for message in
               ET.parse(translations_dir() / "inspector_nl.ts").getroot().iter("message")]
    assert [s for s in sources if COUNTS_IN_SENTENCES.search(s)] == []


def test_updating_the_translations_keeps_the_plural_forms(tmp_path: Path) -> None:
    """scripts/translations.py update (pyside6-lupdate) keeps every numerus text and its forms."""
    spec = importlib.util.spec_from_file_location("translations_script", ROOT / "scripts" / "translations.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    copy = tmp_path / "translations"
    shutil.copytree(translations_dir(), copy)
    script.update(copy)
    for language in ("nl", "en"):
        before = (translations_dir() / f"inspector_{language}.ts").read_text(encoding="utf-8")
        after = (copy / f"inspector_{language}.ts").read_text(encoding="utf-8")
        assert _numerus_problems(copy / f"inspector_{language}.ts") == []
        assert after.count("<numerusform>") == before.count("<numerusform>") > 0
