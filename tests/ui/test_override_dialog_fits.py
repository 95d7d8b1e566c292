"""The 'Choose another grade' dialog shows its grade buttons whole at 1024x768 and wider, in Dutch and
English (the grade buttons were cut: 'Terug op voorraad' in a 120 px button)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from inspector.models import Grade
from inspector.ui.application import install_translator
from inspector.ui.station.dialogs import OverrideDialog
from inspector.ui.text_fit import clipped_texts


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("width", [1024, 1920])
def test_every_grade_button_shows_its_whole_text(
    qtbot: QtBot, styled_app: QApplication, language: str, width: int
) -> None:
    install_translator(styled_app, language)
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(width, 768)
    window.show()
    dialog = OverrideDialog(Grade.RESTOCK, window)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert [str(c) for c in clipped_texts(dialog)] == []
    assert dialog.width() <= width - 40
    buttons = dialog.group.buttons()
    assert all(b.isVisible() for b in buttons)
