"""The intake scan field's placeholder is whole at 1024x768 in Dutch and English (it read
'Trackingnummer, RMA of QR-cod…' after the camera preview came under it)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QStyle, QStyleOptionFrame
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.models import Role
from inspector.services.demo_data import seed_demo
from inspector.ui.application import install_translator
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import MainWindow
from inspector.ui.tasks import DatabaseWorker
from tests.ui.station_helpers import without_camera


def placeholder_room(field: QLineEdit) -> int:
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    rect = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    margins = field.textMargins()
    return rect.width() - margins.left() - margins.right() - 4  # QLineEdit's own 2 px each side


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_scan_fields_placeholder_is_whole_at_1024(
    qtbot: QtBot, services: Services, styled_app: QApplication, inline: None, language: str
) -> None:
    without_camera(services)
    seed_demo(services.database, services.photos, services.station, returns=2, inspections=0, seed=3)
    install_translator(styled_app, language)
    admin = next(u for u in services.users.active_users() if u.role is Role.ADMIN)
    main = MainWindow(services, admin, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(main)
    main.show()
    main.resize(1024, 768)
    QApplication.processEvents()
    field = main.intake_page.scan_input
    need = field.fontMetrics().horizontalAdvance(field.placeholderText())
    assert need <= placeholder_room(field), f"{field.placeholderText()!r} needs {need} px"
