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
    "too_many_lines": QT_TRANSLATE_NOOP("Texts", "The return has more than 999 lines."),
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
    "import_running": QT_TRANSLATE_NOOP(
        "Texts", "Another import is running on this station. Import the file again when it has finished."
    ),
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
    QT_TRANSLATE_NOOP(
        "DatabaseProblem",
        "The database's helper file %1 is read-only (left behind when the database itself was read-only). "
        "Close Return Inspector, make that file writable or delete it, and start again; nothing is lost.",
    ),
    QT_TRANSLATE_NOOP(
        "DatabaseProblem",
        "%1 cannot be read or written (no permission, or a read-only disk). "
        "Check the permissions; nothing already saved is lost.",
    ),
    QT_TRANSLATE_NOOP(
        "DatabaseProblem",
        "The database is older than this version and cannot be upgraded while it is read-only. "
        "Run 'inspector db upgrade' with write access.",
    ),
    # The central database, read for review and reports (inspector.sync.central_read.MESSAGES).
    QT_TRANSLATE_NOOP(
        "DatabaseProblem",
        "The central database cannot be reached. Check the network, or look at this station's own "
        "records instead.",
    ),
    QT_TRANSLATE_NOOP(
        "DatabaseProblem",
        "The central database refused this station's login. Ask IT to check the central URL in Settings.",
    ),
    QT_TRANSLATE_NOOP(
        "DatabaseProblem",
        "The central database is not set up for this version. Ask IT to run 'inspector central upgrade' "
        "and 'inspector central roles'.",
    ),
    QT_TRANSLATE_NOOP(
        "DatabaseProblem",
        "This station's login may not read the central database. Ask IT to run 'inspector central roles'.",
    ),
    QT_TRANSLATE_NOOP(
        "DatabaseProblem", "The central database is starting up or shutting down. Try again in a minute."
    ),
    QT_TRANSLATE_NOOP(
        "DatabaseProblem", "The central database address in Settings is not valid. Ask IT for the right one."
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


def database_problem(problem: object) -> str:
    """A DatabaseProblem (or its English message) in the current language (English when not translated)."""
    template = getattr(problem, "template", None)
    if template is None:
        return translated("DatabaseProblem", str(getattr(problem, "user_message", problem)))
    return fill(translated("DatabaseProblem", template), *getattr(problem, "values", ()))


# --- The station's closed vocabularies (inspector.models.enums), shown by their translated names. ---

REASON_NAMES: dict[str, str] = {
    "ordered_by_mistake": QT_TRANSLATE_NOOP("Texts", "Ordered by mistake"),
    "wrong_size": QT_TRANSLATE_NOOP("Texts", "Wrong size"),
    "wrong_colour": QT_TRANSLATE_NOOP("Texts", "Wrong colour"),
    "no_longer_needed": QT_TRANSLATE_NOOP("Texts", "No longer needed"),
    "not_as_described": QT_TRANSLATE_NOOP("Texts", "Not as described"),
    "parts_missing": QT_TRANSLATE_NOOP("Texts", "Parts missing"),
    "damaged": QT_TRANSLATE_NOOP("Texts", "Arrived damaged"),
    "cheaper_elsewhere": QT_TRANSLATE_NOOP("Texts", "Cheaper elsewhere"),
    "arrived_too_late": QT_TRANSLATE_NOOP("Texts", "Arrived too late"),
    "wrong_item_sent": QT_TRANSLATE_NOOP("Texts", "Wrong item sent"),
    "defective": QT_TRANSLATE_NOOP("Texts", "Defective"),
    "other": QT_TRANSLATE_NOOP("Texts", "Other reason"),
}

REFUND_CHOICE_NAMES: dict[str, str] = {
    "refund": QT_TRANSLATE_NOOP("Texts", "Money back"),
    "exchange": QT_TRANSLATE_NOOP("Texts", "Exchange"),
    "store_credit": QT_TRANSLATE_NOOP("Texts", "Store credit"),
    "unknown": QT_TRANSLATE_NOOP("Texts", "Not known yet"),
}

GRADE_NAMES: dict[str, str] = {
    "restock": QT_TRANSLATE_NOOP("Texts", "Restock"),
    "refurbish": QT_TRANSLATE_NOOP("Texts", "Refurbish"),
    "liquidate": QT_TRANSLATE_NOOP("Texts", "Liquidate"),
    "scrap": QT_TRANSLATE_NOOP("Texts", "Scrap"),
}

BOX_CONDITION_NAMES: dict[str, str] = {
    "intact": QT_TRANSLATE_NOOP("Texts", "Intact"),
    "damaged": QT_TRANSLATE_NOOP("Texts", "Damaged"),
    "opened": QT_TRANSLATE_NOOP("Texts", "Opened"),
    "wet": QT_TRANSLATE_NOOP("Texts", "Wet"),
}

STATUS_NAMES: dict[str, str] = {
    "announced": QT_TRANSLATE_NOOP("Texts", "Announced"),
    "received": QT_TRANSLATE_NOOP("Texts", "Received"),
    "inspecting": QT_TRANSLATE_NOOP("Texts", "Being inspected"),
    "inspected": QT_TRANSLATE_NOOP("Texts", "Inspected"),
    "cancelled": QT_TRANSLATE_NOOP("Texts", "Cancelled"),
}

FLAG_NAMES: dict[str, str] = {
    "wrong_item": QT_TRANSLATE_NOOP("Texts", "Wrong item"),
    "missing": QT_TRANSLATE_NOOP("Texts", "Missing"),
    "extra": QT_TRANSLATE_NOOP("Texts", "Extra item"),
    "suspected_fraud": QT_TRANSLATE_NOOP("Texts", "Suspected fraud"),
    "late": QT_TRANSLATE_NOOP("Texts", "Late return"),
    "conflict": QT_TRANSLATE_NOOP("Texts", "Conflict"),
    "override": QT_TRANSLATE_NOOP("Texts", "Grade overridden"),
    "unannounced": QT_TRANSLATE_NOOP("Texts", "Unannounced"),
    "damaged_in_transit": QT_TRANSLATE_NOOP("Texts", "Damaged in transit"),
    "hazardous": QT_TRANSLATE_NOOP("Texts", "Hazardous goods"),
}

DISPOSITION_NAMES: dict[str, str] = {
    "restock_location": QT_TRANSLATE_NOOP("Texts", "Back to stock"),
    "refurbish_queue": QT_TRANSLATE_NOOP("Texts", "Refurbish queue"),
    "liquidation_pallet": QT_TRANSLATE_NOOP("Texts", "Liquidation pallet"),
    "scrap_bin": QT_TRANSLATE_NOOP("Texts", "Scrap bin"),
    "supervisor_check": QT_TRANSLATE_NOOP("Texts", "Wrong item: supervisor decides"),
}

REFUND_ADVICE_NAMES: dict[str, str] = {
    "full": QT_TRANSLATE_NOOP("Texts", "Full refund"),
    "partial": QT_TRANSLATE_NOOP("Texts", "Partial refund"),
    "none": QT_TRANSLATE_NOOP("Texts", "No refund"),
}

# InspectionError.code (inspector.services.inspection) -> what the inspector reads.
INSPECTION_ERRORS: dict[str, str] = {
    "unknown_return": QT_TRANSLATE_NOOP("Texts", "This return is no longer in the database."),
    "unknown_line": QT_TRANSLATE_NOOP("Texts", "This line is not part of the return."),
    "all_units_inspected": QT_TRANSLATE_NOOP("Texts", "Every unit of this line has been inspected."),
    "unknown_inspection": QT_TRANSLATE_NOOP("Texts", "This inspection is no longer in the database."),
    "inspection_finished": QT_TRANSLATE_NOOP("Texts", "This inspection is already finished."),
    "reason_required": QT_TRANSLATE_NOOP("Texts", "Give a reason (at least 3 characters)."),
    "bad_answer": QT_TRANSLATE_NOOP("Texts", "This answer does not fit the question."),
    "unknown_photo": QT_TRANSLATE_NOOP("Texts", "This photo is no longer there."),
    "incomplete": QT_TRANSLATE_NOOP("Texts", "Some questions or photos are still missing."),
    "wrong_item_photo_required": QT_TRANSLATE_NOOP(
        "Texts", "Wrong item: take a photo of what is in the parcel before finishing."
    ),
    "not_verified": QT_TRANSLATE_NOOP("Texts", "Scan the product barcode or confirm the item by hand first."),
    "override_reason_required": QT_TRANSLATE_NOOP(
        "Texts", "Another grade than the suggestion needs a reason of at least 10 characters."
    ),
    "not_graded": QT_TRANSLATE_NOOP("Texts", "This item has no label yet."),
    "supervisor_required": QT_TRANSLATE_NOOP("Texts", "Only a supervisor can clear a hazardous item."),
    "unknown_checklist": QT_TRANSLATE_NOOP("Texts", "The checklist of this inspection is not installed."),
}


def display_name(table: dict[str, str], value: object, context: str = "Texts") -> str:
    """The translated display name of an enum value or code from ``table`` (its words when unknown)."""
    key = str(getattr(value, "value", value) or "")
    source = table.get(key)
    return translated(context, source) if source else key.replace("_", " ")


_name = display_name


def reason_name(code: object) -> str:
    """The translated return reason."""
    return _name(REASON_NAMES, code)


def refund_choice_name(choice: object) -> str:
    """The translated refund choice of the customer."""
    return _name(REFUND_CHOICE_NAMES, choice)


def grade_name(grade: object) -> str:
    """The translated grade."""
    return _name(GRADE_NAMES, grade)


def box_condition_name(condition: object) -> str:
    """The translated condition of a parcel's box."""
    return _name(BOX_CONDITION_NAMES, condition)


def status_name(status: object) -> str:
    """The translated status of a return."""
    return _name(STATUS_NAMES, status)


def flag_name(flag: object) -> str:
    """The translated exception flag."""
    return _name(FLAG_NAMES, flag)


def disposition_name(kind: object) -> str:
    """The translated kind of destination."""
    return _name(DISPOSITION_NAMES, kind)


def refund_advice_name(kind: object) -> str:
    """The translated refund recommendation."""
    return _name(REFUND_ADVICE_NAMES, kind)


def inspection_error(exc: BaseException) -> str:
    """What went wrong with an inspection step, in the inspector's language."""
    source = INSPECTION_ERRORS.get(str(getattr(exc, "code", "")))
    if source:
        return translated("Texts", source)
    from inspector.models.db_errors import explain

    problem = explain(exc)
    return database_problem(problem) if problem is not None else str(exc)


def money(cents: int, currency: str = "EUR") -> str:
    """An amount like ``€ 59,95`` in the current locale's style."""
    from PySide6.QtCore import QLocale

    symbol = {"EUR": "€", "GBP": "£", "USD": "$"}.get(currency, currency)
    return f"{symbol} {QLocale().toString(cents / 100, 'f', 2)}"


def local_time(moment: object) -> str:
    """A timezone-aware datetime as local date and time, in the current locale's short format."""
    from datetime import datetime

    from PySide6.QtCore import QDateTime, QLocale

    if not isinstance(moment, datetime):
        return ""
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)


SCAN_ERRORS: dict[str, str] = {
    "too_long": QT_TRANSLATE_NOOP(
        "Texts", "The scan was far too long (is the scanner stuck, or sending a file?)."
    ),
    "port_unavailable": QT_TRANSLATE_NOOP(
        "Texts", "The serial scanner's port cannot be opened; retrying. Check the cable and Settings."
    ),
    "port_lost": QT_TRANSLATE_NOOP("Texts", "The serial scanner was disconnected; reconnecting."),
    "interrupted": QT_TRANSLATE_NOOP(
        "Texts", "The scan was interrupted (the computer was busy, or typing came just before it)."
    ),
    "ambiguous": QT_TRANSLATE_NOOP(
        "Texts", "The camera sees several codes in the aim area; hold only one code in the frame."
    ),
}

SCAN_HINTS: dict[str, str] = {
    "caps_lock": QT_TRANSLATE_NOOP(
        "Texts", "Caps Lock seems to be on; the scan was repaired. Switch Caps Lock off."
    ),
    "azerty": QT_TRANSLATE_NOOP(
        "Texts", "The keyboard layout looks like AZERTY; the scan was repaired. Check the keyboard settings."
    ),
    "azerty_caps": QT_TRANSLATE_NOOP(
        "Texts",
        "The keyboard layout looks like AZERTY and Caps Lock seems on; the scan was repaired. "
        "Check the keyboard settings.",
    ),
    "qwertz": QT_TRANSLATE_NOOP(
        "Texts", "The keyboard layout looks like QWERTZ (Y and Z swapped); the scan was repaired."
    ),
    "ambiguous": QT_TRANSLATE_NOOP(
        "Texts", "The scan looks garbled by the keyboard layout or Caps Lock and could not be repaired."
    ),
    "azerty_unrepaired": QT_TRANSLATE_NOOP(
        "Texts", "The keyboard layout looks like AZERTY: set the scanner or the station's keyboard to US."
    ),
}


def scan_error_text(error: object) -> str:
    """Why a scan was rejected, translated (the scanner's own English message when the code is unknown)."""
    source = SCAN_ERRORS.get(str(getattr(error, "code", "") or ""))
    return translated("Texts", source) if source else str(getattr(error, "message", error))


def scan_hint_text(event: object) -> str:
    """The keyboard or Caps Lock hint of a scan, translated."""
    source = SCAN_HINTS.get(str(getattr(event, "hint_code", "") or ""))
    return translated("Texts", source) if source else str(getattr(event, "hint", ""))
