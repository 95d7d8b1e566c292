"""The camera decode worker: always decodes the newest frame, turns codes into scan events."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from inspector.scanning.camera_source import CameraSource
from inspector.scanning.camera_types import Frame, RateMeter
from inspector.scanning.decode import BarcodeDecoder, DecodedCode, FrameConsensus
from inspector.scanning.decoders.frames import to_gray
from inspector.scanning.events import AIM_SPECIFIC, GS1_AIM_IDS, ScanEvent

log = logging.getLogger(__name__)


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
