"""The combined decoder: a cascade of backend reads plus acceptance rules against false reads.

Cascade (escalating only while nothing is accepted):

1. zxing-cpp on the grayscale image (the fast path; most images end here; ``escalate=False`` stops
   here, e.g. for live camera frames);
2. the named retries of :mod:`.stages` in the order of ``stages`` (default :data:`DEFAULT_STAGES`):
   crops deskewed along barcodes located by OpenCV's 1D detector, axis-aligned crops around weak
   reads and the gradient localiser's box with binarisation / inversion / CLAHE / upsampling, and
   whole-image retries. ``benchmarks/decode.py`` measures what each stage buys and chooses the
   stages by cross-validation over the corpus's source sets.

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

from collections.abc import Sequence

import numpy as np
import zxingcpp

from . import frames
from .backends import ZBarDecoder, ZXingDecoder
from .locate import BarLocator, barcode_regions, scan_direction
from .stages import DIRECTION_RATIO, ZX_RETAIL, Crop, Stage, build_stages
from .symbols import MATRIX, RETAIL, Candidate, DecodedCode, to_decoded

Quad = tuple[tuple[int, int], ...]
_CONFIRM_MAX_SIDE = 1600  # confirmation crops are upsampled fully: the 2x read is what vetoes misreads
_LONG_CHECKED = {"EAN13", "UPCA", "Code128"}  # 12+ digits / mod-103: not UPC-E, EAN-8, ITF, Code 39
_CHECKED_FAMILIES = {"RETAIL", "ITF", "Code39", "Code128"}  # families where a conflict vetoes a read
_BF = zxingcpp.BarcodeFormat
# family -> (zxing formats, zbar formats) for the confirmation reads
_FAMILY_FORMATS: dict[str, tuple[zxingcpp.BarcodeFormats | None, frozenset[str] | None]] = {
    "RETAIL": (ZX_RETAIL, RETAIL),
    "ITF": (_BF.ITF, frozenset({"ITF"})),
    "Code39": (_BF.Code39, frozenset({"Code39"})),
    "Code128": (_BF.Code128, frozenset({"Code128"})),
}
# The retries and their order, as ``benchmarks/decode.py`` chooses them on the whole corpus: greedily by
# images read per millisecond, each adding reads without a false read (see that benchmark's docstring).
DEFAULT_STAGES: tuple[str, ...] = (
    "region-zxing-adaptive", "image-zbar-x0.5", "region-zbar-adaptive", "deskew-norm-zxing-clahe",
    "region-zbar-clahe-x2", "region-zbar", "region-zbar-2d", "region-zxing-2d-x2", "image-zxing-inverted",
    "region-zbar-inverted", "deskew-norm-zxing-deblur", "deskew-zxing",
)


class BarcodeDecoder:
    """Combined zxing-cpp + pyzbar decoder with preprocessing retries and false-read guards.

    ``formats``: our format names to report (None = all; EAN/UPC names admit each other, as the
    same number may be printed either way). ``min_retail_span``: modules across the bars that
    agreeing zxing lines must span for an EAN/UPC read to stand on its own. ``max_regions``: how
    many regions (weak reads first, then the localiser's best box) and how many located barcodes get
    the crop retries. ``max_crop_side``: upsampled retry crops are kept within this size.
    ``escalate=False`` gives the fast path only (e.g. for live camera frames, combined with
    :class:`FrameConsensus`); :meth:`decode_fast` and :meth:`decode_full` choose per call.
    ``stages``: names of the retries to run, in order (default :data:`DEFAULT_STAGES`).
    After each decode(), ``last_stage`` names the cascade step that produced the result.
    """

    def __init__(self, formats: set[str] | None = None, min_retail_span: float = 10.0,
                 max_regions: int = 2, max_crop_side: int = 640, escalate: bool = True,
                 stages: Sequence[str] | None = None) -> None:
        self.formats = formats
        self.min_retail_span = min_retail_span
        self.max_regions = max_regions
        self.max_crop_side = max_crop_side
        self.escalate = escalate
        self._zx = ZXingDecoder(formats)
        self._zb = ZBarDecoder(formats)
        self._locator = BarLocator(limit=max_regions)
        table = build_stages(self._zx, self._zb)
        names = DEFAULT_STAGES if stages is None else tuple(stages)
        unknown = [n for n in names if n not in table]
        if unknown:
            raise ValueError(f"unknown decoder stages {unknown}; known: {sorted(table)}")
        self.table = table
        self.stages: tuple[Stage, ...] = tuple(table[n] for n in names)
        self.last_stage = ""

    def decode(self, image: np.ndarray) -> list[DecodedCode]:
        """All distinct accepted codes in a BGR, BGRA or grayscale image (empty list if none)."""
        return self.decode_full(image) if self.escalate else self.decode_fast(image)

    def decode_fast(self, image: np.ndarray) -> list[DecodedCode]:
        """The fast path only (zxing on the plain image, with the acceptance rules): a few ms."""
        run = self.start(image)
        self.last_stage = run.last_stage
        return run.result

    def decode_full(self, image: np.ndarray) -> list[DecodedCode]:
        """The fast path and, if it accepts nothing, the retries of ``stages`` until one accepts."""
        run = self.start(image)
        for stage in self.stages:
            if run.result:
                break
            run.step(stage)
        self.last_stage = run.last_stage
        return run.result

    def start(self, image: np.ndarray) -> CascadeRun:
        """A cascade over ``image`` that has run the fast path; :meth:`CascadeRun.step` runs more."""
        run = CascadeRun(self, frames.to_gray(image))
        run.add("zxing", self._zx.read(frames.Frame(run.gray, "gray")))
        run.seeds = [c.points for c in run.pool]
        return run

    def strong(self, c: Candidate) -> bool:
        """Trustworthy on its own (otherwise it needs independent support)."""
        if c.format in MATRIX:
            return True
        if c.backend != "zxing":
            return False
        if c.format in RETAIL:
            return c.variant == "gray" and (c.span_modules >= self.min_retail_span or c.thin)
        return True


class CascadeRun:
    """One image going through the cascade: the pool of raw reads, the accepted result so far, and
    the crops and confirmation reads (computed once; shared with :meth:`fork` copies, as they do not
    depend on which stages ran: regions come from the fast path's weak reads and the localisers)."""

    def __init__(self, decoder: BarcodeDecoder, gray: np.ndarray) -> None:
        self.d = decoder
        self.gray = gray
        self.pool: list[Candidate] = []
        self.result: list[DecodedCode] = []
        self.last_stage = ""
        self.seeds: list[Quad] = []
        self.confirm_cache: dict[tuple[str, str], list[Candidate]] = {}
        self.targets: dict[str, list[object]] = {}

    def fork(self, share: bool = True) -> CascadeRun:
        """A copy that can run other stages from here on (``share``: crops and confirmations too)."""
        other = CascadeRun(self.d, self.gray)
        other.pool, other.result, other.last_stage = list(self.pool), list(self.result), self.last_stage
        other.seeds = self.seeds
        if share:
            other.confirm_cache, other.targets = self.confirm_cache, self.targets
        return other

    def step(self, stage: Stage | str) -> bool:
        """Run one stage over its targets until something is accepted; True if the result is non-empty."""
        if isinstance(stage, str):
            stage = self.d.table[stage]
        for target in self._targets(stage.scope):
            if self.add(stage.name, stage.read(target)):
                break
        return bool(self.result)

    def _targets(self, scope: str) -> list[object]:
        """The crops (or the image) a stage of ``scope`` reads; made once per image and shared."""
        if scope == "image":
            return [self.gray]
        if scope not in self.targets:
            d = self.d
            if scope == "region":  # the fast path's weak reads first, then the gradient localiser's box
                regions = _dedupe(self.seeds + barcode_regions(self.gray, limit=1))
                self.targets[scope] = [Crop.region(self.gray, q, d.max_crop_side)
                                       for q in regions[: d.max_regions]]
            else:
                self.targets[scope] = [Crop.deskew(self.gray, q, scan_direction(self.gray, q))
                                       for q in d._locator.quads(self.gray)]
        return self.targets[scope]

    def add(self, stage: str, reads: list[Candidate]) -> bool:
        """Pool the reads of one stage and re-run the acceptance; True if something is accepted."""
        self.pool.extend(reads)
        if not reads:
            return False
        self.result = self._accept()
        if self.result:
            self.last_stage = stage
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
                    rows, cols = ratio > 1 / DIRECTION_RATIO, ratio < DIRECTION_RATIO
                reads += self.d._zb.read(crop, formats=zb_formats, rows=rows, cols=cols)
            self.confirm_cache[key] = reads
        return self.confirm_cache[key]


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
