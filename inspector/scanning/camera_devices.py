"""Cameras on this machine and the resolutions they offer, for the Settings dialog."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import cv2

from inspector.scanning.camera_types import COMMON_RESOLUTIONS


@dataclass(frozen=True)
class CameraDevice:
    """A camera found on this machine, for the Settings dialog."""

    index: int
    name: str
    path: str = ""
    size: tuple[int, int] = (0, 0)  # default (width, height) reported when probed

    @property
    def spec_text(self) -> str:
        """The text to store as the camera setting (``CameraSpec.parse`` reads it back)."""
        return str(self.index)


def _linux_video_nodes() -> list[int]:
    nodes = []
    for path in Path("/dev").glob("video*"):
        suffix = path.name[len("video"):]
        if suffix.isdigit():
            nodes.append(int(suffix))
    return sorted(nodes)


def _linux_device_name(index: int) -> str:
    try:
        return Path(f"/sys/class/video4linux/video{index}/name").read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def _probe(index: int) -> tuple[int, int] | None:
    api = cv2.CAP_V4L2 if sys.platform.startswith("linux") else cv2.CAP_ANY
    cap = cv2.VideoCapture(index, api)
    try:
        if not cap.isOpened():
            return None
        return int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)), int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT))
    finally:
        cap.release()


def list_camera_devices(max_index: int = 8, *, probe: bool = True) -> list[CameraDevice]:
    """Cameras that can be opened, by index.

    On Linux only the existing ``/dev/videoN`` nodes are probed (metadata nodes of USB cameras
    do not open and are left out); elsewhere indexes ``0 .. max_index-1`` are tried until two in a
    row fail. With ``probe=False`` nothing is opened (Linux: every node is listed).
    """
    found: list[CameraDevice] = []
    if sys.platform.startswith("linux"):
        for index in (i for i in _linux_video_nodes() if i < max_index):
            name = _linux_device_name(index) or f"Camera {index}"
            size = _probe(index) if probe else (0, 0)
            if size is not None:
                found.append(CameraDevice(index, name, f"/dev/video{index}", size))
        return found
    if not probe:
        return found
    misses = 0
    for index in range(max_index):
        size = _probe(index)
        if size is None:
            misses += 1
            if misses >= 2:
                break
            continue
        misses = 0
        found.append(CameraDevice(index, f"Camera {index}", "", size))
    return found


def probe_resolutions(index: int,
                      candidates: Iterable[tuple[int, int]] = COMMON_RESOLUTIONS) -> list[tuple[int, int]]:
    """The ``candidates`` a device accepts (asked one by one, read back; slow: use on demand)."""
    api = cv2.CAP_V4L2 if sys.platform.startswith("linux") else cv2.CAP_ANY
    if sys.platform.startswith("linux") and not Path(f"/dev/video{index}").exists():
        return []
    cap = cv2.VideoCapture(index, api)
    try:
        if not cap.isOpened():
            return []
        sizes = []
        for width, height in candidates:
            cap.set(cv2.CAP_PROP_FRAME_WIDTH, width)
            cap.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
            got = int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)), int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT))
            if got == (width, height) and got not in sizes:
                sizes.append(got)
        return sizes
    finally:
        cap.release()
