"""The review page on a small screen (issue 10, §3): in the real main window at 1024x768 and 1366x768,
in Dutch and English, the filters show their whole texts without covering each other, the results
table keeps at least 8 whole rows in view, and the date range, when the user picks "Between dates",
is as large and legible as the other fields.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QTableView, QWidget
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.models import Role
from inspector.services.demo_data import seed_demo
from inspector.ui.application import install_translator
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import REVIEW, MainWindow
from inspector.ui.review.filters import BETWEEN, ReviewFilters
from inspector.ui.tasks import DatabaseWorker
from inspector.ui.text_fit import clipped_texts
from tests.ui.station_helpers import without_camera

NOW = datetime(2026, 11, 20, 15, tzinfo=UTC)
MIN_ROWS = 8


def whole_rows(table: QTableView) -> int:
    """Rows the table shows from top to bottom without cutting them."""
    height = table.viewport().height()
    return sum(1 for row in range(table.model().rowCount())
               if table.rowViewportPosition(row) >= 0
               and table.rowViewportPosition(row) + table.rowHeight(row) <= height)


def shown_in_window(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def settle(window: QWidget, size: tuple[int, int]) -> None:
    window.resize(*size)
    for _pass in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_review_page_keeps_eight_rows_and_whole_filters_on_a_small_screen(
    qtbot: QtBot, services: Services, styled_app: QApplication, inline: None, language: str
) -> None:
    without_camera(services)
    seed_demo(services.database, services.photos, services.station, returns=40, inspections=16, seed=7,
              now=NOW)
    install_translator(styled_app, language)
    admin = next(u for u in services.users.active_users() if u.role is Role.ADMIN)  # every page in the menu
    main = MainWindow(services, admin, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(main)
    main.show()
    main.show_page(REVIEW)
    page = main.review_page
    filters = page.filters
    assert page.model.rowCount() >= MIN_ROWS
    fields = [filters.rma, filters.order, filters.tracking, filters.customer, filters.period]
    for size in ((1024, 768), (1366, 768)):
        settle(main, size)
        assert whole_rows(page.table) >= MIN_ROWS, (size, whole_rows(page.table))
        assert clipped_texts(main) == [], (size, [str(c) for c in clipped_texts(main)])
        buttons = [filters.search_button, filters.clear_button, filters.more_button]
        shown = [w for w in [*fields, *buttons] if w.isVisible()]
        for index, widget in enumerate(shown):  # no field drawn over another
            for other in shown[index + 1:]:
                overlap = shown_in_window(widget, main).intersected(shown_in_window(other, main))
                assert overlap.isEmpty(), (size, widget.objectName(), other.objectName(), overlap)

    # With "Show more" on show (more results than a page) the table keeps its 8 rows as well.
    page.page_size = 10
    page.search()
    for size in ((1024, 768), (1366, 768)):
        settle(main, size)
        assert page.more_button.isVisible()
        assert whole_rows(page.table) >= MIN_ROWS, ("show more", size, whole_rows(page.table))
        assert clipped_texts(main) == [], (size, [str(c) for c in clipped_texts(main)])

    # The date range shows only for "Between dates", enabled, as large as the text fields.
    settle(main, (1024, 768))
    assert not filters.date_from.isVisible() and not filters.date_until.isVisible()
    filters.period.setFocus()
    for _step in range(BETWEEN):
        qtbot.keyClick(filters.period, Qt.Key.Key_Down)
    assert filters.period.currentIndex() == BETWEEN
    settle(main, (1024, 768))
    for date in (filters.date_from, filters.date_until):
        assert date.isVisible() and date.isEnabled()
        assert date.font().pointSizeF() == filters.rma.font().pointSizeF()
        assert date.height() >= filters.rma.height() - 2
    assert clipped_texts(main) == [], [str(c) for c in clipped_texts(main)]

    # The other filters fold away behind "More filters"; the button says how many are set.
    assert not filters.grade.isVisible()
    qtbot.mouseClick(filters.more_button, Qt.MouseButton.LeftButton)
    settle(main, (1024, 768))
    assert all(c.isVisible() for c in (filters.grade, filters.station, filters.inspector, filters.flag))
    assert clipped_texts(main) == [], [str(c) for c in clipped_texts(main)]
    filters.grade.setCurrentIndex(1)
    qtbot.mouseClick(filters.more_button, Qt.MouseButton.LeftButton)
    assert not filters.grade.isVisible()
    assert "1" in filters.more_button.text()
    settle(main, (1024, 768))
    assert clipped_texts(main) == [], [str(c) for c in clipped_texts(main)]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_review_page_never_scrolls_as_a_whole(
    qtbot: QtBot, services: Services, styled_app: QApplication, inline: None, language: str
) -> None:
    """Results and detail fit the window at 1024x768 and 1366x768: their tables shrink, the page does
    not scroll (the detail's long evidence line made it 91 px taller than the window in Dutch)."""
    without_camera(services)
    seed_demo(services.database, services.photos, services.station, returns=20, inspections=6, seed=7,
              now=NOW)
    install_translator(styled_app, language)
    admin = next(u for u in services.users.active_users() if u.role is Role.ADMIN)
    main = MainWindow(services, admin, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(main)
    main.show()
    main.show_page(REVIEW)
    page = main.review_page
    scroller = page.parentWidget().parentWidget()
    assert isinstance(scroller, QScrollArea)
    for screen in ("results", "detail"):
        if screen == "detail":
            page.open_inspection(page.model.row_at(0).inspection_id)
            assert page.detail_view.isVisible()
        for size in ((1024, 768), (1366, 768)):
            settle(main, size)
            assert scroller.verticalScrollBar().maximum() == 0, (screen, size, page.height())
            assert clipped_texts(main) == [], (screen, size, [str(c) for c in clipped_texts(main)])


def test_tab_goes_through_the_filters_in_the_order_they_show(qtbot: QtBot, styled_app: QApplication) -> None:
    """Period, then "More filters" beside it; Space opens the folded filters and Tab goes on into them."""
    filters = ReviewFilters()
    qtbot.addWidget(filters)
    filters.resize(700, 400)
    filters.show()
    filters.activateWindow()
    filters.period.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is filters.period, timeout=3000)
    qtbot.keyClick(filters.period, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is filters.more_button
    qtbot.keyClick(filters.more_button, Qt.Key.Key_Space)
    assert filters.grade.isVisible()
    qtbot.keyClick(filters.more_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is filters.grade
