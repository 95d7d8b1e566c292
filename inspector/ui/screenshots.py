"""Render every screen and dialog offscreen into PNG files, in both languages, at three screen sizes.

``render_screenshots(services, outdir)`` writes ``login.png``, ``login_pin.png``,
``main_intake.png`` ... in the configured language, and the same files with a ``_nl`` or ``_en``
suffix in the other language, at 1366x768 in ``outdir`` and at the other sizes in ``outdir/1024x768``
and ``outdir/1920x1080``. Every grab is checked for cut-off texts (:mod:`inspector.ui.text_fit`);
the findings are returned in ``clipped`` when the caller passes a dict. Nothing is written to the
database: the example import report and error are built in memory, and the inspection station's
screens are rendered on a scratch demo database of their own (:mod:`inspector.ui.station_screenshots`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from inspector.models import Role
from inspector.models.database import DatabaseProblem
from inspector.services.users import UserInfo
from inspector.ui.application import create_qapp, install_translator, resolve_language
from inspector.ui.errors import error_dialog_for
from inspector.ui.feedback import Feedback
from inspector.ui.import_dialog import ImportDialog
from inspector.ui.login import LoginWindow
from inspector.ui.main_window import INTAKE, REPORTS, REVIEW, SETTINGS, MainWindow
from inspector.ui.review.screens import render_review
from inspector.ui.station_screenshots import StationScene, prepare, render_station, scratch_services
from inspector.ui.tasks import DatabaseWorker, inline_tasks
from inspector.ui.text_fit import Clipped, clipped_texts
from inspector.ui.widgets import dispose

if TYPE_CHECKING:
    from inspector.app import Services

SIZE = (1366, 768)
DEFAULT_SIZE = (1366, 768)
SIZES = ((1024, 768), (1366, 768), (1920, 1080))
_clipped: dict[str, list[Clipped]] | None = None


@dataclass
class ExampleRejection:
    """A rejected row for the example report (same fields as the import service's Rejection)."""

    file: str
    line: int
    rma: str
    reason: str
    code: str
    column: str = ""


@dataclass
class ExampleReport:
    """An import report built in memory for the screenshot (same fields as ImportReport)."""

    created: int = 118
    updated: int = 6
    unchanged: int = 40
    rejected_returns: int = 2
    rejected: list[ExampleRejection] = field(default_factory=list)


def _example_report() -> ExampleReport:
    rows = [
        ExampleRejection("returns.csv", 14, "RMA10000125", "GTIN '871234' is not valid.", "bad_gtin", "ean"),
        ExampleRejection("returns.csv", 15, "RMA10000125", "Other rows have errors.", "rma_rejected"),
        ExampleRejection(
            "returns.csv", 52, "RMA10000471", "Quantity '-1' is not valid.", "bad_quantity", "qty"
        ),
    ]
    return ExampleReport(rejected=rows)


def _prepare(widget: QWidget) -> None:
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.show()
    QApplication.processEvents()


def _record(path: Path, widget: QWidget) -> None:
    if _clipped is not None:
        key = path.name if SIZE == DEFAULT_SIZE else f"{path.parent.name}/{path.name}"
        found = _clipped.setdefault(key, [])
        if widget.width() > SIZE[0]:
            found.append(Clipped(type(widget).__name__, "(the window is wider than the screen)",
                                 widget.width(), SIZE[0]))
        if widget.height() > SIZE[1]:
            found.append(Clipped(type(widget).__name__, "(the window is higher than the screen)",
                                 widget.height(), SIZE[1], "height"))
        found.extend(clipped_texts(widget))


def _grab(widget: QWidget, path: Path) -> Path:
    widget.resize(*SIZE)
    _prepare(widget)
    widget.resize(*SIZE)
    QApplication.processEvents()
    _record(path, widget)
    widget.grab().save(str(path), "PNG")
    return path


def _grab_dialog(background: QWidget, dialog: QWidget, path: Path) -> Path:
    """The main window dimmed, with ``dialog`` centred over it (as the user sees it)."""
    background.resize(*SIZE)
    _prepare(background)
    _prepare(dialog)
    if dialog.width() < 400:
        dialog.adjustSize()
    dialog.resize(min(dialog.width(), SIZE[0] - 80), min(dialog.height(), SIZE[1] - 60))
    QApplication.processEvents()
    _record(path, dialog)
    picture = QPixmap(background.grab())
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 120))
    corner = QPoint((SIZE[0] - dialog.width()) // 2, (SIZE[1] - dialog.height()) // 2)
    painter.drawPixmap(corner, dialog.grab())
    painter.setPen(QColor("#111111"))
    painter.drawRect(corner.x(), corner.y(), dialog.width() - 1, dialog.height() - 1)
    painter.end()
    picture.save(str(path), "PNG")
    dialog.close()
    return path


def _example_user(services: Services) -> UserInfo:
    """A supervisor (or admin, team lead) of the database: the services check who sees Review and
    Reports. Without one, the command line's own identity (the screens then say "command line")."""
    from inspector.services.access import COMMAND_LINE

    users = services.users.active_users()
    for role in (Role.SUPERVISOR, Role.ADMIN, Role.TEAM_LEAD):
        for user in users:
            if user.role is role:
                return user
    return COMMAND_LINE


def _render_language(services: Services, outdir: Path, suffix: str,
                     station: tuple[Services, StationScene] | None = None) -> list[Path]:
    written: list[Path] = []
    feedback = Feedback(sounds_enabled=False)
    worker = DatabaseWorker()

    def name(stem: str) -> Path:
        return outdir / f"{stem}{suffix}.png"

    login = LoginWindow(services.users, feedback, services.settings.scanner)
    written.append(_grab(login, name("login")))
    user = _example_user(services)
    login._proceed(UserInfo(user.id, user.name, Role.SUPERVISOR, user.badge_code, user.language))
    written.append(_grab(login, name("login_pin")))
    dispose(login)

    main = MainWindow(services, user, feedback, worker)
    pages: list[tuple[int, str]] = [(INTAKE, "main_intake"), (REVIEW, "main_review")]
    pages += [(REPORTS, "main_reports"), (SETTINGS, "main_settings")]
    for index, stem in pages:
        main.show_page(index)
        written.append(_grab(main, name(stem)))
    for tab in range(1, main.settings_page.form.count()):
        main.settings_page.form.setCurrentIndex(tab)
        written.append(_grab(main, name(f"main_settings_{tab + 1}")))
    main.settings_page.form.setCurrentIndex(0)
    written += render_review(services, user, worker, name, _grab, _grab_dialog)

    report_dialog = _report_dialog(services, worker, main)
    written.append(_grab_dialog(main, report_dialog, name("import_report")))
    problem = DatabaseProblem("The disk is full. Free some space; nothing already saved is lost.")
    written.append(_grab_dialog(main, error_dialog_for(problem, main), name("error_dialog")))
    written.append(_grab_dialog(main, error_dialog_for(RuntimeError("bug"), main), name("error_dialog_bug")))
    dispose(main)
    worker.wait()
    if station is not None:
        written += render_station(station[0], station[1], name, _grab, _grab_dialog)
    return written


def _report_dialog(services: Services, worker: DatabaseWorker, parent: QWidget) -> QWidget:
    dialog = ImportDialog(lambda *args, **kwargs: None, Path("returns.csv"), "", worker, parent)
    dialog.show_report(_example_report())
    return dialog


def render_screenshots(services: Services, outdir: Path, sizes: Sequence[tuple[int, int]] = SIZES,
                       clipped: dict[str, list[Clipped]] | None = None) -> list[Path]:
    """Render every screen at each of ``sizes`` into ``outdir`` (1366x768) or ``outdir/WxH``.

    Returns the PNG files written; cut-off texts go into ``clipped`` (file name -> findings).
    """
    global SIZE, _clipped
    app = create_qapp()
    outdir = Path(outdir)
    configured = resolve_language(services.settings.language)
    other = "nl" if configured == "en" else "en"
    written: list[Path] = []
    renderers: list[tuple[str, str]] = [(configured, ""), (other, f"_{other}")]
    _clipped = clipped
    with tempfile.TemporaryDirectory(prefix="inspector-station-") as scratch:
        station_services = scratch_services(Path(scratch), services)
        try:
            with inline_tasks():
                station = (station_services, prepare(station_services))
                for size in sizes:
                    SIZE = size
                    folder = outdir if size == DEFAULT_SIZE else outdir / f"{size[0]}x{size[1]}"
                    folder.mkdir(parents=True, exist_ok=True)
                    for language, suffix in renderers:
                        install_translator(app, language)
                        written += _render_language(services, folder, suffix, station)
        finally:
            SIZE, _clipped = DEFAULT_SIZE, None
            install_translator(app, configured)
            station_services.close()
    return written
