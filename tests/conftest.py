"""Fixtures shared by every test: an isolated data directory and a fresh station."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt tests run offscreen; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Fault injection (INSPECTOR_SYNC_FAULT) works only in the test suite: subprocesses inherit this.
os.environ["INSPECTOR_TEST_SUITE"] = "1"

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the user's real data directory and settings."""
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path_factory.mktemp("default-data")))
    monkeypatch.delenv("INSPECTOR_CENTRAL_URL", raising=False)
    monkeypatch.delenv("INSPECTOR_LANGUAGE", raising=False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh, empty data directory."""
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def services(data_dir: Path) -> Iterator[object]:
    """The application's services on a fresh, migrated database."""
    from inspector.app import build_services

    built = build_services(data_dir)
    try:
        yield built
    finally:
        built.close()


class ModalDialogInTest(AssertionError):
    """A test opened a modal dialog: nobody would ever close it, so the run would hang."""


_MODAL_CALLS = {
    "QDialog": ("exec", "exec_"),
    "QMessageBox": ("exec", "exec_", "information", "warning", "critical", "question", "about"),
    "QFileDialog": ("exec", "exec_", "getOpenFileName", "getOpenFileNames", "getSaveFileName",
                    "getExistingDirectory"),
    "QInputDialog": ("exec", "exec_", "getText", "getInt", "getDouble", "getItem", "getMultiLineText"),
    "QColorDialog": ("exec", "getColor"),
    "QFontDialog": ("exec", "getFont"),
    "QProgressDialog": ("exec",),
    "QErrorMessage": ("exec",),
}


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A modal dialog during a test fails the test at once (instead of waiting for ever).

    Tests that answer a file dialog replace it with their own ``monkeypatch.setattr``, which wins.
    """
    import sys

    if "PySide6.QtWidgets" not in sys.modules and "PySide6" not in sys.modules:
        yield
        return
    from PySide6 import QtPrintSupport, QtWidgets

    opened: list[str] = []

    def refuse(name: str):  # type: ignore[no-untyped-def]
        def modal(*args: object, **kwargs: object) -> None:
            opened.append(name)
            raise ModalDialogInTest(f"the test opened a modal dialog ({name}); nobody would close it")

        return modal

    classes = {name: getattr(QtWidgets, name) for name in _MODAL_CALLS}
    classes["QPrintDialog"] = QtPrintSupport.QPrintDialog
    for class_name, cls in classes.items():
        for method in _MODAL_CALLS.get(class_name, ("exec",)):
            if hasattr(cls, method):
                monkeypatch.setattr(cls, method, refuse(f"{class_name}.{method}"))
    yield
    assert not opened, f"the test opened a modal dialog: {', '.join(opened)}"
    errors = sys.modules.get("inspector.ui.errors")
    if errors is not None and QtWidgets.QApplication.instance() is not None:
        shown = [w for w in QtWidgets.QApplication.topLevelWidgets()
                 if isinstance(w, errors.ErrorDialog) and w.isVisible()]
        for dialog in shown:
            dialog.close()
        assert not shown, f"an error dialog was left open: {[d.message_label.text() for d in shown]}"
