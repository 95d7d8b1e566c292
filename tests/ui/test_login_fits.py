"""The login window at 1024x768, 1366x768 and 1920x1080 in Dutch and English: every name in the
"choose your name" list shows whole, without scrolling sideways (issue 10, §3: "Marloes van der
Linden — Leidinggevende" was cut at the list's edge at 1024x768)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.services.demo_data import seed_demo
from inspector.ui.application import install_translator
from inspector.ui.feedback import Feedback
from inspector.ui.login import LoginWindow
from inspector.ui.text_fit import clipped_texts


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_name_in_the_login_list_is_whole(
    qtbot: QtBot, services: Services, styled_app: QApplication, language: str
) -> None:
    seed_demo(services.database, services.photos, services.station, returns=2, inspections=0, seed=2,
              now=datetime.now(UTC))
    install_translator(styled_app, language)
    login = LoginWindow(services.users, Feedback(sounds_enabled=False), services.settings.scanner)
    qtbot.addWidget(login)
    login.show()
    names = login.user_list
    assert names.count() >= 5
    for size in ((1024, 768), (1366, 768), (1920, 1080)):
        login.resize(*size)
        qtbot.wait(30)
        room = names.viewport().width()
        metrics = names.fontMetrics()
        lines = [line for row in range(names.count()) for line in names.item(row).text().split("\n")]
        cut = [line for line in lines if metrics.horizontalAdvance(line) + 8 > room]
        assert not cut, f"{size} {language}: {cut} wider than the list's {room} px"
        assert not names.horizontalScrollBar().isVisible()
        assert [str(c) for c in clipped_texts(login)] == []
