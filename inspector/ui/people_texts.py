"""Translated texts for the codes of people, setup and enrolment problems (Qt-free services raise them).

:func:`people_error` shows a :class:`~inspector.services.people_rules.PeopleError` or an
:class:`~inspector.sync.enrolment.EnrolmentError` in the user's language, its ``params`` filled in.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from inspector.ui.texts import fill, translated

PEOPLE_PROBLEMS: dict[str, str] = {
    "bad_badge": QT_TRANSLATE_NOOP("People", "A badge code is 4 to 32 letters, digits or '-'."),
    "no_name": QT_TRANSLATE_NOOP("People", "Give the person's name."),
    "long_name": QT_TRANSLATE_NOOP("People", "A name has at most %1 characters."),
    "bad_role": QT_TRANSLATE_NOOP("People", "Choose inspector, supervisor, team lead or administrator."),
    "bad_language": QT_TRANSLATE_NOOP("People", "The language is Dutch, English or the station's."),
    "pin_not_needed": QT_TRANSLATE_NOOP("People", "Inspectors log in with their badge only; they have "
                                                  "no PIN."),
    "pin_mismatch": QT_TRANSLATE_NOOP("People", "The two PINs differ. Type the same PIN twice."),
    "bad_pin": QT_TRANSLATE_NOOP("People", "A PIN for this role is %1 to %2 digits."),
    "weak_pin": QT_TRANSLATE_NOOP("People", "This PIN is too easy to guess (one digit repeated, or a run "
                                            "like 123456)."),
    "pin_needed": QT_TRANSLATE_NOOP("People", "This role needs a PIN: type a new one twice."),
    "not_found": QT_TRANSLATE_NOOP("People", "Nobody here matches %1."),
    "ambiguous": QT_TRANSLATE_NOOP("People", "Several people match %1; give the badge code."),
    "badge_taken": QT_TRANSLATE_NOOP("People", "Badge %1 already belongs to %2."),
    "last_admin": QT_TRANSLATE_NOOP("People", "The warehouse would have no administrator left."),
    "bad_warehouse_code": QT_TRANSLATE_NOOP("People", "A warehouse code is 1 to 32 letters, digits, - or _ "
                                                      "(e.g. NL-AMS)."),
    "bad_station_code": QT_TRANSLATE_NOOP("People", "A station code is 1 to 32 letters, digits, - or _ "
                                                    "(e.g. ST-01)."),
    "bad_time_zone": QT_TRANSLATE_NOOP("People", "The time zone %1 is not known; choose one like "
                                                 "Europe/Amsterdam."),
    "bad_window": QT_TRANSLATE_NOOP("People", "A return window is 0 to 3650 days."),
    "bad_policy": QT_TRANSLATE_NOOP("People", "A fee or deduction is 0 to 100 %."),
    "already_set_up": QT_TRANSLATE_NOOP("People", "This station is already set up."),
    "badge_twice": QT_TRANSLATE_NOOP("People", "Badge %1 is also on line %2."),
    "already_here": QT_TRANSLATE_NOOP("People", "%1 is already here; change them in the list instead."),
    "name_twice": QT_TRANSLATE_NOOP("People", "%1 is also on line %2."),
    "deactivated": QT_TRANSLATE_NOOP("People", "%1 (badge %2) is deactivated. Reactivate? Write yes in the "
                                               "column reactivate, or activate them in the list."),
    "badge_deactivated": QT_TRANSLATE_NOOP("People", "Badge %1 belongs to %2, who is deactivated; it is "
                                                     "never given to somebody else."),
    "deactivated_several": QT_TRANSLATE_NOOP("People", "Several deactivated people are called %1; give the "
                                                       "badge code of the one to reactivate."),
    "bad_reactivate": QT_TRANSLATE_NOOP("People", "Reactivate is yes or no (or empty)."),
    "empty": QT_TRANSLATE_NOOP("People", "The file names nobody."),
    "no_header": QT_TRANSLATE_NOOP("People", "The first line must name the columns, at least name and role."),
    "encoding": QT_TRANSLATE_NOOP("People", "The file is not UTF-8 text. Save it as 'CSV UTF-8'."),
    "too_big": QT_TRANSLATE_NOOP("People", "The file is larger than 2 MB; is it the right file?"),
    "unreadable": QT_TRANSLATE_NOOP("People", "The file cannot be read."),
    "no_warehouse": QT_TRANSLATE_NOOP("People", "Give the warehouse's code."),
    "wrong_station_code": QT_TRANSLATE_NOOP("People", "The enrolment code is for station %1."),
    "bad_code": QT_TRANSLATE_NOOP("People", "This is not a usable enrolment code. Copy it again, all of "
                                            "it (it starts with RI1-)."),
    "code_used": QT_TRANSLATE_NOOP("People", "The central database refused this enrolment code: it was used "
                                             "already, or the station was enrolled again since. Ask IT for a "
                                             "new code."),
    "wrong_station": QT_TRANSLATE_NOOP("People", "The central database does not know this code's station. "
                                                 "Ask IT for a new code."),
    "unreachable": QT_TRANSLATE_NOOP("People", "The central database cannot be reached. Check the network "
                                               "and try again, or leave the code empty for now."),
}


def people_error(exc: BaseException) -> str:
    """The problem in the user's language (the English message for a code without a text)."""
    code = getattr(exc, "code", "")
    text = PEOPLE_PROBLEMS.get(code)
    if text is None:
        return str(exc)
    return fill(translated("People", text), *getattr(exc, "params", ()))
