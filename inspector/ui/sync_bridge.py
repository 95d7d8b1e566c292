"""Runs the station's background sync during a GUI session and reports its state on the GUI thread."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QTimer, Signal

from inspector.sync.errors import SYNC_BUSY
from inspector.ui.tasks import run_task
from inspector.ui.texts import fill

if TYPE_CHECKING:
    from inspector.app import Services
    from inspector.sync.service import SyncService, SyncStatus


# The plain-words failures of inspector.sync.errors, declared here so that lupdate extracts them.
SYNC_PROBLEMS = (
    QT_TRANSLATE_NOOP(
        "SyncProblem",
        "The central server cannot be reached. Everything is kept on this station and sent "
        "automatically when the connection is back.",
    ),
    QT_TRANSLATE_NOOP(
        "SyncProblem",
        "The central server refused this station's login. Ask IT to check the station's sync account.",
    ),
    QT_TRANSLATE_NOOP(
        "SyncProblem", "The central server does not accept connections from this station. Ask IT."
    ),
    QT_TRANSLATE_NOOP("SyncProblem", "The central server does not know this station's sync account. Ask IT."),
    QT_TRANSLATE_NOOP(
        "SyncProblem",
        "The central database is missing or not set up. Ask IT to run 'inspector central upgrade'.",
    ),
    QT_TRANSLATE_NOOP(
        "SyncProblem",
        "The central server refused a change from this station (permission denied). "
        "Ask IT to check the station's sync account.",
    ),
    QT_TRANSLATE_NOOP(
        "SyncProblem",
        "The central server refused a record from this station (it belongs to another "
        "station or warehouse). A supervisor should look at the sync log.",
    ),
    QT_TRANSLATE_NOOP(
        "SyncProblem", "The central server is starting up or shutting down; sync retries shortly."
    ),
    QT_TRANSLATE_NOOP(
        "SyncProblem",
        "Sync failed because of an unexpected error; it retries automatically. Details are in the log.",
    ),
    QT_TRANSLATE_NOOP(
        "SyncProblem",
        "Another sync of this station is running; it sends what is waiting, so this run did nothing.",
    ),
)


# The audit alarms of inspector.sync.anchor (ALARMS), declared here so that lupdate extracts them.
SYNC_ALARMS = (
    QT_TRANSLATE_NOOP(
        "SyncProblem",
        "ALARM: the central server refused audit events of this station (its audit log differs from what "
        "central holds). Tell a supervisor; nothing was overwritten.",
    ),
    QT_TRANSLATE_NOOP(
        "SyncProblem",
        "ALARM: this station's audit log is shorter than what the central server holds: events were "
        "removed here. Tell a supervisor.",
    ),
    QT_TRANSLATE_NOOP(
        "SyncProblem",
        "ALARM: this station's audit log is not the one the central server holds: it was rewritten. "
        "Tell a supervisor.",
    ),
    QT_TRANSLATE_NOOP(
        "SyncProblem", "ALARM: this station's audit log no longer verifies. Tell a supervisor."
    ),
    QT_TRANSLATE_NOOP(
        "SyncProblem",
        "ALARM: this station's signing key is not the one registered centrally. Ask IT to enrol the "
        "station again.",
    ),
    QT_TRANSLATE_NOOP(
        "SyncProblem",
        "ALARM: the central server refused this station's signed audit head. Tell a supervisor.",
    ),
)

log = logging.getLogger(__name__)


def sync_problem_text(message: str) -> str:
    """A sync failure from :mod:`inspector.sync.errors` in the station's language (else as given)."""
    return QCoreApplication.translate("SyncProblem", message)


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
    # An audit alarm comes first and stays until a sync finds the chains agreeing again.
    parts = [sync_problem_text(alarm) for alarm in getattr(status, "alarms", ())] + [state]
    if status.last_success_at is not None:
        stamp = status.last_success_at.astimezone().strftime("%H:%M")
        parts.append(fill(QCoreApplication.translate("SyncBridge", "last sync %1"), stamp))
    if status.pending:
        parts.append(SyncBridge.tr("%Ln waiting", "", status.pending))
    parts += _people_texts(status)
    if status.last_error and (status.online is False or status.last_error == SYNC_BUSY):
        # Already in plain words and without passwords (inspector.sync.errors); details are in the log.
        parts.append(sync_problem_text(status.last_error))
    return " · ".join(parts)


class SyncWords(QObject):
    """Sync texts with a count. They use ``self.tr(text, "", n)`` because that is the form
    pyside6-lupdate marks as plural (numerus) in the .ts files; ``QCoreApplication.translate(ctx, text,
    None, n)`` translates plurals too, but lupdate drops their plural forms on every update."""

    def people_pulled(self, count: int, at: str) -> str:
        """How many people changes (users, badges, PINs) the last sync that moved people pulled."""
        return fill(self.tr("%n change(s) to people pulled at %1", "", count), at)

    def people_sent(self, count: int, at: str) -> str:
        """How many people changes made here that sync sent."""
        return fill(self.tr("%n change(s) to people sent at %1", "", count), at)


def _people_texts(status: SyncStatus) -> list[str]:
    """The last sync that moved people (users, badges, PINs): how many changes it pulled and sent, when."""
    when = getattr(status, "people_at", None)
    if when is None:
        return []
    stamp = when.astimezone().strftime("%H:%M")
    words = SyncWords()
    texts = []
    if status.people_pulled:
        texts.append(words.people_pulled(status.people_pulled, stamp))
    if status.people_sent:
        texts.append(words.people_sent(status.people_sent, stamp))
    return texts


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
        # status() counts the outbox in the database: off the GUI thread.
        if self._service is not None:
            run_task(self._service.status, on_done=self.status_changed.emit, on_error=self._poll_failed)

    def _poll_failed(self, error: BaseException) -> None:
        log.warning("Could not read the sync status: %s", error)
