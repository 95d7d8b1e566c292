"""Generators for demo data and tests: valid tracking numbers, GTINs, SSCCs.

Every generated tracking number is checked against :func:`inspector.scanning.identify.identify` and
regenerated until it is ``kind == "tracking"``, valid, with the requested carrier as top candidate
(``make_tracking(..., verify=False)`` skips the check for formats that cannot be ambiguous).
"""

from __future__ import annotations

import random
import string

from inspector.scanning.checkdigits import (
    compute_check,
    gls_check_digit,
    gs1_check_digit,
    mod_37_36_check_char,
    ups_check_digit,
)

CARRIERS = ("postnl", "dhl", "dpd", "gls", "ups")


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _letters(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(n))


def _raw_tracking(carrier: str, rng: random.Random) -> str:
    if carrier == "postnl":
        return f"3S{_letters(rng, 4)}{_digits(rng, 9)}"
    if carrier == "dhl":
        body = "003404" + _digits(rng, 13)
        return body + gs1_check_digit(body)
    if carrier == "dpd":
        body = _digits(rng, 14)
        return body + mod_37_36_check_char(body)
    if carrier == "gls":
        body = _digits(rng, 11)
        return body + gls_check_digit(body)
    if carrier == "ups":
        body = "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(6))
        body += rng.choice(["01", "02", "03", "12", "13", "42"]) + _digits(rng, 7)
        return "1Z" + body + ups_check_digit(body)
    raise ValueError(f"unknown carrier {carrier!r}; expected one of {CARRIERS}")


# Formats of _raw_tracking() that no other carrier's format in resources/carriers can match: their
# numbers need no identify() check. GLS's 12 digits also pass FedEx's or Purolator's check now and then.
_UNAMBIGUOUS = frozenset({"postnl", "dhl", "dpd", "ups"})


def make_tracking(carrier: str, rng: random.Random, *, verify: bool = True) -> str:
    """A random valid tracking number of ``carrier`` ("postnl", "dhl", "dpd", "gls", "ups").

    identify() classifies the result as ``tracking``, ``valid=True``, with ``carrier`` as top candidate.
    Formats: PostNL 3S + 4 letters + 9 digits; DHL Paket 20 digits (003404...); DPD 14 digits + MOD 37,36
    check character; GLS 12 digits; UPS 1Z.

    ``verify=False`` is the fast path for bulk demo data: numbers of the unambiguous formats are
    returned without calling identify() (a few hundred microseconds each); GLS numbers are still
    verified, because some of them are also valid FedEx or Purolator numbers.
    """
    if not verify and carrier in _UNAMBIGUOUS:
        return _raw_tracking(carrier, rng)
    from inspector.scanning.identify import identify  # local import: identify imports heavy biip

    for _ in range(1000):
        number = _raw_tracking(carrier, rng)
        result = identify(number)
        if result.kind == "tracking" and result.valid and result.candidates[0].carrier == carrier:
            return number
    raise RuntimeError(f"could not generate an unambiguous {carrier} number")  # pragma: no cover


def make_gtin13(rng: random.Random, prefix: str = "87") -> str:
    """A random EAN-13 with valid check digit starting with ``prefix`` (default 87 = GS1 Netherlands)."""
    body = prefix + _digits(rng, 12 - len(prefix))
    return body + gs1_check_digit(body)


def make_sscc(rng: random.Random, extension: str = "3", company: str = "871234567") -> str:
    """A random 18-digit SSCC with valid check digit."""
    body = extension + company + _digits(rng, 16 - len(company))
    return body + gs1_check_digit(body)


def check_for(algorithm: str, body: str) -> str:
    """Check character of ``body`` under a named algorithm (see :func:`checkdigits.compute_check`)."""
    return compute_check(algorithm, body)
