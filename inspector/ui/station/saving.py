"""Saving an inspection's steps so that a database problem never loses what the inspector entered.

Every step (an answer, a note, a photo, the finish) goes through one :class:`SaveQueue`: the steps
run on the database worker one after the other, in the order they were made. When the database is
in trouble (locked by another program, a full disk, a read-only file...), the failed step and every
later one wait: the screen stays as it is, the message line says what is wrong and what to do, and
the steps are tried again every :data:`RETRY_MS` until they go through. A step the service refuses
(e.g. an incomplete checklist) is reported to its own error handler and the next one runs.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from inspector.models.database import explain
from inspector.ui.errors import problem_text
from inspector.ui.tasks import DatabaseWorker

RETRY_MS = 3000


@dataclass
class _Step:
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None


class SaveQueue(QObject):
    """Runs saves in order on the worker; holds and retries them while the database has a problem.

    ``problem(text)`` says what is wrong (in the user's language) while saves wait; ``recovered()``
    says they went through again.
    """

    problem = Signal(str)
    recovered = Signal()

    def __init__(self, worker: DatabaseWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._steps: deque[_Step] = deque()
        self._running = False
        self.failing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RETRY_MS)
        self._timer.timeout.connect(self._next)

    @property
    def pending(self) -> int:
        """Saves not yet done (waiting or running)."""
        return len(self._steps)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Save ``fn(*args)`` after the saves before it."""
        self._steps.append(_Step(fn, args, on_done, on_error))
        if not self._running and not self._timer.isActive():
            self._next()

    def retry_now(self) -> None:
        """Try the waiting saves at once (instead of at the next retry)."""
        if self._steps and not self._running:
            self._timer.stop()
            self._next()

    def _next(self) -> None:
        if not self._steps or self._running:
            return
        step = self._steps[0]
        self._running = True
        self._worker.run(step.fn, *step.args, on_done=self._done, on_error=self._failed)

    def _done(self, result: Any) -> None:
        step = self._steps.popleft()
        self._running = False
        if self.failing:
            self.failing = False
            self.recovered.emit()
        if step.on_done is not None:
            step.on_done(result)
        self._next()

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        if explain(exc) is not None:
            self.failing = True
            self.problem.emit(problem_text(exc) or str(exc))
            self._timer.start()
            return
        step = self._steps.popleft()
        if step.on_error is not None:
            step.on_error(exc)
        self._next()
