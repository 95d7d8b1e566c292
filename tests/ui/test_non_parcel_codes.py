"""Codes that are not parcel codes, scanned at intake (issue 10, defect 7): the station's own item label
opens that item's history, a colleague's badge offers to switch user, other text is "not a parcel code";
a product scanned into the open "Add extra item" dialog fills it."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.app import Services
from inspector.models import Inspection, InspectionStatus, ItemOutcome, User
from inspector.services.demo_data import seed_demo
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import MainWindow
from inspector.ui.pages.intake import INSPECT, RETURN, SCAN, IntakePage
from inspector.ui.session import StationSession
from inspector.ui.tasks import DatabaseWorker
from tests.ui.station_helpers import apparel_return, seed, without_camera

NOW = datetime(2026, 11, 20, 15, tzinfo=UTC)


def _window(qtbot: QtBot, services: Services, badge: str) -> MainWindow:
    user = next(u for u in services.users.active_users() if u.badge_code == badge)
    window = MainWindow(services, user, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


def typed(qtbot: QtBot, page: IntakePage, code: str) -> None:
    qtbot.keyClicks(page.scan_input, code)
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)


def test_an_item_label_opens_that_items_history_ready_to_reprint(
    qtbot: QtBot, services: Services, inline: None
) -> None:
    without_camera(services)
    seed_demo(services.database, services.photos, services.station, returns=12, inspections=6, seed=11,
              now=NOW)
    with services.database.session() as session:
        inspection = session.scalars(select(Inspection).where(
            Inspection.lpn.like(f"LPN{services.station.station_code.replace('-', '')}%"),
            Inspection.status == InspectionStatus.FINISHED)).first()
        assert inspection is not None
        lpn, inspection_id = inspection.lpn, inspection.id
    window = _window(qtbot, services, "BDG000001")
    page = window.intake_page
    typed(qtbot, page, lpn.lower())
    assert page.current_screen() == RETURN
    history = page.return_screen.history
    assert history.items.currentItem().data(Qt.ItemDataRole.UserRole).id == inspection_id
    assert lpn in history.items.currentItem().text() and history.reprint_button.hasFocus()
    assert lpn in page.return_screen.message.text()


def test_plain_text_is_not_a_parcel_code(qtbot: QtBot, services: Services, inline: None) -> None:
    without_camera(services)
    seed(services)
    page = _window(qtbot, services, "BDG000001").intake_page
    typed(qtbot, page, "hello world")
    assert page.current_screen() == SCAN
    assert "not a parcel code" in page.message.text() and page.message.kind == "error"
    assert page.scan_input.hasFocus()


def test_a_colleagues_badge_offers_to_switch_user_and_a_supervisor_is_asked_for_the_pin(
    qtbot: QtBot, services: Services, inline: None
) -> None:
    without_camera(services)
    seed(services)
    with services.database.session() as session:
        sam = session.scalar(select(User).where(User.badge_code == "BDG000005"))
        assert sam is not None and sam.pin_hash
        name = sam.name
    session_ = StationSession(services)
    session_.start()
    assert session_.login is not None
    qtbot.addWidget(session_.login)
    with qtbot.waitSignal(session_.main_window_shown):
        typed_badge = session_.login.badge_input
        qtbot.keyClicks(typed_badge, "BDG000001")
        qtbot.keyClick(typed_badge, Qt.Key.Key_Return)
    main = session_.main
    assert main is not None
    qtbot.addWidget(main)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=2000)
    page = main.intake_page
    typed(qtbot, page, "BDG000001")  # one's own badge: nothing to switch
    assert not page.switch_offer.isVisibleTo(page) and main.user.name in page.message.text()
    typed(qtbot, page, "BDG000005")
    offer = page.switch_offer
    assert offer.isVisibleTo(page) and name in offer.question.text()
    assert page.current_screen() == SCAN and offer.switch_button.hasFocus()
    qtbot.keyClick(offer.switch_button, Qt.Key.Key_Escape)  # stay
    assert not offer.isVisibleTo(page) and page.scan_input.hasFocus()
    typed(qtbot, page, "BDG000005")
    qtbot.keyClick(QApplication.focusWidget() or offer.switch_button, Qt.Key.Key_Return)
    assert session_.main is None and session_.login is not None
    qtbot.addWidget(session_.login)
    assert session_.login.stack.currentIndex() == 1  # the PIN page
    assert name in session_.login.pin_user_label.text()
    session_.shutdown()


def test_a_product_scanned_into_the_extra_item_dialog_fills_it(
    qtbot: QtBot, services: Services, inline: None
) -> None:
    without_camera(services)
    seed(services)
    demo = apparel_return(services)
    page = _window(qtbot, services, "BDG000001").intake_page
    typed(qtbot, page, demo.tracking)
    screen = page.return_screen
    screen.receive_buttons[next(iter(screen.receive_buttons))].click()
    page.hub.submit_typed("4006381333931")
    assert screen.message.text().startswith("4006381333931 is not in this return")  # as announced/scanned
    screen.extra_button.click()
    dialog = page.actions.dialog
    assert dialog is not None and dialog.isVisible()
    page.hub.submit_typed("4006381333931")  # the scanner: a product that is not in this return
    assert dialog.field.text() == "Product 4006381333931" and dialog.isVisible()  # as scanned, 13 digits
    assert page.current_screen() == RETURN
    qtbot.waitUntil(dialog.field.hasFocus, timeout=2000)
    qtbot.keyClicks(dialog.field, "Socks, black")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert page.current_screen() == INSPECT and page.inspection.state.outcome is ItemOutcome.EXTRA
    with services.database.session() as session:
        extra = session.scalar(select(Inspection).where(Inspection.outcome == ItemOutcome.EXTRA))
        assert extra is not None and extra.item_gtin.endswith("4006381333931")
        assert extra.item_description == "Socks, black"


def test_a_foreign_product_scanned_on_the_return_fills_the_extra_item_dialog_and_esc_goes_back(
    qtbot: QtBot, services: Services, inline: None
) -> None:
    """Scan a product that is not in the return, Enter: the extra-item dialog opens with that code (it
    opened empty); Esc: nothing added and Enter inspects the selected line again (it reopened the
    dialog)."""
    without_camera(services)
    seed(services)
    demo = apparel_return(services)
    page = _window(qtbot, services, "BDG000001").intake_page
    typed(qtbot, page, demo.tracking)
    screen = page.return_screen
    screen.receive_buttons[next(iter(screen.receive_buttons))].click()
    page.hub.submit_typed("4006381333931")
    assert screen.extra_button.hasFocus()
    qtbot.keyClick(screen.extra_button, Qt.Key.Key_Return)
    dialog = page.actions.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.field.text() == "Product 4006381333931"
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    qtbot.waitUntil(screen.table.hasFocus, timeout=2000)
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert page.current_screen() == INSPECT
