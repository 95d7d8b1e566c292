"""Fixtures for the GUI tests: offscreen Qt, a fresh station database, users, English by default."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QtMsgType
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from inspector.app import Services, build_services
from inspector.models import Role, User
from inspector.services.users import UserInfo, hash_pin
from inspector.ui.application import create_qapp, install_translator
from inspector.ui.session import StationSession
from inspector.ui.tasks import inline_tasks

# Qt messages that say something about the machine, not about our code.
ENVIRONMENT_MESSAGES = re.compile(r"^(This plugin does not support propagateSizeHints|QFont::)")


@pytest.fixture(autouse=True)
def styled_app(qapp: QApplication) -> Iterator[QApplication]:
    """The test QApplication with our stylesheet, in English unless a test switches."""
    app = create_qapp()
    install_translator(app, "en")
    yield app
    install_translator(app, "en")


@pytest.fixture(autouse=True)
def no_qt_warnings(qtlog: object) -> Iterator[None]:
    """A Qt warning logged during a test fails it (as qutebrowser's qt_log_level_fail does)."""
    yield
    bad = [
        record.message
        for record in qtlog.records  # type: ignore[attr-defined]
        if record.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        and not ENVIRONMENT_MESSAGES.match(record.message)
    ]
    assert not bad, f"Qt logged warnings: {bad}"


@pytest.fixture(autouse=True)
def modal_dialogs_closed() -> Iterator[None]:
    """A modal dialog a test leaves open is closed after it: shown, it would take the next tests'
    scans on the same xdist worker (the ScanHub gives a scan to the dialog the user sees)."""
    yield
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget.isModal():
            widget.close()


@pytest.fixture(autouse=True)
def sessions_shut_down(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every station session a test starts is shut down after it, passed or failed.

    A session left running keeps its keyboard-wedge filter on the application (which outlives the
    test): it takes the next tests' fast keys as scanner bursts, holds them and routes its scans to a
    deleted login window, so later tests on the same xdist worker fail at random."""
    if "services" in request.fixturenames:
        request.getfixturevalue("services")  # set up first, so closed only after the sessions stop
    started: list[StationSession] = []
    start = StationSession.start

    def recorded_start(session: StationSession) -> None:
        if all(session is not other for other in started):
            started.append(session)
        start(session)

    monkeypatch.setattr(StationSession, "start", recorded_start)
    yield
    for session in started:
        session.shutdown()
    QApplication.processEvents()


@pytest.fixture
def services(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Services]:
    """Real services on a fresh SQLite database in a temporary data directory (sounds off)."""
    monkeypatch.delenv("INSPECTOR_CENTRAL_URL", raising=False)
    monkeypatch.delenv("INSPECTOR_LANGUAGE", raising=False)
    built = build_services(tmp_path / "data")
    built.settings = replace(built.settings, sounds=False, language="en")
    yield built
    built.close()


@pytest.fixture
def people(services: Services) -> dict[str, UserInfo]:
    """An inspector (badge BDG000001) and a supervisor (BDG000002, PIN 1234)."""
    with services.database.session() as session:
        session.add(User(name="Ilse Inspector", badge_code="BDG000001", role=Role.INSPECTOR))
        session.add(
            User(
                name="Sam Supervisor", badge_code="BDG000002", role=Role.SUPERVISOR, pin_hash=hash_pin("1234")
            )
        )
    return {user.badge_code: user for user in services.users.active_users()}


def ensure_admin(services: Services) -> UserInfo:
    """An administrator (badge BDG000009, PIN 4711): the only role that saves settings or imports."""
    with services.database.session() as session:
        if session.scalar(select(User).where(User.badge_code == "BDG000009")) is None:
            session.add(User(name="Ada Admin", badge_code="BDG000009", role=Role.ADMIN,
                             pin_hash=hash_pin("4711")))
    return services.users.find_by_badge("BDG000009")


@pytest.fixture
def inline() -> Iterator[None]:
    """Background tasks run synchronously (deterministic tests)."""
    with inline_tasks():
        yield
