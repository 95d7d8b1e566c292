"""The camera panel's shot chooser shows its longest shot name whole at 1366x768 and
1920x1080 (Dutch '! Voorkant, plat neergelegd' was cut at 1920; at 1024 it still is, see SIZES)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.models import Category
from inspector.ui.application import install_translator
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import MainWindow
from inspector.ui.tasks import DatabaseWorker
from inspector.ui.text_fit import clipped_texts
from tests.ui.station_helpers import without_camera
from tests.ui.test_station_flow_defects import open_item, seed

# At 1024x768 the camera column (at most 300 px) cannot hold the longest Dutch names (311 px of text): a
# known limit, the chooser shows the start of the name.
SIZES = ((1366, 768), (1920, 1080))


def test_the_longest_shot_name_is_whole_at_every_size(  # type: ignore[no-untyped-def]
    qtbot: QtBot, services: Services, people: dict, inline: None  # type: ignore[type-arg]
) -> None:
    without_camera(services)
    seed(services)
    install_translator(QApplication.instance(), "nl")  # type: ignore[arg-type]
    user = replace(people["BDG000001"], language="nl")
    window = MainWindow(services, user, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(window)
    window.show()
    open_item(window.intake_page, services, Category.APPAREL)
    box = window.intake_page.inspection.camera.tag_box
    longest = max(range(box.count()), key=lambda i: box.fontMetrics().horizontalAdvance(box.itemText(i)))
    box.setCurrentIndex(longest)
    problems = []
    try:
        for size in SIZES:
            window.resize(*size)
            qtbot.wait(20)
            problems += [f"{size}: {c}" for c in clipped_texts(window) if "QComboBox" in str(c)]
            if window.width() > size[0]:
                problems.append(f"{size}: window {window.width()} px wide")
    finally:
        window.close()
    assert problems == [], "\n".join(problems)
