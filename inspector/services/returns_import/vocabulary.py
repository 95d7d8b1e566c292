"""The import's vocabulary: countries, currencies, segments, and synonyms of categories, reasons,
refund choices, channels, countries and carriers in English, Dutch and German."""

from __future__ import annotations

from enum import StrEnum

from inspector.models.enums import (
    Category,
    Channel,
    RefundChoice,
    ReturnReason,
)
from inspector.services.returns_import.columns import _label_key

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
