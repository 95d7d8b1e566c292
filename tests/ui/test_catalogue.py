"""Every text a person reads on the screens comes from the translation catalogue (issue 10, §4).

A pseudo-translator marks every text that passes through the catalogue (an opening and a closing mark
around the English source); the test then walks the screens and fails on any visible words (labels,
buttons, choices, list rows, tabs, placeholders, tool tips, table headings) outside a catalogue text's own
words. Values put into a catalogue text (``%1``) are checked too. Data (names, codes, dates, numbers) is
not text to translate: it is told apart by what the demo data holds; the checklists' own texts count as
data only in the language on show (English here), so a checklist shown in the wrong language fails.
"""

from __future__ import annotations

import re
import socket
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabBar,
    QTableView,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.app import Services
from inspector.models import Category, Inspection, Return, ReturnLine, ReturnStatus, Role, User
from inspector.models.organisation import Warehouse
from inspector.reports.words import Text
from inspector.services.demo_data import seed_demo
from inspector.services.return_summary import LineSummary, ReturnSummary
from inspector.ui.application import install_translator
from inspector.ui.feedback import Feedback
from inspector.ui.login import LoginWindow
from inspector.ui.main_window import PEOPLE, REPORTS, REVIEW, SETTINGS, MainWindow
from inspector.ui.pages.intake import CHOOSE, INSPECT, RETURN
from inspector.ui.tasks import DatabaseWorker
from inspector.ui.widgets import WrappingButton
from tests.ui.station_helpers import without_camera

OPEN, CLOSE = "\u2063", "\u2064"  # invisible marks around every catalogue text
NOW = datetime(2026, 11, 20, 15, tzinfo=UTC)
WORD = re.compile(r"[A-Za-zÀ-ÿ]{3,}")


class MarkingTranslator(QTranslator):
    """Returns every catalogue text marked (English, as written in the code); remembers the sources."""

    sources: set[str] = set()

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        if not source:
            return source
        MarkingTranslator.sources.add(source)
        return f"{OPEN}{source}{CLOSE}"

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marking(styled_app: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from inspector.services import checklists

    MarkingTranslator.sources.update(texts["en"] for texts in checklists.BUILT_IN_REASONS.values())
    monkeypatch.setattr(checklists, "BUILT_IN_REASONS", {  # the built-in checks' own catalogue
        key: {language: f"{OPEN}{text}{CLOSE}" for language, text in texts.items()}
        for key, texts in checklists.BUILT_IN_REASONS.items()})
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
        if isinstance(widget, WrappingButton):
            yield name, widget.full_text()  # the text, not where it breaks into lines
        elif isinstance(widget, QLabel | QAbstractButton):
            yield name, widget.text()
        elif isinstance(widget, QLineEdit):
            yield f"{name} placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield f"{name} choice", widget.itemText(index)
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield f"{name} tab", widget.tabText(index)
        elif isinstance(widget, QListWidget):
            for row in range(widget.count()):
                yield f"{name} row", widget.item(row).text()
        elif isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                yield f"{name} heading", str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            if isinstance(widget, QTableWidget):  # the detail's facts, answers, history, audit timeline
                for row in range(widget.rowCount()):
                    for column in range(widget.columnCount()):
                        item = widget.item(row, column)
                        yield f"{name} cell", item.text() if item is not None else ""


def _data_words(services: Services, language: str | None = None) -> set[str]:
    """Words that are data of the demo (names, products, codes): not for the catalogue."""
    words: set[str] = set()
    with services.database.session() as session:
        rows = [*session.scalars(select(Return.customer_name)),
                *session.scalars(select(Return.customer_email)),
                *session.scalars(select(ReturnLine.product_name)), *session.scalars(select(ReturnLine.sku)),
                *session.scalars(select(User.name)), *session.scalars(select(Return.order_number)),
                *session.scalars(select(Warehouse.name)), *session.scalars(select(Inspection.notes)),
                *session.scalars(select(Inspection.override_reason)), *session.scalars(select(Return.notes)),
                *session.scalars(select(Inspection.item_description)),
                *session.scalars(select(ReturnLine.customer_comment)),
                *session.scalars(select(Return.carrier))]
    for template in services.templates.values():  # the checklists' own texts (in ``language``)
        rows.append(template.id)  # a checklist's code, as the audit timeline names it
        for localized in (template.title, *(q.text for q in template.questions),
                          *(q.help for q in template.questions if q.help is not None),
                          *(r.reason for r in template.rules), *(p.title for p in template.photos),
                          *(o.text for q in template.questions for o in q.options)):
            rows += [localized.get(code) for code in ((language,) if language else ("en", "nl"))]
    for row in rows:
        words.update(WORD.findall(row or ""))
    return words


@pytest.fixture
def marked_report_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reports' own catalogue (event descriptions, code names) marked like the Qt one."""
    from inspector.reports import event_text, words

    def mark(table: dict[str, Text]) -> dict[str, Text]:
        MarkingTranslator.sources.update(text.en for text in table.values())
        return {k: Text(*(f"{OPEN}{v}{CLOSE}" for v in text)) for k, text in table.items()}

    monkeypatch.setattr(event_text, "FIELDS", mark(event_text.FIELDS))
    monkeypatch.setattr(event_text, "EXTRA_NAMES", {k: mark(v) for k, v in event_text.EXTRA_NAMES.items()})
    monkeypatch.setattr(event_text, "NAMES", {k: mark(v) for k, v in words.NAMES.items()})
    MarkingTranslator.sources.update(event_text.YES_NO["en"])
    monkeypatch.setattr(event_text, "YES_NO", {k: tuple(f"{OPEN}{v}{CLOSE}" for v in yes_no)
                                               for k, yes_no in event_text.YES_NO.items()})


_PLACEHOLDER = re.compile(r"%L?\d+|%L?n|\{\w*\}")
_INNERMOST = re.compile(f"{OPEN}([^{OPEN}{CLOSE}]*){CLOSE}")
_patterns: dict[str, re.Pattern[str]] = {}


def _values(segment: str) -> str:
    """The values put into a catalogue text (its own words taken out): what is left to check."""
    best: tuple[int, str] | None = None
    for source in MarkingTranslator.sources:
        pattern = _patterns.get(source)
        if pattern is None:
            parts = _PLACEHOLDER.split(source)
            pattern = _patterns[source] = re.compile("(.*?)".join(map(re.escape, parts)), re.S)
        match = pattern.fullmatch(segment)
        if match is not None:
            values = " ".join(match.groups())
            if best is None or len(values) < best[0]:
                best = (len(values), values)
    return " " if best is None else f" {best[1]} "  # changed after translation (escaped): trusted


def _outside_catalogue(text: str) -> str:
    """``text`` without the catalogue's own words (values put into catalogue texts stay)."""
    while True:
        shorter = _INNERMOST.sub(lambda match: _values(match.group(1)), text)
        if shorter == text:
            return re.sub(r"<[^>]+>|&\w+;", " ", text)  # rich text: tags and entities are no words
        text = shorter


def _untranslated(text: str, data: set[str]) -> bool:
    text = _outside_catalogue(text)
    text = re.sub(r"\S*[/\\@]\S*|\b[\w-]+\.(sqlite3|pdf|csv|xlsx|jpg|png|log)\b", " ", text)  # paths, files
    words = [w for w in WORD.findall(text) if w not in data and not w.isupper()]
    return bool(words)


def test_every_visible_text_is_in_the_catalogue(
    qtbot: QtBot, services: Services, marking: None, marked_report_words: None, inline: None
) -> None:
    without_camera(services)
    seed_demo(services.database, services.photos, services.station, returns=12, inspections=6, seed=11,
              now=NOW)
    data = _data_words(services, "en") | {"Nederlands", "English", "PDF", "CSV", "Excel", "XLSX", "Europe",
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


class Screens:
    """Collects the visible texts of every window on show, named by the state they were seen in."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str, str]] = []
        self.states: list[str] = []

    def look(self, where: str) -> None:
        QCoreApplication.processEvents()
        self.states.append(where)
        for window in QApplication.topLevelWidgets():
            if window.isVisible():
                self.seen += [(where, kind, text) for kind, text in _texts(window)]

    def untranslated(self, data: set[str]) -> list[str]:
        return sorted({f"{where}: {kind} {text!r}" for where, kind, text in self.seen
                       if _untranslated(text, data)})


def _line(services: Services, category: Category, skip: int = 0) -> tuple[ReturnSummary, LineSummary]:
    """An announced demo return of the station with a one-unit line of ``category``, received."""
    with services.database.session() as session:
        ids = [r.id for r in session.scalars(select(Return).where(Return.status == ReturnStatus.ANNOUNCED)
                                             .order_by(Return.rma_number))
               if any(line.category is category and line.quantity == 1 for line in r.lines)]
    summary = [s for s in map(services.intake.get, ids) if not s.late][skip]
    return summary, next(x for x in summary.lines if x.category == category and x.quantity == 1)


def _press(qtbot: QtBot, *keys: Qt.Key | str) -> None:
    for key in keys:
        qtbot.keyClick(QApplication.focusWidget(), key)


def test_every_visible_text_of_the_station_is_in_the_catalogue(
    qtbot: QtBot, services: Services, marking: None, inline: None, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The station in its real states: resume and switch-user prompts, an unknown parcel searched and
    registered, an extra item, an item half inspected (a question that opens others, messages: not
    complete, wrong item, photo failed), the grading panel with a rule's reason, the override dialog
    with its error, the label made and the item history, a label scanned again, an item missing."""
    without_camera(services)
    seed_demo(services.database, services.photos, services.station, returns=30, inspections=0, seed=1,
              now=datetime.now(UTC))
    users = {u.badge_code: u for u in services.users.active_users()}
    me = next(u for u in users.values() if u.role is Role.INSPECTOR)
    other = next(u for u in users.values() if u.role is Role.SUPERVISOR)
    screens = Screens()
    waiting, waiting_line = _line(services, Category.APPAREL, skip=3)
    services.inspections.start(return_id=waiting.id, line_id=waiting_line.id, user_id=me.id,
                               checklist_id="apparel", checklist_version=2)
    theirs, their_line = _line(services, Category.APPAREL, skip=4)
    services.inspections.start(return_id=theirs.id, line_id=their_line.id, user_id=other.id,
                               checklist_id="apparel", checklist_version=2)
    summary, line = _line(services, Category.ELECTRONICS)
    with services.database.session() as session:  # two returns on one tracking number: the chooser
        last = session.scalars(select(Return).where(Return.id.not_in([waiting.id, theirs.id, summary.id]),
                                                    Return.tracking_number != "")
                               .order_by(Return.rma_number.desc()).limit(2)).all()
        last[1].tracking_number = shared = last[0].tracking_number
    main = MainWindow(services, me, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    page = main.intake_page
    assert page.resume_offer.isVisible() and len(page.resume_offer.buttons) == 2
    screens.look("resume prompt")
    page.resume_offer.later_button.click()
    page.lookup(other.badge_code)
    assert page.switch_offer.isVisible()
    screens.look("switch user prompt")
    page.switch_offer.dismiss()
    page.lookup(me.badge_code)
    screens.look("own badge scanned")
    page.lookup("HELLO WORLD")
    screens.look("not a parcel code")
    page.lookup(shared)
    assert page.current_screen() == CHOOSE and page.chooser.count() == 2
    screens.look("several returns to choose from")
    page.show_scan()

    # an unknown parcel: searched, nothing found, found, registered; an extra item added
    page.lookup("ZZ-NOT-KNOWN-42")
    unknown = page.unknown
    qtbot.keyClicks(unknown.postcode_field, waiting.postcode)
    qtbot.keyClick(unknown.postcode_field, Qt.Key.Key_Return)
    assert unknown.results.count() >= 1
    screens.look("unknown parcel: returns found")
    unknown.postcode_field.setText("9999 ZZ")
    qtbot.keyClick(unknown.postcode_field, Qt.Key.Key_Return)
    screens.look("unknown parcel: nothing found")
    qtbot.keyClicks(unknown.register_name, "Piet Onbekend")
    qtbot.mouseClick(unknown.register_button, Qt.MouseButton.LeftButton)
    assert page.current_screen() == RETURN
    screens.look("unknown parcel registered")
    page.return_screen.extra_button.click()
    screens.look("add extra item dialog")
    qtbot.keyClicks(page.actions.dialog.field, "Kinderboek blauw")
    qtbot.keyClick(page.actions.dialog.field, Qt.Key.Key_Return)
    assert page.current_screen() == INSPECT
    screens.look("extra item inspection")
    page.inspection.back.emit()

    # an electronics item: a question that opens others, not complete, photo failed, wrong item
    services.intake.receive_parcel(return_id=summary.id, scanned_code=summary.rma_number, user_id=me.id)
    page.open_return(services.intake.get(summary.id), ())
    screens.look("return received")
    page.actions.inspect(line)
    inspection = page.inspection
    assert page.current_screen() == INSPECT
    screens.look("item not verified")
    inspection.verification.manual_button.click()
    dialog = inspection.verification.dialog
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.message.isVisible()  # too short a reason
    screens.look("confirm by hand dialog with its error")
    dialog.reject()
    page.hub.submit_typed("4006381333931")
    assert inspection.verify_label.property("kind") == "error"
    screens.look("wrong item")
    inspection.checklist.focus_next()
    asked = [q for q, widget in inspection.checklist.widgets.items() if widget.isVisible()]
    _press(qtbot, "N")  # the seal is broken: the function questions open
    opened = [q for q, widget in inspection.checklist.widgets.items() if widget.isVisible()]
    assert set(asked) < set(opened), (asked, opened)
    _press(qtbot, "2")  # a minor accessory is missing: a rule of the checklist suggests refurbish
    screens.look("checklist half answered, questions opened")
    qtbot.keyClick(inspection, Qt.Key.Key_Return)
    assert "Not complete" in inspection.message.text()
    screens.look("not complete")
    inspection.camera.import_path(tmp_path / "no-such-photo.jpg")
    assert "No photo" in inspection.message.text()
    screens.look("photo failed")
    save_notes, database_locked = services.inspections.set_notes, [True]

    def locked(*args: object) -> object:
        if database_locked:
            raise sqlite3.OperationalError("database is locked")
        return save_notes(*args)

    monkeypatch.setattr(services.inspections, "set_notes", locked)
    qtbot.keyClicks(inspection.notes, "doos nat")
    qtbot.keyClick(inspection.notes, Qt.Key.Key_Return)
    assert page.bench.saves.failing
    screens.look("database locked: saves wait")
    database_locked.clear()
    page.bench.saves.retry_now()
    assert not page.bench.saves.failing
    screens.look("saved again")
    page.hub.submit_typed("HELLO123")
    screens.look("not a product barcode")
    page.hub.submit_typed(line.gtin)
    inspection.checklist.focus_next()
    _press(qtbot, "A")
    for tag in [p.tag for p in services.templates["electronics"].photos]:
        inspection.camera.select_tag(tag)
        inspection.camera.import_path(_photo(tmp_path, tag))
    assert "accessory" in inspection.grading.details.text() and inspection.grading.grade_label.text()
    screens.look("grading panel")
    inspection.grading.other_button.click()
    dialog = inspection.grading.dialog
    qtbot.keyClick(dialog.group.checkedButton(), Qt.Key.Key_4)
    qtbot.keyClicks(dialog.reason, "too bad")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.message.isVisible()
    screens.look("override dialog with its error")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Escape)
    inspection.grading.confirm()
    assert page.current_screen() == RETURN
    screen = page.return_screen
    qtbot.waitUntil(lambda: "LPN" in screen.message.text(), timeout=5000)
    screens.look("label done, item history")
    lpn = next(w for w in screen.message.text().split() if w.startswith("LPN")).strip(":.,")
    with socket.socket() as closed:  # a label printer that is switched off: nothing listens on its port
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    printer = replace(services.settings.printer, mode="zpl", zpl_host="127.0.0.1", zpl_port=port)
    services.settings = replace(services.settings, printer=printer)
    screen.history.reprint_button.click()
    qtbot.waitUntil(lambda: "printer" in screen.message.text(), timeout=5000)
    screens.look("label printer failed")
    page.lookup(lpn)
    screens.look("item label scanned")
    screen.table.selectRow(next(row for row, x in enumerate(screen.summary.lines) if x.id != line.id))
    screen.missing_button.click()
    screens.look("mark missing dialog")
    qtbot.keyClicks(page.actions.dialog.field, "niet in het pakket")
    qtbot.keyClick(page.actions.dialog.field, Qt.Key.Key_Return)
    assert screen.history.items.count() == 2
    screens.look("item missing, item history")

    with services.database.session() as session:
        waiting_line_id = waiting_line.id
        assert session.get(ReturnLine, waiting_line_id) is not None
    data = _data_words(services, "en") | {"Yes", "No"}
    assert screens.untranslated(data) == [], "\n".join(screens.untranslated(data))
    assert len(screens.states) >= 20 and len(screens.seen) > 500, (screens.states, len(screens.seen))


def _photo(directory: Path, name: str) -> Path:
    path = directory / f"{name}.jpg"
    Image.new("RGB", (320, 240), "navy").save(path, "JPEG")
    return path


def test_the_checklist_is_shown_in_the_users_language(
    qtbot: QtBot, services: Services, styled_app: QApplication, inline: None
) -> None:
    """The template's own texts (questions, options, help, photo titles) follow the user's language."""
    install_translator(styled_app, "nl")
    without_camera(services)
    seed_demo(services.database, services.photos, services.station, returns=30, inspections=0, seed=1,
              now=datetime.now(UTC))
    me = next(u for u in services.users.active_users() if u.role is Role.INSPECTOR)
    main = MainWindow(services, me, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(main)
    main.show()
    page = main.intake_page
    summary, line = _line(services, Category.ELECTRONICS)
    services.intake.receive_parcel(return_id=summary.id, scanned_code=summary.rma_number, user_id=me.id)
    page.open_return(services.intake.get(summary.id), ())
    page.actions.inspect(line)
    page.hub.submit_typed(line.gtin)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=3000)
    _press(qtbot, "N")  # the seal is broken: the function questions open
    shown = "\n".join(text for _kind, text in _texts(main))
    template = services.templates["electronics"]
    asked = [q for q in template.questions if page.inspection.checklist.widgets[q.id].isVisible()]
    assert len(asked) > 3
    texts = [q.text for q in asked] + [o.text for q in asked for o in q.options]
    texts += [p.title for p in template.photos if p.when is None]
    assert [t.get("nl") for t in texts if t.get("nl") not in shown] == []
    assert [t.get("en") for t in texts if t.get("en") != t.get("nl") and t.get("en") in shown] == []
    _press(qtbot, "2")  # a minor accessory is missing: the rule's reason, and what is still needed
    assert "Klein accessoire ontbreekt" in page.inspection.grading.details.text()
    qtbot.keyClick(page.inspection, Qt.Key.Key_Return)
    still = page.inspection.message.text()
    assert "Gaat het apparaat aan?" in still and "Does it power on?" not in still, still
