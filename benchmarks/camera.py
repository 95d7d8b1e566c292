"""Benchmark the camera pipeline on a hand-held parcel video: every code the still decoder reads is read.

Usage: ``python benchmarks/camera.py [CORPUS_DIR] [--loops 2] [--size 1280x720] [--fps 30]
[--decoder camera|fast|full] [--video PATH]``

Makes a 1280x720 video (:func:`inspector.scanning.camera_samples.make_handheld_video`) of real
barcode photos from the shared corpus on shipping labels on parcels, each slid into view, held
for about a second with hand tremor (drift, rotation, motion and focus blur, sensor noise) and slid
out again, and plays it through ``CameraController`` (``CameraSource`` + ``CameraDecodeWorker``)
and a ``CameraView`` in an offscreen QApplication, exactly as the station does.

Prints JSON:

* ``still_reads``: codes the still decoder (``BarcodeDecoder``, full cascade) reads on the sharpest
  frame of their hold; ``camera_reads``: of those, how many the camera read in every loop (the
  goal: all), and the per-loop misses;
* ``preview_fps`` (distinct frames painted per second), ``decode_fps`` (frames through the fast
  path per second), ``cascade_steps_per_s`` (idle-time stages of the full cascade);
* ``time_to_scan_ms``: from the frame in which a code's centre entered the aim area (its capture
  time) to the scan event on the GUI thread: median, p90, max;
* ``gui_longest_stall_ms`` / ``gui_stall_p99_ms`` (a 1 ms heartbeat timer on the GUI thread), the
  machine's load average (the numbers only mean something on an otherwise idle machine).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import cv2
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QApplication

from inspector.scanning.camera import CameraFrameDecoder
from inspector.scanning.camera_samples import ShownCode, make_handheld_video, read_frame
from inspector.scanning.decode import BarcodeDecoder, load_image
from inspector.ui.camera_view import CameraController, CameraView

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "barcodes"
# A mix of formats and difficulty from the shared corpus (photos of products and printed codes).
IMAGES = (
    "ean13/zx_ean13-1_14.png", "qrcode/zx_qrcode-2_14.png", "code128/zx_code128-1_2.png",
    "ean13/zx_ean13-1_15.png", "qrcode/zx_qrcode-2_22.png", "code128/zx_code128-2_21.png",
    "code128/zx_code128-2_13.png", "ean13/zx_ean13-1_35.png", "qrcode/zx_qrcode-1_19.png",
    "ean13/zx_ean13-2_01.png", "datamatrix/zx_datamatrix-1_GUID.png", "upca/zx_upca-2_05.png",
)


def corpus_photos(corpus: Path) -> list[tuple[str, object, str]]:
    """(name, image, text) of the benchmark's photos that exist in ``corpus``."""
    photos = []
    for name in IMAGES:
        path = corpus / name
        if path.exists():
            photos.append((name, load_image(path), path.with_suffix(".txt").read_bytes().decode("utf-8")))
    return photos


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def run(corpus: Path, loops: int, size: tuple[int, int], fps: float, decoder_name: str,
        video: Path | None) -> dict[str, object]:
    """Play the video ``loops`` times and measure."""
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = video or Path(tmp) / "parcels.avi"
        shown_file = path.with_suffix(".json")
        if video is not None and video.exists() and shown_file.exists():
            shown = [ShownCode(**item) for item in json.loads(shown_file.read_text())]
        else:
            made = time.monotonic()
            shown = make_handheld_video(path, corpus_photos(corpus), size=size, fps=fps)
            shown_file.write_text(json.dumps([vars(s) for s in shown]))
            print(f"video made in {time.monotonic() - made:.0f} s: {path}", file=sys.stderr)
        capture = cv2.VideoCapture(str(path))
        n_frames = int(capture.get(cv2.CAP_PROP_FRAME_COUNT))
        capture.release()
        still = BarcodeDecoder()
        still_reads = {s.text for s in shown
                       if s.text in {c.text for c in still.decode(read_frame(path, s.sharpest))}}
        photo_reads = {s.text for s in shown
                       if s.text in {c.text for c in still.decode(load_image(corpus / s.image))}}
        decoder = {"camera": CameraFrameDecoder(), "fast": BarcodeDecoder(escalate=False),
                   "full": BarcodeDecoder()}[decoder_name]
        controller = CameraController(str(path), size[0], size[1], decoder=decoder, repeat_suppress_s=2.0)
        published: dict[int, float] = {}
        source = controller.source
        publish = source._publish

        def timed_publish(image: object) -> None:  # the capture time of every frame, by sequence number
            publish(image)  # type: ignore[arg-type]
            published[source.frames_captured] = time.monotonic()

        source._publish = timed_publish  # type: ignore[method-assign]
        events: list[tuple[str, float]] = []
        controller.scanned.connect(lambda event: events.append((event.text, time.monotonic())))
        errors: list[str] = []
        controller.scan_failed.connect(lambda error: errors.append(error.code))
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
        start_decoded, start_painted = controller.worker.frames_decoded, view.frames_painted
        start_captured = source.frames_captured
        start_steps = controller.worker.cascade_steps
        clock.start()
        heartbeat.start()
        started = time.monotonic()
        cpu_started = time.process_time()

        def check_done() -> None:
            if source.frames_captured >= loops * n_frames + 15:  # and half a second to finish decoding
                app.quit()

        done_timer = QTimer()
        done_timer.timeout.connect(check_done)
        done_timer.start(50)
        app.exec()
        elapsed = time.monotonic() - started
        cpu = time.process_time() - cpu_started
        heartbeat.stop()
        worker = controller.worker
        decoded = worker.frames_decoded - start_decoded
        painted = view.frames_painted - start_painted
        steps = worker.cascade_steps - start_steps
        captured = source.frames_captured - start_captured
        stopped = controller.stop()
        app.processEvents()

    # which loop and code each event belongs to, and how long after the code entered the view
    latencies: list[float] = []
    read: dict[tuple[int, str], float] = {}
    by_text = {s.text: s for s in shown}
    for text, at in events:
        code = by_text.get(text)
        if code is None:
            continue
        entries = [(seq, t) for seq, t in published.items()
                   if (seq - 1) % n_frames == code.enters and t <= at]
        if not entries:
            continue
        seq, entered = max(entries)
        loop = (seq - 1) // n_frames
        if (loop, text) not in read:
            read[(loop, text)] = (at - entered) * 1000
            latencies.append((at - entered) * 1000)
    misses = {loop: sorted(t for t in still_reads if (loop, t) not in read) for loop in range(loops)}
    stalls = sorted(max(0.0, g - 1.0) for g in gaps[1:]) or [0.0]
    return {
        "size": f"{size[0]}x{size[1]}",
        "decoder": decoder_name,
        "video_frames": n_frames,
        "loops": loops,
        "seconds": round(elapsed, 1),
        "cpus": os.cpu_count(),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "codes_in_video": len(shown),
        "still_reads_photo": len(photo_reads),
        "still_reads": len(still_reads),
        "camera_reads_every_loop": sum(all((loop, t) in read for loop in range(loops)) for t in still_reads),
        "camera_misses_by_loop": misses,
        "camera_reads_of_codes_the_still_decoder_misses": sorted(
            {t for (_loop, t) in read} - still_reads),
        "false_or_extra_events": [t[:40] for t, _ in events if t not in by_text],
        "ambiguous_refusals": errors.count("ambiguous"),
        "source_fps": round(captured / elapsed, 1),
        "preview_fps": round(painted / elapsed, 1),
        "decode_fps": round(decoded / elapsed, 1),
        "cascade_steps_per_s": round(steps / elapsed, 1),
        "cascade_reads": getattr(decoder, "full_reads", None),
        "mean_decode_ms": round(worker.busy_s * 1000 / max(1, worker.frames_decoded + worker.cascade_steps),
                                1),
        "time_to_scan_ms": {
            "median": round(statistics.median(latencies)) if latencies else None,
            "p90": round(percentile(latencies, 0.9)) if latencies else None,
            "max": round(max(latencies)) if latencies else None,
        },
        "gui_longest_stall_ms": round(stalls[-1], 1),
        "gui_stall_p99_ms": round(stalls[int(len(stalls) * 0.99)], 2),
        "process_cpu_percent": round(100 * cpu / elapsed),
        "stopped_cleanly": stopped,
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--loops", type=int, default=2)
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--fps", type=float, default=30.0)
    parser.add_argument("--decoder", choices=("camera", "fast", "full"), default="camera")
    parser.add_argument("--video", type=Path, help="keep the video here (made once, then reused)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    width, height = (int(v) for v in args.size.lower().split("x"))
    result = run(args.corpus, args.loops, (width, height), args.fps, args.decoder, args.video)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
