"""The camera decode worker: always decodes the newest frame, turns codes into scan events."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import cv2
import numpy as np

from inspector.scanning.camera_source import CameraSource
from inspector.scanning.camera_types import Frame, RateMeter
from inspector.scanning.decode import BarcodeDecoder, DecodedCode, FrameConsensus
from inspector.scanning.decoders.combined import CascadeRun
from inspector.scanning.decoders.frames import to_gray
from inspector.scanning.decoders.stages import Stage
from inspector.scanning.decoders.symbols import MATRIX, RETAIL
from inspector.scanning.events import AIM_SPECIFIC, GS1_AIM_IDS, ScanError, ScanEvent

log = logging.getLogger(__name__)


class FrameDecoder(Protocol):
    """Anything that decodes one image into codes (:class:`BarcodeDecoder`, :class:`CameraFrameDecoder`)."""

    def decode(self, image: np.ndarray) -> list[DecodedCode]: ...


class CodeConsensus(Protocol):
    """Acceptance across consecutive frames (:class:`FrameConsensus`)."""

    def feed(self, codes: list[DecodedCode]) -> list[DecodedCode]: ...

    def reset(self) -> None: ...


AimArea = tuple[float, float, float, float]
#: The part of the frame a code must be in to count (x0, y0, x1, y1 as fractions of the frame); the
#: preview draws it. Codes outside it are shown but never scanned.
AIM_AREA: AimArea = (0.15, 0.12, 0.85, 0.88)


def in_aim(code: DecodedCode, size: tuple[int, int], aim: AimArea | None) -> bool:
    """True when the centre of ``code`` lies in ``aim`` of a frame of ``size`` (width, height)."""
    if aim is None or not code.points:
        return True
    x = sum(p[0] for p in code.points) / len(code.points) / max(1, size[0])
    y = sum(p[1] for p in code.points) / len(code.points) / max(1, size[1])
    return aim[0] <= x <= aim[2] and aim[1] <= y <= aim[3]


class CameraFrameDecoder:
    """The camera's decoder: the fast path on every frame, idle time on the full cascade.

    The full :class:`BarcodeDecoder` cascade costs 60-600 ms on a 1280x720 frame with no easy code
    in it, far too slow for every frame. :meth:`decode` runs the fast path (zxing on the grayscale
    frame plus the decoder's false-read guards) and keeps the cascade of the last frame it missed;
    :meth:`step` runs that cascade's next stage (the worker calls it between frames), so a code the
    still decoder reads is read by the camera too while it stays in view, and the preview and the
    fast path never wait for the whole cascade. Results of :meth:`step` passed the still decoder's
    acceptance rules on one frame and need no agreement of further frames.

    A hand-held code is blurred while it moves: when a missed frame is clearly sharper
    (``restart_ratio`` times the variance of the Laplacian) than the one the cascade works on, the
    cascade starts again on the sharper frame.
    """

    def __init__(self, decoder: BarcodeDecoder | None = None, *, slow: bool = True,
                 restart_ratio: float = 1.5) -> None:
        self.decoder = decoder or BarcodeDecoder()
        self.slow = slow
        self.restart_ratio = restart_ratio
        self._run: CascadeRun | None = None
        self._stages: list[Stage] = []
        self._sharpness = 0.0
        self.slow_seq = 0  # the frame the cascade in progress works on
        self.last_stage = ""  # the stage that produced the last result of step()
        self.full_runs = 0  # cascades started
        self.full_reads = 0  # cascades that read something

    def decode(self, image: np.ndarray, seq: int = 0) -> list[DecodedCode]:
        """Codes the fast path accepts in ``image`` (BGR or gray); a miss may start a cascade."""
        run = self.decoder.start(to_gray(image))
        if run.result:
            self._run = None  # the code is read: the cascade of an older frame is not needed
            return run.result
        if self.slow:
            sharpness = _sharpness(run.gray)
            if self._run is None or sharpness > self._sharpness * self.restart_ratio:
                self._run, self._stages, self.slow_seq = run, list(self.decoder.stages), seq
                self._sharpness = sharpness
                self.full_runs += 1
        return []

    @property
    def pending(self) -> bool:
        """True while a cascade has stages left."""
        return self._run is not None

    def step(self) -> list[DecodedCode]:
        """Run the next stage of the cascade in progress; the codes it accepted (then it ends)."""
        run = self._run
        if run is None:
            return []
        if self._stages:
            stage = self._stages.pop(0)
            run.step(stage)
            self.last_stage = stage.name
        if run.result or not self._stages:
            self._run = None
            if run.result:
                self.full_reads += 1
            return list(run.result)
        return []


def _sharpness(gray: np.ndarray) -> float:
    """Variance of the Laplacian of a quarter-size copy: higher is sharper (about 1 ms for 720p)."""
    small = cv2.resize(gray, (max(1, gray.shape[1] // 4), max(1, gray.shape[0] // 4)),
                       interpolation=cv2.INTER_AREA)
    return float(cv2.Laplacian(small, cv2.CV_32F).var())


@dataclass(frozen=True)
class CodeOverlay:
    """What the decode worker found in one frame, for drawing: codes with corner points in the
    coordinates of the frame ``seq`` of size ``frame_size`` (width, height)."""

    seq: int
    codes: tuple[DecodedCode, ...]
    frame_size: tuple[int, int]
    at: float
    aim: AimArea | None = None  #: the aim area the worker used (None: the whole frame)
    scanned: tuple[DecodedCode, ...] = ()  #: the codes that gave a scan event with this result
    ambiguous: bool = False  #: several codes in the aim area: none was taken


def scan_event_from_code(code: DecodedCode, at: float) -> ScanEvent:
    """The :class:`ScanEvent` for one code read by the camera."""
    aim = code.symbology_id
    symbology = AIM_SPECIFIC[aim] if aim in GS1_AIM_IDS and aim in AIM_SPECIFIC else code.format
    return ScanEvent(text=code.text, source="camera", symbology=symbology, aim_id=aim, at=at, raw=code.text)


class CameraDecodeWorker:
    """Decodes the newest frame of a :class:`CameraSource` on its own thread.

    It always takes the newest frame and skips the ones captured while it was busy, so it never
    falls behind; between frames it spends one stage of the full cascade on the last frame the fast
    path missed (:class:`CameraFrameDecoder`). After each result it publishes a :class:`CodeOverlay`
    (:meth:`latest_overlay`, ``on_codes``) and emits one :class:`ScanEvent` (``on_scan``, source
    ``"camera"``) for the code in the aim area that ``consensus`` accepts (results of the full
    cascade: see :meth:`_accept`). A code is reported once while it stays in view: it gives a new
    event only after it has not been read for ``repeat_suppress_s`` seconds. Two different codes in
    the aim area at once are ambiguous: none is taken, ``on_error`` gets one :class:`ScanError`
    (``code="ambiguous"``) per such pair while it stays in view. Callbacks run on the worker thread.

    Args:
        source: Where frames come from (anything with ``wait_for_frame``).
        decoder: Default :class:`CameraFrameDecoder`.
        consensus: Default :class:`FrameConsensus` (2 of 3 frames for 1D codes, 2D at once).
        on_codes: Called with every :class:`CodeOverlay`.
        on_scan: Called with every :class:`ScanEvent`.
        on_error: Called with every :class:`ScanError` (ambiguous reads).
        repeat_suppress_s: See above.
        aim: The aim area (see :data:`AIM_AREA`); None takes codes anywhere in the frame.
        clock: Monotonic seconds (tests inject a fake).
    """

    def __init__(self, source: CameraSource, decoder: FrameDecoder | None = None,
                 consensus: CodeConsensus | None = None,
                 on_codes: Callable[[CodeOverlay], None] | None = None,
                 on_scan: Callable[[ScanEvent], None] | None = None,
                 repeat_suppress_s: float = 2.0, *, on_error: Callable[[ScanError], None] | None = None,
                 aim: AimArea | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.source = source
        self.decoder: FrameDecoder = decoder or CameraFrameDecoder()
        self.consensus: CodeConsensus = consensus or FrameConsensus()
        self.on_codes = on_codes
        self.on_scan = on_scan
        self.on_error = on_error
        self.repeat_suppress_s = repeat_suppress_s
        self.aim = aim
        self._clock = clock
        self._last_read: dict[str, float] = {}  # reported texts -> last time read
        self._ambiguous: dict[frozenset[str], float] = {}  # reported ambiguous sets -> last time seen
        self._unconfirmed: dict[str, tuple[float, frozenset[str]]] = {}  # text -> (last read, origins)
        self._overlay: CodeOverlay | None = None
        self._slow_size = (0, 0)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._meter = RateMeter()
        self.frames_decoded = 0
        self.frames_skipped = 0
        self.events_emitted = 0
        self.events_suppressed = 0
        self.ambiguous_reads = 0
        self.cascade_steps = 0
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
            self._ambiguous.clear()
            self._unconfirmed.clear()
            self.consensus.reset()

    def process(self, frame: Frame) -> list[ScanEvent]:
        """Decode one frame (fast path), publish its overlay and emit its events; returns the events.

        The thread calls this for each frame it takes; tests may call it directly.
        """
        started = time.perf_counter()
        decoder = self.decoder
        if isinstance(decoder, CameraFrameDecoder):
            codes = decoder.decode(frame.image, frame.seq)
            if decoder.pending and decoder.slow_seq == frame.seq:
                self._slow_size = frame.size
        else:
            codes = decoder.decode(frame.image)
        self._spent(started)
        self._meter.tick(time.monotonic())
        with self._lock:
            self.frames_decoded += 1
        return self._publish(frame.seq, frame.size, codes)

    def process_step(self) -> list[ScanEvent]:
        """Run one stage of the full cascade in progress (if any); publish and emit what it read."""
        decoder = self.decoder
        if not isinstance(decoder, CameraFrameDecoder) or not decoder.pending:
            return []
        started = time.perf_counter()
        seq = decoder.slow_seq
        codes = decoder.step()
        stage = decoder.last_stage
        self._spent(started)
        self.cascade_steps += 1
        if not codes:
            return []
        return self._publish(seq, self._slow_size, codes, origin=f"cascade:{stage}")

    def _accept(self, aimed: list[DecodedCode], origin: str, now: float) -> list[DecodedCode]:
        """The codes of one result that may give an event (call with the lock held).

        Fast-path reads (``origin`` ``"fast"``) go through the frame consensus. A read of the full
        cascade (``origin`` names its stage) stands on its own for 2D symbols (error correction) and
        EAN/UPC (the cascade's acceptance rules). Other 1D reads of a heavily processed frame
        (deblurred, binarised) can be wrong with a valid check character, and the same stage makes
        the same mistake on the next, similar frame: they need the same text from the fast path or
        from another stage within ``repeat_suppress_s``.
        """
        if origin != "fast":
            accepted = [c for c in aimed if c.format in MATRIX or c.format in RETAIL]
        else:
            accepted = self.consensus.feed(aimed)
        for code in aimed:
            if code in accepted:
                continue
            seen, origins = self._unconfirmed.get(code.text, (now, frozenset()))
            if now - seen > self.repeat_suppress_s:
                origins = frozenset()
            origins = origins | {origin}
            if len(origins) >= 2:  # two origins: never the fast path twice (that is the consensus)
                accepted.append(code)
                self._unconfirmed.pop(code.text, None)
            else:
                self._unconfirmed[code.text] = (now, origins)
        return accepted

    def _spent(self, started: float) -> None:
        self.last_decode_ms = (time.perf_counter() - started) * 1000.0
        self.busy_s += self.last_decode_ms / 1000.0

    def _publish(self, seq: int, size: tuple[int, int], codes: list[DecodedCode],
                 origin: str = "fast") -> list[ScanEvent]:
        now = self._clock()
        aimed = [c for c in codes if in_aim(c, size, self.aim)]
        texts = frozenset(c.text for c in aimed)
        events: list[ScanEvent] = []
        errors: list[ScanError] = []
        scanned: list[DecodedCode] = []
        with self._lock:
            for table in (self._last_read, self._ambiguous):
                for key, seen in list(table.items()):
                    if now - seen >= self.repeat_suppress_s:
                        del table[key]
            for text, (seen, _origins) in list(self._unconfirmed.items()):
                if now - seen > self.repeat_suppress_s:
                    del self._unconfirmed[text]
            ambiguous = len(texts) > 1
            if ambiguous:
                self.ambiguous_reads += 1
                if origin == "fast":
                    self.consensus.feed([])  # the frame counts, none of its codes does
                if texts not in self._ambiguous:
                    errors.append(ScanError(
                        "Several codes in the aim area; show one code at a time", "camera", now,
                        " | ".join(sorted(texts))[:200], code="ambiguous",
                    ))
                self._ambiguous[texts] = now
                accepted: list[DecodedCode] = []
            else:
                accepted = self._accept(aimed, origin, now)
            for code in accepted:
                if code.text in self._last_read:
                    self.events_suppressed += 1
                    continue
                events.append(scan_event_from_code(code, now))
                scanned.append(code)
                self._last_read[code.text] = now
            for code in aimed:
                if code.text in self._last_read:
                    self._last_read[code.text] = now  # still in view
            self.events_emitted += len(events)
            overlay = CodeOverlay(seq, tuple(codes), size, time.monotonic(), self.aim, tuple(scanned),
                                  ambiguous)
            if origin == "fast" or codes:
                self._overlay = overlay
        self._call(self.on_codes, overlay)
        for error in errors:
            self._call(self.on_error, error)
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
            pending = isinstance(self.decoder, CameraFrameDecoder) and self.decoder.pending
            frame = self.source.wait_for_frame(last_seq, timeout=0.0 if pending else 0.1)
            if frame is None and not pending and not self.source.running:
                self._stop.wait(0.1)  # the source was stopped (it returns at once then): do not spin
            if self._stop.is_set():
                break
            try:
                if frame is not None:
                    if last_seq:
                        self.frames_skipped += max(0, frame.seq - last_seq - 1)
                    last_seq = frame.seq
                    self.process(frame)
                if pending:
                    self.process_step()  # idle time: one stage of the cascade of a missed frame
            except Exception:
                log.exception("camera decoding failed on frame %d", last_seq)


# -- devices -------------------------------------------------------------------------------------
