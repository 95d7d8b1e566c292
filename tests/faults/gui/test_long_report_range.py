"""A report over a long range asks first in the GUI (issue 13, §4).

The preview used to count any range as soon as the dates changed (a mistyped year made a century).
Over :data:`LONG_PERIOD_DAYS` days the page says how long the period is and counts only when the user
presses "Count anyway" (an inline question on the message line, not a modal dialog); Export asks the
same before the file dialog.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.ui.pages.reports import ReportsPage
from tests.ui.conftest import ensure_admin


def test_a_century_asks_before_it_is_counted(services: Services, qtbot: QtBot, inline: None,
                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = ReportsPage(services, user=ensure_admin(services))
    qtbot.addWidget(page)
    page.show()
    previews: list[object] = []
    page.preview_ready.connect(previews.append)
    dialogs: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: dialogs.append(args) or (str(tmp_path / "r.csv"), ""))
    page.set_period(date(1926, 1, 1), date(2026, 3, 30))
    assert page.selected_period() == (date(1926, 1, 1), date(2026, 3, 30))
    page.refresh_preview()  # what the dates' timer does
    assert previews == []
    assert "36,614 days" in page.message.text() and page.long_range_button.isVisible()
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert dialogs == [] and page.long_range_button.isVisible()  # Export asks the same first
    page.long_range_button.setFocus()
    qtbot.keyClick(page.long_range_button, Qt.Key.Key_Space)
    assert len(previews) == 1 and not page.long_range_button.isVisible()
    assert previews[0].daily_complete is False  # type: ignore[attr-defined]
    with qtbot.waitSignal(page.export_finished, timeout=20_000):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert len(dialogs) == 1 and (tmp_path / "r.csv").exists()
    page.set_period(date(2026, 1, 1), date(2026, 3, 30))  # a quarter: counted at once
    page.refresh_preview()
    assert len(previews) == 2 and not page.long_range_button.isVisible()
