"""Logging in by badge scan, by choosing a name plus PIN, and the PIN lockout."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.services.users import MAX_PIN_ATTEMPTS, UserInfo
from inspector.ui.feedback import Feedback
from inspector.ui.login import BADGE_PAGE, PIN_PAGE, LoginWindow


def make_login(qtbot: QtBot, services: Services) -> tuple[LoginWindow, Feedback]:
    feedback = Feedback(sounds_enabled=False)
    window = LoginWindow(services.users, feedback, services.settings.scanner)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.badge_input, timeout=2000)
    return window, feedback


def test_badge_scan_logs_in_an_inspector(
    qtbot: QtBot, services: Services, people: dict[str, UserInfo]
) -> None:
    window, _ = make_login(qtbot, services)
    focused = QApplication.focusWidget()
    assert focused is window.badge_input
    with qtbot.waitSignal(window.logged_in, timeout=2000) as signal:
        qtbot.keyClicks(focused, "bdg000001")
        qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert signal.args[0].name == "Ilse Inspector"


def test_unknown_badge_shows_a_message(qtbot: QtBot, services: Services, people: dict[str, UserInfo]) -> None:
    window, feedback = make_login(qtbot, services)
    with qtbot.assertNotEmitted(window.logged_in):
        qtbot.keyClicks(window.badge_input, "BDG999999")
        qtbot.keyClick(window.badge_input, Qt.Key.Key_Return)
    assert window.badge_message.isVisible()
    assert "BDG999999" in window.badge_message.text()
    assert feedback.last_played == "error"
    assert window.badge_input.text() == ""


def test_supervisor_from_the_list_needs_the_right_pin(
    qtbot: QtBot, services: Services, people: dict[str, UserInfo]
) -> None:
    window, _ = make_login(qtbot, services)
    qtbot.keyClick(window.badge_input, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.user_list
    while "Sam Supervisor" not in window.user_list.currentItem().text():
        qtbot.keyClick(window.user_list, Qt.Key.Key_Down)
    qtbot.keyClick(window.user_list, Qt.Key.Key_Return)
    assert window.stack.currentIndex() == PIN_PAGE
    assert QApplication.focusWidget() is window.pin_input
    qtbot.keyClicks(window.pin_input, "9999")
    qtbot.keyClick(window.pin_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pin_message.isVisible(), timeout=3000)
    assert "Wrong PIN" in window.pin_message.text()
    with qtbot.waitSignal(window.logged_in, timeout=3000) as signal:
        qtbot.keyClicks(window.pin_input, "1234")
        qtbot.keyClick(window.pin_input, Qt.Key.Key_Return)
    assert signal.args[0].name == "Sam Supervisor"


def test_supervisor_badge_then_escape_goes_back(
    qtbot: QtBot, services: Services, people: dict[str, UserInfo], inline: None
) -> None:
    window, _ = make_login(qtbot, services)
    qtbot.keyClicks(window.badge_input, "BDG000002")
    qtbot.keyClick(window.badge_input, Qt.Key.Key_Return)
    assert window.stack.currentIndex() == PIN_PAGE
    qtbot.keyClick(window.pin_input, Qt.Key.Key_Escape)
    assert window.stack.currentIndex() == BADGE_PAGE
    assert QApplication.focusWidget() is window.badge_input


def test_too_many_wrong_pins_lock_the_user_out(
    qtbot: QtBot, services: Services, people: dict[str, UserInfo], inline: None
) -> None:
    window, _ = make_login(qtbot, services)
    qtbot.keyClicks(window.badge_input, "BDG000002")
    qtbot.keyClick(window.badge_input, Qt.Key.Key_Return)
    for _ in range(MAX_PIN_ATTEMPTS + 1):
        qtbot.keyClicks(window.pin_input, "0000")
        qtbot.keyClick(window.pin_input, Qt.Key.Key_Return)
    assert "Too many wrong PINs" in window.pin_message.text()
    assert "seconds" in window.pin_message.text()
    assert not window.pin_input.isEnabled()
    with qtbot.assertNotEmitted(window.logged_in):
        qtbot.keyClicks(window.pin_input, "1234")
        qtbot.keyClick(window.pin_input, Qt.Key.Key_Return)
