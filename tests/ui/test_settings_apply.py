"""Saved settings apply at once, or say exactly when (issue 10, defect 10): a new language or camera
setting rebuilds the window for the same person without logging out; a person with a language of their
own keeps it and is told so.

Only an administrator saves settings and only supervisors and up have the Settings page (issue 11 §2),
so both walks log in the administrator."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.app import Services
from inspector.models import User
from inspector.services.users import UserInfo
from inspector.ui.main_window import SETTINGS
from inspector.ui.session import StationSession
from tests.ui.conftest import ensure_admin
from tests.ui.station_helpers import without_camera

ADMIN_BADGE, ADMIN_PIN = "BDG000009", "4711"


def _logged_in(qtbot: QtBot, services: Services, badge: str, pin: str = "") -> StationSession:
    session = StationSession(services)  # shut down after the test by tests/ui/conftest.py
    session.start()
    assert session.login is not None
    qtbot.addWidget(session.login)
    login = session.login
    with qtbot.waitSignal(session.main_window_shown):
        qtbot.keyClicks(login.badge_input, badge)
        qtbot.keyClick(login.badge_input, Qt.Key.Key_Return)
        if pin:
            assert login.stack.currentIndex() == 1, login.badge_message.text()
            for key in pin:  # at a person's pace (a burst is taken for a scanner)
                qtbot.keyClick(login.pin_input, key)
                qtbot.wait(90)
            qtbot.keyClick(login.pin_input, Qt.Key.Key_Return)
            assert not login.pin_message.text(), login.pin_message.text()
    assert session.main is not None
    qtbot.addWidget(session.main)
    session.main.show_page(SETTINGS)
    return session


def _choose(combo: object, data: str) -> None:
    combo.setCurrentIndex(combo.findData(data))  # type: ignore[attr-defined]


def test_language_and_camera_apply_without_logging_out(
    qtbot: QtBot, services: Services, people: dict[str, UserInfo], inline: None
) -> None:
    without_camera(services)
    ensure_admin(services)
    session = _logged_in(qtbot, services, ADMIN_BADGE, ADMIN_PIN)
    first = session.main
    assert first is not None and first.camera is None and first.nav_buttons[0].text().startswith("Intake")
    form = first.settings_page.form
    _choose(form.language, "nl")
    form.camera_enabled.setChecked(True)
    qtbot.mouseClick(first.settings_page.save_button, Qt.MouseButton.LeftButton)
    main = session.main
    assert main is not None and main is not first and main.user.id == first.user.id  # no new login
    qtbot.addWidget(main)
    assert main.nav_buttons[0].text().startswith("Ontvangst")  # Dutch now
    assert main.camera is not None  # the camera setting is in use
    assert main.current_page() == SETTINGS and "nu" in main.settings_page.message.text()


def test_a_person_with_an_own_language_is_told_it_stays(
    qtbot: QtBot, services: Services, people: dict[str, UserInfo], inline: None
) -> None:
    ensure_admin(services)
    with services.database.session() as db:
        ada = db.scalar(select(User).where(User.badge_code == ADMIN_BADGE))
        assert ada is not None
        ada.language = "en"
    session = _logged_in(qtbot, services, ADMIN_BADGE, ADMIN_PIN)
    main = session.main
    assert main is not None
    _choose(main.settings_page.form.language, "nl")
    qtbot.mouseClick(main.settings_page.save_button, Qt.MouseButton.LeftButton)
    main = session.main
    assert main is not None
    qtbot.addWidget(main)
    assert main.nav_buttons[0].text().startswith("Intake")  # Ada's own language
    assert "People page" in main.settings_page.message.text()
