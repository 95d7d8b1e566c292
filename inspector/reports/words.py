"""The words of the printed and exported reports, in English (British) and Dutch; Qt-free.

One catalogue for every report writer: the intake report (PDF, CSV, XLSX) and the evidence-pack PDF.
The Qt screens have their own translations (``inspector/ui/texts.py`` and the ``.ts`` files); the
Dutch names here follow them so a grade reads the same on screen and on paper.

* :data:`REPORT` and :data:`EVIDENCE`: the sentences and labels of each kind of report, by key.
* :data:`NAMES`: the display names of the domain's codes (grades, dispositions, return reasons,
  categories, refund choices, refund advice, outcomes, flags, and the intake report's exceptions).
* :class:`Words`: one language's view of a table, with day-first dates and numbers written the way
  that language writes them (English ``1,234.5``; Dutch ``1.234,5``).

An unknown language falls back to English; an unknown code is shown as the code itself.
"""

from __future__ import annotations

import locale
import os
import string
from collections.abc import Mapping
from datetime import date, datetime
from typing import NamedTuple

LANGUAGES = ("en", "nl")


class Text(NamedTuple):
    """One text in every language of the catalogue."""

    en: str
    nl: str


# The intake report of the team lead (inspector.reports.report_pdf and report_tables).
REPORT: dict[str, Text] = {
    "title": Text("Intake report", "Ontvangstrapport"),
    "heading": Text("Intake report {code} — {name}", "Ontvangstrapport {code} — {name}"),
    "footer": Text("Intake report {code} · {period}", "Ontvangstrapport {code} · {period}"),
    "page": Text("page {n}", "pagina {n}"),
    "days": Text("{n} days", "{n} dagen"),
    "zone_note": Text("Local days in {zone}; generated {when}", "Lokale dagen in {zone}; gemaakt op {when}"),
    "empty_day": Text("<b>No parcels</b> were received and no items were inspected on this day.",
                      "Op deze dag zijn <b>geen pakketten</b> ontvangen en geen artikelen gekeurd."),
    "empty_period": Text("<b>No parcels</b> were received and no items were inspected in this period.",
                         "In deze periode zijn <b>geen pakketten</b> ontvangen en geen artikelen gekeurd."),
    "hourly_chart": Text("Intake per hour of the day", "Ontvangst per uur van de dag"),
    "hour_axis": Text("hour (local time)", "uur (lokale tijd)"),
    "items_graded": Text("Items graded", "Beoordeelde artikelen"),
    "footnote": Text(
        "Items count when graded in the period; parcels when scanned. Items per hour: items divided by the "
        "time from an inspector's first start to last finish on each day. Scan to graded: from the parcel "
        "scan to the item's grade. Recovered value: the grading's estimate of what the items will bring in.",
        "Artikelen tellen mee als ze in de periode zijn beoordeeld, pakketten als ze zijn gescand. Artikelen "
        "per uur: artikelen gedeeld door de tijd van de eerste start tot de laatste afronding van een "
        "inspecteur op elke dag. Scan tot beoordeling: van de scan van het pakket tot de beoordeling van het "
        "artikel. Teruggewonnen waarde: de schatting bij het beoordelen van wat de artikelen opbrengen."),
    "none": Text("none", "geen"),
    "no_key": Text("(none)", "(geen)"),
    # The XLSX workbook.
    "sheet_summary": Text("Summary", "Overzicht"),
    "sheet_items": Text("Items", "Artikelen"),
    "from": Text("From", "Van"),
    "to": Text("to", "tot en met"),
    "times_in": Text("Times in", "Tijden in"),
    # Key figures.
    "parcels_received": Text("Parcels received", "Ontvangen pakketten"),
    "items_inspected": Text("Items inspected", "Gekeurde artikelen"),
    "scan_mean": Text("Scan to graded, mean (min)", "Scan tot beoordeling, gemiddeld (min)"),
    "scan_median": Text("Scan to graded, median (min)", "Scan tot beoordeling, mediaan (min)"),
    "scan_p90": Text("Scan to graded, p90 (min)", "Scan tot beoordeling, p90 (min)"),
    "exceptions": Text("Exceptions", "Uitzonderingen"),
    "refunds_advised": Text("Refunds advised", "Geadviseerde terugbetalingen"),
    "recovered_value": Text("Estimated recovered value", "Geschatte teruggewonnen waarde"),
    # Summary sections: titles.
    "grades": Text("Grades", "Beoordelingen"),
    "dispositions": Text("Dispositions", "Bestemmingen"),
    "reasons": Text("Return reasons", "Retourredenen"),
    "categories": Text("Categories", "Categorieën"),
    "refund_choices": Text("Refund, exchange or store credit", "Geld terug, omruilen of tegoedbon"),
    "inspectors": Text("Inspectors", "Inspecteurs"),
    "stations": Text("Stations", "Stations"),
    "per_day": Text("Per day", "Per dag"),
    "per_day_with_intake": Text("Per day (days with parcels or items only)",
                                "Per dag (alleen dagen met pakketten of artikelen)"),
    "per_hour_of_day": Text("Per hour of the day", "Per uur van de dag"),
    # Summary sections: column headings.
    "grade": Text("Grade", "Beoordeling"),
    "disposition": Text("Disposition", "Bestemming"),
    "reason": Text("Reason", "Reden"),
    "category": Text("Category", "Categorie"),
    "customer_choice": Text("Customer's choice", "Keuze van de klant"),
    "inspector": Text("Inspector", "Inspecteur"),
    "station": Text("Station", "Station"),
    "exception": Text("Exception", "Uitzondering"),
    "items": Text("Items", "Artikelen"),
    "item_count": Text("Items", "Aantal"),
    "share": Text("Share", "Aandeel"),
    "recovered": Text("Recovered", "Opbrengst"),
    "refunds": Text("Refunds", "Terugbetaald"),
    "hours": Text("Hours", "Uren"),
    "per_hour": Text("Per hour", "Per uur"),
    "count": Text("Count", "Aantal"),
    "unit": Text("Of", "Eenheid"),
    "unit_items": Text("items", "artikelen"),
    "unit_parcels": Text("parcels", "pakketten"),
    "date": Text("Date", "Datum"),
    "parcels": Text("Parcels", "Pakketten"),
    "hour": Text("Hour", "Uur"),
    # The item list's columns (CSV and the XLSX items sheet), in order: see ITEM_COLUMNS.
    "col_graded_at": Text("Graded at", "Beoordeeld op"),
    "col_scanned_at": Text("Parcel scanned at", "Pakket gescand op"),
    "col_minutes": Text("Minutes scan to graded", "Minuten scan tot beoordeling"),
    "col_rma": Text("RMA", "RMA"),
    "col_lpn": Text("LPN", "LPN"),
    "col_sku": Text("SKU", "SKU"),
    "col_product": Text("Product", "Product"),
    "col_category": Text("Category", "Categorie"),
    "col_reason": Text("Return reason", "Retourreden"),
    "col_outcome": Text("Outcome", "Uitkomst"),
    "col_grade": Text("Grade", "Beoordeling"),
    "col_disposition": Text("Disposition", "Bestemming"),
    "col_choice": Text("Customer's choice", "Keuze van de klant"),
    "col_advice": Text("Refund advice", "Terugbetalingsadvies"),
    "col_refund": Text("Refund (EUR)", "Terugbetaling (EUR)"),
    "col_price": Text("Unit price (EUR)", "Stukprijs (EUR)"),
    "col_recovered": Text("Recovered value (EUR)", "Teruggewonnen waarde (EUR)"),
    "col_inspector": Text("Inspector", "Inspecteur"),
    "col_station": Text("Station", "Station"),
    "col_flags": Text("Flags", "Signalen"),
}

ITEM_COLUMNS = ("col_graded_at", "col_scanned_at", "col_minutes", "col_rma", "col_lpn", "col_sku",
                "col_product", "col_category", "col_reason", "col_outcome", "col_grade", "col_disposition",
                "col_choice", "col_advice", "col_refund", "col_price", "col_recovered", "col_inspector",
                "col_station", "col_flags")

# The evidence pack of one return (inspector.reports.evidence_pdf).
EVIDENCE: dict[str, Text] = {
    "title": Text("Evidence pack", "Bewijsdossier"),
    "generated": Text("Generated", "Gemaakt"),
    "return": Text("The return", "De retour"),
    "rma": Text("RMA", "RMA"),
    "order": Text("Order", "Bestelling"),
    "customer": Text("Customer", "Klant"),
    "tracking": Text("Tracking number", "Trackingnummer"),
    "announced": Text("Announced", "Aangemeld"),
    "delivered": Text("Delivered", "Geleverd"),
    "refund": Text("Customer asked for", "Klant vroeg om"),
    "item": Text("Item", "Artikel"),
    "reason": Text("Announced reason", "Opgegeven reden"),
    "comment": Text("Customer's comment", "Opmerking van de klant"),
    "inspection": Text("Inspection", "Inspectie"),
    "station": Text("Station", "Station"),
    "inspector": Text("Inspector", "Inspecteur"),
    "started": Text("Started", "Begonnen"),
    "finished": Text("Finished", "Klaar"),
    "outcome": Text("Outcome", "Uitkomst"),
    "grade": Text("Grade", "Beoordeling"),
    "suggested": Text("suggested", "voorgesteld"),
    "override": Text("Override reason", "Reden van afwijking"),
    "disposition": Text("Disposition", "Bestemming"),
    "flags": Text("Flags", "Signalen"),
    "history": Text("Grade history", "Verloop van de beoordeling"),
    "answers": Text("Answers", "Antwoorden"),
    "photos": Text("Photos", "Foto's"),
    "timeline": Text("Audit timeline", "Audittijdlijn"),
    "verification": Text("Verification", "Controle"),
    "chain_ok": Text("Audit chain of station {s} verified: {n} events, none changed, removed or inserted.",
                     "Auditketen van station {s} gecontroleerd: {n} gebeurtenissen, niets gewijzigd, "
                     "verwijderd of ingevoegd."),
    "chain_bad": Text("Audit chain of station {s} is BROKEN at event {seq}: {reason}.",
                      "Auditketen van station {s} is GEBROKEN bij gebeurtenis {seq}: {reason}."),
    "chain_ok_1": Text("Audit chain of station {s} verified: {n} event, none changed, removed or inserted.",
                       "Auditketen van station {s} gecontroleerd: {n} gebeurtenis, niets gewijzigd, "
                       "verwijderd of ingevoegd."),
    "photos_ok": Text("All {n} photo files match the SHA-256 recorded when they were taken.",
                      "Alle {n} fotobestanden hebben de SHA-256 die bij het maken is vastgelegd."),
    "photos_ok_1": Text("The photo file matches the SHA-256 recorded when it was taken.",
                        "Het fotobestand heeft de SHA-256 die bij het maken is vastgelegd."),
    "photo_bad": Text("Photo {name} does NOT match its recorded SHA-256 (the file was changed or is "
                      "missing).",
                      "Foto {name} heeft NIET de vastgelegde SHA-256 (bestand gewijzigd of weg)."),
    "photo_unrecorded": Text("Photo {name} is not in the audit log.",
                             "Foto {name} staat niet in het auditlog."),
    "record_ok": Text("Inspection record {n} (answers, grade, refund, notes, flags, photos) is the one "
                      "settled by event {e}.",
                      "Inspectierecord {n} (antwoorden, beoordeling, terugbetaling, notities, signalen, "
                      "foto's) is het record dat gebeurtenis {e} vastlegde."),
    "record_changed": Text("Inspection record {n} is NOT verified: the field {f} no longer matches "
                           "event {e}.",
                           "Inspectierecord {n} is NIET gecontroleerd: het veld {f} klopt niet meer met "
                           "gebeurtenis {e}."),
    "record_unprotected": Text("Inspection record {n} is NOT verified: it was settled before record hashes "
                               "existed.",
                               "Inspectierecord {n} is NIET gecontroleerd: het werd vastgelegd voordat "
                               "recordhashes bestonden."),
    "record_unsettled": Text("Inspection {n} is not finished: nothing is settled yet.",
                             "Inspectie {n} is niet afgerond: er is nog niets vastgelegd."),
    "taken": Text("Taken", "Gemaakt"),
    "check": Text("Anyone can check this pack with sha256sum and openssl: see README.txt in the ZIP.",
                  "Iedereen kan dit dossier controleren met sha256sum en openssl: zie README.txt in de ZIP."),
    "anchored": Text("The audit events of station {s} are anchored to the checkpoint the station signed at "
                     "event {seq}, with hash:",
                     "De auditgebeurtenissen van station {s} zijn verankerd aan het controlepunt dat het "
                     "station bij gebeurtenis {seq} ondertekende, met hash:"),
    "anchored_notary": Text("The audit events of station {s} are anchored to the checkpoint the station "
                            "signed at event {seq}, countersigned by the company's notary, with hash:",
                            "De auditgebeurtenissen van station {s} zijn verankerd aan het controlepunt dat "
                            "het station bij gebeurtenis {seq} ondertekende, medeondertekend door de notaris "
                            "van het bedrijf, met hash:"),
    "unanchored": Text("The audit events of station {s} are NOT anchored to a signed checkpoint.",
                       "De auditgebeurtenissen van station {s} zijn NIET verankerd aan een ondertekend "
                       "controlepunt."),
    "when": Text("When", "Wanneer"),
    "who": Text("Who", "Wie"),
    "what": Text("What", "Wat"),
    "details": Text("Details", "Details"),
    "status": Text("Check", "Controle"),
    "ok": Text("ok", "ok"),
    "changed": Text("CHANGED", "GEWIJZIGD"),
    "unverified": Text("after break", "na breuk"),
    "question": Text("Question", "Vraag"),
    "answer": Text("Answer", "Antwoord"),
    "disputes": Text("Disputes", "Geschillen"),
    "page": Text("page", "pagina"),
    "none": Text("none", "geen"),
}

# Display names of codes, by kind (the values of inspector.models.enums and the report's exception keys).
NAMES: dict[str, dict[str, Text]] = {
    "grade": {
        "restock": Text("Restock", "Terug op voorraad"),
        "refurbish": Text("Refurbish", "Opknappen"),
        "liquidate": Text("Liquidate", "Opkoper"),
        "scrap": Text("Scrap", "Afvoeren"),
    },
    "disposition": {  # inspector.services.grading.DISPOSITION_KINDS
        "restock_location": Text("Back to stock", "Terug op voorraad"),
        "refurbish_queue": Text("Refurbish queue", "Opknapwachtrij"),
        "liquidation_pallet": Text("Liquidation pallet", "Pallet voor opkoper"),
        "scrap_bin": Text("Scrap bin", "Afvalbak"),
        "supervisor_check": Text("Wrong item: supervisor decides",
                                 "Verkeerd artikel: leidinggevende beslist"),
    },
    "reason": {
        "ordered_by_mistake": Text("Ordered by mistake", "Per ongeluk besteld"),
        "wrong_size": Text("Wrong size", "Verkeerde maat"),
        "wrong_colour": Text("Wrong colour", "Verkeerde kleur"),
        "no_longer_needed": Text("No longer needed", "Niet meer nodig"),
        "not_as_described": Text("Not as described", "Niet zoals beschreven"),
        "parts_missing": Text("Parts missing", "Onderdelen ontbreken"),
        "damaged": Text("Arrived damaged", "Beschadigd aangekomen"),
        "cheaper_elsewhere": Text("Cheaper elsewhere", "Elders goedkoper"),
        "arrived_too_late": Text("Arrived too late", "Te laat geleverd"),
        "wrong_item_sent": Text("Wrong item sent", "Verkeerd artikel gestuurd"),
        "defective": Text("Defective", "Defect"),
        "other": Text("Other reason", "Andere reden"),
    },
    "category": {
        "apparel": Text("Apparel", "Kleding"),
        "shoes": Text("Shoes", "Schoenen"),
        "electronics": Text("Electronics", "Elektronica"),
        "cosmetics": Text("Cosmetics", "Cosmetica"),
        "home": Text("Home goods", "Wonen"),
        "other": Text("Other", "Overig"),
    },
    "refund_choice": {
        "refund": Text("Money back", "Geld terug"),
        "exchange": Text("Exchange", "Omruilen"),
        "store_credit": Text("Store credit", "Tegoedbon"),
        "unknown": Text("Not known yet", "Nog onbekend"),
    },
    "refund_advice": {
        "full": Text("Full refund", "Volledige terugbetaling"),
        "partial": Text("Partial refund", "Gedeeltelijke terugbetaling"),
        "none": Text("No refund", "Geen terugbetaling"),
    },
    "outcome": {
        "received": Text("Received", "Ontvangen"),
        "missing": Text("Missing", "Ontbreekt"),
        "wrong_item": Text("Wrong item", "Verkeerd artikel"),
        "extra": Text("Extra item", "Extra artikel"),
    },
    "flag": {
        "wrong_item": Text("Wrong item", "Verkeerd artikel"),
        "missing": Text("Missing", "Ontbreekt"),
        "extra": Text("Extra item", "Extra artikel"),
        "suspected_fraud": Text("Suspected fraud", "Vermoeden van fraude"),
        "late": Text("Late return", "Te late retour"),
        "conflict": Text("Conflict", "Conflict"),
        "override": Text("Grade overridden", "Beoordeling aangepast"),
        "unannounced": Text("Unannounced", "Niet aangemeld"),
        "damaged_in_transit": Text("Damaged in transit", "Beschadigd tijdens transport"),
        "hazardous": Text("Hazardous goods", "Gevaarlijke stoffen"),
    },
    "role": {
        "inspector": Text("Inspector", "Inspecteur"),
        "supervisor": Text("Supervisor", "Leidinggevende"),
        "team_lead": Text("Team lead", "Teamleider"),
        "admin": Text("Administrator", "Beheerder"),
    },
    "exception": {  # inspector.reports.intake_report: parcel counts, then EXCEPTION_FLAGS, then conflicts
        "unknown_parcels": Text("Unknown parcels", "Onbekende pakketten"),
        "parcel_conflicts": Text("Parcel conflicts", "Pakketconflicten"),
        "wrong_item": Text("Wrong items", "Verkeerde artikelen"),
        "missing": Text("Missing items", "Ontbrekende artikelen"),
        "extra": Text("Extra items", "Extra artikelen"),
        "late": Text("Late returns", "Te late retouren"),
        "override": Text("Grade overrides", "Aangepaste beoordelingen"),
        "suspected_fraud": Text("Suspected fraud", "Vermoeden van fraude"),
        "damaged_in_transit": Text("Damaged in transit", "Beschadigd tijdens transport"),
        "hazardous": Text("Hazardous goods", "Gevaarlijke stoffen"),
        "conflicts": Text("Inspection conflicts", "Inspectieconflicten"),
    },
}

# The badge sheet (inspector.reports.badges).
BADGES: dict[str, Text] = {
    "title": Text("Badges", "Badges"),
    "footer": Text("Badge sheet {warehouse} · keep it safe: a badge is a login",
                   "Badgevel {warehouse} · bewaar het veilig: een badge is een aanmelding"),
}

_DAYS = {"en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
         "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")}
_SHORT_DAYS = {"en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
               "nl": ("ma", "di", "wo", "do", "vr", "za", "zo")}
_MONTHS = {"en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"),
           "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                  "oktober", "november", "december")}


def language_code(language: str | None) -> str:
    """'nl' or 'en' for a language or locale name ('nl', 'nl_NL', 'en-GB'...); English when unknown."""
    code = (language or "").replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else "en"


def system_language() -> str:
    """The operating system's language as 'nl' or 'en' (without Qt): LC_ALL, LC_MESSAGES, LANG, locale."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(name):
            return language_code(os.environ[name])
    current = (locale.getlocale()[0] or "").lower()
    return "nl" if current.startswith(("nl", "dutch")) else "en"


def resolve_language(configured: str | None) -> str:
    """'nl' or 'en': the configured language (a station's setting), else the system's."""
    return language_code(configured) if configured else system_language()


def placeholders(text: str) -> set[str]:
    """The ``{name}`` fields of a text."""
    return {field for _literal, field, _spec, _conv in string.Formatter().parse(text) if field}


class Words:
    """The texts of one table (:data:`REPORT` or :data:`EVIDENCE`), code names and formats in a language."""

    def __init__(self, language: str | None = "en", texts: Mapping[str, Text] = REPORT) -> None:
        self.language = language_code(language)
        self.texts = texts

    def __call__(self, key: str, count: int | None = None, **values: object) -> str:
        """The text ``key`` with its ``{placeholders}`` filled in (the key itself when unknown).

        With ``count``: ``{n}`` is the count written the language's way, and ``key_1`` (when there is
        one) is the text for exactly one."""
        if count is not None:
            values["n"] = self.number(count)
            key = f"{key}_1" if count == 1 and f"{key}_1" in self.texts else key
        text = self.texts.get(key)
        return getattr(text, self.language).format(**values) if text else key

    def name(self, kind: str, code: object) -> str:
        """The display name of a code of ``kind`` ('grade', 'reason'...); unknown codes as they are."""
        key = str(getattr(code, "value", code) or "")
        text = NAMES.get(kind, {}).get(key)
        return getattr(text, self.language) if text else key

    # --- numbers: English 1,234.5 and Dutch 1.234,5 ---

    def number(self, value: float, digits: int = 0) -> str:
        """A number with thousands separators and ``digits`` decimals."""
        text = f"{value:,.{digits}f}"
        return text.translate(str.maketrans(",.", ".,")) if self.language == "nl" else text

    def money(self, cents: int) -> str:
        """An amount in euros: € 1,234.56 / € 1.234,56."""
        return f"€ {self.number(cents / 100, 2)}"

    def percent(self, fraction: float) -> str:
        """A share as a percentage with one decimal: 12.5 % / 12,5 %."""
        return f"{self.number(fraction * 100, 1)} %"

    # --- dates, always day first ---

    def day(self, value: date) -> str:
        """A date in a table: 'Sat 28 Mar 2026' / 'za 28-03-2026'."""
        short = _SHORT_DAYS[self.language][value.weekday()]
        if self.language == "nl":
            return f"{short} {value:%d-%m-%Y}"
        return f"{short} {value.day:02d} {_MONTHS['en'][value.month - 1][:3]} {value.year}"

    def long_day(self, value: date) -> str:
        """A date written out: 'Saturday 28 March 2026' / 'zaterdag 28 maart 2026'."""
        return (f"{_DAYS[self.language][value.weekday()]} {value.day} "
                f"{_MONTHS[self.language][value.month - 1]} {value.year}")

    def moment(self, value: datetime) -> str:
        """A date and time: '30 Mar 2026 15:00' / '30-03-2026 15:00'."""
        if self.language == "nl":
            return f"{value:%d-%m-%Y %H:%M}"
        return f"{value.day:02d} {_MONTHS['en'][value.month - 1][:3]} {value.year} {value:%H:%M}"
