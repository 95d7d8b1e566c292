"""The whole station flow as a user drives it: badge, parcel scan, receive, verify, checklist, photos,
grade, label; real key events from a simulated wedge scanner and a camera reading a video file."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.app import Services
from inspector.models import AuditEvent, Inspection, InspectionStatus
from inspector.scanning.camera import CameraState
from inspector.services.audit import verify_all_chains
from inspector.ui.pages.intake import INSPECT, RETURN
from inspector.ui.session import StationSession
from tests.ui.station_helpers import (
    APPAREL_KEYS,
    apparel_return,
    make_video,
    person_presses,
    scanner_types,
    seed,
)


def test_parcel_to_label_with_scanner_keys_and_camera(
    qtbot: QtBot, services: Services, tmp_path: Path, inline: None
) -> None:
    video = make_video(tmp_path / "table.avi", at_edge=True)  # codes at the edge: never scanned
    services.settings = replace(
        services.settings, camera=replace(services.settings.camera, source=str(video))
    )
    seed(services)
    demo = apparel_return(services)
    session = StationSession(services)
    session.start()
    assert session.login is not None
    qtbot.addWidget(session.login)
    qtbot.waitUntil(session.login.badge_input.hasFocus)
    with qtbot.waitSignal(session.main_window_shown, timeout=3000):
        scanner_types(qtbot, session.login.badge_input, "BDG000001")
    main = session.main
    assert main is not None
    qtbot.addWidget(main)
    page = main.intake_page
    qtbot.waitUntil(page.scan_input.hasFocus)

    scanner_types(qtbot, page.scan_input, demo.tracking)
    qtbot.waitUntil(lambda: page.current_screen() == RETURN, timeout=3000)
    assert page.scan_input.text() == "", "the scanner's keys must not land in the field"
    screen = page.return_screen
    assert screen.title.text().endswith(demo.rma) and screen.receive_box.isVisibleTo(page)
    person_presses(qtbot, Qt.Key.Key_Return)  # box intact
    qtbot.waitUntil(lambda: screen.received_here and screen.receive_box.isHidden(), timeout=3000)
    person_presses(qtbot, Qt.Key.Key_Return)  # inspect the selected (first) line
    qtbot.waitUntil(lambda: page.current_screen() == INSPECT, timeout=3000)

    inspection = page.inspection
    camera = main.camera
    assert camera is not None
    qtbot.waitUntil(lambda: camera.status.state is CameraState.LIVE, timeout=10_000)
    qtbot.wait(300)  # the preview settles: the scanner's keys then arrive at scanner pace
    scanner_types(qtbot, None, demo.gtin)
    qtbot.waitUntil(lambda: inspection.verify_label.property("kind") == "ok", timeout=3000)
    for key in APPAREL_KEYS:
        person_presses(qtbot, key)
    assert inspection.checklist.next_open() is None
    for tag in ("front", "label"):
        inspection.camera.select_tag(tag)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
        qtbot.waitUntil(lambda t=tag: t in inspection.camera.tags_taken(), timeout=5000)
    qtbot.waitUntil(
        lambda: inspection.assessment is not None and inspection.assessment.complete, timeout=3000
    )
    person_presses(qtbot, Qt.Key.Key_Return)  # confirm the suggested grade
    qtbot.waitUntil(
        lambda: page.current_screen() == RETURN and screen.history.items.count() == 1, timeout=5000
    )

    with services.database.session() as session_db:
        row = session_db.scalars(select(Inspection)).one()
        assert row.status is InspectionStatus.FINISHED and row.final_grade is not None and row.lpn
        assert len(row.photos) == 2 and {p.tag for p in row.photos} == {"front", "label"}
        assert row.answers["tags"] == "attached" and row.answers["style_colour_match"] is True
        assert row.verification is not None and row.verified_code == demo.gtin
        actions = set(session_db.scalars(select(AuditEvent.action)))
        assert {"parcel_received", "item_verified", "photo_added", "grade_set", "label_printed"} <= actions
        assert all(result.ok for result in verify_all_chains(session_db))
        lpn = row.lpn
    pdf = services.paths.labels / f"{lpn}.pdf"
    qtbot.waitUntil(pdf.is_file, timeout=3000)
    assert lpn in screen.message.text()
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "300", "-singlefile", str(pdf), str(tmp_path / "label")], check=True
        )
        assert lpn in {r.text for r in zxingcpp.read_barcodes(Image.open(tmp_path / "label.png"))}
    main.close()
    assert not camera.running
    session.shutdown()


@pytest.fixture(autouse=True)
def _stop_cameras(qtbot: QtBot):  # type: ignore[no-untyped-def]
    yield
    for widget in QApplication.topLevelWidgets():
        stop = getattr(widget, "stop_camera", None)
        if stop is not None:
            stop()
