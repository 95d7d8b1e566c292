"""The CI hang: a window left alive by an earlier test, a modal dialog nobody closes, no timeout.

A MainWindow built by the screenshot renderer on a temporary directory lived on after it was closed;
its 30 s status timer later ran ``refresh_status`` on a database that was gone, and the error went to a
modal ``dialog.exec()`` that nobody closed, while pytest-timeout never fired.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.services.users import UserInfo
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import MainWindow
from inspector.ui.screenshots import render_screenshots
from inspector.ui.tasks import DatabaseWorker

REPO = Path(__file__).resolve().parents[3]


def _main_windows() -> list[MainWindow]:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def test_screenshots_leave_no_window_or_timer_behind(
    services: Services, people: dict[str, UserInfo], tmp_path: Path
) -> None:
    before = set(map(id, _main_windows()))
    render_screenshots(services, tmp_path / "shots", sizes=((1024, 768),))  # one size says it (33 s for 3)
    QApplication.processEvents()
    left = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and id(w) not in before]
    assert left == [], f"the screenshot renderer left {len(left)} main window(s) alive"


def test_a_closed_main_window_stops_refreshing(
    qtbot: QtBot, services: Services, people: dict[str, UserInfo], inline: None
) -> None:
    window = MainWindow(services, people["BDG000001"], Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(window)
    window.show()
    window.close()
    assert not window._timer.isActive(), "the 30 s status timer keeps running after the window closed"


def test_a_background_refresh_on_a_vanished_database_reports_on_the_status_bar(
    qtbot: QtBot, services: Services, people: dict[str, UserInfo], inline: None, tmp_path: Path
) -> None:
    window = MainWindow(services, people["BDG000001"], Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(window)
    window.show()
    services.database.dispose()
    gone = services.paths.root.rename(tmp_path / "moved-away")
    try:
        window.refresh_status()  # a modal dialog here fails the test at once (tests/conftest.py)
        text = window.status.problem_label.text()
        assert "cannot be opened" in text and window.status.problem_label.isVisible()
    finally:
        gone.rename(services.paths.root)


def _run_pytest(tmp_path: Path, body: str, *extra: str) -> tuple[subprocess.CompletedProcess[str], float]:
    test_file = tmp_path / "test_inner.py"
    test_file.write_text(textwrap.dedent(body))
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(REPO),
         "-c", str(REPO / "pyproject.toml"), "--confcutdir", str(REPO / "tests"), *extra, str(test_file)],
        cwd=REPO, capture_output=True, text=True, timeout=240,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return result, time.monotonic() - started


@pytest.mark.slow
def test_a_modal_dialog_in_a_test_fails_it_at_once(tmp_path: Path) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    conftest = REPO / "tests" / "conftest.py"
    (inner / "conftest.py").write_text(conftest.read_text())
    result, took = _run_pytest(inner, """
        from PySide6.QtWidgets import QDialog, QMessageBox

        def test_exec(qtbot):
            QDialog().exec()

        def test_message_box(qtbot):
            QMessageBox.warning(None, "title", "text")
    """)
    assert "2 failed" in result.stdout, result.stdout + result.stderr
    assert "modal dialog" in result.stdout
    assert took < 60


@pytest.mark.slow
def test_the_test_timeout_fires_inside_a_qt_event_loop(tmp_path: Path) -> None:
    result, took = _run_pytest(tmp_path, """
        import pytest
        from PySide6.QtCore import QEventLoop

        @pytest.mark.timeout(3)
        def test_stuck(qtbot):
            QEventLoop().exec()  # waits for ever, like a dialog nobody closes
    """)
    assert result.returncode != 0
    assert "Timeout" in result.stdout + result.stderr
    assert took < 60
