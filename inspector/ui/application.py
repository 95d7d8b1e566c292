"""The Qt application: translator, stylesheet, exception hook and the login -> main window flow."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from inspector.paths import resources_dir
from inspector.ui.language import LANGUAGES, install_translator, resolve_language
from inspector.ui.style import STYLESHEET

if TYPE_CHECKING:
    from inspector.app import Services

__all__ = ["LANGUAGES", "create_qapp", "install_translator", "resolve_language", "run_gui"]

log = logging.getLogger(__name__)


def create_qapp(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (created once) with the app's name, icon and stylesheet."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv or ["inspector"]))
    app.setApplicationName("Return Inspector")
    app.setOrganizationName("ReturnInspector")
    icon = resources_dir() / "icons" / "inspector.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    if app.styleSheet() != STYLESHEET:  # setting it again restyles every open widget (seconds)
        app.setStyleSheet(STYLESHEET)
    return app


def run_gui(services: Services, argv: Sequence[str] | None = None) -> int:
    """Show the login window, then the main window; returns the application's exit code."""
    from inspector.ui.errors import install_excepthook
    from inspector.ui.session import StationSession

    app = create_qapp(argv)
    install_excepthook()
    session = StationSession(services)
    session.start()
    code = app.exec()
    session.shutdown()
    return int(code)
