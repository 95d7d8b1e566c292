"""The intake report's tables: the item list's columns, the summary sections, and CSV and XLSX files.

The summary sections (:func:`summary_sections`) are shared by the PDF and the XLSX summary sheet.
Values are typed: ``int`` counts, ``float`` hours or minutes, :class:`Cents` money and
:class:`Share` fractions, so each writer formats them its own way (a PDF string, an Excel cell
with a number format).

CSV: UTF-8 with a byte-order mark (Excel then reads accents and the euro sign right), comma
separated, one header row and one row per inspected item. A text cell starting with ``= + - @``, a
tab or a carriage return gets a leading ``'`` so a spreadsheet never runs it as a formula; real
numbers, negative ones included, stay numbers.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from inspector.reports.intake_report import IntakeReport

CancelCheck = Callable[[], bool]
ProgressCallback = Callable[[int, int], None]
RISKY_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
MONEY_FORMAT = '"€" #,##0.00;"€" -#,##0.00'
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


class Cents(int):
    """An amount of money in euro cents."""


class Share(float):
    """A fraction of a whole (0.25 is 25 %)."""


@dataclass(frozen=True)
class ItemRow:
    """One inspected item of the report's item list (times in the warehouse's zone)."""

    finished_at: datetime
    received_at: datetime | None
    minutes_to_graded: float | None
    rma: str
    lpn: str
    sku: str
    product: str
    category: str
    reason: str
    outcome: str
    grade: str
    disposition: str
    refund_choice: str
    refund_advice: str
    refund_cents: int | None
    price_cents: int | None
    recovered_cents: int | None
    inspector: str
    station: str
    flags: tuple[str, ...] = ()


ITEM_HEADERS = (
    "Graded at", "Parcel scanned at", "Minutes scan to graded", "RMA", "LPN", "SKU", "Product", "Category",
    "Return reason", "Outcome", "Grade", "Disposition", "Customer's choice", "Refund advice", "Refund (EUR)",
    "Unit price (EUR)", "Recovered value (EUR)", "Inspector", "Station", "Flags",
)


def item_values(item: ItemRow) -> list[Any]:
    """The typed cells of one item: naive local datetimes, minutes as float, money as Cents."""
    def money(cents: int | None) -> Cents | None:
        return None if cents is None else Cents(cents)

    return [
        item.finished_at.replace(tzinfo=None),
        item.received_at.replace(tzinfo=None) if item.received_at else None,
        round(item.minutes_to_graded, 2) if item.minutes_to_graded is not None else None,
        item.rma, item.lpn, item.sku, item.product, item.category, item.reason, item.outcome, item.grade,
        item.disposition, item.refund_choice, item.refund_advice, money(item.refund_cents),
        money(item.price_cents), money(item.recovered_cents), item.inspector, item.station,
        " ".join(item.flags),
    ]


_LABELS = {
    "": "(none)", "restock_location": "Back to stock", "refurbish_queue": "Refurbish queue",
    "liquidation_pallet": "Liquidation pallet", "scrap_bin": "Scrap bin", "refund": "Money back",
    "damaged": "Arrived damaged", "unknown_parcels": "Unknown parcels",
    "parcel_conflicts": "Parcel conflicts", "wrong_item": "Wrong items", "missing": "Missing items",
    "extra": "Extra items", "late": "Late returns",
    "override": "Grade overrides", "conflicts": "Inspection conflicts", "suspected_fraud": "Suspected fraud",
}


def label(key: str) -> str:
    """The English name of a report key (grade, reason, disposition, exception...)."""
    return _LABELS.get(key) or key.replace("_", " ").capitalize()


@dataclass(frozen=True)
class Section:
    """A titled table of the summary: column headings and typed rows."""

    title: str
    headers: tuple[str, ...]
    rows: list[tuple[Any, ...]]


def key_figures(report: IntakeReport) -> list[tuple[str, Any]]:
    """The headline numbers (label, typed value); durations are None when nothing was graded."""
    durations = report.scan_to_graded
    return [
        ("Parcels received", report.parcels_received),
        ("Items inspected", report.items_inspected),
        ("Scan to graded, mean (min)", durations.mean),
        ("Scan to graded, median (min)", durations.p50),
        ("Scan to graded, p90 (min)", durations.p90),
        ("Exceptions", sum(e.items for e in report.exceptions)),
        ("Refunds advised", Cents(report.refund_cents)),
        ("Estimated recovered value", Cents(report.recovered_cents)),
    ]


def summary_sections(report: IntakeReport, hourly: bool = True) -> list[Section]:
    """The summary tables in reading order (the hourly table only when ``hourly``)."""
    total = max(report.items_inspected, 1)

    def shares(rows: Iterable[Any], money: bool) -> list[tuple[Any, ...]]:
        return [(label(r.key), r.items, Share(r.items / total), *((Cents(r.cents),) if money else ()))
                for r in rows]

    def rates(rows: Iterable[Any]) -> list[tuple[Any, ...]]:
        return [(r.name, r.items, round(r.hours, 2), r.per_hour) for r in rows]

    units = {"unknown_parcels": "parcels", "parcel_conflicts": "parcels"}
    money, count = ("Items", "Share", "Recovered"), ("Items", "Share")
    sections = [
        Section("Grades", ("Grade", *money), shares(report.by_grade, True)),
        Section("Dispositions", ("Disposition", *count), shares(report.by_disposition, False)),
        Section("Return reasons", ("Reason", *count), shares(report.by_reason, False)),
        Section("Categories", ("Category", *money), shares(report.by_category, True)),
        Section("Refund, exchange or store credit", ("Customer's choice", *count, "Refunds"),
                shares(report.by_refund_choice, True)),
        Section("Inspectors", ("Inspector", "Items", "Hours", "Per hour"), rates(report.by_inspector)),
        Section("Stations", ("Station", "Items", "Hours", "Per hour"), rates(report.by_station)),
        Section("Exceptions", ("Exception", "Count", "Of"),
                [(label(e.key), e.items, units.get(e.key, "items")) for e in report.exceptions]),
    ]
    if report.date_from != report.date_to:
        sections.append(Section("Per day", ("Date", "Parcels", "Items"), list(report.daily)))
    if hourly:
        rows = [(f"{h:02d}:00", p, i) for h, (p, i) in enumerate(zip(report.hourly_parcels,
                                                                       report.hourly_items, strict=True))]
        sections.append(Section("Per hour of the day", ("Hour", "Parcels", "Items"), rows))
    return sections


def csv_cell(value: Any) -> Any:
    """A value made safe for a CSV cell: money as a decimal, risky text prefixed with ``'``."""
    if value is None:
        return ""
    if isinstance(value, Cents):
        return (Decimal(int(value)) / 100).quantize(Decimal("0.01"))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, str) and value.startswith(RISKY_START) and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def write_csv(report: IntakeReport, path: Path, cancel: CancelCheck | None = None) -> Path:
    """Write the item list as CSV (header + one row per item) to ``path``."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(ITEM_HEADERS)
        for number, item in enumerate(report.items):
            if number % 1000 == 0 and cancel is not None and cancel():
                from inspector.reports.intake_report import ReportCancelled

                raise ReportCancelled()
            writer.writerow([csv_cell(v) for v in item_values(item)])
    return path


def _typed_cell(sheet: Any, value: Any) -> Any:
    """A write-only cell with the number format its type needs; risky text stays text."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, Cents):
        cell = WriteOnlyCell(sheet, int(value) / 100)
        cell.number_format = MONEY_FORMAT
    elif isinstance(value, Share):
        cell = WriteOnlyCell(sheet, float(value))
        cell.number_format = "0.0%"
    elif isinstance(value, datetime):
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, float):
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = "0.00"
    elif isinstance(value, str) and value.startswith(RISKY_START):
        cell = WriteOnlyCell(sheet, value)
        cell.data_type = "s"  # never a formula
        cell.quotePrefix = True
    else:
        return value
    return cell


def write_xlsx(report: IntakeReport, path: Path, progress: ProgressCallback | None = None,
               cancel: CancelCheck | None = None) -> Path:
    """Write an Excel workbook: a "Summary" sheet and an "Items" sheet with typed cells."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from inspector.reports.intake_report import ReportCancelled

    book = Workbook(write_only=True)
    summary = book.create_sheet("Summary")
    for column, width in zip("ABCD", (34, 14, 12, 18), strict=True):
        summary.column_dimensions[column].width = width

    def bold(text: str, size: int = 11) -> Any:
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(summary, text)
        cell.font = Font(bold=True, size=size)
        return cell

    summary.append([bold(f"Intake report {report.warehouse_code} — {report.warehouse_name}", 14)])
    summary.append(["From", report.date_from, "to", report.date_to])
    summary.append(["Times in", report.time_zone])
    summary.append([])
    for name, value in key_figures(report):
        summary.append([name, _typed_cell(summary, value)])
    for section in summary_sections(report):
        summary.append([])
        summary.append([bold(section.title, 12)])
        summary.append([bold(h) for h in section.headers])
        for row in section.rows:
            summary.append([_typed_cell(summary, v) for v in row])
    items = book.create_sheet("Items")
    for index, width in enumerate((17, 17, 10, 13, 17, 18, 30, 11, 18, 11, 10, 18, 13, 11, 11, 11, 11, 20,
                                   8, 24)):
        items.column_dimensions[chr(ord("A") + index)].width = width
    items.freeze_panes = "A2"
    items.auto_filter.ref = f"A1:T{len(report.items) + 1}"
    items.append([_header(items, h) for h in ITEM_HEADERS])
    total = len(report.items)
    for number, item in enumerate(report.items):
        if number % 1000 == 0:
            if cancel is not None and cancel():
                for sheet in book.worksheets:
                    sheet.close()  # finish the write-only sheets' temporary files
                raise ReportCancelled()
            if progress is not None:
                progress(number, total)
        items.append([_typed_cell(items, v) for v in item_values(item)])
    book.save(path)
    return path


def _header(sheet: Any, text: str) -> Any:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cell = WriteOnlyCell(sheet, text)
    cell.font = Font(bold=True)
    return cell
