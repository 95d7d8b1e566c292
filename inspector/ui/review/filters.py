"""The review screen's filter bar: return codes, customer, period, station, inspector, grade and flag."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from inspector.models import Flag, Grade
from inspector.services.review import REVIEW_FLAGS, FilterChoices, ReviewQuery
from inspector.ui.texts import flag_name, grade_name
from inspector.ui.widgets import FlowGrid

ANY_TIME, TODAY, LAST_7, LAST_30, BETWEEN = range(5)


class ReviewFilters(QWidget):
    """Filter fields; Enter in any text field or the Search button emits ``search_requested``."""

    search_requested = Signal()

    def __init__(self, time_zone: str = "UTC", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = ZoneInfo(time_zone)
        self.rma = self._field(self.tr("RMA"))
        self.order = self._field(self.tr("Order number"))
        self.tracking = self._field(self.tr("Tracking number"))
        self.customer = self._field(self.tr("Customer name or e-mail"))
        self.period = QComboBox()
        for text in (self.tr("Any time"), self.tr("Today"), self.tr("Last 7 days"), self.tr("Last 30 days"),
                     self.tr("Between dates")):
            self.period.addItem(text)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-7))
        self.date_until = QDateEdit(today)
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
        self.search_button.clicked.connect(self.search_requested)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setProperty("secondary", "true")
        self.clear_button.clicked.connect(self.clear)
        self.set_choices(FilterChoices())
        for combo in (self.period, self.station, self.inspector, self.grade, self.flag):
            # Long names (Dutch, people) must not widen the whole window.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        for widget in (self.rma, self.order, self.tracking, self.customer, self.date_from, self.date_until):
            widget.setMinimumWidth(120)
        # Search and Clear share one cell, so the filter columns get the whole width.
        buttons = QWidget()
        pair = QHBoxLayout(buttons)
        pair.setContentsMargins(0, 0, 0, 0)
        pair.addWidget(self.search_button, 2)
        pair.addWidget(self.clear_button, 1)
        for combo in (self.period, self.grade, self.flag, self.station, self.inspector):
            combo.setMinimumContentsLength(1)  # sized to its "Any ..." text when shown (showEvent)
        self.grid = FlowGrid((self.rma, self.order, self.tracking, self.customer, self.period, self.date_from,
                              self.date_until, self.grade, self.station, self.inspector, self.flag), 4)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.grid)
        outer.addWidget(buttons, 0, Qt.AlignmentFlag.AlignRight)
        self.period.currentIndexChanged.connect(self._update_dates)
        self._update_dates()

    def showEvent(self, event: object) -> None:
        """Each choice box at least as wide as its "Any ..." text in the shown style (the columns
        stretch, so longer choices fit as well); the grid then knows how many columns fit."""
        super().showEvent(event)  # type: ignore[arg-type]
        for combo in (self.period, self.grade, self.flag, self.station, self.inspector):
            combo.ensurePolished()
            text = combo.fontMetrics().horizontalAdvance(combo.itemText(0))
            combo.setMinimumWidth(text + 80)  # the drop-down button and the frame's padding

    def _field(self, placeholder: str) -> QLineEdit:
        field = QLineEdit()
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
        for combo in (self.period, self.station, self.inspector, self.grade, self.flag):
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
        between = self.period.currentIndex() == BETWEEN
        self.date_from.setEnabled(between)
        self.date_until.setEnabled(between)
