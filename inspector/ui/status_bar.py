"""The status bar: who is logged in, which station and database, and the sync state."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from inspector.services.users import UserInfo
from inspector.ui.sync_bridge import sync_status_text
from inspector.ui.texts import fill, role_name


class StationStatusBar(QStatusBar):
    """Permanent facts at the bottom of the main window, plus the Log out button.

    Every text is shown whole: on one line when the window is wide enough, else on two (who and where
    above, the sync state below); when even that is too narrow the database's name moves into the
    station's tooltip.
    """

    def __init__(
        self,
        user: UserInfo,
        station_code: str,
        database_path: Path,
        sync_configured: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self._sync_configured = sync_configured
        self.user_label = QLabel(fill(self.tr("%1 (%2)"), user.name, role_name(user.role)))
        self.station_label = QLabel(fill(self.tr("Station %1"), station_code))
        self.database_label = QLabel(fill(self.tr("Database %1"), Path(database_path).name))
        self.sync_label = QLabel()
        self.problem_label = QLabel()
        self.problem_label.setObjectName("statusProblem")
        self.problem_label.setWordWrap(False)
        self.problem_label.hide()
        self.logout_button = QPushButton(self.tr("Log out (Ctrl+L)"))
        self.station_label.setToolTip(str(database_path))
        self.facts = QWidget()
        # The facts never hold the window wide: they go onto two rows instead (see _arrange).
        self.facts.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._lines = QVBoxLayout(self.facts)
        self._lines.setContentsMargins(0, 0, 0, 0)
        self._lines.setSpacing(0)
        self.addWidget(self.facts, 1)
        self.addPermanentWidget(self.logout_button)
        self.show_status({})
        self._arrange(2000)

    def _arrange(self, width: int) -> None:
        """One row when everything fits in ``width``, else two; the database name goes last."""
        room = width - self.logout_button.sizeHint().width() - 40
        first = [self.user_label, self.station_label, self.database_label]
        widths = {label: label.sizeHint().width() for label in (*first, self.sync_label)}
        if sum(widths.values()) <= room:
            rows = [[*first, self.sync_label, self.problem_label]]
        else:
            if sum(widths[label] for label in first) > room:
                first.remove(self.database_label)
            rows = [first, [self.sync_label, self.problem_label]]
        shape = [tuple(row) for row in rows]
        if shape == getattr(self, "_shape", None):
            return
        self._shape = shape
        while self._lines.count():
            line = self._lines.takeAt(0).layout()
            while line is not None and line.count():
                line.takeAt(0)
            if line is not None:
                line.deleteLater()
        self.database_label.setVisible(any(self.database_label in row for row in rows))
        for row in rows:
            line = QHBoxLayout()
            line.setSpacing(0)
            for label in row:
                line.addWidget(label)
            line.addStretch(1)
            self._lines.addLayout(line)
        self.problem_label.setVisible(bool(self.problem_label.text()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(event.size().width())
        super().resizeEvent(event)

    def showEvent(self, event: object) -> None:
        """Size the Log out button for its text in the bar's own style (Dutch is longer)."""
        super().showEvent(event)  # type: ignore[arg-type]
        self.logout_button.setMinimumWidth(self.logout_button.sizeHint().width() + 24)

    def show_problem(self, text: str) -> None:
        """Show a problem of background work (e.g. the database cannot be read) until it is solved."""
        self.problem_label.setText(text)
        self.problem_label.setToolTip(text)
        self.problem_label.show()
        self._shape = None
        self._arrange(self.width())

    def clear_problem(self) -> None:
        """The background work succeeded again: hide the problem."""
        self.problem_label.clear()
        self.problem_label.hide()

    def show_sync(self, status: object) -> None:
        """Show the background sync's state (a SyncStatus, or None when it is not configured)."""
        self._sync_status = status
        if status is not None:
            self.sync_label.setText(sync_status_text(status))  # type: ignore[arg-type]
            self._shape = None
            self._arrange(self.width())
            # An audit alarm must not blend in: red and bold until the chains agree again.
            alarmed = bool(getattr(status, "alarms", ()))
            self.sync_label.setStyleSheet("color: #b3261e; font-weight: bold;" if alarmed else "")

    def show_status(self, status: dict[str, Any]) -> None:
        """Update the sync state from :func:`inspector.services.status.station_status`."""
        if getattr(self, "_sync_status", None) is not None:
            return  # the sync service reports its own, fresher state
        pending = status.get("pending_sync")
        if not self._sync_configured:
            text = self.tr("Offline — not configured")
        else:
            text = self.tr("Sync not running yet")
        if pending:
            text += " · " + self.tr("%Ln change(s) waiting", "", pending)
        self.sync_label.setText(text)
        self._shape = None
        self._arrange(self.width())
