"""Classify a scanned or typed string: tracking number, RMA, GTIN, GS1 element string, SSCC, badge, location.

``identify(text)`` never raises for any ``str`` input. Ambiguity is reported, not hidden: a 12- or
13-digit GTIN with a valid GS1 check digit is ``kind="gtin"`` but carrier formats that also match are
listed in ``candidates`` so the caller can decide by context.

Project conventions (other code depends on them):

* RMA: ``"RMA"`` + 8 digits, the last a Luhn check digit over the first 7; case, spaces and dashes are
  tolerated. Return-portal QR URLs ``https://returns.<host>/r/RMA...?pc=1234AB`` or ``...?rma=RMA...``.
* Typed input is read as the scanner would send it: Unicode compatibility forms are folded (NFKC:
  fullwidth ``ＲＭＡ１２…`` is ``RMA12…``) and every Unicode decimal digit (Arabic-Indic ``١٢٣``,
  Devanagari, ...) counts as its ASCII digit; ``input`` keeps what was given.
* Badge: ``"BDG"`` + 6 digits. Location: ``"LOC-"`` + aisle letters + ``-NN-NN``.
* SSCC: 18 digits with GS1 check digit, or AI (00). GTIN: 8/12/13/14 digits with GS1 check digit,
  normalised to 14 digits; UPC-E expands to UPC-A (8 digits; 6 and 7 digits only when the caller
  expects a product code or the scanner says UPC-E). An 8-digit code valid both as EAN-8 and as UPC-E
  is EAN-8 with the UPC-E reading in ``fields["alternatives"]``.
* GS1 element strings without AIM prefix (``0105901234123457``, ``01...15...10...``) are ``gs1`` when
  biip parses them whole with every check digit and date holding; they win over carrier formats
  whose check fails or that any N digits match, and those formats are listed as candidates.
"""

from __future__ import annotations

import re
import unicodedata
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

import biip
from biip.gs1_messages import GS1Message
from biip.upc import Upc

from inspector.scanning.carriers import CarrierMatch, match_tracking, normalize_tracking
from inspector.scanning.checkdigits import gs1_check_digit, gs1_valid, luhn_check_digit, luhn_valid
from inspector.scanning.events import GS, GS1_AIM_IDS, parse_aim, strip_control_chars

KINDS = ("tracking", "rma", "gtin", "gs1", "sscc", "badge", "location", "unknown")
GS1_SYMBOLOGIES = frozenset({"GS1-128", "GS1DataMatrix", "GS1QRCode", "GS1DataBar"})

_RMA_RE = re.compile(r"^RMA(\d+)$")
_RMA_IN_TEXT = re.compile(r"RMA[\s-]*\d[\d\s-]*", re.IGNORECASE)
_BADGE_RE = re.compile(r"^BDG(\d{6})$")
_LOCATION_RE = re.compile(r"^LOC-([A-Z]{1,3})-(\d{2})-(\d{2})$")
_URL_RE = re.compile(r"^https?://", re.IGNORECASE)
_HRI_RE = re.compile(r"^\(\d{2,4}\)")
_DATE_FIELDS = {"11": "production_date", "13": "packaging_date", "15": "best_before", "16": "sell_by",
                "17": "expiry", "12": "due_date"}
_AI_FIELDS = {"00": "sscc", "01": "gtin", "02": "content_gtin", "10": "batch", "21": "serial",
              "30": "count", "37": "count", "414": "gln", "240": "additional_id", "22": "cpv"}


@dataclass(frozen=True)
class CarrierCandidate:
    """A courier format the input matches, with the validity of that format's check digit/rules."""

    carrier: str
    service: str
    valid: bool

    def to_json(self) -> dict[str, Any]:
        """JSON-ready dict ``{"carrier", "service", "valid"}``."""
        return {"carrier": self.carrier, "service": self.service, "valid": self.valid}


@dataclass
class Identification:
    """What a scanned/typed string is.

    Attributes:
        input: The text as given.
        kind: One of ``KINDS``.
        valid: Check digits / dates / structure verified.
        normalized: Canonical form (``RMA12345674``, 14-digit GTIN, 18-digit SSCC, tracking number without
            spaces, GS1 human-readable ``(01)...(21)...``); ``""`` for unknown.
        candidates: Carrier formats matching the input, best first (also for gtin/sscc when ambiguous).
        fields: Kind-specific data (``gtin``, ``serial``, ``batch``, ``expiry`` ISO dates, ``rma``,
            ``postcode``, ``badge``, ``carrier`` ...). ``error`` explains an invalid result.
    """

    input: str
    kind: str
    valid: bool
    normalized: str
    candidates: list[CarrierCandidate] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """JSON-ready dict with keys input, kind, valid, normalized, candidates, fields."""
        return {
            "input": self.input,
            "kind": self.kind,
            "valid": self.valid,
            "normalized": self.normalized,
            "candidates": [c.to_json() for c in self.candidates],
            "fields": dict(self.fields),
        }


# --- generators used by demo data and tests -------------------------------------------------------------

def make_rma(n: int) -> str:
    """RMA number for sequence ``n`` (0 <= n < 10**7): ``"RMA"`` + 7 digits + Luhn check digit."""
    if not 0 <= n < 10**7:
        raise ValueError("RMA sequence must be in 0..9999999")
    body = f"{n:07d}"
    return f"RMA{body}{luhn_check_digit(body)}"


def make_badge(n: int) -> str:
    """Operator badge code for ``n`` (0 <= n < 10**6): ``"BDG"`` + 6 digits."""
    if not 0 <= n < 10**6:
        raise ValueError("badge number must be in 0..999999")
    return f"BDG{n:06d}"


def expand_upce(upce: str) -> str | None:
    """Expand a UPC-E (6, 7 or 8 digits, number system 0/1) to the 12-digit UPC-A, or None if it is none.

    The 8-digit form carries a check digit, which must hold; the 6- and 7-digit forms leave it out
    (number system 0 is implied by 6 digits). Parsing is biip's.
    """
    if not upce.isascii() or not upce.isdigit():
        return None
    try:
        return Upc.parse(upce).as_upc_a()
    except biip.ParseError:
        return None


# --- helpers ------------------------------------------------------------------------------------------

def _candidates(matches: list[CarrierMatch]) -> list[CarrierCandidate]:
    return [CarrierCandidate(m.carrier, m.service, m.valid) for m in matches]


def _result(text: str, kind: str, valid: bool, normalized: str, matches: list[CarrierMatch] | None = None,
            **fields: Any) -> Identification:
    return Identification(text, kind, valid, normalized, _candidates(matches or []), fields)


def _compact(text: str) -> str:
    return re.sub(r"[\s\-.]", "", text).upper()


def _identify_rma(text: str, compact: str) -> Identification | None:
    m = _RMA_RE.match(compact)
    if not m:
        return None
    digits = m.group(1)
    if len(digits) != 8:
        return _result(text, "rma", False, compact, error=f"RMA needs 8 digits, got {len(digits)}")
    ok = luhn_valid(digits)
    fields: dict[str, Any] = {"rma": compact}
    if not ok:
        fields["error"] = "RMA check digit is wrong"
    return _result(text, "rma", ok, compact, **fields)


def _identify_url(text: str, url: str) -> Identification:
    parsed = urllib.parse.urlsplit(url)
    query = {k.lower(): v for k, v in urllib.parse.parse_qsl(parsed.query)}
    rma_raw = query.get("rma")
    if rma_raw is None:
        path_match = re.search(r"/r/([^/?#]+)", parsed.path, re.IGNORECASE)
        rma_raw = urllib.parse.unquote(path_match.group(1)) if path_match else None
    if rma_raw is not None:
        inner = _identify_rma(text, _compact(rma_raw))
        if inner is not None:
            postcode = query.get("pc") or query.get("postcode")
            if postcode:
                inner.fields["postcode"] = re.sub(r"\s", "", postcode).upper()
            inner.fields["url"] = url
            return inner
    result = biip.parse(url)
    if result.gs1_digital_link_uri is not None:
        return _from_elements(text, result.gs1_digital_link_uri.element_strings, url, source="digital_link")
    if result.gs1_digital_link_uri_error and re.search(r"/(01|00|8006)/\d", parsed.path):
        return _result(text, "gs1", False, url, error=result.gs1_digital_link_uri_error)
    return _result(text, "unknown", False, "", url=url)


def _from_elements(text: str, elements: list[Any], normalized: str, source: str,
                   matches: list[CarrierMatch] | None = None) -> Identification:
    fields: dict[str, Any] = {}
    errors = []
    for es in elements:
        ai = es.ai.ai
        for err in (es.gtin_error, es.sscc_error, es.gln_error):
            if err:
                errors.append(err)
        if ai in _DATE_FIELDS:
            if es.date is None:
                errors.append(f"AI ({ai}) has an impossible date {es.value!r}")
                fields[_DATE_FIELDS[ai]] = es.value
            else:
                fields[_DATE_FIELDS[ai]] = es.date.isoformat()
        elif ai in _AI_FIELDS:
            fields[_AI_FIELDS[ai]] = es.value
        else:
            fields[f"ai_{ai}"] = es.value
    if errors:
        fields["error"] = "; ".join(errors)
    only_sscc = [es.ai.ai for es in elements] == ["00"]
    kind = "sscc" if only_sscc else "gs1"
    norm = fields["sscc"] if only_sscc else normalized
    fields["source"] = source
    return _result(text, kind, not errors and bool(elements), norm, matches, **fields)


def _identify_gs1(text: str, data: str, aim_id: str) -> Identification:
    data = data.strip()
    try:
        if _HRI_RE.match(data):
            message = GS1Message.parse_hri(re.sub(r"\s", "", data))
        else:
            message = GS1Message.parse(data.replace(" ", ""))
    except (biip.ParseError, ValueError) as exc:
        return _result(text, "gs1", False, "", error=str(exc))
    return _from_elements(text, message.element_strings, message.as_hri(), source="gs1_message")


def _identify_raw_gs1(text: str, data: str) -> Identification | None:
    """A GS1 element string scanned or typed without AIM prefix or FNC1 (``0105901234123457...``).

    Taken as GS1 only when biip parses all of it, every check digit and date holds, and at least one
    element carries a check digit (GTIN, SSCC or GLN): company-internal AIs (90-99) alone would claim
    many tracking numbers. A carrier format that verifies the number (its own check digit or a
    distinctive prefix) keeps it; carrier formats that merely match are listed as candidates.
    """
    if len(data) < 16 or not data[:2].isdigit():  # the shortest checked element: (01) + 14 digits
        return None
    try:
        message = GS1Message.parse(data)
    except (biip.ParseError, ValueError):
        return None
    elements = message.element_strings
    if not any(es.gtin or es.sscc or es.gln for es in elements):
        return None
    matches = match_tracking(normalize_tracking(data))
    if any(m.verified for m in matches):
        return None
    result = _from_elements(text, elements, message.as_hri(), "gs1_message", matches)
    return result if result.valid else None


def _gtin_format(digits: str) -> str:
    return {8: "EAN8", 12: "UPCA", 13: "EAN13", 14: "GTIN14"}[len(digits)]


def _upce(text: str, upca: str, matches: list[CarrierMatch]) -> Identification:
    return _result(text, "gtin", True, upca.zfill(14), matches, gtin=upca.zfill(14), format="UPCE", upca=upca)


def _identify_digits(text: str, digits: str, symbology: str, product: bool) -> Identification | None:
    n = len(digits)
    matches = match_tracking(digits)
    upce_hint = symbology.upper().replace("-", "") == "UPCE"
    if n in (6, 7) and (upce_hint or product):  # UPC-E without (6) or with (7) its number system digit
        upca = expand_upce(digits)
        return _upce(text, upca, matches) if upca else None
    if n == 8 and (upca := expand_upce(digits)):  # its check digit holds
        if upce_hint or not gs1_valid(digits):
            return _upce(text, upca, matches)
        # valid as EAN-8 and as UPC-E: EAN-8 first, the UPC-E reading named beside it
        return _result(text, "gtin", True, digits.zfill(14), matches, gtin=digits.zfill(14), format="EAN8",
                       alternatives=[upca.zfill(14)])
    if n in (8, 12, 13, 14):
        if gs1_valid(digits):
            return _result(text, "gtin", True, digits.zfill(14), matches,
                           gtin=digits.zfill(14), format=_gtin_format(digits))
        # A bad GS1 check digit stays a (corrupted) GTIN unless a carrier format verifies the number by
        # its own check digit or a distinctive prefix; "any 14 digits" formats are no evidence.
        if symbology.startswith(("EAN", "UPC")) or not any(m.verified for m in matches):
            expected = gs1_check_digit(digits[:-1])
            return _result(text, "gtin", False, digits.zfill(14), matches, gtin=digits.zfill(14),
                           format=_gtin_format(digits), error=f"GS1 check digit should be {expected}")
    if n == 18:
        ok = gs1_valid(digits)
        fields: dict[str, Any] = {"sscc": digits}
        if not ok:
            fields["error"] = f"SSCC check digit should be {gs1_check_digit(digits[:-1])}"
        if ok or not any(m.valid for m in matches):
            return _result(text, "sscc", ok, digits, matches, **fields)
    dhl_like = bool(matches and matches[0].valid and matches[0].prefix_len > 2)
    if n == 20 and digits.startswith("00") and gs1_valid(digits[2:]) and not dhl_like:
        return _result(text, "sscc", True, digits[2:], matches, sscc=digits[2:])
    return None


def _identify_tracking(text: str, candidate: str) -> Identification | None:
    matches = match_tracking(candidate)
    if not matches:
        return None
    top = matches[0]
    fields: dict[str, Any] = {"carrier": top.carrier, "service": top.service}
    if top.tracking_url:
        fields["tracking_url"] = top.tracking_url
    if "DestinationZip" in top.groups:
        fields["destination_zip"] = top.groups["DestinationZip"]
    if top.carrier == "dhl" and top.format_id == "dhl_paket_20":
        fields["sscc"] = top.normalized[2:]
    if not top.valid:
        fields["error"] = "check digit or format rule failed"
    return _result(text, "tracking", top.valid, top.normalized, matches, **fields)


def identify(text: str, symbology: str = "", *, product: bool = False) -> Identification:
    """Classify ``text`` (a scan or typed input). Never raises.

    ``symbology`` is an optional hint from the scan source (``ScanEvent.symbology``); an AIM symbology
    identifier at the start of ``text`` (``]C1``, ``]E0``, ``]d2``, ``]Q3`` ...) is honoured too, and GS
    (ASCII 29) separators are accepted in GS1 data. ``product``: the caller expects a product code (item
    verification), so 6- and 7-digit UPC-E (which carry no check digit) count as GTINs too.
    """
    try:
        return _identify(text, symbology, product)
    except Exception as exc:  # pragma: no cover - last-resort guard; identification is informative only
        return _result(text, "unknown", False, "", error=f"internal error: {exc}")


def ascii_digits(text: str) -> str:
    """``text`` folded by NFKC with every Unicode decimal digit as its ASCII digit (``١٢`` -> ``12``)."""
    folded = unicodedata.normalize("NFKC", text)
    if folded.isascii():
        return folded
    return "".join(c if c.isascii() or unicodedata.decimal(c, None) is None else str(unicodedata.decimal(c))
                   for c in folded)


def _identify(text: str, symbology: str, product: bool) -> Identification:
    if not isinstance(text, str):
        text = str(text)
    stripped = ascii_digits(text).strip(" \t\r\n")
    aim = parse_aim(stripped)
    data, _ = strip_control_chars(aim.data)
    symbology = aim.symbology or symbology
    if not data.strip():
        return _result(text, "unknown", False, "")
    if _URL_RE.match(data.strip()):
        return _identify_url(text, data.strip())
    is_gs1 = aim.aim_id in GS1_AIM_IDS or symbology in GS1_SYMBOLOGIES
    if data.startswith(GS):
        is_gs1, data = True, data.lstrip(GS)
    if is_gs1 or GS in data or _HRI_RE.match(data.strip()):
        return _identify_gs1(text, data, aim.aim_id)

    compact = _compact(data)
    if compact.startswith("RMA"):
        rma = _identify_rma(text, compact)
        if rma is not None:
            return rma
    if m := _BADGE_RE.match(compact):
        return _result(text, "badge", True, compact, badge=compact)
    location = re.sub(r"\s", "", data).upper()
    if m := _LOCATION_RE.match(location):
        return _result(text, "location", True, location, location=location, aisle=m.group(1),
                       rack=m.group(2), shelf=m.group(3))
    digits = re.sub(r"[\s\-]", "", data)
    if digits.isascii() and digits.isdigit():
        found = _identify_digits(text, digits, symbology, product)
        if found is not None:
            return found
    raw_gs1 = _identify_raw_gs1(text, re.sub(r"\s", "", data))
    if raw_gs1 is not None:
        return raw_gs1
    tracking = _identify_tracking(text, normalize_tracking(data))
    if tracking is None and "-" in data:
        tracking = _identify_tracking(text, _compact(data))
    if tracking is not None:
        return tracking
    return _result(text, "unknown", False, "")
