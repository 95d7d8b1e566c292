"""Single-backend readers over zxing-cpp, pyzbar and OpenCV, producing :class:`Candidate` reads."""

from __future__ import annotations

import ctypes
import math

import cv2
import numpy as np
import zxingcpp
from pyzbar import wrapper as zw
from pyzbar.pyzbar import ZBarSymbol

from .frames import Frame, to_gray
from .symbols import (
    RETAIL,
    RETAIL_MODULES,
    ZBAR_AIM,
    Candidate,
    DecodedCode,
    bytes_to_text,
    normalise_retail,
    to_decoded,
    zbar_format_name,
    zxing_format_name,
)

_ZBAR_SYMBOLS = {
    "EAN13": ZBarSymbol.EAN13, "EAN8": ZBarSymbol.EAN8, "UPCA": ZBarSymbol.UPCA, "UPCE": ZBarSymbol.UPCE,
    "Code128": ZBarSymbol.CODE128, "Code39": ZBarSymbol.CODE39, "ITF": ZBarSymbol.I25,
    "QRCode": ZBarSymbol.QRCODE, "Code93": ZBarSymbol.CODE93, "Codabar": ZBarSymbol.CODABAR,
}


def _span(points: list[tuple[float, float]]) -> tuple[float, float]:
    """(length along the scan direction, extent across it) of a zxing position quadrilateral."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
    length = (math.dist((x0, y0), (x1, y1)) + math.dist((x3, y3), (x2, y2))) / 2
    across = (math.dist((x0, y0), (x3, y3)) + math.dist((x1, y1), (x2, y2))) / 2
    return length, across


def _clean_text(text: str) -> str:
    """Drop a leading FNC1/GS some decoders emit for GS1 data."""
    return text[1:] if text.startswith("\x1d") else text


class ZXingDecoder:
    """zxing-cpp reader (plain text mode: GS1 data with GS separators, no symbology prefix)."""

    name = "zxing"

    def __init__(self, formats: set[str] | None = None, try_rotate: bool = False,
                 try_invert: bool = False, try_downscale: bool = True) -> None:
        self.formats = formats
        self.options = {"try_rotate": try_rotate, "try_invert": try_invert, "try_downscale": try_downscale}

    def read(self, frame: Frame, formats: zxingcpp.BarcodeFormats | None = None,
             **overrides: object) -> list[Candidate]:
        """Raw reads of one frame, mapped to input coordinates (``formats``: restrict zxing's search)."""
        options = {**self.options, **overrides}
        if formats is not None:
            options["formats"] = formats
        found = zxingcpp.read_barcodes(frame.image, text_mode=zxingcpp.TextMode.Plain, **options)
        out = []
        for r in found:
            fmt = zxing_format_name(r.format.name)
            if self.formats is not None and fmt not in self.formats and not (
                    fmt in RETAIL and self.formats & RETAIL):
                continue
            pos = r.position
            quad = [(float(p.x), float(p.y)) for p in (pos.top_left, pos.top_right,
                                                        pos.bottom_right, pos.bottom_left)]
            length, across = _span(quad)
            text = _clean_text(r.text)
            modules = 0.0
            horizontal = abs(quad[1][0] - quad[0][0]) >= abs(quad[1][1] - quad[0][1])
            room = frame.image.shape[0] if horizontal else frame.image.shape[1]
            if fmt in RETAIL:
                hint = (r.extra or {}).get("UPCE", "") if isinstance(r.extra, dict) else ""
                fmt, text = normalise_retail(fmt, text, hint)
                modules = across / max(length / RETAIL_MODULES.get(fmt, 95), 1e-6)
            out.append(Candidate(fmt, text, frame.to_input(quad), self.name, frame.name,
                                 r.symbology_identifier, modules, thin=across >= 0.5 * room - 2))
        return out

    def decode(self, image: np.ndarray) -> list[DecodedCode]:
        """Decode a BGR or grayscale image with zxing-cpp alone."""
        return _unique(to_decoded(c) for c in self.read(Frame(to_gray(image), "gray")))


_L800 = ord("Y") | ord("8") << 8 | ord("0") << 16 | ord("0") << 24  # zbar's 8-bit gray fourcc "Y800"
_ZBAR_KNOWN = {int(s) for s in ZBarSymbol}


ZBarRead = tuple[str, bytes, int, list[tuple[int, int]]]


def _zbar_scan(gray: np.ndarray, symbols: list[ZBarSymbol], density: int, rows: bool = True,
               cols: bool = True) -> list[ZBarRead]:
    """Run libzbar (through pyzbar's ctypes bindings) with a scan-line density; (type, data, quality, pts).

    ``rows``/``cols``: scan along pixel rows (reads vertical bars) / columns (horizontal bars); each
    direction costs about the same, so scanning only across the bars halves the time.
    """
    gray = np.ascontiguousarray(gray, dtype=np.uint8)
    height, width = gray.shape
    scanner = zw.zbar_image_scanner_create()
    image = zw.zbar_image_create()
    try:
        for sym in set(ZBarSymbol) - set(symbols):
            zw.zbar_image_scanner_set_config(scanner, sym, zw.ZBarConfig.CFG_ENABLE, 0)
        for sym in symbols:
            zw.zbar_image_scanner_set_config(scanner, sym, zw.ZBarConfig.CFG_ENABLE, 1)
        # zbar's X density spaces its column scans, Y density its row scans (0 = off)
        zw.zbar_image_scanner_set_config(scanner, ZBarSymbol.NONE, zw.ZBarConfig.CFG_X_DENSITY,
                                         density if cols else 0)
        zw.zbar_image_scanner_set_config(scanner, ZBarSymbol.NONE, zw.ZBarConfig.CFG_Y_DENSITY,
                                         density if rows else 0)
        zw.zbar_image_set_format(image, _L800)
        zw.zbar_image_set_size(image, width, height)
        buf = gray.tobytes()
        zw.zbar_image_set_data(image, ctypes.cast(buf, ctypes.c_void_p), len(buf), None)
        if zw.zbar_scan_image(scanner, image) < 0:
            return []
        out = []
        sym = zw.zbar_image_first_symbol(image)
        while sym:
            data = ctypes.string_at(zw.zbar_symbol_get_data(sym), zw.zbar_symbol_get_data_length(sym))
            pts = [(zw.zbar_symbol_get_loc_x(sym, i), zw.zbar_symbol_get_loc_y(sym, i))
                   for i in range(zw.zbar_symbol_get_loc_size(sym))]
            kind = sym.contents.type
            out.append((ZBarSymbol(kind).name if kind in _ZBAR_KNOWN else str(kind), data,
                        int(zw.zbar_symbol_get_quality(sym)), pts))
            sym = zw.zbar_symbol_next(sym)
        return out
    finally:
        zw.zbar_image_destroy(image)
        zw.zbar_image_scanner_destroy(scanner)


class ZBarDecoder:
    """pyzbar (libzbar) reader; reports UPC-A/UPC-E as such (not as EAN-13 with a leading 0).

    ``density`` is zbar's scan-line spacing in pixels (1 = every row and column; 2 is about twice as
    fast and loses little on camera images).
    """

    name = "zbar"

    def __init__(self, formats: set[str] | None = None, density: int = 1) -> None:
        self.density = density
        wanted = set(_ZBAR_SYMBOLS) if formats is None else set(formats) & set(_ZBAR_SYMBOLS)
        if formats is not None and formats & RETAIL:
            wanted |= RETAIL
        self.symbols = [_ZBAR_SYMBOLS[f] for f in sorted(wanted)]
        self.formats = formats

    def read(self, frame: Frame, density: int = 0, formats: frozenset[str] | None = None, rows: bool = True,
             cols: bool = True) -> list[Candidate]:
        """Raw reads of one frame, mapped to input coordinates.

        ``formats`` narrows the enabled symbologies for this read; ``rows``/``cols`` pick the scan
        directions (see :func:`_zbar_scan`).
        """
        symbols = self.symbols if formats is None else [
            s for s in self.symbols if zbar_format_name(s.name) in formats]
        if not symbols:
            return []
        out = []
        # an upsampled frame needs proportionally fewer scan lines
        density = density or max(self.density, int(frame.scale))
        for kind, data, quality, pts in _zbar_scan(frame.image, symbols, density, rows, cols):
            fmt = zbar_format_name(kind)
            text = _clean_text(bytes_to_text(data))
            if fmt in RETAIL:
                fmt, text = normalise_retail(fmt, text)
            xs, ys = [p[0] for p in pts] or [0], [p[1] for p in pts] or [0]
            if not (rows and cols):  # lines one way only: zbar's points are a few line ends, so the
                xs, ys = [0, frame.image.shape[1]], [0, frame.image.shape[0]]  # crop stands for the symbol
            quad = [(min(xs), min(ys)), (max(xs), min(ys)), (max(xs), max(ys)), (min(xs), max(ys))]
            out.append(Candidate(fmt, text, frame.to_input(quad), self.name, frame.name,
                                 ZBAR_AIM.get(fmt, ""), quality=quality))
        return out

    def decode(self, image: np.ndarray) -> list[DecodedCode]:
        """Decode a BGR or grayscale image with pyzbar alone."""
        return _unique(to_decoded(c) for c in self.read(Frame(to_gray(image), "gray")))


_CV_FORMATS = {"EAN_13": "EAN13", "EAN_8": "EAN8", "UPC_A": "UPCA", "UPC_E": "UPCE", "CODE_128": "Code128",
               "CODE_39": "Code39", "ITF": "ITF", "QRCODE": "QRCode"}


class OpenCVDecoder:
    """OpenCV's own 1D barcode and QR detectors (kept mainly for comparison)."""

    name = "opencv"

    def __init__(self) -> None:
        self._bar = cv2.barcode.BarcodeDetector()
        self._qr = cv2.QRCodeDetector()

    def decode(self, image: np.ndarray) -> list[DecodedCode]:
        """Decode a BGR or grayscale image with OpenCV alone."""
        gray = to_gray(image)
        out: list[DecodedCode] = []
        try:
            ok, texts, types, corners = self._bar.detectAndDecodeWithType(gray)
        except (cv2.error, UnicodeDecodeError):  # OpenCV's bindings choke on non-UTF-8 payloads
            ok = False
        if ok:
            for text, kind, quad in zip(texts, types, corners, strict=False):
                if text:
                    fmt = _CV_FORMATS.get(kind, kind)
                    fmt, text = normalise_retail(fmt, text) if fmt in RETAIL else (fmt, text)
                    pts = tuple((round(x), round(y)) for x, y in quad)
                    out.append(DecodedCode(fmt, text, pts, self.name))
        try:
            ok, texts, corners, _ = self._qr.detectAndDecodeMulti(gray)
        except (cv2.error, UnicodeDecodeError):
            ok = False
        if ok:
            for text, quad in zip(texts, corners, strict=False):
                if text:
                    out.append(DecodedCode("QRCode", text, tuple((round(x), round(y)) for x, y in quad),
                                           self.name, "]Q1"))
        return _unique(out)


def _unique(codes: object) -> list[DecodedCode]:
    seen: set[tuple[str, str]] = set()
    out = []
    for c in codes:  # type: ignore[attr-defined]
        if (c.format, c.text) not in seen:
            seen.add((c.format, c.text))
            out.append(c)
    return out
