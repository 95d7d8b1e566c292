"""The intake report as an A4 PDF: key figures, an hourly intake chart, grades, and the summary tables.

Charts are drawn with reportlab's own graphics (vector, no image files). The item list is not in the
PDF (10,000 items would be 200 pages); it is in the CSV and XLSX exports.

Any length fits: a summary table longer than :data:`SIDE_BY_SIDE_ROWS` rows is not set beside another
one but on its own, where it splits across pages with its heading repeated (a per-day table over
years, thousands of inspectors), and a cell's text is cut at :data:`MAX_CELL_CHARS` characters, so no
cell is ever taller than a page (reportlab would stop with a ``LayoutError``).

In English or Dutch (``language``, words from :mod:`inspector.reports.words`): dates day first
("Saturday 28 March 2026" / "zaterdag 28 maart 2026"), numbers as the language writes them
(English 1,234.56; Dutch 1.234,56).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from inspector.paths import resources_dir
from inspector.reports.intake_report import IntakeReport, ReportCancelled
from inspector.reports.report_tables import Cents, Section, Share, key_figures, summary_sections
from inspector.reports.words import Words

CancelCheck = Callable[[], bool]
# resources/fonts first: a Windows build bundles DejaVu there (docs/install.md); Windows has none of its own.
_FONT_DIRS = (resources_dir() / "fonts", Path("/usr/share/fonts/truetype/dejavu"),
              Path("/usr/share/fonts/dejavu"), Path("C:/Windows/Fonts"), Path("/Library/Fonts"))
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
ACCENT = colors.HexColor("#1f5fbf")
SECOND = colors.HexColor("#f0a030")
RULE = colors.HexColor("#cbd2d9")
STRIPE = colors.HexColor("#f3f5f7")
GRADE_COLOURS = {"restock": "#2e8b57", "refurbish": "#1f5fbf", "liquidate": "#f0a030", "scrap": "#c0392b"}
WIDTH = A4[0] - 36 * mm
SIDE_BY_SIDE_ROWS = 30
TABLE_CHUNK_ROWS = 200  # rows per table of a long section (see _Pdf.titled)
"""Two summary tables this short share a row of the page; a longer one gets the page to itself."""
MAX_CELL_CHARS = 300
"""A name longer than this is cut with "…" in the PDF (the CSV and XLSX keep every character)."""


def cell_text(text: str) -> str:
    """``text`` cut to :data:`MAX_CELL_CHARS` characters (with an ellipsis when it was longer)."""
    return text if len(text) <= MAX_CELL_CHARS else text[:MAX_CELL_CHARS - 1] + "…"


def _fonts() -> tuple[str, str]:
    """DejaVu Sans when installed (every accent in people's names), else the built-in Helvetica."""
    for folder in _FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            if "ReportSans" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont("ReportSans", str(regular)))
                pdfmetrics.registerFont(TTFont("ReportSans-Bold", str(bold)))
            return "ReportSans", "ReportSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def whole_numbers(axis: Any, data: list[list[int]]) -> None:
    """A count axis from 0 with whole-number ticks (never 0.5 of an item), about five of them."""
    top = max([1, *(v for series in data for v in series)])
    step = max(1, math.ceil(top / 5))
    axis.valueMin, axis.forceZero = 0, True
    axis.valueStep = step
    axis.valueMax = step * math.ceil(top / step)
    axis.labelTextFormat = "%d"


def format_value(value: Any, language: str = "en") -> str:
    """A typed report value as text: 1,234 / € 1,234.56 / 12.5 % / 3.4 / – for none (Dutch: 1.234,56)."""
    w = Words(language)
    if value is None:
        return "–"
    if isinstance(value, Cents):
        return w.money(int(value))
    if isinstance(value, Share):
        return w.percent(float(value))
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return w.number(value)
    if isinstance(value, float):
        return w.number(value, 1)
    if isinstance(value, date):
        return w.day(value)
    return str(value)


def period_text(report: IntakeReport, language: str = "en") -> str:
    """"Saturday 28 March 2026" or "Monday 23 March 2026 – Sunday 29 March 2026 (7 days)"."""
    w = Words(language)
    if report.date_from == report.date_to:
        return w.long_day(report.date_from)
    days = (report.date_to - report.date_from).days + 1
    return f"{w.long_day(report.date_from)} – {w.long_day(report.date_to)} ({w('days', n=days)})"


class _Pdf:
    """Builds the flowables of one report."""

    def __init__(self, report: IntakeReport, language: str = "en") -> None:
        self.report, self.language, self.w = report, language, Words(language)
        self.font, self.bold = _fonts()
        self.body = ParagraphStyle("body", fontName=self.font, fontSize=9, leading=12, textColor=INK)
        self.small = ParagraphStyle("small", self.body, fontSize=8, leading=10, textColor=MUTED)
        self.title = ParagraphStyle("title", self.body, fontName=self.bold, fontSize=20, leading=24)
        self.h2 = ParagraphStyle("h2", self.body, fontName=self.bold, fontSize=11.5, leading=14,
                                 spaceBefore=10, spaceAfter=4, textColor=ACCENT)

    def story(self) -> list[Flowable]:
        r, w = self.report, self.w
        name = r.warehouse_code if r.warehouse_name in ("", r.warehouse_code) else (
            f"{r.warehouse_name} ({r.warehouse_code})")
        story: list[Flowable] = [
            Paragraph(escape(w("title")), self.title),
            Paragraph(f"<b>{escape(name)}</b> · {period_text(r, self.language)}", self.body),
            Paragraph(escape(w("zone_note", zone=r.time_zone, when=w.moment(r.generated_at))), self.small),
            Spacer(1, 6 * mm), self.tiles(),
        ]
        if r.empty:
            when = "empty_day" if r.date_from == r.date_to else "empty_period"
            story += [Spacer(1, 8 * mm), Paragraph(w(when), self.body)]
            return story
        story += [Paragraph(escape(w("hourly_chart")), self.h2), self.hourly_chart()]
        sections = {s.key: s for s in summary_sections(r, hourly=False, language=self.language)}
        grades = sections.pop("grades")
        story += [Paragraph(escape(grades.title), self.h2),
                  self.side_by_side(self.grade_chart(), self.table(grades))]
        pairs = (("dispositions", "refund_choices"), ("reasons", "categories"), ("inspectors", "stations"))
        for left, right in pairs:
            story += self.pair(sections.pop(left), sections.pop(right), keep_together=False)
        rest = list(sections.values())
        for index in range(0, len(rest), 2):
            story += self.pair(*rest[index:index + 2])
        story += [Spacer(1, 4 * mm), Paragraph(escape(w("footnote")), self.small)]
        return story

    def tiles(self) -> Table:
        figures = [(escape(name), format_value(value, self.language))
                   for name, value in key_figures(self.report, language=self.language)]
        value_style = ParagraphStyle("tile", self.body, fontName=self.bold, fontSize=15, leading=18)
        cells = [[Paragraph(value, value_style), Paragraph(name, self.small)] for name, value in figures]
        table = Table([cells[i:i + 4] for i in range(0, len(cells), 4)], colWidths=[WIDTH / 4] * 4,
                      hAlign="LEFT")
        table.setStyle(TableStyle([
            ("BOX", (0, 0), (-1, -1), 0.6, RULE), ("INNERGRID", (0, 0), (-1, -1), 0.6, RULE),
            ("BACKGROUND", (0, 0), (-1, -1), STRIPE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ]))
        return table

    def cells(self, row: tuple[Any, ...]) -> list[str]:
        """A summary row's values as the PDF's texts (cut to :data:`MAX_CELL_CHARS`)."""
        return [cell_text(format_value(v, self.language)) for v in row]

    def table(self, section: Section, width: float = WIDTH / 2 - 4 * mm,
              widths: list[float] | None = None) -> Table:
        right = ParagraphStyle("head", self.small, alignment=2)
        head = [Paragraph(f"<b>{escape(h)}</b>", right if i else self.small)
                for i, h in enumerate(section.headers)]
        data: list[list[Any]] = [head]
        for row in section.rows or [(self.w("none"),) + ("",) * (len(section.headers) - 1)]:
            first, *rest = self.cells(row)
            # Names wrap (a Paragraph); a date never needs to, and a plain cell is far cheaper to lay out.
            data.append([Paragraph(escape(first), self.body) if isinstance(row[0], str) else first, *rest])
        widths = widths or self.column_widths(section.headers, [row[1:] for row in data[1:]], width)
        table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        style = [
            ("FONT", (0, 0), (-1, -1), self.font, 8.5), ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK), ("LINEBELOW", (0, -1), (-1, -1), 0.4, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("FONTSIZE", (0, 1), (0, -1), self.body.fontSize),
            ("LEADING", (0, 1), (0, -1), self.body.leading),
        ]
        style += [("BACKGROUND", (0, i), (-1, i), STRIPE) for i in range(2, len(data), 2)]
        table.setStyle(TableStyle(style))
        return table

    def column_widths(self, headers: tuple[str, ...], values: list[list[str]], width: float) -> list[float]:
        """Number columns as wide as their values and heading (else its longest word); the name gets the rest.

        Headings are measured in the language's own words, so a long Dutch heading never breaks mid-word.
        """
        pad = 12  # a cell's left and right padding

        def wide(text: str, font: str, size: float) -> float:
            return pdfmetrics.stringWidth(text, font, size)

        columns = [[row[i] for row in values] for i in range(len(headers) - 1)]
        longest = [max((wide(v, self.font, 8.5) for v in column), default=0.0) for column in columns]
        ideal = [max(wide(h, self.bold, 8), n) + pad for h, n in zip(headers[1:], longest, strict=True)]
        least = [max(*(wide(word, self.bold, 8) for word in h.split()), n) + pad
                 for h, n in zip(headers[1:], longest, strict=True)]
        numbers = ideal if width - sum(ideal) >= 0.42 * width else least
        return [width - sum(numbers), *numbers]

    def titled(self, section: Section) -> list[Flowable]:
        if len(section.rows) <= SIDE_BY_SIDE_ROWS:
            return [Paragraph(escape(section.title), self.h2), self.table(section)]
        # A long table as tables of TABLE_CHUNK_ROWS rows (a few pages, each with the heading): reportlab
        # re-measures what is left of a table at every page break, so one table of thousands of rows
        # costs quadratic time; chunks keep it linear.
        chunks = [replace(section, rows=section.rows[i:i + TABLE_CHUNK_ROWS])
                  for i in range(0, len(section.rows), TABLE_CHUNK_ROWS)]
        widths = self.column_widths(section.headers, [self.cells(row)[1:] for row in section.rows],
                                    WIDTH / 2 - 4 * mm)
        return [Paragraph(escape(section.title), self.h2), *(self.table(c, widths=widths) for c in chunks)]

    def pair(self, left: Section, right: Section | None = None, keep_together: bool = True) -> list[Flowable]:
        """Two short sections side by side; a long one (or a lone one) on its own, splitting across pages."""
        if right is None:
            short = len(left.rows) <= SIDE_BY_SIDE_ROWS
            return [KeepTogether(self.titled(left))] if short else self.titled(left)
        if max(len(left.rows), len(right.rows)) <= SIDE_BY_SIDE_ROWS:
            table = self.side_by_side(self.titled(left), self.titled(right))
            return [KeepTogether(table) if keep_together else table]
        return [*self.pair(left), *self.pair(right)]

    def side_by_side(self, left: Flowable | list[Flowable], right: Flowable | list[Flowable]) -> Table:
        table = Table([[left, right]], colWidths=[WIDTH / 2, WIDTH / 2], hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm)]))
        return table

    def hourly_chart(self) -> Drawing:
        r = self.report
        active = [h for h in range(24) if r.hourly_parcels[h] or r.hourly_items[h]]
        first, last = min([7, *active]), max([18, *active])
        hours = list(range(first, last + 1))
        drawing = Drawing(WIDTH, 62 * mm)
        chart = VerticalBarChart()
        chart.x, chart.y, chart.width, chart.height = 12 * mm, 10 * mm, WIDTH - 16 * mm, 44 * mm
        chart.data = [[r.hourly_parcels[h] for h in hours], [r.hourly_items[h] for h in hours]]
        chart.categoryAxis.categoryNames = [f"{h:02d}" for h in hours]
        chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = self.font
        chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 7
        whole_numbers(chart.valueAxis, chart.data)
        chart.valueAxis.visibleGrid = True
        chart.valueAxis.gridStrokeColor = RULE
        chart.valueAxis.gridStrokeWidth = 0.4
        chart.barSpacing, chart.groupSpacing = 0.5, 4
        for index, colour in enumerate((ACCENT, SECOND)):
            chart.bars[index].fillColor = colour
            chart.bars[index].strokeColor = None
        drawing.add(chart)
        legend = Legend()
        names = [self.w("parcels_received"), self.w("items_graded")]
        legend.x, legend.y = 14 * mm, 60 * mm
        legend.alignment, legend.columnMaximum = "right", 1
        legend.fontName, legend.fontSize, legend.dx, legend.dy = self.font, 8, 7, 7
        legend.deltax = max(pdfmetrics.stringWidth(n, self.font, 8) for n in names) + 7 + 6 * mm
        legend.colorNamePairs = list(zip((ACCENT, SECOND), names, strict=True))
        drawing.add(legend)
        drawing.add(String(WIDTH - 4 * mm, 1 * mm, self.w("hour_axis"), fontName=self.font, fontSize=7,
                           fillColor=MUTED, textAnchor="end"))
        return drawing

    def grade_chart(self) -> Drawing:
        rows = [b for b in self.report.by_grade if b.key] or [None]
        names = [self.w.name("grade", b.key) if b else "" for b in reversed(rows)]
        label_width = max(pdfmetrics.stringWidth(n, self.font, 8) for n in names) + 2 * mm
        height = 10 * mm + 9 * mm * len(rows)
        drawing = Drawing(WIDTH / 2 - 4 * mm, height)
        chart = HorizontalBarChart()
        chart.x, chart.y = max(20 * mm, label_width), 6 * mm
        chart.width, chart.height = WIDTH / 2 - 10 * mm - chart.x, height - 10 * mm
        chart.data = [[b.items if b else 0 for b in reversed(rows)]]
        chart.categoryAxis.categoryNames = names
        chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = self.font
        chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 8
        whole_numbers(chart.valueAxis, chart.data)
        chart.bars.strokeColor = None
        chart.barLabelFormat = "%d"
        chart.barLabels.fontName, chart.barLabels.fontSize = self.font, 7.5
        chart.barLabels.boxAnchor, chart.barLabels.dx = "w", 3
        for index, b in enumerate(reversed(rows)):
            colour = GRADE_COLOURS.get(b.key, "#7b8794") if b else "#7b8794"
            chart.bars[(0, index)].fillColor = colors.HexColor(colour)
        drawing.add(chart)
        return drawing


def write_pdf(report: IntakeReport, path: Path, cancel: CancelCheck | None = None, *,
              language: str = "en") -> Path:
    """Write the report as an A4 PDF to ``path``, in ``language`` ("en" or "nl"; others give English)."""
    pdf = _Pdf(report, language)
    w = pdf.w
    story = pdf.story()
    if cancel is not None and cancel():
        raise ReportCancelled()
    footer = w("footer", code=report.warehouse_code, period=period_text(report, language))

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(pdf.font, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(18 * mm, 10 * mm, footer)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, w("page", n=doc.page))
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=18 * mm,
                            title=f"{w('title')} {report.warehouse_code} {period_text(report, language)}",
                            author="Return Inspector", lang=w.language)
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return path
