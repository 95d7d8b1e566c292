"""The main window: a big left navigation (F1–F4, Alt+1–4), the pages, and the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.models import Role
from inspector.scanning.camera import CameraSpec
from inspector.scanning.events import ScanError, ScanEvent
from inspector.services.status import station_status
from inspector.services.users import UserInfo
from inspector.ui.camera_view import CameraController
from inspector.ui.feedback import Feedback
from inspector.ui.focus import keep_focus
from inspector.ui.pages.intake import IntakePage
from inspector.ui.pages.people import PeoplePage
from inspector.ui.pages.reports import ReportsPage
from inspector.ui.pages.review import ReviewPage
from inspector.ui.pages.settings import SettingsPage
from inspector.ui.scan_input import ScanHub
from inspector.ui.station.tools import Workbench
from inspector.ui.status_bar import StationStatusBar
from inspector.ui.tasks import DatabaseWorker, run_task
from inspector.ui.texts import fill

if TYPE_CHECKING:
    from inspector.app import Services

INTAKE, REVIEW, REPORTS, SETTINGS, PEOPLE = range(5)
COMPACT_BELOW = 1280  # window width (px) below which the navigation is compact (a 1024x768 screen)
NAV_MARGINS = (12, 16, 12, 16)
NAV_COMPACT_MARGINS = (8, 12, 8, 12)
NAV_COMPACT_STYLE = "QPushButton#navButton { font-size: 15pt; padding: 4px 12px; min-width: 0px; }"
STATUS_REFRESH_MS = 30_000


def make_camera(services: Services) -> CameraController | None:
    """The station's camera from its settings (None when switched off or not understood)."""
    camera = services.settings.camera
    if not camera.enabled:
        return None
    try:
        spec = CameraSpec.parse(camera.source)
    except ValueError:
        return None
    return CameraController(spec, camera.width, camera.height, repeat_suppress_s=camera.repeat_suppress_s)


class PageScroller(QScrollArea):
    """A page that scrolls up and down on a small screen (1024x768) instead of making the window taller
    than the screen; it is never narrower than the page needs, so nothing is cut off at the side."""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(page)

    def minimumSizeHint(self) -> QSize:
        page = self.widget()
        need = page.minimumSizeHint().width() if page is not None else 0
        return QSize(need + self.verticalScrollBar().sizeHint().width(), 0)


def scrolling(page: QWidget) -> QScrollArea:
    """``page`` in a :class:`PageScroller`."""
    return PageScroller(page)


class MainWindow(QMainWindow):
    """The station's main window for one logged-in user; emits ``logout_requested``.

    Scans reach it through :meth:`handle_scan` (the session routes its ScanHub here); without a hub
    from a session it makes its own.
    """

    logout_requested = Signal()
    switch_user_requested = Signal(str)  # a colleague's badge: log out and log them in

    def __init__(
        self,
        services: Services,
        user: UserInfo,
        feedback: Feedback,
        worker: DatabaseWorker,
        parent: QWidget | None = None,
        hub: ScanHub | None = None,
    ) -> None:
        super().__init__(parent)
        keep_focus()  # the keyboard comes back after every dialog, even without a window manager
        self.setWindowTitle(fill(self.tr("Return Inspector — %1"), services.station.station_code))
        self._services = services
        self.user = user
        self.built_with = services.settings  # the settings this window was built with
        if hub is None:
            hub = ScanHub(self)
            hub.scanned.connect(self.handle_scan)
            hub.scan_failed.connect(self.handle_scan_error)
        self.hub = hub
        self.camera = make_camera(services)
        if self.camera is not None:
            self.camera.setParent(self)
            self.camera.scanned.connect(hub.submit)  # camera reads take the scanners' one path
            self.camera.scan_failed.connect(hub.fail)
        self.bench = Workbench(services, user, feedback, worker, self.camera)
        self.intake_page = IntakePage(self.bench, hub)
        self.intake_page.switch_user.connect(self.switch_user_requested)
        # Inspectors inspect: Review, Reports and Settings are not built for them (and the services
        # refuse them anyway). Saving settings and importing are for administrators (service check).
        supervising = user.role is not Role.INSPECTOR
        self.review_page = ReviewPage(services, user, worker) if supervising else None
        self.reports_page = ReportsPage(services, user=user) if supervising else None
        self.settings_page = SettingsPage(services, worker, feedback, user=user) if supervising else None
        if self.settings_page is not None:
            self.settings_page.user_language = user.language
            self.settings_page.import_finished.connect(lambda _report: self.refresh_status())
        self.pages = QStackedWidget()
        titles = [self.tr("Intake"), self.tr("Review"), self.tr("Reports"), self.tr("Settings")]
        for page in (self.intake_page, self.review_page, self.reports_page, self.settings_page):
            self.pages.addWidget(scrolling(page) if page is not None else QWidget())
        self.people_page: PeoplePage | None = None
        if user.role is Role.ADMIN:  # people are managed by administrators only (and the service checks)
            self.people_page = PeoplePage(services, user)
            self.pages.addWidget(scrolling(self.people_page))
            titles.append(self.tr("People"))
        self.nav_group = QButtonGroup(self)
        self.nav_group.setExclusive(True)
        nav = QWidget()
        nav.setObjectName("navBar")
        nav_layout = QVBoxLayout(nav)
        self.nav_buttons: list[QPushButton] = []
        self._nav_texts: list[tuple[str, str]] = []  # (roomy, compact) per button
        for index, title in enumerate(titles):
            self._nav_texts.append((fill(self.tr("%1   F%2"), title, index + 1),
                                    fill(self.tr("%1\nF%2"), title, index + 1)))
            button = QPushButton(self._nav_texts[-1][0])
            button.setObjectName("navButton")
            button.setCheckable(True)
            button.setToolTip(fill(self.tr("F%1 or Alt+%1"), index + 1))
            self.nav_group.addButton(button, index)
            nav_layout.addWidget(button)
            self.nav_buttons.append(button)
            for key in (f"F{index + 1}", f"Alt+{index + 1}"):
                QShortcut(QKeySequence(key), self, lambda i=index: self.show_page(i))
        self.closed_pages = {index for index, page in enumerate(
            (self.intake_page, self.review_page, self.reports_page, self.settings_page)) if page is None}
        for index in self.closed_pages:
            self.nav_buttons[index].setVisible(False)
        nav_layout.addStretch(1)
        self.nav = nav
        self._nav_compact: bool | None = None
        self._fit_nav(compact=False)
        self.nav_group.idClicked.connect(self.show_page)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(nav)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.status = StationStatusBar(
            user, services.station.station_code, services.database.path, bool(services.settings.central_url)
        )
        self.status.logout_button.clicked.connect(self.logout_requested)
        self.setStatusBar(self.status)
        QShortcut(QKeySequence("Ctrl+L"), self, self.logout_requested.emit)
        self._timer = QTimer(self)
        self._timer.setInterval(STATUS_REFRESH_MS)
        self._timer.timeout.connect(self.refresh_status)
        self._timer.start()
        self.show_page(INTAKE)
        self.refresh_status()
        self.intake_page.resume_offer.check()

    def _fit_nav(self, compact: bool) -> None:
        """The navigation roomy (title and key on one line) or, on a small screen, compact (the key
        under the title, a smaller font): at 1024x768 it took 293 of 1024 px in Dutch."""
        if compact == self._nav_compact:
            return
        self._nav_compact = compact
        layout = self.nav.layout()
        if compact:
            layout.setContentsMargins(*NAV_COMPACT_MARGINS)
            layout.setSpacing(8)
            self.nav.setStyleSheet(NAV_COMPACT_STYLE)
        else:
            layout.setContentsMargins(*NAV_MARGINS)
            layout.setSpacing(10)
            self.nav.setStyleSheet("")
        for button, texts in zip(self.nav_buttons, self._nav_texts, strict=True):
            button.setText(texts[compact])
        shown = [b for i, b in enumerate(self.nav_buttons) if i not in self.closed_pages]  # inspectors: one
        widest = max(button.sizeHint().width() for button in shown)
        left, _top, right, _bottom = NAV_COMPACT_MARGINS if compact else NAV_MARGINS
        least = 0 if compact else 230
        self.nav.setFixedWidth(max(least, widest + left + right + 4))  # long Dutch titles keep their key

    def resizeEvent(self, event: object) -> None:
        """Below :data:`COMPACT_BELOW` pixels wide the navigation gets compact; every page gains the width."""
        self._fit_nav(compact=self.width() < COMPACT_BELOW)
        super().resizeEvent(event)  # type: ignore[arg-type]

    def handle_scan(self, event: ScanEvent) -> None:
        """A scan while this window is in use: the intake page decides what it means.

        On the Settings page a scan is typed into the focused field (e.g. to test the scanner).
        """
        if self.current_page() == SETTINGS:
            from PySide6.QtWidgets import QApplication, QLineEdit

            focus = QApplication.focusWidget()
            if isinstance(focus, QLineEdit):
                focus.insert(event.text)
            return
        if self.current_page() != INTAKE:
            self.show_page(INTAKE)
        self.intake_page.handle_scan(event)

    def handle_scan_error(self, error: ScanError) -> None:
        """A garbled scan: the intake page says so."""
        self.intake_page.scan_failed(error)

    def closeEvent(self, event: object) -> None:
        """Closing the window releases the camera and stops the status refresh."""
        self._timer.stop()
        self.stop_camera()
        super().closeEvent(event)  # type: ignore[arg-type]

    def show_background_problem(self, text: str) -> None:
        """A problem of background work on this window (see :func:`inspector.ui.errors.report_exception`)."""
        self.status.show_problem(text)

    def stop_camera(self) -> None:
        """Stop the camera's threads (logout, closing)."""
        if self.camera is not None:
            self.camera.stop()

    def show_page(self, index: int) -> None:
        """Switch to page ``index`` (INTAKE, REVIEW, REPORTS, SETTINGS, or PEOPLE for administrators)."""
        if index >= self.pages.count() or index in self.closed_pages:
            return
        self.pages.setCurrentIndex(index)
        self.nav_buttons[index].setChecked(True)
        if self.camera is not None:  # the camera reads parcels, badges and items on the intake page
            if index == INTAKE and not self.camera.running:
                self.camera.start()
            elif index != INTAKE and self.camera.running:
                self.camera.stop()
        if index == INTAKE:
            self.intake_page.focus_scan()
        elif index in (REVIEW, REPORTS):
            self.refresh_status()
            self.nav_buttons[index].setFocus()
        elif index == PEOPLE and self.people_page is not None:
            self.people_page.table.setFocus()
        elif self.settings_page is not None:
            self.settings_page.form.setFocus()

    def current_page(self) -> int:
        """The index of the page on show."""
        return self.pages.currentIndex()

    def refresh_status(self) -> None:
        """Reload the station's counts in the background and show them."""
        run_task(
            station_status, self._services.database, on_done=self._show_status, on_error=self._status_failed
        )

    def _status_failed(self, exc: BaseException) -> None:
        from inspector.ui.errors import report_exception

        report_exception(exc, self)  # a database problem goes to the status bar, never a modal dialog

    def _show_status(self, status: dict[str, Any]) -> None:
        self.status.clear_problem()
        self.status.show_status(status)
        for page in (self.review_page, self.reports_page):
            if page is not None:
                page.show_status(status)
