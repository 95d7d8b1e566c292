"""Format names, GTIN helpers and text normalisation shared by all backends."""

from __future__ import annotations

from dataclasses import dataclass

RETAIL = frozenset({"EAN13", "EAN8", "UPCA", "UPCE"})
LINEAR = RETAIL | {"Code128", "Code39", "ITF", "Code93", "Codabar", "DataBar"}
MATRIX = frozenset({"QRCode", "MicroQRCode", "DataMatrix", "Aztec", "PDF417", "MaxiCode"})

# zxing-cpp BarcodeFormat.name -> our name (names not listed are kept as they are).
_ZXING_NAMES = {
    "Code39Ext": "Code39",
    "Code39Std": "Code39",
    "QRCodeModel1": "QRCode",
    "QRCodeModel2": "QRCode",
    "ITF14": "ITF",
    "DataBarOmni": "DataBar",
    "AztecCode": "Aztec",
}
# pyzbar type -> our name
_ZBAR_NAMES = {
    "EAN13": "EAN13",
    "EAN8": "EAN8",
    "UPCA": "UPCA",
    "UPCE": "UPCE",
    "CODE128": "Code128",
    "CODE39": "Code39",
    "CODE93": "Code93",
    "I25": "ITF",
    "QRCODE": "QRCode",
    "CODABAR": "Codabar",
    "PDF417": "PDF417",
}
# AIM symbology identifiers for zbar results (zxing-cpp reports its own).
ZBAR_AIM = {"EAN13": "]E0", "UPCA": "]E0", "UPCE": "]E0", "EAN8": "]E4", "Code128": "]C0",
            "Code39": "]A0", "ITF": "]I0", "QRCode": "]Q1", "Code93": "]G0", "Codabar": "]F0"}
# modules per symbol (incl. guards, excl. quiet zones), used to express line spans in modules
RETAIL_MODULES = {"EAN13": 95, "UPCA": 95, "EAN8": 67, "UPCE": 51}


def zxing_format_name(name: str) -> str:
    """Map a zxing-cpp ``BarcodeFormat.name`` to the project's format name."""
    return _ZXING_NAMES.get(name, name)


def zbar_format_name(name: str) -> str:
    """Map a pyzbar symbol type to the project's format name."""
    return _ZBAR_NAMES.get(name, name)


def ean_check_ok(digits: str) -> bool:
    """True if ``digits`` (EAN-8/12/13/14 style) carries a valid GS1 mod-10 check digit."""
    if not digits.isdigit() or len(digits) < 2:
        return False
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def upce_to_upca(upce: str) -> str:
    """Expand an 8-digit UPC-E (number system, 6 digits, check) into its 12-digit UPC-A."""
    ns, d, check = upce[0], upce[1:7], upce[7]
    last = d[5]
    if last in "012":
        mid = d[0:2] + last + "0000" + d[2:5]
    elif last == "3":
        mid = d[0:3] + "00000" + d[3:5]
    elif last == "4":
        mid = d[0:4] + "00000" + d[4]
    else:
        mid = d[0:5] + "0000" + last
    return ns + mid + check


def upca_to_upce(upca: str) -> str | None:
    """Compress a 12-digit UPC-A to its 8-digit UPC-E form, or None if it has none."""
    if len(upca) != 12 or upca[0] not in "01":
        return None
    for cand in _upce_candidates(upca):
        if upce_to_upca(cand) == upca:
            return cand
    return None


def _upce_candidates(upca: str) -> list[str]:
    ns, m, check = upca[0], upca[1:11], upca[11]
    return [ns + m[0:2] + m[7:10] + m[2] + check,  # manufacturer ends 0/1/2
            ns + m[0:3] + m[8:10] + "3" + check,
            ns + m[0:4] + m[9] + "4" + check,
            ns + m[0:5] + m[9] + check]


def gtin_key(fmt: str, text: str) -> str:
    """A comparison key under which UPC-E, UPC-A and EAN-13 of the same number are equal."""
    if fmt in RETAIL and text.isdigit():
        if len(text) == 8 and fmt == "UPCE":
            return "0" + upce_to_upca(text)
        if len(text) == 12:
            return "0" + text
    return text


def normalise_retail(fmt: str, text: str, upce_hint: str = "") -> tuple[str, str]:
    """Bring EAN/UPC results to zxing's conventions: UPC-A 12 digits, UPC-E 8 digits, EAN-13 13."""
    if fmt == "UPCE":
        if len(text) == 8:
            return fmt, text
        if upce_hint and len(upce_hint) == 8:
            return fmt, upce_hint
        upca = text[1:] if len(text) == 13 and text[0] == "0" else text
        compressed = upca_to_upce(upca)
        return (fmt, compressed) if compressed else ("UPCA", upca)
    if fmt == "EAN13" and len(text) == 13 and text[0] == "0":
        return "UPCA", text[1:]
    if fmt == "UPCA" and len(text) == 13 and text[0] == "0":
        return fmt, text[1:]
    return fmt, text


def bytes_to_text(data: bytes) -> str:
    """Decode payload bytes as UTF-8, falling back to Latin-1 (never raises)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


@dataclass(frozen=True)
class Candidate:
    """One raw read of one backend on one preprocessed variant, in input-image coordinates."""

    format: str
    text: str
    points: tuple[tuple[int, int], ...]
    backend: str
    variant: str
    symbology_id: str = ""
    span_modules: float = 0.0  # extent across the bars (lines that agreed), in modules
    quality: int = 0  # zbar: number of scan passes that agreed
    thin: bool = False  # the lines that agreed cover most of the frame across the bars (a strip image)

    @property
    def key(self) -> tuple[str, str]:
        """Family + GTIN-normalised text: equal for the same code read by different backends."""
        family = "RETAIL" if self.format in RETAIL else self.format
        return family, gtin_key(self.format, self.text)


@dataclass(frozen=True)
class DecodedCode:
    """One accepted barcode: format, text, corner points (input pixel coordinates) and backend."""

    format: str
    text: str
    points: tuple[tuple[int, int], ...]
    backend: str
    symbology_id: str = ""


def to_decoded(c: Candidate, backend: str | None = None) -> DecodedCode:
    """Turn a raw candidate into the public result type."""
    return DecodedCode(c.format, c.text, c.points, backend or c.backend, c.symbology_id)
