"""The background sync loop (a plain thread, Qt-free) and the status the status bar shows.

The GUI either polls :meth:`SyncService.status` or registers a listener; listeners are called on
the sync thread, so a Qt caller must hop to the GUI thread itself (e.g. a queued signal).
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from inspector.models import utcnow
from inspector.sync.engine import SyncEngine, SyncResult
from inspector.sync.outbox_reader import pending_summary

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncStatus:
    """A snapshot for the status bar."""

    online: bool | None = None  # None until the first attempt
    syncing: bool = False
    last_success_at: datetime | None = None
    last_attempt_at: datetime | None = None
    pending: int = 0
    oldest_pending_age_s: float | None = None
    last_error: str = ""
    consecutive_failures: int = 0
    next_attempt_in_s: float = 0.0
    # Audit alarms of the last completed run (inspector.sync.anchor); a failed run keeps them.
    alarms: tuple[str, ...] = ()
    # The last run that moved people (users, badges, PINs): how many edits it sent and pulled, and when.
    people_sent: int = 0
    people_pulled: int = 0
    people_at: datetime | None = None

    def text(self) -> str:
        """A short line in plain words."""
        if self.online is None:
            state = "not synced yet"
        elif self.online:
            state = "online"
        else:
            state = "offline"
        parts = list(self.alarms)
        parts += [state, f"{self.pending} waiting to be sent"]
        if self.oldest_pending_age_s and self.oldest_pending_age_s > 60:
            parts.append(f"oldest {int(self.oldest_pending_age_s // 60)} min")
        if self.people_at is not None:
            parts.append(f"people: {self.people_sent} sent, {self.people_pulled} pulled at "
                         f"{self.people_at.astimezone().strftime('%H:%M')}")
        if self.last_error:
            parts.append(self.last_error)
        return "; ".join(parts)


Listener = Callable[[SyncStatus], None]


class SyncService:
    """Runs the engine every ``interval_s`` when healthy, with exponential backoff on failure."""

    def __init__(self, engine: SyncEngine, interval_s: float = 30.0, max_backoff_s: float = 300.0) -> None:
        self.engine = engine
        self.interval_s = interval_s
        self.max_backoff_s = max_backoff_s
        self._status = SyncStatus()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._listeners: list[Listener] = []

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener(status)`` (on the sync thread) whenever the status changes."""
        self._listeners.append(listener)

    def status(self) -> SyncStatus:
        """The latest status, with the pending count and oldest age read fresh."""
        count, oldest = pending_summary(self.engine.database)
        age = (utcnow() - oldest).total_seconds() if oldest else None
        with self._lock:
            return replace(self._status, pending=count, oldest_pending_age_s=age)

    def start(self) -> None:
        """Start the loop thread (idempotent)."""
        if self._thread and self._thread.is_alive():
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self._loop, name="central-sync", daemon=True)
        self._thread.start()

    def sync_now(self) -> None:
        """Ask for a run as soon as possible (after a save, or from a button)."""
        self._wake.set()

    def stop(self, timeout_s: float = 30.0) -> None:
        """Stop the loop and wait for the thread (a run in progress finishes its batch first)."""
        self._stopping.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout_s)
            self._thread = None

    def run_once(self) -> SyncResult:
        """One run on the caller's thread, updating the status."""
        self._update(syncing=True, last_attempt_at=utcnow())
        result = self.engine.run_once()
        if result.busy:  # another sync of this station is sending everything: not a failure
            with self._lock:
                failures = self._status.consecutive_failures
            self._update(syncing=False, last_error=result.error, next_attempt_in_s=self._delay(failures))
            return result
        with self._lock:
            failures = 0 if result.ok else self._status.consecutive_failures + 1
        if result.ok and (result.upload.people or result.download.people):
            self._update(people_sent=result.upload.people, people_pulled=result.download.people,
                         people_at=utcnow())
        self._update(
            syncing=False,
            online=result.ok or not result.offline,
            last_success_at=utcnow() if result.ok else self._status.last_success_at,
            last_error="" if result.ok else result.error,
            alarms=tuple(result.alarms) if result.ok else self._status.alarms,
            consecutive_failures=failures,
            next_attempt_in_s=self._delay(failures),
        )
        return result

    def _delay(self, failures: int) -> float:
        if failures == 0:
            return self.interval_s
        base = min(self.max_backoff_s, self.interval_s * 2 ** min(failures - 1, 16))
        return base * random.uniform(0.8, 1.2)

    def _loop(self) -> None:
        while not self._stopping.is_set():
            try:
                self.run_once()
            except Exception:  # the loop must survive anything: log it, back off, retry
                log.exception("Sync loop error")
                with self._lock:
                    failures = self._status.consecutive_failures + 1
                self._update(
                    syncing=False,
                    last_error="Sync failed unexpectedly; see the log.",
                    consecutive_failures=failures,
                    next_attempt_in_s=self._delay(failures),
                )
            self._wake.wait(self._status.next_attempt_in_s)
            self._wake.clear()

    def _update(self, **changes: object) -> None:
        with self._lock:
            self._status = replace(self._status, **changes)  # type: ignore[arg-type]
        snapshot = self.status()
        for listener in list(self._listeners):
            try:
                listener(snapshot)
            except Exception:
                log.exception("Sync status listener failed")
