"""The columns of an import file: canonical field names, their aliases in Dutch and German, lengths."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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
