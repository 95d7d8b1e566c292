"""The Reports page at 1024x768, 1366x768 and 1920x1080 in Dutch and English: the number tiles show
their whole captions and numbers (the tile of "Minutes scan to graded (median)" cut its last line at
1024x768) and the charts' legends stay clear of their titles and inside the chart."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspector.app import Services, build_services
from inspector.models import Role
from inspector.services.demo_data import seed_demo
from inspector.ui.application import install_translator
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import REPORTS, MainWindow
from inspector.ui.tasks import DatabaseWorker
from inspector.ui.text_fit import clipped_texts

SIZES = ((1920, 1080), (1366, 768), (1024, 768))
NOW = datetime(2026, 11, 20, 15, tzinfo=UTC)


@pytest.fixture
def station(styled_app: QApplication, inline: None, tmp_path: Path,
            request: pytest.FixtureRequest) -> Iterator[Services]:
    """A station with its default settings and demo data, in the language asked for."""
    install_translator(styled_app, request.param)
    services = build_services(tmp_path / "station")
    seed_demo(services.database, services.photos, services.station, returns=12, inspections=6, seed=11,
              now=NOW)
    yield services
    services.close()


def _reports(qtbot: QtBot, services: Services) -> MainWindow:
    """The Reports page, built, shown and sized at once (as on a station: the tiles were cut when no
    event was handled between building the window and giving it its screen's size)."""
    admin = next(u for u in services.users.active_users() if u.role is Role.ADMIN)
    main = MainWindow(services, admin, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(main)
    main.show()
    main.show_page(REPORTS)
    return main


def _resize(main: MainWindow, size: tuple[int, int]) -> None:
    for _ in range(2):  # as a user's window manager does: the size, then the layout settles
        main.resize(*size)
        QApplication.processEvents()


@pytest.mark.parametrize("station", ["nl", "en"], indirect=True)
@pytest.mark.parametrize("order", [tuple(reversed(SIZES)), SIZES], ids=["small first", "large first"])
def test_the_tiles_show_their_whole_texts(qtbot: QtBot, station: Services,
                                          order: tuple[tuple[int, int], ...]) -> None:
    reports = _reports(qtbot, station)
    problems = []
    for size in order:
        _resize(reports, size)
        problems += [f"{size}: {c}" for c in clipped_texts(reports)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("station", ["nl", "en"], indirect=True)
def test_the_chart_legends_stay_clear_of_the_titles(qtbot: QtBot, station: Services) -> None:
    reports = _reports(qtbot, station)
    page = reports.reports_page
    problems = []
    for size in SIZES:
        _resize(reports, size)
        for chart in (page.hourly_chart, page.grade_chart):
            title, entries = chart.header_rects()
            boxes = [title, *entries]
            if len(chart.names) > 1:
                assert len(entries) == len(chart.names)
            for n, box in enumerate(boxes):
                if not chart.rect().contains(box):
                    problems.append(f"{size} {chart.title}: {box} is outside the chart {chart.rect()}")
                problems += [f"{size} {chart.title}: {box} overlaps {other}" for other in boxes[n + 1:]
                             if box.intersects(other)]
            metrics = chart.fontMetrics()
            for name, entry in zip(chart.names if entries else [], entries, strict=True):
                shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, entry.width() - 16)
                if shown != name:
                    problems.append(f"{size} {chart.title}: legend {name!r} is shortened to {shown!r}")
    assert problems == [], "\n".join(problems)
