"""The review screen in Dutch shows the audit timeline, rule reasons and photo captions in Dutch, not
the internal names ("box_condition: damaged", "needs_cleaning: ...", "front") (issue 10, §4)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QApplication, QTableWidget
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.models import Role
from inspector.services.demo_data import seed_demo
from inspector.ui.application import install_translator
from inspector.ui.pages.review import ReviewPage
from inspector.ui.review.detail_view import TIMELINE
from inspector.ui.tasks import DatabaseWorker

NOW = datetime(2026, 11, 20, 15, tzinfo=UTC)
INTERNAL = ("box_condition", "final_grade", "suggested_grade", "disposition:", "checklist_id", "photo_id",
            "style_colour_match", "restock_location", "needs_cleaning", "seal_broken")


def test_timeline_and_photos_speak_dutch(
    qtbot: QtBot, services: Services, styled_app: QApplication, inline: None
) -> None:
    seed_demo(services.database, services.photos, services.station, returns=30, inspections=12, seed=2,
              now=NOW)
    install_translator(styled_app, "nl")
    user = next(u for u in services.users.active_users() if u.role is Role.SUPERVISOR)
    page = ReviewPage(services, user, DatabaseWorker())
    qtbot.addWidget(page)
    page.show()
    texts: list[str] = []
    captions: list[str] = []
    for row in range(page.model.rowCount()):
        page.open_inspection(page.model.row_at(row).inspection_id)
        page.detail_view.tabs.setCurrentIndex(TIMELINE)
        table = page.detail_view.tabs.currentWidget()
        assert isinstance(table, QTableWidget)
        texts += [table.item(r, 5).text() for r in range(table.rowCount())]
        viewer = page.open_photos()
        if viewer is not None:
            captions.append(viewer.captions[0].text())
            viewer.close()
    joined = "\n".join(texts)
    assert "Beoordeling: " in joined and "Doos: " in joined
    for word in INTERNAL:
        assert word not in joined, word
    assert captions and all(c.split("\n")[0].split(": ", 1)[1] not in ("front", "label", "damage")
                            for c in captions), captions
