"""The station's dialogs show their whole texts, messages included, in Dutch and English at 1024x768
(issue 10, §3): a message that appears after the dialog is shown (what a grade still needs, a reason
that is too short) grows the dialog instead of being cut at the top and bottom."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from inspector.models import Grade
from inspector.ui.application import install_translator
from inspector.ui.station.dialogs import OverrideDialog, TextDialog
from inspector.ui.text_fit import clipped_texts

MISSING = "Voorkant van het apparaat, Label met serienummer / IMEI, Close-up van de schade"


def _window(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.move(0, 0)
    window.show()
    return window


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_override_dialog_shows_what_a_grade_still_needs_whole(
    qtbot: QtBot, styled_app: QApplication, language: str
) -> None:
    install_translator(styled_app, language)
    window = _window(qtbot)
    dialog = OverrideDialog(Grade.RESTOCK, window,
                            missing_for=lambda grade: MISSING if grade is Grade.SCRAP else "")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_4)  # scrap: needs every photo, said at once
    qtbot.wait(30)
    assert dialog.message.isVisible() and MISSING in dialog.message.text()
    assert [str(c) for c in clipped_texts(dialog)] == []
    assert dialog.height() <= 768 and dialog.width() <= 1024
    inside = window.frameGeometry()  # a kiosk station: the window is the screen, no window manager
    assert inside.contains(dialog.frameGeometry()), f"{dialog.frameGeometry()} runs out of {inside}"
    qtbot.keyClick(dialog, Qt.Key.Key_2)  # refurbish: nothing missing, the reason is too short
    dialog.reason.setText("kapot")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.wait(30)
    assert dialog.isVisible() and dialog.message.text()
    assert [str(c) for c in clipped_texts(dialog)] == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_text_dialog_shows_its_error_whole(qtbot: QtBot, styled_app: QApplication, language: str) -> None:
    install_translator(styled_app, language)
    window = _window(qtbot)
    dialog = TextDialog("Missing item", "Why is the item not in the parcel? " * 3, "note", min_length=10,
                        parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.field.setText("weg")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    qtbot.wait(30)
    assert dialog.isVisible() and dialog.message.text()
    assert [str(c) for c in clipped_texts(dialog)] == []
