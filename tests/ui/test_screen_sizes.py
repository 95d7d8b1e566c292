"""Every screen shows its whole texts at 1024x768, 1366x768 and 1920x1080, in Dutch and English
(issue 10, §3): each visible label, button, combo box, tab, table header, text field placeholder,
read-only text and date or number field is measured with its font against the room its widget got and
the part of it its parents show, and no window is larger than the screen. (The inspection screen has
its own test.)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.models import Role
from inspector.services.demo_data import seed_demo
from inspector.ui.application import install_translator
from inspector.ui.feedback import Feedback
from inspector.ui.login import LoginWindow
from inspector.ui.main_window import PEOPLE, REPORTS, REVIEW, SETTINGS, MainWindow
from inspector.ui.review.dispute_dialog import CLOSE
from inspector.ui.tasks import DatabaseWorker
from inspector.ui.text_fit import clipped_texts
from tests.ui.station_helpers import without_camera

SIZES = ((1024, 768), (1366, 768), (1920, 1080))
NOW = datetime(2026, 11, 20, 15, tzinfo=UTC)


def _problems(window: QWidget, size: tuple[int, int]) -> list[str]:
    window.resize(*size)
    for _settle in range(3):  # a resize re-lays nested layouts over a few passes of the event loop
        QApplication.processEvents()
    found = [str(c) for c in clipped_texts(window)]
    if window.width() > size[0] or window.height() > size[1]:
        found.append(f"{type(window).__name__} is {window.width()}x{window.height()}")
    return found


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_text_is_whole_at_every_screen_size(
    qtbot: QtBot, services: Services, styled_app: QApplication, inline: None, language: str
) -> None:
    without_camera(services)
    seed_demo(services.database, services.photos, services.station, returns=12, inspections=6, seed=11,
              now=NOW)
    install_translator(styled_app, language)
    admin = next(u for u in services.users.active_users() if u.role is Role.ADMIN)
    main = MainWindow(services, admin, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(main)
    main.show()
    page = main.intake_page
    review = main.review_page
    summary = next(iter(services.intake.search(postcode="", customer_name="a")), None)

    def detail() -> None:
        main.show_page(REVIEW)
        review.open_inspection(review.model.row_at(0).inspection_id)

    screens: dict[str, Callable[[], None]] = {
        "scan": lambda: main.show_page(0),
        "unknown parcel": lambda: page.lookup("ZZ-NOT-KNOWN-42"),
        "return": lambda: page.open_return(summary) if summary else None,
        "review": lambda: main.show_page(REVIEW),
        "review detail": detail,
        "reports": lambda: main.show_page(REPORTS),
        "settings": lambda: main.show_page(SETTINGS),
        "people": lambda: main.show_page(PEOPLE),
    }
    problems: list[str] = []
    for name, show in screens.items():
        show()
        for size in SIZES:
            problems += [f"{name} {size}: {p}" for p in _problems(main, size)]
    for tab in range(main.settings_page.form.count()):
        main.show_page(SETTINGS)
        main.settings_page.form.setCurrentIndex(tab)
        for size in SIZES:
            problems += [f"settings tab {tab} {size}: {p}" for p in _problems(main, size)]
    detail()
    dialog = review.open_dispute_dialog(CLOSE)
    assert dialog is not None
    problems += [f"dispute dialog: {p}" for p in _problems(dialog, (760, 520))]
    dialog.close()
    viewer = review.open_photos()
    assert viewer is not None
    for size in SIZES:
        problems += [f"photo viewer {size}: {p}" for p in _problems(viewer, (size[0] - 40, size[1] - 40))]
    viewer.close()
    login = LoginWindow(services.users, Feedback(sounds_enabled=False), services.settings.scanner)
    qtbot.addWidget(login)
    login.show()
    for size in SIZES:
        problems += [f"login {size}: {p}" for p in _problems(login, size)]
    assert problems == [], "\n".join(problems)
