"""text_fit sees table headers narrower than their text (with room for the sort arrow), texts that a
parent cuts off vertically or sideways, but not what a scroll area lets the user scroll to, cut
placeholders and read-only texts of line edits and cut date and number fields."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from inspector.ui.text_fit import clipped_texts


def _window(qtbot: QtBot, child: QWidget, width: int = 600, height: int = 400) -> QWidget:
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(child)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    QApplication.processEvents()
    return window


def header_width(table: QTableWidget, column: int) -> int:
    return table.horizontalHeader().sectionSize(column)


def test_a_header_section_narrower_than_its_text_is_reported(qtbot: QtBot, styled_app: QApplication) -> None:
    table = QTableWidget(2, 2)
    table.setHorizontalHeaderLabels(["Opmerking van de klant", "Klaar"])
    window = _window(qtbot, table)
    table.horizontalHeader().resizeSection(0, 40)
    QApplication.processEvents()
    found = clipped_texts(window)
    assert [c.text for c in found] == ["Opmerking van de klant"], found
    assert found[0].needed > found[0].available == header_width(table, 0)


def test_a_sortable_header_needs_room_for_the_sort_arrow(qtbot: QtBot, styled_app: QApplication) -> None:
    table = QTableWidget(2, 2)
    table.setHorizontalHeaderLabels(["Opmerking", "Klaar"])
    window = _window(qtbot, table)
    header = table.horizontalHeader()
    plain = header.sectionSizeFromContents(0).width()
    header.resizeSection(0, plain)
    QApplication.processEvents()
    assert clipped_texts(window) == []
    table.setSortingEnabled(True)  # an arrow beside the text of the column sorted by, any column
    header.resizeSection(0, plain)
    header.resizeSection(1, header.sectionSizeFromContents(1).width())
    QApplication.processEvents()
    assert [c.text for c in clipped_texts(window)] == ["Opmerking"]


def test_a_label_its_frame_cuts_off_at_the_bottom_is_reported(qtbot: QtBot, styled_app: QApplication) -> None:
    frame = QFrame()
    label = QLabel("Minutes scan to graded (median)", frame)
    label.setWordWrap(True)
    label.setGeometry(0, 0, 120, 200)  # the label is tall enough, its frame is not
    frame.setFixedSize(120, label.fontMetrics().height() + 4)
    window = _window(qtbot, frame)
    found = clipped_texts(window)
    texts = [(c.text, c.direction[:6]) for c in found]
    assert texts == [("Minutes scan to graded (median)", "height")], found


def test_a_label_a_scroll_area_can_scroll_to_is_not_reported(qtbot: QtBot, styled_app: QApplication) -> None:
    content = QWidget()
    column = QVBoxLayout(content)
    for n in range(40):
        column.addWidget(QLabel(f"Line {n}"))
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(content)
    window = _window(qtbot, scroll, 300, 200)
    assert scroll.verticalScrollBar().isVisible()
    assert clipped_texts(window) == []


def _row(qtbot: QtBot, *fields: QWidget, width: int = 600) -> QWidget:
    """Fields side by side, each exactly ``width`` // len(fields) wide less the spacing."""
    row = QWidget()
    layout = QHBoxLayout(row)
    for field in fields:
        layout.addWidget(field)
    return _window(qtbot, row, width, 120)


def test_a_line_edit_whose_placeholder_is_cut_is_reported(qtbot: QtBot, styled_app: QApplication) -> None:
    narrow = QLineEdit()
    narrow.setPlaceholderText("Naam of e-mailadres van de klant")
    narrow.setFixedWidth(90)
    wide = QLineEdit()
    wide.setPlaceholderText("RMA")
    window = _row(qtbot, narrow, wide)
    found = clipped_texts(window)
    assert [c.text for c in found] == ["Naam of e-mailadres van de klant"], found
    assert found[0].needed > found[0].available
    narrow.setFixedWidth(narrow.fontMetrics().horizontalAdvance(narrow.placeholderText()) + 60)
    QApplication.processEvents()
    assert clipped_texts(window) == []


def test_long_typed_text_may_scroll_but_a_read_only_text_must_fit(qtbot: QtBot,
                                                                   styled_app: QApplication) -> None:
    typed = QLineEdit()
    typed.setPlaceholderText("RMA")
    typed.setFixedWidth(90)
    window = _row(qtbot, typed)
    qtbot.keyClicks(typed, "RMA-2026-000123456789")  # the user may type more than shows: it scrolls
    assert clipped_texts(window) == []
    typed.setReadOnly(True)  # nobody can scroll a read-only field to read its end
    QApplication.processEvents()
    assert [c.text for c in clipped_texts(window)] == ["RMA-2026-000123456789"]


def test_a_date_or_number_field_must_show_its_whole_text(qtbot: QtBot, styled_app: QApplication) -> None:
    day = QDateEdit(QDate(2026, 11, 20))
    day.setDisplayFormat("yyyy-MM-dd")
    day.setCalendarPopup(True)
    day.setFixedWidth(60)
    count = QSpinBox()
    count.setRange(0, 100000)
    count.setValue(12345)
    window = _row(qtbot, day, count)
    found = clipped_texts(window)
    assert [c.text for c in found] == ["2026-11-20"], found
    day.setFixedWidth(day.sizeHint().width())
    QApplication.processEvents()
    assert clipped_texts(window) == []
