"""The inspection screen at 1024x768, 1366x768 and 1920x1080, in English and Dutch: every button and
label shows its whole text (font metrics against the widget's width), the camera panel does not
overlap the checklist, and the checklist shows at least four rows."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.models import Category
from inspector.ui.application import install_translator
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import MainWindow
from inspector.ui.pages.intake import INSPECT
from inspector.ui.tasks import DatabaseWorker
from tests.ui.test_station_flow_defects import open_item, seed

SIZES = ((1024, 768), (1366, 768), (1920, 1080))


def clipped(root: QWidget) -> list[str]:
    """Visible buttons and one-line labels under ``root`` whose text is wider than their room."""
    bad = []
    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root) and button.text():
            need = button.fontMetrics().horizontalAdvance(button.text()) + 8
            if need > button.contentsRect().width():
                bad.append(f"button {button.text()!r}: {need} > {button.contentsRect().width()}")
    for label in root.findChildren(QLabel):
        if label.isVisibleTo(root) and label.text() and not label.wordWrap() and "<" not in label.text():
            need = label.fontMetrics().horizontalAdvance(label.text())
            if need > label.contentsRect().width() + 1:
                bad.append(f"label {label.text()!r}: {need} > {label.contentsRect().width()}")
    return bad


def on_screen(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_inspection_screen_fits_three_screen_sizes(  # type: ignore[no-untyped-def]
    qtbot: QtBot, services: Services, people: dict, inline: None, language: str, tmp_path  # type: ignore[type-arg]
) -> None:
    from benchmarks.actions import table_video

    video = table_video(tmp_path / "table.avi")
    camera = replace(services.settings.camera, source=str(video))
    services.settings = replace(services.settings, camera=camera)
    seed(services)
    install_translator(QApplication.instance(), language)  # type: ignore[arg-type]
    user = replace(people["BDG000001"], language=language)
    window = MainWindow(services, user, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(window)
    window.show()
    page = window.intake_page
    open_item(page, services, Category.COSMETICS)  # the longest questions and help texts
    assert page.current_screen() == INSPECT
    window.resize(*SIZES[0])
    qtbot.wait(10)
    # the page gets the window less the page menu and the status bar (their sizes are the main window's)
    menu_width = window.pages.mapTo(window, window.pages.rect().topLeft()).x()
    status_height = window.statusBar().sizeHint().height()
    page.setParent(None)  # the other pages' own minimum widths are theirs to fit
    qtbot.addWidget(page)
    page.show()
    inspection = page.inspection
    try:
        for width, height in SIZES:
            page.resize(width - menu_width, height - status_height)
            qtbot.wait(20)
            problems = clipped(inspection)
            assert not problems, f"{width}x{height} {language}: {problems}"
            camera, checklist = on_screen(inspection.camera), on_screen(inspection.scroll)
            assert not camera.intersects(checklist), "the camera panel overlaps the checklist"
            row = min(w.height() for w in inspection.checklist.widgets.values()
                      if w.isVisible() and w.question.type == "yes_no")  # one question: text and keys
            viewport = inspection.scroll.viewport().height()
            assert viewport >= 4 * row, f"{width}x{height} {language}: {viewport} px < 4 rows of {row}"
    finally:
        page.close()
        window.close()
        window.stop_camera()
