"""Settings: cameras, resolutions and serial ports are chosen from the devices found (off the GUI thread)."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.config import load_settings
from inspector.scanning.camera_devices import CameraDevice
from inspector.ui.feedback import Feedback
from inspector.ui.pages.device_pickers import DeviceListers
from inspector.ui.pages.settings import SettingsPage
from inspector.ui.tasks import DatabaseWorker
from tests.ui.conftest import ensure_admin

CAMERA_TAB, SCANNER_TAB = 2, 1
DEVICES = [CameraDevice(0, "Integrated Webcam", "/dev/video0"), CameraDevice(2, "Zebra DS457", "/dev/video2")]
SIZES = {0: [(640, 480), (1280, 720)], 2: [(1280, 720), (1920, 1080), (2592, 1944)]}


def make_page(qtbot: QtBot, services: Services, listers: DeviceListers | None = None) -> SettingsPage:
    page = SettingsPage(services, DatabaseWorker(), Feedback(sounds_enabled=False), listers=listers,
                        user=ensure_admin(services))
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    return page


def fake_listers(ports: list[str] | None = None) -> DeviceListers:
    return DeviceListers(
        cameras=lambda: list(DEVICES),
        resolutions=lambda index: SIZES.get(index, []),
        serial_ports=lambda: list(ports or []),
    )


def test_found_cameras_are_listed_and_the_choice_is_saved(qtbot: QtBot, services: Services,
                                                          inline: None) -> None:
    page = make_page(qtbot, services, fake_listers())
    picker = page.form.camera_picker
    assert not picker.searched  # nothing is probed before the Camera tab is shown
    page.form.setCurrentIndex(CAMERA_TAB)
    items = [picker.combo.itemText(i) for i in range(picker.combo.count())]
    assert items == ["Integrated Webcam (camera 0)", "Zebra DS457 (camera 2)"]
    assert "Cameras found: 2" in picker.status.text()
    assert picker.combo.currentText() == "Integrated Webcam (camera 0)"  # the stored "0"
    picker.combo.setFocus()
    qtbot.keyClick(picker.combo, Qt.Key.Key_Down)  # keyboard: the next camera
    assert picker.combo.currentText() == "Zebra DS457 (camera 2)"
    sizes = [picker.resolution.itemText(i) for i in range(picker.resolution.count())]
    assert sizes == ["1280 × 720", "1920 × 1080", "2592 × 1944", "Other size"]
    picker.resolution.setFocus()
    picker.resolution.setCurrentIndex(0)
    qtbot.keyClick(picker.resolution, Qt.Key.Key_Down)
    assert picker.chosen_size() == (1920, 1080)
    assert page.save(), page.message.text()
    camera = load_settings(services.paths.settings_file).camera
    assert (camera.source, camera.width, camera.height) == ("2", 1920, 1080)
    assert picker.combo.currentText() == "Zebra DS457 (camera 2)"  # shown again after saving


def test_typed_spin_values_show_as_other_size(qtbot: QtBot, services: Services, inline: None) -> None:
    page = make_page(qtbot, services, fake_listers())
    page.form.setCurrentIndex(CAMERA_TAB)
    picker = page.form.camera_picker
    picker.width_spin.setValue(1000)
    assert picker.resolution.currentText() == "Other size"
    picker.width_spin.setValue(1280)
    picker.height_spin.setValue(720)
    assert picker.resolution.currentText() == "1280 × 720"


@pytest.mark.skipif(any(Path("/dev").glob("video*")), reason="this machine has a camera")
def test_nothing_found_says_so_and_a_stream_can_be_typed(qtbot: QtBot, services: Services,
                                                         inline: None) -> None:
    page = make_page(qtbot, services)  # the real listing functions
    page.form.setCurrentIndex(CAMERA_TAB)
    picker = page.form.camera_picker
    assert picker.combo.count() == 0
    assert picker.status.text() == "No camera found. You can type a video file or stream URL."
    assert picker.status.isVisible()
    sizes = [picker.resolution.itemText(i) for i in range(picker.resolution.count())]
    assert sizes == ["640 × 480", "1280 × 720", "1920 × 1080", "Other size"]
    url = "rtsp://cam:s3cret@10.0.0.5:554/stream1"
    picker.combo.setEditText(url)
    assert page.save(), page.message.text()
    assert load_settings(services.paths.settings_file).camera.source == url
    assert picker.combo.currentText() == "rtsp://cam:***@10.0.0.5:554/stream1"
    assert page.save()  # the masked text keeps the real password
    assert load_settings(services.paths.settings_file).camera.source == url


def test_a_bad_camera_source_is_refused_without_showing_a_password(qtbot: QtBot, services: Services,
                                                                   inline: None) -> None:
    page = make_page(qtbot, services, fake_listers())
    page.form.setCurrentIndex(CAMERA_TAB)
    page.form.camera_source.setEditText("/no/such/video.mp4")
    assert not page.save()
    assert "/no/such/video.mp4" in page.message.text()
    assert page.form.currentIndex() == CAMERA_TAB


def test_serial_port_is_chosen_from_the_ports_found(qtbot: QtBot, services: Services, inline: None) -> None:
    ports = ["/dev/ttyACM0", "/dev/ttyUSB0"]
    page = make_page(qtbot, services, fake_listers(ports))
    picker = page.form.serial_picker
    page.form.setCurrentIndex(SCANNER_TAB)
    assert [picker.combo.itemText(i) for i in range(picker.combo.count())] == ports
    assert picker.status.text() == "Serial ports found: 2."
    picker.combo.setCurrentIndex(1)
    assert page.save(), page.message.text()
    assert load_settings(services.paths.settings_file).scanner.serial_port == "/dev/ttyUSB0"
    ports[:] = ["COM7"]
    qtbot.mouseClick(picker.button, Qt.MouseButton.LeftButton)  # Refresh
    assert [picker.combo.itemText(i) for i in range(picker.combo.count())] == ["COM7"]
    assert picker.port() == "/dev/ttyUSB0"  # the chosen port stays until another is chosen


def test_no_serial_port_found_says_so(qtbot: QtBot, services: Services, inline: None) -> None:
    scanner = replace(services.settings.scanner, serial_port="COM3")
    services.settings = replace(services.settings, scanner=scanner)
    page = make_page(qtbot, services, fake_listers([]))
    page.form.setCurrentIndex(SCANNER_TAB)
    picker = page.form.serial_picker
    assert picker.status.text().startswith("No serial port found.")
    assert picker.port() == "COM3"
    assert page.save()
    assert load_settings(services.paths.settings_file).scanner.serial_port == "COM3"


def test_searching_runs_off_the_gui_thread(qtbot: QtBot, services: Services) -> None:
    release = threading.Event()
    threads: list[threading.Thread] = []

    def slow_cameras() -> list[CameraDevice]:
        threads.append(threading.current_thread())
        release.wait(5)
        return list(DEVICES)

    listers = replace(fake_listers(), cameras=slow_cameras)
    page = make_page(qtbot, services, listers)
    picker = page.form.camera_picker
    page.form.setCurrentIndex(CAMERA_TAB)
    try:
        assert picker.status.text() == "Searching…"
        assert not picker.button.isEnabled()
        ticks: list[int] = []
        QTimer.singleShot(20, lambda: ticks.append(1))
        qtbot.waitUntil(lambda: bool(ticks), timeout=2000)  # the window keeps processing events
        assert not release.is_set() and picker.combo.count() == 0
        picker.search()  # a second search while one runs is ignored
    finally:
        with qtbot.waitSignal(picker.search_finished, timeout=5000):
            release.set()
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert picker.combo.count() == 2 and picker.button.isEnabled()
    qtbot.waitUntil(lambda: picker.resolution.isEnabled(), timeout=5000)  # sizes probed in the background
    assert picker.resolution.itemText(0) == "640 × 480"
