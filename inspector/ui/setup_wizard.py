"""First run: the setup flow a new station opens with (the GUI of ``inspector setup``).

Pages, each confirmed with Enter (Esc goes back): how to start (set up a real warehouse, or try it with
demo data), an optional enrolment code from IT (then central knows the warehouse), the warehouse, this
station, the first administrator (PIN typed twice), and a summary with the administrator's badge code.
Every answer is checked by the same Qt-free rules as the command line (:mod:`inspector.station_setup`);
the work runs off the GUI thread and problems show on the page's message line.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.models import Role
from inspector.services.people_rules import PeopleError, check_pin, clean_name, parse_language
from inspector.services.setup import WarehousePlan, check_warehouse, clean_code
from inspector.station_setup import SetupOutcome, SetupRequest, set_up_station, start_demo
from inspector.sync.enrolment import Enrolment, EnrolmentError, read_enrolment
from inspector.ui.people_texts import people_error
from inspector.ui.tasks import run_task
from inspector.ui.texts import fill
from inspector.ui.widgets import MessageLine, heading, hint, secondary_button

START, JOIN, WAREHOUSE, STATION, ADMIN, DONE = range(6)
TIME_ZONES = ("Europe/Amsterdam", "Europe/Brussels", "Europe/Berlin", "Europe/Paris", "Europe/London",
              "Europe/Madrid", "Europe/Rome", "Europe/Vienna", "Europe/Warsaw", "Europe/Stockholm")


class SetupWizard(QWidget):
    """Emits ``finished(True)`` once the station is set up (or holds demo data), ``finished(False)`` when
    closed before."""

    finished = Signal(bool)

    def __init__(self, data_dir: str | os.PathLike[str] | None, parent: QWidget | None = None,
                 demo_size: tuple[int, int] = (500, 200)) -> None:
        super().__init__(parent)
        self._demo_size = demo_size
        self.setObjectName("page")
        self.setWindowTitle(self.tr("Return Inspector — set up this station"))
        self._data_dir = data_dir
        self._enrolment: Enrolment | None = None
        self._busy = False
        self.outcome: SetupOutcome | None = None
        self.stack = QStackedWidget()
        self.message = MessageLine()
        self.back_button = secondary_button(self.tr("Back (Esc)"))
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self.tr("Next (Enter)"))
        self.next_button.clicked.connect(self.next)
        for build in (self._start_page, self._join_page, self._warehouse_page, self._station_page,
                      self._admin_page, self._done_page):
            self.stack.addWidget(build())
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.show_page(START)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter goes on, Esc goes back (fields pass both keys on to the window)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.next()
        elif event.key() == Qt.Key.Key_Escape:
            self.back()
        else:
            super().keyPressEvent(event)

    # -- pages -----------------------------------------------------------------------------------

    def _page(self, title: str, text: str) -> tuple[QWidget, QFormLayout]:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(heading(title))
        self._hint = hint(text)
        column.addWidget(self._hint)
        form = QFormLayout()
        form.setVerticalSpacing(14)
        column.addLayout(form)
        column.addStretch(1)
        return page, form

    def _start_page(self) -> QWidget:
        page, form = self._page(self.tr("Welcome to Return Inspector"),
                                self.tr("This station has no warehouse yet. Set it up for your warehouse, or "
                                        "look around first with demo data (it never mixes with a real "
                                        "warehouse and never goes to a central database)."))
        self.choice = QComboBox()
        self.choice.addItem(self.tr("Set up this station for my warehouse"), "real")
        self.choice.addItem(self.tr("Try it with demo data"), "demo")
        form.addRow(self.tr("How to start"), self.choice)
        return page

    def _join_page(self) -> QWidget:
        page, form = self._page(self.tr("Central database"),
                                self.tr("If IT gave you an enrolment code for this station, paste it here: "
                                        "the station then syncs with your warehouse's other stations. Leave "
                                        "it empty for a station that works on its own."))
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("RI1-… (or the path of the enrolment file)"))
        form.addRow(self.tr("Enrolment code"), self.code)
        return page

    def _warehouse_page(self) -> QWidget:
        page, form = self._page(self.tr("Your warehouse"),
                                self.tr("The code is short (e.g. NL-AMS); reports use the time zone's days."))
        self.warehouse_code, self.warehouse_name = QLineEdit(), QLineEdit()
        self.time_zone = QComboBox()
        self.time_zone.setEditable(True)
        self.time_zone.addItems(TIME_ZONES)
        self.return_window = _spin(0, 3650, 30, self.tr(" days"))
        self.restocking_fee = _spin(0, 100, 0, " %")
        self.damage_deduction = _spin(0, 100, 30, " %")
        form.addRow(self.tr("Warehouse code"), self.warehouse_code)
        form.addRow(self.tr("Warehouse name"), self.warehouse_name)
        form.addRow(self.tr("Time zone"), self.time_zone)
        form.addRow(self.tr("Return window"), self.return_window)
        form.addRow(self.tr("Restocking fee"), self.restocking_fee)
        form.addRow(self.tr("Deduction for damage"), self.damage_deduction)
        return page

    def _station_page(self) -> QWidget:
        page, form = self._page(self.tr("This station"),
                                self.tr("Each station of a warehouse has its own code."))
        self.station_code, self.station_name = QLineEdit(), QLineEdit()
        self.language = QComboBox()
        self.language.addItem(self.tr("Same as the computer"), "")
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        form.addRow(self.tr("Station code"), self.station_code)
        form.addRow(self.tr("Station name"), self.station_name)
        form.addRow(self.tr("Language"), self.language)
        return page

    def _admin_page(self) -> QWidget:
        page, form = self._page(self.tr("First administrator"),
                                self.tr("The administrator manages people and settings and logs in with a "
                                        "badge and a PIN of at least 6 digits. Leave the badge empty to get "
                                        "a new, unguessable one."))
        self.admin_hint = hint("")
        form.addRow(self.admin_hint)
        self.admin_name, self.admin_badge = QLineEdit(), QLineEdit()
        self.pin, self.pin_again = QLineEdit(), QLineEdit()
        for field in (self.pin, self.pin_again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(12)
        form.addRow(self.tr("Name"), self.admin_name)
        form.addRow(self.tr("Badge code"), self.admin_badge)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(self.tr("PIN again"), self.pin_again)
        return page

    def _done_page(self) -> QWidget:
        page, _form = self._page(self.tr("Ready"), "")
        self.summary = self._hint
        return page

    # -- navigation ------------------------------------------------------------------------------

    def show_page(self, index: int) -> None:
        """Show page ``index`` with the cursor in its first field."""
        self.stack.setCurrentIndex(index)
        self.back_button.setEnabled(index not in (START, DONE))
        self.next_button.setText(self.tr("Start (Enter)") if index == DONE else
                                 self.tr("Set up (Enter)") if index == ADMIN else self.tr("Next (Enter)"))
        first = {START: self.choice, JOIN: self.code, WAREHOUSE: self.warehouse_code,
                 STATION: self.station_code, ADMIN: self.admin_name}.get(index, self.next_button)
        first.setFocus()

    def back(self) -> None:
        """The previous page (the warehouse page is skipped when joining)."""
        index = self.stack.currentIndex()
        if self._busy or index in (START, DONE):
            return
        self.message.clear_message()
        previous = index - 1
        if previous == WAREHOUSE and self._enrolment is not None:
            previous = JOIN
        self.show_page(previous)

    def next(self) -> None:
        """Check this page's answers and go on (or set the station up from the last page)."""
        if self._busy:
            return
        index = self.stack.currentIndex()
        try:
            self._check_page(index)
        except (PeopleError, EnrolmentError) as exc:
            self.message.show_error(people_error(exc))
            return
        self.message.clear_message()
        if index == START and self.choice.currentData() == "demo":
            self._run(start_demo, self._data_dir, self.tr("Filling this station with demo data…"),
                      *self._demo_size)
        elif index == JOIN:
            self.show_page(STATION if self._enrolment is not None else WAREHOUSE)
        elif index == ADMIN:
            self._run(set_up_station, self._data_dir, self.tr("Setting up the station…"), self._request())
        elif index == DONE:
            self.finished.emit(True)
        else:
            self.show_page(index + 1)

    def _check_page(self, index: int) -> None:
        if index == JOIN:
            text = self.code.text().strip()
            self._enrolment = read_enrolment(text) if text else None
            if self._enrolment is not None:
                self.station_code.setText(self._enrolment.station_code)
            self.station_code.setReadOnly(self._enrolment is not None)
            self.admin_hint.setText(self.tr("The warehouse's people come from the central database: leave "
                                            "this empty if an administrator is already known there.")
                                    if self._enrolment is not None else "")
        elif index == WAREHOUSE:
            check_warehouse(self._warehouse())
        elif index == STATION:
            clean_code(self.station_code.text(), "station")
        elif index == ADMIN and (self.admin_name.text().strip() or self._enrolment is None):
            clean_name(self.admin_name.text())
            check_pin(Role.ADMIN, self.pin.text(), self.pin_again.text())
        parse_language(str(self.language.currentData() or ""))

    def _warehouse(self) -> WarehousePlan:
        return WarehousePlan(code=self.warehouse_code.text(), name=self.warehouse_name.text(),
                             time_zone=self.time_zone.currentText().strip(),
                             return_window_days=self.return_window.value(),
                             restocking_fee_bp=self.restocking_fee.value() * 100,
                             damage_deduction_bp=self.damage_deduction.value() * 100)

    def _request(self) -> SetupRequest:
        return SetupRequest(
            station_code=self.station_code.text(), station_name=self.station_name.text(),
            warehouse=None if self._enrolment else self._warehouse(),
            admin_name=self.admin_name.text().strip(),
            admin_badge=self.admin_badge.text().strip(), admin_pin=self.pin.text(),
            admin_pin_again=self.pin_again.text(), language=str(self.language.currentData() or ""),
            enrolment=self._enrolment)

    def _run(self, fn: Any, data_dir: Any, busy_text: str, *args: Any) -> None:
        self._busy = True
        self.next_button.setEnabled(False)
        self.message.show_info(busy_text)
        run_task(fn, data_dir, *args, on_done=self._done, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.next_button.setEnabled(True)
        if isinstance(exc, PeopleError | EnrolmentError):
            self.message.show_error(people_error(exc))
        else:
            self.message.show_problem(exc)

    def _done(self, result: object) -> None:
        self._busy = False
        self.next_button.setEnabled(True)
        self.message.clear_message()
        if isinstance(result, SetupOutcome):
            self.outcome = result
            lines = [fill(self.tr("Station %1 of warehouse %2 is set up."), result.station_code,
                          result.warehouse_code)]
            if result.admin is not None:
                lines.append(fill(self.tr("%1 logs in with badge %2 and the PIN."), result.admin.name,
                                  result.admin.badge_code))
            if result.joined:
                lines.append(self.tr("Synced with the central database.") if result.sync_ok else
                             self.tr("The first sync did not finish; it retries automatically."))
            lines.append(self.tr("Add people and print their badges on the People page (F5)."))
        else:
            lines = [self.tr("Demo data is ready. Log in with badge BDG000001 (inspector), or BDG000002 "
                             "and PIN 1234 (supervisor).")]
        self.summary.setText("\n".join(lines))
        self.show_page(DONE)


def _spin(low: int, high: int, value: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


def run_setup_gui(data_dir: str | os.PathLike[str] | None) -> bool:
    """Show the setup flow until the station is set up (True) or the window is closed (False)."""
    from PySide6.QtWidgets import QApplication

    from inspector.ui.application import create_qapp, install_translator
    from inspector.ui.session import show_full_screen

    app = create_qapp()
    install_translator(app, "")
    wizard = SetupWizard(data_dir)
    done: list[bool] = []
    wizard.finished.connect(lambda ok: (done.append(ok), wizard.close()))
    show_full_screen(wizard)
    app.setQuitOnLastWindowClosed(False)
    wizard.destroyed.connect(app.quit)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    app.exec()
    app.setQuitOnLastWindowClosed(True)
    QApplication.processEvents()
    return bool(done and done[0])
