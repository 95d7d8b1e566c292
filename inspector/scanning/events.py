"""The one event type every scan source produces, plus AIM symbology-identifier parsing.

Keyboard wedge, serial scanner, camera decoder and manual entry all emit :class:`ScanEvent`; failures
that must be shown to the operator are :class:`ScanError`.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Literal

ScanSource = Literal["wedge", "serial", "camera", "typed"]

GS = "\x1d"  #: ASCII 29, group separator; FNC1 inside GS1 data.
RS = "\x1e"  #: ASCII 30, record separator (ISO/IEC 15434 envelopes).
EOT = "\x04"  #: ASCII 4, end of transmission (ISO/IEC 15434 envelopes).
KEPT_CONTROL_CHARS = frozenset({GS, RS, EOT})

#: AIM symbology code character (after ``]``) -> symbology name, per ISO/IEC 15424.
AIM_SYMBOLOGIES: dict[str, str] = {
    "A": "Code39",
    "C": "Code128",
    "d": "DataMatrix",
    "E": "EAN",
    "e": "GS1DataBar",
    "F": "Codabar",
    "G": "Code93",
    "I": "ITF",
    "L": "PDF417",
    "Q": "QRCode",
    "z": "Aztec",
    "X": "Other",
}

#: Exact AIM identifiers that carry a more precise meaning than the symbology letter.
AIM_SPECIFIC: dict[str, str] = {
    "]C1": "GS1-128",
    "]E0": "EAN13",
    "]E3": "EAN13+AddOn",
    "]E4": "EAN8",
    "]d2": "GS1DataMatrix",
    "]Q3": "GS1QRCode",
    "]e0": "GS1DataBar",
}

#: AIM identifiers whose payload is a GS1 element string (FNC1 in first position).
GS1_AIM_IDS = frozenset({"]C1", "]d2", "]Q3", "]e0", "]J1"})

_AIM_RE = re.compile(r"^\][A-Za-z][0-9A-Za-z]")


@dataclass(frozen=True)
class AimPrefix:
    """Result of splitting an AIM symbology identifier off the front of scanned data."""

    aim_id: str
    symbology: str
    data: str


def parse_aim(text: str) -> AimPrefix:
    """Split a leading AIM symbology identifier (``]C1``, ``]E0``, ``]d2``, ``]Q3`` ...) off ``text``.

    Returns ``AimPrefix("", "", text)`` when there is no identifier. Unknown letters are still split off
    (``symbology`` is then ``""``) because the three-character pattern ``]`` + letter + modifier is
    reserved for AIM identifiers.
    """
    if not _AIM_RE.match(text):
        return AimPrefix("", "", text)
    aim_id = text[:3]
    symbology = AIM_SPECIFIC.get(aim_id) or AIM_SYMBOLOGIES.get(aim_id[1], "")
    return AimPrefix(aim_id, symbology, text[3:])


@dataclass(frozen=True)
class ScanEvent:
    """One completed scan, whatever the source.

    Attributes:
        text: The scanned data, prefix/suffix/AIM identifier removed, GS separators kept; repaired when
            ``repaired`` is true.
        source: ``"wedge"``, ``"serial"``, ``"camera"`` or ``"typed"``.
        symbology: e.g. ``"EAN13"``, ``"Code128"``, ``"GS1-128"``, ``"QRCode"``; ``""`` if unknown.
        aim_id: The AIM symbology identifier as received (``"]E0"``), or ``""``.
        at: ``time.monotonic()`` seconds when the scan completed.
        raw: The data exactly as received (before prefix/suffix/AIM stripping or repair).
        hint: Human-readable note, e.g. that Caps Lock or a keyboard-layout mismatch was detected.
        original_text: The unrepaired text when ``repaired`` is true, else ``""``.
        repaired: True when ``text`` was corrected (layout / Caps Lock) from ``original_text``.
        warnings: Non-fatal issues, e.g. stripped control characters.
    """

    text: str
    source: ScanSource
    symbology: str = ""
    aim_id: str = ""
    at: float = field(default_factory=time.monotonic)
    raw: str = ""
    hint: str = ""
    hint_code: str = ""  # stable kind of the hint for the GUI to translate: caps_lock, azerty, qwertz...
    original_text: str = ""
    repaired: bool = False
    warnings: tuple[str, ...] = ()

    @property
    def is_gs1(self) -> bool:
        """True when the AIM identifier says the payload is a GS1 element string."""
        return self.aim_id in GS1_AIM_IDS


@dataclass(frozen=True)
class ScanError:
    """A scan that was received but rejected (too long, undecodable, port lost ...)."""

    message: str
    source: ScanSource
    at: float = field(default_factory=time.monotonic)
    raw: str = ""
    code: str = ""  # stable reason for the GUI to translate: too_long, port_unavailable, port_lost...


def strip_control_chars(text: str) -> tuple[str, int]:
    """Remove control characters except GS/RS/EOT; return the cleaned text and how many were removed."""
    out = []
    removed = 0
    for ch in text:
        if (ord(ch) < 32 or ord(ch) == 127) and ch not in KEPT_CONTROL_CHARS:
            removed += 1
            continue
        out.append(ch)
    return "".join(out), removed
