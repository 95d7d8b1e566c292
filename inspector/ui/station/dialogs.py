"""Small dialogs of the station: a reason or note to type, and choosing another grade.

They open with :meth:`QDialog.open` (never a blocking ``exec``) and report through signals, so
the scanner and the tests keep working while they are shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.models import Grade
from inspector.scanning.events import ScanError, ScanEvent
from inspector.services.grading import MIN_OVERRIDE_REASON
from inspector.ui.texts import fill, grade_name, scan_error_text
from inspector.ui.widgets import (
    MessageLine,
    heading,
    hint,
    keep_over_window,
    keep_text_width,
    secondary_button,
)


def _buttons(ok: QPushButton, cancel: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(cancel)
    row.addStretch(1)
    row.addWidget(ok)
    return row


class TextDialog(QDialog):
    """Asks for one line of text (a note, a reason, a description); emits ``entered(text)``.

    With ``on_scan`` the dialog takes the scans made while it is open (the ScanHub gives them to it);
    without, a scan is refused in the dialog ("close the dialog first") and the page behind ignores it.
    """

    entered = Signal(str)

    def __init__(
        self,
        title: str,
        explanation: str,
        placeholder: str,
        min_length: int = 0,
        text: str = "",
        parent: QWidget | None = None,
        on_scan: Callable[[ScanEvent], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(760)
        self._min_length = min_length
        self._on_scan = on_scan
        self.field = QLineEdit(text)
        self.field.setPlaceholderText(placeholder)
        self.message = MessageLine()
        self.ok_button = QPushButton(self.tr("OK (Enter)"))
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.accept)
        cancel = secondary_button(self.tr("Cancel (Esc)"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        layout.addWidget(heading(title, "dialogHeading"))
        layout.addWidget(hint(explanation))
        layout.addWidget(self.field)
        layout.addWidget(self.message)
        layout.addLayout(_buttons(self.ok_button, cancel))
        self.field.setFocus()

    @property
    def takes_scans(self) -> bool:
        """True when a scan made while the dialog is open is the dialog's (see :class:`ScanHub`)."""
        return self._on_scan is not None

    def take_scan(self, event: ScanEvent) -> None:
        """A scan while the dialog is open."""
        if self._on_scan is not None:
            self._on_scan(event)

    def take_scan_error(self, error: ScanError) -> None:
        """A garbled scan while the dialog is open: ask for it again, here."""
        why = scan_error_text(error)
        self.message.show_error(fill(self.tr("The scan could not be read: %1 Scan again."), why))

    def accept(self) -> None:
        """Close and emit the text, unless it is shorter than required."""
        text = " ".join(self.field.text().split())
        if len(text) < self._min_length:
            self.message.show_error(self.tr("Please write at least %Ln character(s).", "", self._min_length))
            self.field.setFocus()
            return
        super().accept()
        self.entered.emit(text)


class OverrideDialog(QDialog):
    """Choose a grade other than the suggestion, with the reason the service requires.

    ``missing_for(grade)`` says what that grade still needs (a worse grade needs every photo): the
    dialog says so as soon as the grade is chosen and refuses to finish until it is there, keeping the
    grade and reason (see :class:`GradingPanel`)."""

    chosen = Signal(object, str)  # Grade, reason

    def __init__(
        self,
        suggested: Grade,
        parent: QWidget | None = None,
        *,
        grade: Grade | None = None,
        reason: str = "",
        missing_for: Callable[[Grade], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Another grade"))
        self.setMinimumWidth(min(820, parent.width() - 40) if parent is not None else 820)
        self.suggested = suggested
        self._missing_for = missing_for or (lambda _grade: "")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self._grade_buttons: list[QPushButton] = []
        row = QHBoxLayout()
        for number, each in enumerate(Grade, start=1):
            button = secondary_button(fill(self.tr("%1  %2"), number, grade_name(each)))
            button.setCheckable(True)
            button.setAutoDefault(False)  # Enter always means the OK button, whatever grade has focus
            button.setProperty("grade", each.value)
            self.group.addButton(button, number - 1)
            self._grade_buttons.append(button)
            row.addWidget(button)
        self.group.button(list(Grade).index(grade or suggested)).setChecked(True)
        self.group.idClicked.connect(self._grade_chosen)
        self.reason = QLineEdit(reason)
        self.reason.setPlaceholderText(self.tr("Why another grade? (at least 10 characters)"))
        self.message = MessageLine()
        self.ok_button = QPushButton(self.tr("Finish with this grade (Enter)"))
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.accept)
        cancel = self.cancel_button = secondary_button(self.tr("Cancel (Esc)"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # a long message grows the dialog
        layout.setContentsMargins(20, 24, 20, 24)  # four whole Dutch grades fit a 1024 px screen
        layout.setSpacing(14)
        layout.addWidget(heading(self.tr("Choose another grade"), "dialogHeading"))
        layout.addWidget(
            hint(
                fill(
                    self.tr("The checklist suggests %1. Keys 1–4 choose a grade, then write why."),
                    grade_name(suggested),
                )
            )
        )
        layout.addLayout(row)
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        layout.addLayout(_buttons(self.ok_button, cancel))
        self._show_missing()
        (self.reason if reason else self.group.checkedButton()).setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        # The styled (bold) texts' width: never cut (the Dutch grades need ~950 px, a 1024 px screen has it).
        keep_text_width(*self._grade_buttons, self.ok_button, self.cancel_button)
        for button in self._grade_buttons:  # the chosen grade's thicker frame takes a few pixels more
            button.setMinimumWidth(button.minimumWidth() + 8)
        super().showEvent(event)
        self.adjustSize()
        keep_over_window(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """1–4 choose a grade (while the reason field does not have the focus)."""
        index = event.key() - Qt.Key.Key_1
        if 0 <= index < len(Grade):
            self.group.button(index).click()
            return
        super().keyPressEvent(event)

    @property
    def grade(self) -> Grade:
        """The grade chosen now."""
        return list(Grade)[max(0, self.group.checkedId())]

    def _grade_chosen(self, _id: int) -> None:
        self._show_missing()
        self.reason.setFocus()

    def _show_missing(self) -> bool:
        """Say at once what the chosen grade still needs; True when something is missing."""
        missing = self._missing_for(self.grade)
        if missing:
            self._error(fill(self.tr("%1 needs first: %2. Esc: take them (grade and reason are kept)."),
                             grade_name(self.grade), missing))
        else:
            self.message.clear_message()
        return bool(missing)

    def _error(self, text: str) -> None:
        self.message.show_error(text)
        self.adjustSize()
        keep_over_window(self)

    def accept(self) -> None:
        """Close and emit ``chosen`` when nothing is missing and the reason is long enough."""
        if self._show_missing():
            return
        reason = " ".join(self.reason.text().split())
        if self.grade is not self.suggested and len(reason) < MIN_OVERRIDE_REASON:
            self._error(
                fill(
                    self.tr("Write why you choose %1 instead of %2 (at least %n character(s)).", "",
                            MIN_OVERRIDE_REASON),
                    grade_name(self.grade),
                    grade_name(self.suggested),
                )
            )
            self.reason.setFocus()
            return
        super().accept()
        self.chosen.emit(self.grade, reason)
