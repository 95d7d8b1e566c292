"""Dialogs of a dispute: open it, add a note or a decision, change the grade (with a reason), close it.

The dialog only collects the input and emits ``submitted(values)``; the review page hands the
values to :class:`inspector.services.disputes.DisputeService` (which checks the user's role) and
closes the dialog on success or shows the refusal in it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.models import DisputeOutcome, DisputeParty, Grade
from inspector.ui.review.names import outcome_name, party_name
from inspector.ui.texts import fill, grade_name
from inspector.ui.widgets import MessageLine, heading

OPEN, NOTE, DECISION, GRADE, CLOSE = "open", "note", "decision", "grade", "close"


class DisputeDialog(QDialog):
    """One dispute action; ``values()`` holds what was entered (keys depend on the kind)."""

    submitted = Signal(dict)

    def __init__(self, kind: str, parent: QWidget | None = None, current_grade: str | None = None,
                 subject: str = "") -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName("disputeDialog")
        titles = {
            OPEN: self.tr("Open a dispute"), NOTE: self.tr("Add a note"),
            DECISION: self.tr("Record a decision"), GRADE: self.tr("Change the grade"),
            CLOSE: self.tr("Close the dispute"),
        }
        self.setWindowTitle(titles[kind])
        self.party = QComboBox()
        for party in DisputeParty:
            self.party.addItem(party_name(party), party)
        self.reference = QLineEdit()
        self.reference.setMaxLength(120)
        self.reference.setPlaceholderText(self.tr("Their case or claim number"))
        self.grade = QComboBox()
        for grade in Grade:
            if grade.value != current_grade:
                self.grade.addItem(grade_name(grade), grade)
        self.outcome = QComboBox()
        for outcome in DisputeOutcome:
            self.outcome.addItem(outcome_name(outcome), outcome)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(120)
        self.message = MessageLine()
        form = QFormLayout()
        if kind == OPEN:
            form.addRow(self.tr("Disputed by"), self.party)
            form.addRow(self.tr("Reference"), self.reference)
            form.addRow(self.tr("Note"), self.text)
        elif kind == GRADE:
            form.addRow(self.tr("Current grade"), QLabel(grade_name(current_grade) if current_grade else "—"))
            form.addRow(self.tr("New grade"), self.grade)
            form.addRow(self.tr("Reason (required)"), self.text)
        elif kind == CLOSE:
            form.addRow(self.tr("Outcome"), self.outcome)
            form.addRow(self.tr("Closing note"), self.text)
        else:
            form.addRow(self.tr("Decision") if kind == DECISION else self.tr("Note"), self.text)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(titles[kind], "dialogHeading"))
        if subject:
            layout.addWidget(QLabel(subject))
        if kind == GRADE:
            keep = QLabel(self.tr("The original grade stays visible in the history and the audit log."))
            keep.setWordWrap(True)
            layout.addWidget(keep)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._confirmed = False
        self.text.textChanged.connect(self._update_ok)
        self.text.textChanged.connect(self._unconfirm)
        self.outcome.currentIndexChanged.connect(self._unconfirm)
        self._update_ok()
        self.resize(760, 520)

    def values(self) -> dict[str, Any]:
        """What was entered: ``text`` always, plus ``party``/``reference``, ``grade`` or ``outcome``."""
        values: dict[str, Any] = {"kind": self.kind, "text": self.text.toPlainText().strip()}
        if self.kind == OPEN:
            values.update(party=self.party.currentData(), reference=self.reference.text().strip())
        elif self.kind == GRADE:
            values["grade"] = self.grade.currentData()
        elif self.kind == CLOSE:
            values["outcome"] = self.outcome.currentData()
        return values

    def show_error(self, text: str) -> None:
        """The service refused: say why and let the user correct it."""
        self.message.show_error(text)
        self.buttons.setEnabled(True)

    def _needs_text(self) -> bool:
        return self.kind in (NOTE, DECISION, GRADE, CLOSE)

    def _unconfirm(self) -> None:
        if self._confirmed:
            self._confirmed = False
            self.message.clear_message()

    def _update_ok(self) -> None:
        ok = not self._needs_text() or bool(self.text.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _submit(self) -> None:
        if self._needs_text() and not self.text.toPlainText().strip():
            self.message.show_error(self.tr("Write the reason first."))
            return
        if self.kind == CLOSE and not self._confirmed:
            # Closing cannot be undone: the first Save asks, the second one closes.
            self._confirmed = True
            question = self.tr("Close the dispute as \u201c%1\u201d? It cannot be reopened. "
                               "Press Save again to close it.")
            self.message.show_error(fill(question, self.outcome.currentText()))
            return
        self.message.clear_message()
        self.submitted.emit(self.values())
