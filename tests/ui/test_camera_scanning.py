"""A webcam-only station: badges, parcels and items are read by the camera from hand-held videos.

The videos are real files (MJPG AVI) of printed labels moved and blurred like a hand-held parcel
(:func:`inspector.scanning.camera_samples.make_handheld_video`); the camera's reads take the same
path as the handheld scanner's.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.app import Services
from inspector.models import Inspection, ItemOutcome
from inspector.scanning.camera import CameraState
from inspector.scanning.camera_samples import make_handheld_video
from inspector.ui.pages.intake import INSPECT, RETURN
from inspector.ui.session import StationSession
from tests.ui.station_helpers import apparel_return, person_presses, scanner_types, seed

OTHER_PRODUCT = "8712345678906"  # a valid EAN-13 that no line of the return announces


def printed(text: str, fmt: zxingcpp.BarcodeFormat) -> np.ndarray:
    """A printed code: black on white with a quiet zone."""
    image = np.asarray(zxingcpp.create_barcode(text, fmt).to_image(scale=4))
    return cv2.copyMakeBorder(image, 40, 40, 40, 40, cv2.BORDER_CONSTANT, value=255)


def product(gtin: str) -> np.ndarray:
    digits = gtin[-13:] if len(gtin) == 14 and gtin.startswith("0") else gtin
    return printed(digits, zxingcpp.BarcodeFormat.EAN13 if len(digits) == 13 else zxingcpp.BarcodeFormat.UPCA)


def video(path: Path, *codes: tuple[str, np.ndarray]) -> Path:
    make_handheld_video(path, [(text, image, text) for text, image in codes], size=(960, 540), fps=15.0,
                        hold_s=1.2, move_s=0.2, gap_s=0.4)
    return path


@pytest.fixture(autouse=True)
def _stop_cameras(qtbot: QtBot):  # type: ignore[no-untyped-def]
    yield
    for widget in QApplication.topLevelWidgets():
        stop = getattr(widget, "stop_camera", None)
        if stop is not None:
            stop()


def test_the_camera_scans_the_parcel_verifies_the_item_and_warns_of_another_product(
    qtbot: QtBot, services: Services, tmp_path: Path, inline: None, request: pytest.FixtureRequest
) -> None:
    seed(services)
    demo = apparel_return(services)
    label = printed(demo.tracking, zxingcpp.BarcodeFormat.Code128)
    parcel = video(tmp_path / "parcel.avi", (demo.tracking, label))
    other = product(OTHER_PRODUCT)
    items = video(tmp_path / "items.avi", (demo.gtin, product(demo.gtin)), (OTHER_PRODUCT, other))
    services.settings = replace(
        services.settings, camera=replace(services.settings.camera, source=str(parcel), badge_login=False)
    )
    session = StationSession(services)
    session.start()
    request.addfinalizer(session.shutdown)
    assert session.login is not None
    qtbot.addWidget(session.login)
    qtbot.waitUntil(session.login.badge_input.hasFocus)
    with qtbot.waitSignal(session.main_window_shown, timeout=5000):
        scanner_types(qtbot, session.login.badge_input, "BDG000001")
    main = session.main
    assert main is not None and main.camera is not None
    qtbot.addWidget(main)
    page = main.intake_page
    assert page.camera_view is not None and page.camera_view.isVisible()  # the preview with its aim area
    # nothing typed: the camera reads the parcel label on the scan screen
    qtbot.waitUntil(lambda: page.current_screen() == RETURN, timeout=15_000)
    screen = page.return_screen
    assert screen.title.text().endswith(demo.rma)
    person_presses(qtbot, Qt.Key.Key_Return)  # the box is intact: an answer, by key
    qtbot.waitUntil(lambda: screen.received_here, timeout=3000)

    main.camera.set_source(str(items))  # the parcel is put aside; its items are held up one by one
    qtbot.waitUntil(lambda: page.current_screen() == INSPECT, timeout=15_000)
    inspection = page.inspection
    qtbot.waitUntil(lambda: inspection.verify_label.property("kind") == "ok", timeout=5000)
    assert demo.gtin[-13:] in inspection.verify_label.text()
    person_presses(qtbot, Qt.Key.Key_Escape)  # back to the return; the inspection stays open
    qtbot.waitUntil(lambda: page.current_screen() == RETURN, timeout=3000)
    person_presses(qtbot, Qt.Key.Key_Return)  # and on with it: it opens verified
    qtbot.waitUntil(lambda: page.current_screen() == INSPECT, timeout=3000)
    assert inspection.state is not None and inspection.state.verification is not None
    # then another product comes into view: the same wrong-item warning as from the handheld scanner
    qtbot.waitUntil(lambda: inspection.verify_label.property("kind") == "error", timeout=15_000)
    assert OTHER_PRODUCT in inspection.verify_label.text()  # "WRONG ITEM: scanned …" (in the user's language)
    with services.database.session() as db:
        row = db.scalars(select(Inspection)).one()
        assert row.outcome is ItemOutcome.WRONG_ITEM and row.verified_code == OTHER_PRODUCT
    assert main.camera.status.state is CameraState.LIVE
    main.close()


def test_the_login_screen_reads_a_badge_with_the_camera(
    qtbot: QtBot, services: Services, people: dict[str, object], tmp_path: Path, inline: None
) -> None:
    badge = video(tmp_path / "badge.avi", ("BDG000001", printed("BDG000001", zxingcpp.BarcodeFormat.Code128)))
    camera = replace(services.settings.camera, source=str(badge))
    services.settings = replace(services.settings, camera=camera)
    session = StationSession(services)
    session.start()
    try:
        assert session.login is not None and session.login.camera_view is not None
        qtbot.addWidget(session.login)
        with qtbot.waitSignal(session.main_window_shown, timeout=15_000):
            pass  # nobody touches the keyboard
        assert session.main is not None and session.main.user.badge_code == "BDG000001"
        assert session.login_camera is None  # released before the main window opened the camera
        qtbot.addWidget(session.main)
        session.main.close()
    finally:
        session.shutdown()
