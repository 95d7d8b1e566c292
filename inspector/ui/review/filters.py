"""The review screen's filter bar: return codes, customer, period, station, inspector, grade and flag."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.models import Flag, Grade
from inspector.services.review import REVIEW_FLAGS, FilterChoices, ReviewQuery
from inspector.ui.style import ARROW, FOCUS, PAPER
from inspector.ui.texts import fill, flag_name, grade_name
from inspector.ui.widgets import FlowGrid, keep_text_width

ANY_TIME, TODAY, LAST_7, LAST_30, BETWEEN = range(5)

DATE_STYLE = f"""
QDateEdit {{
    min-height: 48px; padding: 4px 10px; font-size: 18pt;
    border: 2px solid #5a6570; border-radius: 4px; background: {PAPER};
}}
QDateEdit:focus {{ border: 4px solid {FOCUS}; }}
QDateEdit::drop-down {{ width: 44px; border-left: 2px solid #5a6570; }}
QDateEdit::down-arrow {{ image: url({ARROW}); width: 20px; height: 12px; }}
"""


class ReviewFilters(QWidget):
    """Filter fields; Enter in any text field or the Search button emits ``search_requested``.

    Laid out for a small screen (1024x768 beside the navigation column): the codes, the customer and
    the period in as many columns as fit; the date range only when the period is "Between dates";
    grade, station, inspector and flag folded behind "More filters", which says how many of them are
    set. The results table below then keeps its rows in view.
    """

    search_requested = Signal()

    def __init__(self, time_zone: str = "UTC", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewFilters")
        # Date fields as large and legible as the other fields (the global style sizes only line
        # edits, spin boxes and combo boxes).
        self.setStyleSheet(DATE_STYLE)
        self.zone = ZoneInfo(time_zone)
        self.rma = self._field(self.tr("RMA"), "filterRma")
        self.order = self._field(self.tr("Order number"), "filterOrder")
        self.tracking = self._field(self.tr("Tracking number"), "filterTracking")
        self.customer = self._field(self.tr("Customer or e-mail"), "filterCustomer")
        self.period = QComboBox()
        self.period.setObjectName("filterPeriod")
        for text in (self.tr("Any time"), self.tr("Today"), self.tr("Last 7 days"), self.tr("Last 30 days"),
                     self.tr("Between dates")):
            self.period.addItem(text)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-7))
        self.date_until = QDateEdit(today)
        self.date_from.setObjectName("filterFrom")
        self.date_until.setObjectName("filterUntil")
        for edit in (self.date_from, self.date_until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.station = QComboBox()
        self.inspector = QComboBox()
        self.grade = QComboBox()
        self.grade.addItem(self.tr("Any grade"), None)
        for grade in Grade:
            self.grade.addItem(grade_name(grade), grade)
        self.flag = QComboBox()
        self.flag.addItem(self.tr("Any flag"), None)
        for flag in REVIEW_FLAGS:
            self.flag.addItem(flag_name(flag), flag)
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.setObjectName("filterSearch")
        self.search_button.clicked.connect(self.search_requested)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setObjectName("filterClear")
        self.clear_button.setProperty("secondary", "true")
        self.clear_button.clicked.connect(self.clear)
        self.more_button = QPushButton()
        self.more_button.setObjectName("filterMore")
        self.more_button.setProperty("secondary", "true")
        self.more_button.setCheckable(True)
        self.more_button.setToolTip(self.tr("Show or hide the grade, station, inspector and flag filters"))
        self.more_button.toggled.connect(self._show_more)
        self.set_choices(FilterChoices())
        for combo in self._choices():
            # Long names (Dutch, people) must not widen the whole window; sized in showEvent.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(1)
            combo.currentIndexChanged.connect(self._update_more)
        self.grid = FlowGrid((self.rma, self.order, self.tracking, self.customer, self.period,
                              self.more_button), 4)
        self.dates = FlowGrid((self._captioned(self.tr("&From"), self.date_from),
                               self._captioned(self.tr("&Until"), self.date_until)), 4)
        self.more = FlowGrid((self.grade, self.station, self.inspector, self.flag), 4)
        self.button_row = QHBoxLayout()
        self.button_row.addStretch(1)  # or the page's count of results (put_beside_buttons)
        self.button_row.addWidget(self.search_button)
        self.button_row.addWidget(self.clear_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.grid)
        outer.addWidget(self.dates)
        outer.addWidget(self.more)
        outer.addLayout(self.button_row)
        # Tab goes through the fields in the order they show, row by row.
        chain = (self.rma, self.order, self.tracking, self.customer, self.period, self.more_button,
                 self.date_from, self.date_until, self.grade, self.station, self.inspector, self.flag,
                 self.search_button, self.clear_button)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.period.currentIndexChanged.connect(self._update_dates)
        self._update_dates()
        self._show_more(False)

    def put_beside_buttons(self, widget: QWidget, *more: QWidget) -> None:
        """Show ``widget`` (the page's count of results) left of Search and Clear, in the room there,
        and ``more`` (its "Show more") between them."""
        stretch = self.button_row.takeAt(0)
        del stretch
        self.button_row.insertWidget(0, widget, 1)
        for index, extra in enumerate(more, start=1):
            self.button_row.insertWidget(index, extra)

    def _choices(self) -> tuple[QComboBox, ...]:
        return (self.period, self.grade, self.flag, self.station, self.inspector)

    def _captioned(self, caption: str, field: QWidget) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(caption)
        label.setBuddy(field)
        row.addWidget(label)
        row.addWidget(field, 1)
        return box

    def showEvent(self, event: object) -> None:
        """Each field at least as wide as its placeholder, each choice box as its "Any ..." text, in
        the shown style (the columns stretch, so longer choices fit as well); the grids then know how
        many columns fit."""
        super().showEvent(event)  # type: ignore[arg-type]
        for combo in self._choices():
            combo.ensurePolished()
            text = combo.fontMetrics().horizontalAdvance(combo.itemText(0))
            combo.setMinimumWidth(text + 80)  # the drop-down button and the frame's padding
        for field in (self.rma, self.order, self.tracking, self.customer):
            field.ensurePolished()
            field.setMinimumWidth(field.fontMetrics().horizontalAdvance(field.placeholderText()) + 32)
        for edit in (self.date_from, self.date_until):
            edit.ensurePolished()
            edit.setMinimumWidth(edit.sizeHint().width())
        keep_text_width(self.search_button, self.clear_button, self.more_button)
        for grid in (self.grid, self.dates, self.more):
            grid.refit()

    def _field(self, placeholder: str, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        field.setClearButtonEnabled(True)
        field.returnPressed.connect(self.search_requested)
        return field

    def set_choices(self, choices: FilterChoices) -> None:
        """Fill the station and inspector lists."""
        for combo, any_text, items in (
            (self.station, self.tr("Any station"), choices.stations),
            (self.inspector, self.tr("Anyone"), choices.inspectors),
        ):
            combo.clear()
            combo.addItem(any_text, None)
            for choice in items:
                combo.addItem(choice.label, choice.id)

    def clear(self) -> None:
        """Back to no filter."""
        for field in (self.rma, self.order, self.tracking, self.customer):
            field.clear()
        for combo in self._choices():
            combo.setCurrentIndex(0)

    def query(self, today: date | None = None) -> ReviewQuery:
        """The filters as a query; periods are whole days in the warehouse's time zone."""
        start, end = self._period(today or QDate.currentDate().toPython())
        flag: Flag | None = self.flag.currentData()
        return ReviewQuery(
            rma=self.rma.text(), order_number=self.order.text(), tracking_number=self.tracking.text(),
            customer=self.customer.text(), finished_from=start, finished_until=end,
            station_id=self.station.currentData(), inspector_id=self.inspector.currentData(),
            grade=self.grade.currentData(), flags=frozenset({flag}) if flag else frozenset(),
        )

    def _period(self, today: date) -> tuple[datetime | None, datetime | None]:
        choice = self.period.currentIndex()
        if choice == ANY_TIME:
            return None, None
        if choice == BETWEEN:
            first, last = self.date_from.date().toPython(), self.date_until.date().toPython()
        else:
            first, last = today - timedelta(days={TODAY: 0, LAST_7: 6, LAST_30: 29}[choice]), today
        return self._midnight(first), self._midnight(last + timedelta(days=1))

    def _midnight(self, day: date) -> datetime:
        return datetime.combine(day, time(), tzinfo=self.zone)

    def _update_dates(self) -> None:
        """The date range shows (and can be edited) only when the period is "Between dates"."""
        self.dates.setVisible(self.period.currentIndex() == BETWEEN)

    def _show_more(self, shown: bool) -> None:
        self.more.setVisible(shown)
        self._update_more()

    def _update_more(self) -> None:
        """"More filters", with how many of the folded filters are set while they are folded away."""
        folded = sum(1 for combo in (self.grade, self.station, self.inspector, self.flag)
                     if combo.currentIndex() > 0)
        if folded and not self.more_button.isChecked():
            self.more_button.setText(fill(self.tr("More filters (%1)"), folded))
        else:
            self.more_button.setText(self.tr("More filters"))
        if self.isVisible():
            keep_text_width(self.more_button)
