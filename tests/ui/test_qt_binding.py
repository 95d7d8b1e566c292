"""The Qt binding must keep Python's reference counts right: the station runs for days."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit


def test_calls_returning_nothing_leave_the_reference_count_of_none_alone(qtbot) -> None:  # type: ignore[no-untyped-def]
    """PySide6 6.12.0 drops one reference to None per such call; on Python 3.11 the app then aborts
    with "deallocating None" after some 50,000 calls (an hour of camera preview or typing)."""
    timer, field = QTimer(), QLineEdit()
    qtbot.addWidget(field)
    before = sys.getrefcount(None)
    for _ in range(5000):
        timer.start(50)
        field.update()
    timer.stop()
    assert before - sys.getrefcount(None) < 100, "this PySide6 version leaks references to None"
