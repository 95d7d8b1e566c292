"""The review screen: the table model without a window, search, detail, broken evidence, disputes."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.app import Services
from inspector.models import Dispute, Grade, Photo, Return, Role
from inspector.services.demo_data import seed_demo
from inspector.services.review import ReviewRow
from inspector.ui.application import install_translator
from inspector.ui.pages.review import DETAIL, RESULTS, ReviewPage
from inspector.ui.review.dispute_dialog import OPEN
from inspector.ui.review.table_model import CUSTOMER, FINISHED, GRADE, ROW_ROLE, ReviewTableModel
from inspector.ui.tasks import DatabaseWorker

NOW = datetime(2026, 11, 20, 15, tzinfo=UTC)


def _row(n: int, customer: str, grade: Grade | None) -> ReviewRow:
    return ReviewRow(uuid.uuid4(), None, f"RMA{n:08d}", "", customer, "", "", "", grade, grade, "ST-01", "",
                     NOW - timedelta(hours=n), ("late",) if n % 2 else ())


def test_table_model_sorts_and_returns_rows_without_a_window() -> None:
    model = ReviewTableModel()
    rows = [_row(1, "bram", Grade.SCRAP), _row(2, "Anna", Grade.RESTOCK), _row(3, "cees", None)]
    model.set_rows(rows)
    assert model.rowCount() == 3 and model.columnCount() == 9
    assert model.data(model.index(0, 0), ROW_ROLE) is rows[0]
    model.sort(CUSTOMER, Qt.SortOrder.AscendingOrder)
    assert [r.customer_name for r in model.rows()] == ["Anna", "bram", "cees"]
    model.sort(GRADE, Qt.SortOrder.AscendingOrder)
    assert [r.grade for r in model.rows()] == [Grade.RESTOCK, Grade.SCRAP, None]
    model.sort(FINISHED, Qt.SortOrder.DescendingOrder)
    assert model.rows() == rows
    assert model.data(model.index(0, GRADE)) == "Scrap"
    assert model.headerData(CUSTOMER, Qt.Orientation.Horizontal) == "Customer"
    model.set_rows([])
    assert model.rowCount() == 0 and model.data(model.index(0, 0)) is None
    assert model.rowCount(model.index(0, 0)) == 0 and model.rowCount(QModelIndex()) == 0


@pytest.fixture
def seeded(services: Services) -> Services:
    seed_demo(services.database, services.photos, services.station,
              returns=40, inspections=15, seed=11, now=NOW)
    return services


def _page(qtbot: QtBot, services: Services, role: Role) -> ReviewPage:
    user = next(u for u in services.users.active_users() if u.role is role)
    page = ReviewPage(services, user, DatabaseWorker())
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    return page


def test_search_open_detail_and_back(qtbot: QtBot, seeded: Services, inline: None) -> None:
    page = _page(qtbot, seeded, Role.SUPERVISOR)
    everything = page.model.rowCount()
    assert everything > 5
    wanted = page.model.row_at(3)
    qtbot.keyClicks(page.filters.rma, wanted.rma)
    qtbot.keyClick(page.filters.rma, Qt.Key.Key_Return)
    assert 0 < page.model.rowCount() < everything
    assert {page.model.row_at(r).rma for r in range(page.model.rowCount())} == {wanted.rma}
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.stack.currentIndex() == DETAIL
    detail = page.detail_view.detail
    assert detail is not None and detail.facts.rma == wanted.rma
    assert "Evidence verified" in page.detail_view.evidence.text()
    assert page.detail_view.tabs.count() == 6 and page.detail_view.dispute_buttons[OPEN].isVisible()
    qtbot.mouseClick(page.detail_view.back_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentIndex() == RESULTS
    page.filters.clear()
    page.filters.grade.setCurrentIndex(page.filters.grade.findData(Grade.RESTOCK))
    qtbot.mouseClick(page.filters.search_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() and all(page.model.row_at(r).grade is Grade.RESTOCK
                                         for r in range(page.model.rowCount()))


def test_a_tampered_photo_shows_as_broken_evidence(qtbot: QtBot, seeded: Services, inline: None) -> None:
    with seeded.database.session() as session:
        photo = session.scalars(select(Photo)).first()
        assert photo is not None
        inspection_id, path = photo.inspection_id, seeded.photos.path_of(photo.file_path)
    path.write_bytes(path.read_bytes() + b"tampered")
    page = _page(qtbot, seeded, Role.SUPERVISOR)
    page.open_inspection(inspection_id)  # type: ignore[arg-type]
    banner = page.detail_view.evidence
    assert "NOT VERIFIED" in banner.text() and banner.property("kind") == "error"
    assert "no longer matches its SHA-256" in banner.text()


def test_a_grade_edited_in_the_database_file_is_not_verified(qtbot: QtBot, seeded: Services,
                                                              inline: None) -> None:
    """The supervisor's banner names the field an attacker changed around the application."""
    import sqlite3

    page = _page(qtbot, seeded, Role.SUPERVISOR)
    inspection_id = page.model.row_at(0).inspection_id
    page.open_inspection(inspection_id)
    assert page.detail_view.evidence.text().startswith("Evidence verified")
    seeded.database.dispose()
    raw = sqlite3.connect(seeded.database.path)
    row = raw.execute("SELECT final_grade FROM inspections WHERE id = ?", (inspection_id.hex,)).fetchone()
    (grade,) = row
    forged = "restock" if grade != "restock" else "scrap"
    raw.execute("UPDATE inspections SET final_grade = ? WHERE id = ?", (forged, inspection_id.hex))
    raw.commit()
    raw.close()
    page.open_inspection(inspection_id)
    banner = page.detail_view.evidence
    assert "NOT VERIFIED" in banner.text() and "final_grade" in banner.text(), banner.text()
    assert banner.property("kind") == "error"


def test_team_leads_see_no_dispute_actions(qtbot: QtBot, seeded: Services, inline: None) -> None:
    page = _page(qtbot, seeded, Role.TEAM_LEAD)
    page.open_inspection(page.model.row_at(0).inspection_id)
    assert not any(button.isVisible() for button in page.detail_view.dispute_buttons.values())


def test_a_supervisor_opens_a_dispute_through_the_dialog(qtbot: QtBot, seeded: Services,
                                                         inline: None) -> None:
    page = _page(qtbot, seeded, Role.SUPERVISOR)
    page.open_inspection(page.model.row_at(0).inspection_id)
    qtbot.mouseClick(page.detail_view.dispute_buttons[OPEN], Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.party.setCurrentIndex(1)
    qtbot.keyClicks(dialog.reference, "DHL-CLAIM-77")
    qtbot.keyClicks(dialog.text, "Box crushed on arrival")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    page._worker.wait()
    assert not dialog.isVisible()
    with seeded.database.session() as session:
        dispute = session.scalars(select(Dispute)).one()
        assert dispute.reference == "DHL-CLAIM-77" and dispute.entries[0].text == "Box crushed on arrival"
    detail = page.detail_view.detail
    assert detail is not None and detail.disputes and detail.disputes[0].is_open
    assert page.detail_view.dispute_buttons["grade"].isEnabled()


def test_questions_are_shown_in_the_language_of_the_ui(qtbot: QtBot, seeded: Services, inline: None,
                                                       styled_app: QApplication) -> None:
    assert seeded.settings.language == "en"
    install_translator(styled_app, "nl")  # a Dutch user logged in at an English station
    page = _page(qtbot, seeded, Role.SUPERVISOR)
    page.open_inspection(page.model.row_at(0).inspection_id)
    detail = page.detail_view.detail
    assert detail is not None and detail.answers
    dutch: dict[str, set[str]] = {}
    english: dict[str, set[str]] = {}
    for template in seeded.templates.values():
        for q in template.questions:
            dutch.setdefault(q.id, set()).add(q.text.get("nl"))
            english.setdefault(q.id, set()).add(q.text.get("en"))
    known = [a for a in detail.answers if a.question_id in dutch]
    assert known and all(a.question in dutch[a.question_id] for a in known)
    assert any(a.question not in english[a.question_id] for a in known)
    assert page.detail_view.tabs.widget(0).item(0, 0).text() == detail.answers[0].question


def test_a_name_word_matching_too_many_returns_says_the_search_is_cut_off(
        qtbot: QtBot, seeded: Services, inline: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from inspector.services import review as review_module
    from inspector.ui.pages import review as review_page

    monkeypatch.setattr(review_module, "RETURN_MATCH_LIMIT", 2)
    monkeypatch.setattr(review_page, "RETURN_MATCH_LIMIT", 2)
    with seeded.database.session() as session:
        names = [n.split() for n in session.scalars(select(Return.customer_name_key))]
    common = max({words[-1] for words in names}, key=lambda w: sum(w in words for words in names))
    assert sum(common in words for words in names) > 2, "the demo data needs a shared surname"
    page = _page(qtbot, seeded, Role.SUPERVISOR)
    qtbot.keyClicks(page.filters.customer, common)
    qtbot.keyClick(page.filters.customer, Qt.Key.Key_Return)
    assert "only the newest 2 are searched" in page.message.text()
    page.filters.clear()
    qtbot.keyClicks(page.filters.customer, common + "zzz")
    qtbot.keyClick(page.filters.customer, Qt.Key.Key_Return)
    assert page.message.text() == ""


def test_the_evidence_pack_shows_progress_and_can_be_cancelled(
        qtbot: QtBot, seeded: Services, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from inspector.reports import evidence as evidence_module

    page = _page(qtbot, seeded, Role.SUPERVISOR)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    row = next(page.model.row_at(r) for r in range(page.model.rowCount()) if page.model.row_at(r).rma)
    page.open_inspection(row.inspection_id)
    qtbot.waitUntil(lambda: page.detail_view.detail is not None, timeout=10_000)
    assert not page.evidence_progress.isVisible()
    real_walk = evidence_module.load_detail

    def slow_walk(*args, **kwargs):  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + 10
        while not kwargs["cancel"]() and time.monotonic() < deadline:  # a long walk, until cancelled
            time.sleep(0.01)
        return real_walk(*args, **kwargs)

    monkeypatch.setattr(evidence_module, "load_detail", slow_walk)
    page.export_evidence(tmp_path / "pack")
    assert page.evidence_progress.isVisible() and not page.detail_view.evidence_button.isEnabled()
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: "cancelled" in page.message.text(), timeout=10_000)
    assert not page.evidence_progress.isVisible() and page.detail_view.evidence_button.isEnabled()
    assert not (tmp_path / "pack").exists()
    monkeypatch.setattr(evidence_module, "load_detail", real_walk)
    page.export_evidence(tmp_path / "pack")
    qtbot.waitUntil(lambda: "Evidence pack written" in page.message.text(), timeout=20_000)
    assert any((tmp_path / "pack").glob("evidence_*.zip"))


def test_an_evidence_pack_that_cannot_be_written_is_a_plain_message(
        qtbot: QtBot, seeded: Services, tmp_path, inline: None) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, seeded, Role.SUPERVISOR)
    row = next(page.model.row_at(r) for r in range(page.model.rowCount()) if page.model.row_at(r).rma)
    page.open_inspection(row.inspection_id)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    page.export_evidence(blocker)
    assert page.message.kind == "error" and "could not be written" in page.message.text()
    assert page.detail_view.evidence_button.isEnabled() and not page.evidence_progress.isVisible()
