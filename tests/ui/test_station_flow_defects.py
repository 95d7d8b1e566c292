"""Issue 10's defects of the inspection screen, each driven with keys as an inspector meets it:
the resume list (1), the override dialog (2), Enter in a field (3), a field that opens (4), scrolling
(5) and messages that outlive their state (6)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.app import Services
from inspector.models import Category, Grade, Return, ReturnStatus, Role, User
from inspector.services.demo_data import seed_demo
from inspector.services.return_summary import ReturnSummary
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import MainWindow
from inspector.ui.pages.intake import INSPECT, IntakePage
from inspector.ui.tasks import DatabaseWorker
from tests.ui.station_helpers import without_camera


def seed(services: Services) -> None:
    """Thirty demo returns delivered lately (none late: a late one needs every photo)."""
    seed_demo(services.database, services.photos, services.station, returns=30, inspections=0, seed=1,
              now=datetime.now(UTC))


@pytest.fixture
def window(qtbot: QtBot, services: Services, people: dict, inline: None) -> Iterator[MainWindow]:  # type: ignore[type-arg]
    """The demo inspector's main window on 30 demo returns, camera off, tasks inline."""
    without_camera(services)
    seed(services)
    user = people["BDG000001"]
    main = MainWindow(services, user, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    yield main
    main.close()


def summary_with(services: Services, category: Category, skip: int = 0) -> ReturnSummary:
    """An announced demo return with a line of ``category``."""
    with services.database.session() as session:
        rows = session.scalars(
            select(Return).where(Return.status == ReturnStatus.ANNOUNCED).order_by(Return.rma_number)
        ).all()
        ids = [r.id for r in rows if any(line.category is category for line in r.lines)]
    summaries = [services.intake.get(i) for i in ids]
    return [s for s in summaries if not s.late][skip]


def open_item(page: IntakePage, services: Services, category: Category, skip: int = 0) -> None:
    """Receive a return with a ``category`` line and open that line's inspection, verified by its scan."""
    summary = summary_with(services, category, skip)
    user = page.bench.user
    services.intake.receive_parcel(
        return_id=summary.id, scanned_code=summary.rma_number, user_id=user.id, box_condition="intact"
    )
    summary = services.intake.get(summary.id)
    line = next(line for line in summary.lines if line.category == category)
    page.open_return(summary, ())
    page.actions.inspect(line)
    assert page.current_screen() == INSPECT
    page.hub.submit_typed(line.gtin)
    assert page.inspection.verify_label.property("kind") == "ok"


def press(qtbot: QtBot, *keys: Qt.Key | str) -> None:
    for key in keys:
        qtbot.keyClick(QApplication.focusWidget(), key)


def focused_question(page: IntakePage) -> str:
    widget = QApplication.focusWidget()
    return next((qid for qid, w in page.inspection.checklist.widgets.items() if w.isAncestorOf(widget)), "")


def jpeg(colour: str = "navy") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def photo_file(services: Services, colour: str = "navy"):  # type: ignore[no-untyped-def]
    path = services.paths.root / f"{colour}.jpg"
    path.write_bytes(jpeg(colour))
    return path


# --- 3: Enter in a field confirms the field -----------------------------------------------------------


def test_enter_in_a_text_field_confirms_it_and_moves_on(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = window.intake_page
    open_item(page, services, Category.COSMETICS)
    checklist = page.inspection.checklist
    checklist.widgets["batch_code"].focus_input()
    press(qtbot, *"L24B001", Qt.Key.Key_Return)
    assert page.current_screen() == INSPECT
    assert checklist.widgets["batch_code"].value == "L24B001"
    assert page.inspection.message.isHidden(), page.inspection.message.text()
    assert focused_question(page) not in ("", "batch_code"), "the focus moved on to an open question"
    assert page.inspection.state is not None
    assert services.inspections.get(page.inspection.state.id).answers["batch_code"] == "L24B001"
    page.inspection.notes.setFocus()
    press(qtbot, *"box dented", Qt.Key.Key_Return)  # the supervisor's notes: Enter confirms them too
    assert page.current_screen() == INSPECT and page.inspection.message.isHidden()
    assert services.inspections.get(page.inspection.state.id).notes == "box dented"


# --- 4: a field an answer opens does not take the answer keys -------------------------------------------


def test_a_field_that_an_answer_opens_does_not_take_the_next_keys(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = window.intake_page
    open_item(page, services, Category.COSMETICS)
    checklist = page.inspection.checklist
    checklist.widgets["has_expiry"].focus_input()
    press(qtbot, "Y")  # "an expiry date is printed": the date field opens
    assert checklist.widgets["expiry_date"].isVisibleTo(checklist)
    press(qtbot, "N", "1")  # not leaking, genuine
    assert checklist.widgets["expiry_date"].editor.text() == ""
    assert checklist.widgets["leaking"].value is False
    assert checklist.widgets["authenticity"].value == "genuine"


# --- 5: the focused question is in view, a new item starts at the top ----------------------------------


def test_the_checklist_scrolls_to_the_focused_question_and_a_new_item_starts_at_the_top(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    window.resize(1024, 768)
    page = window.intake_page
    open_item(page, services, Category.APPAREL)
    inspection = page.inspection
    press(qtbot, *"1NNNNNN")  # tags attached, then "no" down the list of yes/no questions
    assert inspection.scroll.verticalScrollBar().value() > 0
    assert in_view(inspection, focused_question(page)), "the focused question is in view"
    page.open_return(page.return_screen.summary, None)
    open_item(page, services, Category.APPAREL, skip=1)
    first_open = focused_question(page)
    assert first_open == "tags" and in_view(inspection, first_open)
    top = inspection.checklist.widgets[first_open].mapTo(inspection.scroll.widget(), QPoint(0, 0)).y()
    assert inspection.scroll.verticalScrollBar().value() <= top, "scrolled no further than the first open one"


def in_view(inspection, question_id: str) -> bool:  # type: ignore[no-untyped-def]
    widget = inspection.checklist.widgets[question_id]
    viewport = inspection.scroll.viewport()
    top = widget.mapTo(viewport, QPoint(0, 0)).y()
    return top >= 0 and top + widget.height() <= viewport.height()


# --- 6: a message belongs to the state it describes ----------------------------------------------------


def test_messages_go_when_the_state_they_describe_is_over(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = window.intake_page
    open_item(page, services, Category.APPAREL)
    inspection = page.inspection
    page.hub.submit_typed("XYZ-123")
    assert "not a product barcode" in inspection.message.text()
    inspection.checklist.focus_next()
    press(qtbot, "1")  # the next answer: the wrong scan is history
    assert inspection.message.isHidden()
    press(qtbot, "A")
    press(qtbot, Qt.Key.Key_Return)  # finish without the photo
    assert "Not complete" in inspection.message.text() and inspection.message.isVisible()
    inspection.camera.import_path(photo_file(services))
    assert inspection.assessment is not None and inspection.assessment.complete
    assert inspection.message.isHidden(), inspection.message.text()


# --- 2: the override dialog ----------------------------------------------------------------------------


def test_the_override_dialog_refuses_early_keeps_what_was_typed_and_returns_the_focus(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = window.intake_page
    open_item(page, services, Category.APPAREL)
    inspection = page.inspection
    press(qtbot, "A")
    inspection.camera.import_path(photo_file(services))  # the one photo a restock needs
    assert inspection.assessment is not None and inspection.assessment.complete
    inspection.grading.other_button.click()
    dialog = inspection.grading.dialog
    assert dialog is not None
    qtbot.keyClick(dialog.group.checkedButton(), "3")  # liquidate: the full set of photos is needed
    assert "Size and care label" in dialog.message.text(), "refused before the reason is typed"
    assert dialog.message.height() >= dialog.message.heightForWidth(dialog.message.width())
    chosen = dialog.group.checkedButton()
    other = dialog.group.button(0)
    assert chosen.grab().toImage().pixelColor(6, chosen.height() // 2) != other.grab().toImage().pixelColor(
        6, other.height() // 2
    ), "the chosen grade is highlighted"
    qtbot.keyClicks(dialog.reason, "seam torn at the back")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.isVisible() and page.current_screen() == INSPECT
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert inspection.isAncestorOf(QApplication.focusWidget()), "the keys work again without a click"
    assert inspection.camera.tag == "label", "Space takes the photo the chosen grade still needs"
    inspection.camera.import_path(photo_file(services, "white"))
    inspection.grading.other_button.click()
    dialog = inspection.grading.dialog
    assert dialog.grade is Grade.LIQUIDATE and dialog.reason.text() == "seam torn at the back"
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert page.current_screen() != INSPECT
    assert inspection.isVisible() is False


# --- 1: resume lists exactly the open inspections -----------------------------------------------------


def test_resume_lists_exactly_the_open_inspections_newest_first_and_never_defaults_to_someone_elses(
    qtbot: QtBot, services: Services, people: dict, inline: None  # type: ignore[type-arg]
) -> None:
    without_camera(services)
    seed(services)
    me, supervisor = people["BDG000001"], people["BDG000002"]
    with services.database.session() as session:
        session.add(User(name="Otto Other", badge_code="BDG000777", role=Role.INSPECTOR))
    other = next(u for u in services.users.active_users() if u.badge_code == "BDG000777")
    started = []
    for skip, who in ((0, me), (1, other), (2, me), (3, me)):
        summary = summary_with(services, Category.APPAREL, skip)
        line = next(line for line in summary.lines if line.category == Category.APPAREL)
        state = services.inspections.start(
            return_id=summary.id, line_id=line.id, user_id=who.id, checklist_id="apparel", checklist_version=2
        )
        started.append((state, summary))
    finished = started[3][0]
    services.inspections.verify_manually(finished.id, "label torn off", supervisor.id)
    services.inspections.accept_expected(finished.id, supervisor.id)
    services.inspections.add_photo(finished.id, jpeg(), "front", supervisor.id)
    services.grading.finish(finished.id, Grade.RESTOCK, "", supervisor.id)
    services.inspections.answer(started[0][0].id, "tags", "attached", me.id)  # the oldest, worked on last
    listed = [state.id for state in services.inspections.open_inspections()]
    assert listed == [started[0][0].id, started[2][0].id, started[1][0].id]

    main = MainWindow(services, me, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(main)
    main.show()
    offer = main.intake_page.resume_offer
    assert len(offer.buttons) == 3 and offer.isVisibleTo(main)
    assert "Otto Other" in offer.buttons[2].text() and "Otto Other" not in offer.buttons[0].text()
    assert main.focusWidget() is offer.buttons[0]
    assert not offer.buttons[2].autoDefault()
    # the newest is finished meanwhile by another path: choosing it does not reopen it
    state, _summary = started[0]
    services.inspections.accept_expected(state.id, me.id)
    services.inspections.verify_manually(state.id, "label torn off", me.id)
    services.inspections.add_photo(state.id, jpeg("white"), "front", me.id)
    services.grading.finish(state.id, Grade.RESTOCK, "", me.id)
    offer.buttons[0].click()
    assert main.intake_page.current_screen() != INSPECT
    assert len(offer.buttons) == 2 and all("RMA" in b.text() for b in offer.buttons)
    main.close()
