"""Translated names of dispute parties and outcomes and of audit actions (declared as data)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from inspector.ui.texts import display_name

PARTY_NAMES: dict[str, str] = {
    "customer": QT_TRANSLATE_NOOP("Review", "Customer"),
    "carrier": QT_TRANSLATE_NOOP("Review", "Carrier"),
    "payment_provider": QT_TRANSLATE_NOOP("Review", "Payment provider"),
}
OUTCOME_NAMES: dict[str, str] = {
    "upheld": QT_TRANSLATE_NOOP("Review", "Upheld: the inspection stands"),
    "customer_favoured": QT_TRANSLATE_NOOP("Review", "Decided in the customer's favour"),
    "settled": QT_TRANSLATE_NOOP("Review", "Settled"),
    "withdrawn": QT_TRANSLATE_NOOP("Review", "Withdrawn"),
}
ENTRY_KINDS: dict[str, str] = {
    "note": QT_TRANSLATE_NOOP("Review", "Note"),
    "decision": QT_TRANSLATE_NOOP("Review", "Decision"),
    "grade_change": QT_TRANSLATE_NOOP("Review", "Grade changed"),
    "closing": QT_TRANSLATE_NOOP("Review", "Closed"),
}
ACTION_NAMES: dict[str, str] = {
    "parcel_received": QT_TRANSLATE_NOOP("Review", "Parcel received"),
    "unannounced_registered": QT_TRANSLATE_NOOP("Review", "Unannounced parcel registered"),
    "item_verified": QT_TRANSLATE_NOOP("Review", "Item verified"),
    "answer_given": QT_TRANSLATE_NOOP("Review", "Answer given"),
    "answer_changed": QT_TRANSLATE_NOOP("Review", "Answer changed"),
    "notes_changed": QT_TRANSLATE_NOOP("Review", "Notes changed"),
    "photo_added": QT_TRANSLATE_NOOP("Review", "Photo added"),
    "photo_removed": QT_TRANSLATE_NOOP("Review", "Photo removed"),
    "grade_set": QT_TRANSLATE_NOOP("Review", "Grade set"),
    "grade_overridden": QT_TRANSLATE_NOOP("Review", "Grade overridden"),
    "grade_changed": QT_TRANSLATE_NOOP("Review", "Grade changed in a dispute"),
    "label_printed": QT_TRANSLATE_NOOP("Review", "Label printed"),
    "label_reprinted": QT_TRANSLATE_NOOP("Review", "Label reprinted"),
    "dispute_opened": QT_TRANSLATE_NOOP("Review", "Dispute opened"),
    "dispute_note_added": QT_TRANSLATE_NOOP("Review", "Dispute note"),
    "dispute_decision_recorded": QT_TRANSLATE_NOOP("Review", "Dispute decision"),
    "dispute_closed": QT_TRANSLATE_NOOP("Review", "Dispute closed"),
}
DISPUTE_ERRORS: dict[str, str] = {
    "unknown_inspection": QT_TRANSLATE_NOOP("Review", "This inspection no longer exists."),
    "not_finished": QT_TRANSLATE_NOOP("Review", "Only finished inspections can be disputed."),
    "reason_required": QT_TRANSLATE_NOOP("Review", "Give the reason for the new grade."),
    "same_grade": QT_TRANSLATE_NOOP("Review", "The item already has this grade."),
    "empty_text": QT_TRANSLATE_NOOP("Review", "Write something first."),
    "unknown_dispute": QT_TRANSLATE_NOOP("Review", "This dispute no longer exists."),
    "dispute_closed": QT_TRANSLATE_NOOP("Review", "This dispute is already closed."),
}


def _name(table: dict[str, str], value: object) -> str:
    return display_name(table, value, "Review")


def party_name(party: object) -> str:
    """Who disputes, translated."""
    return _name(PARTY_NAMES, party)


def outcome_name(outcome: object) -> str:
    """How a dispute ended, translated."""
    return _name(OUTCOME_NAMES, outcome)


def entry_kind_name(kind: object) -> str:
    """The kind of a dispute entry, translated."""
    return _name(ENTRY_KINDS, kind)


def action_name(action: object) -> str:
    """An audit action, translated (unknown actions shown as they are)."""
    return _name(ACTION_NAMES, action)


def dispute_error(code: str) -> str:
    """Why a dispute action was refused, translated."""
    return _name(DISPUTE_ERRORS, code)
