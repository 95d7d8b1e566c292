"""The Qt application: translator, stylesheet, exception hook and the login -> main window flow."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from inspector.paths import resources_dir, translations_dir
from inspector.ui.style import STYLESHEET

if TYPE_CHECKING:
    from inspector.app import Services

log = logging.getLogger(__name__)

LANGUAGES = ("nl", "en")
_installed: list[QTranslator] = []


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


def resolve_language(language: str) -> str:
    """'nl' or 'en': the configured language, else the system's, else English."""
    wanted = (language or QLocale.system().name()).lower()[:2]
    return wanted if wanted in LANGUAGES else "en"


def install_translator(app: QApplication, language: str) -> str:
    """Load the app's (and Qt's own) translations for ``language``; returns 'nl' or 'en'.

    Replaces translators installed earlier, so widgets built afterwards use the new language.
    """
    code = resolve_language(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    candidates = [
        (translations_dir(), f"inspector_{code}"),
        (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{code}"),
    ]
    for directory, name in candidates:
        translator = QTranslator(app)
        if translator.load(name, str(directory)):
            app.installTranslator(translator)
            _installed.append(translator)
        elif name.startswith("inspector"):
            log.warning("No translation %s in %s", name, directory)
    # Dates and numbers as a European warehouse writes them: Dutch, or British English (day first, 24 h).
    QLocale.setDefault(
        QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
        if code == "nl"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    return code


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
