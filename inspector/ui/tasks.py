"""The one way the GUI runs work in the background.

``run_task(fn, *args, on_done=..., on_error=..., on_progress=..., cancel_token=...)`` runs ``fn`` on
a worker thread and delivers its result, its exception and its progress reports on the GUI thread
through Qt signals. The background function never touches a widget: it receives plain arguments,
and when ``on_progress`` or ``cancel_token`` is given it also receives the keyword arguments
``progress`` (a callable taking any values, forwarded to ``on_progress``) and ``cancel`` (the
:class:`CancelToken`).

Database writes go through a :class:`DatabaseWorker`: a pool with one thread, so writes are
serialised and a SQLAlchemy session never crosses threads.

Tests switch to inline mode with :func:`inline_tasks` to run everything synchronously.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

_inline = False
_running: set[Task] = set()


class TaskCancelled(Exception):
    """Raised by :meth:`CancelToken.raise_if_cancelled` inside a background function."""


class CancelToken:
    """A flag the GUI sets and the background function polls.

    It can be called (``cancel()`` returns True once cancelled) and mirrors ``threading.Event``
    (``is_set()``), so Qt-free services can accept a plain ``Callable[[], bool]``.
    """

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the background function to stop as soon as it can."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._event.is_set()

    def is_set(self) -> bool:
        """Same as :attr:`cancelled` (``threading.Event`` style)."""
        return self._event.is_set()

    def __call__(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        """Raise :class:`TaskCancelled` when cancelled."""
        if self._event.is_set():
            raise TaskCancelled()


class Task(QObject):
    """One background call; its signals arrive on the GUI thread.

    ``done(result)`` or ``failed(exception)`` is emitted, then always ``finished()``.
    """

    done = Signal(object)
    failed = Signal(object)
    progress = Signal(object)
    finished = Signal()

    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        super().__init__()
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self.result: Any = None
        self.error: BaseException | None = None

    def report_progress(self, *values: Any) -> None:
        """Forward a progress report (any values) to the GUI thread."""
        self.progress.emit(values[0] if len(values) == 1 else values)

    def execute(self) -> None:
        """Run the function in the calling thread and emit the outcome (thread-safe signals)."""
        try:
            self.result = self._fn(*self._args, **self._kwargs)
        except Exception as exc:
            self.error = exc
            if not isinstance(exc, TaskCancelled):
                log.debug("Background task %r failed", self._fn, exc_info=exc)
            self.failed.emit(exc)
        else:
            self.done.emit(self.result)
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task.execute()


def _default_error(exc: BaseException) -> None:
    from inspector.ui.errors import report_exception

    report_exception(exc)


def _while_alive(owner: QObject, callback: Callable[[Any], None] | None) -> Callable[[Any], None] | None:
    """``callback``, but doing nothing once ``owner``'s C++ object is gone (a closed page)."""
    if callback is None:
        return None

    def deliver(value: Any) -> None:
        if shiboken6.isValid(owner):
            callback(value)
        else:
            log.debug("Dropped a background result for a deleted %s", type(owner).__name__)

    return deliver


def _start(
    pool: QThreadPool | None,
    fn: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    on_done: Callable[[Any], None] | None,
    on_error: Callable[[BaseException], None] | None,
    on_progress: Callable[[Any], None] | None,
    cancel_token: CancelToken | None,
    owner: QObject | None = None,
) -> Task:
    if owner is not None:
        on_done, on_error, on_progress = (
            _while_alive(owner, callback) for callback in (on_done, on_error, on_progress)
        )
    if on_progress is not None:
        kwargs = {**kwargs, "progress": None}
    if cancel_token is not None:
        kwargs = {**kwargs, "cancel": cancel_token}
    task = Task(fn, args, kwargs)
    if on_progress is not None:
        task._kwargs["progress"] = task.report_progress
        task.progress.connect(on_progress)
    if on_done is not None:
        task.done.connect(on_done)
    task.failed.connect(on_error or _default_error)
    _running.add(task)
    task.finished.connect(lambda: _running.discard(task))
    if _inline or pool is None:
        task.execute()
    else:
        pool.start(_Runnable(task))
    return task


def run_task(
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[Any], None] | None = None,
    cancel_token: CancelToken | None = None,
    owner: QObject | None = None,
    **kwargs: Any,
) -> Task:
    """Run ``fn(*args, **kwargs)`` on the global thread pool; see the module docstring.

    Without ``on_error`` an exception is reported like an uncaught one (log + plain-words dialog).
    With ``owner`` (the widget whose callbacks these are), results that arrive after the owner was
    deleted are dropped instead of reaching a dead widget.
    """
    return _start(
        QThreadPool.globalInstance(), fn, args, kwargs, on_done, on_error, on_progress, cancel_token, owner
    )


class DatabaseWorker:
    """A single worker thread for database writes: jobs run one after another, in order."""

    def __init__(self) -> None:
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[Any], None] | None = None,
        cancel_token: CancelToken | None = None,
        **kwargs: Any,
    ) -> Task:
        """Queue ``fn`` behind earlier database jobs; same contract as :func:`run_task`."""
        return _start(self._pool, fn, args, kwargs, on_done, on_error, on_progress, cancel_token)

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until every queued job has finished (for shutdown and tests)."""
        return self._pool.waitForDone(timeout_ms)


@contextmanager
def inline_tasks() -> Iterator[None]:
    """Run every task synchronously in the calling thread while the block runs (tests)."""
    global _inline
    previous, _inline = _inline, True
    try:
        yield
    finally:
        _inline = previous


def tasks_inline() -> bool:
    """True while :func:`inline_tasks` is active."""
    return _inline
