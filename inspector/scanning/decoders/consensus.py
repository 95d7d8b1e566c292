"""Acceptance across consecutive camera frames (Qt-free)."""

from __future__ import annotations

from collections import deque

import numpy as np

from .combined import BarcodeDecoder
from .symbols import MATRIX, DecodedCode


class FrameConsensus:
    """Accept a code once it was seen in ``n`` of the last ``k`` frames.

    A code is accepted at once when two independent backends agreed on it (backend ``"zxing+zbar"``)
    or when it is a 2D symbol with Reed-Solomon error correction (QR Code, Data Matrix, ...).
    Each code is reported only once until it has been absent for ``k`` frames.
    """

    def __init__(self, n: int = 2, k: int = 3) -> None:
        if not 1 <= n <= k:
            raise ValueError("need 1 <= n <= k")
        self.n, self.k = n, k
        self._history: deque[set[tuple[str, str]]] = deque(maxlen=k)
        self._reported: dict[tuple[str, str], int] = {}  # key -> frames since last seen

    def feed(self, codes: list[DecodedCode]) -> list[DecodedCode]:
        """Add one frame's decoded codes; return the codes newly accepted with this frame."""
        keys = {(c.format, c.text) for c in codes}
        self._history.append(keys)
        for key in list(self._reported):
            self._reported[key] = 0 if key in keys else self._reported[key] + 1
            if self._reported[key] >= self.k:
                del self._reported[key]
        accepted = []
        for c in codes:
            key = (c.format, c.text)
            if key in self._reported:
                continue
            seen = sum(key in frame for frame in self._history)
            if seen >= self.n or "+" in c.backend or c.format in MATRIX:
                self._reported[key] = 0
                accepted.append(c)
        return accepted

    def reset(self) -> None:
        """Forget all history (e.g. when the operator starts a new item)."""
        self._history.clear()
        self._reported.clear()


class StreamDecoder:
    """Decode camera frames with a :class:`BarcodeDecoder` and accept codes via :class:`FrameConsensus`."""

    def __init__(self, decoder: BarcodeDecoder | None = None, n: int = 2, k: int = 3) -> None:
        self.decoder = decoder or BarcodeDecoder()
        self.consensus = FrameConsensus(n, k)

    def feed(self, frame: np.ndarray) -> list[DecodedCode]:
        """Decode one frame and return the codes accepted with it."""
        return self.consensus.feed(self.decoder.decode(frame))
