"""The People page (administrators only): the warehouse's people, their roles, badges and PINs.

The list on the left; the form on the right adds someone (Add) or changes the selected person (Save).
Deactivate keeps a person's history and stops their logins; Reset PIN gives a new PIN (typed twice);
Import reads a whole team from CSV (nothing is added unless every line is right); Print badges writes a
PDF of badge cards to the exports folder. Every change goes through :class:`PeopleService` as the
logged-in administrator, off the GUI thread; problems show on the message line.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDir, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.models import Role
from inspector.services.people import NewPerson, Person
from inspector.services.people_rules import PeopleError, check_pin
from inspector.services.users import PermissionDenied, UserInfo
from inspector.ui.people_texts import people_error
from inspector.ui.tasks import run_task
from inspector.ui.texts import fill, role_name
from inspector.ui.widgets import FlowGrid, MessageLine, heading, hint, keep_text_width, secondary_button

if TYPE_CHECKING:
    from inspector.app import Services

STOCKS = (("a4", "A4"), ("62x29mm", "62 x 29 mm"), ("4x6in", "4 x 6 in"), ("cr80", "CR80"))


class PeoplePage(QWidget):
    """People of the warehouse; emits ``changed`` after every saved change."""

    changed = Signal()

    def __init__(self, services: Services, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self._services = services
        self._user = user
        self.people: list[Person] = []
        self.table = QTableWidget(0, 4)
        headers = [self.tr("Name"), self.tr("Role"), self.tr("Badge"), self.tr("Status")]
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Every column as wide as its contents, the name first: on a narrow list (Dutch at 1366 px) the
        # name and role stay whole and the rest scrolls, instead of every column cut to a few letters.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        self.message = MessageLine()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 6, 24, 6)  # Dutch texts need the room on a 1366x768 screen
        layout.setSpacing(4)
        layout.addWidget(heading(self.tr("People")))
        row = QHBoxLayout()
        list_column = QVBoxLayout()
        list_column.addWidget(self.table, 1)
        row.addLayout(list_column, 1)
        row.addLayout(self._form())  # as wide as it needs; the list takes the rest
        layout.addLayout(row, 1)
        layout.addWidget(self.message)
        person_actions, warehouse_actions = self._buttons()
        # The selected person's actions under the list, the whole team's below: one row of five buttons
        # is wider than a 1366 px screen holds in Dutch, and the buttons' texts were cut.
        list_column.addWidget(self.pin_rule)
        list_column.addWidget(person_actions)
        layout.addWidget(warehouse_actions)
        self.reload()

    def _form(self) -> QVBoxLayout:
        self.name, self.badge = QLineEdit(), QLineEdit()
        # Short placeholders that show whole in a narrow form (1024x768); the hint below explains them.
        self.badge.setPlaceholderText(self.tr("empty: new badge"))
        self.badge.setToolTip(self.tr("Left empty, the person gets a new, unguessable badge"))
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_name(role), role.value)
        self.language = QComboBox()
        self.language.addItem(self.tr("Same as the station"), "")
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.pin, self.pin_again = QLineEdit(), QLineEdit()
        for field in (self.pin, self.pin_again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(12)
        self.pin.setPlaceholderText(self.tr("empty: unchanged"))
        self.pin.setToolTip(self.tr("Left empty, the PIN stays as it is"))
        self.new_badge = QCheckBox(self.tr("New badge"))
        self.new_badge.setToolTip(self.tr("Give a new badge (the old one stops working)"))
        form = QFormLayout()
        form.setVerticalSpacing(4)  # with a message below, the page fits a 768 px screen
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow: a label above its field
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Badge code"), self.badge)
        form.addRow(self.new_badge)  # across both columns: its long (Dutch) text does not widen the fields
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(self.tr("PIN again"), self.pin_again)
        self.add_button = QPushButton(self.tr("Add person"))
        self.add_button.clicked.connect(self.add)
        self.save_button = secondary_button(self.tr("Save changes"))
        self.save_button.clicked.connect(self.save)
        column = QVBoxLayout()
        column.addLayout(form)
        # The PIN rule under the list (whose table gives way), not under the form: in Dutch the form
        # column with it was taller than a 768 px screen and the page scrolled its buttons out of view.
        self.pin_rule = hint(self.tr("Supervisors, team leads and administrators need a PIN (administrators "
                                     "at least 6 digits)."))
        # Side by side where they fit, one above the other on a narrow screen (Dutch at 1024x768).
        column.addWidget(FlowGrid((self.save_button, self.add_button), 2))
        column.addStretch(1)
        return column

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        keep_text_width(self.add_button, self.save_button, self.deactivate_button, self.pin_button,
                        self.import_button, self.badges_button)
        # The list is at least as wide as the selected person's actions under it: at 1024x768 in Dutch
        # 'Nieuwe pincode' stuck out of a 200 px list column and was cut (the form wraps its rows instead).
        self.table.setMinimumWidth(max(self.deactivate_button.minimumWidth(), self.pin_button.minimumWidth()))
        # Fields as wide as their placeholders: in a narrow form their row goes below the caption.
        for field in (self.badge, self.pin):
            field.ensurePolished()
            field.setMinimumWidth(field.fontMetrics().horizontalAdvance(field.placeholderText()) + 32)

    def _buttons(self) -> tuple[FlowGrid, FlowGrid]:
        self.deactivate_button = secondary_button(self.tr("Deactivate"))
        self.deactivate_button.clicked.connect(self.toggle_active)
        self.pin_button = secondary_button(self.tr("Reset PIN"))
        self.pin_button.clicked.connect(self.reset_pin)
        self.import_button = secondary_button(self.tr("Import CSV…"))
        self.import_button.clicked.connect(self.choose_import_file)
        self.stock = QComboBox()
        for value, label in STOCKS:
            self.stock.addItem(label, value)
        self.badges_button = QPushButton(self.tr("Print badges"))
        self.badges_button.clicked.connect(lambda: self.print_badges())
        # Rows that wrap (FlowGrid) rather than widen the window: at 1024x768 the Dutch texts of the
        # form's, the person's and the team's buttons are wider than the page side by side.
        person = FlowGrid((self.deactivate_button, self.pin_button), 2)
        team = FlowGrid((self.import_button, self.stock, self.badges_button), 3)
        return person, team

    # -- the list --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the people again (everyone; deactivated ones last)."""
        self.people = self._services.people.list()
        self.table.setRowCount(len(self.people))
        for r, person in enumerate(self.people):
            status = self.tr("active") if person.active else self.tr("deactivated")
            for c, value in enumerate((person.name, role_name(person.role), person.badge_code, status)):
                item = QTableWidgetItem(value)
                if not person.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, item)
        self._selected()

    def selected(self) -> list[Person]:
        """The people chosen in the list."""
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self.people[r] for r in rows if r < len(self.people)]

    def select(self, person_id: Any) -> None:
        """Choose one person in the list."""
        for r, person in enumerate(self.people):
            if person.id == person_id:
                self.table.selectRow(r)

    def _selected(self) -> None:
        chosen = self.selected()
        one = chosen[0] if len(chosen) == 1 else None
        self.save_button.setEnabled(one is not None)
        self.pin_button.setEnabled(one is not None and one.role.needs_pin)
        self.deactivate_button.setEnabled(one is not None)
        if one is not None:
            self.deactivate_button.setText(self.tr("Deactivate") if one.active else self.tr("Activate"))
            self.name.setText(one.name)
            self.role.setCurrentIndex(self.role.findData(one.role.value))
            self.language.setCurrentIndex(max(self.language.findData(one.language), 0))
            self.badge.setText(one.badge_code)
        self.new_badge.setChecked(False)
        self.pin.clear()
        self.pin_again.clear()

    # -- changes ---------------------------------------------------------------------------------

    def _pin(self, role: Role) -> str | None:
        """The PIN typed twice (None when left empty); PeopleError when the two differ or it is unfit."""
        if not self.pin.text() and not self.pin_again.text():
            return None
        return check_pin(role, self.pin.text(), self.pin_again.text())

    def _run(self, fn: Any, *args: Any, done_text: str, **kwargs: Any) -> None:
        def finished(result: Any) -> None:
            self.reload()
            if isinstance(result, Person):
                self.select(result.id)
            if isinstance(result, Person):
                done = fill(done_text, result.name, result.badge_code)
            else:
                done = done_text
            self.message.show_info(done)
            self.changed.emit()

        run_task(fn, *args, on_done=finished, on_error=self._failed, **kwargs)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, PeopleError):
            self.message.show_error(people_error(exc))
        elif isinstance(exc, PermissionDenied):
            self.message.show_error(self.tr("Only administrators manage people."))
        else:
            self.message.show_problem(exc)

    def add(self) -> None:
        """Add the person on the form."""
        role = Role(self.role.currentData())
        try:
            pin = self._pin(role) if role.needs_pin else None
            if role.needs_pin and pin is None:
                raise PeopleError("pin_needed", "this role needs a PIN")
        except PeopleError as exc:
            self._failed(exc)
            return
        new = NewPerson(self.name.text(), role, self.badge.text().strip(), pin or "",
                        str(self.language.currentData() or ""))
        self._run(self._services.people.add, self._user, new, done_text=self.tr("Added %1, badge %2."))

    def save(self) -> None:
        """Save the form's changes to the selected person."""
        chosen = self.selected()
        if len(chosen) != 1:
            return
        person, role = chosen[0], Role(self.role.currentData())
        try:
            pin = self._pin(role)
        except PeopleError as exc:
            self._failed(exc)
            return
        badge = None if self.new_badge.isChecked() else self.badge.text().strip() or None
        self._run(self._services.people.edit, self._user, person.id, name=self.name.text(), role=role,
                  language=str(self.language.currentData() or ""), badge_code=badge,
                  new_badge=self.new_badge.isChecked(), pin=pin, done_text=self.tr("Saved %1 (badge %2)."))

    def toggle_active(self) -> None:
        """Deactivate the selected person (or activate them again)."""
        chosen = self.selected()
        if len(chosen) == 1:
            person = chosen[0]
            text = self.tr("%1 can no longer log in.") if person.active else self.tr("%1 may log in again.")
            self._run(self._services.people.set_active, self._user, person.id, not person.active,
                      done_text=text)

    def reset_pin(self) -> None:
        """Give the selected person the PIN typed twice on the form."""
        chosen = self.selected()
        if len(chosen) != 1:
            return
        pin, again = self.pin.text(), self.pin_again.text()
        self._run(self._services.people.reset_pin, self._user, chosen[0].id, pin, again,
                  done_text=self.tr("%1 has a new PIN."))

    def choose_import_file(self) -> None:
        """Ask for a CSV file of people and import it."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import people"), QDir.homePath(),
                                              self.tr("CSV files (*.csv);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Import a whole team from ``path`` (nothing is added unless every line is right)."""
        from inspector.services.people_import import import_people

        def finished(result: Any) -> None:
            self.reload()
            if result.ok:
                parts = []
                if result.added or not result.reactivated:
                    added = len(result.added)
                    parts.append(self.tr("%Ln person(s) added. Print their badges now.", "", added))
                if result.reactivated:
                    back = ", ".join(p.name for p in result.reactivated)
                    parts.append(fill(self.tr("Reactivated: %1 (their badges work again)."), back))
                self.message.show_info(" ".join(parts))
                self.changed.emit()
                return
            lines = [fill(self.tr("Line %1: %2"), p.line, people_error(p)) if p.line else people_error(p)
                     for p in result.problems[:8]]
            text = self.tr("Nobody was added or changed. Fix these lines first: %1")
            self.message.show_error(fill(text, " · ".join(lines)))

        run_task(import_people, self._services.people, self._user, path, on_done=finished,
                 on_error=self._failed)

    def print_badges(self, path: Path | None = None) -> None:
        """Write the badge cards of the chosen people (or everyone active) to a PDF in the exports folder."""
        from inspector.reports.badges import Badge, write_badges
        from inspector.reports.words import resolve_language

        people = [p for p in self.selected() if p.active] or [p for p in self.people if p.active]
        badges = [Badge(p.name, p.role.value, p.badge_code) for p in people]
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = path or self._services.paths.exports / f"badges-{stamp}.pdf"
        language = resolve_language(self._user.language or self._services.settings.language)
        run_task(write_badges, target, badges, str(self.stock.currentData()), language=language,
                 warehouse=self._services.station.warehouse_name,
                 on_done=lambda written: self.message.show_info(fill(self.tr("%Ln badge(s) written to %1", "",
                                                                             len(badges)), str(written))),
                 on_error=self._failed)
