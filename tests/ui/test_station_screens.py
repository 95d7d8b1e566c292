"""The station's screens one situation at a time: unknown parcels, wrong, missing and extra items,
overrides, resuming open work and parcels scanned twice."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.app import Services
from inspector.models import Flag, Grade, Inspection, ItemOutcome, Return, ReturnSource
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import MainWindow
from inspector.ui.pages.intake import INSPECT, RETURN, SCAN, UNKNOWN, IntakePage
from inspector.ui.tasks import DatabaseWorker
from tests.ui.station_helpers import APPAREL_KEYS, DemoReturn, apparel_return, seed, without_camera


@pytest.fixture
def station(qtbot: QtBot, services: Services, inline: None) -> Iterator[tuple[MainWindow, DemoReturn]]:
    """The main window of the demo inspector on 30 demo returns, camera off, tasks inline."""
    without_camera(services)
    seed(services)
    demo = apparel_return(services, min_lines=2)
    user = next(u for u in services.users.active_users() if u.badge_code == "BDG000001")
    window = MainWindow(services, user, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(window)
    window.show()
    yield window, demo
    window.close()


def typed(qtbot: QtBot, page: IntakePage, code: str) -> None:
    """A code typed into the scan box and confirmed with Enter."""
    qtbot.keyClicks(page.scan_input, code)
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), "navy").save(buffer, "JPEG")
    return buffer.getvalue()


def open_first_line(qtbot: QtBot, page: IntakePage, demo: DemoReturn) -> None:
    typed(qtbot, page, demo.tracking)
    assert page.current_screen() == RETURN
    page.return_screen.receive_buttons[next(iter(page.return_screen.receive_buttons))].click()
    page.return_screen.inspect_button.click()
    assert page.current_screen() == INSPECT


def answer_all(qtbot: QtBot, page: IntakePage) -> None:
    page.inspection.checklist.focus_next()
    for key in APPAREL_KEYS:
        qtbot.keyClick(QApplication.focusWidget(), key)


def test_unknown_parcel_found_by_postcode_and_house_number(qtbot: QtBot, station) -> None:  # type: ignore[no-untyped-def]
    window, demo = station
    page = window.intake_page
    typed(qtbot, page, "ZZ-NOT-KNOWN-42")
    assert page.current_screen() == UNKNOWN and "ZZ-NOT-KNOWN-42" in page.unknown.title.text()
    qtbot.keyClicks(page.unknown.postcode_field, demo.postcode)
    qtbot.keyClicks(page.unknown.house_field, demo.house_number)
    qtbot.keyClick(page.unknown.house_field, Qt.Key.Key_Return)
    assert page.unknown.results.count() >= 1
    rows = [page.unknown.results.item(n).text() for n in range(page.unknown.results.count())]
    page.unknown.results.setCurrentRow(next(n for n, text in enumerate(rows) if demo.rma in text))
    qtbot.keyClick(page.unknown.results, Qt.Key.Key_Return)
    assert page.current_screen() == RETURN and page.return_screen.summary.rma_number == demo.rma


def test_unknown_parcel_registered_as_unannounced(qtbot: QtBot, station, services: Services) -> None:  # type: ignore[no-untyped-def]
    window, _demo = station
    page = window.intake_page
    typed(qtbot, page, "ZZ-NOT-KNOWN-43")
    qtbot.keyClicks(page.unknown.register_name, "Piet Onbekend")
    qtbot.mouseClick(page.unknown.register_button, Qt.MouseButton.LeftButton)
    assert page.current_screen() == RETURN
    summary = page.return_screen.summary
    assert summary.source is ReturnSource.UNANNOUNCED and summary.rma_number.startswith("UNK-")
    assert page.return_screen.received_here and page.return_screen.extra_button.hasFocus()
    page.return_screen.extra_button.click()
    dialog = page.actions.dialog
    qtbot.keyClicks(dialog.field, "Kinderboek, blauw")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert page.current_screen() == INSPECT
    state = page.inspection.state
    assert state.outcome is ItemOutcome.EXTRA and state.item_description == "Kinderboek, blauw"
    with services.database.session() as session:
        ret = session.scalars(select(Return).where(Return.rma_number == summary.rma_number)).one()
        assert ret.customer_name == "Piet Onbekend"


def test_wrong_item_needs_a_photo_before_finishing(qtbot: QtBot, station, services: Services) -> None:  # type: ignore[no-untyped-def]
    window, demo = station
    page = window.intake_page
    open_first_line(qtbot, page, demo)
    page.hub.submit_typed("4006381333931")
    assert page.inspection.verify_label.property("kind") == "error"
    assert "WRONG ITEM" in page.inspection.verify_label.text()
    answer_all(qtbot, page)
    page.inspection.camera.import_path(_photo_file(services))
    page.inspection.camera.delete_selected()
    page.inspection.grading.confirm()
    assert page.current_screen() == INSPECT
    assert "photo" in page.inspection.message.text().lower()
    page.inspection.camera.import_path(_photo_file(services))
    page.inspection.camera.select_tag("label")
    page.inspection.camera.import_path(_photo_file(services, "white"))
    page.inspection.grading.confirm()
    assert page.current_screen() == RETURN
    with services.database.session() as session:
        row = session.scalars(select(Inspection)).one()
        assert row.outcome is ItemOutcome.WRONG_ITEM and row.lpn and Flag.WRONG_ITEM.value in row.flags


def _photo_file(services: Services, colour: str = "navy"):  # type: ignore[no-untyped-def]
    path = services.paths.root / f"{colour}.jpg"
    Image.new("RGB", (320, 240), colour).save(path, "JPEG")
    return path


def test_missing_item_extra_item_and_an_override_that_needs_a_reason(
    qtbot: QtBot, station, services: Services
) -> None:  # type: ignore[no-untyped-def]
    window, demo = station
    page = window.intake_page
    open_first_line(qtbot, page, demo)
    page.hub.submit_typed(demo.gtin)
    assert page.inspection.verify_label.property("kind") == "ok"
    answer_all(qtbot, page)
    page.inspection.camera.import_path(_photo_file(services))
    page.inspection.camera.import_path(_photo_file(services, "white"))
    assert page.inspection.assessment.complete
    page.inspection.grading.other_button.click()
    dialog = page.inspection.grading.dialog
    qtbot.keyClick(dialog.group.checkedButton(), Qt.Key.Key_4)
    assert dialog.grade is Grade.SCRAP
    qtbot.keyClicks(dialog.reason, "too bad")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.isVisible() and "at least" in dialog.message.text()
    assert page.current_screen() == INSPECT
    qtbot.keyClicks(dialog.reason, " - seam torn open at the back")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert page.current_screen() == RETURN
    screen = page.return_screen
    screen.table.selectRow(1)
    screen.missing_button.click()
    qtbot.keyClicks(page.actions.dialog.field, "niet in het pakket")
    qtbot.keyClick(page.actions.dialog.field, Qt.Key.Key_Return)
    assert screen.history.items.count() == 2
    page.hub.submit_typed("4006381333931")  # a product that is not in this return
    assert "not in this return" in screen.message.text() and screen.extra_button.hasFocus()
    screen.extra_button.click()
    qtbot.keyClicks(page.actions.dialog.field, "Sokken, zwart")
    qtbot.keyClick(page.actions.dialog.field, Qt.Key.Key_Return)
    assert page.current_screen() == INSPECT and page.inspection.state.outcome is ItemOutcome.EXTRA
    with services.database.session() as session:
        rows = {row.outcome: row for row in session.scalars(select(Inspection))}
        assert rows[ItemOutcome.RECEIVED].final_grade is Grade.SCRAP
        assert "seam torn" in rows[ItemOutcome.RECEIVED].override_reason
        assert rows[ItemOutcome.MISSING].notes == "niet in het pakket"
        assert rows[ItemOutcome.EXTRA].item_gtin.endswith("4006381333931")


def test_resume_is_offered_after_login(qtbot: QtBot, services: Services, inline: None) -> None:
    without_camera(services)
    seed(services)
    demo = apparel_return(services)
    user = next(u for u in services.users.active_users() if u.badge_code == "BDG000001")
    first = MainWindow(services, user, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(first)
    open_first_line(qtbot, first.intake_page, demo)
    first.intake_page.hub.submit_typed(demo.gtin)
    first.close()
    window = MainWindow(services, user, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(window)
    window.show()
    offer = window.intake_page.resume_offer
    assert offer.isVisibleTo(window) and len(offer.buttons) == 1
    assert demo.rma in offer.buttons[0].text() and window.focusWidget() is offer.buttons[0]
    offer.buttons[0].click()
    page = window.intake_page
    assert page.current_screen() == INSPECT and page.inspection.verify_label.property("kind") == "ok"


def test_second_scan_shows_the_already_received_banner(qtbot: QtBot, station) -> None:  # type: ignore[no-untyped-def]
    window, demo = station
    page = window.intake_page
    typed(qtbot, page, demo.tracking)
    assert page.return_screen.received_banner.isHidden()
    page.return_screen.receive_buttons[next(iter(page.return_screen.receive_buttons))].click()
    page.return_screen.back_button.click()
    assert page.current_screen() == SCAN
    typed(qtbot, page, demo.tracking)
    banner = page.return_screen.received_banner
    assert not banner.isHidden() and "ST-01" in banner.text() and "received" in banner.text()
    assert page.return_screen.receive_box.isHidden()


def test_the_inspection_screen_with_a_message_fits_a_768_pixel_screen(  # type: ignore[no-untyped-def]
    qtbot: QtBot, services: Services, inline: None, styled_app: QApplication, tmp_path
) -> None:
    """Dutch, a camera set up but not found, and a red message over the checklist: the window must stay
    within 1366x768 (it grew to 792 px, hiding the status bar and Log out)."""
    from dataclasses import replace

    from inspector.ui.application import install_translator

    install_translator(styled_app, "nl")
    seed(services)
    demo = apparel_return(services, min_lines=2)
    camera = replace(services.settings.camera, enabled=True, source=str(tmp_path / "no-camera.avi"))
    services.settings = replace(services.settings, camera=camera)
    user = next(u for u in services.users.active_users() if u.badge_code == "BDG000001")
    window = MainWindow(services, user, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.intake_page
    open_first_line(qtbot, page, demo)
    assert page.inspection.camera.view.isVisible()
    page.hub.submit_typed("HELLO123")
    assert "HELLO123" in page.inspection.message.text()
    assert window.minimumSizeHint().height() <= 768, window.minimumSizeHint()
    window.close()
