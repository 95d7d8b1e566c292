"""Demo customers of the Netherlands, Belgium and Germany: names, e-mail addresses, postcodes."""

from __future__ import annotations

import random
import unicodedata
from functools import lru_cache

from inspector.services.demo.reference import (
    CITIES,
    FIRST_NAMES,
    HOUSE_ADDITIONS,
    LAST_NAMES,
    NL_POSTCODE_LETTERS,
    Pickers,
)
from inspector.services.demo.state import Customer


@lru_cache(maxsize=1024)
def mail_part(text: str) -> str:
    """A name as it appears in an e-mail address: lower case ASCII, umlauts spelled out."""
    text = text.casefold()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return "".join(c for c in plain if c.isascii() and c.isalnum())


def name_key(name: str) -> str:
    """The case-insensitive search key, as the returns import computes it."""
    return " ".join(name.casefold().split())


def make_customer(rng: random.Random, pickers: Pickers) -> Customer:
    """A customer drawn from the reference data: a name, an address and e-mail that fit the country."""
    country = pickers.country(rng)
    first = rng.choice(FIRST_NAMES[country])
    last = rng.choice(LAST_NAMES[country])
    name = f"{first} {last}"
    f, la = mail_part(first), mail_part(last)
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
    email = f"{local}@{pickers.mail_domain[country](rng)}"
    _city, low, high = rng.choice(CITIES[country])
    number = rng.randint(low, high)
    if country == "NL":
        a = rng.choice(NL_POSTCODE_LETTERS)
        b = rng.choice(NL_POSTCODE_LETTERS)
        if a == "S" and b in "ADS":  # SA, SD and SS are not issued
            b = "B"
        postcode = f"{number:04d}{a}{b}"
    else:
        postcode = f"{number:04d}" if country == "BE" else f"{number:05d}"
    house = str(min(1 + int(rng.expovariate(1 / 35)), 399))
    if rng.random() < (0.15 if country == "NL" else 0.08):
        house += rng.choice(HOUSE_ADDITIONS[country])
    segment = "vip" if rng.random() < 0.04 else "regular"
    language = "en" if rng.random() < 0.12 else ("de" if country == "DE" else "nl")
    return Customer(name, name_key(name), email, country, postcode, house, segment, language)
