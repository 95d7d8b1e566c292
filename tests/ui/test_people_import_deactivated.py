"""The People page's CSV import and a deactivated person (issue 10, people admin): the row is refused
with a line that says who it is and how to bring them back, in English and Dutch; with the reactivate
column the page says who came back, and the list shows them active once (no duplicate)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.services.access import COMMAND_LINE
from inspector.services.people import NewPerson
from inspector.ui.application import install_translator
from inspector.ui.pages.people import PeoplePage

REFUSED = {"en": "Line 2: Anna Jansen (badge ANNA-0001) is deactivated. Reactivate?",
           "nl": "Regel 2: Anna Jansen (badge ANNA-0001) is gedeactiveerd. Heractiveren?"}


@pytest.mark.parametrize("language", ["en", "nl"])
def test_importing_a_deactivated_person_says_so_and_reactivates_only_when_asked(
    qtbot: QtBot, services: Services, inline: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    styled_app: QApplication, language: str,
) -> None:
    install_translator(styled_app, language)
    admin_person = services.people.add(COMMAND_LINE, NewPerson("Ada Admin", "admin", pin="402917"))
    admin = services.users.verify_pin(admin_person.id, "402917")
    anna = services.people.add(COMMAND_LINE, NewPerson("Anna Jansen", "inspector", badge_code="ANNA-0001"))
    services.people.set_active(COMMAND_LINE, anna.id, False)
    team = tmp_path / "team.csv"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(team), ""))
    page = PeoplePage(services, admin)
    qtbot.addWidget(page)
    page.show()
    team.write_text("name,role\nanna jansen,inspector\nBram Bakker,inspector\n", encoding="utf-8")
    page.import_button.setFocus()
    qtbot.keyClick(page.import_button, Qt.Key.Key_Space)
    assert page.message.kind == "error" and REFUSED[language] in page.message.text()
    assert [p.name for p in page.people].count("Anna Jansen") == 1
    assert "Bram Bakker" not in {p.name for p in page.people}
    team.write_text("name,role,reactivate\nanna jansen,inspector,yes\nBram Bakker,inspector,\n",
                    encoding="utf-8")
    qtbot.keyClick(page.import_button, Qt.Key.Key_Space)
    assert page.message.kind == "info", page.message.text()
    back = "Reactivated: Anna Jansen" if language == "en" else "Weer actief: Anna Jansen"
    assert back in page.message.text()
    names = [p.name.lower() for p in page.people]
    assert names.count("anna jansen") == 1 and "bram bakker" in names
    assert all(p.active for p in page.people)
