"""The flow of a station: log in, work in the main window, log out, and the next person logs in."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from inspector.scanning.events import ScanError, ScanEvent
from inspector.services.users import UserInfo
from inspector.ui.camera_view import CameraController
from inspector.ui.errors import report_exception
from inspector.ui.feedback import Feedback
from inspector.ui.language import install_translator
from inspector.ui.login import LoginWindow
from inspector.ui.main_window import SETTINGS, MainWindow, make_camera
from inspector.ui.station.scans import StationScanning
from inspector.ui.sync_bridge import SyncBridge
from inspector.ui.tasks import DatabaseWorker

if TYPE_CHECKING:
    from inspector.app import Services

UPKEEP_EVERY_MS = 3_600_000
"""How often the session looks whether the daily backup is due (it is made once a day)."""

log = logging.getLogger(__name__)


def show_full_screen(window: QWidget) -> None:
    """Fill the screen: maximised where a window manager does it, and sized to the screen where none
    does (kiosk set-ups, bare X servers), so the station never opens as a small window."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.availableGeometry())
    window.showMaximized()
    # Without a window manager nobody activates the window, and no widget would get keyboard focus.
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        window.raise_()
        window.activateWindow()


class StationSession(QObject):
    """Owns the login window and the main window; builds each in the right language.

    One :class:`ScanHub` serves the whole session (wedge filter, serial scanner, camera, scan boxes);
    its scans go to the login window while nobody is logged in, else to the main window.
    """

    main_window_shown = Signal(object)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.worker = DatabaseWorker()
        self.feedback = Feedback(services.settings.sounds, self)
        self.scanning = StationScanning(services.settings.scanner, self)
        self.scanning.hub.scanned.connect(self._route_scan)
        self.scanning.hub.scan_failed.connect(self._route_scan_error)
        self.scanning.hub.refused.connect(self.feedback.error)  # a scan ignored while a dialog is open
        self.login: LoginWindow | None = None
        self.login_camera: CameraController | None = None
        self.main: MainWindow | None = None
        self.sync = SyncBridge(services, self)
        self.sync.status_changed.connect(self._show_sync)
        self._sync_started = False
        self._upkeep_timer = QTimer(self)
        self._upkeep_timer.setInterval(UPKEEP_EVERY_MS)
        self._upkeep_timer.timeout.connect(self.upkeep)

    @property
    def hub(self) -> object:
        """The session's one ScanHub."""
        return self.scanning.hub

    def _route_scan(self, event: ScanEvent) -> None:
        if self.login is not None:
            self.login.scan_badge(event)
        elif self.main is not None:
            self.main.handle_scan(event)

    def _route_scan_error(self, error: ScanError) -> None:
        if self.login is not None:
            self.login.scan_failed(error)
        elif self.main is not None:
            self.main.handle_scan_error(error)

    def _app(self) -> QApplication:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        return app

    def start(self) -> None:
        """Show the login window (in the station's language)."""
        install_translator(self._app(), self._services.settings.language)
        self.feedback.sounds_enabled = self._services.settings.sounds
        self.scanning.start()
        if not self._sync_started:
            self._sync_started = True
            self.sync.start()
            self.upkeep()
            self._upkeep_timer.start()
        self.login = LoginWindow(self._services.users, self.feedback, self._services.settings.scanner,
                                 camera=self._start_login_camera(),
                                 demo_codes=self._demo_codes())
        self.login.logged_in.connect(self._logged_in)
        show_full_screen(self.login)
        log.info("Window shown: login (station %s)", self._services.station.station_code)

    def _start_login_camera(self) -> CameraController | None:
        """The camera for badges on the login screen (when the camera and ``badge_login`` are on)."""
        if not self._services.settings.camera.badge_login:
            return None
        camera = make_camera(self._services)
        if camera is not None:
            camera.setParent(self)
            camera.scanned.connect(self.scanning.hub.submit)  # the one path of every scan
            camera.scan_failed.connect(self.scanning.hub.fail)
            camera.start()
        self.login_camera = camera
        return camera

    def _stop_login_camera(self) -> None:
        if self.login_camera is not None:
            self.login_camera.stop()  # releases the device before the main window opens it
            self.login_camera.deleteLater()
            self.login_camera = None

    def _demo_codes(self) -> dict[str, str]:
        """On a demo database, the codes to try (shown on the login window)."""
        from inspector.services.demo_codes import demo_codes
        from inspector.services.setup import DEMO, station_kind

        services = self._services
        if station_kind(services.database) != DEMO:
            return {}
        return demo_codes(services.database, services.station)

    def _logged_in(self, user: UserInfo) -> None:
        self._stop_login_camera()
        if self.login is not None:
            self.login.close()
            self.login.deleteLater()
            self.login = None
        install_translator(self._app(), user.language or self._services.settings.language)
        self.main = MainWindow(self._services, user, self.feedback, self.worker, hub=self.scanning.hub)
        self.main.logout_requested.connect(self.logout)
        self.main.switch_user_requested.connect(self.switch_user)
        if self.main.settings_page is not None:  # not built for inspectors
            self.main.settings_page.saved.connect(self._settings_saved)
        show_full_screen(self.main)
        self.main_window_shown.emit(self.main)

    def upkeep(self) -> None:
        """The rolling backup (daily) and removal of old orphan photo files, on the database worker."""
        from inspector.services.maintenance import station_upkeep

        services = self._services
        self.worker.run(
            station_upkeep, services.database, services.photos, services.settings.backups_keep,
            on_error=lambda exc: report_exception(exc, self.main),
        )

    def _show_sync(self, status: object) -> None:
        if self.main is not None:
            self.main.status.show_sync(status)

    def _settings_saved(self, settings: object) -> None:
        """Saved settings apply at once: sounds directly; language, camera and scanner by building the
        main window again for the same person (no new login), on the Settings page with its message."""
        self.feedback.sounds_enabled = self._services.settings.sounds
        main = self.main
        if main is None:
            return
        before = main.built_with
        after = self._services.settings
        if (before.language, before.camera, before.scanner) == (after.language, after.camera, after.scanner):
            return
        user = main.user
        if before.scanner != after.scanner:
            self.scanning.stop()
            self.scanning.configure(after.scanner)
            self.scanning.start()
        main.stop_camera()
        main.close()
        main.deleteLater()
        self.main = None
        self._logged_in(user)
        assert self.main is not None
        self.main.show_page(SETTINGS)
        self.main.settings_page.show_saved(before, after)  # in the window's (new) language

    def logout(self) -> None:
        """Close the main window and show a fresh login window."""
        if self.main is not None:
            self.main.close()
            self.main.deleteLater()
            self.main = None
        self.start()

    def switch_user(self, badge: str) -> None:
        """Log out and log in with a colleague's badge (the login window asks for a PIN if needed)."""
        self.logout()
        if self.login is not None:
            self.login.scan_badge(ScanEvent(text=badge, source="typed", raw=badge))

    def shutdown(self) -> None:
        """Stop the scanners and the camera, and wait for queued database work, before exiting."""
        self._upkeep_timer.stop()
        self._stop_login_camera()
        self.scanning.stop()
        self.sync.stop()
        if self.main is not None:
            self.main.stop_camera()
        self.worker.wait(10_000)
