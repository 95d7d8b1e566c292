"""The offer to switch user when a colleague's badge is scanned while somebody is logged in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from inspector.services.users import AuthError, UserInfo
from inspector.ui.station.tools import Workbench
from inspector.ui.tasks import run_task
from inspector.ui.texts import fill, role_name
from inspector.ui.widgets import MessageLine, secondary_button


class SwitchUserOffer(QFrame):
    """ "Badge of Sam (Supervisor). Switch user?" with Switch (Enter) and Stay (Esc); emits ``switch``.

    The login window then takes the badge as if it had been scanned there (and asks a supervisor's PIN).
    """

    switch = Signal(str)  # the badge code
    dismissed = Signal()

    def __init__(self, bench: Workbench, message: MessageLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self._bench = bench
        self._message = message
        self.badge = ""
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.switch_button = QPushButton()
        self.switch_button.setAutoDefault(True)
        self.switch_button.clicked.connect(lambda: self.switch.emit(self.badge))
        self.stay_button = secondary_button(self.tr("Stay logged in (Esc)"))
        self.stay_button.setAutoDefault(True)
        self.stay_button.clicked.connect(self.dismiss)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addWidget(self.stay_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addLayout(buttons)
        self.hide()

    def offer(self, badge: str) -> None:
        """Look the badge up (in the background) and offer the switch."""
        run_task(self._bench.services.users.find_by_badge, badge,
                 on_done=self._found, on_error=lambda exc: self._unknown(badge, exc))

    def _found(self, user: UserInfo) -> None:
        if user.id == self._bench.user.id:
            self.hide()
            self._message.show_info(fill(self.tr("That is your own badge, %1. Scan a parcel."), user.name))
            return
        self.badge = user.badge_code
        self._message.clear_message()
        self.question.setText(fill(self.tr("Badge of %1 (%2). Log out and log in as %1?"),
                                   user.name, role_name(user.role)))
        self.switch_button.setText(fill(self.tr("Switch to %1 (Enter)"), user.name))
        self.show()
        self.switch_button.setFocus()

    def _unknown(self, badge: str, exc: BaseException) -> None:
        self.hide()
        if not isinstance(exc, AuthError):
            self._message.show_problem(exc)
            return
        self._message.show_error(fill(self.tr("Badge %1 is not known here. Scan a parcel."), badge))
        self._bench.feedback.error(self._message)

    def dismiss(self) -> None:
        """Stay logged in: hide the offer and give the scan box the keyboard back."""
        self.hide()
        self.dismissed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss()
            return
        super().keyPressEvent(event)
