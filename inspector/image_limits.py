"""How large an image the station reads: a guard against decompression bombs (docs/decoding.md).

A small file can declare an enormous picture (a 173 KB PNG of 30000 x 30000 pixels decodes to 2.7 GB).
The size is read from the file's header (Pillow opens lazily and reads no pixels) and a picture over
the limit is refused before anything is decoded:

- :data:`MAX_DECODE_PIXELS` for ``inspector decode`` (the decoder's cascade needs about 9 bytes per
  pixel: 25 megapixels peak at about 360 MB, so any file stays under 500 MB);
- :data:`MAX_PHOTO_PIXELS` for photos stored with an inspection (a 48-megapixel phone picture fits;
  only the thumbnail is ever decoded).
"""

from __future__ import annotations

import io
import re
import warnings

from PIL import Image, UnidentifiedImageError

MAX_DECODE_PIXELS = 25_000_000
"""Pictures ``inspector decode`` reads: 25 megapixels (6000 x 4000 fits)."""
MAX_PHOTO_PIXELS = 50_000_000
"""Photos the station stores: 50 megapixels (8000 x 6000 fits)."""


class ImageTooLarge(ValueError):
    """The picture has more pixels than the limit; the message says how many and what the limit is."""


def check_pixels(data: bytes, limit: int, name: str = "The picture") -> tuple[int, int] | None:
    """The (width, height) the header of ``data`` declares, or None when Pillow does not know the format.

    Raises :class:`ImageTooLarge` when the picture has more than ``limit`` pixels. Nothing is decoded.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
    except Image.DecompressionBombError as exc:  # over Pillow's own limit (179 MP), far above ours
        found = re.search(r"\((\d+) pixels\)", str(exc))
        pixels = f"{int(found[1]) / 1e6:,.0f} megapixels" if found else "too many pixels"
        raise ImageTooLarge(f"{name} has {pixels}; {_refused(limit)}") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None
    if width * height > limit:
        size = f"{width:,} x {height:,} pixels ({width * height / 1e6:,.0f} megapixels)"
        raise ImageTooLarge(f"{name} is {size}; {_refused(limit)}")
    return width, height


def _refused(limit: int) -> str:
    return (f"pictures over {limit / 1e6:g} megapixels are refused (a guard against decompression bombs). "
            "Scale it down and try again.")
