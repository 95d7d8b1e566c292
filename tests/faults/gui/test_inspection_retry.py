"""The GUI keeps the open inspection when the database is locked, says what to do, and saves later.

A database locked by another program (a held write transaction) used to end an answer's save with
the raw SQLite error, and the answer was gone. Now the inspection stays on screen, the message line
says what is wrong, and every step is saved, in order, once the lock is gone.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.app import Services
from inspector.models import Inspection
from inspector.services.users import UserInfo
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import MainWindow
from inspector.ui.pages.intake import INSPECT
from inspector.ui.tasks import DatabaseWorker
from tests.faults.helpers import LOCKED, write_lock
from tests.ui.station_helpers import APPAREL_KEYS, apparel_return, person_presses, seed


def test_a_locked_database_keeps_the_inspection_and_saves_it_later(
    qtbot: QtBot, services: Services, people: dict[str, UserInfo], inline: None
) -> None:
    services.settings = replace(services.settings, camera=replace(services.settings.camera, enabled=False))
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

    with write_lock(services.database.path):
        for key in APPAREL_KEYS[:4]:
            person_presses(qtbot, key)
        assert LOCKED in inspection.message.text()
        assert "Your entries stay on screen" in inspection.message.text()
        assert page.current_screen() == INSPECT and inspection.state is not None
        with services.database.session() as session:
            assert not session.get(Inspection, state.id).answers, "nothing could be saved while locked"
    qtbot.waitUntil(lambda: "Saved again" in inspection.message.text(), timeout=20_000)
    for key in APPAREL_KEYS[4:]:
        person_presses(qtbot, key)
    qtbot.waitUntil(lambda: page.bench.saves.pending == 0, timeout=10_000)
    with services.database.session() as session:
        row = session.scalars(select(Inspection).where(Inspection.id == state.id)).one()
        assert row.answers["style_colour_match"] is True and row.answers["tags"] == "attached"
        assert len(row.answers) == len(APPAREL_KEYS), row.answers
