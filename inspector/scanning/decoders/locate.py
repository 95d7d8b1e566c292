"""Cheap localisation of barcode-like regions, so that expensive retries run on small crops only."""

from __future__ import annotations

import cv2
import numpy as np

Quad = tuple[tuple[int, int], ...]

_CLOSE = cv2.getStructuringElement(cv2.MORPH_RECT, (21, 7))
_OPEN = cv2.getStructuringElement(cv2.MORPH_RECT, (7, 7))  # = three 3x3 erosions, then three dilations


def barcode_regions(gray: np.ndarray, limit: int = 3) -> list[Quad]:
    """Up to ``limit`` axis-aligned boxes (largest first) with strong one-directional gradients.

    Classic 1D-barcode localisation: ||d/dx| - |d/dy||, box-blurred and Otsu-thresholded, then
    closed with a wide kernel (and with its transpose, for vertical bars), opened against specks,
    and the largest blobs taken. Runs on a half-size copy for images larger than 400 px.
    """
    scale = 0.5 if max(gray.shape) > 400 else 1.0
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale != 1 else gray
    gx = np.abs(cv2.Sobel(small, cv2.CV_32F, 1, 0, ksize=3))
    gy = np.abs(cv2.Sobel(small, cv2.CV_32F, 0, 1, ksize=3))
    # |blur(gx - gy)|: one energy map serves both bar directions (only the closing kernel differs)
    energy = cv2.convertScaleAbs(cv2.blur(cv2.subtract(gx, gy), (9, 9)))
    _, mask = cv2.threshold(energy, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    found: list[tuple[int, Quad]] = []
    for kernel in (_CLOSE, _CLOSE.T):
        closed = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel)
        closed = cv2.morphologyEx(closed, cv2.MORPH_OPEN, _OPEN)
        contours, _ = cv2.findContours(closed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for contour in contours:
            x, y, w, h = cv2.boundingRect(contour)
            if w * h < 200:
                continue
            x0, y0, x1, y1 = (round(v / scale) for v in (x, y, x + w, y + h))
            found.append((w * h, ((x0, y0), (x1, y0), (x1, y1), (x0, y1))))
    found.sort(key=lambda item: -item[0])
    return [quad for _, quad in found[:limit]]


class BarLocator:
    """Oriented 1D-barcode localisation with OpenCV's barcode detector (gradient-based, any rotation).

    Returns quadrilaterals in input coordinates, largest first. The detector downsamples large images
    itself (to 512 px), so the cost stays within a few milliseconds per image.
    """

    def __init__(self, limit: int = 3) -> None:
        self.limit = limit
        self._detector = cv2.barcode.BarcodeDetector()

    def quads(self, gray: np.ndarray) -> list[np.ndarray]:
        """Up to ``limit`` (4, 2) float32 corner arrays."""
        if min(gray.shape) < 16:
            return []
        try:
            ok, corners = self._detector.detect(gray)
        except cv2.error:
            return []
        if not ok or corners is None:
            return []
        quads = [np.asarray(c, np.float32).reshape(4, 2) for c in corners]
        quads.sort(key=lambda q: -abs(cv2.contourArea(q)))
        return quads[: self.limit]


def scan_direction(gray: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """Unit vector across the bars inside ``quad``: the dominant gradient orientation (structure tensor)."""
    x, y, w, h = cv2.boundingRect(np.round(quad).astype(np.int32))
    x0, y0 = max(0, x), max(0, y)
    patch = gray[y0:min(gray.shape[0], y + h), x0:min(gray.shape[1], x + w)]
    if patch.size < 64:
        return np.array([1.0, 0.0], np.float32)
    patch = patch.astype(np.float32)
    gx = cv2.Sobel(patch, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(patch, cv2.CV_32F, 0, 1, ksize=3)
    theta = 0.5 * np.arctan2(2 * float((gx * gy).sum()), float((gx * gx).sum() - (gy * gy).sum()))
    u = np.array([np.cos(theta), np.sin(theta)], np.float32)
    return u if u[0] >= 0 else -u
