"""The demo's reference data: people and places, the catalogue, texts, answer sets (``resources/demo``).

The data itself is JSON in ``resources/demo/*.json``; this module loads it once and turns it into
the lookups and weighted pickers the seeder draws from.
"""

from __future__ import annotations

import bisect
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import Any

from inspector.models import BoxCondition, Category, Channel, Grade, RefundChoice, ReturnReason
from inspector.paths import resources_dir
from inspector.scanning.samples import make_gtin13

GRADES = (Grade.RESTOCK, Grade.REFURBISH, Grade.LIQUIDATE, Grade.SCRAP)


def load(name: str) -> dict[str, Any]:
    """One of the ``resources/demo/<name>.json`` files."""
    return _load(name)


@cache
def _load(name: str) -> dict[str, Any]:
    with (resources_dir() / "demo" / f"{name}.json").open(encoding="utf-8") as file:
        data: dict[str, Any] = json.load(file)
    return data


class Picker:
    """Weighted random choice with precomputed cumulative weights (faster than rng.choices)."""

    def __init__(self, items: Sequence[Any], weights: Sequence[float]) -> None:
        self.items = tuple(items)
        self.cum = list(accumulate(weights))
        self.total = self.cum[-1]

    def __call__(self, rng: random.Random) -> Any:
        """One item, drawn with ``rng``."""
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]


def picker(weights: dict[str, float], convert: Any = str) -> Picker:
    """A :class:`Picker` over a JSON object of ``{item: weight}`` (items converted with ``convert``)."""
    return Picker([convert(key) for key in weights], list(weights.values()))


# --- people and places ------------------------------------------------------------------------------

PEOPLE = load("people")
FIRST_NAMES: dict[str, tuple[str, ...]] = {c: tuple(v) for c, v in PEOPLE["first_names"].items()}
LAST_NAMES: dict[str, tuple[str, ...]] = {c: tuple(v) for c, v in PEOPLE["last_names"].items()}
CITIES: dict[str, tuple[tuple[str, int, int], ...]] = {
    country: tuple((city, low, high) for city, low, high in cities)
    for country, cities in PEOPLE["cities"].items()
}
NL_POSTCODE_LETTERS: str = PEOPLE["nl_postcode_letters"]  # F, I, O, Q, U and Y are not used
HOUSE_ADDITIONS: dict[str, tuple[str, ...]] = {c: tuple(v) for c, v in PEOPLE["house_additions"].items()}


# --- the catalogue ----------------------------------------------------------------------------------


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


_SHOP = load("catalogue")


def _build_catalogue() -> tuple[Product, ...]:
    # A fixed stream of its own: the catalogue (and its GTINs) is the same for every seed.
    rng = random.Random("return-inspector-demo-catalogue")
    seen: set[str] = set()
    products = []
    for category, specs in _SHOP["products"].items():
        for sku, name, price, serial_kind, hazardous in specs:
            gtin = make_gtin13(rng)
            while gtin in seen:
                gtin = make_gtin13(rng)
            seen.add(gtin)
            products.append(Product(sku, name, Category(category), price, gtin, serial_kind, hazardous))
    return tuple(products)


CATALOGUE: tuple[Product, ...] = _build_catalogue()
BY_CATEGORY: dict[Category, tuple[int, ...]] = {
    Category(category): tuple(i for i, p in enumerate(CATALOGUE) if p.category == category)
    for category in _SHOP["products"]
}
CATEGORY_WEIGHTS: dict[str, int] = _SHOP["category_weights"]
REASON_WEIGHTS: dict[Category, dict[str, int]] = {Category(c): w for c, w in _SHOP["reasons"].items()}
SERIAL_PREFIX: dict[str, str] = _SHOP["serial_prefixes"]
SERIAL_CHARS: str = _SHOP["serial_chars"]


# --- texts ------------------------------------------------------------------------------------------

_TEXTS = load("texts")
COMMENT_RATE: float = _TEXTS["comment_rate"]
COMMENTS: dict[ReturnReason, dict[str, tuple[str, ...]]] = {
    ReturnReason(reason): {language: tuple(texts) for language, texts in by_language.items()}
    for reason, by_language in _TEXTS["comments"].items()
}
OVERRIDE_REASONS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _TEXTS["override_reasons"].items()}
INSPECTION_NOTES: tuple[str, ...] = tuple(_TEXTS["inspection_notes"])
FRAUD_NOTES: tuple[str, ...] = tuple(_TEXTS["fraud_notes"])
MANUAL_VERIFICATION_NOTES: tuple[str, ...] = tuple(_TEXTS["manual_verification_notes"])


# --- pickers the seeder shares ------------------------------------------------------------------------


@dataclass(frozen=True)
class Pickers:
    """The weighted choices of a seed, built once per run."""

    country: Picker
    channel: Picker
    carrier: dict[str, Picker]
    mail_domain: dict[str, Picker]
    category: Picker
    reason: dict[Category, Picker]
    lines: Picker
    refund_fit: Picker
    refund_other: Picker
    box: Picker

    @classmethod
    def build(cls) -> Pickers:
        """The pickers of the reference data."""
        refunds = (RefundChoice.REFUND, RefundChoice.EXCHANGE, RefundChoice.STORE_CREDIT)
        return cls(
            country=picker(PEOPLE["countries"]),
            channel=picker(PEOPLE["channels"], Channel),
            carrier={c: picker(w) for c, w in PEOPLE["carriers"].items()},
            mail_domain={c: picker(w) for c, w in PEOPLE["mail_domains"].items()},
            category=picker(CATEGORY_WEIGHTS, Category),
            reason={c: picker(w, ReturnReason) for c, w in REASON_WEIGHTS.items()},
            lines=Picker((1, 2, 3, 4), (62, 26, 9, 3)),
            refund_fit=Picker(refunds, (50, 38, 12)),  # size or colour: exchange is popular
            refund_other=Picker(refunds, (74, 9, 17)),
            box=Picker(list(BoxCondition), (88, 6, 4, 2)),
        )
