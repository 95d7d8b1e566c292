"""The intake report: numbers checked against the rows, local days across DST, CSV/XLSX/PDF and the CLI."""

from __future__ import annotations

import csv
import shutil
import statistics
import subprocess
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from inspector.app import Services, build_services
from inspector.cli import main
from inspector.models import (
    Category,
    Channel,
    Grade,
    Inspection,
    InspectionStatus,
    Parcel,
    RefundChoice,
    Return,
    ReturnLine,
    ReturnReason,
    Station,
)
from inspector.reports.cli_report import export_report, write_report
from inspector.reports.intake_report import ReportCancelled, build_intake_report
from inspector.reports.report_tables import ITEM_HEADERS, csv_cell
from inspector.services.access import COMMAND_LINE
from inspector.services.demo_data import seed_demo

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 3, 30, 15, tzinfo=UTC)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """One demo database for the module's read-only tests (seeding is the slow part)."""
    services = build_services(tmp_path_factory.mktemp("seeded") / "data")
    seed_demo(services.database, services.photos, services.station, returns=120, inspections=80, seed=7,
              now=NOW)
    yield services
    services.close()


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Services]:
    """An empty station database (warehouse NL-AMS, Europe/Amsterdam)."""
    services = build_services(tmp_path / "data")
    yield services
    services.close()


def _expected(services: Services, first: date, last: date) -> dict[str, object]:
    """The report's numbers, recomputed the plain way: every row, its local date, Python counting."""
    with services.database.session() as session:
        stations = {s.id: s.warehouse_id for s in session.scalars(select(Station))}
        wid = services.station.warehouse_id
        parcels = [p for p in session.scalars(select(Parcel)) if stations.get(p.station_id) == wid
                   and first <= p.received_at.astimezone(AMS).date() <= last]
        items = [i for i in session.scalars(select(Inspection)) if i.status is InspectionStatus.FINISHED
                 and i.finished_at and stations.get(i.station_id) == wid
                 and first <= i.finished_at.astimezone(AMS).date() <= last]
        lines = {line.id: line for line in session.scalars(select(ReturnLine))}
        returns = {r.id: r for r in session.scalars(select(Return))}
        parcel_at = {p.id: p.received_at for p in session.scalars(select(Parcel))}
        minutes = [(i.finished_at - parcel_at[i.parcel_id]).total_seconds() / 60 for i in items
                   if i.parcel_id and i.final_grade]
        return {
            "parcels": len(parcels), "items": len(items),
            "grades": Counter(str(i.final_grade or "") for i in items),
            "reasons": Counter(str(lines[i.return_line_id].reason_code) if i.return_line_id else ""
                               for i in items),
            "choices": Counter(str(returns[i.return_id].refund_choice) for i in items),
            "recovered": sum(i.recovered_value_cents or 0 for i in items),
            "flags": Counter(f for i in items for f in i.flags),
            "hourly": Counter(p.received_at.astimezone(AMS).hour for p in parcels),
            "minutes": minutes,
            "inspectors": Counter(i.inspector_id for i in items),
        }


@pytest.mark.parametrize("first, last", [(date(2026, 3, 28), date(2026, 3, 28)),
                                         (date(2026, 3, 24), date(2026, 3, 30))])
def test_numbers_match_the_rows(seeded: Services, first: date, last: date) -> None:
    report = build_intake_report(seeded.database, "NL-AMS", first, last, user=COMMAND_LINE)
    expected = _expected(seeded, first, last)
    assert report.items_inspected > 0
    assert report.parcels_received == expected["parcels"]
    assert report.items_inspected == len(report.items) == expected["items"]
    assert {b.key: b.items for b in report.by_grade} == expected["grades"]
    assert {b.key: b.items for b in report.by_reason} == expected["reasons"]
    assert {b.key: b.items for b in report.by_refund_choice} == expected["choices"]
    assert report.recovered_cents == expected["recovered"]
    flags = expected["flags"]
    assert {e.key: e.items for e in report.exceptions if e.key in flags} == dict(flags)  # type: ignore[arg-type]
    assert report.hourly_parcels == [expected["hourly"][h] for h in range(24)]  # type: ignore[index]
    assert sorted(t.items for t in report.by_inspector) == sorted(expected["inspectors"].values())  # type: ignore[attr-defined]
    minutes = expected["minutes"]
    assert report.scan_to_graded.count == len(minutes)  # type: ignore[arg-type]
    assert report.scan_to_graded.mean == pytest.approx(statistics.fmean(minutes), abs=1e-3)  # type: ignore[arg-type]
    assert report.scan_to_graded.p50 == pytest.approx(statistics.median(minutes), abs=1e-3)  # type: ignore[arg-type]
    ordered = sorted(minutes)  # type: ignore[arg-type]
    rank = 0.9 * (len(ordered) - 1)
    low = int(rank)
    p90 = ordered[low] + (ordered[min(low + 1, len(ordered) - 1)] - ordered[low]) * (rank - low)
    assert report.scan_to_graded.p90 == pytest.approx(p90, abs=1e-3)
    assert all(t.per_hour is None or t.per_hour > 0 for t in report.by_inspector)


def _parcel_and_item(services: Services, received: datetime, graded: datetime, **item: object) -> None:
    """A return with one line, its parcel received at ``received`` and the unit graded at ``graded``."""
    with services.database.session() as session:
        ret = Return(warehouse_id=services.station.warehouse_id, rma_number=f"RMA{received:%m%d%H%M%S}",
                     order_number="O1", customer_name="Zoë Ångström", customer_email="z@example.nl",
                     postcode="1011AB", house_number="1", country="NL", channel=Channel.PORTAL,
                     refund_choice=RefundChoice.EXCHANGE)
        line = ReturnLine(line_no=1, sku="SKU-1", product_name="Jas", category=Category.APPAREL,
                          unit_price_cents=5000, reason_code=ReturnReason.WRONG_SIZE)
        ret.lines.append(line)
        session.add(ret)
        session.flush()
        parcel = Parcel(return_id=ret.id, received_at=received, station_id=services.station.station_id)
        session.add(parcel)
        session.flush()
        values = {"final_grade": Grade.RESTOCK, "disposition": "restock_location",
                  "recovered_value_cents": 4000, "refund_amount_cents": 5000, **item}
        session.add(Inspection(return_id=ret.id, return_line_id=line.id, parcel_id=parcel.id,
                               status=InspectionStatus.FINISHED, station_id=services.station.station_id,
                               started_at=graded - timedelta(minutes=5), finished_at=graded, **values))


def test_local_days_across_the_dst_switch(fresh: Services) -> None:
    # 23:30 UTC on 28 March is 00:30 CET on the 29th; the clocks go forward at 01:00 UTC on the 29th.
    def utc(day: int, hour: int, minute: int, second: int = 0) -> datetime:
        return datetime(2026, 3, day, hour, minute, second, tzinfo=UTC)

    _parcel_and_item(fresh, utc(28, 23, 30), utc(28, 23, 50))
    # 21:59 UTC on the 29th is 23:59 CEST (still the 29th); 22:30 UTC is 00:30 CEST on the 30th.
    _parcel_and_item(fresh, utc(29, 21, 59), utc(29, 21, 59, 30))
    _parcel_and_item(fresh, utc(29, 22, 30), utc(29, 22, 40))
    day = {d: build_intake_report(fresh.database, "NL-AMS", d, d, user=COMMAND_LINE) for d in
           (date(2026, 3, 28), date(2026, 3, 29), date(2026, 3, 30))}
    assert [day[d].parcels_received for d in sorted(day)] == [0, 2, 1]
    assert [day[d].items_inspected for d in sorted(day)] == [0, 2, 1]
    assert day[date(2026, 3, 29)].hourly_parcels[0] == 1
    assert day[date(2026, 3, 29)].hourly_parcels[23] == 1
    assert day[date(2026, 3, 30)].hourly_parcels[0] == 1
    week = build_intake_report(fresh.database, "NL-AMS", date(2026, 3, 28), date(2026, 3, 30),
        user=COMMAND_LINE)
    assert week.daily == [(date(2026, 3, 28), 0, 0), (date(2026, 3, 29), 2, 2), (date(2026, 3, 30), 1, 1)]
    assert week.by_refund_choice[0].key == "exchange"
    assert week.scan_to_graded.p50 == pytest.approx(10.0, abs=1e-3)


def test_an_empty_day_still_renders_with_no_parcels_text(fresh: Services, tmp_path: Path) -> None:
    report = build_intake_report(fresh.database, "NL-AMS", date(2026, 1, 1), date(2026, 1, 1),
        user=COMMAND_LINE)
    assert report.empty and report.items == [] and report.scan_to_graded.p50 is None
    pdf = write_report(report, "pdf", tmp_path / "empty.pdf")
    assert _pdf_pages(pdf) >= 1
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "No parcels" in text and "Thursday 1 January 2026" in text
    csv_path = write_report(report, "csv", tmp_path / "empty.csv")
    assert csv_path.read_text(encoding="utf-8-sig").strip() == ",".join(ITEM_HEADERS)


def _pdf_pages(path: Path) -> int:
    assert path.read_bytes().startswith(b"%PDF")
    if not shutil.which("pdftoppm"):
        return 1
    prefix = path.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(path), str(prefix)], check=True)
    return len(list(path.parent.glob(f"{prefix.name}-*.png")))


def test_csv_is_safe_against_formulas_and_keeps_numbers(fresh: Services, tmp_path: Path) -> None:
    when = datetime(2026, 5, 4, 9, tzinfo=UTC)
    _parcel_and_item(fresh, when, when + timedelta(minutes=30), item_description="=HYPERLINK(\"http://x\")",
                     item_sku="@SUM(A1)", notes="", refund_amount_cents=-1250, lpn="+31-6")
    report = build_intake_report(fresh.database, "NL-AMS", date(2026, 5, 4), date(2026, 5, 4),
        user=COMMAND_LINE)
    path = write_report(report, "csv", tmp_path / "items.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert list(rows[0]) == list(ITEM_HEADERS)
    row = rows[0]
    assert row["Product"] == "'=HYPERLINK(\"http://x\")"
    assert row["SKU"] == "'@SUM(A1)" and row["LPN"] == "'+31-6"
    assert row["Refund (EUR)"] == "-12.50" and row["Unit price (EUR)"] == "50.00"
    assert row["Graded at"] == "2026-05-04 11:30:00"  # local time (CEST)
    assert csv_cell(-3) == -3 and csv_cell("-3") == "-3"
    assert csv_cell("\tx") == "'\tx" and csv_cell("\rx") == "'\rx" and csv_cell("-1+2") == "'-1+2"


def test_xlsx_has_typed_cells_a_summary_and_items(seeded: Services, tmp_path: Path) -> None:
    report = build_intake_report(seeded.database, "NL-AMS", date(2026, 3, 24), date(2026, 3, 30),
        user=COMMAND_LINE)
    path = write_report(report, "xlsx", tmp_path / "week.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Summary", "Items"]
    items = book["Items"]
    assert [c.value for c in items[1]] == list(ITEM_HEADERS)
    assert items.max_row == report.items_inspected + 1
    first = items[2]
    assert first[0].is_date and first[0].value == report.items[0].finished_at.replace(tzinfo=None)
    money = first[ITEM_HEADERS.index("Unit price (EUR)")]
    assert money.data_type == "n" and "€" in money.number_format
    assert money.value == pytest.approx(report.items[0].price_cents / 100)
    assert first[ITEM_HEADERS.index("RMA")].data_type == "s"
    summary = {row[0].value: row[1] for row in book["Summary"].iter_rows(min_row=1) if row[0].value}
    assert summary["Items inspected"].value == report.items_inspected
    assert summary["Estimated recovered value"].value == pytest.approx(report.recovered_cents / 100)
    assert "€" in summary["Estimated recovered value"].number_format
    assert summary["From"].is_date


def test_xlsx_keeps_formula_like_text_as_text(fresh: Services, tmp_path: Path) -> None:
    when = datetime(2026, 5, 4, 9, tzinfo=UTC)
    _parcel_and_item(fresh, when, when + timedelta(minutes=30), item_description="=1+2")
    report = build_intake_report(fresh.database, "NL-AMS", date(2026, 5, 4), date(2026, 5, 4),
        user=COMMAND_LINE)
    cell = load_workbook(write_report(report, "xlsx", tmp_path / "f.xlsx"))["Items"].cell(2, 7)
    assert cell.value == "=1+2" and cell.data_type == "s"


def test_pdf_renders_pages(seeded: Services, tmp_path: Path) -> None:
    report = build_intake_report(seeded.database, "NL-AMS", date(2026, 3, 24), date(2026, 3, 30),
        user=COMMAND_LINE)
    assert _pdf_pages(write_report(report, "pdf", tmp_path / "week.pdf")) >= 2


def test_cancel_stops_the_build_and_leaves_no_file(seeded: Services, tmp_path: Path) -> None:
    with pytest.raises(ReportCancelled):
        build_intake_report(seeded.database, "NL-AMS", date(2026, 3, 24), date(2026, 3, 30),
                            cancel=lambda: True, user=COMMAND_LINE)
    seen: list[int] = []  # progress 0..60 is building, 60..100 writing: cancel once writing began
    with pytest.raises(ReportCancelled):
        export_report(seeded.database, "NL-AMS", date(2026, 3, 24), date(2026, 3, 30), "xlsx",
                      tmp_path / "x.xlsx", progress=lambda done, _total: seen.append(done),
                      cancel=lambda: bool(seen) and seen[-1] >= 60)
    assert seen[-1] >= 60
    assert list(tmp_path.iterdir()) == []


def test_unknown_warehouse_and_reversed_period_are_refused(fresh: Services) -> None:
    with pytest.raises(LookupError):
        build_intake_report(fresh.database, "XX-NOPE", date(2026, 1, 1), date(2026, 1, 1), user=COMMAND_LINE)
    with pytest.raises(ValueError):
        build_intake_report(fresh.database, "NL-AMS", date(2026, 1, 2), date(2026, 1, 1), user=COMMAND_LINE)


@pytest.mark.parametrize("fmt", ["pdf", "csv", "xlsx"])
def test_the_cli_writes_each_format(seeded: Services, tmp_path: Path, fmt: str,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"report.{fmt}"
    args = ["--data-dir", str(seeded.paths.root), "report", "daily", "--from", "2026-03-28",
            "--to", "2026-03-29", "--format", fmt, "--out", str(out)]
    assert main(args) == 0
    assert out.exists() and out.stat().st_size > 0
    assert "items inspected" in capsys.readouterr().out


def test_the_cli_refuses_a_bad_period(seeded: Services, tmp_path: Path) -> None:
    base = ["--data-dir", str(seeded.paths.root), "report", "daily", "--format", "csv",
            "--out", str(tmp_path / "r")]
    assert main([*base, "--from", "2026-03-28"]) == 2
    assert main([*base, "--date", "2026-03-28", "--warehouse", "XX-NOPE"]) == 2
    with pytest.raises(SystemExit):
        main([*base, "--date", "28-03-2026"])
