"""Qt-free barcode decoding: a combined zxing-cpp + pyzbar decoder with retries and false-read guards.

Public API::

    DecodedCode, BarcodeDecoder, decode_file, load_image, DecodeError,
    ZXingDecoder, ZBarDecoder, OpenCVDecoder, FrameConsensus, StreamDecoder
"""

from __future__ import annotations

import os
from pathlib import Path

import cv2
import numpy as np

from inspector.image_limits import MAX_DECODE_PIXELS, ImageTooLarge, check_pixels

from .decoders.backends import OpenCVDecoder, ZBarDecoder, ZXingDecoder
from .decoders.combined import BarcodeDecoder
from .decoders.consensus import FrameConsensus, StreamDecoder
from .decoders.symbols import DecodedCode

__all__ = [
    "BarcodeDecoder",
    "DecodeError",
    "DecodedCode",
    "FrameConsensus",
    "OpenCVDecoder",
    "StreamDecoder",
    "ZBarDecoder",
    "ZXingDecoder",
    "decode_file",
    "load_image",
]


class DecodeError(ValueError):
    """An image file could not be read (missing, empty, corrupt or not an image)."""


def load_image(path: str | os.PathLike[str]) -> np.ndarray:
    """Load an image file (PNG/JPEG/WebP/...) as a numpy array, keeping alpha; raise DecodeError.

    A picture over :data:`~inspector.image_limits.MAX_DECODE_PIXELS` (read from its header) is refused
    before it is decoded, and so is a format whose header Pillow cannot read.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise DecodeError(f"cannot read {p}: {exc.strerror or exc}") from exc
    if not data:
        raise DecodeError(f"{p} is empty (0 bytes)")
    try:  # the header's size first: a decompression bomb is refused before any pixel is decoded
        size = check_pixels(data, MAX_DECODE_PIXELS, str(p))
    except ImageTooLarge as exc:
        raise DecodeError(str(exc)) from exc
    if size is None:  # a format whose size cannot be read first is not decoded either
        raise DecodeError(f"{p} is not a readable image (corrupt or unsupported format)")
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    if image is None or image.size == 0:
        raise DecodeError(f"{p} is not a readable image (corrupt or unsupported format)")
    return image


_DEFAULT: BarcodeDecoder | None = None


def decode_file(path: str | os.PathLike[str], decoder: BarcodeDecoder | None = None) -> list[DecodedCode]:
    """Decode all accepted barcodes in an image file; raises DecodeError for unreadable files."""
    global _DEFAULT
    if decoder is None:
        if _DEFAULT is None:
            _DEFAULT = BarcodeDecoder()
        decoder = _DEFAULT
    return decoder.decode(load_image(path))
