"""Grayscale conversion and the preprocessed variants ("frames") the cascade decodes."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

_CLAHE = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(8, 8))
# the defocus a deblurred crop undoes: about 0.6 module on a crop normalised to ~3 px per EAN module
DEBLUR_SIGMA = 2.0


Affine = tuple[tuple[float, float, float], tuple[float, float, float]]


@dataclass(frozen=True)
class Frame:
    """A preprocessed image plus the mapping of its pixel coordinates back to the input image.

    The mapping is ``input = frame / scale + offset``, or, for a rotated (deskewed) crop, the affine
    matrix ``affine`` (2x3, frame -> input), which then replaces scale and offset.
    """

    image: np.ndarray
    name: str
    scale: float = 1.0
    offset: tuple[int, int] = (0, 0)
    affine: Affine | None = None

    def to_input(self, points: list[tuple[float, float]]) -> tuple[tuple[int, int], ...]:
        """Map points of this frame to the input image's pixel coordinates."""
        if self.affine is not None:
            (a, b, c), (d, e, f) = self.affine
            return tuple((round(a * x + b * y + c), round(d * x + e * y + f)) for x, y in points)
        ox, oy = self.offset
        return tuple((round(x / self.scale + ox), round(y / self.scale + oy)) for x, y in points)

    def derived(self, other: Frame) -> Frame:
        """``other`` (a filtered copy of this frame's image) with this frame's coordinate mapping."""
        return Frame(other.image, f"{self.name}-{other.name}", self.scale, self.offset, self.affine)


def to_gray(image: np.ndarray) -> np.ndarray:
    """Return an 8-bit single-channel image from gray, BGR or BGRA input (alpha composited on white)."""
    if not isinstance(image, np.ndarray) or image.size == 0:
        raise ValueError("image must be a non-empty numpy array")
    img = image
    if img.dtype != np.uint8:
        img = cv2.normalize(img, None, 0, 255, cv2.NORM_MINMAX).astype(np.uint8)
    if img.ndim == 2:
        return np.ascontiguousarray(img)
    if img.ndim == 3 and img.shape[2] == 1:
        return np.ascontiguousarray(img[:, :, 0])
    if img.ndim == 3 and img.shape[2] == 4:  # composite on white: g * a/255 + (255 - a)
        gray = cv2.cvtColor(img, cv2.COLOR_BGRA2GRAY)
        alpha = np.ascontiguousarray(img[:, :, 3])
        return cv2.add(cv2.multiply(gray, alpha, scale=1 / 255), cv2.subtract(255, alpha))
    if img.ndim == 3 and img.shape[2] == 3:
        return cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    raise ValueError(f"unsupported image shape {image.shape}")


def clahe(gray: np.ndarray) -> Frame:
    """Local contrast enhancement (CLAHE): helps glare, shadows and low-contrast prints."""
    return Frame(_CLAHE.apply(gray), "clahe")


def inverted(gray: np.ndarray) -> Frame:
    """Light-on-dark codes (and negative photos)."""
    return Frame(cv2.bitwise_not(gray), "inverted")


def scaled(gray: np.ndarray, factor: float) -> Frame:
    """Resampled copy: upscaling helps sub-2-pixel modules, downscaling helps noise and huge codes."""
    if min(gray.shape) * factor < 16:
        return Frame(gray, "scaled-skip")
    interp = cv2.INTER_CUBIC if factor > 1 else cv2.INTER_AREA
    return Frame(cv2.resize(gray, None, fx=factor, fy=factor, interpolation=interp), f"x{factor:g}", factor)


def sharpened(gray: np.ndarray) -> Frame:
    """Unsharp mask against mild defocus."""
    blur = cv2.GaussianBlur(gray, (0, 0), 2.0)
    return Frame(cv2.addWeighted(gray, 1.8, blur, -0.8, 0), "sharpen")


def smoothed(gray: np.ndarray) -> Frame:
    """Light Gaussian blur against sensor noise and JPEG ringing."""
    return Frame(cv2.GaussianBlur(gray, (3, 3), 0), "blur")


def deblurred(gray: np.ndarray, sigma: float = DEBLUR_SIGMA, noise: float = 0.01) -> Frame:
    """Wiener deconvolution along the rows (a Gaussian blur of ``sigma`` px) against defocus.

    Meant for crops with upright bars: only the scan direction is deconvolved, and the bars' own
    length has already averaged the noise that deconvolution amplifies.
    """
    pad = gray.shape[1] // 2
    rows = cv2.copyMakeBorder(gray.astype(np.float32), 0, 0, pad, pad, cv2.BORDER_REPLICATE)
    freq = np.fft.rfftfreq(rows.shape[1])
    otf = np.exp(-2 * (np.pi * sigma * freq) ** 2)
    spectrum = np.fft.rfft(rows, axis=1) * (otf / (otf * otf + noise))[None, :]
    out = np.fft.irfft(spectrum, rows.shape[1], axis=1)[:, pad:pad + gray.shape[1]]
    return Frame(np.clip(out, 0, 255).astype(np.uint8), "deblur")


def adaptive(gray: np.ndarray) -> Frame:
    """Adaptive mean threshold: binarisation under uneven light."""
    img = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 31, 5)
    return Frame(img, "adaptive")


def otsu(gray: np.ndarray) -> Frame:
    """Global Otsu threshold after a light blur."""
    _, img = cv2.threshold(cv2.GaussianBlur(gray, (3, 3), 0), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return Frame(img, "otsu")


def crop_around(gray: np.ndarray, points: tuple[tuple[int, int], ...], factor: float,
                max_side: int = 0) -> Frame | None:
    """A crop around ``points`` with a generous quiet-zone margin, resampled by ``factor``.

    With ``max_side``, an upsampling factor is reduced so the result stays within that size, and
    None is returned when even the plain crop would exceed it (retry the whole image instead).
    """
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    margin = int(0.2 * max(w, h)) + 12  # quiet zones
    vmargin = max(margin, int(0.3 * max(w, h)))  # bars usually extend beyond the lines that decoded
    x0, y0 = max(0, min(xs) - margin), max(0, min(ys) - vmargin)
    x1, y1 = min(gray.shape[1], max(xs) + margin), min(gray.shape[0], max(ys) + vmargin)
    if x1 - x0 < 8 or y1 - y0 < 8:
        return None
    crop = gray[y0:y1, x0:x1]
    if max_side and factor > 1:
        factor = min(factor, max_side / max(crop.shape))
        if factor <= 1.05:
            return None
    if factor != 1:
        crop = cv2.resize(crop, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
    return Frame(np.ascontiguousarray(crop), f"crop-x{factor:g}", factor, (x0, y0))


def bar_direction(gray: np.ndarray) -> float:
    """Ratio of horizontal to vertical gradient energy: > 1 for vertical bars, < 1 for horizontal ones."""
    small = gray if max(gray.shape) <= 320 else gray[::2, ::2]
    gx = cv2.Sobel(small, cv2.CV_16S, 1, 0, ksize=3)
    gy = cv2.Sobel(small, cv2.CV_16S, 0, 1, ksize=3)
    return float(cv2.norm(gx, cv2.NORM_L1)) / max(float(cv2.norm(gy, cv2.NORM_L1)), 1.0)


def deskewed(gray: np.ndarray, quad: np.ndarray, scan: np.ndarray, length: int = 0,
             max_length: int = 900, max_height: int = 160, margin: float = 0.15) -> Frame | None:
    """The region ``quad`` cut out along ``scan`` (unit vector across the bars), so the bars stand upright.

    The symbol is resampled to ``length`` px along the scan direction (multi-scale: small modules get
    upsampled), or kept at its size up to ``max_length`` when ``length`` is 0; across it the crop is
    squeezed to ``max_height`` px, which averages along the bars. ``margin`` adds quiet zone on both ends.
    """
    u = np.asarray(scan, np.float64)
    v = np.array([-u[1], u[0]])
    centre = quad.mean(axis=0).astype(np.float64)
    along, across = (quad - centre) @ u, (quad - centre) @ v
    extent, height = float(along.max() - along.min()), float(across.max() - across.min())
    if extent < 8 or height < 4:
        return None
    s = length / extent if length else min(1.0, max_length / extent)
    sv = min(s, max_height / height)
    width, rows = round(extent * (1 + 2 * margin) * s), max(round(height * sv), 16)
    # frame -> input: centre + u * (x - width / 2) / s + v * (y - rows / 2) / sv
    m = np.array([[u[0] / s, v[0] / sv, 0.0], [u[1] / s, v[1] / sv, 0.0]])
    m[:, 2] = centre - m[:, 0] * width / 2 - m[:, 1] * rows / 2
    image = cv2.warpAffine(gray, m, (width, rows), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                           borderMode=cv2.BORDER_REPLICATE)
    affine = (tuple(float(a) for a in m[0]), tuple(float(a) for a in m[1]))
    return Frame(image, f"deskew-x{s:.2g}", s, (0, 0), affine)  # type: ignore[arg-type]
