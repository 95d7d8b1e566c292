"""The review screen's "Show more": further pages append, the last page hides it, a new search resets."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QThreadPool
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.models import Role
from inspector.models.database import DatabaseProblem
from inspector.services.access import COMMAND_LINE
from inspector.services.demo_data import seed_demo
from inspector.services.review import ReviewQuery, ReviewRow, ReviewService
from inspector.ui.pages.review import ReviewPage
from inspector.ui.review.table_model import CUSTOMER, FINISHED
from inspector.ui.tasks import DatabaseWorker

NOW = datetime(2026, 11, 20, 15, tzinfo=UTC)
PAGE = 10


@pytest.fixture
def seeded(services: Services) -> Services:
    """Between two and three pages of finished inspections."""
    seed_demo(services.database, services.photos, services.station,
              returns=40, inspections=25, seed=7, now=NOW)
    return services


def _everything(services: Services) -> list[uuid.UUID]:
    """Every finished inspection, newest first (as the database pages them)."""
    return [row.inspection_id for row in ReviewService(services.database,
        user=COMMAND_LINE).search(ReviewQuery(), limit=1000)]


def _page(qtbot: QtBot, services: Services) -> ReviewPage:
    user = next(u for u in services.users.active_users() if u.role is Role.SUPERVISOR)
    page = ReviewPage(services, user, DatabaseWorker(), page_size=PAGE)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == PAGE)
    return page


def _ids(page: ReviewPage) -> list[uuid.UUID]:
    return [row.inspection_id for row in page.model.rows()]


def _selected(page: ReviewPage) -> uuid.UUID | None:
    rows = page.table.selectionModel().selectedRows()
    return page.model.row_at(rows[0].row()).inspection_id if len(rows) == 1 else None


def _select(page: ReviewPage, row: int) -> None:
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    page.table.selectionModel().setCurrentIndex(page.model.index(row, 0), flags)


def _click_more(qtbot: QtBot, page: ReviewPage) -> None:
    assert page.more_button.isVisible() and page.more_button.isEnabled()
    qtbot.mouseClick(page.more_button, Qt.MouseButton.LeftButton)


def test_show_more_appends_pages_until_the_last(qtbot: QtBot, seeded: Services) -> None:
    everything = _everything(seeded)
    assert 2 * PAGE < len(everything) < 3 * PAGE
    page = _page(qtbot, seeded)
    assert page.more_button.isVisible() and page.more_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert page.more_button.height() >= 48
    assert page.count.text() == f"{PAGE} inspections shown"
    _select(page, 3)
    chosen = _selected(page)

    _click_more(qtbot, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2 * PAGE)
    assert _ids(page) == everything[: 2 * PAGE]
    assert _selected(page) == chosen
    assert page.count.text() == f"{2 * PAGE} inspections shown" and page.more_button.isVisible()

    page.more_button.setFocus()  # the keyboard works as well as the mouse
    qtbot.keyClick(page.more_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.model.rowCount() == len(everything))
    assert _ids(page) == everything and len(set(_ids(page))) == len(everything)
    assert not page.more_button.isVisible()
    assert page.count.text() == f"All {len(everything)} inspections shown"
    assert _selected(page) == chosen

    qtbot.mouseClick(page.filters.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == PAGE)
    assert _ids(page) == everything[:PAGE]
    assert page.more_button.isVisible() and page.count.text() == f"{PAGE} inspections shown"


def test_appended_rows_follow_the_header_sort(qtbot: QtBot, seeded: Services) -> None:
    page = _page(qtbot, seeded)
    page.table.sortByColumn(CUSTOMER, Qt.SortOrder.AscendingOrder)
    _select(page, PAGE - 1)
    chosen = _selected(page)
    _click_more(qtbot, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2 * PAGE)
    names = [row.customer_name.casefold() for row in page.model.rows()]
    assert names == sorted(names)
    assert len(set(_ids(page))) == 2 * PAGE
    assert _selected(page) == chosen  # the selection moved along with its row
    page.table.sortByColumn(FINISHED, Qt.SortOrder.DescendingOrder)
    assert _ids(page) == _everything(seeded)[: 2 * PAGE]


def _patch_search(monkeypatch: pytest.MonkeyPatch, page: ReviewPage,
                  later_pages: Callable[[Callable[..., list[ReviewRow]], tuple[Any, ...], dict[str, Any]],
                                        list[ReviewRow]]) -> None:
    """Let ``later_pages`` answer the searches for a next page (``after`` given)."""
    assert page.review is not None
    real = page.review.search

    def search(*args: Any, **kwargs: Any) -> list[ReviewRow]:
        if kwargs.get("after") is None:
            return real(*args, **kwargs)
        return later_pages(real, args, kwargs)

    monkeypatch.setattr(page.review, "search", search)


def test_a_failed_page_keeps_the_rows_and_shows_the_error(qtbot: QtBot, seeded: Services,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(qtbot, seeded)
    shown = _ids(page)

    def fail(*_: Any) -> list[ReviewRow]:
        raise DatabaseProblem("The disk is full. Free some space; nothing already saved is lost.")

    _patch_search(monkeypatch, page, fail)
    _click_more(qtbot, page)
    qtbot.waitUntil(lambda: page.message.kind == "error")
    assert "could not be loaded" in page.message.text() and "The disk is full" in page.message.text()
    assert _ids(page) == shown
    assert page.count.text() == f"{PAGE} inspections shown"
    monkeypatch.undo()  # trying again works
    _click_more(qtbot, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2 * PAGE)
    assert not page.message.isVisible()


def test_a_new_search_drops_a_page_still_on_its_way(qtbot: QtBot, seeded: Services,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(qtbot, seeded)
    release, asked = threading.Event(), threading.Event()

    def slow(real: Callable[..., list[ReviewRow]], args: tuple[Any, ...],
             kwargs: dict[str, Any]) -> list[ReviewRow]:
        asked.set()
        release.wait(10)
        return real(*args, **kwargs)

    _patch_search(monkeypatch, page, slow)
    _click_more(qtbot, page)
    qtbot.waitUntil(asked.is_set)
    assert "loading more" in page.count.text()
    qtbot.mouseClick(page.more_button, Qt.MouseButton.LeftButton)  # a second click waits for the first
    qtbot.mouseClick(page.filters.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.count.text() == f"{PAGE} inspections shown")
    release.set()
    assert QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)  # let the late answer arrive
    assert page.model.rowCount() == PAGE and page.more_button.isVisible()
