"""The retries of the full cascade: named stages over crops of located barcodes and the whole image.

A stage reads one *target* and returns raw candidates; its scope says which targets:

* ``deskew``: crops cut along each barcode located by OpenCV's 1D detector, rotated so the bars stand
  upright (deskew from the located quadrilateral), squeezed along the bars (averaging against noise)
  and taken at two scales: native and normalised to 300 px along the scan direction (about 3 px per
  EAN module: small modules get upsampled, and a 1D deconvolution along the scan direction undoes a
  defocus of about 0.6 module). As the bars are upright, 1D reads scan rows only.
* ``region``: axis-aligned crops around weak reads so far and around the gradient localiser's best
  box, with adaptive threshold, inversion, CLAHE and 2x upsampling. Each preprocessed crop is made
  once and shared; 1D reads scan only across the bars (the crop's gradient direction says which
  way) and the 2D reads run only on crops without a dominant bar direction.
* ``image``: whole-image retries for codes no localiser finds (inverted; zbar at half size).

1D retries enable only the common linear symbologies (each enabled reader costs time on every scan
line); zbar skips every other scan line (bars are tall, neighbouring lines are redundant).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import zxingcpp

from . import frames
from .backends import ZBarDecoder, ZXingDecoder
from .symbols import LINEAR, MATRIX, Candidate

Quad = tuple[tuple[int, int], ...]
_BF = zxingcpp.BarcodeFormat
# zxing's format sets for the retries: zxing's "AllLinear"/"AllRetail" include rare ones (DataBar, DX
# film edge, Telepen, add-ons) - twice the cost
ZX_RETAIL = zxingcpp.barcode_formats_from_str("EAN13,EAN8,UPCA,UPCE")
ZX_LINEAR = zxingcpp.barcode_formats_from_str("EAN13,EAN8,UPCA,UPCE,Code128,Code39,ITF,Code93,Codabar")
ZX_MATRIX = _BF.AllMatrix
DIRECTION_RATIO = 1.5  # gradient energy ratio beyond which a crop's bars count as clearly oriented
_ISOTROPIC_RATIO = 1.3  # below it, the crop may hold a 2D symbol (QR / Data Matrix measure 0.95 - 1.2)
NORMAL_LENGTH = 300  # px along the scan direction of a normalised deskewed crop
_FILTERS: dict[str, Callable[[np.ndarray], frames.Frame]] = {
    "adaptive": frames.adaptive, "inverted": frames.inverted, "clahe": frames.clahe,
    "deblur": frames.deblurred}


class Crop:
    """One candidate region: its crops and preprocessed variants, computed once and shared by the stages.

    ``rows``/``cols`` say which way to scan: a crop with clearly vertical bars (horizontal gradients
    dominate) is scanned along rows only, clearly horizontal bars along columns only, else both.
    """

    def __init__(self, make: Callable[[float], frames.Frame | None], upright: bool = False) -> None:
        self._make = make
        self._frames: dict[tuple[float, str], frames.Frame | None] = {}
        if upright:
            ratio = 10.0
        else:
            base = self.frame(1.0, "plain")
            ratio = frames.bar_direction(base.image) if base is not None else 1.0
        self.rows = ratio > 1 / DIRECTION_RATIO
        self.cols = ratio < DIRECTION_RATIO
        self.rotate = self.cols  # zxing scans rows only unless told to rotate
        self.isotropic = 1 / _ISOTROPIC_RATIO < ratio < _ISOTROPIC_RATIO  # 2D symbol (or a 45 degree 1D)

    @classmethod
    def region(cls, gray: np.ndarray, quad: Quad, max_side: int) -> Crop:
        """An axis-aligned crop around ``quad`` (``factor``: resampling, kept within ``max_side``)."""
        return cls(lambda factor: frames.crop_around(gray, quad, factor, max_side))

    @classmethod
    def deskew(cls, gray: np.ndarray, quad: np.ndarray, scan: np.ndarray) -> Crop:
        """A crop cut along ``scan`` (``factor`` 1: native scale; 2: normalised length, None if about so)."""

        def make(factor: float) -> frames.Frame | None:
            f = frames.deskewed(gray, quad, scan, NORMAL_LENGTH if factor > 1 else 0)
            return None if f is None or (factor > 1 and 0.9 < f.scale < 1.1) else f

        return cls(make, upright=True)

    def frame(self, factor: float, kind: str) -> frames.Frame | None:
        """The crop resampled by ``factor`` and filtered (plain, adaptive, inverted or clahe)."""
        key = (factor, kind)
        if key not in self._frames:
            if kind == "plain":
                f = self._make(factor)
            else:
                base = self.frame(factor, "plain")
                f = base.derived(_FILTERS[kind](base.image)) if base is not None else None
            self._frames[key] = f
        return self._frames[key]


@dataclass(frozen=True)
class Stage:
    """A named retry: ``scope`` is "deskew", "region" or "image"; ``read`` maps a target to candidates."""

    name: str
    scope: str
    read: Callable[[Any], list[Candidate]]


def build_stages(zx: ZXingDecoder, zb: ZBarDecoder) -> dict[str, Stage]:
    """Every stage the cascade can run, by name (the decoder's ``stages`` pick and order them)."""

    def zxing(kind: str, factor: float = 1.0) -> Callable[[Crop], list[Candidate]]:
        def read(c: Crop) -> list[Candidate]:
            f = c.frame(factor, kind)
            # an upsampled crop is not worth zxing's own downscaled passes
            return [] if f is None else zx.read(f, formats=ZX_LINEAR, try_rotate=c.rotate,
                                                 try_downscale=factor == 1)
        return read

    def zbar(kind: str, factor: float = 1.0) -> Callable[[Crop], list[Candidate]]:
        def read(c: Crop) -> list[Candidate]:
            f = c.frame(factor, kind)
            if f is None:
                return []
            # every 2nd line (every 4th on an upsampled crop): bars are tall, lines redundant
            return zb.read(f, density=2 if f.scale <= 1.5 else 4, formats=LINEAR, rows=c.rows, cols=c.cols)
        return read

    def matrix(c: Crop) -> list[Candidate]:
        f = c.frame(2.0, "adaptive") if c.isotropic else None  # only without a clear bar direction
        # 2D detectors find symbols in any orientation: no rotated or downscaled passes needed
        return [] if f is None else zx.read(f, formats=ZX_MATRIX, try_rotate=False, try_downscale=False)

    def zbar_2d(c: Crop) -> list[Candidate]:
        f = c.frame(1.0, "adaptive") if c.isotropic else None
        return zb.read(f, density=1, formats=MATRIX) if f is not None else []

    table = [
        Stage("deskew-zbar", "deskew", zbar("plain")),
        Stage("deskew-zbar-clahe", "deskew", zbar("clahe")),
        Stage("deskew-zxing-clahe", "deskew", zxing("clahe")),
        Stage("deskew-zxing", "deskew", zxing("plain")),
        Stage("deskew-norm-zbar", "deskew", zbar("plain", 2.0)),
        Stage("deskew-norm-zbar-clahe", "deskew", zbar("clahe", 2.0)),
        Stage("deskew-norm-zxing-clahe", "deskew", zxing("clahe", 2.0)),
        Stage("deskew-norm-zxing", "deskew", zxing("plain", 2.0)),
        Stage("deskew-norm-zxing-deblur", "deskew", zxing("deblur", 2.0)),
        Stage("deskew-norm-zbar-deblur", "deskew", zbar("deblur", 2.0)),
        Stage("region-zxing-adaptive", "region", zxing("adaptive")),
        Stage("region-zbar-adaptive", "region", zbar("adaptive")),
        Stage("region-zbar", "region", zbar("plain")),
        Stage("region-zbar-inverted", "region", zbar("inverted")),
        Stage("region-zxing-inverted", "region", zxing("inverted")),
        Stage("region-zxing-clahe-x2", "region", zxing("clahe", 2.0)),
        Stage("region-zbar-clahe-x2", "region", zbar("clahe", 2.0)),
        Stage("region-zxing-2d-x2", "region", matrix),
        Stage("region-zbar-2d", "region", zbar_2d),
        Stage("image-zxing-inverted", "image", lambda g: zx.read(frames.inverted(g), try_rotate=True)),
        Stage("image-zbar-x0.5", "image", lambda g: zb.read(frames.scaled(g, 0.5))),
    ]
    return {s.name: s for s in table}
