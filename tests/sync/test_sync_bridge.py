"""The GUI session syncs in the background and the status bar says so, on the GUI thread."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace

from sync_helpers import pending, record_activity

from inspector.ui.status_bar import StationStatusBar
from inspector.ui.sync_bridge import SyncBridge, sync_problem_text, sync_status_text


def test_status_bar_shows_online_and_the_queue_drains(qtbot, central_url, station_factory, codes) -> None:  # type: ignore[no-untyped-def]
    services = station_factory(codes("WH"), codes("ST"))
    services.settings = replace(services.settings, central_url=central_url, sync_interval_s=1)
    record_activity(services, 3)
    assert pending(services) > 0
    bar = StationStatusBar(
        _nobody(),
        services.station.station_code,
        services.database.path,
        sync_configured=True,
    )
    qtbot.addWidget(bar)
    bridge = SyncBridge(services, poll_ms=200)
    bridge.status_changed.connect(bar.show_sync)
    bridge.start()
    try:
        qtbot.waitUntil(lambda: pending(services) == 0, timeout=60_000)
        qtbot.waitUntil(lambda: bar.sync_label.text().startswith("Online"), timeout=10_000)
        assert "last sync" in bar.sync_label.text()
    finally:
        bridge.stop()


def test_without_a_central_database_the_bar_says_not_configured(qtbot, station_factory, codes) -> None:  # type: ignore[no-untyped-def]
    services = station_factory(codes("WH"), codes("ST"))
    bridge = SyncBridge(services)
    assert not bridge.configured
    seen: list = []
    bridge.status_changed.connect(seen.append)
    bridge.start()
    assert seen == [None]
    assert sync_status_text(None) == "Offline — not configured"
    bridge.stop()


def _nobody():  # type: ignore[no-untyped-def]
    import uuid

    from inspector.models import Role
    from inspector.services.users import UserInfo

    return UserInfo(uuid.uuid4(), "Test", Role.INSPECTOR, "BDG000001", "")


def test_every_plain_words_sync_problem_has_a_translation() -> None:
    from PySide6.QtCore import QCoreApplication

    from inspector.sync import errors
    from inspector.ui.application import install_translator

    app = QCoreApplication.instance()
    messages = {message for _needle, message in errors._PATTERNS}
    messages.add(errors.explain_sync_error(RuntimeError("boom")).user_message)
    install_translator(app, "nl")  # type: ignore[arg-type]
    try:
        for message in messages:
            assert sync_problem_text(message) != message, f"no Dutch for: {message}"
    finally:
        install_translator(app, "en")  # type: ignore[arg-type]


def test_an_audit_alarm_leads_the_status_bar_in_red_and_in_dutch(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from inspector.sync.anchor import ALARM_FORKED, ALARMS
    from inspector.sync.service import SyncStatus
    from inspector.ui.application import install_translator

    bar = StationStatusBar(_nobody(), "ST-01", "x.sqlite3", sync_configured=True)  # type: ignore[arg-type]
    qtbot.addWidget(bar)
    bar.show_sync(SyncStatus(online=True, alarms=(ALARM_FORKED,)))
    assert bar.sync_label.text().startswith(ALARM_FORKED) and "b3261e" in bar.sync_label.styleSheet()
    bar.show_sync(SyncStatus(online=True))
    assert bar.sync_label.text().startswith("Online") and bar.sync_label.styleSheet() == ""
    app = QCoreApplication.instance()
    install_translator(app, "nl")  # type: ignore[arg-type]
    try:
        for alarm in ALARMS:
            assert sync_problem_text(alarm) != alarm, f"no Dutch for: {alarm}"
    finally:
        install_translator(app, "en")  # type: ignore[arg-type]
