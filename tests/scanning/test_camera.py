"""The camera pipeline (Qt-free): sources, reconnection, latest-frame slot, decode worker, events.

Test videos are written at test time from real barcode photos of the shared corpus (MJPG in AVI),
so the tests run the same code path as a real camera.
"""

from __future__ import annotations

import os

from tests.assets import need_dir

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import pytest

from inspector.scanning.camera import (
    CameraDecodeWorker,
    CameraSource,
    CameraSpec,
    CameraState,
    CameraStatus,
    CameraUnavailableError,
    Frame,
    SourceKind,
    list_camera_devices,
    mask_url,
    open_capture,
)
from inspector.scanning.decode import DecodedCode, FrameConsensus, load_image

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "barcodes"
# Photos the camera fast path reads reliably, with distinct texts.
VIDEO_IMAGES = (
    "ean13/zx_ean13-1_14.png",
    "qrcode/zx_qrcode-2_14.png",
    "code128/zx_code128-1_2.png",
    "qrcode/zx_qrcode-2_22.png",
)

@pytest.fixture
def corpus() -> Path:
    """The barcode photo corpus (../shared): skipped locally without it, a failure in CI."""
    return need_dir(CORPUS, "barcode photo corpus")


needs_corpus = pytest.mark.usefixtures("corpus")


def expected_text(relative: str) -> str:
    """The text a corpus image encodes."""
    return (CORPUS / relative).with_suffix(".txt").read_bytes().decode("utf-8")


def fit(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Scale a photo into ``size`` (width, height) keeping its aspect ratio, padded with white."""
    if image.ndim == 2:
        image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    image = image[:, :, :3]
    width, height = size
    scale = min(width / image.shape[1], height / image.shape[0])
    resized = cv2.resize(image, (int(image.shape[1] * scale), int(image.shape[0] * scale)))
    canvas = np.full((height, width, 3), 255, np.uint8)
    y, x = (height - resized.shape[0]) // 2, (width - resized.shape[1]) // 2
    canvas[y:y + resized.shape[0], x:x + resized.shape[1]] = resized
    return canvas


def make_video(path: Path, images: tuple[str, ...] = VIDEO_IMAGES, size: tuple[int, int] = (640, 480),
               fps: float = 15.0, hold: int = 12, gap: int = 0) -> Path:
    """An MJPG AVI showing each corpus image for ``hold`` frames, with ``gap`` grey frames between."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, size)
    assert writer.isOpened()
    blank = np.full((size[1], size[0], 3), 128, np.uint8)
    for relative in images:
        frame = fit(load_image(CORPUS / relative), size)
        for _ in range(hold):
            writer.write(frame)
        for _ in range(gap):
            writer.write(blank)
    writer.release()
    return path


class StatusLog:
    """Collects status callbacks from the capture thread."""

    def __init__(self) -> None:
        self.items: list[CameraStatus] = []
        self._lock = threading.Lock()

    def __call__(self, status: CameraStatus) -> None:
        with self._lock:
            self.items.append(status)

    @property
    def states(self) -> list[CameraState]:
        with self._lock:
            return [s.state for s in self.items]


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    """Poll ``predicate`` until true; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.01)


@pytest.fixture
def video(tmp_path: Path) -> Path:
    need_dir(CORPUS, "barcode photo corpus")
    return make_video(tmp_path / "codes.avi")


# -- specs -----------------------------------------------------------------------------------------


def test_spec_parses_devices_files_and_streams(tmp_path: Path) -> None:
    assert CameraSpec.parse("0") == CameraSpec(SourceKind.DEVICE, "0", 0)
    assert CameraSpec.parse(" 2 ").index == 2
    assert CameraSpec.parse("/dev/video3").index == 3
    assert CameraSpec.parse(str(tmp_path / "a.mp4")).kind is SourceKind.FILE
    assert CameraSpec.parse("file:///tmp/x.avi").target == "/tmp/x.avi"
    assert CameraSpec.parse("rtsp://cam.local:554/stream1").kind is SourceKind.STREAM
    assert CameraSpec.parse("HTTP://10.0.0.5/video.mjpg").kind is SourceKind.STREAM
    with pytest.raises(ValueError):
        CameraSpec.parse("  ")


def test_passwords_are_masked_everywhere() -> None:
    spec = CameraSpec.parse("rtsp://admin:s3cr:et@10.0.0.9:554/h264")
    assert mask_url("rtsp://admin:s3cr:et@10.0.0.9:554/h264") == "rtsp://admin:***@10.0.0.9:554/h264"
    assert "s3cr" not in str(spec) and "s3cr" not in repr(spec) and "s3cr" not in spec.display
    assert mask_url("http://cam/x.mjpg") == "http://cam/x.mjpg"
    assert mask_url("rtsp://user@cam/x") == "rtsp://user@cam/x"


def test_unreachable_stream_reports_no_camera_without_leaking_the_password(
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    statuses = StatusLog()
    source = CameraSource("rtsp://admin:hunter2@127.0.0.1:9/stream", on_status=statuses,
                          retry_delays=(0.05,), open_timeout_s=1.0)
    source.start()
    try:
        wait_until(lambda: CameraState.NO_CAMERA in statuses.states, timeout=15)
    finally:
        assert source.stop(timeout=5)
    assert all("hunter2" not in s.message for s in statuses.items)
    assert "hunter2" not in caplog.text


# -- capture ---------------------------------------------------------------------------------------


def test_missing_file_reports_no_camera_and_keeps_retrying_without_blocking(tmp_path: Path) -> None:
    statuses = StatusLog()
    source = CameraSource(str(tmp_path / "nope.avi"), on_status=statuses,
                          retry_delays=(0.02, 0.05))
    started = time.monotonic()
    source.start()
    # Blocking here would mean for ever (the file never appears): any bound proves it, so a generous
    # one that a busy machine cannot break.
    assert time.monotonic() - started < 5
    wait_until(lambda: source.open_attempts >= 3, timeout=5)
    assert source.stop(timeout=2)
    no_camera = [s for s in statuses.items if s.state is CameraState.NO_CAMERA]
    assert [s.attempt for s in no_camera[:3]] == [1, 2, 3]
    assert no_camera[0].retry_in_s == pytest.approx(0.02) and no_camera[1].retry_in_s == pytest.approx(0.05)
    assert statuses.states[0] is CameraState.OPENING and statuses.states[-1] is CameraState.STOPPED
    assert source.latest_frame() is None
    with pytest.raises(CameraUnavailableError):
        source.capture_still(timeout=0.05)


def test_bad_device_index_reports_no_camera() -> None:
    statuses = StatusLog()
    source = CameraSource("63", on_status=statuses, retry_delays=(0.02,))
    source.start()
    wait_until(lambda: source.open_attempts >= 2, timeout=10)
    assert source.stop(timeout=2)
    assert CameraState.NO_CAMERA in statuses.states
    assert CameraState.LIVE not in statuses.states


class FlakyCamera:
    """A fake device capture: ``frames`` good frames, then reads fail (unplugged)."""

    def __init__(self, frames: int, log: list[str]) -> None:
        self.left = frames
        self.log = log

    def read(self) -> tuple[bool, np.ndarray | None]:
        time.sleep(0.005)
        if self.left <= 0:
            return False, None
        self.left -= 1
        return True, np.full((48, 64, 3), 200, np.uint8)

    def get(self, prop: int) -> float:
        return 0.0

    def release(self) -> None:
        self.log.append(threading.current_thread().name)


def test_unplugged_camera_reconnects_with_backoff() -> None:
    statuses = StatusLog()
    released: list[str] = []
    opens = iter([FlakyCamera(5, released), None, None, FlakyCamera(10_000, released)])
    source = CameraSource("0", on_status=statuses, retry_delays=(0.02, 0.04, 0.08),
                          capture_factory=lambda spec, w, h: next(opens))
    source.start()
    wait_until(lambda: statuses.states.count(CameraState.LIVE) >= 2, timeout=5)
    assert source.stop(timeout=2)
    assert statuses.states[:4] == [CameraState.OPENING, CameraState.LIVE, CameraState.DISCONNECTED,
                                   CameraState.RECONNECTING]
    reconnecting = [s for s in statuses.items if s.state is CameraState.RECONNECTING]
    assert [s.attempt for s in reconnecting] == [1, 2, 3]
    assert [s.retry_in_s for s in reconnecting] == pytest.approx([0.02, 0.04, 0.08])
    assert CameraState.NO_CAMERA not in statuses.states  # it was live before: "disconnected" wording
    assert released == ["camera-capture", "camera-capture"]  # released by the capture thread itself


def test_video_plays_at_its_native_rate_into_a_read_only_latest_frame_slot(tmp_path: Path) -> None:
    need_dir(CORPUS, "barcode photo corpus")
    path = make_video(tmp_path / "30fps.avi", fps=30.0, hold=8)
    source = CameraSource(str(path))
    source.start()
    try:
        wait_until(lambda: source.frames_captured >= 40, timeout=20)
        # Paced like a live camera, not read as fast as possible (an AVI decodes at hundreds of frames
        # a second): only the upper bound proves pacing, and load can only lower the rate.
        assert 0 < source.fps <= 45
        frame = source.latest_frame()
        assert isinstance(frame, Frame) and frame.size == (640, 480)
        assert not frame.image.flags.writeable
        newer = source.wait_for_frame(frame.seq, timeout=1.0)
        assert newer is not None and newer.seq > frame.seq and newer.image is not frame.image
        still = source.capture_still()
        assert still.flags.writeable and still.shape == (480, 640, 3)
        still[:] = 0  # a copy: the shared frame is untouched
        assert source.latest_frame().image.any()  # type: ignore[union-attr]
    finally:
        assert source.stop(timeout=2)


def test_video_loops_by_default_and_can_end(tmp_path: Path) -> None:
    need_dir(CORPUS, "barcode photo corpus")
    path = make_video(tmp_path / "short.avi", images=VIDEO_IMAGES[:1], fps=60.0, hold=6)
    looping = CameraSource(str(path))
    looping.start()
    wait_until(lambda: looping.loops >= 2, timeout=5)
    assert looping.stop(timeout=2)
    assert looping.frames_captured >= 12

    statuses = StatusLog()
    once = CameraSource(str(path), on_status=statuses, loop=False)
    once.start()
    wait_until(lambda: CameraState.END_OF_FILE in statuses.states, timeout=5)
    assert once.frames_captured == 6
    assert once.running  # idles until stopped
    assert once.stop(timeout=2)


def test_stop_joins_the_capture_thread_quickly_and_releases_the_capture(video: Path) -> None:
    released: list[str] = []

    class CountingCapture:
        def __init__(self, inner: cv2.VideoCapture) -> None:
            self.inner = inner

        def read(self) -> tuple[bool, np.ndarray | None]:
            return self.inner.read()

        def get(self, prop: int) -> float:
            return self.inner.get(prop)

        def release(self) -> None:
            released.append(threading.current_thread().name)
            self.inner.release()

    source = CameraSource(str(video),
                          capture_factory=lambda s, w, h: CountingCapture(open_capture(s, w, h)))
    source.start()
    wait_until(lambda: source.frames_captured >= 3)
    assert source.stop(timeout=5)  # joined within the timeout (False would mean a hung thread)
    assert not source.running
    assert released == ["camera-capture"]
    assert source.status.state is CameraState.STOPPED


def test_no_devices_are_listed_quickly() -> None:
    started = time.monotonic()
    devices = list_camera_devices(max_index=4)
    assert time.monotonic() - started < 30  # no probe hangs (a hang would be minutes); not a benchmark
    assert all(d.spec_text == str(d.index) for d in devices)


# -- decoding --------------------------------------------------------------------------------------


@needs_corpus
def test_video_gives_one_event_per_code_with_the_right_texts(video: Path) -> None:
    events = []
    statuses = StatusLog()
    source = CameraSource(str(video), on_status=statuses, loop=False)
    worker = CameraDecodeWorker(source, on_scan=events.append, repeat_suppress_s=5.0)
    worker.start()
    source.start()
    try:
        wait_until(lambda: CameraState.END_OF_FILE in statuses.states, timeout=20)
        wait_until(lambda: worker.latest_overlay() is not None
                   and worker.latest_overlay().seq == source.frames_captured, timeout=10)  # type: ignore[union-attr]
    finally:
        assert worker.stop(timeout=2) and source.stop(timeout=2)
    assert [e.text for e in events] == [expected_text(name) for name in VIDEO_IMAGES]
    assert all(e.source == "camera" for e in events)
    assert [e.symbology for e in events] == ["EAN13", "QRCode", "Code128", "QRCode"]
    assert worker.frames_decoded > len(VIDEO_IMAGES) * 3  # each code was read over many frames


@needs_corpus
def test_a_looping_video_reports_codes_again_only_after_the_suppression_time(video: Path) -> None:
    events = []
    source = CameraSource(str(video), pace=False)  # as fast as possible: several loops quickly
    worker = CameraDecodeWorker(source, on_scan=events.append, repeat_suppress_s=60.0)
    worker.start()
    source.start()
    try:
        wait_until(lambda: source.loops >= 2 and worker.frames_decoded >= 30, timeout=20)
    finally:
        assert worker.stop(timeout=2) and source.stop(timeout=2)
    texts = [e.text for e in events]
    assert texts and len(texts) == len(set(texts))  # seen again on each loop, reported once


class ScriptedDecoder:
    """Returns prepared codes frame by frame."""

    def __init__(self, script: list[list[DecodedCode]]) -> None:
        self.script = iter(script)

    def decode(self, image: np.ndarray) -> list[DecodedCode]:
        return next(self.script)


def test_repeat_suppression_counts_from_the_last_time_the_code_was_read() -> None:
    qr = DecodedCode("QRCode", "RMA12345678", ((0, 0), (10, 0), (10, 10), (0, 10)), "zxing", "]Q1")
    now = [0.0]
    # time:    0    0.5   1.0  1.1  1.2  1.5   (away)  5.0
    script = [[qr], [qr], [], [], [], [qr], [], [], [], [qr]]
    times = [0.0, 0.5, 1.0, 1.1, 1.2, 1.5, 1.6, 1.7, 1.8, 5.0]
    worker = CameraDecodeWorker(CameraSource("0"), ScriptedDecoder(script), FrameConsensus(),
                                repeat_suppress_s=2.0, clock=lambda: now[0])
    emitted = []
    image = np.zeros((10, 10, 3), np.uint8)
    for seq, at in enumerate(times, start=1):
        now[0] = at
        emitted.append([e.text for e in worker.process(Frame(image, seq, at))])
    assert emitted == [["RMA12345678"], [], [], [], [], [], [], [], [], ["RMA12345678"]]
    assert worker.events_suppressed == 1  # re-accepted at 1.5 s, within 2 s of the read at 0.5 s
    assert worker.latest_overlay().seq == len(times)  # type: ignore[union-attr]


def test_one_dimensional_codes_need_two_frames_before_an_event() -> None:
    ean = DecodedCode("EAN13", "4006381333931", ((0, 5), (90, 5), (90, 6), (0, 6)), "zxing", "]E0")
    worker = CameraDecodeWorker(CameraSource("0"), ScriptedDecoder([[ean], [ean], [ean]]), FrameConsensus())
    image = np.zeros((10, 10, 3), np.uint8)
    got = [worker.process(Frame(image, seq, 0.0)) for seq in (1, 2, 3)]
    assert [len(g) for g in got] == [0, 1, 0]
    event = got[1][0]
    assert (event.text, event.symbology, event.aim_id) == ("4006381333931", "EAN13", "]E0")
    assert event.source == "camera"


@needs_corpus
def test_slow_decoding_skips_frames_instead_of_building_a_backlog(tmp_path: Path) -> None:
    path = make_video(tmp_path / "fast.avi", fps=30.0, hold=10)

    class SlowDecoder:
        def decode(self, image: np.ndarray) -> list[DecodedCode]:
            time.sleep(0.15)
            return []

    source = CameraSource(str(path))
    worker = CameraDecodeWorker(source, SlowDecoder())
    worker.start()
    source.start()
    try:
        wait_until(lambda: worker.frames_decoded >= 6, timeout=10)
        latest = source.latest_frame()
        overlay = worker.latest_overlay()
    finally:
        assert worker.stop(timeout=2) and source.stop(timeout=2)
    assert worker.frames_decoded < source.frames_captured / 2
    assert worker.frames_skipped > 0
    assert latest is not None and overlay is not None
    assert latest.seq - overlay.seq <= 10  # it works on recent frames, not on a queue of old ones


def test_a_failing_decoder_does_not_kill_the_worker(video: Path, caplog: pytest.LogCaptureFixture) -> None:
    calls = []

    class BrokenDecoder:
        def decode(self, image: np.ndarray) -> list[DecodedCode]:
            calls.append(1)
            raise RuntimeError("boom")

    source = CameraSource(str(video))
    worker = CameraDecodeWorker(source, BrokenDecoder())
    worker.start()
    source.start()
    try:
        wait_until(lambda: len(calls) >= 3)
        assert worker.running
    finally:
        assert worker.stop(timeout=2) and source.stop(timeout=2)
    assert "camera decoding failed" in caplog.text


def test_the_worker_idles_while_its_source_is_stopped() -> None:
    source = CameraSource("0")
    calls = []
    wait = source.wait_for_frame

    def counting_wait(after_seq: int = 0, timeout: float | None = None) -> Frame | None:
        calls.append(after_seq)
        return wait(after_seq, timeout)

    source.wait_for_frame = counting_wait  # type: ignore[method-assign]
    source.stop()
    worker = CameraDecodeWorker(source, ScriptedDecoder([]))
    worker.start()
    time.sleep(0.5)
    assert worker.stop(timeout=2)
    assert len(calls) < 20  # about every 0.1 s, not a busy loop


# -- aim area, ambiguity, the full cascade in idle time --------------------------------------------

def _code(fmt: str, text: str, x: int, y: int, aim: str = "]Q1") -> DecodedCode:
    """A code of 40x40 pixels centred on (x, y)."""
    return DecodedCode(fmt, text, ((x - 20, y - 20), (x + 20, y - 20), (x + 20, y + 20), (x - 20, y + 20)),
                       "zxing", aim)


def test_one_code_held_in_view_is_one_scan_and_a_second_code_makes_it_ambiguous() -> None:
    from inspector.scanning.camera import AIM_AREA

    a = _code("QRCode", "RMA00000364", 300, 240)
    b = _code("QRCode", "https://returns.example-shop.nl/r/RMA00000365", 340, 250)
    now = [0.0]
    script = [[a], [a], [a], [a, b], [a, b], [a, b], [b], [b], [a], [], [], [], [a]]
    times = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 2.9, 3.0]
    errors: list = []
    worker = CameraDecodeWorker(CameraSource("0"), ScriptedDecoder(script), FrameConsensus(),
                                repeat_suppress_s=2.0, on_error=errors.append, aim=AIM_AREA,
                                clock=lambda: now[0])
    image = np.zeros((480, 640, 3), np.uint8)
    emitted = []
    for seq, at in enumerate(times, start=1):
        now[0] = at
        emitted.append([e.text for e in worker.process(Frame(image, seq, at))])
    assert emitted == [[a.text], [], [], [], [], [], [b.text], [], [], [], [], [], [a.text]]
    assert [e.code for e in errors] == ["ambiguous"]  # once while the pair stays in view
    assert worker.latest_overlay().scanned == (a,)  # type: ignore[union-attr]


def test_codes_outside_the_aim_area_are_shown_but_never_scanned() -> None:
    from inspector.scanning.camera import AIM_AREA

    corner = _code("QRCode", "SOMETHING-ON-THE-TABLE", 30, 30)
    worker = CameraDecodeWorker(CameraSource("0"), ScriptedDecoder([[corner]] * 3), FrameConsensus(),
                                aim=AIM_AREA)
    image = np.zeros((480, 640, 3), np.uint8)
    got = [worker.process(Frame(image, seq, 0.0)) for seq in (1, 2, 3)]
    assert got == [[], [], []]
    assert worker.latest_overlay().codes == (corner,)  # type: ignore[union-attr]


@needs_corpus
def test_a_hand_held_code_only_the_full_cascade_reads_is_read_while_in_view(tmp_path: Path) -> None:
    """Frames of a real hand-held video, one cascade stage between two frames (as the thread does)."""
    from inspector.scanning.camera import AIM_AREA, CameraFrameDecoder
    from inspector.scanning.camera_samples import make_handheld_video
    from inspector.scanning.decode import BarcodeDecoder

    hard, easy = "ean13/zx_ean13-1_35.png", "qrcode/zx_qrcode-2_14.png"
    assert not BarcodeDecoder().decode_fast(load_image(CORPUS / hard))  # only the cascade reads it
    photos = [(name, load_image(CORPUS / name), expected_text(name)) for name in (easy, hard)]
    path = tmp_path / "parcels.avi"
    shown = make_handheld_video(path, photos, size=(800, 450), fps=15.0, hold_s=1.0, move_s=0.2, gap_s=0.1)
    decoder = CameraFrameDecoder()
    worker = CameraDecodeWorker(CameraSource(str(path)), decoder, aim=AIM_AREA)
    capture = cv2.VideoCapture(str(path))
    events: dict[str, tuple[int, str]] = {}
    seq = 0
    while True:
        ok, image = capture.read()
        if not ok:
            break
        seq += 1
        for event in worker.process(Frame(image, seq, 0.0)):
            events.setdefault(event.text, (seq - 1, "fast path"))
        for event in worker.process_step():
            events.setdefault(event.text, (seq - 1, "cascade"))
    capture.release()
    assert sorted(events) == sorted(s.text for s in shown)
    for code in shown:
        assert code.enters <= events[code.text][0] < code.leaves, f"{code.image} read outside its hold"
    assert events[expected_text(hard)][1] == "cascade"
    assert worker.events_emitted == 2


def test_a_one_dimensional_read_of_the_cascade_needs_another_stage_or_the_fast_path_to_agree() -> None:
    from inspector.scanning.camera import CameraFrameDecoder

    class ScriptedCascade(CameraFrameDecoder):
        """Fast path and cascade results from scripts, one cascade stage per frame."""

        def __init__(self, fast: list[list[DecodedCode]], slow: list[tuple[str, list[DecodedCode]]]) -> None:
            super().__init__(slow=False)
            self.fast_script, self.slow_script = iter(fast), iter(slow)

        def decode(self, image: np.ndarray, seq: int = 0) -> list[DecodedCode]:
            self.slow_seq = seq
            return next(self.fast_script)

        @property
        def pending(self) -> bool:
            return True

        def step(self) -> list[DecodedCode]:
            self.last_stage, codes = next(self.slow_script)
            return codes

    wrong = _code("Code128", "B G.  !", 320, 240, "]C0")  # a deblurred misread with a valid check
    badge = _code("Code128", "BDG000001", 320, 240, "]C0")
    label = _code("Code39", "PARCEL42", 320, 240, "]A0")
    qr = _code("QRCode", "RMA00000364", 320, 240)
    ean = _code("EAN13", "8712345678906", 320, 240, "]E0")
    fast: list[list[DecodedCode]] = [[], [], [], [], [], [], [], [label]]
    slow = [("deblur", [wrong]), ("deblur", [wrong]), ("region", [badge]), ("deblur", [badge]),
            ("region", [qr]), ("region", [ean]), ("region", [label]), ("region", [])]
    now = [0.0]
    worker = CameraDecodeWorker(CameraSource("0"), ScriptedCascade(fast, slow), FrameConsensus(),
                                clock=lambda: now[0])
    image = np.zeros((480, 640, 3), np.uint8)
    got = []
    for seq in range(1, 9):
        now[0] = seq * 0.1
        got.append([e.text for e in worker.process(Frame(image, seq, now[0])) + worker.process_step()])
    # the same stage twice is no confirmation; two stages are; 2D and EAN at once; cascade + fast path
    assert got == [[], [], [], ["BDG000001"], ["RMA00000364"], ["8712345678906"], [], ["PARCEL42"]]
