"""The station on a small screen (issue 10, §3): at 1024x768 the navigation leaves the pages their
width, the return screen shows a return's lines without scrolling sideways, and the review detail
shows every tab; at 1366x768 too, in Dutch and English, with every text whole.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from inspector.app import Services
from inspector.models import Return, ReturnLine, Role
from inspector.services.demo_data import seed_demo
from inspector.ui.application import install_translator
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import INTAKE, REVIEW, MainWindow
from inspector.ui.review.detail_view import DetailView
from inspector.ui.station.intake_screens import INSPECT, RETURN
from inspector.ui.tasks import DatabaseWorker
from inspector.ui.text_fit import clipped_texts
from tests.ui.station_helpers import NOW, without_camera

SMALL = (1024, 768)
LAPTOP = (1366, 768)


def settle(window: MainWindow, size: tuple[int, int]) -> None:
    window.resize(*size)
    for _pass in range(3):  # nested layouts settle over a few passes of the event loop
        QApplication.processEvents()


@pytest.fixture
def main(qtbot: QtBot, services: Services, styled_app: QApplication, inline: None,
         request: pytest.FixtureRequest) -> Iterator[MainWindow]:
    """An administrator's main window (every page) on 40 demo returns, in the test's language."""
    without_camera(services)
    seed_demo(services.database, services.photos, services.station, returns=40, inspections=6, seed=11,
              now=NOW)
    install_translator(styled_app, request.node.callspec.params["language"])
    admin = next(u for u in services.users.active_users() if u.role is Role.ADMIN)
    window = MainWindow(services, admin, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def biggest_return(services: Services) -> str:
    """The RMA of the demo return with the most lines."""
    with services.database.session() as session:
        return_id, lines = session.execute(
            select(ReturnLine.return_id, func.count()).group_by(ReturnLine.return_id)
            .order_by(func.count().desc(), ReturnLine.return_id)
        ).first()
        assert lines >= 4, "the demo data has no return with four lines"
        return session.get(Return, return_id).rma_number


def rows_in_view(table: QTableWidget) -> int:
    """How many rows the table shows whole, without scrolling."""
    room = table.viewport().height()
    return sum(1 for row in range(table.rowCount())
               if table.rowViewportPosition(row) >= 0
               and table.rowViewportPosition(row) + table.rowHeight(row) <= room)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_navigation_is_narrow_on_a_small_screen(main: MainWindow, language: str) -> None:
    settle(main, SMALL)
    nav = main.nav_buttons[0].parentWidget()
    assert nav.width() <= 200, f"the navigation takes {nav.width()} of 1024 px"
    assert [str(c) for c in clipped_texts(main)] == []
    for index, button in enumerate(main.nav_buttons):
        if button.isVisible():
            assert f"F{index + 1}" in button.text()  # the key is still on the button
            assert button.height() >= 52  # still a big target
    settle(main, (1920, 1080))  # a big screen keeps the roomy navigation
    assert "\n" not in main.nav_buttons[0].text()
    assert [str(c) for c in clipped_texts(main)] == []


@pytest.mark.parametrize("size", [SMALL, LAPTOP], ids=["1024", "1366"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_return_screen_shows_four_lines_without_scrolling(
    qtbot: QtBot, main: MainWindow, services: Services, language: str, size: tuple[int, int]
) -> None:
    settle(main, size)
    page = main.intake_page
    page.open_return(services.intake.search(rma=biggest_return(services))[0])
    settle(main, size)
    screen = page.return_screen
    assert screen.receive_box.isVisible()
    table = screen.table
    # The receive buttons above the lines leave room for four of them too.
    assert rows_in_view(table) >= 4, f"before receiving {rows_in_view(table)} lines in view"
    assert not table.horizontalScrollBar().isVisible()
    assert [str(c) for c in clipped_texts(main)] == []
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # the box is intact: receive it
    settle(main, size)
    assert screen.receive_box.isHidden()
    assert table.rowCount() >= 4
    assert not table.horizontalScrollBar().isVisible(), "the lines scroll sideways"
    assert rows_in_view(table) >= 4, f"{rows_in_view(table)} of {table.rowCount()} lines in view"
    assert main.pages.currentWidget().verticalScrollBar().maximum() == 0, "the page scrolls"
    assert [str(c) for c in clipped_texts(main)] == []
    line = screen.selected_line()
    assert line is not None and line.sku in table.item(table.currentRow(), 0).toolTip()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter inspects the selected line
    assert page.current_screen() == INSPECT
    assert main.current_page() == INTAKE and page.current_screen() != RETURN


@pytest.mark.parametrize("size", [SMALL, LAPTOP], ids=["1024", "1366"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_review_detail_tab_is_in_view(main: MainWindow, language: str, size: tuple[int, int]) -> None:
    settle(main, size)
    main.show_page(REVIEW)
    review = main.review_page
    review.open_inspection(review.model.row_at(0).inspection_id)
    settle(main, size)
    bar = main.review_page.detail_view.tabs.tabBar()
    assert bar.count() == 6
    hidden = [bar.tabText(i) for i in range(bar.count()) if bar.tabRect(i).right() >= bar.width()]
    assert hidden == [], f"tabs behind the scroll arrows: {hidden} (bar {bar.width()} px)"
    assert [str(c) for c in clipped_texts(main)] == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_tabs_too_wide_with_their_counts_show_them_in_the_tool_tip(
    qtbot: QtBot, main: MainWindow, language: str
) -> None:
    main.show_page(REVIEW)
    review = main.review_page
    review.open_inspection(review.model.row_at(0).inspection_id)
    narrow = DetailView(can_dispute=True)
    qtbot.addWidget(narrow)
    narrow.show_detail(review.detail_view.detail)
    narrow.resize(640, 500)
    narrow.show()
    QApplication.processEvents()
    bar = narrow.tabs.tabBar()
    assert [bar.tabText(i) for i in range(bar.count()) if bar.tabRect(i).right() >= bar.width()] == []
    events = len(review.detail_view.detail.timeline)
    assert f"({events})" not in bar.tabText(3) and f"({events})" in bar.tabToolTip(3)
    narrow.resize(1400, 500)  # room again: the counts come back
    QApplication.processEvents()
    assert f"({events})" in bar.tabText(3)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_an_inspectors_navigation_is_as_narrow_as_their_one_page(
    qtbot: QtBot, main: MainWindow, services: Services, language: str
) -> None:
    inspector = next(u for u in services.users.active_users() if u.role is Role.INSPECTOR)
    station = MainWindow(services, inspector, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(station)
    station.show()
    for size in (SMALL, LAPTOP):
        settle(main, size)
        settle(station, size)
        nav = station.nav_buttons[0].parentWidget()
        assert nav.width() < main.nav_buttons[0].parentWidget().width()  # not as wide as "Settings"
        assert [str(c) for c in clipped_texts(station)] == []
    station.close()


@pytest.mark.parametrize("language", ["nl"])
def test_tab_goes_from_the_lines_to_every_button_of_the_return(
    qtbot: QtBot, main: MainWindow, services: Services, language: str
) -> None:
    """Keys only: from the lines, Tab reaches "Mark missing…" and "Add extra item…" (it went round the
    table's cells for ever)."""
    settle(main, LAPTOP)
    page = main.intake_page
    page.open_return(services.intake.search(rma=biggest_return(services))[0])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # the box is intact: receive it
    settle(main, LAPTOP)
    screen = page.return_screen
    screen.table.setFocus()
    reached = set()
    for _press in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.add(QApplication.focusWidget())
    assert {screen.missing_button, screen.extra_button} <= reached, "Tab stays in the lines"
