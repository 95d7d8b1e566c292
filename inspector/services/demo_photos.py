"""Generated stand-in photos for demo inspections: a product silhouette on a plain background.

Real stations take photos with a camera; the demo seed needs evidence that looks like photos, is
visibly different per inspection (RMA, SKU, tag and time are drawn on it) and is cheap to make.
The backgrounds with the silhouettes are drawn once per (category, background) and copied for each
photo, so a photo costs one text overlay and one JPEG encode (a few milliseconds).

Rendering is deterministic: the same arguments give the same JPEG bytes (and so the same SHA-256).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

PHOTO_SIZE = (640, 480)
PHOTO_TAGS = ("front", "label", "damage")

# Soft table-top backgrounds (RGB) and product colours.
_BACKGROUNDS = ((222, 226, 230), (236, 228, 214), (214, 226, 218), (230, 222, 232))
_PRODUCT_COLOURS = {
    "apparel": (52, 84, 140),
    "shoes": (120, 78, 48),
    "electronics": (40, 42, 48),
    "cosmetics": (196, 120, 150),
    "home": (168, 140, 96),
    "other": (150, 110, 70),
}


@lru_cache(maxsize=1)
def _bitmap_font() -> ImageFont.ImageFont:
    return ImageFont.load_default_imagefont()


def _draw_text(image: Image.Image, xy: tuple[int, int], lines: Sequence[str], colour: tuple[int, int, int],
               scale: int = 2) -> None:
    """Draw text like a camera's date overlay: Pillow's bitmap font, scaled up.

    Much faster than FreeType (a photo needs several lines and the demo makes hundreds of photos).
    """
    text = "\n".join(lines)
    if not text:
        return
    font = _bitmap_font()
    probe = ImageDraw.Draw(Image.new("L", (1, 1)))
    _left, _top, right, bottom = probe.multiline_textbbox((0, 0), text, font=font, spacing=2)
    mask = Image.new("L", (right + 1, bottom + 1), 0)
    ImageDraw.Draw(mask).multiline_text((0, 0), text, fill=255, font=font, spacing=2)
    mask = mask.resize((mask.width * scale, mask.height * scale), Image.Resampling.NEAREST)
    image.paste(colour, (xy[0], xy[1], xy[0] + mask.width, xy[1] + mask.height), mask)


def _draw_silhouette(draw: ImageDraw.ImageDraw, category: str, colour: tuple[int, int, int]) -> None:
    """A recognisable outline of the product category, centred in the frame."""
    dark = tuple(max(0, c - 40) for c in colour)
    if category == "apparel":  # a T-shirt
        draw.polygon(
            [(250, 140), (290, 125), (350, 125), (390, 140), (450, 190), (420, 225), (395, 205),
             (395, 380), (245, 380), (245, 205), (220, 225), (190, 190)],
            fill=colour, outline=dark, width=3,
        )
        draw.arc((290, 110, 350, 160), 0, 180, fill=dark, width=4)
    elif category == "shoes":  # a sneaker in profile
        draw.polygon(
            [(170, 330), (180, 250), (250, 240), (300, 200), (340, 205), (360, 260), (450, 290),
             (480, 330)],
            fill=colour, outline=dark, width=3,
        )
        draw.rectangle((165, 330, 485, 355), fill=(235, 235, 235), outline=dark, width=2)
        for x in range(270, 340, 16):
            draw.line((x, 225, x + 18, 245), fill=(240, 240, 240), width=3)
    elif category == "electronics":  # a phone or tablet with a screen
        draw.rounded_rectangle((240, 110, 400, 390), radius=22, fill=colour, outline=(10, 10, 10), width=3)
        draw.rounded_rectangle((252, 130, 388, 360), radius=8, fill=(70, 110, 160))
        draw.ellipse((310, 368, 330, 382), fill=(90, 90, 90))
    elif category == "cosmetics":  # a bottle with a cap
        draw.rounded_rectangle((270, 200, 370, 390), radius=18, fill=colour, outline=dark, width=3)
        draw.rectangle((300, 160, 340, 200), fill=dark)
        draw.rectangle((285, 270, 355, 320), fill=(245, 240, 235))
    else:  # a shipping box for home goods and anything else
        light = tuple(min(255, c + 30) for c in colour)
        draw.polygon([(200, 200), (320, 160), (440, 200), (320, 240)], fill=light)
        draw.polygon([(200, 200), (320, 240), (320, 390), (200, 350)], fill=colour, outline=dark)
        draw.polygon([(320, 240), (440, 200), (440, 350), (320, 390)], fill=dark, outline=dark)
        draw.line((260, 180, 380, 220), fill=(200, 180, 120), width=6)


@lru_cache(maxsize=32)
def _base_image(category: str, background: int) -> Image.Image:
    """The background with the category's silhouette (cached; callers copy it)."""
    bg = _BACKGROUNDS[background % len(_BACKGROUNDS)]
    image = Image.new("RGB", PHOTO_SIZE, bg)
    draw = ImageDraw.Draw(image)
    # A faint table edge and shadow give the frame some depth.
    draw.rectangle((0, 400, PHOTO_SIZE[0], PHOTO_SIZE[1]), fill=tuple(max(0, c - 18) for c in bg))
    draw.ellipse((180, 370, 470, 420), fill=tuple(max(0, c - 30) for c in bg))
    _draw_silhouette(draw, category, _PRODUCT_COLOURS.get(category, _PRODUCT_COLOURS["other"]))
    return image


def render_demo_photo(category: str, tag: str, lines: Sequence[str], variant: int = 0) -> bytes:
    """JPEG bytes of a 640x480 demo photo of a ``category`` product, with ``lines`` of text drawn on.

    ``tag`` changes the picture: "label" adds a shipping label with bars, "damage" a red circled
    mark. ``variant`` picks the background colour.
    """
    image = _base_image(category, variant).copy()
    draw = ImageDraw.Draw(image)
    if tag == "label":
        draw.rectangle((430, 60, 610, 180), fill=(252, 252, 252), outline=(30, 30, 30), width=2)
        x = 442
        for i in range(34):
            width = 1 + (i * 7 + variant) % 3
            draw.rectangle((x, 72, x + width - 1, 140), fill=(0, 0, 0))
            x += width + 2
        _draw_text(image, (442, 150), [lines[0][:28]] if lines else [], (0, 0, 0), scale=1)
    elif tag == "damage":
        draw.ellipse((330, 230, 410, 310), outline=(220, 30, 30), width=5)
        draw.line((345, 250, 395, 290), fill=(90, 60, 40), width=4)
        draw.line((350, 285, 390, 255), fill=(90, 60, 40), width=3)
    _draw_text(image, (16, 14), lines, (20, 20, 20))
    _draw_text(image, (16, PHOTO_SIZE[1] - 34), [f"[{tag}]"], (60, 60, 60))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()
