"""The grading panel: the suggested grade (big, coloured), why, refund advice and destination."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from inspector.models import Flag, Grade
from inspector.services.checklists import FiredRule
from inspector.services.finishing import Assessment
from inspector.services.grading import WRONG_ITEM_KIND
from inspector.ui.station.dialogs import OverrideDialog
from inspector.ui.texts import disposition_name, fill, flag_name, grade_name, money, refund_advice_name
from inspector.ui.widgets import secondary_button


class GradingPanel(QWidget):
    """Shows an :class:`Assessment`; emits ``finish(Grade, reason)`` when the inspector decides and
    ``closed(Grade)`` when the override dialog closes (with the grade it was left at)."""

    finish = Signal(object, str)
    closed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradingPanel")
        self.assessment: Assessment | None = None
        self.currency = "EUR"
        self.language = "en"
        self.dialog: OverrideDialog | None = None
        self.missing_for: Callable[[Grade], str] = lambda _grade: ""
        self._kept: tuple[Grade, str] | None = None  # what the override dialog was left with
        self.grade_label = QLabel("–")
        self.grade_label.setObjectName("gradeBig")
        self.grade_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grade_label.setFixedWidth(230)
        self.grade_label.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.finish_button = QPushButton(self.tr("Finish (Enter)"))
        self.finish_button.setAutoDefault(True)
        self.finish_button.clicked.connect(self.confirm)
        self.other_button = secondary_button(self.tr("Other grade…"))
        self.other_button.setAutoDefault(True)
        self.other_button.clicked.connect(self.choose_other)
        buttons = QVBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.finish_button)
        buttons.addWidget(self.other_button)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(self.grade_label)
        row.addWidget(self.details, 1)
        row.addLayout(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

    def set_compact(self, compact: bool) -> None:
        """A narrower grade tile on small screens."""
        self.grade_label.setFixedWidth(170 if compact else 230)

    def show_assessment(self, assessment: Assessment) -> None:
        """Show what the rules say now."""
        self.assessment = assessment
        grade = assessment.suggested_grade
        wrong = assessment.disposition is not None and assessment.disposition.kind == WRONG_ITEM_KIND
        # a wrong item is no grade of the announced product: the tile says what it is
        tile = flag_name(Flag.WRONG_ITEM.value) if wrong else grade_name(grade) if grade else "–"
        self.grade_label.setText(tile)
        self.grade_label.setProperty("grade", "" if wrong else grade.value if grade else "")
        self.grade_label.style().polish(self.grade_label)
        lines = []
        if assessment.evaluation is not None:
            lines += [self._rule_text(rule) for rule in assessment.evaluation.fired[:3]]
        refund = assessment.refund
        lines.append(
            fill(
                self.tr("<b>%1</b>: %2"),
                refund_advice_name(refund.kind),
                money(refund.amount_cents, self.currency),
            )
        )
        if assessment.disposition is not None:
            lines.append(
                fill(
                    self.tr("Destination: <b>%1 %2</b>"),
                    disposition_name(assessment.disposition.kind),
                    assessment.disposition.destination,
                )
            )
        if assessment.evaluation is not None and Flag.HAZARDOUS in assessment.evaluation.flags:
            lines.append(
                "<span style='color:#b00020'><b>"
                + _escape(self.tr("Dangerous goods: to the hazardous-goods cage, hazard mark on the label"))
                + "</b></span>"
            )
        if assessment.disposition is not None and assessment.disposition.kind == WRONG_ITEM_KIND:
            lines.append(
                "<span style='color:#b00020'><b>"
                + _escape(self.tr("Wrong item: not back to stock as the announced product; "
                                  "WRONG ITEM mark and the scanned code on the label"))
                + "</b></span>"
            )
        if assessment.missing or assessment.needs_wrong_item_photo:
            lines.append("<span style='color:#b00020'><b>" + self.tr("Not complete yet") + "</b></span>")
        self.details.setText("<br>".join(_escape(line) if "<" not in line else line for line in lines))

    def _rule_text(self, rule: FiredRule) -> str:
        """Why a rule fired, in the user's language: its reason, the grade it asks for, its flags and
        what it takes off the refund (the audit log keeps the rule's id and codes)."""
        parts = [rule.reason.get(self.language)]
        if rule.grade:
            parts.append(fill(self.tr("suggests %1"), grade_name(rule.grade)))
        parts += [flag_name(flag) for flag in sorted(rule.flags)]
        if rule.deduction_bp:
            percent = QLocale().toString(rule.deduction_bp / 100, "f", 2)
            parts.append(fill(self.tr("%1 % less refund"), percent))
        return " · ".join(parts)

    def confirm(self) -> None:
        """Finish with the suggested grade."""
        if self.assessment is not None and self.assessment.suggested_grade is not None:
            self.finish.emit(self.assessment.suggested_grade, "")

    def choose_other(self) -> None:
        """Open the override dialog (another grade needs a reason; it refuses while photos that grade
        needs are missing and keeps the grade and reason typed for the next time it opens)."""
        suggested = (self.assessment.suggested_grade if self.assessment else None) or Grade.RESTOCK
        grade, reason = self._kept or (suggested, "")
        self.dialog = OverrideDialog(suggested, self.window(), grade=grade, reason=reason,
                                     missing_for=self.missing_for)
        self.dialog.chosen.connect(self._chosen)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    def _chosen(self, grade: Grade, reason: str) -> None:
        self._kept = None
        self.finish.emit(grade, reason)

    def _dialog_closed(self, _result: int) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        if dialog.result() != dialog.DialogCode.Accepted:
            self._kept = (dialog.grade, dialog.reason.text())
            self.closed.emit(dialog.grade)
        else:
            self.closed.emit(None)

    def forget_override(self) -> None:
        """A new item: nothing kept from the last override dialog."""
        self._kept = None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
