"""The checklist of an inspection: the template's visible questions as big, keyboard-friendly inputs.

Yes/no questions take Y or J (yes, ja) and N (no, nee); choice questions take the number keys 1–9;
numbers have a spin box, texts a field (serial questions also take a scan; Enter confirms the field
and moves on), photo questions are answered with the camera panel. After each answer the focus goes
to the next question answered by a key; fields to type come last. Each answer is emitted at once
(``answered``) for the service to save; questions appear and disappear as the answers change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inspector.services.checklist_model import ChecklistTemplate, Question
from inspector.services.checklists import visible_questions
from inspector.ui.texts import fill
from inspector.ui.widgets import WrappingButton, secondary_button

YES_KEYS = (Qt.Key.Key_Y, Qt.Key.Key_J)
NO_KEYS = (Qt.Key.Key_N,)


class QuestionWidget(QFrame):
    """One question with its input; emits ``answered(question_id, value)``, and ``confirmed()`` when
    Enter confirms its field (the focus moves on; Enter never finishes the item from a field)."""

    answered = Signal(str, object)
    photo_wanted = Signal(str)
    confirmed = Signal()

    def __init__(self, question: Question, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("question")
        self.question = question
        self.value: Any = None
        self.buttons: list[QPushButton] = []
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.editor: QLineEdit | QSpinBox | None = None
        text = QLabel(question.text.get(language) + ("" if question.required else self.tr(" (optional)")))
        text.setWordWrap(True)
        text.setObjectName("questionText")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(4)
        row = QHBoxLayout()
        row.addWidget(text, 1)
        layout.addLayout(row)
        self.help_label: QLabel | None = None
        if question.help is not None:
            self.help_label = QLabel(question.help.get(language))
            self.help_label.setObjectName("hint")
            self.help_label.setWordWrap(True)
            layout.addWidget(self.help_label)
        if question.type == "yes_no":
            for value, label in ((True, self.tr("Yes (Y)")), (False, self.tr("No (N)"))):
                row.addWidget(self._button(label, value, wrap=False))
        elif question.type == "choice":
            grid = QGridLayout()
            longest = max((len(o.text.get(language)) for o in question.options), default=0)
            columns = 3 if longest <= 8 else 2 if longest <= 14 else 1  # long labels must not clip
            for number, option in enumerate(question.options):
                label = fill(self.tr("%1  %2"), number + 1, option.text.get(language))
                grid.addWidget(self._button(label, option.id), number // columns, number % columns)
            layout.addLayout(grid)
        elif question.type == "number":
            self.editor = QSpinBox()
            low = int(question.minimum if question.minimum is not None else 0)
            self.editor.setRange(low - 1, int(question.maximum if question.maximum is not None else 9999))
            self.editor.setSpecialValueText("–")
            self.editor.setValue(low - 1)
            if question.unit:
                self.editor.setSuffix(f" {question.unit}")
            self.editor.editingFinished.connect(self._number_entered)
            row.addWidget(self.editor)
        elif question.type == "text":
            self.editor = QLineEdit()
            self.editor.setMaxLength(question.max_length)
            if question.scan:
                self.editor.setPlaceholderText(self.tr("Scan or type, then Enter"))
            self.editor.editingFinished.connect(self._text_entered)
            layout.addWidget(self.editor)
        else:  # photo
            button = secondary_button(fill(self.tr("Take photo: %1"), question.photo_tag))
            button.clicked.connect(lambda: self.photo_wanted.emit(question.photo_tag))
            self.buttons.append(button)
            row.addWidget(button)

    def _button(self, label: str, value: Any, wrap: bool = True) -> QPushButton:
        if wrap:  # a long option breaks into lines instead of being cut off
            button: QPushButton = WrappingButton(label)  # as tall as its lines need
            button.setProperty("secondary", True)
        else:
            button = secondary_button(label)
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)  # never cut off
        button.setCheckable(True)
        button.setProperty("answer", True)
        button.clicked.connect(lambda _checked=False: self.give(value))
        self.group.addButton(button)
        self.buttons.append(button)
        button.setProperty("value", value)
        return button

    # --- answering -------------------------------------------------------------------------------

    def give(self, value: Any) -> None:
        """Answer with ``value`` (as if clicked) and emit it."""
        self.show_value(value)
        self.answered.emit(self.question.id, value)

    def show_value(self, value: Any) -> None:
        """Show a stored answer without emitting it."""
        self.value = value
        for button in self.buttons:
            if button.isCheckable():
                button.setChecked(value is not None and button.property("value") == value)
        if isinstance(self.editor, QLineEdit) and value is not None and self.editor.text() != str(value):
            self.editor.setText(str(value))
        if isinstance(self.editor, QSpinBox) and value is not None:
            self.editor.setValue(int(value))

    @property
    def is_answered(self) -> bool:
        """True once the question has a value (photo questions: see the camera panel)."""
        return self.value not in (None, "")

    def _number_entered(self) -> None:
        assert isinstance(self.editor, QSpinBox)
        value = None if self.editor.value() == self.editor.minimum() else self.editor.value()
        if value != self.value:
            self.give(value)

    def _text_entered(self) -> None:
        assert isinstance(self.editor, QLineEdit)
        text = self.editor.text().strip()
        if text != (self.value or ""):
            self.give(text or None)

    def focus_input(self) -> None:
        """Put the focus on the question's input (the chosen or first button, field or spin box)."""
        checked = next((b for b in self.buttons if b.isCheckable() and b.isChecked()), None)
        target = self.editor or checked or (self.buttons[0] if self.buttons else self)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Y/J/N answer yes/no questions, 1–9 choose an option; Enter confirms a field."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.editor is not None:
            if isinstance(self.editor, QLineEdit):
                self._text_entered()
            else:
                self._number_entered()
            self.confirmed.emit()
            event.accept()
            return
        if self.question.type == "yes_no" and key in YES_KEYS + NO_KEYS:
            self.give(key in YES_KEYS)
            return
        if self.question.type == "choice" and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            index = key - Qt.Key.Key_1
            if index < len(self.question.options):
                self.give(self.question.options[index].id)
                return
        super().keyPressEvent(event)


class ChecklistView(QWidget):
    """The visible questions of a template; emits ``answered``, ``photo_wanted`` and ``completed``.

    Compact (small screens): a question's help text shows only while it has the focus.
    """

    answered = Signal(str, object)
    photo_wanted = Signal(str)
    completed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.template: ChecklistTemplate | None = None
        self.widgets: dict[str, QuestionWidget] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.compact = False
        self._helped: QuestionWidget | None = None

    def set_compact(self, compact: bool) -> None:
        """Help texts only for the focused question (small screens), or always."""
        self.compact = compact
        for widget in self.widgets.values():
            if widget.help_label is not None:
                widget.help_label.setVisible(not compact or widget is self._helped)

    def focused(self, widget: QuestionWidget | None) -> None:
        """The question with the focus (its help shows on small screens)."""
        self._helped = widget
        if self.compact:
            self.set_compact(True)

    def load(self, template: ChecklistTemplate, answers: dict[str, Any], language: str) -> None:
        """Build the questions of ``template`` showing ``answers``."""
        while self._layout.count():  # out of the layout now, not when deleted: the new item starts at the top
            item = self._layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.widgets = {}
        self.template = template
        for question in template.questions:
            widget = QuestionWidget(question, language, self)
            widget.show_value(answers.get(question.id))
            widget.answered.connect(self._answered)
            widget.photo_wanted.connect(self.photo_wanted)
            widget.confirmed.connect(lambda w=widget: self.focus_next(w))
            self.widgets[question.id] = widget
            self._layout.addWidget(widget)
        self._layout.addStretch(1)
        self._helped = None
        self.set_compact(self.compact)
        self.update_visibility()

    def answers(self) -> dict[str, Any]:
        """The answers shown now."""
        return {qid: w.value for qid, w in self.widgets.items() if w.value not in (None, "")}

    def visible(self) -> list[QuestionWidget]:
        """The questions on show, in order."""
        if self.template is None:
            return []
        return [self.widgets[q.id] for q in visible_questions(self.template, self.answers())]

    def update_visibility(self) -> None:
        """Show the questions the answers so far call for, hide the others."""
        shown = {w.question.id for w in self.visible()}
        for qid, widget in self.widgets.items():
            widget.setVisible(qid in shown)

    def next_open(self, after: QuestionWidget | None = None) -> QuestionWidget | None:
        """The question the focus goes to next: the first unanswered visible question answered by a key
        (yes/no, choice; after ``after`` when given, else from the top), else the first unanswered
        field to type or scan (text, date, number). A field that an answer opens never takes the focus
        while keys still have questions to answer: the next key must not land in it as text."""
        visible = [w for w in self.visible() if w.question.type != "photo" and w.question.required]
        start = visible.index(after) + 1 if after in visible else 0
        ordered = visible[start:] + visible[:start]
        open_keys = [w for w in ordered if not w.is_answered and not w.question.needs_input]
        open_fields = [w for w in visible if not w.is_answered and w.question.needs_input]
        return next(iter(open_keys + open_fields), None)

    def show_answers(self, answers: dict[str, Any]) -> None:
        """Show answers recorded elsewhere (the "all as expected" key, a scan) without emitting them."""
        for question_id, value in answers.items():
            widget = self.widgets.get(question_id)
            if widget is not None:
                widget.show_value(value)
        self.update_visibility()

    def scan_target(self) -> QuestionWidget | None:
        """The scan question a scan should answer: the focused one, else the first unanswered."""
        scans = [w for w in self.visible() if w.question.scan]
        focus = QApplication.focusWidget()
        focused = next((w for w in scans if focus is not None and w.isAncestorOf(focus)), None)
        return focused or next((w for w in scans if not w.is_answered), None)

    def focus_next(self, after: QuestionWidget | None = None) -> bool:
        """Focus the next open question; False (and ``completed``) when all are answered."""
        target = self.next_open(after)
        if target is None:
            self.completed.emit()
            return False
        target.focus_input()
        return True

    def _answered(self, question_id: str, value: Any) -> None:
        self.update_visibility()
        self.answered.emit(question_id, value)
        widget = self.widgets[question_id]
        if widget.question.type in ("yes_no", "choice"):
            self.focus_next(widget)
