"""Cheap localisation of barcode-like regions, so that expensive retries run on small crops only."""

from __future__ import annotations

import cv2
import numpy as np

Quad = tuple[tuple[int, int], ...]

_CLOSE = cv2.getStructuringElement(cv2.MORPH_RECT, (21, 7))


def barcode_regions(gray: np.ndarray, limit: int = 3) -> list[Quad]:
    """Up to ``limit`` axis-aligned boxes (largest first) with strong one-directional gradients.

    Classic 1D-barcode localisation: |d/dx| - |d/dy| (and the transpose for vertical bars),
    box-blurred, Otsu-thresholded and closed with a wide kernel, then the largest blobs.
    Runs on a half-size copy for images larger than 400 px.
    """
    scale = 0.5 if max(gray.shape) > 400 else 1.0
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale != 1 else gray
    gx = np.abs(cv2.Sobel(small, cv2.CV_32F, 1, 0, ksize=3))
    gy = np.abs(cv2.Sobel(small, cv2.CV_32F, 0, 1, ksize=3))
    found: list[tuple[int, Quad]] = []
    for energy, kernel in ((cv2.subtract(gx, gy), _CLOSE), (cv2.subtract(gy, gx), _CLOSE.T)):
        energy = cv2.convertScaleAbs(cv2.blur(energy, (9, 9)))
        _, mask = cv2.threshold(energy, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel)
        mask = cv2.dilate(cv2.erode(mask, None, iterations=3), None, iterations=3)
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for contour in contours:
            x, y, w, h = cv2.boundingRect(contour)
            if w * h < 200:
                continue
            x0, y0, x1, y1 = (round(v / scale) for v in (x, y, x + w, y + h))
            found.append((w * h, ((x0, y0), (x1, y0), (x1, y1), (x0, y1))))
    found.sort(key=lambda item: -item[0])
    return [quad for _, quad in found[:limit]]
