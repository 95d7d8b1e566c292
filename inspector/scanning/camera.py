"""Camera sources and the camera decode worker (Qt-free; threads via :mod:`threading`).

The shape follows audio capture: a capture thread reads frames from OpenCV and keeps only the
latest one in a slot (lock + frame + sequence number; frames are never queued), a decode thread
always takes the newest frame (stale ones are skipped, nothing builds up), and the GUI paints the
latest frame on a timer. The capture thread owns the ``cv2.VideoCapture`` from open to
``release()``; nothing else touches it.

A source is a device index (``"0"``), a video file (played at its native frame rate, looping by
default, so a file behaves like a live "virtual camera") or a stream URL (RTSP/HTTP IP cameras).
Losing the camera is reported through status callbacks and retried with a backoff.
Passwords in stream URLs never reach logs or status messages (:func:`mask_url`).
"""

from __future__ import annotations

import logging
import re
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

import cv2
import numpy as np

from .decode import BarcodeDecoder, DecodedCode, FrameConsensus
from .decoders.frames import to_gray
from .events import AIM_SPECIFIC, GS1_AIM_IDS, ScanEvent

log = logging.getLogger(__name__)

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


def open_capture(spec: CameraSpec, width: int, height: int,
                 timeout_s: float = 5.0) -> cv2.VideoCapture | None:
    """Open ``spec`` with OpenCV; None when there is nothing to open (no device, no file, no stream).

    Devices are asked for ``width`` x ``height`` in MJPG (USB cameras deliver 720p at full rate only
    compressed) with a one-frame driver buffer. Files and streams keep their own size.
    """
    cap: cv2.VideoCapture | None = None
    if spec.kind is SourceKind.FILE:
        if not Path(spec.target).is_file():
            return None
        cap = cv2.VideoCapture(spec.target)
    elif spec.kind is SourceKind.STREAM:
        ms = int(timeout_s * 1000)
        params = [cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, ms, cv2.CAP_PROP_READ_TIMEOUT_MSEC, ms]
        cap = cv2.VideoCapture(spec.target, cv2.CAP_FFMPEG, params)
    else:
        if sys.platform.startswith("linux"):
            if not Path(f"/dev/video{spec.index}").exists():
                return None
            cap = cv2.VideoCapture(spec.index, cv2.CAP_V4L2)
        else:
            cap = cv2.VideoCapture(spec.index)
        if cap.isOpened():
            cap.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))
            cap.set(cv2.CAP_PROP_FRAME_WIDTH, width)
            cap.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
            cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)
    if not cap.isOpened():
        cap.release()
        return None
    return cap


class CameraSource:
    """Frames from one camera, video file or stream, captured on a worker thread.

    ``start()`` launches the capture thread; ``stop()`` asks it to end and joins it (the thread
    itself calls ``release()`` on the capture). The newest frame is available from
    :meth:`latest_frame` / :meth:`wait_for_frame`; older frames are dropped, never queued.

    ``on_status`` is called on the capture thread with a :class:`CameraStatus` whenever the state
    changes (or a retry is scheduled): keep it short and thread-safe (emit a Qt signal, set a flag).

    Args:
        spec: What to open (a :class:`CameraSpec` or its text form).
        width, height: Resolution requested from devices (files and streams keep their own).
        on_status: Status callback, see above.
        loop: Restart video files at their end (a "virtual camera"); otherwise report
            ``end_of_file`` and idle until stopped.
        pace: Deliver frames at the source's native frame rate; default: only for files.
        retry_delays: Waits between failed opens; the last one repeats.
        open_timeout_s: Open/read timeout for streams.
        capture_factory: Replaces :func:`open_capture` (tests).
    """

    def __init__(self, spec: CameraSpec | str, width: int = 1280, height: int = 720,
                 on_status: StatusCallback | None = None, *, loop: bool = True, pace: bool | None = None,
                 retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS, open_timeout_s: float = 5.0,
                 capture_factory: CaptureFactory | None = None) -> None:
        self.spec = spec if isinstance(spec, CameraSpec) else CameraSpec.parse(spec)
        self.width, self.height = width, height
        self.on_status = on_status
        self.loop = loop
        self.pace = self.spec.is_file if pace is None else pace
        self.retry_delays = tuple(retry_delays) or DEFAULT_RETRY_DELAYS
        self.open_timeout_s = open_timeout_s
        self._factory: CaptureFactory = capture_factory or (
            lambda s, w, h: open_capture(s, w, h, self.open_timeout_s))
        self._cond = threading.Condition()
        self._frame: Frame | None = None
        self._seq = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._status = CameraStatus(CameraState.STOPPED, "not started")
        self._meter = RateMeter()
        self.frames_captured = 0
        self.open_attempts = 0
        self.releases = 0
        self.loops = 0
        self.native_fps = 0.0

    # -- public API ----------------------------------------------------------------------------

    def start(self) -> None:
        """Start the capture thread (no-op when it is already running)."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="camera-capture", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> bool:
        """Ask the capture thread to stop and join it; True when it ended within ``timeout``.

        A stream blocked inside OpenCV can outlive the timeout (up to ``open_timeout_s``); the
        thread is a daemon, still releases its capture when OpenCV returns, and then ends.
        """
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        thread = self._thread
        if thread is None:
            self._set_status(CameraState.STOPPED, "stopped")
            return True
        if thread is not threading.current_thread():
            thread.join(timeout)
        if thread.is_alive():
            log.warning("camera %s: capture thread did not stop within %.1f s", self.spec.display, timeout)
            return False
        return True

    @property
    def running(self) -> bool:
        """True while the capture thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    @property
    def status(self) -> CameraStatus:
        """The last reported status."""
        return self._status

    @property
    def fps(self) -> float:
        """Measured frames per second delivered over the last two seconds."""
        return self._meter.rate

    def latest_frame(self) -> Frame | None:
        """The newest frame, or None before the first one. Its image is read-only and never reused
        by the source, so it can be kept or shared freely; copy it to modify it."""
        with self._cond:
            return self._frame

    def wait_for_frame(self, after_seq: int = 0, timeout: float | None = None) -> Frame | None:
        """Block until a frame newer than ``after_seq`` exists (or stop/timeout: None)."""
        with self._cond:
            self._cond.wait_for(lambda: self._seq > after_seq or self._stop.is_set(), timeout)
            return self._frame if self._seq > after_seq else None

    def capture_still(self, timeout: float = 1.0, max_age_s: float = 0.5) -> np.ndarray:
        """A writable full-resolution copy of the newest frame no older than ``max_age_s``.

        Waits up to ``timeout`` for a fresh frame; raises :class:`CameraUnavailableError` otherwise.
        """
        frame = self.latest_frame()
        if frame is None or time.monotonic() - frame.at > max_age_s:
            frame = self.wait_for_frame(frame.seq if frame else 0, timeout)
        if frame is None:
            raise CameraUnavailableError(f"no picture from camera {self.spec.display}")
        return frame.image.copy()

    # -- capture thread ------------------------------------------------------------------------

    def _set_status(self, state: CameraState, message: str, attempt: int = 0,
                    retry_in_s: float = 0.0) -> None:
        if (state, attempt) == (self._status.state, self._status.attempt):
            return
        self._status = CameraStatus(state, mask_url(message), attempt, retry_in_s)
        log.info("camera %s: %s (%s)", self.spec.display, state.value, self._status.message)
        if self.on_status is not None:
            try:
                self.on_status(self._status)
            except Exception:
                log.exception("camera status callback failed")

    def _retry_delay(self, failures: int) -> float:
        return self.retry_delays[min(failures, len(self.retry_delays)) - 1]

    def _run(self) -> None:
        failures = 0
        was_live = False
        reopen_quietly = False
        try:
            while not self._stop.is_set():
                if not reopen_quietly and failures == 0:
                    self._set_status(CameraState.OPENING, f"opening {self.spec.display}")
                reopen_quietly = False
                self.open_attempts += 1
                try:
                    cap = self._factory(self.spec, self.width, self.height)
                except Exception as exc:  # OpenCV raises for some malformed URLs
                    log.warning("camera %s: open failed: %s", self.spec.display, mask_url(str(exc)))
                    cap = None
                if cap is None:
                    failures += 1
                    delay = self._retry_delay(failures)
                    if was_live:
                        self._set_status(CameraState.RECONNECTING, f"cannot reopen {self.spec.display}",
                                         failures, delay)
                    else:
                        self._set_status(CameraState.NO_CAMERA, f"cannot open {self.spec.display}",
                                         failures, delay)
                    if self._stop.wait(delay):
                        break
                    continue
                try:
                    outcome = self._pump(cap)
                finally:
                    cap.release()
                    self.releases += 1
                if outcome == "live":  # delivered frames, then lost them
                    failures = 0
                    was_live = True
                if self._stop.is_set():
                    break
                if self.spec.is_file and outcome != "failed" and self.loop:
                    self.loops += 1
                    reopen_quietly = True
                    continue
                if self.spec.is_file and outcome != "failed":
                    self._set_status(CameraState.END_OF_FILE, f"end of {self.spec.display}")
                    self._stop.wait()
                    break
                failures += 1
                delay = self._retry_delay(failures)
                self._set_status(CameraState.DISCONNECTED, f"lost {self.spec.display}", failures)
                self._set_status(CameraState.RECONNECTING, f"reconnecting to {self.spec.display}",
                                 failures, delay)
                if self._stop.wait(delay):
                    break
        except Exception:
            log.exception("camera %s: capture thread failed", self.spec.display)
        finally:
            self._set_status(CameraState.STOPPED, "stopped")
            with self._cond:
                self._cond.notify_all()

    def _pump(self, cap: VideoCaptureLike) -> str:
        """Read until the stream ends or stop; "live" if frames came, "failed" if none did."""
        fps = float(cap.get(cv2.CAP_PROP_FPS) or 0.0)
        self.native_fps = fps if 1.0 <= fps <= 240.0 else 30.0
        period = 1.0 / self.native_fps
        delivered = 0
        misses = 0
        next_at = time.monotonic()
        while not self._stop.is_set():
            ok, image = cap.read()
            if not ok or image is None or image.size == 0:
                if self.spec.is_file:
                    break
                misses += 1
                if misses >= 3:
                    break
                self._stop.wait(0.02)
                continue
            misses = 0
            if self.pace:
                next_at += period
                wait = next_at - time.monotonic()
                if wait > 0:
                    if self._stop.wait(wait):
                        break
                elif wait < -period:  # fell behind (machine busy): do not burst to catch up
                    next_at = time.monotonic()
            self._publish(image)
            delivered += 1
            if delivered == 1:
                self._set_status(CameraState.LIVE, f"live: {self.spec.display}")
        return "live" if delivered else "failed"

    def _publish(self, image: np.ndarray) -> None:
        image.flags.writeable = False
        now = time.monotonic()
        with self._cond:
            self._seq += 1
            self._frame = Frame(image, self._seq, now)
            self.frames_captured += 1
            self._cond.notify_all()
        self._meter.tick(now)


# -- decoding ------------------------------------------------------------------------------------


class FrameDecoder(Protocol):
    """Anything that decodes one image into codes (:class:`BarcodeDecoder`, :class:`CameraFrameDecoder`)."""

    def decode(self, image: np.ndarray) -> list[DecodedCode]: ...


class CodeConsensus(Protocol):
    """Acceptance across consecutive frames (:class:`FrameConsensus`)."""

    def feed(self, codes: list[DecodedCode]) -> list[DecodedCode]: ...

    def reset(self) -> None: ...


class CameraFrameDecoder:
    """The camera's decoder: the zxing fast path on every frame, the full cascade now and then.

    The full :class:`BarcodeDecoder` cascade costs 60-600 ms on a 1280x720 frame with no easy code
    in it, far too slow for every frame on two cores. Live frames differ slightly from each other,
    so the fast path (zxing on the grayscale frame plus the decoder's false-read guards) gets many
    chances; the full cascade runs on every ``full_every``-th frame in which the fast path found
    nothing, which catches codes only the retries can read.
    """

    def __init__(self, fast: FrameDecoder | None = None, full: FrameDecoder | None = None,
                 full_every: int = 10) -> None:
        self.fast = fast or BarcodeDecoder(escalate=False)
        self.full = full or BarcodeDecoder()
        self.full_every = full_every
        self._misses = 0
        self.full_runs = 0

    def decode(self, image: np.ndarray) -> list[DecodedCode]:
        """Codes in ``image`` (BGR or gray)."""
        gray = to_gray(image)
        codes = self.fast.decode(gray)
        if codes:
            self._misses = 0
            return codes
        self._misses += 1
        if self.full_every > 0 and self._misses % self.full_every == 0:
            self.full_runs += 1
            return self.full.decode(gray)
        return []


@dataclass(frozen=True)
class CodeOverlay:
    """What the decode worker found in one frame, for drawing: codes with corner points in the
    coordinates of the frame ``seq`` of size ``frame_size`` (width, height)."""

    seq: int
    codes: tuple[DecodedCode, ...]
    frame_size: tuple[int, int]
    at: float


def scan_event_from_code(code: DecodedCode, at: float) -> ScanEvent:
    """The :class:`ScanEvent` for one code read by the camera."""
    aim = code.symbology_id
    symbology = AIM_SPECIFIC[aim] if aim in GS1_AIM_IDS and aim in AIM_SPECIFIC else code.format
    return ScanEvent(text=code.text, source="camera", symbology=symbology, aim_id=aim, at=at, raw=code.text)


class CameraDecodeWorker:
    """Decodes the newest frame of a :class:`CameraSource` on its own thread.

    It always takes the newest frame and skips the ones captured while it was busy, so it never
    falls behind. After each frame it publishes a :class:`CodeOverlay` (:meth:`latest_overlay`,
    ``on_codes``) and emits one :class:`ScanEvent` (``on_scan``, source ``"camera"``) per code the
    ``consensus`` accepts. A code is reported once while it stays in view: it gives a new event only
    after it has not been read for ``repeat_suppress_s`` seconds. Callbacks run on the worker thread.

    Args:
        source: Where frames come from (anything with ``wait_for_frame``).
        decoder: Default :class:`CameraFrameDecoder`.
        consensus: Default :class:`FrameConsensus` (2 of 3 frames for 1D codes, 2D at once).
        on_codes: Called with every :class:`CodeOverlay`.
        on_scan: Called with every :class:`ScanEvent`.
        repeat_suppress_s: See above.
        clock: Monotonic seconds (tests inject a fake).
    """

    def __init__(self, source: CameraSource, decoder: FrameDecoder | None = None,
                 consensus: CodeConsensus | None = None,
                 on_codes: Callable[[CodeOverlay], None] | None = None,
                 on_scan: Callable[[ScanEvent], None] | None = None,
                 repeat_suppress_s: float = 2.0, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.source = source
        self.decoder: FrameDecoder = decoder or CameraFrameDecoder()
        self.consensus: CodeConsensus = consensus or FrameConsensus()
        self.on_codes = on_codes
        self.on_scan = on_scan
        self.repeat_suppress_s = repeat_suppress_s
        self._clock = clock
        self._last_read: dict[tuple[str, str], float] = {}  # reported codes -> last time read
        self._overlay: CodeOverlay | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._meter = RateMeter()
        self.frames_decoded = 0
        self.frames_skipped = 0
        self.events_emitted = 0
        self.events_suppressed = 0
        self.last_decode_ms = 0.0
        self.busy_s = 0.0

    def start(self) -> None:
        """Start the decode thread (no-op when it is already running)."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="camera-decode", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> bool:
        """Stop and join the decode thread; True when it ended within ``timeout``."""
        self._stop.set()
        thread = self._thread
        if thread is None or thread is threading.current_thread():
            return True
        thread.join(timeout)
        return not thread.is_alive()

    @property
    def running(self) -> bool:
        """True while the decode thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    @property
    def fps(self) -> float:
        """Frames decoded per second over the last two seconds."""
        return self._meter.rate

    def latest_overlay(self) -> CodeOverlay | None:
        """The result of the most recently decoded frame (None before the first)."""
        with self._lock:
            return self._overlay

    def reset(self) -> None:
        """Forget reported codes (the next read of any code gives an event again)."""
        with self._lock:
            self._last_read.clear()
            self.consensus.reset()

    def process(self, frame: Frame) -> list[ScanEvent]:
        """Decode one frame, publish its overlay and emit its events; returns the events.

        The thread calls this for each frame it takes; tests may call it directly.
        """
        started = time.perf_counter()
        codes = self.decoder.decode(frame.image)
        self.last_decode_ms = (time.perf_counter() - started) * 1000.0
        self.busy_s += self.last_decode_ms / 1000.0
        overlay = CodeOverlay(frame.seq, tuple(codes), frame.size, time.monotonic())
        now = self._clock()
        events = []
        with self._lock:
            self._overlay = overlay
            self.frames_decoded += 1
            for key, seen in list(self._last_read.items()):
                if now - seen >= self.repeat_suppress_s:
                    del self._last_read[key]
            accepted = self.consensus.feed(list(codes))
            for code in accepted:
                key = (code.format, code.text)
                if key in self._last_read:
                    self.events_suppressed += 1
                    continue
                events.append(scan_event_from_code(code, now))
                self._last_read[key] = now
            for code in codes:
                key = (code.format, code.text)
                if key in self._last_read:
                    self._last_read[key] = now
            self.events_emitted += len(events)
        self._meter.tick(time.monotonic())
        self._call(self.on_codes, overlay)
        for event in events:
            self._call(self.on_scan, event)
        return events

    @staticmethod
    def _call(callback: Callable[[Any], None] | None, value: object) -> None:
        if callback is None:
            return
        try:
            callback(value)
        except Exception:
            log.exception("camera decode callback failed")

    def _run(self) -> None:
        last_seq = 0
        while not self._stop.is_set():
            frame = self.source.wait_for_frame(last_seq, timeout=0.1)
            if frame is None and not self.source.running:
                self._stop.wait(0.1)  # the source was stopped (it returns at once then): do not spin
            if frame is None or self._stop.is_set():
                continue
            if last_seq:
                self.frames_skipped += max(0, frame.seq - last_seq - 1)
            last_seq = frame.seq
            try:
                self.process(frame)
            except Exception:
                log.exception("camera decoding failed on frame %d", frame.seq)


# -- devices -------------------------------------------------------------------------------------


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
