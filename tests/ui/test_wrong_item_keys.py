"""A wrong item driven with keys as on the X walk (issue 10): the parcel is scanned and received, the
item opened with Enter, ANOTHER return's product is scanned, then A, Space, Enter. The label must not
send it back to stock as the announced product: it goes to the supervisor-check quarantine with a
WRONG ITEM mark and the scanned code, and the warning shows the EAN-13 with its 13 digits."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.app import Services
from inspector.models import Flag, Inspection, ItemOutcome, Return, ReturnLine
from inspector.reports.labels import WRONG_ITEM_TEXT, render_label_zpl
from inspector.ui.pages.intake import INSPECT, RETURN
from inspector.ui.session import StationSession
from tests.ui.station_helpers import apparel_return, person_presses, scanner_types, seed


def table_video(path: Path) -> Path:
    """A short video of an empty, lit work table (no barcodes): the station's camera for photos."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 15.0, (320, 240))
    for shade in range(6):
        frame = np.full((240, 320, 3), 200 + shade * 5, np.uint8)
        cv2.rectangle(frame, (40, 40), (280, 200), (90, 110, 130), -1)
        writer.write(frame)
    writer.release()
    return path


@pytest.fixture(autouse=True)
def _stop_cameras(qtbot: QtBot):  # type: ignore[no-untyped-def]
    yield
    for widget in QApplication.topLevelWidgets():
        stop = getattr(widget, "stop_camera", None)
        if stop is not None:
            stop()


def other_product(services: Services, rma: str) -> tuple[str, str]:
    """(GTIN, SKU) of a product another demo return announces, not this one."""
    with services.database.session() as session:
        ours = session.scalars(select(Return).where(Return.rma_number == rma)).one()
        gtins = {line.gtin for line in ours.lines}
        line = session.scalars(
            select(ReturnLine).where(ReturnLine.return_id != ours.id).order_by(ReturnLine.sku)
        ).all()
        other = next(row for row in line if row.gtin not in gtins and len(row.gtin) == 13)
        return other.gtin, other.sku


def test_a_wrong_item_finished_with_a_space_enter_is_quarantined_not_restocked_as_announced(
    qtbot: QtBot, services: Services, tmp_path: Path, inline: None, request: pytest.FixtureRequest
) -> None:
    seed(services)
    demo = apparel_return(services)
    scanned, _sku = other_product(services, demo.rma)
    services.settings = replace(services.settings, camera=replace(
        services.settings.camera, source=str(table_video(tmp_path / "table.avi")), badge_login=False))
    session = StationSession(services)
    session.start()
    request.addfinalizer(session.shutdown)
    assert session.login is not None
    qtbot.addWidget(session.login)
    qtbot.waitUntil(session.login.badge_input.hasFocus)
    with qtbot.waitSignal(session.main_window_shown, timeout=5000):
        scanner_types(qtbot, session.login.badge_input, "BDG000001")
    main = session.main
    assert main is not None
    qtbot.addWidget(main)
    page = main.intake_page
    qtbot.waitUntil(page.scan_input.hasFocus, timeout=3000)
    scanner_types(qtbot, None, demo.tracking)
    qtbot.waitUntil(lambda: page.current_screen() == RETURN, timeout=5000)
    screen = page.return_screen
    person_presses(qtbot, Qt.Key.Key_Return)  # the box is intact
    qtbot.waitUntil(lambda: screen.received_here, timeout=3000)
    person_presses(qtbot, Qt.Key.Key_Return)  # open the line
    qtbot.waitUntil(lambda: page.current_screen() == INSPECT, timeout=3000)
    inspection = page.inspection
    scanner_types(qtbot, None, scanned)  # another return's product
    qtbot.waitUntil(lambda: inspection.verify_label.property("kind") == "error", timeout=3000)
    warning = inspection.verify_label.text()
    assert re.findall(r"\d{8,14}", warning) == [scanned, demo.gtin], warning  # both as 13 digits
    if main.camera is not None:
        qtbot.waitUntil(lambda: main.camera.latest_frame() is not None, timeout=10_000)
    person_presses(qtbot, "A")  # all as expected
    qtbot.waitUntil(lambda: inspection.checklist.next_open() is None, timeout=3000)
    for _ in range(3):  # Space: photos until the item is complete
        if inspection.assessment is not None and inspection.assessment.complete:
            break
        person_presses(qtbot, Qt.Key.Key_Space)
        qtbot.wait(300)
    qtbot.waitUntil(lambda: inspection.assessment is not None and inspection.assessment.complete,
                    timeout=5000)
    assert inspection.assessment.disposition is not None
    assert inspection.assessment.disposition.kind == "supervisor_check"  # the suggestion on the screen
    assert "QUA-WRONG" in inspection.grading.details.text()
    assert inspection.grading.grade_label.text() == "Verkeerd artikel"  # not "Terug op voorraad"
    person_presses(qtbot, Qt.Key.Key_Return)  # finish, label
    qtbot.waitUntil(lambda: page.current_screen() == RETURN, timeout=5000)
    with services.database.session() as db:
        row = db.scalars(select(Inspection)).one()
        assert row.outcome is ItemOutcome.WRONG_ITEM and Flag.WRONG_ITEM.value in row.flags
        assert row.disposition == "supervisor_check" and row.destination == "QUA-WRONG"
        row_id = row.id
    label = services.grading.label_for(row_id)
    assert label.wrong_item and label.scanned_code == scanned
    zpl = render_label_zpl(label, "62x29mm")
    assert WRONG_ITEM_TEXT in zpl and scanned in zpl and "RESTOCK" not in zpl
    main.close()
