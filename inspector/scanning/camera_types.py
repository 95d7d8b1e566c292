"""The camera pipeline's vocabulary: what a source is, frames, states and status, the capture protocol."""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol

import numpy as np

STREAM_SCHEMES = ("rtsp", "rtsps", "rtmp", "http", "https", "udp", "tcp", "srt")
COMMON_RESOLUTIONS: tuple[tuple[int, int], ...] = ((640, 480), (800, 600), (1280, 720), (1920, 1080))
DEFAULT_RETRY_DELAYS: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0, 8.0)

_USERINFO_RE = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://)(?P<user>[^/@:\s]*):(?P<pw>[^@\s]*)@")


def mask_url(text: str) -> str:
    """``rtsp://user:secret@host/...`` -> ``rtsp://user:***@host/...`` (other text unchanged)."""
    return _USERINFO_RE.sub(lambda m: f"{m['head']}{m['user']}:***@", text)


class SourceKind(StrEnum):
    """What a :class:`CameraSpec` points at."""

    DEVICE = "device"
    FILE = "file"
    STREAM = "stream"


@dataclass(frozen=True)
class CameraSpec:
    """A parsed camera setting: a device index, a video file path or a stream URL.

    ``target`` may hold a password (stream URLs); it is kept out of ``repr``. Use :attr:`display`
    (or ``str(spec)``) wherever the spec is shown or logged.
    """

    kind: SourceKind
    target: str = field(repr=False)
    index: int = -1

    @classmethod
    def parse(cls, text: str | int) -> CameraSpec:
        """Parse ``"0"``, ``"/dev/video2"``, ``"/path/video.mp4"``, ``"rtsp://..."`` or ``"http://..."``."""
        value = str(text).strip()
        if not value:
            raise ValueError("empty camera source")
        if re.fullmatch(r"\d+", value):
            return cls(SourceKind.DEVICE, value, int(value))
        device = re.fullmatch(r"/dev/video(\d+)", value)
        if device:
            return cls(SourceKind.DEVICE, value, int(device[1]))
        scheme = value.split("://", 1)[0].lower() if "://" in value else ""
        if scheme in STREAM_SCHEMES:
            return cls(SourceKind.STREAM, value)
        if scheme == "file":
            value = value.split("://", 1)[1]
        return cls(SourceKind.FILE, str(Path(value).expanduser()))

    @property
    def display(self) -> str:
        """The spec as it may be shown to users and written to logs (passwords masked)."""
        return mask_url(self.target)

    @property
    def is_file(self) -> bool:
        """True for a video file (paced at its native frame rate, may loop)."""
        return self.kind is SourceKind.FILE

    def __str__(self) -> str:
        return self.display


@dataclass(frozen=True)
class Frame:
    """One captured frame. ``image`` is a read-only BGR array that the source never reuses."""

    image: np.ndarray
    seq: int
    at: float  # time.monotonic() when grabbed

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) in pixels."""
        return int(self.image.shape[1]), int(self.image.shape[0])


class CameraState(StrEnum):
    """Where a :class:`CameraSource` is in its life."""

    OPENING = "opening"
    LIVE = "live"
    NO_CAMERA = "no_camera"
    DISCONNECTED = "disconnected"
    RECONNECTING = "reconnecting"
    END_OF_FILE = "end_of_file"
    STOPPED = "stopped"


@dataclass(frozen=True)
class CameraStatus:
    """A status report from the capture thread (``message`` is English, for logs; the UI translates
    ``state``). ``attempt`` counts failed opens since the camera was last live."""

    state: CameraState
    message: str
    attempt: int = 0
    retry_in_s: float = 0.0
    at: float = field(default_factory=time.monotonic)


class CameraUnavailableError(RuntimeError):
    """No recent frame: the camera is not open, not delivering, or was stopped."""


class VideoCaptureLike(Protocol):
    """The part of ``cv2.VideoCapture`` the capture thread uses (tests pass fakes)."""

    def read(self) -> tuple[bool, np.ndarray | None]: ...

    def get(self, prop: int) -> float: ...

    def release(self) -> None: ...


CaptureFactory = Callable[["CameraSpec", int, int], "VideoCaptureLike | None"]
StatusCallback = Callable[[CameraStatus], None]


class RateMeter:
    """Events per second over a sliding window (thread-safe enough for one writer)."""

    def __init__(self, window_s: float = 2.0) -> None:
        self.window_s = window_s
        self._times: deque[float] = deque()

    def tick(self, now: float) -> None:
        """Record one event at ``now`` (monotonic seconds)."""
        self._times.append(now)
        while self._times and now - self._times[0] > self.window_s:
            self._times.popleft()

    @property
    def rate(self) -> float:
        """Events per second in the window (0.0 with fewer than two events)."""
        times = list(self._times)
        if len(times) < 2 or times[-1] <= times[0]:
            return 0.0
        return (len(times) - 1) / (times[-1] - times[0])
