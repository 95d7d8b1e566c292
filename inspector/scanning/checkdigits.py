"""Check-digit algorithms for GS1 keys, RMA numbers and courier tracking numbers.

Every ``*_check_digit(body)`` returns the check character for ``body`` (so demo data can generate valid
numbers); every ``*_valid(number)`` validates a complete number. The courier algorithms follow
``resources/carriers/CHECKSUM_ALGORITHMS.md`` (jkeen/tracking_number_data, MIT) exactly, including its
quirks, because the carrier JSON files are specified against them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

_ALNUM36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _digits(body: str) -> list[int]:
    if not body.isascii() or not body.isdigit():
        raise ValueError(f"expected digits only, got {body!r}")
    return [int(c) for c in body]


# --- GS1 ---------------------------------------------------------------------------------------------

def gs1_check_digit(body: str) -> str:
    """GS1 mod-10 check digit for a GTIN/SSCC/GLN body (weights 3,1,3,... from the right)."""
    total = sum(d * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(_digits(body))))
    return str((10 - total % 10) % 10)


def gs1_valid(number: str) -> bool:
    """True when ``number`` (digits, at least 2) ends in its correct GS1 mod-10 check digit."""
    if len(number) < 2 or not number.isascii() or not number.isdigit():
        return False
    return gs1_check_digit(number[:-1]) == number[-1]


# --- Luhn --------------------------------------------------------------------------------------------

def luhn_check_digit(body: str) -> str:
    """Luhn (ISO/IEC 7812) check digit for ``body``."""
    total = 0
    for i, d in enumerate(reversed(_digits(body))):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    """True when ``number`` passes the Luhn check."""
    if len(number) < 2 or not number.isascii() or not number.isdigit():
        return False
    return luhn_check_digit(number[:-1]) == number[-1]


# --- Courier algorithms (CHECKSUM_ALGORITHMS.md) -------------------------------------------------------

def _mod10_value(c: str) -> int:
    return int(c) if c.isdigit() else (ord(c) - 3) % 10


def mod10_check_digit(
    sequence: str,
    *,
    evens_multiplier: int | None = None,
    odds_multiplier: int | None = None,
    reverse: bool = False,
) -> str:
    """The configurable "mod10" of CHECKSUM_ALGORITHMS.md (UPS, FedEx Ground, USPS, OnTrac ...).

    Letters count as ``(ord(c) - 3) % 10`` (the UPS rule). Positions are 0-based: ``evens_multiplier``
    applies to index 0, 2, 4 ..., ``odds_multiplier`` to index 1, 3, 5 ...
    """
    chars = list(reversed(sequence)) if reverse else list(sequence)
    total = 0
    for i, c in enumerate(chars):
        x = _mod10_value(c)
        if odds_multiplier is not None and i % 2 == 1:
            x *= odds_multiplier
        elif evens_multiplier is not None and i % 2 == 0:
            x *= evens_multiplier
        total += x
    return str((10 - total % 10) % 10)


def mod7_check_digit(sequence: str) -> str:
    """DHL Express mod 7: the check digit is ``int(sequence) % 7``."""
    return str(int(sequence) % 7)


def s10_check_digit(serial: str) -> str:
    """UPU S10 check digit over the 8-digit serial (weights 8,6,4,2,3,5,9,7; mod 11)."""
    if len(serial) != 8:
        raise ValueError("S10 serial must have 8 digits")
    total = sum(d * w for d, w in zip(_digits(serial), (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    remainder = total % 11
    check = 0 if remainder == 1 else 5 if remainder == 0 else 11 - remainder
    return str(check)


def s10_valid(number: str) -> bool:
    """Validate a complete 13-character S10 item id like ``EF123456785US`` (format + check digit)."""
    n = number.upper()
    if len(n) != 13 or not (n[:2].isalpha() and n[-2:].isalpha() and n[2:11].isdigit()):
        return False
    return s10_check_digit(n[2:10]) == n[10]


def sum_product_check_digit(sequence: str, weightings: Sequence[int], modulo1: int, modulo2: int) -> str:
    """FedEx Express: ``sum(digit * weight) % modulo1 % modulo2``."""
    total = sum(int(a) * b for a, b in zip(sequence, weightings, strict=False))
    return str(total % modulo1 % modulo2)


def mod_37_36_check_char(sequence: str) -> str:
    """ISO/IEC 7064 MOD 37,36 hybrid check character (DPD parcel label specification)."""
    mod = 36
    cd = mod
    for ch in sequence.upper():
        value = _ALNUM36.index(ch)
        cd = value + cd
        if cd > mod:
            cd -= mod
        cd *= 2
        if cd > mod:
            cd -= mod + 1
    cd = (mod + 1) - cd
    if cd == mod:
        cd = 0
    return _ALNUM36[cd]


def gls_check_digit(body: str) -> str:
    """GLS parcel number check digit over the first 11 digits.

    Weights 3,1,3,... from the left, add 1, check = ``(10 - (sum + 1) % 10) % 10``
    (GLS Uni-Box TechDoku 2D, chapter 3.2.1).
    """
    total = sum(d * (3 if i % 2 == 0 else 1) for i, d in enumerate(_digits(body)))
    return str((10 - (total + 1) % 10) % 10)


def ups_check_digit(body: str) -> str:
    """UPS 1Z check digit over the 15 characters after ``1Z``."""
    return mod10_check_digit(body.upper(), evens_multiplier=1, odds_multiplier=2)


def ups_valid(number: str) -> bool:
    """Validate a ``1Z`` + 16 character UPS tracking number."""
    n = number.upper().replace(" ", "")
    if len(n) != 18 or not n.startswith("1Z") or not n[2:].isalnum() or not n[-1].isdigit():
        return False
    return ups_check_digit(n[2:17]) == n[17]


def compute_check(name: str, sequence: str, params: Mapping[str, Any] | None = None) -> str:
    """Compute the check character of a named algorithm as used in the carrier JSON ``checksum`` blocks.

    Supported names: ``mod10``, ``mod7``, ``s10``, ``sum_product_with_weightings_and_modulo``,
    ``mod_37_36``, ``luhn``, ``gs1`` and ``gls``.
    """
    p = dict(params or {})
    if name == "mod10":
        return mod10_check_digit(
            sequence,
            evens_multiplier=_opt_int(p.get("evens_multiplier")),
            odds_multiplier=_opt_int(p.get("odds_multiplier")),
            reverse=bool(p.get("reverse", False)),
        )
    if name == "mod7":
        return mod7_check_digit(sequence)
    if name == "s10":
        return s10_check_digit(sequence)
    if name == "sum_product_with_weightings_and_modulo":
        weightings = p.get("weightings", [])
        return sum_product_check_digit(sequence, weightings, int(p["modulo1"]), int(p["modulo2"]))
    if name == "mod_37_36":
        return mod_37_36_check_char(sequence)
    if name == "luhn":
        return luhn_check_digit(sequence)
    if name == "gs1":
        return gs1_check_digit(sequence)
    if name == "gls":
        return gls_check_digit(sequence)
    raise ValueError(f"unknown checksum algorithm {name!r}")


def validate_check(name: str, sequence: str, check: str, params: Mapping[str, Any] | None = None) -> bool:
    """True when ``check`` is the correct check character of ``sequence``; False on any malformed input."""
    try:
        if name == "mod7":  # jkeen compares integers: int(sequence) % 7 == int(check)
            return check.isdigit() and int(sequence) % 7 == int(check)
        return compute_check(name, sequence, params) == check.upper()
    except (ValueError, KeyError, IndexError):
        return False


def _opt_int(value: Any) -> int | None:
    return None if value is None else int(value)
