"""The People page in the real main window (issue 10, §3): at 1366x768, in Dutch and English, the whole
page fits the window (the Dutch form column with its PIN rule made the page scroll its buttons out of
view), and at 1024x768 and 1366x768 every text shows whole (the badge and PIN placeholders were cut).
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.models import Role
from inspector.services.demo_data import seed_demo
from inspector.ui.application import install_translator
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import PEOPLE, MainWindow
from inspector.ui.tasks import DatabaseWorker
from inspector.ui.text_fit import clipped_texts
from tests.ui.station_helpers import without_camera


@pytest.mark.parametrize("language", ["nl", "en"])
def test_people_page_fits_and_shows_whole_texts(
    qtbot: QtBot, services: Services, styled_app: QApplication, inline: None, language: str
) -> None:
    without_camera(services)
    seed_demo(services.database, services.photos, services.station, returns=4, inspections=1, seed=3)
    install_translator(styled_app, language)
    admin = next(u for u in services.users.active_users() if u.role is Role.ADMIN)
    main = MainWindow(services, admin, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(main)
    main.show()
    main.show_page(PEOPLE)
    page = main.people_page
    scroller = page.parentWidget().parentWidget()
    assert isinstance(scroller, QScrollArea)
    for size in ((1024, 768), (1366, 768)):
        main.resize(*size)
        for _pass in range(3):
            QApplication.processEvents()
        assert clipped_texts(main) == [], (size, [str(c) for c in clipped_texts(main)])
        if size == (1366, 768):
            assert scroller.verticalScrollBar().maximum() == 0, (size, page.height())
            assert page.badges_button.visibleRegion().boundingRect() == page.badges_button.rect()
