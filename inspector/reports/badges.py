"""Badge cards as PDF: the person's name, role and badge code as Code 128, for A4 sheets or label stock.

* ``a4``: ten credit-card sized cards (85.6 x 54 mm) per A4 page, two columns, with cut marks;
* ``cr80``: one card per page for card printers; ``62x29mm`` and ``4x6in``: one per label of that stock.

The barcode is drawn from python-barcode's Code 128 encoding as vector bars (as item labels are).
A badge is a login (a PIN guards only the elevated roles), so the file is written readable by its
owner only, atomically.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import inch, mm
from reportlab.pdfgen.canvas import Canvas

from inspector.private_files import write_private
from inspector.reports.labels import _clip, _draw_barcode, _fit
from inspector.reports.report_pdf import _fonts
from inspector.reports.words import BADGES, Words

CARD = (85.6 * mm, 54 * mm)
STOCKS: dict[str, tuple[float, float]] = {
    "a4": CARD, "cr80": CARD, "62x29mm": (62 * mm, 29 * mm), "4x6in": (4 * inch, 6 * inch),
}
COLUMNS, ROWS = 2, 5


@dataclass(frozen=True)
class Badge:
    """What a card shows."""

    name: str
    role: str
    badge_code: str


def _card(canvas: Canvas, badge: Badge, x: float, y: float, w: float, h: float, words: Words,
          warehouse: str, fonts: tuple[str, str]) -> None:
    regular, bold = fonts
    small = h < 40 * mm
    margin = (2 if small else 4) * mm
    inner = w - 2 * margin
    canvas.setFillColorRGB(0, 0, 0)
    top = y + h - margin
    if not small:
        canvas.setFont(regular, 7)
        canvas.drawString(x + margin, top - 7, _clip(warehouse, regular, 7, inner))
        top -= 9
    name_size = _fit(badge.name, bold, 11 if small else 16, inner, minimum=6)
    canvas.setFont(bold, name_size)
    canvas.drawString(x + margin, top - name_size, _clip(badge.name, bold, name_size, inner))
    top -= name_size + 2
    role = words.name("role", badge.role)
    canvas.setFont(regular, 7 if small else 10)
    canvas.drawString(x + margin, top - (7 if small else 10), role)
    code_size = 6 if small else 8
    bar_bottom = y + margin + code_size + 2
    bar_height = max(top - (7 if small else 10) - 3 - bar_bottom, 6 * mm)
    _draw_barcode(canvas, badge.badge_code, x + margin / 2, bar_bottom, w - margin, bar_height)
    canvas.setFont(bold, code_size)
    canvas.drawCentredString(x + w / 2, y + margin, badge.badge_code)


def _cut_marks(canvas: Canvas, left: float, bottom: float, w: float, h: float) -> None:
    canvas.setLineWidth(0.3)
    canvas.setStrokeGray(0.6)
    xs = [left + i * w for i in range(COLUMNS + 1)]
    ys = [bottom + j * h for j in range(ROWS + 1)]
    for x in xs:
        canvas.line(x, ys[0] - 4 * mm, x, ys[0] - 1 * mm)
        canvas.line(x, ys[-1] + 1 * mm, x, ys[-1] + 4 * mm)
    for y in ys:
        canvas.line(xs[0] - 4 * mm, y, xs[0] - 1 * mm, y)
        canvas.line(xs[-1] + 1 * mm, y, xs[-1] + 4 * mm, y)
    canvas.setStrokeGray(0)


def render_badges(badges: Sequence[Badge], stock: str = "a4", *, language: str = "en",
                  warehouse: str = "") -> bytes:
    """The PDF of ``badges`` on ``stock`` (see the module docstring)."""
    if stock not in STOCKS:
        raise ValueError(f"unknown badge stock {stock!r} (known: {', '.join(STOCKS)})")
    words = Words(language, BADGES)
    fonts = _fonts()
    buffer = io.BytesIO()
    card_w, card_h = STOCKS[stock]
    page = A4 if stock == "a4" else (card_w, card_h)
    canvas = Canvas(buffer, pagesize=page, pageCompression=1)
    canvas.setTitle(f"{words('title')} {warehouse}".strip())
    canvas.setAuthor("Return Inspector")
    if stock != "a4":
        for badge in badges:
            _card(canvas, badge, 0, 0, card_w, card_h, words, warehouse, fonts)
            canvas.showPage()
    else:
        left = (A4[0] - COLUMNS * card_w) / 2
        bottom = (A4[1] - ROWS * card_h) / 2
        per_page = COLUMNS * ROWS
        for start in range(0, len(badges), per_page):
            _cut_marks(canvas, left, bottom, card_w, card_h)
            for n, badge in enumerate(badges[start:start + per_page]):
                column, row = n % COLUMNS, n // COLUMNS
                x, y = left + column * card_w, bottom + (ROWS - 1 - row) * card_h
                _card(canvas, badge, x, y, card_w, card_h, words, warehouse, fonts)
            canvas.setFont(fonts[0], 7)
            canvas.drawCentredString(A4[0] / 2, bottom / 2, words("footer", warehouse=warehouse))
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def write_badges(path: Path, badges: Sequence[Badge], stock: str = "a4", *, language: str = "en",
                 warehouse: str = "") -> Path:
    """Write the badge PDF to ``path`` (atomically, readable by its owner only); returns ``path``."""
    write_private(path, render_badges(badges, stock, language=language, warehouse=warehouse))
    return path
