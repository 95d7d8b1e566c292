"""The Review and Reports pages on the central database, driven as a supervisor and a team lead would.

Uses the two-station warehouse of ``test_central_review`` (real services, synced through the
stations' own logins).
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_central_review import warehouse  # noqa: F401  (the fixture)

from inspector.services.access import COMMAND_LINE
from inspector.services.sources import SourceKind
from inspector.ui.pages.reports import ReportsPage

pytestmark = pytest.mark.postgres


def _choose(qtbot: QtBot, combo, kind: SourceKind) -> None:  # type: ignore[no-untyped-def]
    """Pick a source with the keyboard, as a user would."""
    combo.setFocus()
    while combo.currentData() != kind:
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def test_reports_page_counts_the_warehouse_centrally_and_the_station_locally(
        warehouse, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    a = warehouse["a"]
    page = ReportsPage(a, user=COMMAND_LINE)
    qtbot.addWidget(page)
    page.show()
    assert [page.source.itemData(i) for i in range(page.source.count())] == [SourceKind.CENTRAL,
                                                                             SourceKind.LOCAL]
    assert page.source.isEnabled() and page.source.currentData() == SourceKind.CENTRAL
    with qtbot.waitSignal(page.preview_ready, timeout=15_000) as blocker:
        page.refresh_preview()
    assert blocker.args[0].items_inspected == 2
    assert page.tiles["items"].value_label.text() == "2"
    # The team lead also sees the warehouse's stations as central knows them (issue 12 §3).
    qtbot.waitUntil(lambda: page.stations_button.isVisible() and page.stations.table.rowCount() == 2,
                    timeout=15_000)
    page.stations_button.setFocus()
    qtbot.keyClick(page.stations_button, Qt.Key.Key_Space)
    assert page.stations.table.isVisible() and not page.hourly_chart.isVisible()
    stations = {row.station: row for row in page.stations.rows}
    assert set(stations) == {warehouse["a"].station.station_code, warehouse["b"].station.station_code}
    for row in stations.values():
        assert row.last_sync_at is not None and row.pending == 0 and row.chain_seq
    assert page.stations.table.item(0, 3).text().startswith("event ")
    with qtbot.waitSignal(page.preview_ready, timeout=15_000) as blocker:
        _choose(qtbot, page.source, SourceKind.LOCAL)
    assert blocker.args[0].items_inspected == 1
    assert page.tiles["items"].value_label.text() == "1"
    assert not page.stations_button.isVisible() and page.hourly_chart.isVisible()


def test_reports_page_says_plainly_when_central_is_unreachable(services, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    services.save_settings(replace(services.settings, central_url="postgresql://nobody@127.0.0.1:1/none"),
        user=COMMAND_LINE)
    page = ReportsPage(services, user=COMMAND_LINE)
    qtbot.addWidget(page)
    page.show()
    page.refresh_preview()
    qtbot.waitUntil(lambda: "cannot be reached" in page.message.text(), timeout=15_000)
    with qtbot.waitSignal(page.preview_ready, timeout=15_000):
        _choose(qtbot, page.source, SourceKind.LOCAL)


def test_review_page_finds_every_station_centrally_and_disputes_stay_at_the_station(
        warehouse, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from test_central_review import _person

    from inspector.models import Role
    from inspector.ui.pages.review import ReviewPage

    a = warehouse["a"]
    boss = _person(a, "Mira Supervisor", Role.SUPERVISOR)
    page = ReviewPage(a, boss)
    qtbot.addWidget(page)
    page.show()
    assert page.source.currentData() == SourceKind.CENTRAL
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=15_000)
    assert {row.rma for row in page.model.rows()} == {warehouse["rma_a"], warehouse["rma_b"]}

    # Another station's inspection: verified evidence, but no dispute buttons here.
    other = next(r for r in page.model.rows() if r.rma == warehouse["rma_b"])
    page.open_inspection(other.inspection_id)
    qtbot.waitUntil(lambda: page.detail_view.detail is not None, timeout=15_000)
    view = page.detail_view
    assert view.detail.evidence_ok and view.detail.inspector == "Piet Bakker"
    assert view.dispute_note.isVisible() and not view.dispute_buttons["open"].isVisible()

    # This station's own inspection, also read centrally: disputes can be recorded.
    own = next(r for r in page.model.rows() if r.rma == warehouse["rma_a"])
    page.open_inspection(own.inspection_id)
    qtbot.waitUntil(lambda: view.detail.inspection_id == own.inspection_id, timeout=15_000)
    assert view.dispute_buttons["open"].isVisible() and view.dispute_buttons["open"].isEnabled()
    assert not view.dispute_note.isVisible()

    # Back to this station only: one inspection.
    page.show_results()
    _choose(qtbot, page.source, SourceKind.LOCAL)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=15_000)
    assert page.model.rows()[0].rma == warehouse["rma_a"]


def test_review_page_says_plainly_when_central_is_unreachable(services, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    from inspector.ui.pages.review import ReviewPage

    services.save_settings(replace(services.settings, central_url="postgresql://nobody@127.0.0.1:1/none"),
        user=COMMAND_LINE)
    page = ReviewPage(services, COMMAND_LINE)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: "cannot be reached" in page.message.text(), timeout=15_000)
    assert page.model.rowCount() == 0


def test_a_malformed_central_address_is_a_message_not_a_crash(services, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    from inspector.ui.pages.review import ReviewPage

    # INSPECTOR_CENTRAL_URL and hand-edited settings are not checked by the Settings form.
    services.save_settings(replace(services.settings, central_url="postgresql://u@host:54x2/db"),
        user=COMMAND_LINE)
    page = ReviewPage(services, COMMAND_LINE)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: "address in Settings is not valid" in page.message.text(), timeout=15_000)
    with qtbot.waitSignal(page.model.modelReset, timeout=15_000):
        _choose(qtbot, page.source, SourceKind.LOCAL)
    assert page.message.text() == ""
