"""The Reports page driven as a team lead would: pick a date, export, wait for the file, cancel."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.services.demo_data import seed_demo
from inspector.ui.pages.reports import ReportsPage
from tests.ui.conftest import ensure_admin

NOW = datetime(2026, 3, 30, 15, tzinfo=UTC)


@pytest.fixture
def seeded(services: Services) -> Services:
    seed_demo(services.database, services.photos, services.station, returns=40, inspections=25, seed=3,
              now=NOW)
    return services


@pytest.fixture
def page(seeded: Services, qtbot: QtBot) -> ReportsPage:
    widget = ReportsPage(seeded, user=ensure_admin(seeded))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _choose_day(qtbot: QtBot, page: ReportsPage, day: date) -> None:
    """Type the date into From, as with the keyboard."""
    page.from_edit.setFocus()
    page.from_edit.selectAll()
    qtbot.keyClicks(page.from_edit, day.isoformat())


def test_opens_on_the_last_day_with_intake_and_previews_it(page: ReportsPage, qtbot: QtBot) -> None:
    first, last = page.selected_period()
    assert first == last and first <= NOW.date()
    with qtbot.waitSignal(page.preview_ready, timeout=10_000) as blocker:
        page.refresh_preview()
    report = blocker.args[0]
    assert report.parcels_received > 0
    assert page.tiles["parcels"].value_label.text() == str(report.parcels_received)
    assert page.tiles["items"].value_label.text() == str(report.items_inspected)


def test_typing_a_date_keeps_a_one_day_report(page: ReportsPage, qtbot: QtBot) -> None:
    _choose_day(qtbot, page, date(2026, 3, 27))
    assert page.selected_period() == (date(2026, 3, 27), date(2026, 3, 27))
    page.to_edit.setDate(QDate(2026, 3, 29))
    assert page.selected_period() == (date(2026, 3, 27), date(2026, 3, 29))
    page.to_edit.setDate(QDate(2026, 3, 20))  # never before From
    assert page.selected_period()[1] >= page.selected_period()[0]


def test_export_csv_writes_the_file(page: ReportsPage, qtbot: QtBot, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _choose_day(qtbot, page, date(2026, 3, 28))
    page.fmt.setCurrentIndex(page.fmt.findData("csv"))
    target = tmp_path / "day"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    with qtbot.waitSignal(page.export_finished, timeout=20_000) as blocker:
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    written = blocker.args[0]
    assert written == tmp_path / "day.csv" and written.exists()
    assert written.read_text(encoding="utf-8-sig").startswith("Graded at,")
    assert str(written) in page.message.text()
    assert page.export_button.isEnabled() and not page.cancel_button.isVisible()


def test_cancel_stops_the_export(page: ReportsPage, qtbot: QtBot, tmp_path: Path, inline: None) -> None:
    page.fmt.setCurrentIndex(page.fmt.findData("pdf"))
    target = tmp_path / "cancelled.pdf"
    clicked: list[int] = []

    def press_cancel(value: int) -> None:
        if value > 0 and not clicked:
            clicked.append(value)
            assert page.cancel_button.isVisible()
            qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)

    page.progress.valueChanged.connect(press_cancel)
    with qtbot.waitSignal(page.export_finished, timeout=10_000) as blocker:
        page.export_to(target)
    assert clicked and blocker.args[0] is None
    assert not target.exists() and list(tmp_path.glob("*.part")) == []
    assert "cancelled" in page.message.text()
    assert page.export_button.isEnabled()


def test_an_empty_day_says_so(page: ReportsPage, qtbot: QtBot, inline: None) -> None:
    _choose_day(qtbot, page, date(2025, 1, 1))
    with qtbot.waitSignal(page.preview_ready, timeout=5_000):
        page.refresh_preview()
    assert page.tiles["parcels"].value_label.text() == "0"
    assert "No parcels" in page.message.text()


def test_the_recovered_value_is_money_in_the_users_language(
    seeded: Services, qtbot: QtBot, styled_app
) -> None:  # type: ignore[no-untyped-def]
    from inspector.ui.application import install_translator

    install_translator(styled_app, "nl")
    page = ReportsPage(seeded, user=ensure_admin(seeded))
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.preview_ready, timeout=10_000) as blocker:
        page.refresh_preview()
    cents = blocker.args[0].recovered_cents
    assert cents % 100, "pick a seed whose value has cents"
    euros, rest = divmod(cents, 100)
    text = page.tiles["recovered"].value_label.text()
    assert text.startswith("€ ") and text.endswith(f",{rest:02d}"), text  # Dutch: a decimal comma
    assert f"{euros:,}".replace(",", ".") in text, text  # and a dot between thousands
