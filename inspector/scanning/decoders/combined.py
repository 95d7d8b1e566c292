"""The combined decoder: a cascade of backend reads on preprocessed frames plus acceptance rules.

Fast path: zxing-cpp on the grayscale image. Only when nothing is accepted, the cascade escalates
through further reads ordered by yield per millisecond. A read is *accepted* when it is trustworthy:

* 2D symbols (QR, Data Matrix, ...) carry Reed-Solomon error correction: accepted as read.
* EAN/UPC: accepted from zxing when the lines that agreed span at least ``min_retail_span``
  modules across the bars; weaker reads, and all zbar reads, must be *confirmed* by a strong
  zxing read of an upsampled crop around the symbol. A mod-10 check digit alone lets about one
  misread in ten through, and two decoders can share the same misread on a low-resolution symbol.
* Code 128 / Code 39 / ITF: accepted from zxing; zbar reads need the same crop confirmation
  (zbar neither expands Code 39 full ASCII nor handles Code 128 FNC4 the way zxing does).
* Conflicting retail values on the same symbol: the weaker are dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from . import frames
from .backends import ZBarDecoder, ZXingDecoder
from .symbols import LINEAR, MATRIX, RETAIL, Candidate, DecodedCode, to_decoded

Stage = Callable[[np.ndarray], list[Candidate]]


class BarcodeDecoder:
    """Combined zxing-cpp + pyzbar decoder with preprocessing retries and false-read guards."""

    def __init__(self, formats: set[str] | None = None, min_retail_span: float = 10.0,
                 escalate: bool = True) -> None:
        self.formats = formats
        self.min_retail_span = min_retail_span
        self.escalate = escalate
        self._zx = ZXingDecoder(formats)
        self._zb = ZBarDecoder(formats)
        self._stages: list[tuple[str, Stage]] = [
            ("zxing", lambda g: self._zx.read(frames.Frame(g, "gray"))),
            ("zbar", lambda g: self._zb.read(frames.Frame(g, "gray"))),
            ("zxing-clahe", lambda g: self._zx.read(frames.clahe(g))),
            ("zxing-inverted", lambda g: self._zx.read(frames.inverted(g))),
            ("zxing-x1.5", lambda g: self._zx.read(frames.scaled(g, 1.5))),
            ("zxing-adaptive", lambda g: self._zx.read(frames.adaptive(g))),
            ("zxing-rotate", lambda g: self._zx.read(frames.Frame(g, "rotate"), try_rotate=True)),
            ("zbar-clahe", lambda g: self._zb.read(frames.clahe(g))),
            ("zbar-inverted", lambda g: self._zb.read(frames.inverted(g))),
            ("zxing-otsu", lambda g: self._zx.read(frames.otsu(g))),
            ("zxing-blur", lambda g: self._zx.read(frames.smoothed(g))),
            ("zbar-x0.5", lambda g: self._zb.read(frames.scaled(g, 0.5))),
            ("zxing-x2", lambda g: self._zx.read(frames.scaled(g, 2.0))),
        ]

    @property
    def stage_names(self) -> list[str]:
        """Names of the cascade stages, in the order they are tried."""
        return [name for name, _ in self._stages]

    def decode(self, image: np.ndarray) -> list[DecodedCode]:
        """All distinct accepted codes in a BGR, BGRA or grayscale image (empty list if none)."""
        gray = frames.to_gray(image)
        pool: list[Candidate] = []
        confirmed: dict[tuple[int, ...], list[Candidate]] = {}
        stages = self._stages if self.escalate else self._stages[:1]
        self.last_stage = ""
        for name, stage in stages:
            pool.extend(stage(gray))
            accepted = self._accept(gray, pool, confirmed)
            if accepted:
                self.last_stage = name
                return accepted
        return []

    # -- acceptance -------------------------------------------------------------------------------

    def _strong(self, c: Candidate) -> bool:
        """Trustworthy on its own (otherwise it needs a confirming read)."""
        if c.format in MATRIX:
            return True
        if c.backend != "zxing":
            return False
        if c.format in RETAIL:
            # only plain-frame reads: resampled/filtered frames create checksum-valid misreads
            return c.variant in ("gray", "rotate") and (c.span_modules >= self.min_retail_span or c.thin)
        return True

    def _accept(self, gray: np.ndarray, pool: list[Candidate],
                cache: dict[tuple[int, ...], list[Candidate]]) -> list[DecodedCode]:
        by_key: dict[tuple[str, str], list[Candidate]] = {}
        for c in pool:
            by_key.setdefault(c.key, []).append(c)
        strong: dict[tuple[str, str], list[Candidate]] = {}
        weak: dict[tuple[str, str], list[Candidate]] = {}
        for key, cands in by_key.items():
            (strong if any(self._strong(c) for c in cands) else weak)[key] = cands
        for key, cands in weak.items():
            if any(_overlaps(c, s) for c in cands for group in strong.values() for s in group
                   if s.format in LINEAR and c.format in LINEAR):
                continue  # conflicts with a strong read of the same symbol: a misread
            for extra in self._confirm(gray, cands, cache):
                if extra.key == key:
                    strong[key] = cands
                    break
        return _result(strong.values())

    def _confirm(self, gray: np.ndarray, cands: list[Candidate],
                 cache: dict[tuple[int, ...], list[Candidate]]) -> Iterable[Candidate]:
        """zxing reads of a 2x upsampled crop around the candidate (cached per region)."""
        c = max(cands, key=lambda x: (x.backend == "zxing", x.span_modules))
        region = tuple(v for p in c.points for v in p)
        if region not in cache:
            frame = frames.crop_around(gray, c.points, 2.0)
            reads = self._zx.read(frame, try_rotate=True) if frame is not None else []
            cache[region] = reads
        return cache[region]


def _bbox(c: Candidate) -> tuple[int, int, int, int]:
    xs = [p[0] for p in c.points]
    ys = [p[1] for p in c.points]
    return min(xs), min(ys), max(xs), max(ys)


def _overlaps(a: Candidate, b: Candidate) -> bool:
    ax0, ay0, ax1, ay1 = _bbox(a)
    bx0, by0, bx1, by1 = _bbox(b)
    return ax0 <= bx1 and bx0 <= ax1 and ay0 <= by1 + 0.5 * (by1 - by0) and by0 - 0.5 * (by1 - by0) <= ay1


def _result(groups: Iterable[list[Candidate]]) -> list[DecodedCode]:
    out = []
    for cands in groups:
        backends = {c.backend for c in cands}
        best = max(cands, key=lambda x: (x.backend == "zxing", x.span_modules, len(x.points)))
        out.append(to_decoded(best, "+".join(sorted(backends, key=("zxing", "zbar").index))))
    return out
