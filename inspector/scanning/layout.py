"""Detect and repair wedge input garbled by Caps Lock or a keyboard-layout mismatch.

A wedge scanner sends key *positions* for a US layout. With Caps Lock on, letter case is inverted; on a
French/Belgian AZERTY layout the unshifted digit row yields ``&é"'(-è_çà`` and A/Q, Z/W swap; on a German
QWERTZ layout Y/Z swap and ``-`` arrives as ``ß``. A repair is only applied when it is unambiguous: the
repaired text validates (``validator``) and the original does not, and exactly one repair does so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

AZERTY_DIGITS = {
    "&": "1",
    "é": "2",
    '"': "3",
    "'": "4",
    "(": "5",
    "-": "6",
    "§": "6",
    "è": "7",
    "_": "8",
    "!": "8",
    "ç": "9",
    "à": "0",
}
_AZERTY_LETTERS = {"A": "Q", "Q": "A", "Z": "W", "W": "Z", "a": "q", "q": "a", "z": "w", "w": "z"}
_QWERTZ = {"Y": "Z", "Z": "Y", "y": "z", "z": "y", "ß": "-"}
_AZERTY_STRONG = frozenset("éèçà§")


@dataclass(frozen=True)
class LayoutRepair:
    """A detected garbling: ``hint`` for the operator and the repaired ``text`` (None if ambiguous)."""

    hint: str
    text: str | None
    code: str = ""  # caps_lock, azerty, azerty_caps, qwertz, ambiguous, azerty_unrepaired


def _default_validator(text: str) -> bool:
    from inspector.scanning.identify import identify

    return identify(text).valid


def swap_caps(text: str) -> str:
    """Invert the case of every letter (what Caps Lock did to a scanner's output)."""
    return text.swapcase()


def from_azerty(text: str) -> str:
    """Map text typed on AZERTY with US key positions back to what the scanner meant."""
    return "".join(AZERTY_DIGITS.get(c, _AZERTY_LETTERS.get(c, c)) for c in text)


def from_azerty_digits(text: str) -> str:
    """Map only the AZERTY digit row back (keeps letters)."""
    return "".join(AZERTY_DIGITS.get(c, c) for c in text)


def from_qwertz(text: str) -> str:
    """Map text typed on QWERTZ with US key positions back (Y/Z swap, ß -> -)."""
    return "".join(_QWERTZ.get(c, c) for c in text)


def _caps_suspect(text: str) -> bool:
    letters = [c for c in text if c.isalpha() and c.isascii()]
    if not letters:
        return False
    if _is_url(text):
        return text[:4].isupper()
    return all(c.islower() for c in letters)


def _safe(validate: Callable[[str], bool], text: str) -> bool:
    try:
        return bool(validate(text))
    except Exception:  # a broken validator must not break scanning
        return False


def _is_url(text: str) -> bool:
    return text[:8].lower().startswith(("http://", "https://"))


def _upper_case_kind(text: str) -> bool:
    from inspector.scanning.identify import identify

    return identify(text).kind in {"rma", "badge", "location", "tracking"}


def repair_layout(text: str, validator: Callable[[str], bool] | None = None) -> LayoutRepair | None:
    """Return a :class:`LayoutRepair` if ``text`` looks garbled by Caps Lock or keyboard layout, else None."""
    validate = validator or _default_validator
    attempts: list[tuple[str, str]] = []
    if _caps_suspect(text):
        swapped = swap_caps(text)
        # identify() is case-insensitive for these kinds, so the original may "validate" too: repair to the
        # canonical upper-case form whenever the inverted text is a known upper-case format.
        if _safe(validate, swapped) and (_is_url(text) or _upper_case_kind(swapped)):
            return LayoutRepair(
                "Caps Lock seems to be on (letter case arrived inverted); repaired. "
                "Please switch Caps Lock off.",
                swapped,
                "caps_lock",
            )
    if any(c in AZERTY_DIGITS for c in text):
        hint = "Keyboard layout looks like AZERTY (digits arrived as &é\"'(-è_çà)"
        attempts.append((hint, from_azerty_digits(text), "azerty"))
        attempts.append((hint, from_azerty(text), "azerty"))
        if _caps_suspect(from_azerty(text)):
            attempts.append((hint + " and Caps Lock seems on", swap_caps(from_azerty(text)), "azerty_caps"))
    if any(c in _QWERTZ for c in text):
        attempts.append(("Keyboard layout looks like QWERTZ (Y/Z swapped)", from_qwertz(text), "qwertz"))
    attempts = [(h, t, c) for h, t, c in attempts if t != text]
    if not attempts:
        return None
    if _safe(validate, text):
        return None
    good = [(h, t, c) for h, t, c in attempts if _safe(validate, t)]
    distinct = {t for _, t, _ in good}
    if len(distinct) == 1:
        hint, fixed, code = good[0]
        return LayoutRepair(f"{hint}; repaired. Please check the keyboard settings.", fixed, code)
    if len(distinct) > 1:
        return LayoutRepair(
            "Input looks garbled by keyboard layout or Caps Lock; several repairs possible, none applied.",
            None,
            "ambiguous",
        )
    if any(c in _AZERTY_STRONG for c in text):
        return LayoutRepair(
            "Keyboard layout looks like AZERTY; set the scanner's keyboard country or the "
            "station layout to US.",
            None,
            "azerty_unrepaired",
        )
    return None
