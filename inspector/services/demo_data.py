"""Realistic, reproducible demo data: ``inspector demo-seed``.

:func:`seed_demo` fills the station database with announced returns of Dutch, Belgian and German
customers, a product catalogue, users of every role, two warehouses with three stations, and a
number of finished inspections with photos and their audit trail. It is Qt-free and fast enough for
load tests (100,000 returns in well under a minute): rows are written with SQLAlchemy Core bulk
inserts in chunks, inside one transaction, so a failed seed leaves nothing behind.

Reproducibility
    Every UUID, name, number and time comes from ``random.Random(seed)`` and the reference time
    ``now`` (default: the current time truncated to the hour). Two empty databases seeded with the
    same ``seed`` and ``now`` hold identical returns, lines, parcels, inspections and photos (the
    ids of the configured warehouse and station come from :func:`ensure_station` and differ).

Seeding a database that already holds returns
    The seed appends: RMA numbers continue after the number of returns already present (skipping
    any that exist), LPNs after the number of inspections, and the random stream is derived from
    ``(seed, existing return count)`` so new ids never collide with the earlier run. Warehouses,
    stations and users that exist (by code or badge) are reused, not duplicated; audit events
    continue each station's hash chain.

What is not "real" (yet)
    * Checklist answers use placeholder question ids (``tags_attached``, ``seal_intact``...) per
      category, ``checklist_id`` is the category name at version 1; they should follow the
      checklist templates once those exist.
    * Demo rows are not queued in the sync outbox: demo data must never reach the central database.
    * The Return model has no street or city column; postcodes are drawn from the ranges of real
      cities so they look plausible, but the city itself is not stored.
"""

from __future__ import annotations

import bisect
import json
import multiprocessing
import random
import sys
import time
import unicodedata
import uuid
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Any, TextIO
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Date,
    Dialect,
    Integer,
    String,
    Table,
    Text,
    Uuid,
    bindparam,
    func,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from inspector.models import (
    AuditEvent,
    BoxCondition,
    Category,
    Channel,
    Flag,
    Grade,
    Inspection,
    InspectionFlag,
    InspectionStatus,
    ItemOutcome,
    Parcel,
    Photo,
    RefundChoice,
    RefundRecommendation,
    Return,
    ReturnLine,
    ReturnReason,
    ReturnSource,
    ReturnStatus,
    Role,
    Station,
    User,
    VerificationMethod,
    Warehouse,
)
from inspector.models.base import UTCDateTime
from inspector.models.database import Database
from inspector.scanning.checkdigits import luhn_check_digit
from inspector.scanning.identify import make_badge, make_rma
from inspector.scanning.samples import make_gtin13, make_tracking
from inspector.services.audit import GENESIS_HASH, event_digest
from inspector.services.demo_photos import render_demo_photo
from inspector.services.photo_store import PhotoStore, StoredPhoto
from inspector.services.station import StationContext
from inspector.services.users import hash_pin

if TYPE_CHECKING:
    from inspector.app import Services

PORTAL_URL = "https://returns.example-shop.nl/r/{rma}?pc={postcode}"
DEMO_PIN = "1234"
SECOND_WAREHOUSE = "DE-DUS"
CHUNK = 5000
PHOTO_THREADS = 4
SEED_CACHE_KIB = 256 * 1024

ProgressCallback = Callable[[int, int], None]

def _uuid_text(value: uuid.UUID | None) -> str | None:
    return None if value is None else value.hex


def _utc_text(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _date_text(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _fast_converters(
    table: Table, dialect: Dialect, sample: dict[str, Any]
) -> tuple[Callable[[Any], Any] | None, ...] | None:
    """Per column, a fast function giving the value SQLite stores (None: store as is).

    Returns None unless, for ``sample``, every converter gives exactly what SQLAlchemy's bind
    processing gives, so the fast path can never store something the ORM would read differently.
    """
    if dialect.name != "sqlite" or set(sample) != {c.name for c in table.columns}:
        return None
    converters: list[Callable[[Any], Any] | None] = []
    for column in table.columns:
        kind = column.type
        convert: Callable[[Any], Any] | None
        if isinstance(kind, Uuid):
            convert = _uuid_text
        elif isinstance(kind, UTCDateTime):
            convert = _utc_text
        elif isinstance(kind, Date):
            convert = _date_text
        elif isinstance(kind, String | Integer | Text):  # Enum is a String: values are given as str
            convert = None
        else:
            return None
        value = sample[column.name]
        processor = kind.dialect_impl(dialect).bind_processor(dialect)
        expected = processor(value) if processor else value
        if (convert(value) if convert else value) != expected:
            return None
        converters.append(convert)
    return tuple(converters)


# --- reference data: people and places -------------------------------------------------------------

_FIRST_NAMES = {
    "NL": (
        "Sanne", "Daan", "Lotte", "Bram", "Emma", "Sem", "Julia", "Lucas", "Fleur", "Thijs", "Anouk",
        "Jeroen", "Marloes", "Niels", "Eva", "Ruben", "Lieke", "Joost", "Femke", "Wouter", "Iris", "Koen",
        "Noor", "Stijn", "Maaike", "Sven", "Roos", "Tim", "Daniëlle", "Chloë", "Mees", "Tess", "Gijs",
        "Ilse", "Jasper", "Yara", "Pieter", "Merel", "Hanneke", "Mohamed", "Fatima", "Kevin", "Esther",
    ),
    "BE": (
        "Lucas", "Louis", "Arthur", "Noah", "Emma", "Olivia", "Louise", "Mila", "Elise", "Wout", "Jana",
        "Lotte", "Pieter", "Bart", "Sofie", "Tom", "Annelies", "Kobe", "Lien", "Stijn", "Jef", "Ine",
        "Seppe", "Margot", "Rani", "Thibault", "Zoë", "Hanne", "Koen", "Nathalie",
    ),
    "DE": (
        "Lukas", "Leon", "Jonas", "Finn", "Maximilian", "Paul", "Felix", "Anna", "Lea", "Lena", "Hannah",
        "Sophie", "Marie", "Jürgen", "Jörg", "Björn", "Sören", "Günter", "Bärbel", "Anneliese", "Ursula",
        "Katrin", "Stefan", "Sabine", "Andreas", "Julia", "Tobias", "Mia", "Emilia", "Jan", "Lena-Marie",
        "Kai", "Uwe", "Heike", "Dörte",
    ),
}
_LAST_NAMES = {
    "NL": (
        "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "de Boer", "Mulder",
        "de Jong", "van den Heuvel", "van der Meer", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen",
        "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Linden", "Kok", "Jacobs",
        "de Haan", "Vermeulen", "van der Heijden", "van der Wal", "Koster", "Prins", "Huisman", "Kuipers",
        "van 't Hof", "Postma", "Willems", "Verhoeven", "El Amrani", "Yilmaz", "Boersma", "Groen",
    ),
    "BE": (
        "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters",
        "De Smet", "Dubois", "Lambert", "Vermeulen", "Van den Broeck", "De Backer", "Desmet", "Verstraete",
        "Van Damme", "Declercq", "Lemmens", "Hermans", "Michiels", "Aerts", "De Clercq", "Van Acker",
    ),
    "DE": (
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
        "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
        "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner",
        "Krause", "Meier", "Lehmann", "Köhler", "Jäger", "Weiß", "Groß", "von Berg", "Öztürk", "Nowak",
    ),
}
_MAIL_DOMAINS = {
    "NL": ("gmail.com", "hotmail.com", "outlook.com", "ziggo.nl", "kpnmail.nl", "live.nl", "xs4all.nl",
           "icloud.com", "planet.nl"),
    "BE": ("gmail.com", "telenet.be", "skynet.be", "hotmail.com", "proximus.be", "outlook.be"),
    "DE": ("gmx.de", "web.de", "t-online.de", "gmail.com", "outlook.de", "freenet.de", "posteo.de"),
}
_MAIL_DOMAIN_WEIGHTS = {
    "NL": (34, 22, 12, 9, 7, 6, 3, 5, 2),
    "BE": (38, 22, 10, 16, 8, 6),
    "DE": (26, 22, 16, 20, 8, 5, 3),
}
# (city, lowest postcode, highest postcode): plausible postcodes for real cities.
_CITIES = {
    "NL": (
        ("Amsterdam", 1011, 1109), ("Rotterdam", 3011, 3089), ("Den Haag", 2491, 2599),
        ("Utrecht", 3511, 3585), ("Eindhoven", 5611, 5658), ("Groningen", 9711, 9747),
        ("Tilburg", 5011, 5049), ("Almere", 1311, 1363), ("Breda", 4811, 4839), ("Nijmegen", 6511, 6546),
        ("Haarlem", 2011, 2037), ("Arnhem", 6811, 6846), ("Zwolle", 8011, 8047), ("Leiden", 2311, 2334),
        ("Maastricht", 6211, 6229), ("Delft", 2611, 2629), ("Amersfoort", 3811, 3829),
        ("Apeldoorn", 7311, 7339), ("Enschede", 7511, 7548), ("'s-Hertogenbosch", 5211, 5237),
    ),
    "BE": (
        ("Brussel", 1000, 1210), ("Antwerpen", 2000, 2660), ("Gent", 9000, 9052), ("Leuven", 3000, 3012),
        ("Brugge", 8000, 8310), ("Hasselt", 3500, 3512), ("Mechelen", 2800, 2812), ("Kortrijk", 8500, 8511),
        ("Aalst", 9300, 9320), ("Oostende", 8400, 8400),
    ),
    "DE": (
        ("Düsseldorf", 40210, 40629), ("Köln", 50667, 51149), ("Berlin", 10115, 14199),
        ("Hamburg", 20095, 22769), ("München", 80331, 81929), ("Essen", 45127, 45359),
        ("Dortmund", 44135, 44388), ("Duisburg", 47051, 47279), ("Aachen", 52062, 52080),
        ("Bonn", 53111, 53229), ("Münster", 48143, 48167), ("Frankfurt am Main", 60306, 60599),
        ("Stuttgart", 70173, 70629), ("Mönchengladbach", 41061, 41239),
    ),
}
_NL_POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"  # F, I, O, Q, U and Y are not used
_HOUSE_ADDITIONS = {
    "NL": ("A", "B", "C", "-1", "-2", "-3", "H"),
    "BE": ("A", "B", "/1", "/2"),
    "DE": ("A", "B", "C"),
}
_COUNTRIES = ("NL", "BE", "DE")
_COUNTRY_WEIGHTS = (62, 18, 20)
_CARRIERS = ("postnl", "dhl", "dpd", "gls", "ups")
_CARRIER_WEIGHTS = {"NL": (55, 20, 8, 7, 10), "BE": (25, 15, 25, 20, 15), "DE": (6, 55, 15, 12, 12)}
_CHANNELS = (Channel.PORTAL, Channel.CUSTOMER_SERVICE, Channel.MARKETPLACE, Channel.STORE)
_CHANNEL_WEIGHTS = (78, 10, 9, 3)

# --- reference data: the catalogue -----------------------------------------------------------------


@dataclass(frozen=True)
class Product:
    """One article of the demo shop's catalogue (one size/colour variant, so one GTIN)."""

    sku: str
    name: str
    category: Category
    price_cents: int
    gtin: str
    serial_kind: str = ""  # "imei", "sn" or "" (no serial number)
    hazardous: bool = False


# (sku, name, price in cents, serial kind, hazardous)
_CATALOGUE_SPEC: dict[Category, tuple[tuple[str, str, int, str, bool], ...]] = {
    Category.APPAREL: (
        ("APP-TSH-ORG-WHT-M", "Organic cotton T-shirt white M", 1999, "", False),
        ("APP-TSH-ORG-BLK-L", "Organic cotton T-shirt black L", 1999, "", False),
        ("APP-JNS-SLM-IND-3232", "Slim-fit jeans indigo W32/L32", 7995, "", False),
        ("APP-JNS-MOM-LBL-28", "Mom jeans light blue W28", 6995, "", False),
        ("APP-DRS-WRP-FLO-S", "Wrap dress floral S", 5995, "", False),
        ("APP-DRS-MAX-GRN-M", "Maxi dress sage green M", 7495, "", False),
        ("APP-HOD-ZIP-GRY-L", "Zip hoodie grey melange L", 4995, "", False),
        ("APP-SWT-MER-NVY-M", "Merino crew-neck jumper navy M", 8995, "", False),
        ("APP-BLZ-LIN-BEI-38", "Linen blazer beige 38", 12995, "", False),
        ("APP-SHR-OXF-BLU-M", "Oxford shirt light blue M", 4495, "", False),
        ("APP-JKT-RAI-YEL-M", "Rain jacket yellow M", 8995, "", False),
        ("APP-JKT-PUF-BLK-L", "Puffer jacket black L", 14995, "", False),
        ("APP-LEG-SPT-BLK-S", "Sports leggings black S", 3995, "", False),
        ("APP-SKR-PLS-CAM-36", "Pleated skirt camel 36", 4995, "", False),
        ("APP-CHN-STR-KHK-32", "Stretch chinos khaki W32", 5995, "", False),
        ("APP-BRA-PAD-NUD-75B", "Padded bra nude 75B", 2995, "", False),
        ("APP-SCF-WOL-RED", "Wool scarf burgundy", 3495, "", False),
        ("APP-SOC-BMB-5PK-3942", "Bamboo socks 5-pack 39-42", 1495, "", False),
    ),
    Category.SHOES: (
        ("SHO-SNK-WHT-42", "Leather sneakers white 42", 10995, "", False),
        ("SHO-SNK-RUN-BLU-44", "Running shoes blue 44", 12995, "", False),
        ("SHO-BOT-CHL-BRN-39", "Chelsea boots brown 39", 14995, "", False),
        ("SHO-BOT-HIK-GRY-43", "Hiking boots grey 43", 15995, "", False),
        ("SHO-SND-LTH-BLK-38", "Leather sandals black 38", 6995, "", False),
        ("SHO-PMP-NUD-37", "Pumps nude 37", 8995, "", False),
        ("SHO-LOF-SUE-NVY-41", "Suede loafers navy 41", 9995, "", False),
        ("SHO-FLT-BAL-PNK-40", "Ballet flats pink 40", 5995, "", False),
        ("SHO-KID-LED-31", "Kids' light-up trainers 31", 4495, "", False),
        ("SHO-SLP-WOL-GRY-42", "Wool slippers grey 42", 3995, "", False),
    ),
    Category.ELECTRONICS: (
        ("ELE-PHN-64-128-BLK", 'Smartphone 6.4" 128 GB black', 39900, "imei", False),
        ("ELE-PHN-67-256-WHT", 'Smartphone 6.7" 256 GB white', 79900, "imei", False),
        ("ELE-TAB-11-64-GRY", 'Tablet 10.9" 64 GB space grey', 44900, "sn", False),
        ("ELE-EAR-ANC-BLK", "Noise-cancelling earbuds black", 17900, "sn", False),
        ("ELE-HDP-OVR-SLV", "Over-ear headphones silver", 24900, "sn", False),
        ("ELE-SWT-44-BLK", "Smartwatch 44 mm black", 29900, "sn", False),
        ("ELE-SPK-BT-BLU", "Bluetooth speaker blue", 7999, "sn", False),
        ("ELE-LAP-14-512", 'Laptop 14" 16 GB / 512 GB', 109900, "sn", False),
        ("ELE-KBD-MEC-USI", "Mechanical keyboard US-International", 12900, "sn", False),
        ("ELE-MSE-WL-BLK", "Wireless mouse black", 3999, "sn", False),
        ("ELE-CAM-ACT-4K", "Action camera 4K", 29900, "sn", False),
        ("ELE-PWB-20K", "Power bank 20,000 mAh", 4999, "sn", True),
    ),
    Category.COSMETICS: (
        ("COS-SRM-VITC-30", "Vitamin C serum 30 ml", 3495, "", False),
        ("COS-FND-LIQ-120", "Liquid foundation shade 120", 2995, "", False),
        ("COS-LIP-MAT-RED", "Matte lipstick ruby red", 1995, "", False),
        ("COS-PRF-EDP-50", "Eau de parfum 50 ml", 7900, "", True),
        ("COS-DEO-SPR-150", "Deodorant spray 150 ml", 499, "", True),
        ("COS-SHP-ARG-250", "Argan oil shampoo 250 ml", 1299, "", False),
        ("COS-CRM-NGT-50", "Night cream 50 ml", 3995, "", False),
        ("COS-MSC-VOL-BLK", "Volume mascara black", 1795, "", False),
        ("COS-PAL-EYE-12", "Eyeshadow palette 12 shades", 3295, "", False),
        ("COS-SUN-SPF50-200", "Sun spray SPF 50 200 ml", 1895, "", True),
    ),
    Category.HOME: (
        ("HOM-CUS-VEL-GRN", "Velvet cushion 45x45 forest green", 2995, "", False),
        ("HOM-THR-WOL-GRY", "Wool throw 130x170 grey", 6995, "", False),
        ("HOM-LMP-TBL-BRS", "Table lamp brass", 8995, "", False),
        ("HOM-DUV-PCL-200", "Percale duvet cover 200x220", 7995, "", False),
        ("HOM-TWL-SET-WHT", "Bath towel set white (4)", 4995, "", False),
        ("HOM-PAN-CI-28", "Cast-iron frying pan 28 cm", 5995, "", False),
        ("HOM-KNF-CHF-20", "Chef's knife 20 cm", 6995, "", False),
        ("HOM-VAS-CER-L", "Ceramic vase large", 3995, "", False),
        ("HOM-COF-FRP-1L", "French press 1 l", 3495, "", False),
        ("HOM-MIR-RND-60", "Round wall mirror 60 cm", 7995, "", False),
    ),
}
_CATEGORY_WEIGHTS = {
    Category.APPAREL: 40, Category.SHOES: 20, Category.ELECTRONICS: 12, Category.COSMETICS: 10,
    Category.HOME: 18,
}
_SERIAL_PREFIX = {
    "ELE-TAB-11-64-GRY": "R52T", "ELE-EAR-ANC-BLK": "EB2", "ELE-HDP-OVR-SLV": "HP7", "ELE-SWT-44-BLK": "SW4",
    "ELE-SPK-BT-BLU": "BTS", "ELE-LAP-14-512": "5CD", "ELE-KBD-MEC-USI": "KB1", "ELE-MSE-WL-BLK": "2231",
    "ELE-CAM-ACT-4K": "C33", "ELE-PWB-20K": "PB20",
}
_SERIAL_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"


def _build_catalogue() -> tuple[Product, ...]:
    # A fixed stream of its own: the catalogue (and its GTINs) is the same for every seed.
    rng = random.Random("return-inspector-demo-catalogue")
    seen: set[str] = set()
    products = []
    for category, specs in _CATALOGUE_SPEC.items():
        for sku, name, price, serial_kind, hazardous in specs:
            gtin = make_gtin13(rng)
            while gtin in seen:
                gtin = make_gtin13(rng)
            seen.add(gtin)
            products.append(Product(sku, name, category, price, gtin, serial_kind, hazardous))
    return tuple(products)


CATALOGUE: tuple[Product, ...] = _build_catalogue()
_BY_CATEGORY: dict[Category, tuple[int, ...]] = {
    category: tuple(i for i, p in enumerate(CATALOGUE) if p.category == category)
    for category in _CATALOGUE_SPEC
}

# --- reference data: reasons, comments, refunds ----------------------------------------------------

R = ReturnReason
_REASON_WEIGHTS: dict[Category, tuple[tuple[ReturnReason, int], ...]] = {
    Category.APPAREL: (
        (R.WRONG_SIZE, 46), (R.WRONG_COLOUR, 9), (R.NOT_AS_DESCRIBED, 14), (R.NO_LONGER_NEEDED, 10),
        (R.ORDERED_BY_MISTAKE, 5), (R.DAMAGED, 4), (R.CHEAPER_ELSEWHERE, 3), (R.ARRIVED_TOO_LATE, 2),
        (R.WRONG_ITEM_SENT, 3), (R.OTHER, 4),
    ),
    Category.SHOES: (
        (R.WRONG_SIZE, 50), (R.NOT_AS_DESCRIBED, 13), (R.WRONG_COLOUR, 6), (R.NO_LONGER_NEEDED, 9),
        (R.DAMAGED, 6), (R.DEFECTIVE, 4), (R.ORDERED_BY_MISTAKE, 4), (R.WRONG_ITEM_SENT, 3), (R.OTHER, 5),
    ),
    Category.ELECTRONICS: (
        (R.DEFECTIVE, 22), (R.NOT_AS_DESCRIBED, 14), (R.NO_LONGER_NEEDED, 15), (R.PARTS_MISSING, 8),
        (R.DAMAGED, 10), (R.CHEAPER_ELSEWHERE, 10), (R.ORDERED_BY_MISTAKE, 8), (R.WRONG_ITEM_SENT, 4),
        (R.ARRIVED_TOO_LATE, 3), (R.OTHER, 6),
    ),
    Category.COSMETICS: (
        (R.NO_LONGER_NEEDED, 24), (R.NOT_AS_DESCRIBED, 18), (R.WRONG_COLOUR, 16), (R.DAMAGED, 15),
        (R.ORDERED_BY_MISTAKE, 10), (R.WRONG_ITEM_SENT, 5), (R.OTHER, 12),
    ),
    Category.HOME: (
        (R.DAMAGED, 24), (R.NOT_AS_DESCRIBED, 20), (R.NO_LONGER_NEEDED, 19), (R.WRONG_COLOUR, 8),
        (R.PARTS_MISSING, 8), (R.DEFECTIVE, 6), (R.ORDERED_BY_MISTAKE, 6), (R.CHEAPER_ELSEWHERE, 4),
        (R.OTHER, 5),
    ),
}
# Reasons that are the shop's fault: the customer gets the full price back whatever the grade.
_SHOP_FAULT = frozenset({R.DAMAGED, R.DEFECTIVE, R.WRONG_ITEM_SENT, R.PARTS_MISSING})

_COMMENTS: dict[ReturnReason, dict[str, tuple[str, ...]]] = {
    R.WRONG_SIZE: {
        "nl": ("Valt te klein, graag een maat groter.", "Te groot, ik heb M nodig.", "Past niet."),
        "de": ("Fällt zu klein aus.", "Zu groß, bitte eine Nummer kleiner.", "Passt leider nicht."),
        "en": ("Runs small.", "Too big, need one size down.", "Doesn't fit."),
    },
    R.WRONG_COLOUR: {
        "nl": ("Kleur is anders dan op de foto.", "Te fel van kleur."),
        "de": ("Farbe weicht vom Foto ab.", "Farbe gefällt mir nicht."),
        "en": ("Colour looks different from the website.",),
    },
    R.NOT_AS_DESCRIBED: {
        "nl": ("Stof voelt goedkoop aan.", "Niet zoals beschreven.", "Kwaliteit valt tegen."),
        "de": ("Material fühlt sich billig an.", "Entspricht nicht der Beschreibung."),
        "en": ("Not as described.", "Quality is disappointing."),
    },
    R.NO_LONGER_NEEDED: {
        "nl": ("Toch niet nodig.", "Cadeau, al dubbel gekregen."),
        "de": ("Doch nicht benötigt.", "Geschenk doppelt bekommen."),
        "en": ("Changed my mind.",),
    },
    R.DAMAGED: {
        "nl": ("Doos was kapot bij aankomst.", "Kras op de voorkant.", "Lekte in de verpakking."),
        "de": ("Karton war beschädigt.", "Kratzer auf der Vorderseite.", "Ausgelaufen."),
        "en": ("Arrived damaged.", "Scratched on arrival."),
    },
    R.DEFECTIVE: {
        "nl": ("Gaat niet meer aan.", "Bluetooth verbindt niet.", "Rits is na één keer stuk."),
        "de": ("Lässt sich nicht einschalten.", "Akku lädt nicht.", "Reißverschluss kaputt."),
        "en": ("Won't power on.", "Battery doesn't charge.", "Left earbud has no sound."),
    },
    R.PARTS_MISSING: {
        "nl": ("Oplader ontbreekt.", "Schroeven zaten er niet bij."),
        "de": ("Ladekabel fehlt.", "Zubehör unvollständig."),
        "en": ("Charger missing from the box.",),
    },
    R.WRONG_ITEM_SENT: {
        "nl": ("Verkeerd artikel ontvangen.", "Andere kleur gekregen dan besteld."),
        "de": ("Falschen Artikel erhalten.",),
        "en": ("Received the wrong item.",),
    },
    R.CHEAPER_ELSEWHERE: {
        "nl": ("Elders goedkoper gevonden.",), "de": ("Woanders günstiger.",), "en": ("Found it cheaper.",),
    },
    R.ARRIVED_TOO_LATE: {
        "nl": ("Te laat geleverd voor het feest.",), "de": ("Kam zu spät an.",), "en": ("Arrived too late.",),
    },
    R.ORDERED_BY_MISTAKE: {
        "nl": ("Per ongeluk twee keer besteld.",), "de": ("Versehentlich bestellt.",),
        "en": ("Ordered by mistake.",),
    },
    R.OTHER: {
        "nl": ("Zie mail aan klantenservice.",), "de": ("Siehe E-Mail an den Kundenservice.",),
        "en": ("See my e-mail to customer service.",),
    },
}
_COMMENT_RATE = 0.35

# --- reference data: grading ----------------------------------------------------------------------

_GRADES = (Grade.RESTOCK, Grade.REFURBISH, Grade.LIQUIDATE, Grade.SCRAP)
# Restock / refurbish / liquidate / scrap per category; overall about 55 / 20 / 15 / 10 %.
# (Defective or damaged items shift away from restock, see _Seeder._grade_picker_for.)
_GRADE_WEIGHTS = {
    Category.APPAREL: (68, 17, 10, 5),
    Category.SHOES: (64, 18, 12, 6),
    Category.ELECTRONICS: (55, 26, 12, 7),
    Category.COSMETICS: (60, 0, 17, 23),
    Category.HOME: (63, 17, 12, 8),
}
_DISPOSITION = {
    Grade.RESTOCK: "restock_location",
    Grade.REFURBISH: "refurbish_queue",
    Grade.LIQUIDATE: "liquidation_pallet",
    Grade.SCRAP: "scrap_bin",
}
_RECOVERY_PERCENT = {Grade.RESTOCK: 90, Grade.REFURBISH: 55, Grade.LIQUIDATE: 25, Grade.SCRAP: 2}
_RESTOCK_AISLES = {
    Category.APPAREL: "AB", Category.SHOES: "C", Category.ELECTRONICS: "E", Category.COSMETICS: "K",
    Category.HOME: "H",
}
_REFURBISH_QUEUE = {
    Category.APPAREL: "RFB-Q2", Category.SHOES: "RFB-Q2", Category.ELECTRONICS: "RFB-Q1",
    Category.COSMETICS: "RFB-Q3", Category.HOME: "RFB-Q3",
}

# Placeholder checklist question ids per category (until the checklist templates exist): the answers
# of a flawless item, and per grade the defects an inspector could have found.
_GOOD_ANSWERS: dict[Category, dict[str, Any]] = {
    Category.APPAREL: {
        "style_colour_size_match": True, "tags_attached": True, "stains": False, "odour": False,
        "makeup_marks": False, "pilling": False, "wash_marks": False, "alterations": False,
        "seams_zips_buttons_ok": True, "original_packaging": True,
    },
    Category.SHOES: {
        "pair_matches": True, "box_label_matches": True, "outsole_wear": "none", "dirt": False,
        "creasing": False, "insole_odour": False, "box_condition_ok": True,
    },
    Category.ELECTRONICS: {
        "serial_matches": True, "accessories_complete": True, "powers_on": True,
        "functional_test_passed": True, "liquid_indicator_triggered": False, "activation_lock_removed": True,
        "data_wiped": True, "cosmetic_grade": "A",
    },
    Category.COSMETICS: {
        "seal_intact": True, "batch_code_readable": True, "expiry_ok": True, "leaking": False,
        "counterfeit_suspected": False,
    },
    Category.HOME: {
        "complete": True, "used": False, "scratches_dents": False, "functional": True,
        "original_packaging": True,
    },
}
_DEFECTS: dict[Category, dict[Grade, tuple[dict[str, Any], ...]]] = {
    Category.APPAREL: {
        Grade.RESTOCK: ({}, {}, {"original_packaging": False}),
        Grade.REFURBISH: ({"tags_attached": False}, {"odour": True}, {"makeup_marks": True},
                          {"original_packaging": False, "tags_attached": False}),
        Grade.LIQUIDATE: ({"stains": True}, {"pilling": True, "wash_marks": True},
                          {"seams_zips_buttons_ok": False}),
        Grade.SCRAP: ({"stains": True, "odour": True}, {"alterations": True}, {"seams_zips_buttons_ok": False,
                                                                               "stains": True}),
    },
    Category.SHOES: {
        Grade.RESTOCK: ({}, {}, {"box_condition_ok": False}),
        Grade.REFURBISH: ({"outsole_wear": "light", "dirt": True}, {"box_label_matches": False},
                          {"creasing": True}),
        Grade.LIQUIDATE: ({"outsole_wear": "light", "creasing": True, "insole_odour": True},),
        Grade.SCRAP: ({"outsole_wear": "heavy", "dirt": True}, {"pair_matches": False}),
    },
    Category.ELECTRONICS: {
        Grade.RESTOCK: ({}, {}),
        Grade.REFURBISH: ({"cosmetic_grade": "B"}, {"accessories_complete": False, "cosmetic_grade": "B"},
                          {"data_wiped": False, "cosmetic_grade": "B"}),
        Grade.LIQUIDATE: ({"functional_test_passed": False, "cosmetic_grade": "C"}, {"cosmetic_grade": "D"}),
        Grade.SCRAP: ({"powers_on": False, "functional_test_passed": False, "cosmetic_grade": "E"},
                      {"liquid_indicator_triggered": True, "functional_test_passed": False,
                       "cosmetic_grade": "E"}),
    },
    Category.COSMETICS: {
        Grade.RESTOCK: ({},),
        Grade.REFURBISH: ({"batch_code_readable": False},),
        Grade.LIQUIDATE: ({"expiry_ok": False}, {"batch_code_readable": False}),
        Grade.SCRAP: ({"seal_intact": False}, {"seal_intact": False, "leaking": True}),
    },
    Category.HOME: {
        Grade.RESTOCK: ({}, {}, {"original_packaging": False}),
        Grade.REFURBISH: ({"used": True}, {"complete": False}, {"original_packaging": False, "used": True}),
        Grade.LIQUIDATE: ({"scratches_dents": True}, {"scratches_dents": True, "original_packaging": False}),
        Grade.SCRAP: ({"functional": False, "scratches_dents": True}, {"functional": False}),
    },
}
_OVERRIDE_REASONS = {
    "up": (
        "Stain removed with a steamer; item is as new.",
        "Small mark on the inside only; supervisor approved restock.",
        "Box damage only, product untouched.",
        "Customer is a VIP; goodwill per team lead.",
    ),
    "down": (
        "Odour noticed after the checklist; not sellable as new.",
        "Second check found a scratch on the back.",
        "Packaging cannot be replaced; sell as open box.",
        "Batch close to expiry.",
    ),
}
_INSPECTION_NOTES = ("", "", "", "", "Customer wrote a note in the box.",
                     "Item was wrapped in the original bag.",
                     "Parcel contained a gift card (returned to customer service).")

# --- small helpers -------------------------------------------------------------------------------


def _tracking_batch(carriers: Sequence[str], key: str) -> list[str]:
    """Tracking numbers for ``carriers``, from a random stream of their own (``key``).

    A function of its arguments only, so it gives the same numbers in a worker process or inline.
    """
    rng = random.Random(key)
    return [make_tracking(carrier, rng) for carrier in carriers]


class _InlineExecutor:
    """Runs submitted work at once, in this thread (small seeds, or no ``fork`` on this platform)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_result(fn(*args))
        return future

    def __enter__(self) -> _InlineExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _tracking_executor(count: int) -> ProcessPoolExecutor | _InlineExecutor:
    """One worker process for the tracking numbers of large seeds, where ``fork`` is safe and cheap.

    make_tracking() checks every number with identify(), which costs a few hundred microseconds: a
    fifth of the time of a 100,000-return seed. Forking (Linux, not a frozen app) needs no re-import
    and no ``freeze_support()``; elsewhere, and for small seeds, the work runs inline.
    """
    if count >= 2 * CHUNK and sys.platform.startswith("linux") and not getattr(sys, "frozen", False):
        return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    return _InlineExecutor()


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


class _Picker:
    """Weighted random choice with precomputed cumulative weights (faster than rng.choices)."""

    def __init__(self, items: Sequence[Any], weights: Sequence[float]) -> None:
        self.items = tuple(items)
        self.cum = list(accumulate(weights))
        self.total = self.cum[-1]

    def __call__(self, rng: random.Random) -> Any:
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]


@lru_cache(maxsize=1024)
def _mail_part(text: str) -> str:
    text = text.casefold()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return "".join(c for c in plain if c.isascii() and c.isalnum())


def _name_key(name: str) -> str:
    """The case-insensitive search key, as the returns import computes it."""
    return " ".join(name.casefold().split())


@dataclass(frozen=True)
class _Customer:
    name: str
    name_key: str
    email: str
    country: str
    postcode: str
    house_number: str
    segment: str
    language: str


@dataclass(slots=True)
class _ReturnInfo:
    """What the later phases need to know about a generated return."""

    id: uuid.UUID
    rma: str
    tracking: str
    carrier: str
    warehouse: int
    postcode: str
    announced_at: datetime
    late: bool
    customer: _Customer
    reason: ReturnReason
    lines: list[tuple[uuid.UUID, int, int, ReturnReason, str]]  # (line id, product, qty, reason, serial)


@dataclass(frozen=True)
class _Place:
    """A warehouse of the demo and its stations, with the policy the seed applies."""

    id: uuid.UUID
    code: str
    zone: ZoneInfo
    window_days: int
    vip_window_days: int
    restocking_fee_bp: int
    damage_deduction_bp: int
    stations: tuple[tuple[uuid.UUID, str], ...]
    station_weights: tuple[int, ...]


@dataclass
class _People:
    inspectors: list[tuple[uuid.UUID, str]]  # (id, badge)
    supervisor: uuid.UUID
    by_warehouse: dict[int, list[int]]  # warehouse index -> indices into inspectors
    badges: dict[str, str]
    created: int


@dataclass(frozen=True)
class SeedReport:
    """What :func:`seed_demo` wrote, and codes worth scanning to try the station out."""

    returns: int
    return_lines: int
    parcels: int
    inspections: int
    photos: int
    audit_events: int
    users_created: int
    existing_returns: int
    seed: int
    now: datetime
    seconds: float
    sample_codes: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        """A few human-readable lines about the seed."""
        lines = [
            f"Demo data seeded in {self.seconds:.1f} s (seed {self.seed}, reference time "
            f"{self.now.isoformat(timespec='minutes')}):",
            f"  {self.returns} returns ({self.return_lines} lines), {self.parcels} parcels received, "
            f"{self.inspections} inspections finished, {self.photos} photos, "
            f"{self.audit_events} audit events, "
            f"{self.users_created} users created",
        ]
        if self.existing_returns:
            lines.append(f"  (appended to {self.existing_returns} returns already in the database)")
        if self.sample_codes:
            lines.append("Try scanning these:")
            width = max(len(k) for k in self.sample_codes)
            lines.extend(f"  {label:<{width}}  {code}" for label, code in self.sample_codes.items())
        return "\n".join(lines)


# --- the seeder ----------------------------------------------------------------------------------


class _Seeder:
    """One run of the demo seed inside one session (one transaction)."""

    def __init__(
        self,
        session: Session,
        photos: PhotoStore,
        station: StationContext,
        rng: random.Random,
        now: datetime,
        progress: ProgressCallback | None,
        total_work: int,
    ) -> None:
        self.session = session
        self.photos = photos
        self.station = station
        self.rng = rng
        self.now = now
        self.progress = progress
        self.total_work = total_work
        self.done_work = 0
        self.places: list[_Place] = []
        self.people: _People
        self.counts = {"returns": 0, "lines": 0, "parcels": 0, "inspections": 0, "photos": 0, "events": 0}
        self.events: dict[uuid.UUID, list[tuple[datetime, int, dict[str, Any]]]] = {}
        self._event_order = 0
        self._country_picker = _Picker(_COUNTRIES, _COUNTRY_WEIGHTS)
        self._channel_picker = _Picker(_CHANNELS, _CHANNEL_WEIGHTS)
        self._carrier_pickers = {c: _Picker(_CARRIERS, w) for c, w in _CARRIER_WEIGHTS.items()}
        self._domain_pickers = {c: _Picker(_MAIL_DOMAINS[c], w) for c, w in _MAIL_DOMAIN_WEIGHTS.items()}
        cats = list(_CATEGORY_WEIGHTS)
        self._category_picker = _Picker(cats, [_CATEGORY_WEIGHTS[c] for c in cats])
        self._reason_pickers = {
            c: _Picker([r for r, _ in pairs], [w for _, w in pairs]) for c, pairs in _REASON_WEIGHTS.items()
        }
        self._grade_pickers = {c: _Picker(_GRADES, w) for c, w in _GRADE_WEIGHTS.items()}
        self._lines_picker = _Picker((1, 2, 3, 4), (62, 26, 9, 3))
        choices = (RefundChoice.REFUND, RefundChoice.EXCHANGE, RefundChoice.STORE_CREDIT)
        self._refund_picker_fit = _Picker(choices, (50, 38, 12))  # size or colour: exchange is popular
        self._refund_picker_other = _Picker(choices, (74, 9, 17))
        self._box_picker = _Picker(list(BoxCondition), (88, 6, 4, 2))
        self._serial_returners: set[str] = set()
        self._trackings: set[str] = set()
        self.lpn_start = 0
        self.stream_key = ""
        self._converters: dict[str, tuple[Callable[[Any], Any] | None, ...]] = {}

    def _tick(self, amount: int) -> None:
        self.done_work += amount
        if self.progress is not None:
            self.progress(min(self.done_work, self.total_work), self.total_work)

    # --- organisation ---------------------------------------------------------------------------

    def setup_organisation(self) -> None:
        """Warehouses and stations (reused when they exist), then the users."""
        s = self.session
        ctx = self.station
        primary = s.get(Warehouse, ctx.warehouse_id)
        assert primary is not None, "the configured station's warehouse is missing"
        second = s.scalar(select(Warehouse).where(Warehouse.code == SECOND_WAREHOUSE))
        if second is None and primary.code != SECOND_WAREHOUSE:
            second = Warehouse(
                id=_uuid(self.rng), code=SECOND_WAREHOUSE, name="Düsseldorf returns centre", country="DE",
                time_zone="Europe/Berlin", return_window_days=30, vip_return_window_days=60,
                restocking_fee_bp=0, damage_deduction_bp=2500, created_at=self.now, updated_at=self.now,
            )
            s.add(second)
            s.flush()
        warehouses = [primary] + ([second] if second is not None and second.id != primary.id else [])

        def station(code: str, warehouse: Warehouse) -> tuple[uuid.UUID, str]:
            found = s.scalar(select(Station).where(Station.code == code))
            if found is None:
                found = Station(id=_uuid(self.rng), warehouse_id=warehouse.id, code=code,
                                name=f"Inspection table {code[-2:]}", created_at=self.now,
                                updated_at=self.now)
                s.add(found)
                s.flush()
            return found.id, found.code

        primary_stations = [(ctx.station_id, ctx.station_code)]
        extra_code = "ST-02" if ctx.station_code != "ST-02" else "ST-01"
        primary_stations.append(station(extra_code, primary))
        self.places.append(self._place(primary, primary_stations, (65, 35)))
        if len(warehouses) > 1:
            de_code = "ST-11" if ctx.station_code != "ST-11" else "ST-12"
            self.places.append(self._place(warehouses[1], [station(de_code, warehouses[1])], (1,)))
        self.people = self._users()

    def _place(self, w: Warehouse, stations: list[tuple[uuid.UUID, str]], weights: tuple[int, ...]) -> _Place:
        return _Place(w.id, w.code, ZoneInfo(w.time_zone), w.return_window_days, w.vip_return_window_days,
                      w.restocking_fee_bp, w.damage_deduction_bp, tuple(stations), weights)

    def _users(self) -> _People:
        s = self.session
        primary = self.places[0].id
        second = self.places[1].id if len(self.places) > 1 else primary
        specs: list[tuple[str, Role, str, uuid.UUID | None]] = [
            ("Sanne de Vries", Role.INSPECTOR, "nl", primary),
            ("Mohamed El Amrani", Role.INSPECTOR, "nl", primary),
            ("Kasia Nowak", Role.INSPECTOR, "en", primary),
            ("Jörg Schäfer", Role.INSPECTOR, "de", second),
            ("Marloes van der Linden", Role.SUPERVISOR, "nl", primary),
            ("Pieter Janssens", Role.TEAM_LEAD, "en", primary),
            ("Anja Krüger", Role.ADMIN, "de", None),
        ]
        ids: list[uuid.UUID] = []
        badges: dict[str, str] = {}
        created = 0
        for n, (name, role, language, warehouse_id) in enumerate(specs, start=1):
            badge = make_badge(n)
            user_id = _uuid(self.rng)
            salt = self.rng.randbytes(16)
            existing = s.scalar(select(User).where(User.badge_code == badge))
            if existing is None:
                pin_hash = hash_pin(DEMO_PIN, salt=salt) if role.needs_pin else None
                s.add(User(id=user_id, name=name, badge_code=badge, role=role, pin_hash=pin_hash,
                           language=language, active=True, warehouse_id=warehouse_id,
                           created_at=self.now, updated_at=self.now))
                created += 1
            else:
                user_id = existing.id
            ids.append(user_id)
            label = f"{role.value.replace('_', ' ')} badge"
            if label not in badges:
                badges[label] = badge + (f" (PIN {DEMO_PIN})" if role.needs_pin else "")
        s.flush()
        inspectors = [(ids[i], make_badge(i + 1)) for i in range(4)]
        by_warehouse = {0: [0, 1, 2], 1: [3]} if len(self.places) > 1 else {0: [0, 1, 2, 3]}
        return _People(inspectors, ids[4], by_warehouse, badges, created)

    # --- returns ----------------------------------------------------------------------------------

    def _customer(self) -> _Customer:
        rng = self.rng
        country = self._country_picker(rng)
        first = rng.choice(_FIRST_NAMES[country])
        last = rng.choice(_LAST_NAMES[country])
        name = f"{first} {last}"
        f, la = _mail_part(first), _mail_part(last)
        style = rng.random()
        if style < 0.45:
            local = f"{f}.{la}"
        elif style < 0.65:
            local = f"{f}{la}"
        elif style < 0.8:
            local = f"{f[0]}.{la}"
        elif style < 0.9:
            local = f"{f}.{la}{rng.randint(1, 99)}"
        else:
            local = f"{f}_{la}{rng.randint(1960, 2005)}"
        email = f"{local}@{self._domain_pickers[country](rng)}"
        _city, low, high = rng.choice(_CITIES[country])
        number = rng.randint(low, high)
        if country == "NL":
            a = rng.choice(_NL_POSTCODE_LETTERS)
            b = rng.choice(_NL_POSTCODE_LETTERS)
            if a == "S" and b in "ADS":  # SA, SD and SS are not issued
                b = "B"
            postcode = f"{number:04d}{a}{b}"
        else:
            postcode = f"{number:04d}" if country == "BE" else f"{number:05d}"
        house = str(min(1 + int(rng.expovariate(1 / 35)), 399))
        if rng.random() < (0.15 if country == "NL" else 0.08):
            house += rng.choice(_HOUSE_ADDITIONS[country])
        segment = "vip" if rng.random() < 0.04 else "regular"
        language = "en" if rng.random() < 0.12 else ("de" if country == "DE" else "nl")
        return _Customer(name, _name_key(name), email, country, postcode, house, segment, language)

    def _lines(self, return_id: uuid.UUID, customer: _Customer, created: datetime) -> tuple[
        list[dict[str, Any]], list[tuple[uuid.UUID, int, int, ReturnReason, str]]
    ]:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        info: list[tuple[uuid.UUID, int, int, ReturnReason, str]] = []
        count = self._lines_picker(rng)
        category = self._category_picker(rng)
        used: set[int] = set()
        for line_no in range(1, count + 1):
            if line_no > 1 and rng.random() > 0.6:
                category = self._category_picker(rng)
            product_index = rng.choice(_BY_CATEGORY[category])
            if product_index in used:
                product_index = rng.choice(_BY_CATEGORY[category])
            if product_index in used:
                continue
            used.add(product_index)
            product = CATALOGUE[product_index]
            quantity = 2 if product.serial_kind == "" and rng.random() < 0.07 else 1
            reason = self._reason_pickers[category](rng)
            comment = ""
            if rng.random() < _COMMENT_RATE:
                comment = rng.choice(_COMMENTS[reason][customer.language])
            serial = self._serial(product) if product.serial_kind else ""
            line_id = _uuid(rng)
            rows.append({
                "id": line_id, "created_at": created, "updated_at": created, "return_id": return_id,
                "line_no": len(rows) + 1, "sku": product.sku, "gtin": product.gtin,
                "product_name": product.name, "category": product.category.value, "quantity": quantity,
                "unit_price_cents": product.price_cents, "currency": "EUR", "reason_code": reason.value,
                "customer_comment": comment, "expected_serial": serial,
            })
            info.append((line_id, product_index, quantity, reason, serial))
        return rows, info

    def _serial(self, product: Product) -> str:
        rng = self.rng
        if product.serial_kind == "imei":
            body = f"35{rng.randrange(10**12):012d}"
            return body + luhn_check_digit(body)
        prefix = _SERIAL_PREFIX.get(product.sku, "SN")
        return prefix + "".join(rng.choices(_SERIAL_CHARS, k=12 - len(prefix)))

    def generate_returns(self, count: int, rma_start: int, existing_rmas: set[str]) -> list[_ReturnInfo]:
        """Announce ``count`` returns (status announced), inserting them chunk by chunk.

        Tracking numbers are made per chunk from a stream of their own (see :func:`_tracking_batch`),
        in a worker process for large seeds, while this process builds and inserts the other chunks.
        """
        rng = self.rng
        now = self.now
        infos: list[_ReturnInfo] = []
        # Repeat customers: a few serial returners with many returns, some with two or three.
        serial_pool = [self._customer() for _ in range(max(2, count // 400))] if count >= 20 else []
        self._serial_returners = {c.email for c in serial_pool}
        repeat_pool = [self._customer() for _ in range(max(3, count // 60))] if count >= 20 else []
        return_rows: list[dict[str, Any]] = []
        line_rows: list[dict[str, Any]] = []
        carriers: list[str] = []
        pending: deque[tuple[Future[list[str]], list[dict[str, Any]], list[dict[str, Any]], int]] = deque()
        n = rma_start
        batch = 0
        de_place = 1 if len(self.places) > 1 else 0
        zones = [place.zone for place in self.places]
        announced_value = ReturnStatus.ANNOUNCED.value
        demo_value = ReturnSource.DEMO.value
        with _tracking_executor(count) as tracker:
            for index in range(count):
                roll = rng.random()
                if serial_pool and roll < 0.03:
                    customer = rng.choice(serial_pool)
                elif repeat_pool and roll < 0.08:
                    customer = rng.choice(repeat_pool)
                else:
                    customer = self._customer()
                place_index = de_place if customer.country == "DE" and rng.random() < 0.85 else 0
                place = self.places[place_index]
                n += 1
                rma = make_rma(n)
                while rma in existing_rmas:
                    n += 1
                    rma = make_rma(n)
                return_id = _uuid(rng)
                announced_at = now - timedelta(seconds=rng.randint(600, 40 * 86400))
                roll = rng.random()
                if roll < 0.85:
                    delay = rng.randint(0, 14)
                elif roll < 0.96:
                    delay = rng.randint(15, 30)
                else:
                    delay = rng.randint(31, 40)
                local_day = announced_at.astimezone(zones[place_index]).date()
                delivered_on: date = local_day - timedelta(days=delay)
                window = place.vip_window_days if customer.segment == "vip" else place.window_days
                carrier = self._carrier_pickers[customer.country](rng)
                channel = self._channel_picker(rng)
                prefix = "MP" if channel is Channel.MARKETPLACE else "WS"
                order_number = f"{prefix}-{4_000_000 + n * 3 + rng.randint(0, 2)}"
                lines, line_info = self._lines(return_id, customer, announced_at)
                first_reason = line_info[0][3]
                fit = first_reason in (R.WRONG_SIZE, R.WRONG_COLOUR)
                refund_choice = (self._refund_picker_fit if fit else self._refund_picker_other)(rng)
                return_rows.append({
                    "id": return_id, "created_at": announced_at, "updated_at": announced_at,
                    "warehouse_id": place.id, "rma_number": rma, "order_number": order_number,
                    "customer_name": customer.name, "customer_name_key": customer.name_key,
                    "customer_email": customer.email, "customer_segment": customer.segment,
                    "postcode": customer.postcode, "house_number": customer.house_number,
                    "country": customer.country, "channel": channel.value, "delivered_on": delivered_on,
                    "announced_at": announced_at, "refund_choice": refund_choice.value,
                    "status": announced_value, "source": demo_value, "carrier": carrier,
                    "tracking_number": "", "central_seq": None, "content_hash": "", "notes": "",
                })
                carriers.append(carrier)
                line_rows.extend(lines)
                infos.append(_ReturnInfo(return_id, rma, "", carrier, place_index, customer.postcode,
                                         announced_at, delay > window, customer, first_reason, line_info))
                if len(return_rows) >= CHUNK or index == count - 1:
                    key = f"{self.stream_key}/tracking/{batch}"
                    batch += 1
                    future = tracker.submit(_tracking_batch, carriers, key)
                    pending.append((future, return_rows, line_rows, len(infos) - len(return_rows)))
                    return_rows, line_rows, carriers = [], [], []
                    # Keep one chunk in flight so tracking numbers are made while this one is written.
                    if len(pending) > 1:
                        self._insert_chunk(*pending.popleft(), infos)
            while pending:
                self._insert_chunk(*pending.popleft(), infos)
        return infos

    def _insert_chunk(
        self,
        future: Future[list[str]],
        return_rows: list[dict[str, Any]],
        line_rows: list[dict[str, Any]],
        first_info: int,
        infos: list[_ReturnInfo],
    ) -> None:
        numbers = future.result()
        for offset, (row, number) in enumerate(zip(return_rows, numbers, strict=True)):
            while number in self._trackings:  # practically never: the number spaces are huge
                number = make_tracking(row["carrier"], self.rng)
            self._trackings.add(number)
            row["tracking_number"] = number
            infos[first_info + offset].tracking = number
        self._bulk_insert(Return.__table__, return_rows)
        self._bulk_insert(ReturnLine.__table__, line_rows)
        self.counts["returns"] += len(return_rows)
        self.counts["lines"] += len(line_rows)
        self._tick(len(return_rows))

    def _bulk_insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """INSERT many rows; for returns and lines, the bulk of a large seed, without per-value overhead.

        SQLAlchemy's per-row parameter processing costs more than SQLite's own work here, so values
        are converted to their stored form by :func:`_fast_converters` and handed to the driver's
        ``executemany``. When the converters do not reproduce SQLAlchemy's own bind processing
        exactly (checked once per table), the plain Core insert is used.
        """
        if not rows:
            return
        converters = self._converters.get(table.name)
        if converters is None:
            converters = _fast_converters(table, self.session.get_bind().dialect, rows[0]) or ()
            self._converters[table.name] = converters
        if not converters:
            self.session.execute(table.insert(), rows)
            return
        names = [column.name for column in table.columns]
        sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
        pairs = list(zip(names, converters, strict=True))
        values = [tuple(row[name] if convert is None else convert(row[name]) for name, convert in pairs)
                  for row in rows]
        self.session.connection().exec_driver_sql(sql, values)

    # --- receiving and inspecting ----------------------------------------------------------------

    def _receive_time(self, info: _ReturnInfo, units: int) -> datetime | None:
        """A time in the last 7 days, 07:00 until late enough that the unit's inspections end by 18:00."""
        rng = self.rng
        zone = self.places[info.warehouse].zone
        work_minutes = 35 + 11 * units
        latest_start = 18 * 60 - work_minutes
        earliest = max(info.announced_at + timedelta(hours=20), self.now - timedelta(days=7))
        latest = self.now - timedelta(minutes=work_minutes)
        today = self.now.astimezone(zone).date()
        for _ in range(12):
            day = today - timedelta(days=rng.randint(0, 6))
            minute = rng.randint(7 * 60, latest_start)
            local = datetime(day.year, day.month, day.day, minute // 60, minute % 60, rng.randint(0, 59),
                             tzinfo=zone)
            when = local.astimezone(UTC)
            if earliest <= when <= latest:
                return when
        return None

    def receive_and_inspect(self, infos: list[_ReturnInfo], inspections: int) -> dict[str, Any]:
        """Receive parcels for some returns, inspect all their units, and update the returns' status."""
        rng = self.rng
        cutoff = self.now - timedelta(days=1)
        candidates = [i for i, info in enumerate(infos) if info.announced_at <= cutoff]
        rng.shuffle(candidates)
        # Prefer parcels that had a realistic transit time (announced 2 to 14 days ago).
        recent = self.now - timedelta(days=14)
        candidates.sort(key=lambda i: 0 if infos[i].announced_at >= recent else 1)
        plan: list[tuple[int, datetime, int]] = []  # (info index, received_at, extra units)
        remaining = inspections
        received_only_target = round(inspections * 0.1)
        received_only: list[tuple[int, datetime]] = []
        for i in candidates:
            if remaining <= 0 and len(received_only) >= received_only_target:
                break
            info = infos[i]
            units = sum(q for _, _, q, _, _ in info.lines)
            extra = 1 if rng.random() < 0.02 else 0
            if remaining > 0:
                if units + extra > remaining:
                    extra = 0
                    if units > remaining:
                        continue
                when = self._receive_time(info, units + extra)
                if when is None:
                    continue
                plan.append((i, when, extra))
                remaining -= units + extra
            else:
                when = self._receive_time(info, units)
                if when is not None:
                    received_only.append((i, when))
        chosen = {i for i, _, _ in plan} | {i for i, _ in received_only}
        # Work through the parcels in the order they arrived so the audit trail reads chronologically.
        parcel_rows: list[dict[str, Any]] = []
        inspection_rows: list[dict[str, Any]] = []
        flag_rows: list[dict[str, Any]] = []
        photo_jobs: list[dict[str, Any]] = []
        status_rows: list[dict[str, Any]] = []
        work = sorted([(when, i, extra, True) for i, when, extra in plan]
                      + [(when, i, 0, False) for i, when in received_only])
        lpn_counter = self.lpn_start
        for when, i, extra, inspect in work:
            info = infos[i]
            parcel = self._parcel(info, when)
            parcel_rows.append(parcel["row"])
            last_time = when
            if inspect:
                last_time, lpn_counter = self._inspect_parcel(
                    info, parcel, extra, lpn_counter, inspection_rows, flag_rows, photo_jobs
                )
            status = ReturnStatus.INSPECTED if inspect else ReturnStatus.RECEIVED
            status_rows.append({"rid": info.id, "st": status.value, "ua": last_time})
        self._store_photos(photo_jobs, inspections)
        s = self.session
        if parcel_rows:
            s.execute(Parcel.__table__.insert(), parcel_rows)
        if inspection_rows:
            s.execute(Inspection.__table__.insert(), inspection_rows)
        if flag_rows:
            s.execute(InspectionFlag.__table__.insert(), flag_rows)
        if photo_jobs:
            s.execute(Photo.__table__.insert(), [job["row"] for job in photo_jobs])
        if status_rows:
            table = Return.__table__
            s.execute(
                update(table).where(table.c.id == bindparam("rid")).values(
                    status=bindparam("st"), updated_at=bindparam("ua")
                ),
                status_rows,
            )
        self.counts["parcels"] = len(parcel_rows)
        self.counts["inspections"] = len(inspection_rows)
        self.counts["photos"] = len(photo_jobs)
        self._write_events()
        return {"chosen": chosen}

    def _parcel(self, info: _ReturnInfo, when: datetime) -> dict[str, Any]:
        rng = self.rng
        place = self.places[info.warehouse]
        station_id, station_code = _Picker(place.stations, place.station_weights)(rng)
        inspector_index = rng.choice(self.people.by_warehouse[info.warehouse])
        inspector_id, badge = self.people.inspectors[inspector_index]
        box = self._box_picker(rng)
        flags = [Flag.LATE.value] if info.late else []
        parcel_id = _uuid(rng)
        row = {
            "id": parcel_id, "created_at": when, "updated_at": when, "tracking_number": info.tracking,
            "scanned_code": info.tracking, "carrier": info.carrier, "return_id": info.id, "received_at": when,
            "received_by_id": inspector_id, "station_id": station_id, "box_condition": box.value,
            "unannounced": False, "conflict": False, "flags": flags, "notes": "",
        }
        self._event(station_id, when, {
            "actor_id": inspector_id, "action": "parcel_received", "entity_type": "parcel",
            "entity_id": parcel_id, "return_id": info.id, "inspection_id": None,
            "payload": {"tracking_number": info.tracking, "carrier": info.carrier, "rma": info.rma,
                        "box_condition": box.value, "flags": flags},
            "photo_hashes": [],
        })
        return {"row": row, "id": parcel_id, "station_id": station_id, "station_code": station_code,
                "inspector_id": inspector_id, "badge": badge, "box": box, "place": place}

    def _inspect_parcel(
        self,
        info: _ReturnInfo,
        parcel: dict[str, Any],
        extra: int,
        lpn_counter: int,
        inspection_rows: list[dict[str, Any]],
        flag_rows: list[dict[str, Any]],
        photo_jobs: list[dict[str, Any]],
    ) -> tuple[datetime, int]:
        rng = self.rng
        start = parcel["row"]["received_at"] + timedelta(seconds=rng.randint(60, 30 * 60))
        units: list[tuple[tuple[uuid.UUID, int, int, ReturnReason, str] | None, int]] = []
        for line in info.lines:
            units.extend((line, unit) for unit in range(1, line[2] + 1))
        if extra:
            units.append((None, 1))
        serial_returner = info.customer.email in self._serial_returners
        finished = start
        for line, unit_index in units:
            duration = timedelta(seconds=rng.randint(120, 480))
            finished = start + duration
            lpn_counter += 1
            self._inspection(info, parcel, line, unit_index, start, finished, f"LPN9{lpn_counter:09d}",
                             serial_returner, inspection_rows, flag_rows, photo_jobs)
            start = finished + timedelta(seconds=rng.randint(10, 180))
        return finished, lpn_counter

    def _inspection(
        self,
        info: _ReturnInfo,
        parcel: dict[str, Any],
        line: tuple[uuid.UUID, int, int, ReturnReason, str] | None,
        unit_index: int,
        started: datetime,
        finished: datetime,
        lpn: str,
        serial_returner: bool,
        inspection_rows: list[dict[str, Any]],
        flag_rows: list[dict[str, Any]],
        photo_jobs: list[dict[str, Any]],
    ) -> None:
        rng = self.rng
        place: _Place = parcel["place"]
        inspection_id = _uuid(rng)
        inspector_id = parcel["inspector_id"]
        station_id = parcel["station_id"]
        flags: set[str] = set()
        if info.late:
            flags.add(Flag.LATE.value)
        item_sku = item_gtin = item_description = ""
        if line is None:
            outcome = ItemOutcome.EXTRA
            product = CATALOGUE[rng.randrange(len(CATALOGUE))]
            item_sku, item_gtin, item_description = product.sku, product.gtin, product.name
            reason = R.OTHER
            expected_serial = ""
            flags.add(Flag.EXTRA.value)
        else:
            product = CATALOGUE[line[1]]
            reason = line[3]
            expected_serial = line[4]
            roll = rng.random()
            outcome = ItemOutcome.RECEIVED
            if roll < 0.025:
                outcome = ItemOutcome.WRONG_ITEM
                swapped = CATALOGUE[rng.choice([p for p in _BY_CATEGORY[product.category] if p != line[1]])]
                item_sku, item_gtin, item_description = swapped.sku, swapped.gtin, swapped.name
                flags.add(Flag.WRONG_ITEM.value)
                if rng.random() < 0.3:
                    flags.add(Flag.SUSPECTED_FRAUD.value)
                product = swapped
            elif roll < 0.045:
                outcome = ItemOutcome.MISSING
                flags.add(Flag.MISSING.value)
        category = product.category
        price = product.price_cents
        scanned_code = item_gtin or product.gtin
        verification: VerificationMethod | None
        if outcome is ItemOutcome.MISSING:
            verification, verified_code, verification_note = None, "", "Unit not in the parcel"
        elif rng.random() < 0.9:
            verification, verified_code, verification_note = VerificationMethod.SCAN, scanned_code, ""
        else:
            verification, verified_code = VerificationMethod.MANUAL, ""
            verification_note = rng.choice(("Barcode label missing", "Barcode unreadable (creased)",
                                            "Matched by product description"))
        serial_scanned = ""
        if product.serial_kind and outcome is not ItemOutcome.MISSING:
            serial_scanned = expected_serial if outcome is ItemOutcome.RECEIVED else self._serial(product)
        answers: dict[str, Any] = {}
        suggested = final = None
        override_reason = disposition = destination = ""
        recommendation = RefundRecommendation.NONE
        refund = 0
        recovered: int | None = None
        item_lpn: str | None = None
        if outcome is not ItemOutcome.MISSING:
            suggested = self._grade_picker_for(category, reason)(rng)
            answers = dict(_GOOD_ANSWERS[category])
            answers.update(rng.choice(_DEFECTS[category][suggested]))
            if product.serial_kind and expected_serial and serial_scanned != expected_serial:
                answers["serial_matches"] = False
            final = suggested
            if rng.random() < 0.05:
                position = _GRADES.index(suggested)
                direction = "up" if position > 0 and (position == 3 or rng.random() < 0.5) else "down"
                final = _GRADES[position - 1] if direction == "up" else _GRADES[position + 1]
                override_reason = rng.choice(_OVERRIDE_REASONS[direction])
                flags.add(Flag.OVERRIDE.value)
            disposition = _DISPOSITION[final]
            destination = self._destination(final, category)
            recovered = price * _RECOVERY_PERCENT[final] // 100
            item_lpn = lpn
            if outcome is ItemOutcome.RECEIVED:
                recommendation, refund = self._refund(place, final, reason, price)
            if (serial_returner and final in (Grade.LIQUIDATE, Grade.SCRAP)) or rng.random() < 0.008:
                flags.add(Flag.SUSPECTED_FRAUD.value)
            if parcel["box"] in (BoxCondition.DAMAGED, BoxCondition.WET) and final is not Grade.RESTOCK:
                flags.add(Flag.DAMAGED_IN_TRANSIT.value)
            if product.hazardous:
                flags.add(Flag.HAZARDOUS.value)
        notes = rng.choice(_INSPECTION_NOTES)
        if Flag.SUSPECTED_FRAUD.value in flags:
            notes = rng.choice(("Item does not match the shop's packaging; escalated to supervisor.",
                                "Serial returner: worn item returned, photos taken.",
                                "Contents swapped; evidence photos attached."))
        line_id = line[0] if line is not None else None
        inspection_rows.append({
            "id": inspection_id, "created_at": started, "updated_at": finished, "return_id": info.id,
            "return_line_id": line_id, "parcel_id": parcel["id"], "unit_index": unit_index,
            "status": InspectionStatus.FINISHED.value, "outcome": outcome.value, "item_sku": item_sku,
            "item_gtin": item_gtin, "item_description": item_description,
            "verification": verification.value if verification else None, "verified_code": verified_code,
            "verification_note": verification_note, "serial_scanned": serial_scanned,
            "checklist_id": category.value, "checklist_version": 1, "answers": answers,
            "suggested_grade": suggested.value if suggested else None,
            "final_grade": final.value if final else None, "override_reason": override_reason,
            "disposition": disposition, "destination": destination,
            "refund_recommendation": recommendation.value, "refund_amount_cents": refund,
            "recovered_value_cents": recovered, "lpn": item_lpn, "notes": notes, "inspector_id": inspector_id,
            "station_id": station_id, "started_at": started, "finished_at": finished,
            "conflict_with_id": None,
        })
        flag_rows.extend({"inspection_id": inspection_id, "flag": flag} for flag in sorted(flags))
        # The audit trail of the inspection, spread over its minutes.
        span = (finished - started).total_seconds()

        def at(fraction: float) -> datetime:
            return started + timedelta(seconds=round(span * fraction))

        base = {"actor_id": inspector_id, "entity_type": "inspection", "entity_id": inspection_id,
                "return_id": info.id, "inspection_id": inspection_id, "photo_hashes": []}
        self._event(station_id, at(0.08), {**base, "action": "item_verified", "payload": {
            "outcome": outcome.value, "method": verification.value if verification else None,
            "code": verified_code,
            "sku": item_sku or product.sku, "unit_index": unit_index, "serial": serial_scanned,
        }})
        if answers:
            self._event(station_id, at(0.45), {**base, "action": "answer_given", "payload": {
                "checklist_id": category.value, "checklist_version": 1, "answers": answers,
            }})
        tags = ["front"]
        if outcome is not ItemOutcome.MISSING:
            if rng.random() < 0.5:
                tags.append("label")
            if (final is not Grade.RESTOCK or outcome is ItemOutcome.WRONG_ITEM) and rng.random() < 0.75:
                tags.append("damage")
        local_zone = place.zone
        for k, tag in enumerate(tags):
            taken = at(0.2 + 0.15 * k)
            photo_id = _uuid(rng)
            local = taken.astimezone(local_zone).strftime("%Y-%m-%d %H:%M:%S")
            photo_jobs.append({
                "category": category.value, "tag": tag, "variant": rng.randrange(4),
                "lines": (f"{info.rma}   {info.tracking}" if tag == "label" else info.rma,
                          f"SKU {item_sku or product.sku}", f"{tag} - {lpn if item_lpn else 'no LPN'}",
                          f"{local} {parcel['station_code']}"),
                "station_id": station_id, "event_at": taken,
                "event": {**base, "action": "photo_added",
                          "payload": {"tag": tag, "photo_id": str(photo_id)}},
                "row": {"id": photo_id, "inspection_id": inspection_id, "parcel_id": parcel["id"], "tag": tag,
                        "mime_type": "image/jpeg", "taken_at": taken, "taken_by_id": inspector_id,
                        "station_id": station_id, "source": "camera"},
            })
        if final is not None and suggested is not None:
            grade_payload = {
                "suggested_grade": suggested.value, "final_grade": suggested.value,
                "disposition": _DISPOSITION[suggested], "refund_recommendation": recommendation.value,
                "refund_amount_cents": refund, "recovered_value_cents": recovered,
            }
            self._event(station_id, at(0.8), {**base, "action": "grade_set", "payload": grade_payload})
            if final is not suggested:
                self._event(station_id, at(0.9), {**base, "actor_id": self.people.supervisor,
                                                   "action": "grade_overridden", "payload": {
                    "from_grade": suggested.value, "to_grade": final.value, "reason": override_reason,
                    "disposition": disposition, "destination": destination,
                }})
            self._event(station_id, finished, {**base, "action": "label_printed", "payload": {
                "lpn": lpn, "destination": destination, "disposition": disposition,
            }})

    def _grade_picker_for(self, category: Category, reason: ReturnReason) -> _Picker:
        if reason in (R.DEFECTIVE, R.DAMAGED) and _GRADE_WEIGHTS[category][1]:
            w = _GRADE_WEIGHTS[category]
            return _Picker(_GRADES, (w[0] * 0.5, w[1] * 1.6, w[2] * 1.3, w[3] * 1.3))
        return self._grade_pickers[category]

    def _destination(self, grade: Grade, category: Category) -> str:
        rng = self.rng
        if grade is Grade.RESTOCK:
            aisle = rng.choice(_RESTOCK_AISLES[category])
            return f"{aisle}-{rng.randint(1, 24):02d}-{rng.randint(1, 6):02d}"
        if grade is Grade.REFURBISH:
            return _REFURBISH_QUEUE[category]
        if grade is Grade.LIQUIDATE:
            return f"LIQ-P{rng.randint(1, 12):02d}"
        return "SCRAP-2" if category is Category.COSMETICS else "SCRAP-1"

    @staticmethod
    def _refund(
        place: _Place, grade: Grade, reason: ReturnReason, price: int
    ) -> tuple[RefundRecommendation, int]:
        """The warehouse's simple refund policy for a received, announced item."""
        fee = price * place.restocking_fee_bp // 10_000
        if grade is Grade.RESTOCK or reason in _SHOP_FAULT:
            return RefundRecommendation.FULL, price - fee
        if grade in (Grade.REFURBISH, Grade.LIQUIDATE):
            return RefundRecommendation.PARTIAL, price - price * place.damage_deduction_bp // 10_000 - fee
        return RefundRecommendation.NONE, 0

    # --- photos and audit ------------------------------------------------------------------------

    def _store_photos(self, jobs: list[dict[str, Any]], work: int) -> None:
        """Render, store and thumbnail the photos (in threads: encoding and fsync release the GIL)."""
        photos = self.photos

        def make(job: dict[str, Any]) -> StoredPhoto:
            data = render_demo_photo(job["category"], job["tag"], job["lines"], job["variant"])
            stored = photos.store(data)
            photos.make_thumbnail(stored)
            return stored

        reported = 0
        with ThreadPoolExecutor(max_workers=PHOTO_THREADS) as pool:
            for done, (job, stored) in enumerate(zip(jobs, pool.map(make, jobs), strict=True), start=1):
                job["row"].update({
                    "sha256": stored.sha256, "file_path": stored.relative_path,
                    "thumbnail_path": photos.thumbnail_relative(stored.sha256),
                    "size_bytes": stored.size_bytes, "width": stored.width, "height": stored.height,
                })
                event = {**job["event"], "photo_hashes": [stored.sha256]}
                self._event(job["station_id"], job["event_at"], event)
                share = work * done // len(jobs)
                if share > reported:
                    self._tick(share - reported)
                    reported = share

    def _event(self, station_id: uuid.UUID, when: datetime, event: dict[str, Any]) -> None:
        self._event_order += 1
        self.events.setdefault(station_id, []).append((when, self._event_order, event))

    def _write_events(self) -> None:
        """Append the collected events to each station's chain, in time order, with their hashes."""
        rows: list[dict[str, Any]] = []
        for station_id in sorted(self.events):
            last = self.session.execute(
                select(AuditEvent.seq, AuditEvent.hash)
                .where(AuditEvent.station_id == station_id)
                .order_by(AuditEvent.seq.desc())
                .limit(1)
            ).first()
            seq, prev_hash = (last.seq, last.hash) if last else (0, GENESIS_HASH)
            for when, _order, event in sorted(self.events[station_id], key=lambda e: (e[0], e[1])):
                seq += 1
                payload = json.loads(json.dumps(event["payload"]))
                hashes = sorted(set(event["photo_hashes"]))
                content = {
                    "station_id": station_id, "seq": seq, "occurred_at": when, "actor_id": event["actor_id"],
                    "action": event["action"], "entity_type": event["entity_type"],
                    "entity_id": event["entity_id"], "return_id": event["return_id"],
                    "inspection_id": event["inspection_id"], "payload": payload, "photo_hashes": hashes,
                    "prev_hash": prev_hash,
                }
                digest = event_digest(**content)
                rows.append({**content, "id": _uuid(self.rng), "hash": digest})
                prev_hash = digest
        for start in range(0, len(rows), CHUNK):
            self.session.execute(AuditEvent.__table__.insert(), rows[start:start + CHUNK])
        self.counts["events"] = len(rows)


# --- public API ------------------------------------------------------------------------------------


def default_now() -> datetime:
    """The default reference time: now (UTC), truncated to the hour."""
    return datetime.now(UTC).replace(minute=0, second=0, microsecond=0)


def seed_demo(
    database: Database,
    photos: PhotoStore,
    station: StationContext,
    *,
    returns: int = 500,
    inspections: int = 200,
    seed: int = 42,
    now: datetime | None = None,
    progress: ProgressCallback | None = None,
) -> SeedReport:
    """Fill the database with realistic demo data and return what was written.

    ``returns`` announced returns are created for the configured station's warehouse (and a minority
    for the German warehouse ``DE-DUS``); ``inspections`` finished inspections of received parcels
    follow, with photos in ``photos`` and their audit events. ``station`` is the configured station
    (:attr:`inspector.app.Services.station`). ``now`` (timezone-aware) is the reference time every
    date is derived from; ``progress(done, total)`` is called as the work proceeds.

    Fewer inspections than asked are made when the returns cannot supply enough units (about one
    inspection per return is available). The whole seed is one transaction. See the module
    docstring for reproducibility and for seeding a database that already holds returns.
    """
    if returns < 0 or inspections < 0:
        raise ValueError("returns and inspections must be zero or more")
    if now is None:
        now = default_now()
    elif now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    now = now.astimezone(UTC)
    started = time.perf_counter()
    with database.session() as session:
        existing = int(session.scalar(select(func.count()).select_from(Return)) or 0)
        existing_inspections = int(session.scalar(select(func.count()).select_from(Inspection)) or 0)
        existing_rmas: set[str] = set()
        if existing:
            existing_rmas = set(session.scalars(select(Return.rma_number)))
        stream_key = f"{seed}" if existing == 0 else f"{seed}+{existing}"
        rng = random.Random(seed) if existing == 0 else random.Random(stream_key)
        seeder = _Seeder(session, photos, station, rng, now, progress, returns + inspections)
        seeder.stream_key = stream_key
        seeder.lpn_start = existing_inspections
        if existing_inspections:
            taken = set(session.scalars(select(Inspection.lpn).where(Inspection.lpn.like("LPN9%"))))
            while any(f"LPN9{n:09d}" in taken for n in range(seeder.lpn_start + 1,
                                                              seeder.lpn_start + inspections + 1)):
                seeder.lpn_start += inspections + 1
        # A big transaction with random UUID keys touches index pages all over the file: a larger page
        # cache (SQLite allocates it only as needed) keeps them in memory until the commit.
        cache_size = session.execute(text("PRAGMA cache_size")).scalar()
        session.execute(text(f"PRAGMA cache_size = {-SEED_CACHE_KIB}"))
        try:
            seeder.setup_organisation()
            infos = seeder.generate_returns(returns, existing, existing_rmas)
            result = seeder.receive_and_inspect(infos, inspections)
            seeder._tick(seeder.total_work - seeder.done_work)
            samples = _sample_codes(infos, result["chosen"], seeder.people.badges)
            session.flush()
        finally:
            session.execute(text(f"PRAGMA cache_size = {int(cache_size or -2000)}"))
    counts = seeder.counts
    return SeedReport(
        returns=counts["returns"], return_lines=counts["lines"], parcels=counts["parcels"],
        inspections=counts["inspections"], photos=counts["photos"], audit_events=counts["events"],
        users_created=seeder.people.created, existing_returns=existing, seed=seed, now=now,
        seconds=time.perf_counter() - started, sample_codes=samples,
    )


def _sample_codes(infos: list[_ReturnInfo], received: set[int], badges: dict[str, str]) -> dict[str, str]:
    """Codes of a not-yet-received return of the configured warehouse, and the users' badges."""
    codes: dict[str, str] = {}
    waiting = [info for i, info in enumerate(infos) if i not in received and info.warehouse == 0]
    if waiting:
        info = waiting[-1]
        codes["RMA"] = info.rma
        codes[f"tracking number ({info.carrier})"] = info.tracking
        codes["portal QR"] = PORTAL_URL.format(rma=info.rma, postcode=info.postcode)
        codes["product EAN-13"] = CATALOGUE[info.lines[0][1]].gtin
        codes["postcode + house number"] = f"{info.postcode} {info.customer.house_number}"
    codes.update(badges)
    return codes


def run_demo_seed(services: Services, returns: int, inspections: int, seed: int, out: TextIO) -> int:
    """The ``inspector demo-seed`` command: seed and print a summary; returns the exit status."""
    last_shown = [-1]

    def progress(done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if percent // 10 != last_shown[0] // 10 and total >= 5000:
            last_shown[0] = percent
            out.write(f"  ... {percent} %\n")
            out.flush()

    report = seed_demo(services.database, services.photos, services.station, returns=returns,
                       inspections=inspections, seed=seed, progress=progress)
    out.write(report.summary() + "\n")
    return 0

