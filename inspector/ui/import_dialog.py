"""Import returns from a CSV or JSONL file: progress, Cancel, then the report."""

from __future__ import annotations

import functools
import importlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.models.database import Database, explain
from inspector.services.users import UserInfo
from inspector.ui.import_report import ImportReportView
from inspector.ui.tasks import CancelToken, DatabaseWorker
from inspector.ui.texts import database_problem, fill, import_problem
from inspector.ui.widgets import MessageLine, heading, hint, secondary_button

log = logging.getLogger(__name__)

IMPORT_MODULE = "inspector.services.returns_import"


def import_available() -> bool:
    """True when the returns import service is part of this build."""
    try:
        importlib.import_module(IMPORT_MODULE)
    except ImportError:
        return False
    return True


def returns_importer(database: Database) -> Callable[..., Any]:
    """The returns import service bound to a station database (what :class:`ImportDialog` runs)."""
    service = importlib.import_module(IMPORT_MODULE)
    return functools.partial(service.import_returns, database)


class ImportDialog(QDialog):
    """Runs an import service on the database worker; emits ``finished_import(report or None)``.

    ``importer(path, warehouse_code, progress=..., cancel=...)`` is the service call (see
    :func:`returns_importer`): the dialog itself never touches a database.
    """

    finished_import = Signal(object)

    def __init__(
        self,
        importer: Callable[..., Any],
        path: Path,
        warehouse_code: str,
        worker: DatabaseWorker,
        parent: QWidget | None = None,
        user: UserInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self._user = user  # import_returns refuses anyone but an administrator
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import returns"))
        self.setModal(True)
        self.resize(1100, 620)
        self._importer = importer
        self._path = Path(path)
        self._warehouse_code = warehouse_code
        self._worker = worker
        self._token = CancelToken()
        self.report: Any = None
        self.heading = heading(fill(self.tr("Importing %1"), self._path.name))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress_text = hint(self.tr("Reading the file…"))
        self.message = MessageLine()
        self.report_view = ImportReportView()
        self.stack = QStackedWidget()
        running = QWidget()
        running_layout = QVBoxLayout(running)
        running_layout.addWidget(self.progress)
        running_layout.addWidget(self.progress_text)
        running_layout.addStretch(1)
        self.stack.addWidget(running)
        self.stack.addWidget(self.report_view)
        self.cancel_button = secondary_button(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        self.close_button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

    def start(self) -> None:
        """Start the import in the background."""
        self._worker.run(
            self._importer,
            self._path,
            self._warehouse_code,
            user=self._user,
            on_done=self._done,
            on_error=self._failed,
            on_progress=self._show_progress,
            cancel_token=self._token,
        )

    def cancel(self) -> None:
        """Ask the import to stop; what was imported so far stays."""
        self._token.cancel()
        self.cancel_button.setEnabled(False)
        self.progress_text.setText(self.tr("Stopping…"))

    def reject(self) -> None:
        """Esc or the window's close button: cancel while running, else close."""
        if self.close_button.isHidden():
            self.cancel()
        else:
            super().reject()

    def _show_progress(self, value: Any) -> None:
        if isinstance(value, tuple) and len(value) >= 2 and value[1]:
            done, total = int(value[0]), int(value[1])
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            read = fill(self.tr("%1 of %Ln line(s) read", "", total), QLocale().toString(done))
            self.progress_text.setText(read)
        elif isinstance(value, float) and 0.0 <= value <= 1.0:
            self.progress.setRange(0, 100)
            self.progress.setValue(int(value * 100))
        elif isinstance(value, int):
            self.progress_text.setText(self.tr("%Ln line(s) read", "", value))

    def show_report(self, report: Any) -> None:
        """Switch to the report page for ``report``."""
        self.report = report
        self.heading.setText(fill(self.tr("Imported %1"), self._path.name))
        if self._token.cancelled or getattr(report, "cancelled", False):
            self.message.show_info(
                self.tr("The import was cancelled. Returns imported before that are kept.")
            )
        self.report_view.show_report(report)
        self.stack.setCurrentIndex(1)
        self._finish()

    def _done(self, report: Any) -> None:
        self.show_report(report)
        self.finished_import.emit(report)

    def _failed(self, exc: BaseException) -> None:
        if self._token.cancelled:
            self.message.show_info(self.tr("The import was cancelled."))
        else:
            self.message.show_error(self.explain_failure(exc))
        self._finish()
        self.finished_import.emit(None)

    def explain_failure(self, exc: BaseException) -> str:
        """A plain-words sentence for a failed import (the traceback goes to the log)."""
        problem = explain(exc)
        if problem is not None:
            return database_problem(problem)
        code, message = getattr(exc, "code", None), getattr(exc, "user_message", None)
        if isinstance(code, str) and isinstance(message, str):  # ImportProblem: the file as a whole
            log.warning("Import of %s refused: %s", self._path, message)
            return import_problem(code, message)
        if isinstance(exc, OSError | UnicodeError | ValueError):
            log.warning("Import of %s failed: %s", self._path, exc)
            return fill(self.tr("The file could not be imported: %1"), exc)
        log.error("Import of %s failed", self._path, exc_info=(type(exc), exc, exc.__traceback__))
        return self.tr(
            "The import stopped because of an unexpected problem. The details are in the log file."
        )

    def _finish(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
