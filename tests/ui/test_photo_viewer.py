"""The photo viewer by keyboard: zoom to 400 %, fit, next and previous, side by side, full screen."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from inspector.app import Services
from inspector.models import Photo
from inspector.services.access import COMMAND_LINE
from inspector.services.demo_data import seed_demo
from inspector.services.inspection_detail import load_detail
from inspector.ui.review.photo_viewer import MAX_ZOOM, PhotoViewer


@pytest.fixture
def viewer(qtbot: QtBot, services: Services) -> PhotoViewer:
    seed_demo(services.database, services.photos, services.station, returns=20, inspections=8, seed=2,
              now=datetime(2026, 11, 20, 15, tzinfo=UTC))
    with services.database.session() as session:
        inspection_id = session.scalars(
            select(Photo.inspection_id).group_by(Photo.inspection_id).having(func.count() >= 2)).first()
    detail = load_detail(services.database, services.photos, services.templates, inspection_id,
        user=COMMAND_LINE)  # type: ignore[arg-type]
    shown = PhotoViewer(detail.photos)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_zoom_with_keys_up_to_400_percent_and_back_to_fit(qtbot: QtBot, viewer: PhotoViewer) -> None:
    fitted = viewer.zoom
    qtbot.keyClick(viewer, Qt.Key.Key_Plus)
    assert viewer.zoom == pytest.approx(fitted * 1.25)
    for _ in range(30):
        qtbot.keyClick(viewer, Qt.Key.Key_Plus)
    assert viewer.zoom == pytest.approx(MAX_ZOOM)
    assert "400 %" in viewer.zoom_label.text()
    assert viewer.panes[0].horizontalScrollBar().maximum() > 0  # zoomed in: there is something to pan
    qtbot.keyClick(viewer, Qt.Key.Key_Minus)
    assert viewer.zoom == pytest.approx(MAX_ZOOM / 1.25)
    qtbot.keyClick(viewer, Qt.Key.Key_1)
    assert viewer.zoom == pytest.approx(1.0)
    qtbot.keyClick(viewer, Qt.Key.Key_0)
    assert viewer.panes[0].fitting and viewer.zoom == pytest.approx(fitted)


def test_navigate_side_by_side_full_screen_and_escape(qtbot: QtBot, viewer: PhotoViewer) -> None:
    count = len(viewer.photos)
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.index == 1
    qtbot.keyClick(viewer, Qt.Key.Key_Left)
    qtbot.keyClick(viewer, Qt.Key.Key_Left)
    assert viewer.index == count - 1
    assert viewer.panes[0].isVisible() and not viewer.panes[1].isVisible()
    qtbot.keyClick(viewer, Qt.Key.Key_S)
    assert viewer.side_by_side and viewer.panes[1].isVisible()
    assert viewer.captions[1].text().startswith("Photo 1 of")
    qtbot.keyClick(viewer, Qt.Key.Key_Plus)
    assert viewer.panes[0].zoom == pytest.approx(viewer.panes[1].zoom)
    qtbot.keyClick(viewer, Qt.Key.Key_F)
    assert viewer.isFullScreen()
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isFullScreen() and viewer.isVisible()
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()
