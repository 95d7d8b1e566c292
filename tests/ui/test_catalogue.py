"""Every text a person reads on the screens comes from the translation catalogue (issue 10, §4).

A pseudo-translator marks every text that passes through the catalogue; the test then walks the
screens and fails on any visible words (labels, buttons, choices, tabs, placeholders, tool tips, table
headings) without the mark. Data (names, codes, dates, numbers) is not text to translate: it is told
apart by what the demo data holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QTableView,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.app import Services
from inspector.models import Inspection, Return, ReturnLine, Role, User
from inspector.models.organisation import Warehouse
from inspector.reports.words import Text
from inspector.services.demo_data import seed_demo
from inspector.ui.feedback import Feedback
from inspector.ui.login import LoginWindow
from inspector.ui.main_window import PEOPLE, REPORTS, REVIEW, SETTINGS, MainWindow
from inspector.ui.tasks import DatabaseWorker
from tests.ui.station_helpers import without_camera

MARK = "\u2063"  # an invisible separator around every catalogue text
NOW = datetime(2026, 11, 20, 15, tzinfo=UTC)
WORD = re.compile(r"[A-Za-zÀ-ÿ]{3,}")


class MarkingTranslator(QTranslator):
    """Returns every catalogue text marked (English, as written in the code)."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return f"{MARK}{source}{MARK}" if source else source

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marking(styled_app: QApplication) -> Iterator[None]:
    translator = MarkingTranslator(styled_app)
    styled_app.installTranslator(translator)
    yield
    styled_app.removeTranslator(translator)


def _texts(root: QWidget) -> Iterator[tuple[str, str]]:
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        name = type(widget).__name__
        if widget.toolTip():
            yield f"{name} tool tip", widget.toolTip()
        if isinstance(widget, QLabel | QAbstractButton):
            yield name, widget.text()
        elif isinstance(widget, QLineEdit):
            yield f"{name} placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield f"{name} choice", widget.itemText(index)
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield f"{name} tab", widget.tabText(index)
        elif isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                yield f"{name} heading", str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            if isinstance(widget, QTableWidget):  # the detail's facts, answers, history, audit timeline
                for row in range(widget.rowCount()):
                    for column in range(widget.columnCount()):
                        item = widget.item(row, column)
                        yield f"{name} cell", item.text() if item is not None else ""


def _data_words(services: Services) -> set[str]:
    """Words that are data of the demo (names, products, codes): not for the catalogue."""
    words: set[str] = set()
    with services.database.session() as session:
        rows = [*session.scalars(select(Return.customer_name)),
                *session.scalars(select(Return.customer_email)),
                *session.scalars(select(ReturnLine.product_name)), *session.scalars(select(ReturnLine.sku)),
                *session.scalars(select(User.name)), *session.scalars(select(Return.order_number)),
                *session.scalars(select(Warehouse.name)), *session.scalars(select(Inspection.notes)),
                *session.scalars(select(Inspection.override_reason)), *session.scalars(select(Return.notes)),
                *session.scalars(select(ReturnLine.customer_comment)),
                *session.scalars(select(Return.carrier))]
    for template in services.templates.values():  # the checklists' own texts, in both languages
        for localized in (template.title, *(q.text for q in template.questions),
                          *(r.reason for r in template.rules), *(p.title for p in template.photos),
                          *(o.text for q in template.questions for o in q.options)):
            rows += [localized.get("en"), localized.get("nl")]
    for row in rows:
        words.update(WORD.findall(row or ""))
    return words


@pytest.fixture
def marked_report_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reports' own catalogue (event descriptions, code names) marked like the Qt one."""
    from inspector.reports import event_text, words

    def mark(table: dict[str, Text]) -> dict[str, Text]:
        return {k: Text(*(f"{MARK}{v}{MARK}" for v in text)) for k, text in table.items()}

    monkeypatch.setattr(event_text, "FIELDS", mark(event_text.FIELDS))
    monkeypatch.setattr(event_text, "EXTRA_NAMES", {k: mark(v) for k, v in event_text.EXTRA_NAMES.items()})
    monkeypatch.setattr(event_text, "NAMES", {k: mark(v) for k, v in words.NAMES.items()})


def _untranslated(text: str, data: set[str]) -> bool:
    if MARK in text or (" " not in text.strip() and ("/" in text or "@" in text)):
        return False  # from the catalogue, or a path, address or URL
    words = [w for w in WORD.findall(text) if w not in data and not w.isupper()]
    return bool(words)


def test_every_visible_text_is_in_the_catalogue(
    qtbot: QtBot, services: Services, marking: None, marked_report_words: None, inline: None
) -> None:
    without_camera(services)
    seed_demo(services.database, services.photos, services.station, returns=12, inspections=6, seed=11,
              now=NOW)
    data = _data_words(services) | {"Nederlands", "English", "PDF", "CSV", "Excel", "XLSX", "Europe",
                                    "Amsterdam", "inspector", "sqlite",
                                    "Yes", "No"}  # answers: inspector.services.inspection_detail.show_answer
    admin = next(u for u in services.users.active_users() if u.role is Role.ADMIN)
    main = MainWindow(services, admin, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(main)
    main.show()
    page, review = main.intake_page, main.review_page
    summary = next(iter(services.intake.search(postcode="", customer_name="a")), None)
    found: set[str] = set()

    def look(where: str, root: QWidget) -> None:
        QCoreApplication.processEvents()
        for kind, text in _texts(root):
            if _untranslated(text, data):
                found.add(f"{where}: {kind} {text!r}")

    look("scan", main)
    page.lookup("ZZ-NOT-KNOWN-42")
    look("unknown parcel", main)
    if summary is not None:
        page.open_return(summary)
        look("return", main)
    for index, name in ((REVIEW, "review"), (REPORTS, "reports"), (SETTINGS, "settings"), (PEOPLE, "people")):
        main.show_page(index)
        look(name, main)
    for tab in range(main.settings_page.form.count()):
        main.settings_page.form.setCurrentIndex(tab)
        look(f"settings tab {tab}", main)
    main.show_page(REVIEW)
    review.open_inspection(review.model.row_at(0).inspection_id)
    for tab in range(review.detail_view.tabs.count()):
        review.detail_view.tabs.setCurrentIndex(tab)
        look(f"review detail tab {tab}", main)
    login = LoginWindow(services.users, Feedback(sounds_enabled=False), services.settings.scanner)
    qtbot.addWidget(login)
    login.show()
    look("login", login)
    assert sorted(found) == [], "\n".join(sorted(found))
