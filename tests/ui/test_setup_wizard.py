"""The first-run setup flow, driven with the keyboard as a user would (issue 12 §1)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inspector import cli
from inspector.app import build_services
from inspector.station_setup import first_run
from inspector.ui.setup_wizard import ADMIN, DONE, JOIN, START, STATION, WAREHOUSE, SetupWizard


def _wizard(qtbot: QtBot, data: Path) -> SetupWizard:
    wizard = SetupWizard(data, demo_size=(12, 4))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def _enter(qtbot: QtBot, wizard: SetupWizard) -> None:
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Return)


def _type(qtbot: QtBot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_a_new_warehouse_is_set_up_with_the_keyboard(qtbot: QtBot, tmp_path: Path, inline) -> None:
    data = tmp_path / "data"
    wizard = _wizard(qtbot, data)
    assert wizard.stack.currentIndex() == START and wizard.focusWidget() is wizard.choice
    _enter(qtbot, wizard)
    assert wizard.stack.currentIndex() == JOIN
    _enter(qtbot, wizard)  # no enrolment code: a station that works on its own
    assert wizard.stack.currentIndex() == WAREHOUSE
    _type(qtbot, wizard.warehouse_code, "nl-ams")
    _type(qtbot, wizard.warehouse_name, "Amsterdam returns")
    wizard.time_zone.lineEdit().selectAll()
    _type(qtbot, wizard.time_zone.lineEdit(), "Europe/Nowhere")
    _enter(qtbot, wizard)
    assert wizard.stack.currentIndex() == WAREHOUSE and "Europe/Nowhere" in wizard.message.text()
    wizard.time_zone.lineEdit().selectAll()
    _type(qtbot, wizard.time_zone.lineEdit(), "Europe/Brussels")
    wizard.return_window.selectAll()
    _type(qtbot, wizard.return_window, "14")
    _enter(qtbot, wizard)
    assert wizard.stack.currentIndex() == STATION
    _type(qtbot, wizard.station_code, "st-01")
    _type(qtbot, wizard.station_name, "Bench 1")
    wizard.language.setFocus()
    qtbot.keyClick(wizard.language, Qt.Key.Key_Down)  # Nederlands
    _enter(qtbot, wizard)
    assert wizard.stack.currentIndex() == ADMIN
    _type(qtbot, wizard.admin_name, "Ada Admin")
    _type(qtbot, wizard.pin, "402917")
    _type(qtbot, wizard.pin_again, "402918")
    _enter(qtbot, wizard)
    assert wizard.stack.currentIndex() == ADMIN and wizard.message.kind == "error"
    assert "differ" in wizard.message.text() and first_run(data)
    wizard.pin_again.clear()
    _type(qtbot, wizard.pin_again, "402917")
    _enter(qtbot, wizard)
    assert wizard.stack.currentIndex() == DONE
    assert wizard.outcome is not None and wizard.outcome.admin is not None
    badge = wizard.outcome.admin.badge_code
    assert badge in wizard.summary.text()
    with qtbot.waitSignal(wizard.finished, timeout=2000) as finished:
        _enter(qtbot, wizard)
    assert finished.args == [True]
    assert not first_run(data)
    services = build_services(data)
    try:
        assert (services.station.warehouse_code, services.station.station_code) == ("NL-AMS", "ST-01")
        assert (services.station.time_zone, services.station.return_window_days) == ("Europe/Brussels", 14)
        assert services.settings.language == "nl"
        admin = services.users.find_by_badge(badge)
        assert services.users.verify_pin(admin.id, "402917").name == "Ada Admin"
    finally:
        services.close()


def test_escape_goes_back_and_demo_data_is_its_own_choice(qtbot: QtBot, tmp_path: Path, inline) -> None:
    data = tmp_path / "demo"
    wizard = _wizard(qtbot, data)
    _enter(qtbot, wizard)
    _type(qtbot, wizard.code, "not-a-code")
    _enter(qtbot, wizard)
    assert wizard.stack.currentIndex() == JOIN and "RI1-" in wizard.message.text()
    qtbot.keyClick(wizard.code, Qt.Key.Key_Escape)
    assert wizard.stack.currentIndex() == START
    qtbot.keyClick(wizard.choice, Qt.Key.Key_Down)  # "Try it with demo data"
    _enter(qtbot, wizard)
    assert wizard.stack.currentIndex() == DONE and "BDG000001" in wizard.summary.text()
    services = build_services(data)
    try:
        assert services.users.find_by_badge("BDG000001")
        from inspector.services.setup import DEMO, station_kind
        assert station_kind(services.database) == DEMO
    finally:
        services.close()
    assert not first_run(data)


def test_the_app_opens_the_setup_flow_on_an_empty_data_directory(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("inspector.ui.setup_wizard.run_setup_gui", lambda d: shown.append(str(d)) or False)
    monkeypatch.setattr("inspector.ui.application.run_gui", lambda services: pytest.fail("no station yet"))
    assert cli.main(["--data-dir", str(tmp_path / "new")], out=io.StringIO()) == 0
    assert shown == [str(tmp_path / "new")]
    demo = ["--data-dir", str(tmp_path / "demo")]
    assert cli.main([*demo, "demo-seed", "--returns", "3", "--inspections", "0"], out=io.StringIO()) == 0
    started: list[object] = []
    monkeypatch.setattr("inspector.ui.application.run_gui", lambda services: started.append(services) or 0)
    assert cli.main(["--data-dir", str(tmp_path / "demo")], out=io.StringIO()) == 0
    assert len(shown) == 1 and len(started) == 1  # demo data: straight to the login
