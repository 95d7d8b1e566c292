"""A full disk in the middle of an inspection: the GUI keeps it on screen, says so, and saves it later.

The same promise as for a locked database (test_inspection_retry.py), met for real on a small tmpfs
that is filled while the inspector answers (skipped where no filesystem can be mounted).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.app import Services, build_services
from inspector.models import Inspection
from inspector.services.users import UserInfo
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import MainWindow
from inspector.ui.pages.intake import INSPECT
from inspector.ui.tasks import DatabaseWorker
from tests.faults.helpers import FULL, fill_disk, small_disk
from tests.ui.station_helpers import APPAREL_KEYS, apparel_return, person_presses, seed


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    """Real services whose data directory is on a 16 MB filesystem of its own."""
    with small_disk(tmp_path / "disk", "16m") as disk:
        built = build_services(disk / "data")
        built.settings = replace(built.settings, sounds=False, language="en",
                                 camera=replace(built.settings.camera, enabled=False))
        try:
            yield built
        finally:
            built.close()


def test_a_full_disk_keeps_the_inspection_and_saves_it_when_there_is_room(
    qtbot: QtBot, services: Services, people: dict[str, UserInfo], inline: None
) -> None:
    seed(services)
    demo = apparel_return(services)
    user = people["BDG000001"]
    summary = services.intake.lookup(demo.rma).returns[0]
    services.intake.receive_parcel(return_id=summary.id, scanned_code=demo.rma, user_id=user.id)
    template = services.grading.template_for(summary.lines[0].category)
    state = services.inspections.start(return_id=summary.id, line_id=summary.lines[0].id, user_id=user.id,
                                       checklist_id=template.id, checklist_version=template.version)
    window = MainWindow(services, user, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(window)
    window.show()
    page = window.intake_page
    page.resume(state, services.intake.get(summary.id))
    inspection = page.inspection
    qtbot.waitUntil(lambda: page.current_screen() == INSPECT, timeout=3000)
    inspection.checklist.focus_next()
    qtbot.waitUntil(lambda: inspection.checklist.isAncestorOf(QApplication.focusWidget()), timeout=3000)

    filler = fill_disk(services.paths.root)
    for key in APPAREL_KEYS[:4]:
        person_presses(qtbot, key)
    qtbot.waitUntil(lambda: FULL in inspection.message.text(), timeout=10_000)
    assert "Your entries stay on screen" in inspection.message.text()
    assert page.current_screen() == INSPECT and inspection.state is not None and page.bench.saves.pending
    filler.unlink()
    page.bench.saves.retry_now()
    qtbot.waitUntil(lambda: "Saved again" in inspection.message.text(), timeout=20_000)
    for key in APPAREL_KEYS[4:]:
        person_presses(qtbot, key)
    qtbot.waitUntil(lambda: page.bench.saves.pending == 0, timeout=10_000)
    with services.database.session() as session:
        row = session.scalars(select(Inspection).where(Inspection.id == state.id)).one()
        assert len(row.answers) == len(APPAREL_KEYS), row.answers
