"""Single-backend readers over zxing-cpp, pyzbar and OpenCV, producing :class:`Candidate` reads."""

from __future__ import annotations

import math

import cv2
import numpy as np
import zxingcpp
from pyzbar import pyzbar
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

    def read(self, frame: Frame, **overrides: bool) -> list[Candidate]:
        """Raw reads of one frame, mapped to input coordinates."""
        options = {**self.options, **overrides}
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


class ZBarDecoder:
    """pyzbar (libzbar) reader; reports UPC-A/UPC-E as such (not as EAN-13 with a leading 0)."""

    name = "zbar"

    def __init__(self, formats: set[str] | None = None) -> None:
        wanted = set(_ZBAR_SYMBOLS) if formats is None else set(formats) & set(_ZBAR_SYMBOLS)
        if formats is not None and formats & RETAIL:
            wanted |= RETAIL
        self.symbols = [_ZBAR_SYMBOLS[f] for f in sorted(wanted)]
        self.formats = formats

    def read(self, frame: Frame) -> list[Candidate]:
        """Raw reads of one frame, mapped to input coordinates."""
        if not self.symbols:
            return []
        out = []
        for s in pyzbar.decode(frame.image, symbols=self.symbols):
            fmt = zbar_format_name(s.type)
            text = _clean_text(bytes_to_text(s.data))
            if fmt in RETAIL:
                fmt, text = normalise_retail(fmt, text)
            r = s.rect
            quad = [(r.left, r.top), (r.left + r.width, r.top), (r.left + r.width, r.top + r.height),
                    (r.left, r.top + r.height)]
            out.append(Candidate(fmt, text, frame.to_input(quad), self.name, frame.name,
                                 ZBAR_AIM.get(fmt, ""), quality=int(s.quality)))
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
        except cv2.error:
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
        except cv2.error:
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
