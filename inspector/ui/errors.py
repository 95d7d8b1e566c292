"""Uncaught errors: logged with their traceback, shown to the user in plain words.

Known environment problems (:class:`DatabaseProblem`, a full disk, an unwritable folder) show their
own message on the message line of the window; anything else is a bug, and a dialog says so without
a traceback. Nothing here ever blocks in a modal ``exec()``: background work (timers, tasks) reports
here, and nobody may have to click OK before the station goes on. The traceback goes to the log file.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from inspector.models.database import DatabaseProblem, explain
from inspector.ui.texts import database_problem

log = logging.getLogger(__name__)


class ErrorDialog(QDialog):
    """A big, plain-words message with one OK button (never a traceback)."""

    def __init__(self, title: str, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(640)
        heading = QLabel(title)
        heading.setObjectName("dialogHeading")
        heading.setWordWrap(True)
        self.message_label = QLabel(message)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        ok = QPushButton(self.tr("OK"))
        ok.setDefault(True)
        ok.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(ok)
        layout = QVBoxLayout(self)
        layout.setSpacing(18)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.addWidget(heading)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)


def error_dialog_for(exc: BaseException, parent: QWidget | None = None) -> ErrorDialog:
    """The dialog that tells the user about ``exc`` in plain words."""
    problem = explain(exc) if not isinstance(exc, DatabaseProblem) else exc
    if problem is not None:
        return ErrorDialog(
            QCoreApplication.translate("ErrorDialog", "A problem with the database"),
            database_problem(problem),
            parent,
        )
    return ErrorDialog(
        QCoreApplication.translate("ErrorDialog", "Something went wrong"),
        QCoreApplication.translate(
            "ErrorDialog",
            "Return Inspector ran into an unexpected problem. What you saved before is safe. "
            "Please tell your team lead what you were doing; the details are in the log file.",
        ),
        parent,
    )


def problem_text(exc: BaseException) -> str | None:
    """A database or file problem in plain words, in the user's language; None for a bug."""
    problem = explain(exc)
    if problem is not None:
        return database_problem(problem)
    if isinstance(exc, OSError):
        text = QCoreApplication.translate("MessageLine", "The file could not be written: %1")
        return text.replace("%1", str(exc.strerror or exc))
    return None


def report_exception(exc: BaseException, parent: QWidget | None = None) -> None:
    """Log ``exc`` with its traceback and tell the user, never with a blocking (modal) dialog.

    A database or file problem goes to the message line of ``parent``'s window (or of the active
    window) when it has one (a ``show_background_problem(text)`` method); a bug, or a problem
    with no line to show it on, opens the plain-words dialog without blocking: background work
    must never wait for somebody to click OK.
    """
    text = problem_text(exc)
    if text is None:
        log.error("Unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    else:
        log.warning("Database problem: %s", exc, exc_info=(type(exc), exc, exc.__traceback__))
    if QApplication.instance() is None:
        return
    window = (parent.window() if parent is not None else None) or QApplication.activeWindow()
    show_on_line = getattr(window, "show_background_problem", None)
    if text is not None and callable(show_on_line):
        show_on_line(text)
        return
    _show_dialog(error_dialog_for(exc, window))


_open_dialogs: list[ErrorDialog] = []


def _show_dialog(dialog: ErrorDialog) -> None:
    """Show ``dialog`` without blocking; it deletes itself when closed."""
    dialog.setModal(False)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    _open_dialogs.append(dialog)
    dialog.finished.connect(lambda _code: _open_dialogs.remove(dialog) if dialog in _open_dialogs else None)
    dialog.show()
    dialog.raise_()


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    try:
        report_exception(exc)
    except Exception:  # the hook itself must never raise
        log.critical("Error while reporting an error:\n%s", traceback.format_exc())


def install_excepthook() -> None:
    """Route uncaught exceptions (including those raised in Qt slots) to :func:`report_exception`."""
    sys.excepthook = _excepthook
