"""The Settings page on a small screen (issue 10, §3): in the real main window at 1024x768 and 1366x768,
in Dutch and English, "Save settings" is in view without scrolling the page, no tab scrolls sideways
(the serial scanner's fields went off the side at 1024), and every text shows whole.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.models import Role
from inspector.services.demo_data import seed_demo
from inspector.ui.application import install_translator
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import SETTINGS, MainWindow
from inspector.ui.tasks import DatabaseWorker
from inspector.ui.text_fit import clipped_texts
from tests.ui.station_helpers import without_camera


@pytest.mark.parametrize("language", ["nl", "en"])
def test_settings_save_in_view_and_no_tab_scrolls_sideways(
    qtbot: QtBot, services: Services, styled_app: QApplication, inline: None, language: str
) -> None:
    without_camera(services)
    seed_demo(services.database, services.photos, services.station, returns=4, inspections=1, seed=3)
    install_translator(styled_app, language)
    admin = next(u for u in services.users.active_users() if u.role is Role.ADMIN)
    main = MainWindow(services, admin, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(main)
    main.show()
    main.show_page(SETTINGS)
    page = main.settings_page
    for size in ((1024, 768), (1366, 768)):
        for tab in range(page.form.count()):
            page.form.setCurrentIndex(tab)
            main.resize(*size)
            for _pass in range(3):
                QApplication.processEvents()
            save = page.save_button
            seen = QRect(save.mapTo(main, save.rect().topLeft()), save.size())
            window = main.centralWidget()
            assert window is not None
            inside = QRect(window.mapTo(main, window.rect().topLeft()), window.size())
            assert inside.contains(seen) and save.visibleRegion().boundingRect() == save.rect(), (size, tab)
            scroller = page.form.currentWidget()
            assert isinstance(scroller, QScrollArea)
            assert scroller.horizontalScrollBar().maximum() == 0, (size, tab)
            assert clipped_texts(main) == [], (size, tab, [str(c) for c in clipped_texts(main)])
