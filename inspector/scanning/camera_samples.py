"""Hand-held parcel videos made from barcode photos, for the camera tests, benchmark and demos.

:func:`make_handheld_video` puts each photo on a white shipping label on a cardboard parcel and
moves it like a person holding the parcel up to a webcam: it slides into view (strong motion blur),
is held for a while with hand tremor (small drift, rotation, scale, some motion and focus blur,
sensor noise and a little lighting change), then slides out again before the next parcel comes.
It returns, for every code, the frames in which the code's centre is inside the aim area, so a
benchmark can time a scan from the moment the code entered the view.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from inspector.scanning.camera_decode import AIM_AREA, AimArea


@dataclass(frozen=True)
class ShownCode:
    """One code of a video: its text and the frames (0-based, end exclusive) it is in the aim area."""

    text: str
    image: str
    enters: int
    leaves: int
    sharpest: int  # a frame of the hold with little motion (for reading it as a still)


def _label(photo: np.ndarray, rng: np.random.Generator, width: int) -> np.ndarray:
    """A white shipping label ``width`` pixels wide with the photo on it and some printed lines."""
    photo = cv2.cvtColor(photo, cv2.COLOR_GRAY2BGR) if photo.ndim == 2 else photo[:, :, :3]
    inner = width - 40
    scale = inner / photo.shape[1]
    if photo.shape[0] * scale > width * 0.9:
        scale = width * 0.9 / photo.shape[0]
    photo = cv2.resize(photo, (max(1, int(photo.shape[1] * scale)), max(1, int(photo.shape[0] * scale))),
                       interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC)
    text_h = 70
    label = np.full((photo.shape[0] + text_h + 40, width, 3), 250, np.uint8)
    for n, line in enumerate(("RETURN TO: Example Shop B.V.", f"Warehouse 2, dock {rng.integers(1, 9)}")):
        cv2.putText(label, line, (20, 30 + 28 * n), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (30, 30, 30), 2,
                    cv2.LINE_AA)
    x = (width - photo.shape[1]) // 2
    label[text_h + 20:text_h + 20 + photo.shape[0], x:x + photo.shape[1]] = photo
    cv2.rectangle(label, (2, 2), (width - 3, label.shape[0] - 3), (60, 60, 60), 2)
    return label


def _cardboard(size: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """A parcel's brown surface with some fibre texture."""
    w, h = size
    base = np.empty((h, w, 3), np.float32)
    base[:] = (70, 120, 165)  # BGR cardboard brown
    texture = cv2.GaussianBlur(rng.normal(0, 10, (h // 4, w // 4)).astype(np.float32), (0, 0), 2)
    base += cv2.resize(texture, (w, h))[:, :, None]
    return np.clip(base, 0, 255).astype(np.uint8)


def _motion_blur(image: np.ndarray, dx: float, dy: float) -> np.ndarray:
    """Blur along the movement of one exposure (dx, dy pixels)."""
    length = math.hypot(dx, dy)
    if length < 1.5:
        return image
    k = math.ceil(length) | 1
    kernel = np.zeros((k, k), np.float32)
    c = k // 2
    cv2.line(kernel, (round(c - dx / 2), round(c - dy / 2)), (round(c + dx / 2), round(c + dy / 2)), 1.0, 1)
    kernel /= max(kernel.sum(), 1.0)
    return cv2.filter2D(image, -1, kernel)


def make_handheld_video(path: Path, photos: Sequence[tuple[str, np.ndarray, str]], *,
                        size: tuple[int, int] = (1280, 720), fps: float = 30.0, hold_s: float = 1.0,
                        move_s: float = 0.3, gap_s: float = 0.25, aim: AimArea = AIM_AREA,
                        seed: int = 14) -> list[ShownCode]:
    """Write an MJPG AVI of ``photos`` ((name, image, text) each) held up one after another.

    Each code is inside ``aim`` for about ``hold_s`` seconds plus part of the ``move_s`` slides.
    """
    rng = np.random.default_rng(seed)
    w, h = size
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, size)
    if not writer.isOpened():
        raise RuntimeError("cannot write an MJPG video with this OpenCV build")
    table = _cardboard((w, h), rng)  # the surface behind, seen by a fixed webcam
    noises = [rng.normal(0, 3.0, (h, w, 3)).astype(np.int16) for _ in range(6)]  # sensor noise
    shown: list[ShownCode] = []
    frame_no = 0
    exposure = 0.5  # of the frame time: a webcam indoors exposes long
    for name, photo, text in photos:
        label = _label(photo, rng, int(w * rng.uniform(0.38, 0.5)))
        lh, lw = label.shape[:2]
        parcel = _cardboard((int(lw * 1.6), int(lh * 1.5)), rng)
        py, px = (parcel.shape[0] - lh) // 2, (parcel.shape[1] - lw) // 2
        parcel[py:py + lh, px:px + lw] = label
        hold_at = np.array([w / 2 + rng.uniform(-0.08, 0.08) * w, h / 2 + rng.uniform(-0.06, 0.06) * h])
        side = rng.choice([-1, 1])
        outside = hold_at + np.array([side * (w * 0.5 + parcel.shape[1] * 0.6), rng.uniform(-80, 80)])
        n_move, n_hold, n_gap = round(move_s * fps), round(hold_s * fps), round(gap_s * fps)
        phases = rng.uniform(0, 2 * math.pi, 6)
        path_points = []
        for i in range(n_move):  # slide in (ease out)
            f = 1 - (1 - (i + 1) / n_move) ** 2
            path_points.append(outside + (hold_at - outside) * f)
        for i in range(n_hold):  # hand tremor: a few slow sways and a faster shake
            t = i / fps
            pi_t = math.pi * t
            sway_x = 14 * math.sin(1.4 * pi_t + phases[0]) + 5 * math.sin(6.2 * pi_t + phases[1])
            sway_y = 10 * math.sin(1.8 * pi_t + phases[2]) + 4 * math.sin(5.4 * pi_t + phases[3])
            sway = np.array([sway_x, sway_y])
            path_points.append(hold_at + sway)
        away = 2 * hold_at - outside  # out on the other side
        for i in range(n_move):  # slide out (ease in)
            f = ((i + 1) / n_move) ** 2
            path_points.append(hold_at + (away - hold_at) * f)
        enters = leaves = -1
        sharpest, least_motion = frame_no, float("inf")
        previous = path_points[0]
        for i, centre in enumerate(path_points):
            t = i / fps
            angle = 3.0 * math.sin(2 * math.pi * 0.5 * t + phases[4])
            scale = 1.0 + 0.03 * math.sin(2 * math.pi * 0.6 * t + phases[5])
            matrix = cv2.getRotationMatrix2D((parcel.shape[1] / 2, parcel.shape[0] / 2), angle, scale)
            matrix[:, 2] += centre - np.array([parcel.shape[1] / 2, parcel.shape[0] / 2])
            velocity = centre - previous
            previous = centre
            moving = _motion_blur(parcel, *(velocity * exposure))  # the parcel moves, the table does not
            frame = cv2.warpAffine(moving, matrix, (w, h), dst=table.copy(),
                                   borderMode=cv2.BORDER_TRANSPARENT)
            frame = cv2.GaussianBlur(frame, (0, 0), rng.uniform(0.5, 1.1))  # focus
            frame = cv2.convertScaleAbs(frame, alpha=rng.uniform(0.92, 1.05))  # light
            noise = noises[int(rng.integers(0, len(noises)))]
            writer.write(np.clip(frame.astype(np.int16) + noise, 0, 255).astype(np.uint8))
            inside = aim[0] * w <= centre[0] <= aim[2] * w and aim[1] * h <= centre[1] <= aim[3] * h
            if inside and enters < 0:
                enters = frame_no
            if inside:
                leaves = frame_no + 1
                motion = float(np.hypot(*velocity))
                if n_move <= i < n_move + n_hold and motion < least_motion:
                    sharpest, least_motion = frame_no, motion
            frame_no += 1
        for _ in range(n_gap):  # the table between two parcels
            noise = noises[int(rng.integers(0, len(noises)))]
            writer.write(np.clip(table.astype(np.int16) + noise, 0, 255).astype(np.uint8))
            frame_no += 1
        shown.append(ShownCode(text, name, enters, leaves, sharpest))
    writer.release()
    return shown


def read_frame(path: Path, index: int) -> np.ndarray:
    """Frame ``index`` (0-based) of a video file."""
    cap = cv2.VideoCapture(str(path))
    try:
        cap.set(cv2.CAP_PROP_POS_FRAMES, index)
        ok, image = cap.read()
    finally:
        cap.release()
    if not ok:
        raise ValueError(f"{path} has no frame {index}")
    return image
