"""The login screen: scan a badge (or choose your name), then a PIN for elevated roles."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from inspector.config import ScannerSettings
from inspector.services.users import AuthError, UserInfo, UserService
from inspector.ui.camera_view import CameraController, scan_camera_view
from inspector.ui.errors import report_exception
from inspector.ui.feedback import Feedback
from inspector.ui.tasks import run_task
from inspector.ui.texts import fill, role_name, scan_error_text
from inspector.ui.widgets import MessageLine, heading, hint, secondary_button

BADGE_PAGE, PIN_PAGE = 0, 1


class LoginWindow(QWidget):
    """Who is at the station? Emits ``logged_in(UserInfo)`` once the badge (and PIN) check out."""

    logged_in = Signal(object)

    def __init__(
        self,
        users: UserService,
        feedback: Feedback,
        scanner: ScannerSettings | None = None,
        parent: QWidget | None = None,
        camera: CameraController | None = None,
        demo_codes: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.camera = camera  # shows its preview; its reads reach scan_badge through the session's hub
        self.setObjectName("loginWindow")
        self.setWindowTitle(self.tr("Return Inspector — log in"))
        self._users = users
        self._feedback = feedback
        self._scanner = scanner or ScannerSettings()
        self._pending: UserInfo | None = None
        self._demo_codes = demo_codes or {}
        self._locked_until_s = 0
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self._tick_lockout)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_badge_page())
        self.stack.addWidget(self._build_pin_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(self.stack)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.pin_page, self.show_badge_page)
        self.reload_users()

    def _build_badge_page(self) -> QWidget:
        page = QWidget()
        self.badge_input = QLineEdit()
        self.badge_input.setObjectName("scanField")
        self.badge_input.setPlaceholderText(self.tr("Badge code"))
        self.badge_input.returnPressed.connect(self._badge_entered)
        self.badge_message = MessageLine()
        left = QVBoxLayout()
        left.addWidget(heading(self.tr("Scan your badge")))
        left.addWidget(hint(self.tr("Hold your badge under the scanner, or type its code and press Enter.")))
        left.addWidget(self.badge_input)
        left.addWidget(self.badge_message)
        self.demo_hint = hint("")
        self.demo_hint.setTextFormat(Qt.TextFormat.PlainText)
        if self._demo_codes:
            lines = [f"{label}: {code}" for label, code in self._demo_codes.items()]
            self.demo_hint.setText("\n".join([self.tr("Demo data. Codes to try:"), *lines]))
        self.demo_hint.setVisible(bool(self._demo_codes))
        left.addWidget(self.demo_hint)
        self.camera_view = scan_camera_view(self.camera)
        if self.camera_view is not None:
            left.addWidget(self.camera_view, 1)
        else:
            left.addStretch(1)
        self.user_list = QListWidget()
        self.user_list.itemActivated.connect(self._user_chosen)
        self.choose_button = secondary_button(self.tr("Continue"))
        self.choose_button.clicked.connect(lambda: self._user_chosen(self.user_list.currentItem()))
        right = QVBoxLayout()
        right.addWidget(heading(self.tr("Or choose your name"), "subheading"))
        right.addWidget(hint(self.tr("Arrow keys to choose, Enter to continue.")))
        right.addWidget(self.user_list, 1)
        right.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout(page)
        row.setSpacing(48)
        row.addLayout(left, 3)
        row.addLayout(right, 2)
        return page

    def _build_pin_page(self) -> QWidget:
        self.pin_page = QWidget()
        self.pin_heading = heading(self.tr("Enter your PIN"))
        self.pin_user_label = heading("", "subheading")
        self.pin_input = QLineEdit()
        self.pin_input.setObjectName("scanField")
        self.pin_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_input.setMaxLength(12)
        self.pin_input.setPlaceholderText(self.tr("PIN"))
        self.pin_input.returnPressed.connect(self._pin_entered)
        self.pin_message = MessageLine()
        self.back_button = secondary_button(self.tr("Back (Esc)"))
        self.back_button.clicked.connect(self.show_badge_page)
        self.pin_button = QPushButton(self.tr("Log in"))
        self.pin_button.clicked.connect(self._pin_entered)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.pin_button)
        column = QVBoxLayout()
        column.addWidget(self.pin_heading)
        column.addWidget(self.pin_user_label)
        column.addWidget(
            hint(self.tr("Supervisors, team leads and administrators confirm their badge with their PIN."))
        )
        column.addWidget(self.pin_input)
        column.addWidget(self.pin_message)
        column.addLayout(buttons)
        column.addStretch(1)
        outer = QHBoxLayout(self.pin_page)
        outer.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)
        return self.pin_page

    def reload_users(self) -> None:
        """Fill the list of people who may log in by name: those who confirm with a PIN, and inspectors
        only when the warehouse allows logging in by name alone (the user service decides)."""
        self.user_list.clear()
        choices = [u for u in self._users.active_users() if u.needs_pin] + self._users.name_login_choices()
        for user in sorted(choices, key=lambda u: u.name.casefold()):
            # the role on a line of its own: "Marloes van der Linden — Leidinggevende" did not fit 1024 px
            item = QListWidgetItem(f"{user.name}\n{role_name(user.role)}")
            item.setData(Qt.ItemDataRole.UserRole, user)
            self.user_list.addItem(item)
        if self.user_list.count():
            self.user_list.setCurrentRow(0)
        self._fit_user_list()

    def _fit_user_list(self) -> None:
        """The list as wide as its widest line (with its frame and a scroll bar), so no name is cut."""
        self.user_list.ensurePolished()
        metrics = self.user_list.fontMetrics()
        lines = [line for row in range(self.user_list.count())
                 for line in self.user_list.item(row).text().split("\n")]
        widest = max((metrics.horizontalAdvance(line) for line in lines), default=0)
        scroll_bar = self.user_list.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.user_list.setMinimumWidth(widest + 2 * self.user_list.frameWidth() + scroll_bar + 16)
        self.user_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def show_badge_page(self) -> None:
        """Back to the start: scan a badge."""
        self._pending = None
        self.pin_input.clear()
        self.pin_message.clear_message()
        self.stack.setCurrentIndex(BADGE_PAGE)
        self.badge_input.setFocus()

    def showEvent(self, event: object) -> None:
        """Put the cursor in the badge field whenever the window appears."""
        super().showEvent(event)  # type: ignore[arg-type]
        if self.stack.currentIndex() == BADGE_PAGE:
            self.badge_input.setFocus()

    def _clean_badge(self, text: str) -> str:
        code = text.strip()
        prefix, suffix = self._scanner.prefix, self._scanner.suffix
        if prefix and code.startswith(prefix):
            code = code[len(prefix) :]
        if suffix and code.endswith(suffix):
            code = code[: -len(suffix)]
        return code.strip()

    def scan_badge(self, event: object) -> None:
        """A scan while this window is shown: a badge (anything else is refused like a typed code).

        At the PIN prompt the scan is a badge too: the same badge asks for the PIN again, another
        person's starts over with that person (not while a lockout runs: its message stays)."""
        text = str(getattr(event, "text", event))
        if self.stack.currentIndex() != BADGE_PAGE:
            pending = self._pending
            if pending is not None and self._clean_badge(text) == pending.badge_code:
                self.pin_message.show_info(
                    fill(self.tr("That is the badge of %1: enter the PIN."), pending.name)
                )
                self.pin_input.setFocus()
                return
            if self._locked_until_s > 0:
                self._feedback.error(self.pin_input)
                return
            self.show_badge_page()
        self.badge_input.setText(text)
        self._badge_entered()

    def scan_failed(self, error: object) -> None:
        """A garbled scan: ask to scan again, with the error sound."""
        self.badge_message.show_error(fill(self.tr("The scan could not be read: %1 Scan again."),
                                           scan_error_text(error)))
        self._feedback.error(self.badge_input)

    def _badge_entered(self) -> None:
        code = self._clean_badge(self.badge_input.text())
        self.badge_input.clear()
        if not code:
            return
        try:
            user = self._users.find_by_badge(code)
        except AuthError:
            self.badge_message.show_error(
                fill(self.tr("Badge %1 is not known here. Try again or ask your team lead."), code)
            )
            self._feedback.error(self.badge_input)
            return
        self.badge_message.clear_message()
        self._proceed(user)

    def _user_chosen(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        user: UserInfo = item.data(Qt.ItemDataRole.UserRole)
        if not user.needs_pin:  # no credential at all: the service decides whether that is allowed
            try:
                user = self._users.login_by_name(user.id)
            except AuthError:
                self.badge_message.show_error(self.tr("Scan your badge to log in."))
                self._feedback.error(self.user_list)
                self.reload_users()
                return
        self._proceed(user)

    def _proceed(self, user: UserInfo) -> None:
        if not user.needs_pin:
            self._feedback.success()
            self.logged_in.emit(user)
            return
        self._pending = user
        self.pin_user_label.setText(fill(self.tr("%1 — %2"), user.name, role_name(user.role)))
        self.pin_message.clear_message()
        self.pin_input.clear()
        self.stack.setCurrentIndex(PIN_PAGE)
        self.pin_input.setFocus()

    def _pin_entered(self) -> None:
        busy = not self.pin_button.isEnabled()  # checking a PIN, or locked out
        if self._pending is None or busy or not self.pin_input.text():
            return
        user_id: uuid.UUID = self._pending.id
        pin = self.pin_input.text()
        self.pin_input.clear()
        self.pin_button.setEnabled(False)
        run_task(self._users.verify_pin, user_id, pin, on_done=self._pin_accepted, on_error=self._pin_refused)

    def _pin_accepted(self, user: UserInfo) -> None:
        self.pin_button.setEnabled(True)
        self._feedback.success()
        self._pending = None
        self.logged_in.emit(user)

    def _pin_refused(self, exc: BaseException) -> None:
        self.pin_button.setEnabled(True)
        if not isinstance(exc, AuthError):
            report_exception(exc, self)
            return
        self._feedback.error(self.pin_input)
        if exc.reason == "locked_out":
            self._start_lockout(exc.retry_after_s)
        elif exc.reason == "wrong_pin":
            self.pin_message.show_error(self.tr("Wrong PIN. Try again."))
        else:
            self.pin_message.show_error(self.tr("This user can no longer log in. Ask your team lead."))
        self.pin_input.setFocus()

    def _start_lockout(self, seconds: float) -> None:
        self._locked_until_s = max(1, int(seconds + 0.999))
        self.pin_input.setEnabled(False)
        self.pin_button.setEnabled(False)
        self._show_lockout()
        self._lock_timer.start()

    def _show_lockout(self) -> None:
        self.pin_message.show_error(
            self.tr("Too many wrong PINs. Wait %n second(s), then try again.", "", self._locked_until_s)
        )

    def _tick_lockout(self) -> None:
        self._locked_until_s -= 1
        if self._locked_until_s > 0:
            self._show_lockout()
            return
        self._lock_timer.stop()
        self.pin_input.setEnabled(True)
        self.pin_button.setEnabled(True)
        self.pin_message.clear_message()
        self.pin_input.setFocus()
