"""The combined decoder: a cascade of backend reads plus acceptance rules against false reads.

Cascade (escalating only while nothing is accepted, ordered by yield per millisecond):

1. zxing-cpp on the grayscale image (the fast path; most images end here);
2. barcode-like regions (weak reads so far, then a gradient localiser) are cropped and retried with
   zbar, CLAHE, adaptive threshold, inversion and 2x upsampling. The crops of close-up photos are
   nearly the whole image, so the retries are kept cheap instead: each preprocessed crop is made
   once per region and shared, 1D retries enable only the common linear symbologies and scan only
   across the bars (the crop's gradient direction says which way), zbar skips every other scan line,
   and the two 2D retries run only on crops without a dominant bar direction;
3. two whole-image retries for codes the localiser misses (inverted; zbar at half size).

Nearly all images still unread after step 2 stay unread (on the corpus no retry produces even a
weak read for them), so the order of the retries matters most for the cost of those images.

Acceptance:

* 2D symbols (QR Code, Data Matrix, ...) carry Reed-Solomon error correction: accepted as read.
* Code 128 / Code 39 / ITF read by zxing (which requires agreeing scan lines): accepted.
* EAN/UPC read by zxing on the plain image with agreeing lines spanning at least
  ``min_retail_span`` modules (or a whole thin strip image): accepted. A mod-10 check digit alone
  lets about one misread in ten through.
* Everything else is a *weak* read and needs independent support: the same value from both
  backends (on any frames) - or, for EAN-13/UPC-A/Code 128, from three different frames - and no
  conflicting value of the same symbology on the same spot, including in two confirmation reads
  of a crop around it (zxing on a 2x upsampled crop, zbar on the crop; both restricted to the
  value's own family, as only reads of that family can support or veto it). Two decoders can share the
  same misread of a low-resolution symbol; a resampled read usually disagrees with such a misread,
  which then vetoes it. A conflict is overruled only when this value has a zxing read with
  well-spread agreeing lines and the rival has none.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import zxingcpp

from . import frames
from .backends import ZBarDecoder, ZXingDecoder
from .locate import barcode_regions
from .symbols import LINEAR, MATRIX, RETAIL, Candidate, DecodedCode, to_decoded

Quad = tuple[tuple[int, int], ...]
_CONFIRM_MAX_SIDE = 1600  # confirmation crops are upsampled fully: the 2x read is what vetoes misreads
_LONG_CHECKED = {"EAN13", "UPCA", "Code128"}  # 12+ digits / mod-103: not UPC-E, EAN-8, ITF, Code 39
_CHECKED_FAMILIES = {"RETAIL", "ITF", "Code39", "Code128"}  # families where a conflict vetoes a read
_BF = zxingcpp.BarcodeFormat
# zxing's format sets for the retries: each enabled reader costs time on every scan line, and zxing's
# "AllLinear"/"AllRetail" include rare ones (DataBar, DX film edge, Telepen, add-ons) - twice the cost
ZX_RETAIL = zxingcpp.barcode_formats_from_str("EAN13,EAN8,UPCA,UPCE")
ZX_LINEAR = zxingcpp.barcode_formats_from_str("EAN13,EAN8,UPCA,UPCE,Code128,Code39,ITF,Code93,Codabar")
ZX_MATRIX = _BF.AllMatrix
# family -> (zxing formats, zbar formats) for the confirmation reads
_FAMILY_FORMATS: dict[str, tuple[zxingcpp.BarcodeFormats | None, frozenset[str] | None]] = {
    "RETAIL": (ZX_RETAIL, RETAIL),
    "ITF": (_BF.ITF, frozenset({"ITF"})),
    "Code39": (_BF.Code39, frozenset({"Code39"})),
    "Code128": (_BF.Code128, frozenset({"Code128"})),
}


class BarcodeDecoder:
    """Combined zxing-cpp + pyzbar decoder with preprocessing retries and false-read guards.

    ``formats``: our format names to report (None = all; EAN/UPC names admit each other, as the
    same number may be printed either way). ``min_retail_span``: modules across the bars that
    agreeing zxing lines must span for an EAN/UPC read to stand on its own. ``max_regions``: how
    many regions (weak reads first, then the localiser's best box) get the crop retries.
    ``max_crop_side``: upsampled retry crops are kept within this size. ``escalate=False``
    gives the fast path only (e.g. for live camera frames, combined with :class:`FrameConsensus`).
    After each decode(), ``last_stage`` names the cascade step that produced the result.
    """

    def __init__(self, formats: set[str] | None = None, min_retail_span: float = 10.0,
                 max_regions: int = 2, max_crop_side: int = 640, escalate: bool = True) -> None:
        self.formats = formats
        self.min_retail_span = min_retail_span
        self.max_regions = max_regions
        self.max_crop_side = max_crop_side
        self.escalate = escalate
        self._zx = ZXingDecoder(formats)
        self._zb = ZBarDecoder(formats)
        self.last_stage = ""

    def decode(self, image: np.ndarray) -> list[DecodedCode]:
        """All distinct accepted codes in a BGR, BGRA or grayscale image (empty list if none)."""
        run = _Run(self, frames.to_gray(image))
        return run.cascade()

    # -- reads used by the cascade ------------------------------------------------------------------

    def local_reads(self) -> list[tuple[str, Callable[[_Region], list[Candidate]]]]:
        """Retries on a region's crop, cheapest and most productive first (measured over the corpus).

        1D reads are restricted to linear symbologies and scan only across the bars (see
        :class:`_Region`); zbar scans every other line (two lines per module row are plenty for bars).
        The last two retries are the only ones aimed at 2D symbols the fast path missed.
        """
        zx, zb = self._zx, self._zb

        def zxing(kind: str, factor: float = 1.0) -> Callable[[_Region], list[Candidate]]:
            def read(r: _Region) -> list[Candidate]:
                f = r.frame(factor, kind)
                # an upsampled crop is not worth zxing's own downscaled passes
                return [] if f is None else zx.read(f, formats=ZX_LINEAR, try_rotate=r.rotate,
                                                     try_downscale=factor == 1)
            return read

        def zbar(kind: str, factor: float = 1.0) -> Callable[[_Region], list[Candidate]]:
            def read(r: _Region) -> list[Candidate]:
                f = r.frame(factor, kind)
                if f is None:
                    return []
                # every 2nd line (every 4th on an upsampled crop): bars are tall, lines redundant
                return zb.read(f, density=2 if factor == 1 else 4, formats=LINEAR, rows=r.rows, cols=r.cols)
            return read

        def matrix(r: _Region) -> list[Candidate]:
            f = r.frame(2.0, "adaptive") if r.isotropic else None  # only without a clear bar direction
            # 2D detectors find symbols in any orientation: no rotated or downscaled passes needed
            return [] if f is None else zx.read(f, formats=ZX_MATRIX, try_rotate=False, try_downscale=False)

        def zbar_2d(r: _Region) -> list[Candidate]:
            f = r.frame(1.0, "adaptive") if r.isotropic else None
            return zb.read(f, density=1, formats=MATRIX) if f is not None else []

        return [
            ("zxing-adaptive", zxing("adaptive")),
            ("zbar-adaptive", zbar("adaptive")),
            ("zbar", zbar("plain")),
            ("zbar-inverted", zbar("inverted")),
            ("zxing-inverted", zxing("inverted")),
            ("zxing-clahe-x2", zxing("clahe", 2.0)),
            ("zbar-clahe-x2", zbar("clahe", 2.0)),
            ("zxing-2d-x2", matrix),
            ("zbar-2d", zbar_2d),
        ]

    def global_reads(self) -> list[tuple[str, Callable[[np.ndarray], list[Candidate]]]]:
        """Whole-image retries for symbols the localiser does not find."""
        zx, zb = self._zx, self._zb
        return [
            ("zxing-inverted", lambda g: zx.read(frames.inverted(g))),
            ("zbar-x0.5", lambda g: zb.read(frames.scaled(g, 0.5))),
        ]

    def strong(self, c: Candidate) -> bool:
        """Trustworthy on its own (otherwise it needs independent support)."""
        if c.format in MATRIX:
            return True
        if c.backend != "zxing":
            return False
        if c.format in RETAIL:
            return c.variant == "gray" and (c.span_modules >= self.min_retail_span or c.thin)
        return True


class _Run:
    """State of one decode() call: the pool of raw reads and the confirmation cache."""

    def __init__(self, decoder: BarcodeDecoder, gray: np.ndarray) -> None:
        self.d = decoder
        self.gray = gray
        self.pool: list[Candidate] = []
        self.confirm_cache: dict[tuple[str, str], list[Candidate]] = {}
        self.result: list[DecodedCode] = []

    def cascade(self) -> list[DecodedCode]:
        """Fast path, then crop retries per region, then whole-image retries; stop at the first accept."""
        d = self.d
        d.last_stage = ""
        if self._add("zxing", d._zx.read(frames.Frame(self.gray, "gray"))) or not d.escalate:
            return self.result
        regions = _dedupe([c.points for c in self.pool] + barcode_regions(self.gray, limit=1))
        for i, quad in enumerate(regions[: d.max_regions]):
            region = _Region(self.gray, quad, d.max_crop_side)
            for name, read in d.local_reads():
                if self._add(f"region{i}-{name}", read(region)):
                    return self.result
        for name, read in d.global_reads():
            if self._add(name, read(self.gray)):
                return self.result
        return []

    def _add(self, stage: str, reads: list[Candidate]) -> bool:
        self.pool.extend(reads)
        if not reads:
            return False
        self.result = self._accept()
        if self.result:
            self.d.last_stage = stage
        return bool(self.result)

    def _accept(self) -> list[DecodedCode]:
        by_key: dict[tuple[str, str], list[Candidate]] = {}
        for c in self.pool:
            by_key.setdefault(c.key, []).append(c)
        out = []
        for key, cands in by_key.items():
            if any(self.d.strong(c) for c in cands) or self._supported(key, cands):
                out.append(_result(cands))
        return out

    def _supported(self, key: tuple[str, str], cands: list[Candidate]) -> bool:
        """A weak value is accepted on independent support and when no credible conflict exists."""
        sources = {(c.backend, c.variant) for c in cands}
        best = max(cands, key=lambda x: (x.backend == "zxing", x.span_modules))
        confirmations = self._confirmations(key, best)
        for c in confirmations:
            if c.key == key:
                sources.add(("confirm", c.backend))
        if key[0] in _CHECKED_FAMILIES:
            rivals = [o for o in self.pool if o.key != key and o.key[0] == key[0]
                      and _overlaps(o.points, best.points)]
            rivals += [c for c in confirmations if c.key != key and c.key[0] == key[0]]
            # a conflict on the same symbol vetoes, unless only this value has a well-spread zxing read
            if rivals and not (any(self._well_spread(c) for c in cands + confirmations if c.key == key)
                               and not any(self._well_spread(r) for r in rivals)):
                return False
        backends = {b if b != "confirm" else v for b, v in sources}
        # long symbols with a check digit may also pass on three agreeing reads of different frames
        return len(backends) >= 2 or (best.format in _LONG_CHECKED and len(sources) >= 3)

    def _well_spread(self, c: Candidate) -> bool:
        """A zxing read whose agreeing lines span enough of the symbol (on any frame)."""
        return c.backend == "zxing" and (c.format not in RETAIL or c.span_modules >= self.d.min_retail_span)

    def _confirmations(self, key: tuple[str, str], best: Candidate) -> list[Candidate]:
        """zxing on a 2x upsampled crop and zbar on the crop around a value's best read."""
        if key not in self.confirm_cache:
            # only reads of the same family can support or veto: restrict both backends to it
            zx_formats, zb_formats = _FAMILY_FORMATS.get(key[0], (None, None))
            reads: list[Candidate] = []
            crop = frames.crop_around(self.gray, best.points, 2.0, _CONFIRM_MAX_SIDE)
            if crop is not None:
                reads += self.d._zx.read(crop, formats=zx_formats, try_rotate=_tall(crop))
            crop = frames.crop_around(self.gray, best.points, 1.0)
            if crop is not None:
                rows = cols = True
                if key[0] not in MATRIX:  # 1D: scan across the bars only
                    ratio = frames.bar_direction(crop.image)
                    rows, cols = ratio > 1 / _DIRECTION_RATIO, ratio < _DIRECTION_RATIO
                reads += self.d._zb.read(crop, formats=zb_formats, rows=rows, cols=cols)
            self.confirm_cache[key] = reads
        return self.confirm_cache[key]


class _Region:
    """One candidate region: its crops and preprocessed variants, computed once and shared by the retries.

    ``rows``/``cols`` say which way to scan: a crop with clearly vertical bars (horizontal gradients
    dominate) is scanned along rows only, clearly horizontal bars along columns only, else both.
    """

    def __init__(self, gray: np.ndarray, quad: Quad, max_side: int) -> None:
        self.gray, self.quad, self.max_side = gray, quad, max_side
        self._frames: dict[tuple[float, str], frames.Frame | None] = {}
        base = self.frame(1.0, "plain")
        ratio = frames.bar_direction(base.image) if base is not None else 1.0
        self.rows = ratio > 1 / _DIRECTION_RATIO
        self.cols = ratio < _DIRECTION_RATIO
        self.rotate = self.cols  # zxing scans rows only unless told to rotate
        self.isotropic = 1 / _ISOTROPIC_RATIO < ratio < _ISOTROPIC_RATIO  # 2D symbol (or a 45 degree 1D)

    def frame(self, factor: float, kind: str) -> frames.Frame | None:
        """The crop resampled by ``factor`` and filtered (plain, adaptive, inverted or clahe)."""
        key = (factor, kind)
        if key not in self._frames:
            if kind == "plain":
                f = frames.crop_around(self.gray, self.quad, factor, self.max_side)
            else:
                base = self.frame(factor, "plain")
                f = base.derived(_FILTERS[kind](base.image)) if base is not None else None
            self._frames[key] = f
        return self._frames[key]


_DIRECTION_RATIO = 1.5  # gradient energy ratio beyond which a crop's bars count as clearly oriented
_ISOTROPIC_RATIO = 1.3  # below it, the crop may hold a 2D symbol (QR / Data Matrix measure 0.95 - 1.2)
_FILTERS: dict[str, Callable[[np.ndarray], frames.Frame]] = {
    "adaptive": frames.adaptive, "inverted": frames.inverted, "clahe": frames.clahe}


def _tall(f: frames.Frame) -> bool:
    """Crops taller than wide may hold vertical bars: only then is zxing's rotated scan worth it."""
    h, w = f.image.shape
    return h > w


def _bbox(points: Quad) -> tuple[int, int, int, int]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _overlaps(a: Quad, b: Quad) -> bool:
    ax0, ay0, ax1, ay1 = _bbox(a)
    bx0, by0, bx1, by1 = _bbox(b)
    pad = 0.15 * max(ax1 - ax0, bx1 - bx0, ay1 - ay0, by1 - by0)
    return ax0 <= bx1 + pad and bx0 <= ax1 + pad and ay0 <= by1 + pad and by0 <= ay1 + pad


def _dedupe(regions: list[Quad]) -> list[Quad]:
    out: list[Quad] = []
    for r in regions:
        if not any(_overlaps(r, o) and _area(r) <= 2 * _area(o) for o in out):
            out.append(r)
    return out


def _area(q: Quad) -> int:
    x0, y0, x1, y1 = _bbox(q)
    return max(1, (x1 - x0) * (y1 - y0))


def _result(cands: list[Candidate]) -> DecodedCode:
    backends = sorted({c.backend for c in cands}, key=("zxing", "zbar").index)
    best = max(cands, key=lambda x: (x.backend == "zxing", x.span_modules, len(x.points)))
    return to_decoded(best, "+".join(backends))
