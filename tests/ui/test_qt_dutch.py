"""Qt's own texts (file dialogs, standard buttons) are Dutch too: the app ships Qt's translation and
loads it (issue 10, §4)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from inspector.paths import translations_dir
from inspector.ui.application import install_translator


def test_file_dialogs_and_standard_buttons_in_dutch(qtbot: QtBot, styled_app: QApplication) -> None:
    assert (translations_dir() / "qtbase_nl.qm").is_file()  # shipped with the app, not only with Qt
    install_translator(styled_app, "nl")
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    labels = {label.text().replace("&", "") for label in dialog.findChildren(QLabel)}
    assert {"Zoeken in:", "Bestandsnaam:", "Bestanden van type:"} <= labels, labels
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuleren"
