"""Runs the station's background sync during a GUI session and reports its state on the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from inspector.ui.texts import fill

if TYPE_CHECKING:
    from inspector.app import Services
    from inspector.sync.service import SyncService, SyncStatus


def sync_status_text(status: SyncStatus | None) -> str:
    """The status bar's sync text in the station's language."""
    if status is None:
        return QCoreApplication.translate("SyncBridge", "Offline — not configured")
    if status.syncing:
        state = QCoreApplication.translate("SyncBridge", "Syncing…")
    elif status.online is None:
        state = QCoreApplication.translate("SyncBridge", "Not synced yet")
    elif status.online:
        state = QCoreApplication.translate("SyncBridge", "Online")
    else:
        state = QCoreApplication.translate("SyncBridge", "Offline")
    parts = [state]
    if status.last_success_at is not None:
        stamp = status.last_success_at.astimezone().strftime("%H:%M")
        parts.append(fill(QCoreApplication.translate("SyncBridge", "last sync %1"), stamp))
    if status.pending:
        parts.append(fill(QCoreApplication.translate("SyncBridge", "%1 waiting"), status.pending))
    return " · ".join(parts)


class SyncBridge(QObject):
    """Starts the sync service when a central database is configured and relays its status."""

    status_changed = Signal(object)  # SyncStatus | None (None: not configured)
    _relay = Signal(object)

    def __init__(self, services: Services, parent: QObject | None = None, poll_ms: int = 5000) -> None:
        super().__init__(parent)
        self._service: SyncService | None = services.sync_service()
        self._relay.connect(self.status_changed.emit, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self._poll)
        if self._service is not None:
            # Called on the sync thread: only emit, the queued connection brings it to the GUI thread.
            self._service.add_listener(self._relay.emit)

    @property
    def configured(self) -> bool:
        """True when a central database is configured."""
        return self._service is not None

    def start(self) -> None:
        """Start syncing in the background (nothing happens when no central database is configured)."""
        if self._service is None:
            self.status_changed.emit(None)
            return
        self._service.start()
        self._timer.start()
        self._poll()

    def sync_now(self) -> None:
        """Ask for a sync as soon as possible (after finishing an item)."""
        if self._service is not None:
            self._service.sync_now()

    def stop(self) -> None:
        """Stop the loop and wait for its thread (a batch in progress finishes first)."""
        self._timer.stop()
        if self._service is not None:
            self._service.stop(timeout_s=10.0)

    def _poll(self) -> None:
        if self._service is not None:
            self.status_changed.emit(self._service.status())
