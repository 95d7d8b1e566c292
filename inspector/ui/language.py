"""The language of the screens: the app's and Qt's own translations, and the locale for numbers and dates.

Kept apart from :mod:`inspector.ui.application` (which starts the session) so that the session, the
main window and the review screens can ask for the language without an import circle.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from inspector.paths import translations_dir

log = logging.getLogger(__name__)

LANGUAGES = ("nl", "en")

# Texts of Qt's file dialog that Qt's own Dutch translation lacks: translated in our catalogue (which is
# asked when Qt's has nothing), so "Look in:" and "Files of type:" are Dutch as well.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
_installed: list[QTranslator] = []


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
    # Qt's own texts (file dialogs: "Look in:", "Files of type:"; standard buttons) ship with the app
    # (translations/qtbase_nl.qm, so an installed build has them too); Qt's copy is the fallback.
    candidates = [
        [(translations_dir(), f"inspector_{code}")],
        [(translations_dir(), f"qtbase_{code}"),
         (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{code}")],
    ]
    for choices in candidates:
        for directory, name in choices:
            translator = QTranslator(app)
            if translator.load(name, str(directory)):
                app.installTranslator(translator)
                _installed.append(translator)
                break
        else:
            if code != "en":
                log.warning("No translation %s in %s", choices[0][1], choices[0][0])
    # Dates and numbers as a European warehouse writes them: Dutch, or British English (day first, 24 h).
    QLocale.setDefault(
        QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
        if code == "nl"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    return code


def shown_language() -> str:
    """'nl' or 'en': the language the UI is shown in now, for ``Localized.get`` (checklist texts).

    :func:`install_translator` sets the default locale with the translation it installs, so this
    follows the logged-in user's language rather than the station's setting.
    """
    return resolve_language(QLocale().name())
