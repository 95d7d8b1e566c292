"""The rules for people's records: names, roles, badge codes and PINs (Qt-free, no database).

Problems are :class:`PeopleError` with a stable ``code`` (the GUI translates it, see
``inspector/ui/people_texts.py``) and an English message for the command line.
"""

from __future__ import annotations

import re
import secrets

from inspector.models import Role

# Badge codes made here: "BDG-" and 10 characters without look-alikes (0/O, 1/I/L, U):
# 30**10 = 5.9e14 codes, so nobody guesses a colleague's badge; 14 characters fit Code 128 on a 62 mm label.
BADGE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
BADGE_PREFIX = "BDG-"
BADGE_LENGTH = 10
BADGE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9-]{3,31}$")
NAME_MAX = 120
LANGUAGES = ("", "nl", "en")
MIN_PIN = {Role.ADMIN: 6, Role.TEAM_LEAD: 4, Role.SUPERVISOR: 4}
MAX_PIN = 12
ROLE_WORDS = {
    "inspector": Role.INSPECTOR, "inspecteur": Role.INSPECTOR,
    "supervisor": Role.SUPERVISOR, "leidinggevende": Role.SUPERVISOR,
    "team_lead": Role.TEAM_LEAD, "team lead": Role.TEAM_LEAD, "team-lead": Role.TEAM_LEAD,
    "teamlead": Role.TEAM_LEAD, "teamleider": Role.TEAM_LEAD,
    "admin": Role.ADMIN, "administrator": Role.ADMIN, "beheerder": Role.ADMIN,
}


class PeopleError(ValueError):
    """A person's record was refused; ``code`` is stable, ``params`` fill the translated text."""

    def __init__(self, code: str, message: str, *params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


def new_badge_code() -> str:
    """An unguessable badge code, e.g. ``BDG-7K2M9QP4RX``."""
    return BADGE_PREFIX + "".join(secrets.choice(BADGE_ALPHABET) for _ in range(BADGE_LENGTH))


def clean_badge(code: str) -> str:
    """A typed or scanned badge code as stored (upper case, no spaces); PeopleError when unusable."""
    cleaned = code.strip().upper()
    if not BADGE_PATTERN.match(cleaned):
        raise PeopleError(
            "bad_badge", f"badge code {code!r} must be 4-32 letters, digits or '-'", code
        )
    return cleaned


def clean_name(name: str) -> str:
    """A person's name, trimmed; PeopleError when empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise PeopleError("no_name", "a person needs a name")
    if len(cleaned) > NAME_MAX:
        raise PeopleError("long_name", f"a name has at most {NAME_MAX} characters", NAME_MAX)
    return cleaned


def parse_role(text: str | Role) -> Role:
    """A role from its value or a common word for it (English or Dutch)."""
    if isinstance(text, Role):
        return text
    role = ROLE_WORDS.get(" ".join(text.strip().lower().split()))
    if role is None:
        raise PeopleError(
            "bad_role", f"role {text!r} is not one of inspector, supervisor, team_lead, admin", text
        )
    return role


def parse_language(text: str) -> str:
    """'' (follow the station), 'nl' or 'en'."""
    language = text.strip().lower()
    if language not in LANGUAGES:
        raise PeopleError("bad_language", f"language {text!r} is not nl or en", text)
    return language


def check_pin(role: Role, pin: str, again: str | None = None) -> str:
    """The PIN if it suits ``role`` (digits only; admins at least 6); PeopleError otherwise.

    ``again`` is the PIN typed a second time: they must match.
    """
    if not role.needs_pin:
        raise PeopleError("pin_not_needed", "inspectors log in with their badge only; they have no PIN")
    if again is not None and again != pin:
        raise PeopleError("pin_mismatch", "the two PINs differ")
    least = MIN_PIN.get(role, 4)
    if not pin.isascii() or not pin.isdigit() or not least <= len(pin) <= MAX_PIN:
        raise PeopleError(
            "bad_pin", f"a PIN for this role is {least} to {MAX_PIN} digits", least, MAX_PIN
        )
    if len(set(pin)) == 1 or pin in "01234567890123456789" or pin in "98765432109876543210":
        raise PeopleError("weak_pin", "a PIN of one repeated digit or a run like 123456 is too easy to guess")
    return pin
