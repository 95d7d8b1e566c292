"""The intake report's tables: the item list's columns, the summary sections, and CSV and XLSX files.

The summary sections (:func:`summary_sections`) are shared by the PDF and the XLSX summary sheet.
Values are typed: ``int`` counts, ``float`` hours or minutes, :class:`Cents` money and
:class:`Share` fractions, so each writer formats them its own way (a PDF string, an Excel cell
with a number format).

Language (``language="en"`` or ``"nl"``, words from :mod:`inspector.reports.words`): section titles,
column headings, sheet names and the codes' display names are in the report's language, in every
format. The item list shows display names ("Terug op voorraad", "Verkeerde maat"), not raw codes
("restock", "wrong_size"): the CSV is opened by people in a spreadsheet more than it is read by other
systems, and it then reads the same as the XLSX. What other systems need stays machine-friendly in
every language: the column order, times as ``YYYY-MM-DD HH:MM:SS`` (local to the warehouse), and
amounts and minutes with a decimal point and no thousands separator.

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

from inspector.reports.report_data import ItemRow, ReportCancelled
from inspector.reports.words import ITEM_COLUMNS, Words

if TYPE_CHECKING:
    from inspector.reports.report_data import IntakeReport

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


def item_headers(language: str = "en") -> tuple[str, ...]:
    """The item list's column headings in ``language``."""
    words = Words(language)
    return tuple(words(key) for key in ITEM_COLUMNS)


ITEM_HEADERS = item_headers("en")


def item_values(item: ItemRow, language: str = "en") -> list[Any]:
    """The typed cells of one item: naive local datetimes, minutes as float, money as Cents, codes by name."""
    def money(cents: int | None) -> Cents | None:
        return None if cents is None else Cents(cents)

    name = Words(language).name
    return [
        item.finished_at.replace(tzinfo=None),
        item.received_at.replace(tzinfo=None) if item.received_at else None,
        round(item.minutes_to_graded, 2) if item.minutes_to_graded is not None else None,
        item.rma, item.lpn, item.sku, item.product, name("category", item.category),
        name("reason", item.reason), name("outcome", item.outcome), name("grade", item.grade),
        name("disposition", item.disposition), name("refund_choice", item.refund_choice),
        name("refund_advice", item.refund_advice), money(item.refund_cents),
        money(item.price_cents), money(item.recovered_cents), item.inspector, item.station,
        ", ".join(name("flag", flag) for flag in item.flags),
    ]


@dataclass(frozen=True)
class Section:
    """A titled table of the summary: column headings and typed rows."""

    title: str
    headers: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    key: str = ""  # the same in every language: "grades", "dispositions", ... (see summary_sections)


def key_figures(report: IntakeReport, *, language: str = "en") -> list[tuple[str, Any]]:
    """The headline numbers (label, typed value); durations are None when nothing was graded."""
    w, durations = Words(language), report.scan_to_graded
    return [
        (w("parcels_received"), report.parcels_received),
        (w("items_inspected"), report.items_inspected),
        (w("scan_mean"), durations.mean),
        (w("scan_median"), durations.p50),
        (w("scan_p90"), durations.p90),
        (w("exceptions"), sum(e.items for e in report.exceptions)),
        (w("refunds_advised"), Cents(report.refund_cents)),
        (w("recovered_value"), Cents(report.recovered_cents)),
    ]


def summary_sections(report: IntakeReport, hourly: bool = True, *, language: str = "en") -> list[Section]:
    """The summary tables in reading order (the hourly table only when ``hourly``).

    Each section's ``key`` names it in every language: grades, dispositions, reasons, categories,
    refund_choices, inspectors, stations, exceptions, per_day (a period of days), per_hour_of_day.
    """
    w = Words(language)
    total = max(report.items_inspected, 1)

    def label(kind: str, key: str) -> str:
        return w.name(kind, key) if key else w("no_key")

    def shares(kind: str, rows: Iterable[Any], money: bool) -> list[tuple[Any, ...]]:
        return [(label(kind, r.key), r.items, Share(r.items / total), *((Cents(r.cents),) if money else ()))
                for r in rows]

    def rates(rows: Iterable[Any]) -> list[tuple[Any, ...]]:
        return [(r.name, r.items, round(r.hours, 2), r.per_hour) for r in rows]

    def section(key: str, headers: tuple[str, ...], rows: list[tuple[Any, ...]]) -> Section:
        return Section(w(key), tuple(w(h) for h in headers), rows, key)

    units = {"unknown_parcels": w("unit_parcels"), "parcel_conflicts": w("unit_parcels")}
    money, count = ("item_count", "share", "recovered"), ("item_count", "share")
    rate = ("items", "hours", "per_hour")
    sections = [
        section("grades", ("grade", *money), shares("grade", report.by_grade, True)),
        section("dispositions", ("disposition", *count), shares("disposition", report.by_disposition, False)),
        section("reasons", ("reason", *count), shares("reason", report.by_reason, False)),
        section("categories", ("category", *money), shares("category", report.by_category, True)),
        section("refund_choices", ("customer_choice", *count, "refunds"),
                shares("refund_choice", report.by_refund_choice, True)),
        section("inspectors", ("inspector", *rate), rates(report.by_inspector)),
        section("stations", ("station", *rate), rates(report.by_station)),
        section("exceptions", ("exception", "count", "unit"),
                [(label("exception", e.key), e.items, units.get(e.key, w("unit_items")))
                 for e in report.exceptions]),
    ]
    if report.date_from != report.date_to:
        per_day = section("per_day", ("date", "parcels", "items"), list(report.daily))
        if not report.daily_complete:  # a long period lists only the days with intake: say so
            per_day = Section(w("per_day_with_intake"), per_day.headers, per_day.rows, per_day.key)
        sections.append(per_day)
    if hourly:
        rows = [(f"{h:02d}:00", p, i) for h, (p, i) in enumerate(zip(report.hourly_parcels,
                                                                       report.hourly_items, strict=True))]
        sections.append(section("per_hour_of_day", ("hour", "parcels", "items"), rows))
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


def write_csv(report: IntakeReport, path: Path, cancel: CancelCheck | None = None, *,
              language: str = "en") -> Path:
    """Write the item list as CSV (header + one row per item, in ``language``) to ``path``."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(item_headers(language))
        for number, item in enumerate(report.items):
            if number % 1000 == 0 and cancel is not None and cancel():

                raise ReportCancelled()
            writer.writerow([csv_cell(v) for v in item_values(item, language)])
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
               cancel: CancelCheck | None = None, *, language: str = "en") -> Path:
    """Write an Excel workbook: a "Summary" sheet and an "Items" sheet with typed cells (in ``language``)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font


    w = Words(language)
    book = Workbook(write_only=True)
    summary = book.create_sheet(w("sheet_summary"))
    for column, width in zip("ABCD", (40, 14, 12, 18), strict=True):
        summary.column_dimensions[column].width = width

    def bold(text: str, size: int = 11) -> Any:
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(summary, text)
        cell.font = Font(bold=True, size=size)
        return cell

    summary.append([bold(w("heading", code=report.warehouse_code, name=report.warehouse_name), 14)])
    summary.append([w("from"), report.date_from, w("to"), report.date_to])
    summary.append([w("times_in"), report.time_zone])
    summary.append([])
    for name, value in key_figures(report, language=language):
        summary.append([name, _typed_cell(summary, value)])
    for section in summary_sections(report, language=language):
        summary.append([])
        summary.append([bold(section.title, 12)])
        summary.append([bold(h) for h in section.headers])
        for row in section.rows:
            summary.append([_typed_cell(summary, v) for v in row])
    items = book.create_sheet(w("sheet_items"))
    for index, width in enumerate((17, 17, 10, 13, 17, 18, 30, 13, 22, 15, 17, 18, 16, 22, 11, 11, 11, 20,
                                   8, 24)):
        items.column_dimensions[chr(ord("A") + index)].width = width
    items.freeze_panes = "A2"
    items.auto_filter.ref = f"A1:T{len(report.items) + 1}"
    items.append([_header(items, h) for h in item_headers(language)])
    total = len(report.items)
    for number, item in enumerate(report.items):
        if number % 1000 == 0:
            if cancel is not None and cancel():
                for sheet in book.worksheets:
                    sheet.close()  # finish the write-only sheets' temporary files
                raise ReportCancelled()
            if progress is not None:
                progress(number, total)
        items.append([_typed_cell(items, v) for v in item_values(item, language)])
    book.save(path)
    return path


def _header(sheet: Any, text: str) -> Any:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cell = WriteOnlyCell(sheet, text)
    cell.font = Font(bold=True)
    return cell
