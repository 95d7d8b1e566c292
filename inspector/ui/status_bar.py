"""The status bar: who is logged in, which station and database, and the sync state."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from inspector.services.users import UserInfo
from inspector.ui.sync_bridge import sync_status_text
from inspector.ui.texts import fill, role_name


class StationStatusBar(QStatusBar):
    """Permanent facts at the bottom of the main window, plus the Log out button."""

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
        for widget in (self.user_label, self.station_label, self.database_label, self.sync_label):
            # Long texts give way (cut at the right); the Log out button never does.
            widget.setMinimumWidth(min(widget.sizeHint().width(), 160))
            self.addWidget(widget)
        self.addWidget(self.problem_label, 1)
        self.addPermanentWidget(self.logout_button)
        self.show_status({})

    def showEvent(self, event: object) -> None:
        """Size the Log out button for its text in the bar's own style (Dutch is longer)."""
        super().showEvent(event)  # type: ignore[arg-type]
        self.logout_button.setMinimumWidth(self.logout_button.sizeHint().width() + 24)

    def show_problem(self, text: str) -> None:
        """Show a problem of background work (e.g. the database cannot be read) until it is solved."""
        self.problem_label.setText(text)
        self.problem_label.setToolTip(text)
        self.problem_label.show()

    def clear_problem(self) -> None:
        """The background work succeeded again: hide the problem."""
        self.problem_label.clear()
        self.problem_label.hide()

    def show_sync(self, status: object) -> None:
        """Show the background sync's state (a SyncStatus, or None when it is not configured)."""
        self._sync_status = status
        if status is not None:
            self.sync_label.setText(sync_status_text(status))  # type: ignore[arg-type]
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
            text = fill(self.tr("%1 · %2 changes waiting"), text, pending)
        self.sync_label.setText(text)
