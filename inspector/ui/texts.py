"""Translatable texts declared as data, and helpers to fill placeholders.

Role names, login refusals, import rejection codes and the database's plain-words problems are
declared here with ``QT_TRANSLATE_NOOP`` so lupdate finds them; they are translated at run time
with :func:`translated`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from inspector.models import Role

ROLE_NAMES: dict[Role, str] = {
    Role.INSPECTOR: QT_TRANSLATE_NOOP("Texts", "Inspector"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Texts", "Supervisor"),
    Role.TEAM_LEAD: QT_TRANSLATE_NOOP("Texts", "Team lead"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Texts", "Administrator"),
}

# Rejection.code of the returns import -> a sentence for the report table.
REJECTION_REASONS: dict[str, str] = {
    "missing_column": QT_TRANSLATE_NOOP("Texts", "A required column is missing."),
    "missing_field": QT_TRANSLATE_NOOP("Texts", "A required field is empty."),
    "bad_value": QT_TRANSLATE_NOOP("Texts", "A value is not valid."),
    "bad_date": QT_TRANSLATE_NOOP("Texts", "A date cannot be read."),
    "bad_quantity": QT_TRANSLATE_NOOP("Texts", "The quantity is not a positive whole number."),
    "bad_json": QT_TRANSLATE_NOOP("Texts", "The line is not valid JSON."),
    "bad_encoding": QT_TRANSLATE_NOOP("Texts", "The file is not UTF-8 text."),
    "unknown_warehouse": QT_TRANSLATE_NOOP("Texts", "The warehouse is not known at this station."),
    "unknown_reason": QT_TRANSLATE_NOOP("Texts", "The return reason is not known."),
    "unknown_category": QT_TRANSLATE_NOOP("Texts", "The product category is not known."),
    "duplicate": QT_TRANSLATE_NOOP("Texts", "The same RMA appears twice in the file."),
    "conflict": QT_TRANSLATE_NOOP("Texts", "The return is already being inspected and was not changed."),
}

# DatabaseProblem.user_message (inspector.models.database) -> translated by its English text.
DATABASE_PROBLEMS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP(
        "DatabaseProblem",
        "The database is busy or locked by another program. "
        "Close other Return Inspector windows on this PC and try again.",
    ),
    QT_TRANSLATE_NOOP("DatabaseProblem", "The disk is full. Free some space; nothing already saved is lost."),
    QT_TRANSLATE_NOOP(
        "DatabaseProblem", "The disk could not be read or written. Check the drive; nothing saved is lost."
    ),
    QT_TRANSLATE_NOOP(
        "DatabaseProblem",
        "The database file is damaged or is not a Return Inspector database. "
        "Restore it from the backups folder or ask IT for help.",
    ),
    QT_TRANSLATE_NOOP(
        "DatabaseProblem",
        "The database file is damaged. Restore it from the backups folder or ask IT for help.",
    ),
    QT_TRANSLATE_NOOP(
        "DatabaseProblem", "The database is read-only. Check the permissions of the data folder."
    ),
    QT_TRANSLATE_NOOP(
        "DatabaseProblem",
        "The database file cannot be opened. Check that the data folder exists and is writable.",
    ),
)


def fill(text: str, *values: object) -> str:
    """Replace ``%1``, ``%2`` ... in a translated text by ``values`` (Qt's placeholder style)."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


def translated(context: str, text: str) -> str:
    """The current language's version of a text declared with ``QT_TRANSLATE_NOOP``."""
    return QCoreApplication.translate(context, text)


def role_name(role: Role) -> str:
    """The translated name of a role."""
    return translated("Texts", ROLE_NAMES[role])


def rejection_reason(code: str, english_reason: str) -> str:
    """The translated sentence for an import rejection code; the service's English text otherwise."""
    source = REJECTION_REASONS.get(code)
    return translated("Texts", source) if source else english_reason


def database_problem(user_message: str) -> str:
    """A DatabaseProblem's message in the current language (English when not translated)."""
    return translated("DatabaseProblem", user_message)
