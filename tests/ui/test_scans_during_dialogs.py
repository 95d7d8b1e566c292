"""A scanner burst while a modal dialog is open belongs to that dialog (issue 10: no misrouted keystroke).

The add-extra-item dialog takes a product code; every other modal dialog refuses the scan with a visible
"Scan ignored: close the dialog first." and the page behind it does nothing: no screen change, no record.
The scanner is driven as a keyboard wedge: real key events stamped 6 ms apart, then Enter, into the
focused widget (the dialog's), through the application-wide wedge filter.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from inspector.app import Services
from inspector.models import AuditEvent, BoxCondition, Grade, Inspection, Return, VerificationMethod
from inspector.scanning.events import ScanEvent
from inspector.scanning.wedge import WedgeConfig
from inspector.services.demo_data import seed_demo
from inspector.services.users import UserInfo
from inspector.ui import scan_input
from inspector.ui.application import install_translator
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import REVIEW, MainWindow
from inspector.ui.pages.intake import INSPECT, RETURN, SCAN, IntakePage
from inspector.ui.review.dispute_dialog import OPEN
from inspector.ui.scan_input import WedgeKeyFilter
from inspector.ui.session import StationSession
from inspector.ui.tasks import DatabaseWorker
from tests.ui.conftest import ensure_admin
from tests.ui.station_helpers import NOW, DemoReturn, apparel_return, seed, without_camera

OTHER_PRODUCT = "4006381333931"  # a valid EAN-13 that is in no demo return
REFUSED = {"en": "Scan ignored: close the dialog first.", "nl": "Scan genegeerd: sluit eerst het venster."}

_STAMP = [500_000]  # the window system's key clock (ms)


def _key(widget: QWidget, key: Qt.Key, text: str, after_ms: int) -> None:
    _STAMP[0] += after_ms
    event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
    event.setTimestamp(_STAMP[0])
    QApplication.sendEvent(widget, event)


def scanner_burst(text: str) -> None:
    """A keyboard-wedge scanner types ``text`` + Enter, 6 ms a key, into the focused widget."""
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard"
    for char in text:
        _key(widget, Qt.Key(ord(char.upper())), char, 6)
    _key(widget, Qt.Key.Key_Return, "\r", 6)
    _STAMP[0] += 1000


def person_types(qtbot: QtBot, text: str) -> None:
    """A person types ``text`` into the focused widget: keys 150 ms apart (the filter lets them through)."""
    for char in text:
        widget = QApplication.focusWidget()
        assert widget is not None
        _key(widget, Qt.Key(ord(char.upper())) if char != " " else Qt.Key.Key_Space, char, 150)
        qtbot.wait(70)


def shown_texts(dialog: QWidget) -> list[str]:
    """Every text the dialog shows right now."""
    return [label.text() for label in dialog.findChildren(QLabel) if label.isVisible() and label.text()]


def records(services: Services) -> tuple[int, int]:
    """(audit events, inspections): anything the station did leaves one of these."""
    with services.database.session() as session:
        return (session.scalar(select(func.count()).select_from(AuditEvent)) or 0,
                session.scalar(select(func.count()).select_from(Inspection)) or 0)


@pytest.fixture
def window(
    qtbot: QtBot, services: Services, people: dict[str, UserInfo], inline: None
) -> Iterator[MainWindow]:
    """The demo inspector's main window (camera off, tasks inline) with the wedge filter on its scans."""
    without_camera(services)
    seed(services)
    main = MainWindow(services, people["BDG000001"], Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=2000)
    wedge = WedgeKeyFilter(main.hub, WedgeConfig())
    wedge.install(QApplication.instance())
    yield main
    wedge.uninstall(QApplication.instance())
    main.close()


def received_return(page: IntakePage, demo: DemoReturn) -> None:
    page.hub.submit_typed(demo.tracking)
    assert page.current_screen() == RETURN
    page.return_screen.receive_buttons[BoxCondition.INTACT].click()


def open_dialog(qtbot: QtBot, page: IntakePage) -> QDialog:
    dialog = page.actions.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog and dialog.field.hasFocus(), timeout=2000)
    return dialog


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_product_scanned_while_the_missing_item_dialog_is_open_is_refused_and_nothing_starts(
    qtbot: QtBot, window: MainWindow, services: Services, styled_app: QApplication, language: str
) -> None:
    install_translator(styled_app, language)  # the refusal is worded when it happens
    page = window.intake_page
    demo = apparel_return(services)
    received_return(page, demo)
    before = records(services)
    page.return_screen.missing_button.click()
    dialog = open_dialog(qtbot, page)
    scanner_burst(demo.gtin)  # the announced product: the page behind would start its inspection
    assert page.current_screen() == RETURN, "the return screen behind the dialog acted on the scan"
    assert records(services) == before
    assert dialog.isVisible() and dialog.field.text() == ""
    assert REFUSED[language] in shown_texts(dialog)
    person_types(qtbot, "no jeans")  # the dialog still works as before
    _key(dialog.field, Qt.Key.Key_Return, "\r", 150)
    assert not dialog.isVisible()
    assert records(services)[0] > before[0]


def test_a_product_scanned_into_the_extra_item_dialog_fills_it_and_nothing_else(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = window.intake_page
    demo = apparel_return(services)
    received_return(page, demo)
    before = records(services)
    page.return_screen.extra_button.click()
    dialog = open_dialog(qtbot, page)
    scanner_burst(OTHER_PRODUCT)
    assert dialog.isVisible() and dialog.field.text() == f"Product {OTHER_PRODUCT}"
    assert page.current_screen() == RETURN and records(services) == before
    scanner_burst(demo.gtin)  # an announced product into the extra dialog: it is the dialog's too
    assert dialog.isVisible() and page.current_screen() == RETURN and records(services) == before


def test_a_product_scanned_while_the_override_dialog_is_open_records_no_verification(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = window.intake_page
    demo = apparel_return(services)
    received_return(page, demo)
    line = page.return_screen.selected_line()
    page.actions.inspect(line)
    assert page.current_screen() == INSPECT
    inspection = page.inspection
    inspection.grading.other_button.click()
    dialog = inspection.grading.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    dialog.reason.setFocus()
    person_types(qtbot, "seam torn")
    before = records(services)
    scanner_burst(demo.gtin)  # the item's own code: behind the dialog it would verify the item
    assert records(services) == before, "the inspection behind the dialog recorded the scan"
    assert inspection.state is not None and inspection.state.verification is None
    assert dialog.isVisible() and dialog.reason.text() == "seam torn" and dialog.grade is dialog.suggested
    assert REFUSED["en"] in shown_texts(dialog)
    scanner_burst(OTHER_PRODUCT)  # another product: behind the dialog it would be a wrong-item warning
    assert records(services) == before and dialog.grade is dialog.suggested
    assert dialog.grade is not Grade.SCRAP


def test_a_scan_in_the_confirm_by_hand_dialog_verifies_the_item_by_scan_instead(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    """The dialog asks why the barcode cannot be scanned; when it scans after all, the scan is the
    better evidence: the dialog closes and the item is verified by the scan (not refused, not by hand)."""
    page = window.intake_page
    demo = apparel_return(services)
    received_return(page, demo)
    page.actions.inspect(page.return_screen.selected_line())
    inspection = page.inspection
    inspection.verification.manual_button.click()
    dialog = inspection.verification.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog and dialog.field.hasFocus(), timeout=2000)
    scanner_burst(demo.gtin)
    assert not dialog.isVisible()
    assert inspection.verify_label.property("kind") == "ok"
    assert "by hand" not in inspection.verification.label.text()
    assert inspection.state is not None
    with services.database.session() as session:
        stored = session.get(Inspection, inspection.state.id)
        assert stored is not None and stored.verification is VerificationMethod.SCAN
        assert stored.verified_code.endswith(demo.gtin.lstrip("0")) and not stored.verification_note


def test_a_product_scanned_inside_the_photo_file_dialog_is_refused(
    qtbot: QtBot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = window.intake_page
    demo = apparel_return(services)
    received_return(page, demo)
    page.actions.inspect(page.return_screen.selected_line())
    assert page.current_screen() == INSPECT
    inspection = page.inspection
    before = records(services)
    seen: dict[str, object] = {}

    def file_dialog(parent: QWidget, *args: object, **kwargs: object) -> tuple[str, str]:
        """The real (Qt) file dialog, application-modal in its own event loop as the static call runs it;
        the scanner fires inside that loop."""
        dialog = QFileDialog(parent, "Import photo")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        loop = QEventLoop()
        dialog.finished.connect(loop.quit)

        def scan_inside() -> None:
            seen["active"] = QApplication.activeModalWidget() is dialog
            scanner_burst(demo.gtin)
            seen["texts"] = shown_texts(dialog)
            seen["screen"] = page.current_screen()
            seen["records"] = records(services)
            dialog.reject()

        QTimer.singleShot(200, scan_inside)
        QTimer.singleShot(10_000, dialog.reject)  # never hang
        dialog.show()
        dialog.activateWindow()
        loop.exec()
        dialog.deleteLater()
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", file_dialog)
    inspection.camera.import_button.click()
    assert seen["active"] is True
    assert seen["records"] == before and records(services) == before, "the scan acted behind the dialog"
    assert seen["screen"] == INSPECT
    assert inspection.state is not None and inspection.state.verification is None
    assert REFUSED["en"] in seen["texts"]  # type: ignore[operator]


def test_a_camera_read_while_a_dialog_is_open_is_dropped_quietly(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    """The camera keeps reading what lies on the table while the inspector types a note: no message,
    no sound, and nothing behind the dialog; the extra-item dialog takes it like a scan."""
    page = window.intake_page
    demo = apparel_return(services)
    received_return(page, demo)
    before = records(services)
    page.return_screen.missing_button.click()
    dialog = open_dialog(qtbot, page)
    refused: list[object] = []
    window.hub.refused.connect(refused.append)
    window.hub.submit(ScanEvent(text=demo.gtin, source="camera", raw=demo.gtin))
    assert page.current_screen() == RETURN and records(services) == before
    assert not refused and REFUSED["en"] not in shown_texts(dialog)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    page.return_screen.extra_button.click()
    dialog = open_dialog(qtbot, page)
    window.hub.submit(ScanEvent(text=OTHER_PRODUCT, source="camera", raw=OTHER_PRODUCT))
    assert dialog.field.text() == f"Product {OTHER_PRODUCT}" and records(services) == before


def test_a_scan_while_the_dispute_dialog_is_open_leaves_the_review_page(
    qtbot: QtBot, services: Services, people: dict[str, UserInfo], inline: None
) -> None:
    """Behind the review's dispute dialog a parcel scan switched to the Intake page and opened that
    return; now the dialog refuses it and the review stays as it was."""
    without_camera(services)
    seed_demo(services.database, services.photos, services.station, returns=12, inspections=6, seed=11,
              now=NOW)
    with services.database.session() as session:
        tracking = session.scalars(select(Return.tracking_number).where(Return.tracking_number != "")).first()
    assert tracking
    window = MainWindow(services, people["BDG000002"], Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    wedge = WedgeKeyFilter(window.hub, WedgeConfig())
    wedge.install(QApplication.instance())
    try:
        window.show_page(REVIEW)
        page = window.review_page
        row = next(page.model.row_at(r) for r in range(page.model.rowCount()) if page.model.row_at(r).grade)
        page.open_inspection(row.inspection_id)
        dialog = page.open_dispute_dialog(OPEN)
        assert dialog is not None
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
        before = records(services)
        scanner_burst(tracking)
        assert window.current_page() == REVIEW, "the scan took the supervisor to the Intake page"
        assert window.intake_page.current_screen() == SCAN and records(services) == before
        assert dialog.isVisible() and REFUSED["en"] in shown_texts(dialog)
        dialog.reject()
    finally:
        wedge.uninstall(QApplication.instance())


def test_a_message_box_refuses_a_scan_too(
    qtbot: QtBot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any modal dialog, not only the station's own: a Qt message box (a grid layout, no message line).
    The refusal goes by itself after a few seconds (here 300 ms)."""
    monkeypatch.setattr(scan_input, "REFUSED_SHOWN_MS", 300)
    page = window.intake_page
    demo = apparel_return(services)
    received_return(page, demo)
    before = records(services)
    box = QMessageBox(QMessageBox.Icon.Question, "Return Inspector", "Close the dispute?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    box.open()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box, timeout=2000)
    scanner_burst(demo.gtin)
    assert page.current_screen() == RETURN and records(services) == before
    assert box.isVisible() and REFUSED["en"] in shown_texts(box)
    qtbot.waitUntil(lambda: REFUSED["en"] not in shown_texts(box), timeout=3000)
    box.reject()


def test_after_the_dialog_closes_the_next_scan_works_again(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = window.intake_page
    demo = apparel_return(services)
    received_return(page, demo)
    page.return_screen.missing_button.click()
    dialog = open_dialog(qtbot, page)
    scanner_burst(demo.gtin)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    before = records(services)
    scanner_burst(demo.gtin)  # now the return screen's: the line's inspection starts
    assert page.current_screen() == INSPECT and records(services)[1] == before[1] + 1



def test_a_badge_scanned_at_the_pin_prompt_is_taken_not_lost(
    qtbot: QtBot, services: Services, people: dict[str, UserInfo], inline: None
) -> None:
    """The PIN prompt (of a login or of a switch of user) takes a badge: the same one asks for the PIN,
    another person's starts over with that person. Before, the scan vanished without a word."""
    admin = ensure_admin(services)
    session = StationSession(services)
    session.start()
    login = session.login
    assert login is not None
    qtbot.addWidget(login)
    login.activateWindow()
    qtbot.waitUntil(login.badge_input.hasFocus, timeout=2000)
    scanner_burst("BDG000002")
    assert login.stack.currentIndex() == 1 and "Sam Supervisor" in login.pin_user_label.text()
    qtbot.waitUntil(login.pin_input.hasFocus, timeout=2000)
    scanner_burst("BDG000002")  # the same badge again: the PIN is what is missing
    assert login.stack.currentIndex() == 1 and "Sam Supervisor" in login.pin_message.text()
    assert login.pin_input.text() == "" and login.pin_input.hasFocus()
    scanner_burst(admin.badge_code)  # the wrong person stood at the station: the right one scans
    assert login.stack.currentIndex() == 1 and admin.name in login.pin_user_label.text()
    assert login.pin_input.text() == "" and not login.pin_message.text()
    session.shutdown()


def test_a_dialog_left_over_from_a_closed_window_does_not_take_the_scans(qtbot: QtBot) -> None:
    """Only the dialog the user sees takes a scan: a modal dialog still shown over a window that was
    closed (left over) does not swallow the station's scans; over a shown window it does."""
    hub = scan_input.ScanHub()
    scanned: list[str] = []
    hub.scanned.connect(lambda event: scanned.append(event.text))
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    dialog = QDialog(window)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog, timeout=2000)
    hub.submit(ScanEvent(text="8712345678906", source="wedge", raw="8712345678906"))
    assert scanned == []  # the dialog over the shown window: refused there
    window.hide()  # the window goes, its dialog is left behind
    hub.submit(ScanEvent(text="8712345678906", source="wedge", raw="8712345678906"))
    assert scanned == ["8712345678906"]
    dialog.close()
