"""Benchmark the camera pipeline: capture -> latest frame -> decode worker -> preview, offscreen.

Usage: ``python benchmarks/camera.py [CORPUS_DIR] [--seconds 10] [--size 1280x720] [--fps 30]
[--decoder camera|fast|full]``

Writes a video of real barcode photos (each held one second, fitted into the frame on white) to a
temporary directory and plays it through ``CameraController`` (``CameraSource`` +
``CameraDecodeWorker``) and a ``CameraView`` in an offscreen QApplication, exactly as the app does.
Prints JSON: source_fps (frames captured per second), preview_fps (distinct frames painted per
second), decode_fps (frames decoded per second), events (scan events, and how many of the video's
codes they cover), gui_longest_stall_ms (longest gap of a 1 ms heartbeat timer on the GUI thread
beyond its interval) and the heartbeat gap p99, plus the machine's load average: the numbers only
mean something on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import cv2
import numpy as np
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QApplication

from inspector.scanning.camera import CameraFrameDecoder
from inspector.scanning.decode import BarcodeDecoder, load_image
from inspector.ui.camera_view import CameraController, CameraView

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "barcodes"
# A mix of formats and difficulty, from the shared corpus (format folder, file name).
IMAGES = (
    "ean13/zx_ean13-1_14.png", "qrcode/zx_qrcode-2_14.png", "code128/zx_code128-1_2.png",
    "ean13/zx_ean13-1_15.png", "qrcode/zx_qrcode-2_22.png", "ean13/zx_ean13-2_05.png",
    "code128/zx_code128-2_13.png", "ean13/zx_ean13-1_35.png", "qrcode/zx_qrcode-1_19.png",
    "ean13/zx_ean13-2_01.png",
)


def fit(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Scale a photo into ``size`` keeping its aspect ratio, padded with white."""
    image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR) if image.ndim == 2 else image[:, :, :3]
    scale = min(size[0] / image.shape[1], size[1] / image.shape[0])
    image = cv2.resize(image, (int(image.shape[1] * scale), int(image.shape[0] * scale)),
                       interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
    canvas = np.full((size[1], size[0], 3), 255, np.uint8)
    y, x = (size[1] - image.shape[0]) // 2, (size[0] - image.shape[1]) // 2
    canvas[y:y + image.shape[0], x:x + image.shape[1]] = image
    return canvas


def make_video(path: Path, corpus: Path, size: tuple[int, int], fps: float) -> list[str]:
    """Write the benchmark video; return the texts of its codes."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, size)
    if not writer.isOpened():
        raise SystemExit("cannot write an MJPG video with this OpenCV build")
    rng = np.random.default_rng(7)
    texts = []
    for relative in IMAGES:
        frame = fit(load_image(corpus / relative), size)
        texts.append((corpus / relative).with_suffix(".txt").read_bytes().decode("utf-8"))
        for _ in range(int(fps)):
            noise = rng.normal(0, 3, frame.shape)  # sensor noise: consecutive frames differ a little
            writer.write(np.clip(frame + noise, 0, 255).astype(np.uint8))
    writer.release()
    return texts


def run(corpus: Path, seconds: float, size: tuple[int, int], fps: float,
        decoder_name: str) -> dict[str, object]:
    """Play the video for ``seconds`` and measure."""
    app = QApplication.instance() or QApplication([])
    decoder = {"camera": CameraFrameDecoder(), "fast": BarcodeDecoder(escalate=False),
               "full": BarcodeDecoder()}[decoder_name]
    with tempfile.TemporaryDirectory() as tmp:
        video = Path(tmp) / "codes.avi"
        texts = make_video(video, corpus, size, fps)
        controller = CameraController(str(video), size[0], size[1], decoder=decoder, repeat_suppress_s=2.0)
        events: list[str] = []
        controller.scanned.connect(lambda event: events.append(event.text))
        view = CameraView(controller)
        view.resize(960, 540)
        view.show()

        clock = QElapsedTimer()
        gaps: list[float] = []
        last = [0]

        def beat() -> None:
            now = clock.nsecsElapsed()
            gaps.append((now - last[0]) / 1e6)
            last[0] = now

        heartbeat = QTimer()
        heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        heartbeat.setInterval(1)
        heartbeat.timeout.connect(beat)

        controller.start()
        while controller.latest_frame() is None:  # wait for the first frame (opening the file)
            app.processEvents()
            time.sleep(0.005)
        start_captured = controller.source.frames_captured
        start_decoded = controller.worker.frames_decoded
        start_painted = view.frames_painted
        clock.start()
        heartbeat.start()
        started = time.monotonic()
        cpu_started = time.process_time()
        QTimer.singleShot(int(seconds * 1000), app.quit)
        app.exec()
        elapsed = time.monotonic() - started
        cpu = time.process_time() - cpu_started
        heartbeat.stop()
        worker, source = controller.worker, controller.source
        captured = source.frames_captured - start_captured
        decoded = worker.frames_decoded - start_decoded
        painted = view.frames_painted - start_painted
        stop_started = time.monotonic()
        stopped = controller.stop()
        stop_ms = (time.monotonic() - stop_started) * 1000
        app.processEvents()
        stalls = sorted(max(0.0, g - 1.0) for g in gaps[1:]) or [0.0]
        return {
            "size": f"{size[0]}x{size[1]}",
            "decoder": decoder_name,
            "seconds": round(elapsed, 2),
            "cpus": os.cpu_count(),
            "load_average_1min": round(os.getloadavg()[0], 2),  # other processes competing for the CPUs
            "video_fps": fps,
            "source_fps": round(captured / elapsed, 1),
            "preview_fps": round(painted / elapsed, 1),
            "decode_fps": round(decoded / elapsed, 1),
            "frames_skipped_by_decoder": worker.frames_skipped,
            "mean_decode_ms": round(worker.busy_s * 1000 / max(1, worker.frames_decoded), 1),
            "full_cascade_runs": getattr(decoder, "full_runs", None),
            "events": len(events),
            "codes_in_video": len(set(texts)),
            "distinct_codes_read": len(set(events) & set(texts)),
            "false_or_extra_events": [t[:40] for t in events if t not in texts],
            "gui_longest_stall_ms": round(stalls[-1], 1),
            "gui_stall_p99_ms": round(stalls[int(len(stalls) * 0.99)], 2),
            "process_cpu_percent": round(100 * cpu / elapsed, 0),
            "stop_ms": round(stop_ms, 1),
            "stopped_cleanly": stopped,
        }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--fps", type=float, default=30.0)
    parser.add_argument("--decoder", choices=("camera", "fast", "full"), default="camera")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    width, height = (int(v) for v in args.size.lower().split("x"))
    result = run(args.corpus, args.seconds, (width, height), args.fps, args.decoder)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
