"""The Reports page's stations panel tells the team lead about failing connectors and rejected outcomes."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from inspector.connectors.health import ConnectorHealth
from inspector.ui.pages.stations_panel import StationsPanel


def test_failing_connectors_and_rejected_outcomes_are_shown(qtbot: QtBot) -> None:
    panel = StationsPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.connectors.isVisible()
    panel.show_connectors([
        ConnectorHealth("bol", "bol", "PUT /retailer/returns/86123482: HTTP 503", 3, None, 2, 1, 0,
                        "RMA90000017: the return period has expired"),
        ConnectorHealth("shop", "shopify", "", 0, datetime(2026, 12, 3, tzinfo=UTC), 0, 0, 1, ""),
    ])
    text = panel.connectors.text()
    assert panel.connectors.isVisible()
    assert "Connector bol (bol) is failing (3 runs): PUT /retailer/returns/86123482: HTTP 503" in text
    assert "1 outcome rejected: RMA90000017: the return period has expired" in text
    assert "Connector shop (shopify) works; 0 outcomes on their way 1 waits for a supervisor" in text
    panel.show_connectors([])
    assert not panel.connectors.isVisible()
