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

# Rejection.code of the returns import (inspector.services.returns_import.RejectionCode).
REJECTION_REASONS: dict[str, str] = {
    "missing_field": QT_TRANSLATE_NOOP("Texts", "A required value is missing."),
    "bad_rma": QT_TRANSLATE_NOOP("Texts", "The RMA number is not valid (RMA and 8 digits)."),
    "bad_gtin": QT_TRANSLATE_NOOP("Texts", "The GTIN (EAN) is not valid."),
    "bad_date": QT_TRANSLATE_NOOP("Texts", "A date cannot be read or is impossible."),
    "unknown_refund_choice": QT_TRANSLATE_NOOP("Texts", "The refund choice is not known."),
    "unknown_country": QT_TRANSLATE_NOOP("Texts", "The country is not known."),
    "unknown_category": QT_TRANSLATE_NOOP("Texts", "The product category is not known."),
    "unknown_reason": QT_TRANSLATE_NOOP("Texts", "The return reason is not known."),
    "unknown_channel": QT_TRANSLATE_NOOP("Texts", "The sales channel is not known."),
    "unknown_segment": QT_TRANSLATE_NOOP("Texts", "The customer segment is not known."),
    "unknown_currency": QT_TRANSLATE_NOOP("Texts", "The currency is not known."),
    "unknown_warehouse": QT_TRANSLATE_NOOP("Texts", "The warehouse is not known at this station."),
    "encoding": QT_TRANSLATE_NOOP("Texts", "The text is not UTF-8. Save the file as 'CSV UTF-8'."),
    "formula": QT_TRANSLATE_NOOP("Texts", "A value looks like a spreadsheet formula and is refused."),
    "bad_quantity": QT_TRANSLATE_NOOP("Texts", "The quantity is not a positive whole number."),
    "bad_price": QT_TRANSLATE_NOOP("Texts", "The price is not valid."),
    "bad_email": QT_TRANSLATE_NOOP("Texts", "The e-mail address is not valid."),
    "bad_postcode": QT_TRANSLATE_NOOP("Texts", "The postcode does not fit the country."),
    "bad_tracking": QT_TRANSLATE_NOOP("Texts", "The tracking number is not valid."),
    "bad_line_no": QT_TRANSLATE_NOOP("Texts", "The line number is not valid."),
    "duplicate_line": QT_TRANSLATE_NOOP("Texts", "The same return line appears twice."),
    "duplicate_rma": QT_TRANSLATE_NOOP("Texts", "The same RMA number appears with different details."),
    "conflict": QT_TRANSLATE_NOOP("Texts", "The return is already being inspected and was not changed."),
    "bad_row": QT_TRANSLATE_NOOP("Texts", "The row cannot be read."),
    "bad_json": QT_TRANSLATE_NOOP("Texts", "The line is not valid JSON."),
    "too_long": QT_TRANSLATE_NOOP("Texts", "A value is too long."),
    "rma_rejected": QT_TRANSLATE_NOOP("Texts", "Other rows of this return have errors."),
}

# ImportProblem.code: the file as a whole cannot be imported.
IMPORT_PROBLEMS: dict[str, str] = {
    "not_found": QT_TRANSLATE_NOOP("Texts", "The file does not exist."),
    "not_a_file": QT_TRANSLATE_NOOP("Texts", "This is a folder, not a file."),
    "unreadable": QT_TRANSLATE_NOOP("Texts", "The file cannot be read."),
    "unsupported_format": QT_TRANSLATE_NOOP(
        "Texts", "This is not a CSV or JSON Lines file. Save a spreadsheet as 'CSV UTF-8' first."
    ),
    "encoding": QT_TRANSLATE_NOOP("Texts", "The file is not UTF-8 text. Save it as 'CSV UTF-8'."),
    "bad_header": QT_TRANSLATE_NOOP("Texts", "The column headings are missing, doubled or not known."),
    "unknown_warehouse": QT_TRANSLATE_NOOP("Texts", "The station's warehouse is not in the database."),
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


COLUMN_NOTE = QT_TRANSLATE_NOOP("Texts", "%1 Column: %2")


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


def rejection_reason(code: str, english_reason: str, column: str = "") -> str:
    """The translated sentence for an import rejection code; the service's English text otherwise."""
    source = REJECTION_REASONS.get(code)
    if not source:
        return english_reason
    text = translated("Texts", source)
    return fill(translated("Texts", COLUMN_NOTE), text, column) if column else text


def import_problem(code: str, english_message: str) -> str:
    """The translated sentence for an ImportProblem code; the service's English text otherwise."""
    source = IMPORT_PROBLEMS.get(code)
    return translated("Texts", source) if source else english_message


def database_problem(user_message: str) -> str:
    """A DatabaseProblem's message in the current language (English when not translated)."""
    return translated("DatabaseProblem", user_message)
