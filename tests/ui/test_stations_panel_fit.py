"""The Reports page's stations table keeps its headers whole in the room the page gives it at 1024x768,
1366x768 and 1920x1080, in Dutch and English (the last column stretched below its header's text)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from inspector.sync.stations import StationRow
from inspector.ui.application import install_translator
from inspector.ui.pages.stations_panel import StationsPanel
from inspector.ui.text_fit import clipped_texts

# The room the Reports page gives the panel: the window less the page menu and the page's margins.
ROOM = ((1024 - 290 - 64 - 16, 300), (1366 - 290 - 64, 300), (1920 - 290 - 64, 500))


def _row(n: int, now: datetime) -> StationRow:
    return StationRow("NL-AMS", f"ST-0{n}", f"Inpaktafel {n} achterin de hal", now, now - timedelta(hours=2),
                      12345, now, "1.4.0", 98765, "ab" * 32, now, n)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_stations_headers_are_whole(qtbot: QtBot, styled_app: QApplication, language: str) -> None:
    install_translator(styled_app, language)
    window = QWidget()
    window.setObjectName("page")
    panel = StationsPanel()
    QVBoxLayout(window).addWidget(panel)
    qtbot.addWidget(window)
    window.show()
    now = datetime.now(UTC)
    panel.show_rows([_row(n, now) for n in range(1, 4)])
    problems = []
    for size in ROOM:
        window.resize(*size)
        QApplication.processEvents()
        problems += [f"{size}: {c}" for c in clipped_texts(window) if "QHeaderView" in str(c)]
    assert problems == [], "\n".join(problems)
