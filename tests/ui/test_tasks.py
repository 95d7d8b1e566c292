"""Background tasks deliver their results on the GUI thread, and never to a widget already deleted."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QLabel

from inspector.ui.tasks import run_task


def test_a_result_arriving_after_its_page_was_closed_is_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    label = QLabel()
    delivered: list[object] = []

    def slow() -> str:
        assert release.wait(10), "the test never released the background function"
        return "late"

    def show(value: object) -> None:
        delivered.append(value)
        label.setText(str(value))  # would raise "Internal C++ object already deleted"

    task = run_task(slow, on_done=show, owner=label)
    finished: list[bool] = []
    task.finished.connect(lambda: finished.append(True))  # before release: the function still waits
    shiboken6.delete(label)
    release.set()
    qtbot.waitUntil(lambda: bool(finished), timeout=10_000)
    assert delivered == []


def test_a_result_reaches_a_living_owner(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    qtbot.addWidget(label)
    run_task(lambda: "on time", on_done=label.setText, owner=label)
    qtbot.waitUntil(lambda: label.text() == "on time", timeout=10_000)
