"""The main window: navigation by shortcut and by click, the status bar, logging out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.services.users import UserInfo
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import INTAKE, REPORTS, REVIEW, SETTINGS, MainWindow
from inspector.ui.session import StationSession
from inspector.ui.tasks import DatabaseWorker


def make_main(qtbot: QtBot, services: Services, user: UserInfo) -> MainWindow:
    window = MainWindow(services, user, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.intake_page.scan_input, timeout=2000)
    return window


def test_keyboard_shortcuts_switch_pages(
    qtbot: QtBot, services: Services, people: dict[str, UserInfo], inline: None
) -> None:
    window = make_main(qtbot, services, people["BDG000002"])
    for key, page in ((Qt.Key.Key_F2, REVIEW), (Qt.Key.Key_F3, REPORTS), (Qt.Key.Key_F4, SETTINGS)):
        qtbot.keyClick(QApplication.focusWidget(), key)
        assert window.current_page() == page
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.current_page() == INTAKE
    assert QApplication.focusWidget() is window.intake_page.scan_input


def test_clicking_the_navigation(
    qtbot: QtBot, services: Services, people: dict[str, UserInfo], inline: None
) -> None:
    window = make_main(qtbot, services, people["BDG000002"])
    qtbot.mouseClick(window.nav_buttons[REPORTS], Qt.MouseButton.LeftButton)
    assert window.current_page() == REPORTS
    assert window.nav_buttons[REPORTS].isChecked()
    # The preview is built for the warehouse's latest day with parcels: none on a fresh station.
    qtbot.waitUntil(lambda: window.reports_page.tiles["items"].value_label.text() == "0", timeout=5000)


def test_status_bar_shows_user_station_and_sync(
    qtbot: QtBot, services: Services, people: dict[str, UserInfo], inline: None
) -> None:
    window = make_main(qtbot, services, people["BDG000002"])
    assert window.status.user_label.text() == "Sam Supervisor (Supervisor)"
    assert "ST-01" in window.status.station_label.text()
    assert "inspector.sqlite3" in window.status.database_label.text()
    assert window.status.sync_label.text().startswith("Offline — not configured")


def test_log_out_returns_to_the_login_window(
    qtbot: QtBot, services: Services, people: dict[str, UserInfo], inline: None
) -> None:
    session = StationSession(services)
    session.start()
    assert session.login is not None
    qtbot.addWidget(session.login)
    with qtbot.waitSignal(session.main_window_shown):
        qtbot.keyClicks(session.login.badge_input, "BDG000001")
        qtbot.keyClick(session.login.badge_input, Qt.Key.Key_Return)
    assert session.main is not None
    qtbot.addWidget(session.main)
    qtbot.mouseClick(session.main.status.logout_button, Qt.MouseButton.LeftButton)
    assert session.main is None
    assert session.login is not None and session.login.isVisible()
    qtbot.addWidget(session.login)
    session.shutdown()


def test_the_window_fits_a_1366_pixel_screen_in_dutch_with_the_central_choices(
    qtbot: QtBot, services: Services, people: dict[str, UserInfo], inline: None, styled_app: QApplication
) -> None:
    """A station joined to central, in Dutch: the Reports page's source and warehouse choices (with a
    real warehouse's name) and the Stations button must not make the window wider than the screen."""
    from inspector.services.sources import SourceKind
    from inspector.ui.application import install_translator
    from inspector.ui.widgets import fill_source_choices

    install_translator(styled_app, "nl")
    window = MainWindow(services, people["BDG000002"], Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(window)
    reports = window.reports_page
    fill_source_choices(reports.source, [SourceKind.LOCAL, SourceKind.CENTRAL])  # as wide; nothing read
    fill_source_choices(window.review_page.source, [SourceKind.LOCAL, SourceKind.CENTRAL])
    reports.warehouse.blockSignals(True)
    reports.warehouse.clear()
    reports.warehouse.addItem("NL-AMS — Amsterdam returns and repairs", ("NL-AMS", "Europe/Amsterdam"))
    reports.warehouse.blockSignals(False)
    reports.stations_button.show()
    assert window.minimumSizeHint().width() <= 1366, reports.minimumSizeHint().width()


def test_an_inspector_gets_intake_only(
    qtbot: QtBot, services: Services, people: dict[str, UserInfo], inline: None
) -> None:
    """Review, Reports and Settings are not built for an inspector; their keys do nothing."""
    window = make_main(qtbot, services, people["BDG000001"])
    assert [b.isVisible() for b in window.nav_buttons] == [True, False, False, False]
    assert window.review_page is None and window.reports_page is None and window.settings_page is None
    for key in (Qt.Key.Key_F2, Qt.Key.Key_F3, Qt.Key.Key_F4):
        qtbot.keyClick(QApplication.focusWidget(), key)
        assert window.current_page() == INTAKE
