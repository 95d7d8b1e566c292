"""The camera preview and its controller, offscreen, fed by videos made from real barcode photos."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QThread
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from inspector.scanning.camera import CameraState
from inspector.ui.camera_view import OVERLAY_COLOR, CameraController, CameraView, status_text
from tests.ui.station_helpers import make_video

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "barcodes"
QR_IMAGE = "qrcode/zx_qrcode-2_14.png"
EAN_IMAGE = "ean13/zx_ean13-1_14.png"


def grab_pixels(widget: QWidget) -> np.ndarray:
    """The widget as rendered, as an (h, w, 3) RGB array."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    array = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return array[:, : image.width() * 3].reshape(image.height(), image.width(), 3).copy()


@pytest.fixture
def controllers() -> Iterator[list[CameraController]]:
    """Controllers made by a test; stopped afterwards whatever happened."""
    made: list[CameraController] = []
    yield made
    for controller in made:
        controller.stop()


def test_view_paints_frames_and_code_outlines(
    qtbot: QtBot, tmp_path: Path, controllers: list[CameraController]
) -> None:
    video = make_video(tmp_path / "qr.avi", (QR_IMAGE,), hold=30)
    controller = CameraController(str(video))
    controllers.append(controller)
    view = CameraView(controller)
    qtbot.addWidget(view)
    view.resize(480, 360)
    view.show()
    controller.start()
    qtbot.waitUntil(lambda: view.state == CameraState.LIVE.value and view.frames_painted >= 3, timeout=10_000)
    qtbot.waitUntil(
        lambda: bool(controller.latest_overlay() and controller.latest_overlay().codes), timeout=10_000
    )

    def outline_drawn() -> bool:
        pixels = grab_pixels(view).astype(int)
        target = np.array([OVERLAY_COLOR.red(), OVERLAY_COLOR.green(), OVERLAY_COLOR.blue()])
        return int((np.abs(pixels - target).sum(axis=2) < 40).sum()) > 100

    qtbot.waitUntil(outline_drawn, timeout=10_000)
    pixels = grab_pixels(view)
    assert (pixels > 200).all(axis=2).mean() > 0.2  # the white photo background is shown
    assert view.message == ""
    # aspect ratio kept: 640x480 in 480x360 fills it exactly; in a wide view it is letterboxed
    view.resize(720, 360)
    qtbot.waitUntil(lambda: view.frames_painted >= 5, timeout=10_000)
    pixels = grab_pixels(view)
    assert pixels[:, :40].max() < 40 and pixels[:, -40:].max() < 40  # dark bars left and right


def test_controller_emits_scans_on_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, controllers: list[CameraController]
) -> None:
    video = make_video(tmp_path / "ean.avi", (EAN_IMAGE,), hold=20)
    controller = CameraController(str(video), loop=False, repeat_suppress_s=30.0)
    controllers.append(controller)
    threads = []
    controller.scanned.connect(lambda event: threads.append(QThread.currentThread()))
    with qtbot.waitSignal(controller.scanned, timeout=15_000) as blocker:
        controller.start()
    event = blocker.args[0]
    assert event.text == (CORPUS / EAN_IMAGE).with_suffix(".txt").read_text(encoding="utf-8")
    assert event.source == "camera" and event.symbology == "EAN13"
    assert threads == [QApplication.instance().thread()]
    with qtbot.assertNotEmitted(controller.scanned, wait=700):
        pass  # still in view: no second event


def test_missing_camera_shows_a_message_and_keeps_the_window_responsive(
    qtbot: QtBot, tmp_path: Path, controllers: list[CameraController]
) -> None:
    controller = CameraController(str(tmp_path / "missing.avi"), retry_delays=(0.05,))
    controllers.append(controller)
    view = CameraView(controller)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    with qtbot.waitSignal(
        controller.status_changed, timeout=5_000, check_params_cb=lambda state, _message: state == "no_camera"
    ) as blocker:
        controller.start()
    assert blocker.args[1] == status_text("no_camera") == "No camera found — retrying…"
    assert view.message == "No camera found — retrying…"
    qtbot.waitUntil(lambda: controller.source.open_attempts >= 3, timeout=5_000)  # GUI never blocked
    pixels = grab_pixels(view)
    assert np.median(pixels) < 40  # dark background
    assert (pixels > 180).any()  # with light text on it
    assert controller.stop()


def test_status_texts_are_translated_words() -> None:
    assert status_text(CameraState.RECONNECTING) == "Camera disconnected — reconnecting…"
    assert status_text(CameraState.DISCONNECTED) == status_text(CameraState.RECONNECTING)
    assert status_text(CameraState.LIVE) == ""


def test_closing_the_window_stops_capture_and_decoding(
    qtbot: QtBot, tmp_path: Path, controllers: list[CameraController]
) -> None:
    video = make_video(tmp_path / "qr.avi", (QR_IMAGE,), hold=10)
    controller = CameraController(str(video))
    controllers.append(controller)
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    view = CameraView(controller)
    layout.addWidget(view)
    window.resize(400, 300)
    window.show()
    controller.start()
    qtbot.waitUntil(lambda: view.frames_painted >= 2, timeout=10_000)
    assert controller.running and controller.worker.running
    window.close()
    assert not controller.running
    assert not controller.worker.running
    assert controller.source.releases == controller.source.open_attempts
    assert controller.source.status.state is CameraState.STOPPED


def test_capture_still_returns_a_full_resolution_copy(
    qtbot: QtBot, tmp_path: Path, controllers: list[CameraController]
) -> None:
    video = make_video(tmp_path / "qr.avi", (QR_IMAGE,), size=(1280, 720), hold=10)
    controller = CameraController(str(video))
    controllers.append(controller)
    controller.start()
    qtbot.waitUntil(lambda: controller.latest_frame() is not None, timeout=10_000)
    still = controller.capture_still()
    assert still.shape == (720, 1280, 3) and still.flags.writeable
    assert controller.stop()
