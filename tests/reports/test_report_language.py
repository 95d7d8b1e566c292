"""The reports in Dutch and English: one catalogue of words, and PDF, CSV and XLSX written in either."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from inspector.app import Services, build_services
from inspector.cli import main
from inspector.models import Category, Flag, Grade, Inspection, ItemOutcome, Photo, RefundChoice, Return
from inspector.models.enums import RefundRecommendation, ReturnReason, Role
from inspector.reports.cli_report import export_report, write_report
from inspector.reports.evidence import build_evidence_pack
from inspector.reports.intake_report import EXCEPTION_FLAGS, IntakeReport, build_intake_report
from inspector.reports.report_tables import ITEM_HEADERS, ItemRow, item_headers, summary_sections
from inspector.reports.words import (
    EVIDENCE,
    ITEM_COLUMNS,
    NAMES,
    REPORT,
    Words,
    language_code,
    placeholders,
    resolve_language,
)
from inspector.services.access import COMMAND_LINE
from inspector.services.demo_data import seed_demo
from inspector.services.grading import DISPOSITION_KINDS, WRONG_ITEM_KIND

NOW = datetime(2026, 3, 30, 15, tzinfo=UTC)
WEEK = (date(2026, 3, 24), date(2026, 3, 30))


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """One demo database for the module's read-only tests."""
    services = build_services(tmp_path_factory.mktemp("seeded") / "data")
    seed_demo(services.database, services.photos, services.station, returns=80, inspections=50, seed=7,
              now=NOW)
    yield services
    services.close()


@pytest.fixture(scope="module")
def week(seeded: Services) -> IntakeReport:
    report = build_intake_report(seeded.database, "NL-AMS", *WEEK, user=COMMAND_LINE)
    assert report.items_inspected > 0 and any(b.key == "restock" for b in report.by_grade)
    return report


def _pdf_text(path: Path) -> str:
    """The PDF's text: poppler's pdftotext when installed, else Qt's PDF module."""
    assert path.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
    qtpdf = pytest.importorskip("PySide6.QtPdf")
    from PySide6.QtCore import QCoreApplication

    _app = QCoreApplication.instance() or QCoreApplication([])
    document = qtpdf.QPdfDocument()
    document.load(str(path))
    return "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))


def _csv_rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM, in every language
    return list(csv.reader(raw.decode("utf-8-sig").splitlines()))


# --- the catalogue ---


def test_every_catalogue_entry_has_english_and_dutch_with_the_same_placeholders() -> None:
    entries = [*REPORT.items(), *EVIDENCE.items(),
               *((f"{kind}.{code}", text) for kind, names in NAMES.items() for code, text in names.items())]
    for key, text in entries:
        assert text.en.strip() and text.nl.strip(), key
        assert placeholders(text.en) == placeholders(text.nl), key
    assert set(ITEM_COLUMNS) <= set(REPORT)


def test_every_code_of_the_domain_has_a_name() -> None:
    expected = {
        "grade": {g.value for g in Grade},
        "reason": {r.value for r in ReturnReason},
        "category": {c.value for c in Category},
        "refund_choice": {c.value for c in RefundChoice},
        "refund_advice": {r.value for r in RefundRecommendation},
        "outcome": {o.value for o in ItemOutcome},
        "flag": {f.value for f in Flag},
        "disposition": set(DISPOSITION_KINDS.values()) | {WRONG_ITEM_KIND},
        "exception": {"unknown_parcels", "parcel_conflicts", "conflicts", *EXCEPTION_FLAGS},
        "role": {r.value for r in Role},  # the badge sheet
    }
    assert {kind: set(names) for kind, names in NAMES.items()} == expected


def test_unknown_languages_fall_back_to_english_and_unknown_codes_show_themselves() -> None:
    assert [language_code(x) for x in ("nl", "nl_NL", "nl-BE", "NL_nl.UTF-8", "en_GB", "fr", "", None)] == [
        "nl", "nl", "nl", "nl", "en", "en", "en", "en"]
    assert Words("fr")("title") == "Intake report" and Words("nl_NL")("title") == "Ontvangstrapport"
    assert Words("nl").name("grade", Grade.RESTOCK) == "Terug op voorraad"
    assert Words("en").name("grade", "restock") == "Restock"
    assert Words("nl").name("grade", "polish") == "polish" and Words("nl").name("no_such_kind", "x") == "x"
    assert Words("nl").name("grade", None) == "" and Words("en")("no_such_key") == "no_such_key"
    assert resolve_language("nl") == "nl" and resolve_language("en_GB") == "en"


def test_numbers_and_dates_are_written_the_languages_way() -> None:
    en, nl = Words("en"), Words("nl")
    assert (en.money(123456), nl.money(123456)) == ("€ 1,234.56", "€ 1.234,56")
    assert (en.percent(0.125), nl.percent(0.125)) == ("12.5 %", "12,5 %")
    assert (en.number(12345), nl.number(12345)) == ("12,345", "12.345")
    day = date(2026, 11, 21)
    assert (en.day(day), nl.day(day)) == ("Sat 21 Nov 2026", "za 21-11-2026")
    assert (en.long_day(day), nl.long_day(day)) == ("Saturday 21 November 2026", "zaterdag 21 november 2026")
    moment = datetime(2026, 11, 21, 9, 5)
    assert (en.moment(moment), nl.moment(moment)) == ("21 Nov 2026 09:05", "21-11-2026 09:05")


# --- the files ---


def test_csv_in_dutch_translates_the_header_and_names_and_keeps_machine_formats(
        week: IntakeReport, tmp_path: Path) -> None:
    dutch = _csv_rows(write_report(week, "csv", tmp_path / "nl.csv", language="nl"))
    english = _csv_rows(write_report(week, "csv", tmp_path / "en.csv", language="en"))
    assert english[0] == list(ITEM_HEADERS) and english[0][0] == "Graded at"
    assert dutch[0] == list(item_headers("nl"))
    assert {"Beoordeeld op", "Beoordeling", "Retourreden", "Keuze van de klant"} <= set(dutch[0])
    assert len(dutch) == len(english) == week.items_inspected + 1
    grade = ITEM_HEADERS.index("Grade")
    restocked = [n for n, item in enumerate(week.items, start=1) if item.grade == "restock"]
    assert restocked and all(dutch[n][grade] == "Terug op voorraad" for n in restocked)
    assert all(english[n][grade] == "Restock" for n in restocked)
    # Times, amounts and minutes stay machine-readable in every language.
    for column in ("Graded at", "Unit price (EUR)", "Minutes scan to graded", "RMA"):
        index = ITEM_HEADERS.index(column)
        assert [row[index] for row in dutch[1:]] == [row[index] for row in english[1:]]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", dutch[1][0])
    assert re.fullmatch(r"-?\d+\.\d\d", dutch[1][ITEM_HEADERS.index("Unit price (EUR)")])


def test_csv_in_dutch_still_defuses_formulas(tmp_path: Path) -> None:
    when = datetime(2026, 5, 4, 9, tzinfo=UTC)
    item = ItemRow(when, when, 5.0, "RMA00000001", "+31-6", "@SUM(A1)", "=HYPERLINK(\"http://x\")",
                   "apparel", "=cmd", "received", "scrap", "scrap_bin", "store_credit", "none", -1250, 5000,
                   0, "Zoë", "ST-01", ("late", "hazardous"))
    report = IntakeReport("NL-AMS", "Amsterdam", "Europe/Amsterdam", when.date(), when.date(), when,
                          items_inspected=1, items=[item])
    rows = list(csv.DictReader(
        write_report(report, "csv", tmp_path / "nl.csv", language="nl").read_text("utf-8-sig").splitlines()))
    row = rows[0]
    assert row["Product"] == "'=HYPERLINK(\"http://x\")" and row["SKU"] == "'@SUM(A1)"
    assert row["LPN"] == "'+31-6" and row["Retourreden"] == "'=cmd"  # an unknown code shows itself, defused
    assert row["Terugbetaling (EUR)"] == "-12.50"
    assert (row["Beoordeling"], row["Bestemming"], row["Keuze van de klant"]) == (
        "Afvoeren", "Afvalbak", "Tegoedbon")
    assert row["Signalen"] == "Te late retour, Gevaarlijke stoffen"


def test_xlsx_in_dutch_has_dutch_sheets_labels_and_names(week: IntakeReport, tmp_path: Path) -> None:
    book = load_workbook(write_report(week, "xlsx", tmp_path / "nl.xlsx", language="nl"))
    assert book.sheetnames == ["Overzicht", "Artikelen"]
    items = book["Artikelen"]
    assert [c.value for c in items[1]] == list(item_headers("nl"))
    grades = {row[ITEM_HEADERS.index("Grade")] for row in items.iter_rows(min_row=2, values_only=True)}
    assert "Terug op voorraad" in grades and "restock" not in grades
    summary = {row[0].value: row[1] for row in book["Overzicht"].iter_rows() if row[0].value}
    assert summary["Gekeurde artikelen"].value == week.items_inspected
    assert summary["Van"].is_date
    assert "€" in summary["Geschatte teruggewonnen waarde"].number_format
    titles = {section.title for section in summary_sections(week, language="nl")}
    assert {"Beoordelingen", "Bestemmingen", "Retourredenen", "Uitzonderingen", "Per dag"} <= titles
    assert titles <= set(summary) and "Terug op voorraad" in summary

    english = load_workbook(write_report(week, "xlsx", tmp_path / "en.xlsx"))
    assert english.sheetnames == ["Summary", "Items"]
    first_column = {row[0] for row in english["Summary"].iter_rows(values_only=True)}
    assert {"Items inspected", "Grades", "Return reasons", "Restock"} <= first_column


def test_sections_keep_their_keys_in_every_language(week: IntakeReport) -> None:
    dutch, english = (summary_sections(week, language=x) for x in ("nl", "en"))
    assert [s.key for s in dutch] == [s.key for s in english]
    assert [s.title for s in english][:3] == ["Grades", "Dispositions", "Return reasons"]
    assert [s.title for s in dutch][:3] == ["Beoordelingen", "Bestemmingen", "Retourredenen"]


def test_pdf_in_dutch_has_dutch_titles_dates_and_numbers(week: IntakeReport, tmp_path: Path) -> None:
    text = _pdf_text(write_report(week, "pdf", tmp_path / "nl.pdf", language="nl"))
    for title in ("Ontvangstrapport", "Ontvangst per uur van de dag", "Beoordelingen", "Bestemmingen",
                  "Retourredenen", "Categorieën", "Inspecteurs", "Uitzonderingen", "Per dag",
                  "Ontvangen pakketten", "Terug op voorraad", "dinsdag 24 maart 2026", "(7 dagen)",
                  "pagina 1"):
        assert title in text, title
    assert "Intake report" not in text and "Restock" not in text
    assert re.search(r"€ \d{1,3}(\.\d{3})*,\d\d", text) and re.search(r"\d+,\d %", text)

    english = _pdf_text(write_report(week, "pdf", tmp_path / "en.pdf"))
    for title in ("Intake report", "Grades", "Return reasons", "Restock", "Tuesday 24 March 2026", "page 1"):
        assert title in english, title
    assert re.search(r"€ \d{1,3}(,\d{3})*\.\d\d", english)


def test_an_empty_dutch_day_says_so(tmp_path: Path) -> None:
    services = build_services(tmp_path / "data")
    try:
        report = build_intake_report(services.database, "NL-AMS", date(2026, 1, 1), date(2026, 1, 1),
            user=COMMAND_LINE)
    finally:
        services.close()
    text = _pdf_text(write_report(report, "pdf", tmp_path / "empty.pdf", language="nl"))
    assert "geen pakketten" in text and "donderdag 1 januari 2026" in text


def test_export_report_passes_the_language_on(seeded: Services, tmp_path: Path) -> None:
    path = export_report(seeded.database, "NL-AMS", *WEEK, "csv", tmp_path / "r.csv", language="nl")
    assert _csv_rows(path)[0][0] == "Beoordeeld op"


# --- the command line ---


def test_the_cli_follows_the_station_language_unless_told(tmp_path: Path) -> None:
    services = build_services(tmp_path / "data")
    services.save_settings(replace(services.settings, language="nl"), user=COMMAND_LINE)
    services.close()
    base = ["--data-dir", str(tmp_path / "data"), "report", "daily", "--date", "2026-01-01",
            "--format", "csv"]
    assert main([*base, "--out", str(tmp_path / "station.csv")]) == 0
    assert _csv_rows(tmp_path / "station.csv")[0][0] == "Beoordeeld op"
    assert main([*base, "--out", str(tmp_path / "told.csv"), "--language", "en"]) == 0
    assert _csv_rows(tmp_path / "told.csv")[0][0] == "Graded at"
    with pytest.raises(SystemExit):
        main([*base, "--out", str(tmp_path / "x.csv"), "--language", "fr"])


def test_the_cli_follows_the_system_when_the_station_has_no_language(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    base = ["--data-dir", str(tmp_path / "data"), "report", "daily", "--date", "2026-01-01",
            "--format", "csv"]
    assert main([*base, "--out", str(tmp_path / "system.csv")]) == 0
    assert _csv_rows(tmp_path / "system.csv")[0][0] == "Beoordeeld op"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert main([*base, "--out", str(tmp_path / "british.csv")]) == 0
    assert _csv_rows(tmp_path / "british.csv")[0][0] == "Graded at"


# --- the evidence pack shares the catalogue ---


def test_the_dutch_evidence_pack_names_grades_in_dutch(tmp_path: Path) -> None:
    services = build_services(tmp_path / "data")
    try:
        seed_demo(services.database, services.photos, services.station, returns=30, inspections=12, seed=5,
                  now=datetime(2026, 11, 20, 15, tzinfo=UTC))
        with services.database.session() as session:
            inspection = session.scalars(select(Inspection).join(Photo, Photo.inspection_id == Inspection.id)
                                         .where(Inspection.final_grade.isnot(None))).first()
            assert inspection is not None
            rma = str(session.scalar(select(Return.rma_number).where(Return.id == inspection.return_id)))
            grade = str(inspection.final_grade)
        pack = build_evidence_pack(services.database, services.photos, services.templates, rma,
                                   tmp_path / "out", language="nl", user=COMMAND_LINE)
    finally:
        services.close()
    text = _pdf_text(pack.pdf)
    assert "Bewijsdossier" in text and "Beoordeling" in text
    assert NAMES["grade"][grade].nl in text
