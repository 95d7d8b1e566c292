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
