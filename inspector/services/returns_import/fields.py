"""Checking and normalising single field values of an import row (RMA, GTIN, dates, prices...)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from inspector.models.enums import (
    Channel,
)
from inspector.scanning.checkdigits import gs1_check_digit, luhn_check_digit
from inspector.services.returns_import.columns import MAX_LENGTHS, _label_key
from inspector.services.returns_import.report import RejectionCode
from inspector.services.returns_import.vocabulary import (
    CARRIER_ALIASES,
    CATEGORY_SYNONYMS,
    CHANNEL_SYNONYMS,
    COUNTRIES,
    COUNTRY_SYNONYMS,
    CURRENCIES,
    REASON_SYNONYMS,
    REFUND_SYNONYMS,
    SEGMENTS,
)

# --- Field checks -------------------------------------------------------------------------------------


class _Invalid(Exception):
    def __init__(self, code: RejectionCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


_PLAIN_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_RMA = re.compile(r"RMA([0-9]{8})")  # ASCII digits only: the check digit is computed on them
_EMAIL = re.compile(r"[^@\s]+@(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}")
_TRACKING = re.compile(r"[A-Z0-9]{4,64}")


def _check_text(value: str, column: str) -> None:
    """Refuse bytes that were not UTF-8 and spreadsheet formulas (CSV injection)."""
    if not value or (value.isascii() and not value.startswith(_FORMULA_START) and value[0] != " "):
        return  # the common case, fast
    if _ESCAPED_BYTE.search(value):
        raise _Invalid(
            RejectionCode.ENCODING,
            f"The {column} value is not UTF-8 text (the file was probably saved as "
            f"Windows-1252/ANSI); save the file as 'CSV UTF-8' and import it again.",
        )
    stripped = value.strip(" ")
    if (
        value.strip()
        and (value.startswith(_FORMULA_START) or stripped.startswith(_FORMULA_START))
        and not _PLAIN_NUMBER.fullmatch(value.strip())
    ):
        shown = {"\t": "a tab", "\r": "a carriage return"}.get(stripped[:1], repr(stripped[:1]))
        raise _Invalid(
            RejectionCode.FORMULA,
            f"The {column} value starts with {shown}, which a spreadsheet would run as a "
            f"formula; the row is refused.",
        )


def _max_length(value: str, name: str, column: str) -> str:
    limit = MAX_LENGTHS.get(name)
    if limit is not None and len(value) > limit:
        raise _Invalid(
            RejectionCode.TOO_LONG,
            f"The {column} value is {len(value)} characters long; at most {limit} are allowed.",
        )
    return value


def normalise_rma(value: str) -> str:
    """Upper case without spaces: the form RMA numbers are grouped and stored in."""
    return "".join(value.split()).upper()


def _parse_rma(value: str, column: str) -> str:
    rma = normalise_rma(value)
    match = _RMA.fullmatch(rma)
    if not match:
        raise _Invalid(
            RejectionCode.BAD_RMA, f"RMA number {value!r} is not valid: expected 'RMA' and 8 digits."
        )
    digits = match.group(1)
    expected = luhn_check_digit(digits[:7])
    if digits[7] != expected:
        raise _Invalid(
            RejectionCode.BAD_RMA,
            f"RMA number {rma} has a wrong check digit (expected {expected}); it was probably mistyped.",
        )
    return rma


def _parse_gtin(value: str, column: str) -> str:
    gtin = "".join(value.split())
    if re.fullmatch(r"\d+([.,]\d+)?E\+\d+", gtin, re.IGNORECASE):
        raise _Invalid(
            RejectionCode.BAD_GTIN,
            f"GTIN {value!r} was turned into a number by a spreadsheet; "
            f"format the {column} column as text and export again.",
        )
    if not gtin.isascii() or not gtin.isdigit() or len(gtin) not in (8, 12, 13, 14):
        hint = " (leading zeros lost in a spreadsheet?)" if gtin.isdigit() and len(gtin) in (7, 11) else ""
        raise _Invalid(
            RejectionCode.BAD_GTIN, f"GTIN {value!r} is not valid: expected 8, 12, 13 or 14 digits{hint}."
        )
    expected = gs1_check_digit(gtin[:-1])
    if gtin[-1] != expected:
        raise _Invalid(RejectionCode.BAD_GTIN, f"GTIN {gtin} has a wrong check digit (expected {expected}).")
    return gtin


def _parse_email(value: str, column: str) -> str:
    email = value.strip().lower()
    if not _EMAIL.fullmatch(email) or ".." in email or len(email) > 254:
        raise _Invalid(RejectionCode.BAD_EMAIL, f"E-mail address {value!r} is not valid.")
    return email


def _parse_country(value: str, column: str) -> str:
    key = _label_key(value)
    code = COUNTRY_SYNONYMS.get(key, key.upper())
    if code not in COUNTRIES:
        raise _Invalid(
            RejectionCode.UNKNOWN_COUNTRY,
            f"Country {value!r} is not one we ship returns from; use an ISO 3166 code such as NL, BE or DE.",
        )
    return code


def normalise_postcode(value: str, country: str) -> str:
    """The postcode as stored: NL '1234 ab' -> '1234AB'; otherwise upper case, single spaces."""
    compact = "".join(value.split()).upper()
    if country == "NL":
        return compact
    return " ".join(value.split()).upper()


def _parse_postcode(value: str, country: str, column: str) -> str:
    postcode = normalise_postcode(value, country)
    patterns = {
        "NL": r"[1-9]\d{3}[A-Z]{2}",
        "BE": r"\d{4}",
        "DE": r"\d{5}",
        "LU": r"(L-)?\d{4}",
        "AT": r"\d{4}",
        "FR": r"\d{5}",
    }
    pattern = patterns.get(country, r"[A-Z0-9][A-Z0-9 -]{1,14}")
    if not re.fullmatch(pattern, postcode):
        raise _Invalid(RejectionCode.BAD_POSTCODE, f"Postcode {value!r} is not a valid {country} postcode.")
    return postcode


_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_DMY_TIME = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?")


def _parse_date(value: str, column: str) -> date:
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            parsed = date.fromisoformat(text)
        elif match := _DMY.fullmatch(text):
            parsed = date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        else:
            raise ValueError
    except ValueError:
        raise _Invalid(
            RejectionCode.BAD_DATE, f"The {column} value {value!r} is not a date; use YYYY-MM-DD."
        ) from None
    if parsed.year < 2000 or parsed > datetime.now(UTC).date() + timedelta(days=1):
        raise _Invalid(RejectionCode.BAD_DATE, f"The {column} date {text} is implausible (in the future?).")
    return parsed


def _parse_datetime(value: str, column: str, zone: ZoneInfo | None) -> datetime:
    text = value.strip()
    try:
        if match := _DMY_TIME.fullmatch(text):
            day, month, year, hour, minute, second = (int(g or 0) for g in match.groups())
            parsed = datetime(year, month, day, hour, minute, second)
        elif re.match(r"\d{4}-\d{2}-\d{2}", text):
            parsed = datetime.fromisoformat(text)
        else:
            raise ValueError
    except ValueError:
        raise _Invalid(
            RejectionCode.BAD_DATE,
            f"The {column} value {value!r} is not a date and time; use ISO 8601, "
            f"e.g. 2025-03-14T09:30:00+01:00.",
        ) from None
    if parsed.tzinfo is None:
        if zone is None:
            raise _Invalid(
                RejectionCode.BAD_DATE,
                f"The {column} value {value!r} has no time zone and the warehouse's "
                f"time zone is unknown on this computer; add an offset such as +01:00.",
            )
        parsed = parsed.replace(tzinfo=zone)
    parsed = parsed.astimezone(UTC)
    if parsed.year < 2000 or parsed > datetime.now(UTC) + timedelta(days=1):
        raise _Invalid(RejectionCode.BAD_DATE, f"The {column} time {text} is implausible (in the future?).")
    return parsed


def _parse_quantity(value: str, column: str) -> int:
    text = value.strip()
    if not re.fullmatch(r"[+-]?\d+", text):
        raise _Invalid(RejectionCode.BAD_QUANTITY, f"Quantity {value!r} is not a whole number.")
    quantity = int(text)
    if quantity <= 0:
        raise _Invalid(RejectionCode.BAD_QUANTITY, f"Quantity {quantity} must be at least 1.")
    if quantity > 9999:
        raise _Invalid(RejectionCode.BAD_QUANTITY, f"Quantity {quantity} is implausibly large.")
    return quantity


_PRICE = re.compile(
    r"(?P<whole>\d{1,3}(?:(?P<sep>[.,])\d{3}(?:(?P=sep)\d{3})*)?|\d+)(?:(?P<dec>[.,])(?P<frac>\d{1,2}))?"
)


def parse_price_cents(value: str) -> int:
    """A price in major units ('12.95', '12,95', '1.234,50', '€ 5') as integer cents.

    Raises ValueError for anything else: negative amounts, more than two decimals, or a lone
    separator followed by three digits ('1.234'), which could mean either 1234 or 1.234.
    """
    text = value.strip().removeprefix("€").removesuffix("€").strip()
    match = _PRICE.fullmatch(text)
    if not match:
        raise ValueError(value)
    whole, thousands, decimal_sep, fraction = match.group("whole", "sep", "dec", "frac")
    if thousands and decimal_sep and thousands == decimal_sep:
        raise ValueError(value)
    if thousands and not decimal_sep and whole.count(thousands) == 1:
        raise ValueError(value)  # '1.234' or '1,234': ambiguous
    if thousands:
        whole = whole.replace(thousands, "")
    try:
        amount = Decimal(whole) + (Decimal(fraction) / (10 ** len(fraction)) if fraction else 0)
    except InvalidOperation:
        raise ValueError(value) from None
    return int(amount * 100)


def _parse_price(value: str, column: str) -> int:
    try:
        cents = parse_price_cents(value)
    except ValueError:
        raise _Invalid(
            RejectionCode.BAD_PRICE, f"Price {value!r} is not a valid amount; use e.g. 49.95 or 49,95."
        ) from None
    if cents > 100_000_000:
        raise _Invalid(RejectionCode.BAD_PRICE, f"Price {value!r} is implausibly large.")
    return cents


def _parse_currency(value: str, column: str) -> str:
    code = value.strip().upper()
    if code not in CURRENCIES:
        raise _Invalid(RejectionCode.UNKNOWN_CURRENCY, f"Currency {value!r} is not known; use e.g. EUR.")
    return code


def _parse_line_no(value: str, column: str) -> int:
    text = value.strip()
    if not re.fullmatch(r"\d{1,4}", text) or int(text) == 0:
        raise _Invalid(
            RejectionCode.BAD_LINE_NO, f"Line number {value!r} is not a whole number from 1 to 9999."
        )
    return int(text)


def _lookup(table: dict[str, Any], code: RejectionCode, what: str) -> Callable[[str, str], Any]:
    allowed = ", ".join(sorted({str(v) for v in table.values()}))

    def parse(value: str, column: str) -> Any:
        found = table.get(_label_key(value))
        if found is None:
            raise _Invalid(code, f"Unknown {what} {value!r} in {column}; use one of {allowed}.")
        return found

    return parse


def _parse_tracking(value: str, column: str) -> str:
    tracking = "".join(value.split()).upper()
    if not _TRACKING.fullmatch(tracking):
        raise _Invalid(
            RejectionCode.BAD_TRACKING,
            f"Tracking number {value!r} is not valid: letters and digits only, 4 to 64.",
        )
    return tracking


def normalise_carrier(value: str) -> str:
    """The carrier as a code: 'PostNL' -> 'postnl', 'DHL Parcel' -> 'dhl'; unknown ones snake_cased."""
    key = _label_key(value)
    return CARRIER_ALIASES.get(key, key.replace(" ", "_"))


def _parse_name(value: str, column: str) -> str:
    return " ".join(value.split())


def _parse_plain(value: str, column: str) -> str:
    return value.strip()


def _parse_code(value: str, column: str) -> str:
    return " ".join(value.split())


def _parse_house_number(value: str, column: str) -> str:
    return " ".join(value.split()).upper()


# Fields checked with the simple (value, column) form; postcode and announced_at need context.
_PARSERS: dict[str, Callable[[str, str], Any]] = {
    "rma_number": _parse_rma,
    "order_number": _parse_code,
    "customer_name": _parse_name,
    "customer_email": _parse_email,
    "customer_segment": _lookup(SEGMENTS, RejectionCode.UNKNOWN_SEGMENT, "customer segment"),
    "house_number": _parse_house_number,
    "country": _parse_country,
    "channel": _lookup(CHANNEL_SYNONYMS, RejectionCode.UNKNOWN_CHANNEL, "channel"),
    "delivered_on": _parse_date,
    "refund_choice": _lookup(REFUND_SYNONYMS, RejectionCode.UNKNOWN_REFUND_CHOICE, "refund choice"),
    "carrier": lambda value, column: normalise_carrier(value),
    "tracking_number": _parse_tracking,
    "warehouse": _parse_code,
    "line_no": _parse_line_no,
    "sku": _parse_code,
    "gtin": _parse_gtin,
    "product_name": _parse_name,
    "category": _lookup(CATEGORY_SYNONYMS, RejectionCode.UNKNOWN_CATEGORY, "category"),
    "quantity": _parse_quantity,
    "unit_price": _parse_price,
    "currency": _parse_currency,
    "reason": _lookup(REASON_SYNONYMS, RejectionCode.UNKNOWN_REASON, "return reason"),
    "customer_comment": _parse_plain,
    "expected_serial": _parse_code,
}

# Fields with few distinct values, whose checks are remembered during one import.
_CACHED_FIELDS = frozenset(
    (
        "customer_segment",
        "country",
        "channel",
        "delivered_on",
        "refund_choice",
        "carrier",
        "warehouse",
        "category",
        "quantity",
        "unit_price",
        "currency",
        "reason",
        "line_no",
    )
)

_DEFAULTS: dict[str, Any] = {
    "customer_segment": "regular",
    "channel": Channel.PORTAL,
    "delivered_on": None,
    "carrier": "",
    "tracking_number": "",
    "warehouse": None,
    "line_no": None,
    "gtin": "",
    "currency": "EUR",
    "customer_comment": "",
    "expected_serial": "",
}
