"""A camera source: the capture thread that owns the ``cv2.VideoCapture`` and keeps the latest frame.

See :mod:`inspector.scanning.camera` for the shape of the pipeline."""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np

from inspector.scanning.camera_types import (
    DEFAULT_RETRY_DELAYS,
    CameraSpec,
    CameraState,
    CameraStatus,
    CameraUnavailableError,
    CaptureFactory,
    Frame,
    RateMeter,
    SourceKind,
    StatusCallback,
    VideoCaptureLike,
    mask_url,
)

log = logging.getLogger(__name__)


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
