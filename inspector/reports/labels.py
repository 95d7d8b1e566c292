"""Item labels: licence-plate numbers (LPN), label PDFs for 62x29 mm and 4x6 inch stock, and ZPL.

The LPN is ``LPN`` + the station code (letters and digits only) + a 7-digit sequence + one
ISO 7064 MOD 37,36 check character, e.g. ``LPNST010000042V``. Reading from the right (check
character, then exactly seven digits) makes it unambiguous, so two stations never make the same LPN.

The barcode is Code 128 from python-barcode's own encoding, drawn as vector bars with quiet zones of
ten modules, so it stays crisp at any printer resolution.
"""

from __future__ import annotations

import re
import socket
from dataclasses import dataclass
from datetime import datetime
from typing import IO

from barcode import Code128
from reportlab.lib.units import inch, mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

STOCKS: dict[str, tuple[float, float]] = {"62x29mm": (62 * mm, 29 * mm), "4x6in": (4 * inch, 6 * inch)}
ZPL_DPI = 203
QUIET_MODULES = 10
_ALNUM36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_SEQ_DIGITS = 7


class LabelPrinterError(Exception):
    """The label printer could not be reached or refused the job (message for the log).

    ``reason`` ('refused', 'timeout', 'unknown_address', 'not_sent') and ``values`` (where, host,
    seconds, detail) let the screen say it in the inspector's language."""

    def __init__(self, message: str, reason: str = "", **values: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.values = values


@dataclass(frozen=True)
class LabelData:
    """What an item label shows."""

    lpn: str
    grade: str
    destination: str
    rma: str
    sku: str
    product_name: str = ""
    station: str = ""
    inspected_at: datetime | None = None
    hazardous: bool = False  # dangerous goods: the label carries a hazard mark (ADR)
    wrong_item: bool = False  # another product than announced: WRONG ITEM instead of the grade
    scanned_code: str = ""  # what was scanned on a wrong item (shown instead of the announced SKU)


HAZARD_TEXT = "ADR HAZARD"
WRONG_ITEM_TEXT = "WRONG ITEM"


def _headline(data: LabelData) -> str:
    """The big block: the grade, or WRONG ITEM (nobody restocks that under the announced SKU)."""
    return WRONG_ITEM_TEXT if data.wrong_item else data.grade.upper()


def _identity(data: LabelData) -> tuple[str, str]:
    """(caption, value) of the product line: the SKU, or the scanned code of a wrong item."""
    return ("SCAN", data.scanned_code) if data.wrong_item else ("SKU", data.sku)


# --- LPN ------------------------------------------------------------------------------------------------

def lpn_check_character(body: str) -> str:
    """ISO 7064 MOD 37,36 check character (0-9, A-Z) for an alphanumeric ``body``."""
    product = 36
    for char in body.upper():
        total = (product + _ALNUM36.index(char)) % 36 or 36
        product = (total * 2) % 37
    return _ALNUM36[(37 - product) % 36]


def make_lpn(station_code: str, counter: int) -> str:
    """The LPN for a station's ``counter``-th label (1 ≤ counter < 10 000 000)."""
    station = re.sub(r"[^0-9A-Z]", "", station_code.upper())
    if not station:
        raise ValueError(f"station code {station_code!r} has no letters or digits")
    if not 0 < counter < 10**_SEQ_DIGITS:
        raise ValueError(f"LPN counter {counter} out of range 1..{10**_SEQ_DIGITS - 1}")
    body = f"LPN{station}{counter:0{_SEQ_DIGITS}d}"
    return body + lpn_check_character(body)


def lpn_valid(lpn: str) -> bool:
    """True when ``lpn`` has the LPN form and its check character is right."""
    if not re.fullmatch(rf"LPN[0-9A-Z]+[0-9]{{{_SEQ_DIGITS}}}[0-9A-Z]", lpn):
        return False
    return lpn_check_character(lpn[:-1]) == lpn[-1]


# --- PDF ------------------------------------------------------------------------------------------------

def _draw_barcode(canvas: Canvas, value: str, x: float, y: float, width: float, height: float) -> float:
    """Draw ``value`` as Code 128 centred in the box, quiet zones included; return the module width."""
    pattern = Code128(value).build()[0]
    module = width / (len(pattern) + 2 * QUIET_MODULES)
    left = x + QUIET_MODULES * module
    canvas.setFillColorRGB(0, 0, 0)
    for match in re.finditer("1+", pattern):
        canvas.rect(left + match.start() * module, y, len(match.group()) * module, height, stroke=0, fill=1)
    return module


def _fit(text: str, font: str, size: float, width: float, minimum: float = 5) -> float:
    """The largest font size up to ``size`` at which ``text`` fits in ``width``."""
    while size > minimum and stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def _clip(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _grade_block(canvas: Canvas, text: str, x: float, y: float, w: float, h: float, size: float) -> None:
    """The grade, white on black, so it can be read from across the aisle."""
    canvas.setFillColorRGB(0, 0, 0)
    canvas.roundRect(x, y, w, h, radius=min(h, w) * 0.08, stroke=0, fill=1)
    size = _fit(text, "Helvetica-Bold", size, w * 0.9)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.setFont("Helvetica-Bold", size)
    canvas.drawCentredString(x + w / 2, y + (h - size * 0.72) / 2, text)
    canvas.setFillColorRGB(0, 0, 0)


def _hazard_mark(canvas: Canvas, x: float, y: float, side: float) -> None:
    """A warning diamond (square on its point) with an exclamation mark, centred on ``x, y``."""
    half = side / 2
    path = canvas.beginPath()
    path.moveTo(x, y + half)
    path.lineTo(x + half, y)
    path.lineTo(x, y - half)
    path.lineTo(x - half, y)
    path.close()
    canvas.setLineWidth(max(0.8, side / 14))
    canvas.drawPath(path, stroke=1, fill=0)
    size = side * 0.55
    canvas.setFont("Helvetica-Bold", size)
    canvas.drawCentredString(x, y - size * 0.36, "!")


def _footer(data: LabelData) -> str:
    stamp = data.inspected_at.strftime("%Y-%m-%d %H:%M") if data.inspected_at else ""
    return "  ".join(part for part in (data.station, stamp) if part)


def _small_label(canvas: Canvas, data: LabelData, width: float, height: float) -> None:
    margin = 1.5 * mm
    inner = width - 2 * margin
    top = height - margin
    block_w, block_h = inner * 0.52, 8.5 * mm
    headline = _headline(data)
    _grade_block(canvas, headline, margin, top - block_h, block_w, block_h, 17)
    dest_w = inner - block_w - 1.5 * mm
    if data.hazardous:
        _hazard_mark(canvas, width - margin - block_h / 2, top - block_h / 2, block_h)
        dest_w -= block_h + 1 * mm
    size = _fit(data.destination, "Helvetica-Bold", 17, dest_w)
    canvas.setFont("Helvetica-Bold", size)
    dest_x = width - margin - (block_h + 1 * mm if data.hazardous else 0) - dest_w / 2
    canvas.drawCentredString(dest_x, top - block_h + (block_h - size * 0.72) / 2, data.destination)
    bar_y, bar_h = 6.9 * mm, 10.2 * mm
    _draw_barcode(canvas, data.lpn, 0, bar_y, width, bar_h)
    text_y = bar_y - 2.7 * mm
    canvas.setFont("Helvetica-Bold", 7.5)
    canvas.drawString(margin, text_y, data.lpn)
    footer_x = margin + stringWidth(data.lpn, "Helvetica-Bold", 7.5) + 1.5 * mm
    canvas.setFont("Helvetica", 5.5)
    footer = _clip(_footer(data), "Helvetica", 5.5, width - margin - footer_x)
    canvas.drawRightString(width - margin, text_y, footer)
    half = inner / 2 - 1 * mm
    kind, code = _identity(data)
    for value, caption, right in ((data.rma, "RMA ", False), (code, kind + " ", True)):
        size = _fit(caption + value, "Helvetica-Bold", 7, half)
        text = _clip(caption + value, "Helvetica-Bold", size, half)
        canvas.setFont("Helvetica-Bold", size)
        if right:
            canvas.drawRightString(width - margin, 1.2 * mm, text)
        else:
            canvas.drawString(margin, 1.2 * mm, text)


def _large_label(canvas: Canvas, data: LabelData, width: float, height: float) -> None:
    margin = 0.2 * inch
    inner = width - 2 * margin
    y = height - margin
    headline = _headline(data)
    _grade_block(canvas, headline, margin, y - 1.15 * inch, inner, 1.15 * inch, 64)
    y -= 1.15 * inch + 0.42 * inch
    canvas.setFont("Helvetica", 12)
    canvas.drawString(margin, y + 0.2 * inch, "DESTINATION")
    if data.hazardous:
        _hazard_mark(canvas, width - margin - 0.45 * inch, y - 0.1 * inch, 0.9 * inch)
        canvas.setFont("Helvetica-Bold", 12)
        canvas.drawRightString(width - margin - 1.0 * inch, y + 0.2 * inch, HAZARD_TEXT)
    size = _fit(data.destination, "Helvetica-Bold", 44, inner)
    canvas.setFont("Helvetica-Bold", size)
    canvas.drawString(margin, y - 0.42 * inch, data.destination)
    y -= 0.62 * inch
    canvas.setLineWidth(1.2)
    canvas.line(margin, y, width - margin, y)
    y -= 0.38 * inch
    for caption, value in (("RMA", data.rma), _identity(data)):
        canvas.setFont("Helvetica", 12)
        canvas.drawString(margin, y, caption)
        size = _fit(value, "Helvetica-Bold", 20, inner - 0.6 * inch, minimum=12)
        canvas.setFont("Helvetica-Bold", size)
        canvas.drawString(margin + 0.6 * inch, y, _clip(value, "Helvetica-Bold", size, inner - 0.6 * inch))
        y -= 0.36 * inch
    canvas.setFont("Helvetica", 12)
    name = f"Announced: {data.product_name}" if data.wrong_item else data.product_name
    lines = simpleSplit(name, "Helvetica", 12, inner)
    for number, line in enumerate(lines[:2]):
        if number == 1 and len(lines) > 2:
            line = _clip(line + " …", "Helvetica", 12, inner)
        canvas.drawString(margin, y - number * 15, line)
    bar_y, bar_h = 0.95 * inch, 1.1 * inch
    _draw_barcode(canvas, data.lpn, margin / 2, bar_y, width - margin, bar_h)
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawCentredString(width / 2, bar_y - 0.28 * inch, data.lpn)
    canvas.setFont("Helvetica", 10)
    canvas.drawCentredString(width / 2, margin, _footer(data))


def render_label_pdf(data: LabelData, stock: str, output: str | IO[bytes]) -> None:
    """Write a one-page label PDF for ``stock`` ("62x29mm" or "4x6in") to a path or binary buffer."""
    if stock not in STOCKS:
        raise ValueError(f"unknown label stock {stock!r} (known: {', '.join(STOCKS)})")
    width, height = STOCKS[stock]
    canvas = Canvas(output, pagesize=(width, height), pageCompression=1)
    canvas.setTitle(f"Label {data.lpn}")
    canvas.setAuthor("Return Inspector")
    (_small_label if stock == "62x29mm" else _large_label)(canvas, data, width, height)
    canvas.showPage()
    canvas.save()


# --- ZPL ------------------------------------------------------------------------------------------------

def _zpl_text(text: str) -> str:
    """Field data with ZPL's control characters hex-escaped (used with ``^FH``)."""
    return "".join(f"_{ord(c):02X}" if c in "^~_" else c for c in text)


def _dots(points: float) -> int:
    return round(points / 72 * ZPL_DPI)


def render_label_zpl(data: LabelData, stock: str) -> str:
    """The label as ZPL II for a 203 dpi Zebra printer, with the LPN as Code 128 (``^BC``)."""
    if stock not in STOCKS:
        raise ValueError(f"unknown label stock {stock!r} (known: {', '.join(STOCKS)})")
    width, height = (_dots(side) for side in STOCKS[stock])
    grade, dest = _zpl_text(_headline(data)), _zpl_text(data.destination)
    caption, value = _identity(data)
    rma, sku = _zpl_text(data.rma), _zpl_text(value)
    name = f"Announced: {data.product_name}" if data.wrong_item else data.product_name
    modules = len(Code128(data.lpn).build()[0])
    module = max(1, min(2 if stock == "62x29mm" else 4, width // (modules + 2 * QUIET_MODULES)))
    bar_x = (width - modules * module) // 2
    lines = ["^XA", "^CI28", f"^PW{width}", f"^LL{height}", "^LH0,0"]
    if stock == "62x29mm":
        lines += [
            f"^FO12,10^GB{width // 2},64,64^FS",
            f"^FO12,22^FR^A0N,44,34^FB{width // 2},1,0,C^FH^FD{grade}^FS",
            f"^FO{width // 2 + 20},22^A0N,44,34^FB{width // 2 - 30},1,0,C^FH^FD{dest}^FS",
            f"^FO{bar_x},84^BY{module},3.0,84^BCN,84,Y,N,N,A^FD{data.lpn}^FS",
            f"^FO12,{height - 24}^A0N,20,18^FH^FDRMA {rma}  {caption} {sku}^FS",
        ]
        if data.hazardous:
            lines.insert(-1, f"^FO{width - 150},{height - 28}^GB140,26,26^FS")
            lines.insert(-1, f"^FO{width - 150},{height - 24}^FR^A0N,20,18^FB140,1,0,C^FD{HAZARD_TEXT}^FS")
    else:
        lines += [
            f"^FO40,40^GB{width - 80},230,230^FS",
            f"^FO40,90^FR^A0N,150,130^FB{width - 80},1,0,C^FH^FD{grade}^FS",
            "^FO40,300^A0N,28,28^FDDESTINATION^FS",
            f"^FO40,340^A0N,110,90^FH^FD{dest}^FS",
            f"^FO40,480^A0N,44,40^FH^FDRMA {rma}^FS",
            f"^FO40,540^A0N,44,40^FH^FD{caption} {sku}^FS",
            f"^FO40,600^A0N,30,28^FB{width - 80},2,0,L^FH^FD{_zpl_text(name)}^FS",
            f"^FO{bar_x},{height - 420}^BY{module},3.0,250^BCN,250,Y,N,N,A^FD{data.lpn}^FS",
            f"^FO40,{height - 80}^A0N,28,28^FB{width - 80},1,0,C^FH^FD{_zpl_text(_footer(data))}^FS",
        ]
        if data.hazardous:
            lines.append(f"^FO{width - 340},290^GB300,50,50^FS")
            lines.append(f"^FO{width - 340},300^FR^A0N,36,34^FB300,1,0,C^FD{HAZARD_TEXT}^FS")
    lines.append("^XZ")
    return "\n".join(lines) + "\n"


def send_zpl(host: str, port: int, zpl: str, timeout: float = 5) -> None:
    """Send ZPL to a network label printer (raw TCP, usually port 9100)."""
    where = f"{host}:{port}"
    try:
        with socket.create_connection((host, port), timeout=timeout) as connection:
            connection.sendall(zpl.encode("utf-8"))
    except ConnectionRefusedError as exc:
        raise LabelPrinterError(f"The label printer at {where} refused the connection. "
                                "Is it switched on and is the port right?", "refused", where=where) from exc
    except TimeoutError as exc:
        raise LabelPrinterError(f"The label printer at {where} did not answer within {timeout:g} s. "
                                "Check the network cable and the printer's address.", "timeout",
                                where=where, seconds=f"{timeout:g}") from exc
    except socket.gaierror as exc:
        raise LabelPrinterError(f"The label printer's address {host!r} is unknown. "
                                "Check the printer settings.", "unknown_address", host=host) from exc
    except OSError as exc:
        detail = str(exc.strerror or exc)
        raise LabelPrinterError(f"Could not send the label to {where}: {detail}", "not_sent",
                                where=where, detail=detail) from exc
