"""Keyboard focus comes back after every dialog, without a window manager (issue 10, defects 12, 13).

The offscreen platform activates a window when it is shown and nobody activates the one under it when
it is hidden: exactly a kiosk X server without a window manager.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.models import Role
from inspector.services.demo_data import seed_demo
from inspector.services.users import UserInfo
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import INTAKE, REPORTS, REVIEW, MainWindow
from inspector.ui.pages.intake import INSPECT, SCAN
from inspector.ui.pages.review import DETAIL
from inspector.ui.review.dispute_dialog import CLOSE, OPEN
from inspector.ui.tasks import DatabaseWorker
from tests.ui.station_helpers import apparel_return, seed, without_camera

NOW = datetime(2026, 11, 20, 15, tzinfo=UTC)


def press(qtbot: QtBot, key: Qt.Key | str,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the window system delivers it: to the focused widget of the active window."""
    target = QApplication.focusWidget()
    assert target is not None and QApplication.activeWindow() is not None, "no window has the keyboard"
    qtbot.keyClick(target, key, modifier)


def main_window(qtbot: QtBot, services: Services, user: UserInfo) -> MainWindow:
    window = MainWindow(services, user, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


def file_dialog_cancelled(parent: QWidget, *args: object, **kwargs: object) -> tuple[str, str]:
    """A file dialog's window as the user sees it: shown (and so active), then cancelled."""
    dialog = QDialog(parent)
    dialog.setModal(True)
    dialog.show()
    QApplication.processEvents()
    assert QApplication.activeWindow() is dialog
    dialog.reject()
    dialog.deleteLater()
    return "", ""


def test_f_keys_work_after_the_report_file_dialog(
    qtbot: QtBot, services: Services, people: dict[str, UserInfo], inline: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", file_dialog_cancelled)
    window = main_window(qtbot, services, people["BDG000002"])
    press(qtbot, Qt.Key.Key_F3)
    assert window.current_page() == REPORTS
    qtbot.mouseClick(window.reports_page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    press(qtbot, Qt.Key.Key_F1)
    assert window.current_page() == INTAKE
    assert QApplication.focusWidget() is window.intake_page.scan_input


@pytest.fixture
def seeded(services: Services, people: dict[str, UserInfo]) -> Services:
    seed_demo(services.database, services.photos, services.station, returns=12, inspections=6, seed=11,
              now=NOW)
    return services


def _detail(qtbot: QtBot, services: Services) -> MainWindow:
    supervisor = next(u for u in services.users.active_users() if u.badge_code == "BDG000002")
    window = main_window(qtbot, services, supervisor)
    press(qtbot, Qt.Key.Key_F2)
    page = window.review_page
    row = next(page.model.row_at(r) for r in range(page.model.rowCount()) if page.model.row_at(r).grade)
    page.open_inspection(row.inspection_id)
    assert page.stack.currentIndex() == DETAIL
    return window


def test_the_photo_viewer_opens_with_the_keyboard_at_a_fitting_zoom_and_gives_it_back(
    qtbot: QtBot, seeded: Services, inline: None
) -> None:
    window = _detail(qtbot, seeded)
    window.resize(1024, 768)
    viewer = window.review_page.open_photos()
    assert viewer is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is viewer, timeout=2000)
    QApplication.processEvents()
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert viewer.width() <= screen.width() and viewer.height() <= screen.height()
    shown = int(viewer.zoom_label.text().split()[1])
    assert shown == round(viewer.zoom * 100) and shown > 5, viewer.zoom_label.text()
    for button in viewer.buttons.values():
        assert button.width() >= button.sizeHint().width(), button.text()
    press(qtbot, Qt.Key.Key_Plus)
    assert f"{round(viewer.zoom * 100)} %" in viewer.zoom_label.text()
    press(qtbot, Qt.Key.Key_Escape)
    assert not viewer.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    press(qtbot, Qt.Key.Key_F1)
    assert window.current_page() == INTAKE


def test_the_keyboard_comes_back_after_a_dispute_dialog(qtbot: QtBot, seeded: Services, inline: None) -> None:
    window = _detail(qtbot, seeded)
    dialog = window.review_page.open_dispute_dialog(OPEN)
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Ctrl+L logs out


def test_a_dispute_is_closed_only_with_a_note_and_a_confirmation(
    qtbot: QtBot, seeded: Services, inline: None
) -> None:
    window = _detail(qtbot, seeded)
    page = window.review_page
    dialog = page.open_dispute_dialog(OPEN)
    assert dialog is not None
    qtbot.keyClicks(dialog.text, "Customer says it was new")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    page._worker.wait()
    dialog = page.open_dispute_dialog(CLOSE)
    assert dialog is not None
    save = dialog.buttons.buttons()[0]
    assert not save.isEnabled()  # no closing note yet
    qtbot.keyClicks(dialog.text, "Photos show the damage")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    page._worker.wait()
    assert dialog.isVisible() and page.detail_view.detail.disputes[0].is_open  # type: ignore[union-attr]
    assert "again" in dialog.message.text()  # asks to confirm
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    page._worker.wait()
    assert not dialog.isVisible() and not page.detail_view.detail.disputes[0].is_open  # type: ignore[union-attr]


def test_the_scan_box_has_the_keyboard_after_a_resume(qtbot: QtBot, services: Services, inline: None) -> None:
    without_camera(services)
    seed(services)
    demo = apparel_return(services, min_lines=2)
    # A supervisor: inspectors have no Review page to go to and come back from (issue 11 §2).
    user = next(u for u in services.users.active_users() if u.role is Role.SUPERVISOR)
    first = MainWindow(services, user, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(first)
    first.intake_page.lookup(demo.tracking)
    screen = first.intake_page.return_screen
    screen.receive_buttons[next(iter(screen.receive_buttons))].click()
    screen.inspect_button.click()
    first.close()
    window = main_window(qtbot, services, user)
    page = window.intake_page
    assert page.resume_offer.buttons
    # Typing a code while the offer is on show lands in the scan box, not on the offer's button.
    for char in demo.rma[:3]:
        press(qtbot, char)
    assert page.scan_input.text() == demo.rma[:3]
    page.scan_input.clear()
    page.resume_offer.buttons[0].click()
    assert page.current_screen() == INSPECT
    page.show_scan()
    assert page.current_screen() == SCAN
    press(qtbot, Qt.Key.Key_F2)
    assert window.current_page() == REVIEW
    press(qtbot, Qt.Key.Key_F1)
    assert QApplication.focusWidget() is page.scan_input
    for char in demo.rma:
        press(qtbot, char)
    assert page.scan_input.text() == demo.rma
