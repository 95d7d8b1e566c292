"""Import of announced returns from the returns portal's export (CSV or JSON Lines). Qt-free.

The file format is documented in ``docs/import-format.md``. In short:

* **CSV**: one row per return line, rows of one return share its RMA number (they need not be
  adjacent). Delimiter ``,`` ``;`` or tab, sniffed from the header; UTF-8 with or without BOM.
* **JSON Lines** (``.jsonl``/``.ndjson``): one object per return with its ``lines`` as a list.

Every return is validated as a whole before anything is written: a return with one bad row is
rejected whole, and each of its rows is named in the report. Valid returns are written in
batches of :data:`BATCH_SIZE` per transaction. Re-importing an unchanged return changes nothing
(``Return.content_hash``, a SHA-256 of a canonical serialisation); a changed return is updated
line by line (by ``line_no``) without ever deleting a line that has inspections.

Files that are not UTF-8 are not guessed at: every row holding bytes that are not UTF-8 is
rejected (code ``encoding``), rows in plain ASCII are imported. UTF-16 with a byte-order mark
(Excel's "Unicode text") is decoded, since the mark makes it unambiguous.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, selectinload

from inspector.models.base import utcnow
from inspector.models.database import Database
from inspector.models.enums import (
    Category,
    Channel,
    RefundChoice,
    ReturnReason,
    ReturnSource,
    ReturnStatus,
)
from inspector.models.inspection import Inspection
from inspector.models.organisation import Warehouse
from inspector.models.returns import Parcel, Return, ReturnLine

BATCH_SIZE = 500
"""Returns written per transaction."""

HASH_VERSION = 1
"""Part of every content hash: bump it when the canonical form changes, so returns update once."""


class RejectionCode(StrEnum):
    """Machine-readable reason of a rejection, for the GUI to translate."""

    MISSING_FIELD = "missing_field"
    BAD_RMA = "bad_rma"
    BAD_GTIN = "bad_gtin"
    BAD_DATE = "bad_date"
    UNKNOWN_REFUND_CHOICE = "unknown_refund_choice"
    UNKNOWN_COUNTRY = "unknown_country"
    UNKNOWN_CATEGORY = "unknown_category"
    UNKNOWN_REASON = "unknown_reason"
    UNKNOWN_CHANNEL = "unknown_channel"
    UNKNOWN_SEGMENT = "unknown_segment"
    UNKNOWN_CURRENCY = "unknown_currency"
    UNKNOWN_WAREHOUSE = "unknown_warehouse"
    ENCODING = "encoding"
    FORMULA = "formula"
    BAD_QUANTITY = "bad_quantity"
    BAD_PRICE = "bad_price"
    BAD_EMAIL = "bad_email"
    BAD_POSTCODE = "bad_postcode"
    BAD_TRACKING = "bad_tracking"
    BAD_LINE_NO = "bad_line_no"
    DUPLICATE_LINE = "duplicate_line"
    DUPLICATE_RMA = "duplicate_rma"
    CONFLICT = "conflict"
    BAD_ROW = "bad_row"
    BAD_JSON = "bad_json"
    TOO_LONG = "too_long"
    RMA_REJECTED = "rma_rejected"


# ISO 3166-1 alpha-2: the EU, the rest of the EEA, and GB, CH, US.
EU_COUNTRIES = (
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
)
COUNTRIES: frozenset[str] = frozenset((*EU_COUNTRIES, "IS", "LI", "NO", "GB", "CH", "US"))
CURRENCIES: frozenset[str] = frozenset(
    ("EUR", "GBP", "CHF", "USD", "SEK", "DKK", "NOK", "PLN", "CZK", "HUF", "RON", "BGN", "ISK")
)
SEGMENTS: dict[str, str] = {
    "regular": "regular",
    "normal": "regular",
    "standard": "regular",
    "standaard": "regular",
    "normaal": "regular",
    "vip": "vip",
}


class ImportProblem(Exception):
    """The file cannot be imported at all (missing, unreadable, unsupported, no usable header).

    ``user_message`` is a plain English sentence; ``code`` is for the GUI to translate.
    """

    def __init__(self, code: str, user_message: str) -> None:
        super().__init__(user_message)
        self.code = code
        self.user_message = user_message


@dataclass
class Rejection:
    """One problem that kept a return out: where it is in the file and why."""

    file: str
    line: int  # 1-based physical line of the CSV row or JSON Lines object
    rma: str
    reason: str  # a plain English sentence
    code: str = RejectionCode.MISSING_FIELD.value
    column: str = ""  # the column (CSV header as written) or JSON key, when one is to blame

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.rma or '-'}: {self.reason}"


@dataclass
class ImportReport:
    """What an import did: counts per outcome, every rejection and warning."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    lines_read: int = 0
    file: str = ""
    returns_read: int = 0  # distinct returns (RMA numbers) in the file
    rejected_returns: int = 0
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        """True when no row was rejected."""
        return not self.rejected

    def summary(self) -> str:
        """One or two plain English sentences for the command line or a status line."""
        text = (
            f"{self.file}: {self.lines_read} {_plural(self.lines_read, 'line')} read, "
            f"{self.returns_read} {_plural(self.returns_read, 'return')}: {self.created} created, "
            f"{self.updated} updated, {self.unchanged} unchanged, {self.rejected_returns} rejected."
        )
        if self.warnings:
            text += f" {len(self.warnings)} {_plural(len(self.warnings), 'warning')}."
        if self.cancelled:
            done = self.created + self.updated + self.unchanged
            text += f" Cancelled after {done} returns; what was imported until then is kept."
        return text


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"


# --- Columns ------------------------------------------------------------------------------------------

HEADER_FIELDS = (
    "rma_number",
    "order_number",
    "customer_name",
    "customer_email",
    "customer_segment",
    "postcode",
    "house_number",
    "country",
    "channel",
    "delivered_on",
    "announced_at",
    "refund_choice",
    "carrier",
    "tracking_number",
    "warehouse",
)
LINE_FIELDS = (
    "line_no",
    "sku",
    "gtin",
    "product_name",
    "category",
    "quantity",
    "unit_price",
    "currency",
    "reason",
    "customer_comment",
    "expected_serial",
)
REQUIRED_FIELDS = frozenset(
    (
        "rma_number",
        "order_number",
        "customer_name",
        "customer_email",
        "postcode",
        "house_number",
        "country",
        "announced_at",
        "refund_choice",
        "sku",
        "product_name",
        "category",
        "quantity",
        "unit_price",
        "reason",
    )
)

COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "rma_number": ("rma", "rma_nr", "rma_nummer", "retournummer", "return_number"),
    "order_number": ("order", "order_nr", "ordernummer", "bestelnummer", "bestellnummer"),
    "customer_name": ("name", "naam", "klantnaam", "customer", "kunde", "kundenname"),
    "customer_email": ("email", "e_mail", "emailadres", "e_mailadres", "e_mail_adres"),
    "customer_segment": ("segment", "klantsegment"),
    "postcode": ("postal_code", "zip", "zipcode", "zip_code", "plz", "postleitzahl"),
    "house_number": ("housenumber", "huisnummer", "huisnr", "hausnummer"),
    "country": ("land", "country_code", "landcode"),
    "channel": ("kanaal",),
    "delivered_on": ("delivery_date", "geleverd_op", "leverdatum", "afleverdatum"),
    "announced_at": ("aangemeld_op", "aanmelddatum", "created_at"),
    "refund_choice": ("refund", "terugbetaling", "restitutie", "afhandeling"),
    "carrier": ("vervoerder", "courier"),
    "tracking_number": ("tracking", "track_trace", "track_and_trace", "trackingnummer"),
    "warehouse": ("warehouse_code", "magazijn", "lager"),
    "line_no": ("line", "line_number", "regel", "regelnummer", "pos", "position"),
    "sku": ("artikelnummer", "article_number", "item_number"),
    "gtin": ("ean", "ean13", "barcode", "upc"),
    "product_name": ("product", "productnaam", "omschrijving", "description", "artikel"),
    "category": ("categorie", "kategorie", "productgroep"),
    "quantity": ("qty", "aantal", "menge", "anzahl"),
    "unit_price": ("price", "prijs", "stuksprijs", "preis"),
    "currency": ("valuta", "wahrung"),
    "reason": ("reason_code", "reden", "retourreden", "grund", "ruckgabegrund"),
    "customer_comment": ("comment", "opmerking", "toelichting", "kommentar"),
    "expected_serial": ("serial", "serial_number", "serienummer", "seriennummer", "imei"),
}

# Database column lengths (the central PostgreSQL schema enforces them, SQLite does not).
MAX_LENGTHS = {
    "order_number": 40,
    "customer_name": 200,
    "customer_email": 254,
    "house_number": 16,
    "carrier": 32,
    "tracking_number": 64,
    "sku": 64,
    "product_name": 200,
    "expected_serial": 64,
    "customer_comment": 4000,
}


@lru_cache(maxsize=4096)
def _label_key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key of a label: 'Verkeerde  Maat!' -> 'verkeerde maat'."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


def _column_key(name: str) -> str:
    return _label_key(name).replace(" ", "_")


_COLUMN_LOOKUP: dict[str, str] = {}
for _canonical, _aliases in COLUMN_ALIASES.items():
    for _name in (_canonical, *_aliases):
        _COLUMN_LOOKUP[_column_key(_name)] = _canonical


def _synonyms(table: dict[StrEnum, tuple[str, ...]]) -> dict[str, StrEnum]:
    lookup: dict[str, StrEnum] = {}
    for member, words in table.items():
        for word in (member.value, *words):
            lookup[_label_key(word)] = member
    return lookup


CATEGORY_SYNONYMS = _synonyms(
    {
        Category.APPAREL: (
            "kleding",
            "kleren",
            "clothing",
            "clothes",
            "fashion",
            "mode",
            "bekleidung",
            "vetements",
            "textiel",
        ),
        Category.SHOES: ("schoenen", "schoen", "shoe", "footwear", "schuhe", "chaussures"),
        Category.ELECTRONICS: ("elektronica", "electronica", "elektronik", "electronique", "electronic"),
        Category.COSMETICS: (
            "cosmetica",
            "kosmetik",
            "cosmetique",
            "beauty",
            "verzorging",
            "beauty verzorging",
            "drogisterij",
        ),
        Category.HOME: (
            "wonen",
            "huis",
            "huishouden",
            "home living",
            "wonen keuken",
            "haushalt",
            "wohnen",
            "maison",
            "living",
        ),
        Category.OTHER: ("overig", "overige", "anders", "sonstiges", "autre", "autres", "misc"),
    }
)

REASON_SYNONYMS = _synonyms(
    {
        ReturnReason.ORDERED_BY_MISTAKE: (
            "per ongeluk besteld",
            "verkeerd besteld",
            "mistake",
            "versehentlich bestellt",
            "fehlbestellung",
        ),
        ReturnReason.WRONG_SIZE: (
            "verkeerde maat",
            "te klein",
            "te groot",
            "past niet",
            "maat",
            "wrong size",
            "size",
            "does not fit",
            "doesn't fit",
            "falsche grosse",
            "zu klein",
            "zu gross",
            "passt nicht",
        ),
        ReturnReason.WRONG_COLOUR: (
            "verkeerde kleur",
            "kleur",
            "wrong color",
            "colour",
            "color",
            "falsche farbe",
        ),
        ReturnReason.NO_LONGER_NEEDED: (
            "niet meer nodig",
            "niet nodig",
            "bedenktijd",
            "van gedachten veranderd",
            "changed my mind",
            "nicht mehr benotigt",
            "nicht mehr gebraucht",
        ),
        ReturnReason.NOT_AS_DESCRIBED: (
            "niet zoals beschreven",
            "niet zoals verwacht",
            "valt tegen",
            "voldoet niet aan verwachting",
            "not as expected",
            "entspricht nicht der beschreibung",
            "gefallt nicht",
        ),
        ReturnReason.PARTS_MISSING: (
            "onderdelen ontbreken",
            "onderdeel ontbreekt",
            "onvolledig",
            "incompleet",
            "incomplete",
            "missing parts",
            "teile fehlen",
            "unvollstandig",
        ),
        ReturnReason.DAMAGED: (
            "beschadigd",
            "beschadigd ontvangen",
            "kapot aangekomen",
            "transportschade",
            "beschadigt",
            "damaged on arrival",
        ),
        ReturnReason.CHEAPER_ELSEWHERE: (
            "elders goedkoper",
            "ergens anders goedkoper",
            "goedkoper",
            "woanders gunstiger",
            "cheaper",
        ),
        ReturnReason.ARRIVED_TOO_LATE: (
            "te laat geleverd",
            "te laat",
            "te laat ontvangen",
            "too late",
            "late delivery",
            "zu spat geliefert",
            "zu spat",
        ),
        ReturnReason.WRONG_ITEM_SENT: (
            "verkeerd artikel ontvangen",
            "verkeerd artikel",
            "verkeerd product",
            "verkeerd product ontvangen",
            "wrong item",
            "wrong product",
            "falscher artikel",
            "falsches produkt",
        ),
        ReturnReason.DEFECTIVE: (
            "defect",
            "werkt niet",
            "kapot",
            "doet het niet",
            "doesn't work",
            "does not work",
            "broken",
            "defekt",
            "funktioniert nicht",
        ),
        ReturnReason.OTHER: ("anders", "overig", "andere reden", "sonstiges", "sonstiger grund", "autre"),
    }
)

REFUND_SYNONYMS = _synonyms(
    {
        RefundChoice.REFUND: (
            "money back",
            "geld terug",
            "terugbetaling",
            "terugstorten",
            "restitutie",
            "geld zuruck",
            "erstattung",
            "ruckerstattung",
            "remboursement",
        ),
        RefundChoice.EXCHANGE: (
            "ruilen",
            "omruilen",
            "omruil",
            "ruil",
            "umtausch",
            "umtauschen",
            "echange",
            "swap",
        ),
        RefundChoice.STORE_CREDIT: (
            "store credit",
            "credit",
            "tegoed",
            "winkeltegoed",
            "tegoedbon",
            "waardebon",
            "cadeaubon",
            "gutschein",
            "guthaben",
            "avoir",
            "voucher",
        ),
    }
)

CHANNEL_SYNONYMS = _synonyms(
    {
        Channel.PORTAL: ("retourportaal", "returns portal", "return portal", "webshop", "online", "web"),
        Channel.CUSTOMER_SERVICE: ("klantenservice", "customer service", "service", "kundenservice", "cs"),
        Channel.MARKETPLACE: ("marktplaats", "marketplace", "bol com", "amazon", "zalando"),
        Channel.STORE: ("winkel", "filiaal", "shop", "store", "laden", "geschaft"),
    }
)

COUNTRY_SYNONYMS: dict[str, str] = {
    "uk": "GB",
    "el": "GR",
    "nederland": "NL",
    "netherlands": "NL",
    "the netherlands": "NL",
    "holland": "NL",
    "niederlande": "NL",
    "belgie": "BE",
    "belgium": "BE",
    "belgique": "BE",
    "belgien": "BE",
    "duitsland": "DE",
    "deutschland": "DE",
    "germany": "DE",
    "frankrijk": "FR",
    "france": "FR",
    "luxemburg": "LU",
    "luxembourg": "LU",
    "oostenrijk": "AT",
    "osterreich": "AT",
    "austria": "AT",
    "zwitserland": "CH",
    "schweiz": "CH",
    "switzerland": "CH",
    "verenigd koninkrijk": "GB",
    "united kingdom": "GB",
    "great britain": "GB",
}

CARRIER_ALIASES: dict[str, str] = {
    "postnl": "postnl",
    "post nl": "postnl",
    "dhl": "dhl",
    "dhl parcel": "dhl",
    "dhl express": "dhl",
    "dhl paket": "dhl",
    "dhl ecommerce": "dhl",
    "dpd": "dpd",
    "gls": "gls",
    "ups": "ups",
    "bpost": "bpost",
    "b post": "bpost",
    "bpost belgium": "bpost",
    "fedex": "fedex",
    "tnt": "fedex",
    "deutsche post": "dhl",
    "amazon": "amazon",
    "usps": "usps",
    "royal mail": "royal_mail",
}

# --- Field checks -------------------------------------------------------------------------------------


class _Invalid(Exception):
    def __init__(self, code: RejectionCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


_PLAIN_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_RMA = re.compile(r"RMA(\d{8})")
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


def luhn_check_digit(body: str) -> str:
    """The Luhn check digit of a string of digits (RMA numbers)."""
    total = 0
    for i, char in enumerate(reversed(body)):
        digit = int(char)
        if i % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return str((10 - total % 10) % 10)


def gs1_check_digit(body: str) -> str:
    """The GS1 mod-10 check digit of a GTIN without its check digit."""
    total = sum(int(char) * (3 if i % 2 == 0 else 1) for i, char in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


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
        raise _Invalid(RejectionCode.BAD_LINE_NO, f"Line number {value!r} is not a whole number from 1.")
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


# --- Reading the file ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Problem:
    line: int
    code: RejectionCode
    message: str
    column: str = ""


@dataclass(slots=True)
class _Record:
    """One CSV row, or one JSON Lines object, before validation."""

    line: int
    header: dict[str, Any]
    lines: list[dict[str, Any]]
    columns: dict[str, str]  # canonical field -> name as written in the file
    line_prefixes: list[str]  # per entry of ``lines``: '' (CSV) or 'lines[2].' (JSON Lines)
    jsonl: bool = False
    broken: bool = False  # unreadable as a whole (bad JSON, shifted CSV columns): fields not checked
    problems: list[_Problem] = field(default_factory=list)

    def rma_key(self) -> str:
        raw = self.header.get("rma_number")
        return normalise_rma(raw) if isinstance(raw, str) else ""


@dataclass(slots=True)
class _Source:
    records: list[_Record]
    warnings: list[str]
    lines_read: int
    has_warehouse_column: bool


_WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise ImportProblem("not_found", f"{path}: no such file.")
    if path.is_dir():
        raise ImportProblem("not_a_file", f"{path} is a folder, not a file.")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ImportProblem("unreadable", f"{path} cannot be read: {exc.strerror or exc}.") from exc


def _decode(path: Path, data: bytes) -> tuple[str, list[str]]:
    """Text with undecodable bytes kept as lone surrogates (each row holding one is refused)."""
    warnings: list[str] = []
    if data.startswith(_WORKBOOK_MAGIC):
        raise ImportProblem(
            "unsupported_format", f"{path} is a spreadsheet workbook; save it as 'CSV UTF-8' and import that."
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), warnings
        except UnicodeDecodeError as exc:
            raise ImportProblem("encoding", f"{path} is damaged UTF-16 text: {exc.reason}.") from exc
    if b"\x00" in data:
        raise ImportProblem("encoding", f"{path} is not a text file (or UTF-16 without a byte-order mark).")
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="surrogateescape")
    bad_lines = sum(1 for line in text.split("\n") if _ESCAPED_BYTE.search(line))
    try:
        data.decode("cp1252")
        guess = " It looks like a Windows-1252 (ANSI) export."
    except UnicodeDecodeError:
        guess = ""
    warnings.append(
        f"{path} is not UTF-8: {bad_lines} {_plural(bad_lines, 'line')} "
        f"{'holds' if bad_lines == 1 else 'hold'} other bytes; the returns they belong to were refused."
        f"{guess} Save the file as 'CSV UTF-8' and import it again."
    )
    return text, warnings


def _detect_format(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in (".xlsx", ".xls", ".xlsm", ".ods", ".numbers"):
        raise ImportProblem(
            "unsupported_format", f"{path} is a spreadsheet workbook; save it as 'CSV UTF-8' and import that."
        )
    start = text.lstrip()[:1]
    if start == "{":
        return "jsonl"
    if start == "[":
        raise ImportProblem(
            "unsupported_format",
            f"{path} holds a JSON array; the import reads JSON Lines (one object per line).",
        )
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    cells = re.split(r"[,;\t]", first_line)
    if sum(1 for cell in cells if _column_key(cell) in _COLUMN_LOOKUP) >= 3:
        return "csv"
    if not text.strip():
        return "csv"  # reported as empty
    raise ImportProblem(
        "unsupported_format", f"{path} is neither CSV (.csv) nor JSON Lines (.jsonl, .ndjson)."
    )


def _map_columns(path: Path, names: Iterable[str]) -> tuple[dict[int, str], dict[str, str], list[str]]:
    """Header cells to canonical fields: (index -> field, field -> name as written, warnings)."""
    by_index: dict[int, str] = {}
    written: dict[str, str] = {}
    ignored: list[str] = []
    for index, name in enumerate(names):
        canonical = _COLUMN_LOOKUP.get(_column_key(name))
        if canonical is None:
            if name.strip():
                ignored.append(name.strip())
            continue
        if canonical in written:
            raise ImportProblem(
                "bad_header",
                f"{path}: columns {written[canonical]!r} and {name.strip()!r} both mean "
                f"{canonical}; keep one.",
            )
        by_index[index] = canonical
        written[canonical] = name.strip()
    warnings = [f"{path}: column {name!r} is not used and was ignored." for name in ignored]
    return by_index, written, warnings


def _sniff_delimiter(header_line: str) -> str:
    counts = {delimiter: header_line.count(delimiter) for delimiter in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d])  # ties: the first, ','


def _read_csv(path: Path, text: str, default_warehouse: str | None) -> _Source:
    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    offset = 0
    delimiter: str | None = None
    if lines and (match := re.fullmatch(r"sep=(.)\r?", lines[0].strip(" "))):
        delimiter, offset = match.group(1), 1  # Excel's "sep=;" first line
        text = text.split("\n", 1)[1] if len(lines) > 1 else ""
    if not text.strip():
        return _Source([], [f"{path} is empty: nothing to import."], 0, True)
    header_line = text.split("\n", 1)[0]
    delimiter = delimiter or _sniff_delimiter(header_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=False)
    header = next(reader)
    by_index, written, warnings = _map_columns(path, header)
    missing = sorted(REQUIRED_FIELDS - set(written))
    if missing:
        raise ImportProblem(
            "bad_header",
            f"{path}: the header lacks the required {_plural(len(missing), 'column')} "
            f"{', '.join(missing)} (delimiter {delimiter!r}); see docs/import-format.md.",
        )
    if "warehouse" not in written and not default_warehouse:
        raise ImportProblem(
            "bad_header", f"{path} has no warehouse column and no default warehouse was given."
        )
    records: list[_Record] = []
    previous_end = reader.line_num
    width = len(header)
    for row in reader:
        start = previous_end + 1 + offset
        previous_end = reader.line_num
        if not any(cell.strip() for cell in row):
            continue  # blank line, or a row of empty cells from a spreadsheet
        values = {name: row[index] for index, name in by_index.items() if index < len(row)}
        record = _Record(
            line=start,
            header={k: v for k, v in values.items() if k in HEADER_FIELDS},
            lines=[{k: v for k, v in values.items() if k in LINE_FIELDS}],
            columns=written,
            line_prefixes=[""],
        )
        if len(row) > width:
            record.broken = True
            record.problems.append(
                _Problem(
                    start,
                    RejectionCode.BAD_ROW,
                    f"The row has {len(row)} values but the header has {width} columns; a value probably "
                    f"holds the delimiter {delimiter!r} without quotes (a price like 12,95?).",
                )
            )
        records.append(record)
    if not records:
        warnings.append(f"{path} holds only a header: nothing to import.")
    return _Source(records, warnings, len(records), "warehouse" in written)


_JSON_RMA = re.compile(r'"rma(?:_number)?"\s*:\s*"([^"]*)"', re.IGNORECASE)


def _read_jsonl(path: Path, text: str) -> _Source:
    records: list[_Record] = []
    warnings: list[str] = []
    unknown: set[str] = set()
    lines_read = 0
    for number, raw in enumerate(text.removeprefix("\ufeff").split("\n"), start=1):
        raw = raw.rstrip("\r")
        if not raw.strip():
            continue
        lines_read += 1
        try:
            obj = json.loads(raw, parse_float=Decimal)
        except ValueError as exc:
            found = _JSON_RMA.search(raw)
            record = _Record(
                number, {"rma_number": found.group(1)} if found else {}, [], {}, [], jsonl=True, broken=True
            )
            record.problems.append(
                _Problem(number, RejectionCode.BAD_JSON, f"The line is not valid JSON ({exc}).")
            )
            records.append(record)
            continue
        record = _Record(number, {}, [], {}, [], jsonl=True)
        records.append(record)
        if not isinstance(obj, dict):
            record.broken = True
            record.problems.append(
                _Problem(
                    number,
                    RejectionCode.BAD_JSON,
                    "The line is not a JSON object; expected one return per line.",
                )
            )
            continue
        for key, value in obj.items():
            canonical = _COLUMN_LOOKUP.get(_column_key(key))
            if key == "lines":
                continue
            if canonical in HEADER_FIELDS:
                record.header[canonical] = value
                record.columns[canonical] = key
            else:
                unknown.add(key)
        lines = obj.get("lines")
        if not isinstance(lines, list) or not lines:
            record.problems.append(
                _Problem(
                    number,
                    RejectionCode.MISSING_FIELD,
                    "The return has no lines: 'lines' must be a non-empty list.",
                    "lines",
                )
            )
            continue
        for index, item in enumerate(lines, start=1):
            prefix = f"lines[{index}]."
            if not isinstance(item, dict):
                record.problems.append(
                    _Problem(
                        number, RejectionCode.BAD_JSON, f"{prefix[:-1]} is not a JSON object.", prefix[:-1]
                    )
                )
                continue
            line: dict[str, Any] = {}
            for key, value in item.items():
                canonical = _COLUMN_LOOKUP.get(_column_key(key))
                if canonical in LINE_FIELDS:
                    line[canonical] = value
                    record.columns.setdefault(canonical, key)
                else:
                    unknown.add(f"lines[].{key}")
            record.lines.append(line)
            record.line_prefixes.append(prefix)
    warnings += [f"{path}: key {key!r} is not used and was ignored." for key in sorted(unknown)]
    if not lines_read:
        warnings.append(f"{path} is empty: nothing to import.")
    return _Source(records, warnings, lines_read, True)


# --- Validating returns -------------------------------------------------------------------------------


@dataclass(slots=True)
class _WarehouseInfo:
    id: uuid.UUID
    code: str
    zone: ZoneInfo | None


@dataclass(slots=True)
class _Announced:
    """A return that passed every check, normalised and ready to write."""

    rma: str
    line: int
    warehouse: _WarehouseInfo
    header: dict[str, Any]
    lines: list[dict[str, Any]]
    content_hash: str


def _text_value(value: Any, column: str) -> str:
    """A JSON or CSV value as text; None is empty; objects, lists and booleans are refused."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise _Invalid(RejectionCode.BAD_JSON, f"The {column} value must be text or a number.")
    return str(value)


class _Validator:
    """Checks records and groups them into whole returns."""

    def __init__(self, warehouses: dict[str, _WarehouseInfo], default_warehouse: str | None) -> None:
        self.warehouses = warehouses
        self.default_warehouse = default_warehouse
        self._cache: dict[tuple[str, str, str], tuple[Any] | _Problem] = {}

    def _field(
        self,
        record: _Record,
        values: dict[str, Any],
        name: str,
        prefix: str,
        parsed: dict[str, Any],
        problems: list[_Problem],
        parser: Callable[[str, str], Any] | None = None,
    ) -> None:
        column = prefix + record.columns.get(name, name)
        raw = values.get(name)
        cacheable = parser is None and name in _CACHED_FIELDS and isinstance(raw, str)
        if cacheable:
            hit = self._cache.get((name, raw, column))
            if hit is not None:
                if isinstance(hit, _Problem):
                    problems.append(_Problem(record.line, hit.code, hit.message, column))
                else:
                    parsed[name] = hit[0]
                return
        before = len(problems)
        self._parse_field(record, raw, name, column, parsed, problems, parser)
        if cacheable and len(self._cache) < 100_000:
            self._cache[(name, raw, column)] = problems[-1] if len(problems) > before else (parsed[name],)

    def _parse_field(
        self,
        record: _Record,
        raw: Any,
        name: str,
        column: str,
        parsed: dict[str, Any],
        problems: list[_Problem],
        parser: Callable[[str, str], Any] | None,
    ) -> None:
        try:
            text = _text_value(raw, column)
            _check_text(text, column)
            if not text.strip():
                if name in REQUIRED_FIELDS:
                    raise _Invalid(RejectionCode.MISSING_FIELD, f"The {column} value is missing.")
                parsed[name] = _DEFAULTS.get(name)
                return
            value = (parser or _PARSERS[name])(text, column)
            if isinstance(value, str):
                _max_length(value, name, column)
            parsed[name] = value
        except _Invalid as invalid:
            problems.append(_Problem(record.line, invalid.code, invalid.message, column))

    def _header(self, record: _Record, problems: list[_Problem]) -> dict[str, Any]:
        parsed: dict[str, Any] = {}
        for name in HEADER_FIELDS:
            if name not in ("postcode", "announced_at"):
                self._field(record, record.header, name, "", parsed, problems)
        warehouse = self._warehouse(record, parsed, problems)
        parsed["warehouse"] = warehouse
        country = parsed.get("country")
        if country is not None:
            self._field(
                record,
                record.header,
                "postcode",
                "",
                parsed,
                problems,
                lambda value, column: _parse_postcode(value, country, column),
            )
        zone = warehouse.zone if warehouse else None
        if warehouse is not None:
            self._field(
                record,
                record.header,
                "announced_at",
                "",
                parsed,
                problems,
                lambda value, column: _parse_datetime(value, column, zone),
            )
        return parsed

    def _warehouse(
        self, record: _Record, parsed: dict[str, Any], problems: list[_Problem]
    ) -> _WarehouseInfo | None:
        if "warehouse" not in parsed:
            return None  # already refused (formula, encoding)
        code = parsed["warehouse"] or self.default_warehouse
        column = record.columns.get("warehouse", "warehouse")
        if not code:
            problems.append(
                _Problem(
                    record.line,
                    RejectionCode.MISSING_FIELD,
                    "The warehouse is missing and no default warehouse was given.",
                    column,
                )
            )
            return None
        found = self.warehouses.get(code.casefold())
        if found is None:
            problems.append(
                _Problem(
                    record.line,
                    RejectionCode.UNKNOWN_WAREHOUSE,
                    f"Warehouse {code!r} does not exist in this station's database.",
                    column,
                )
            )
        return found

    def _lines(self, record: _Record, problems: list[_Problem]) -> list[dict[str, Any]]:
        result = []
        for values, prefix in zip(record.lines, record.line_prefixes, strict=True):
            parsed: dict[str, Any] = {"_line": record.line, "_prefix": prefix}
            for name in LINE_FIELDS:
                self._field(record, values, name, prefix, parsed, problems)
            result.append(parsed)
        return result

    def validate(self, rma: str, records: list[_Record]) -> tuple[_Announced | None, list[_Problem]]:
        """Check one return's records together: whole (an :class:`_Announced`) or its problems."""
        problems: list[_Problem] = [p for record in records for p in record.problems]
        headers: list[tuple[_Record, dict[str, Any]]] = []
        lines: list[dict[str, Any]] = []
        for record in records:
            if record.broken:
                continue
            if headers and record.header == headers[0][0].header:
                headers.append((record, headers[0][1]))  # same text, same result (and same problems)
            else:
                headers.append((record, self._header(record, problems)))
            lines += self._lines(record, problems)
        if len(records) > 1 and records[0].jsonl:
            for record in records:
                problems.append(
                    _Problem(
                        record.line,
                        RejectionCode.DUPLICATE_RMA,
                        f"Return {rma} appears on more than one line "
                        f"({', '.join(str(r.line) for r in records)}); keep one.",
                        record.columns.get("rma_number", "rma_number"),
                    )
                )
        self._conflicts(headers, problems)
        self._number_lines(lines, problems)
        if problems or not headers:
            return None, problems
        header = dict(headers[0][1])
        warehouse = header.pop("warehouse")
        header["customer_name_key"] = " ".join(header["customer_name"].casefold().split())
        clean_lines = [{k: v for k, v in line.items() if not k.startswith("_")} for line in lines]
        clean_lines.sort(key=lambda line: line["line_no"])
        header.pop("rma_number")
        announced = _Announced(rma, records[0].line, warehouse, header, clean_lines, "")
        announced.content_hash = content_hash(announced)
        return announced, []

    @staticmethod
    def _conflicts(headers: list[tuple[_Record, dict[str, Any]]], problems: list[_Problem]) -> None:
        if len(headers) < 2:
            return
        first_record, first = headers[0]
        for record, values in headers[1:]:
            for name in HEADER_FIELDS:
                if name not in first or name not in values:
                    continue
                mine, theirs = values[name], first[name]
                if name == "warehouse":
                    mine, theirs = (w.code if w else None for w in (mine, theirs))
                if mine != theirs:
                    column = record.columns.get(name, name)
                    problems.append(
                        _Problem(
                            record.line,
                            RejectionCode.CONFLICT,
                            f"The {column} value {_shown(mine)} differs from {_shown(theirs)} on line "
                            f"{first_record.line} of the same return.",
                            column,
                        )
                    )

    @staticmethod
    def _number_lines(lines: list[dict[str, Any]], problems: list[_Problem]) -> None:
        numbered = [line for line in lines if line.get("line_no") is not None]
        if not numbered:
            for index, line in enumerate(lines, start=1):
                line["line_no"] = index
            return
        seen: dict[int, int] = {}
        for line in lines:
            if "line_no" not in line:
                continue  # refused already
            column = line["_prefix"] + "line_no"
            number = line["line_no"]
            if number is None:
                problems.append(
                    _Problem(
                        line["_line"],
                        RejectionCode.MISSING_FIELD,
                        "The line_no value is missing while other lines of this return have one.",
                        column,
                    )
                )
            elif number in seen:
                problems.append(
                    _Problem(
                        line["_line"],
                        RejectionCode.DUPLICATE_LINE,
                        f"Line number {number} appears twice in this return (also on line {seen[number]}).",
                        column,
                    )
                )
            else:
                seen[number] = line["_line"]


def _shown(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    return repr(str(value)) if value is not None else "(empty)"


def _canonical(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    return value


def content_hash(announced: _Announced) -> str:
    """SHA-256 of a canonical JSON serialisation of the return, its warehouse and its lines.

    The same return gives the same hash from CSV or JSON Lines, whatever the column order,
    spelling of synonyms, or order of its rows.
    """
    payload = {
        "v": HASH_VERSION,
        "rma": announced.rma,
        "warehouse": announced.warehouse.code,
        "header": {k: _canonical(v) for k, v in sorted(announced.header.items())},
        "lines": [{k: _canonical(v) for k, v in sorted(line.items())} for line in announced.lines],
    }
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- Writing ------------------------------------------------------------------------------------------

_RETURN_FIELDS = (
    "order_number",
    "customer_name",
    "customer_name_key",
    "customer_email",
    "customer_segment",
    "postcode",
    "house_number",
    "country",
    "channel",
    "delivered_on",
    "announced_at",
    "refund_choice",
    "carrier",
    "tracking_number",
)


def _line_values(line: dict[str, Any]) -> dict[str, Any]:
    return {
        "line_no": line["line_no"],
        "sku": line["sku"],
        "gtin": line["gtin"],
        "product_name": line["product_name"],
        "category": line["category"],
        "quantity": line["quantity"],
        "unit_price_cents": line["unit_price"],
        "currency": line["currency"],
        "reason_code": line["reason"],
        "customer_comment": line["customer_comment"],
        "expected_serial": line["expected_serial"],
    }


def _assign(obj: Any, values: dict[str, Any]) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _insert(session: Session, batch: list[_Announced]) -> None:
    """Insert new returns and their lines with two multi-row INSERTs (fast for big files).

    Imported returns are not uploaded (see :mod:`inspector.services.outbox`), so skipping the
    unit-of-work's flush hooks loses nothing.
    """
    if not batch:
        return
    now = utcnow()
    returns: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    for announced in batch:
        return_id = uuid.uuid4()
        returns.append(
            {
                "id": return_id,
                "warehouse_id": announced.warehouse.id,
                "rma_number": announced.rma,
                "status": ReturnStatus.ANNOUNCED,
                "source": ReturnSource.IMPORT,
                "content_hash": announced.content_hash,
                "created_at": now,
                "updated_at": now,
                **{name: announced.header[name] for name in _RETURN_FIELDS},
            }
        )
        for line in announced.lines:
            lines.append(
                {
                    "id": uuid.uuid4(),
                    "return_id": return_id,
                    "created_at": now,
                    "updated_at": now,
                    **_line_values(line),
                }
            )
    session.execute(insert(Return), returns)
    session.execute(insert(ReturnLine), lines)


def _update(
    session: Session,
    ret: Return,
    announced: _Announced,
    protected: bool,
    inspected: dict[uuid.UUID, int],
    warnings: list[str],
) -> None:
    """Bring an existing return in line with the file, never deleting what was inspected."""
    where = f"{announced.rma} (line {announced.line})"
    _assign(ret, {name: announced.header[name] for name in _RETURN_FIELDS})
    if ret.warehouse_id != announced.warehouse.id:
        if protected:
            warnings.append(
                f"{where}: the return has parcels or inspections, so it stays in its "
                f"warehouse instead of moving to {announced.warehouse.code}."
            )
        else:
            ret.warehouse_id = announced.warehouse.id
    existing = {line.line_no: line for line in ret.lines}
    wanted = {line["line_no"]: line for line in announced.lines}
    for number, line in wanted.items():
        values = _line_values(line)
        current = existing.get(number)
        if current is None:
            ret.lines.append(ReturnLine(id=uuid.uuid4(), **values))
            continue
        units = inspected.get(current.id, 0)
        if units and (current.sku != values["sku"] or current.gtin != values["gtin"]):
            warnings.append(
                f"{where}: line {number} has inspections and its product changed from "
                f"{current.sku} to {values['sku']}; check those inspections."
            )
        if units > values["quantity"]:
            warnings.append(
                f"{where}: line {number} now announces {values['quantity']} units but "
                f"{units} were inspected already."
            )
        _assign(current, values)
    for number, current in existing.items():
        if number in wanted:
            continue
        if inspected.get(current.id):
            warnings.append(
                f"{where}: line {number} ({current.sku}) is no longer in the file but "
                f"has inspections, so it was kept."
            )
        else:
            ret.lines.remove(current)
    ret.content_hash = announced.content_hash
    ret.updated_at = utcnow()


def _write_batch(
    session: Session,
    batch: list[_Announced],
    report: ImportReport,
    stop: Callable[[], bool],
    advance: Callable[[], None],
) -> bool:
    """Write one batch; returns False when ``stop()`` said so between two returns."""
    rows = session.execute(
        select(Return.rma_number, Return.content_hash, Return.id).where(
            Return.rma_number.in_([a.rma for a in batch])
        )
    ).all()
    known = {rma: (digest, rid) for rma, digest, rid in rows}
    changed_ids = [known[a.rma][1] for a in batch if a.rma in known and known[a.rma][0] != a.content_hash]
    loaded: dict[uuid.UUID, Return] = {}
    inspected: dict[uuid.UUID, int] = {}
    protected: set[uuid.UUID] = set()
    if changed_ids:
        loaded = {
            r.id: r
            for r in session.scalars(
                select(Return).where(Return.id.in_(changed_ids)).options(selectinload(Return.lines))
            )
        }
        line_ids = [line.id for r in loaded.values() for line in r.lines]
        if line_ids:
            counts = session.execute(
                select(Inspection.return_line_id, func.count())
                .where(Inspection.return_line_id.in_(line_ids))
                .group_by(Inspection.return_line_id)
            )
            inspected = {line_id: int(count) for line_id, count in counts if line_id is not None}
        protected = set(session.scalars(select(Parcel.return_id).where(Parcel.return_id.in_(changed_ids))))
        protected |= set(
            session.scalars(select(Inspection.return_id).where(Inspection.return_id.in_(changed_ids)))
        )
    new: list[_Announced] = []
    try:
        for announced in batch:
            if stop():
                return False
            found = known.get(announced.rma)
            if found is None:
                new.append(announced)
                report.created += 1
            elif found[0] == announced.content_hash:
                report.unchanged += 1
            else:
                ret = loaded[found[1]]
                _update(session, ret, announced, ret.id in protected, inspected, report.warnings)
                report.updated += 1
            advance()
    finally:
        _insert(session, new)  # also when stopped: each return in ``new`` is whole
    return True


def _load_warehouses(database: Database) -> dict[str, _WarehouseInfo]:
    zones: dict[str, ZoneInfo | None] = {}
    result: dict[str, _WarehouseInfo] = {}
    with database.session() as session:
        for wid, code, zone_name in session.execute(
            select(Warehouse.id, Warehouse.code, Warehouse.time_zone)
        ):
            if zone_name not in zones:
                try:
                    zones[zone_name] = ZoneInfo(zone_name)
                except (ZoneInfoNotFoundError, ValueError):
                    zones[zone_name] = None
            result[code.casefold()] = _WarehouseInfo(wid, code, zones[zone_name])
    return result


def _group(records: list[_Record]) -> Iterator[tuple[str, list[_Record]]]:
    groups: dict[str, list[_Record]] = {}
    for record in records:
        key = record.rma_key() or f"\x00line {record.line}"  # no RMA: a group of its own
        groups.setdefault(key, []).append(record)
    for key, members in groups.items():
        yield ("" if key.startswith("\x00") else key), members


def import_returns(
    database: Database,
    path: Path,
    default_warehouse_code: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import the announced returns of a CSV or JSON Lines file into the station database.

    Each return is validated whole before anything is written; a return with any bad row is
    rejected whole and each of its rows is reported. Valid returns are created, updated (when
    their content hash changed) or left alone, :data:`BATCH_SIZE` per transaction.
    ``progress(done, total)`` is called after each return written (total: the valid returns);
    ``cancel()`` is checked between returns, and a cancelled import keeps what it wrote.

    Raises :class:`ImportProblem` when the file cannot be imported at all, and lets
    :class:`~inspector.models.database.DatabaseProblem` through for database trouble.
    """
    path = Path(path)
    name = str(path)
    data = _read_bytes(path)
    text, warnings = _decode(path, data)
    kind = _detect_format(path, text)
    warehouses = _load_warehouses(database)
    if default_warehouse_code and default_warehouse_code.casefold() not in warehouses:
        raise ImportProblem(
            "unknown_warehouse", f"The default warehouse {default_warehouse_code!r} does not exist."
        )
    source = _read_csv(path, text, default_warehouse_code) if kind == "csv" else _read_jsonl(path, text)
    report = ImportReport(file=name, lines_read=source.lines_read, warnings=warnings + source.warnings)
    validator = _Validator(warehouses, default_warehouse_code)

    def cancelled() -> bool:
        if cancel is not None and cancel():
            report.cancelled = True
        return report.cancelled

    valid: list[_Announced] = []
    for count, (rma, records) in enumerate(_group(source.records)):
        if count % 1000 == 0 and cancelled():
            return report
        report.returns_read += 1
        announced, problems = validator.validate(rma, records)
        if announced is not None:
            valid.append(announced)
            continue
        report.rejected_returns += 1
        report.rejected += _rejections(name, rma, records, problems)
    report.rejected.sort(key=lambda r: r.line)

    total = len(valid)
    done = 0
    if progress is not None:
        progress(0, total)

    def advance() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    for start in range(0, total, BATCH_SIZE):
        with database.session() as session:
            finished = _write_batch(session, valid[start : start + BATCH_SIZE], report, cancelled, advance)
        if not finished:
            break
    return report


def _rejections(name: str, rma: str, records: list[_Record], problems: list[_Problem]) -> list[Rejection]:
    result = [Rejection(name, p.line, rma, p.message, p.code.value, p.column) for p in problems]
    bad_lines = sorted({p.line for p in problems})
    for record in records:
        if record.line not in bad_lines:
            result.append(
                Rejection(
                    name,
                    record.line,
                    rma,
                    f"Return {rma} was not imported because other rows of it have errors "
                    f"(line{'s' if len(bad_lines) > 1 else ''} {', '.join(map(str, bad_lines))}).",
                    RejectionCode.RMA_REJECTED.value,
                    "",
                )
            )
    return result


def run_import(database: Database, path: Path, default_warehouse_code: str | None, out: TextIO) -> int:
    """The ``inspector import-returns FILE`` command: print problems and a summary.

    Each rejection is printed as ``FILE:LINE: RMA: reason``. Exit status: 0 all imported,
    1 some rows rejected, 2 the file cannot be read at all.
    """
    try:
        report = import_returns(database, Path(path), default_warehouse_code)
    except ImportProblem as problem:
        out.write(f"{problem.user_message}\n")
        return 2
    for rejection in report.rejected:
        out.write(f"{rejection}\n")
    for warning in report.warnings:
        out.write(f"warning: {warning}\n")
    out.write(report.summary() + "\n")
    return 0 if report.ok else 1
