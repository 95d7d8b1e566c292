"""The inspection of one unit: verify the item, answer the checklist, photograph it, grade it.

Every step is saved at once through the inspection service on the database worker (crash safety);
the assessment (suggested grade, what is missing) is refreshed after each step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspector.models import Grade
from inspector.scanning.events import ScanEvent
from inspector.scanning.identify import identify
from inspector.services.finishing import Assessment, FinishedItem, gtin_as_scanned
from inspector.services.inspection import ExpectedAnswers, InspectionState, VerificationResult
from inspector.services.return_summary import LineSummary
from inspector.ui.station.camera_panel import CameraPanel
from inspector.ui.station.checklist_view import ChecklistView
from inspector.ui.station.grading_panel import GradingPanel
from inspector.ui.station.tools import Workbench
from inspector.ui.station.verification import VerificationBar
from inspector.ui.texts import fill, inspection_error, reason_name
from inspector.ui.widgets import MessageLine, hint, secondary_button

COMPACT_WIDTH = 1000  # below this width or COMPACT_HEIGHT (768-pixel screens) the screen packs tighter
COMPACT_HEIGHT = 850
COMMENT_CHARS = 60
"""The customer's comment in the item's header is cut (at a word, with "…") after this many characters,
so that the inspection screen fits 768 pixels whatever the customer wrote."""


def shortened(text: str, limit: int) -> str:
    """``text``, or its words up to ``limit`` characters followed by "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,.;:") + "…"


COMPACT_STYLE = """
* { font-size: 13pt; }
QLabel#subheading { font-size: 15pt; font-weight: bold; }
QLabel#message { font-size: 14pt; padding: 4px; }
QLabel#verify { font-size: 14pt; padding: 4px; }
QLabel#gradeBig { font-size: 17pt; padding: 2px 6px; }
QPushButton { font-size: 13pt; padding: 2px 8px; min-height: 34px; }
QPushButton[answer="true"] { font-size: 12pt; min-height: 34px; }
QLineEdit, QSpinBox, QComboBox { font-size: 13pt; min-height: 34px; padding: 2px 6px; }
QLabel#needed, QLabel#hint { font-size: 11pt; }
QListWidget#thumbnails { font-size: 11pt; }
"""


class InspectionScreen(QWidget):
    """One unit's inspection; emits ``finished(FinishedItem)`` and ``back()``.

    Laid out for 1024x768 up to 1920x1080: below :data:`COMPACT_WIDTH` the camera panel narrows, the
    key hint goes and the texts get smaller, so that the checklist keeps at least four rows.
    """

    finished = Signal(object)
    back = Signal()

    def __init__(self, bench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bench = bench
        self.state: InspectionState | None = None
        self.line: LineSummary | None = None
        self.assessment: Assessment | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.item_label = QLabel()
        self.item_label.setObjectName("subheading")
        self.item_label.setWordWrap(True)
        self.item_facts = QLabel()
        self.item_facts.setObjectName("hint")
        self.item_facts.setWordWrap(True)
        self.verification = VerificationBar()
        self.verification.by_hand.connect(self._confirmed_by_hand)
        self.verification.scanned_instead.connect(self.handle_scan)  # scanned after all: verified by scan
        self.verify_label = self.verification.label
        self.checklist = ChecklistView()
        self.checklist.answered.connect(self._answered)
        self.checklist.completed.connect(self._checklist_done)
        self.expected_button = secondary_button(self.tr("All as expected (A)"))
        self.expected_button.setAutoDefault(True)
        self.expected_button.setToolTip(
            self.tr("Answers every open question with its expected answer; you answer only what differs.")
        )
        self.expected_button.clicked.connect(self.accept_expected)
        self.keys_hint = hint(self.tr("Y/N, 1–9 answer · A all as expected · Space photo · Enter finish"))
        self.keys_hint.setWordWrap(True)
        self.notes = QLineEdit()
        self.notes.setPlaceholderText(self.tr("Notes for the supervisor (optional)"))
        self.notes.editingFinished.connect(self._save_notes)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 8, 0)
        inner_layout.addWidget(self.checklist)
        inner_layout.addWidget(self.notes)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(inner)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.camera = CameraPanel(bench)
        self.camera.photo_added.connect(lambda _p: self._step_done())
        self.camera.photo_deleted.connect(lambda _p: self._step_done())
        self.camera.problem.connect(self.message_error)
        self.checklist.photo_wanted.connect(self._photo_wanted)
        self.grading = GradingPanel()
        self.grading.finish.connect(self.finish)
        self.message = MessageLine()
        bench.saves.problem.connect(self._saves_waiting)
        bench.saves.recovered.connect(self._saves_through)
        self.back_button = secondary_button(self.tr("Back to the return (Esc)"))
        self.back_button.setAutoDefault(True)
        self.back_button.clicked.connect(self.back)
        self.wanted_grade: Grade | None = None  # another grade the inspector chose, kept while photos lack
        self._message_about = ""
        self.grading.closed.connect(self._override_closed)
        self.grading.missing_for = self._missing_for_grade
        keys = QHBoxLayout()
        keys.addWidget(self.keys_hint, 1)
        keys.addWidget(self.expected_button)
        left = QVBoxLayout()
        left.addWidget(self.verification)
        left.addLayout(keys)
        left.addWidget(self.scroll, 1)
        self.compact: bool | None = None
        self.columns = QHBoxLayout()
        self.columns.addLayout(left, 3)
        self.columns.addWidget(self.camera, 2)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.item_label)
        titles.addWidget(self.item_facts)
        top.addLayout(titles, 1)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addLayout(self.columns, 1)
        layout.addWidget(self.grading)
        QShortcut(
            QKeySequence(Qt.Key.Key_Space),
            self,
            self.camera.capture,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence(Qt.Key.Key_A),
            self,
            self.accept_expected,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_changed)

    # --- layout ----------------------------------------------------------------------------------

    def resizeEvent(self, event: object) -> None:
        """Pack tighter below :data:`COMPACT_WIDTH` (the checklist never shows fewer than four rows)."""
        self.set_compact(self.width() < COMPACT_WIDTH or self.height() < COMPACT_HEIGHT)
        super().resizeEvent(event)  # type: ignore[arg-type]

    def set_compact(self, compact: bool) -> None:
        """Smaller texts, a narrow camera column and no key hint (the buttons name their keys)."""
        self.camera.setMaximumWidth(min(420, max(300, self.width() * 2 // 5)) if compact else 16_777_215)
        if compact == self.compact:
            return
        self.compact = compact
        self.setStyleSheet(COMPACT_STYLE if compact else "")
        self.keys_hint.setVisible(not compact)
        self.camera.set_compact(compact)
        self.grading.set_compact(compact)
        self.checklist.set_compact(compact)
        self.columns.setStretch(0, 3 if not compact else 5)
        self.columns.setStretch(1, 2 if not compact else 3)

    # --- opening ---------------------------------------------------------------------------------

    def open(self, state: InspectionState, line: LineSummary | None) -> None:
        """Show ``state`` (a new or resumed inspection) of ``line`` (None for an extra item)."""
        self.state, self.line = state, line
        self.assessment = None
        services, language = self._bench.services, self._bench.language
        template = services.templates.get(state.checklist_id) or services.grading.template_for(state.category)
        name = line.product_name if line else state.item_description or self.tr("Extra item")
        self.item_label.setText(fill(self.tr("%1 — unit %2"), name, state.unit_index))
        if line is not None:
            facts = fill(self.tr("SKU %1 · expected GTIN %2"), line.sku, line.gtin)
            if line.expected_serial:
                facts += fill(self.tr(" · serial %1"), line.expected_serial)
            facts += fill(self.tr(" · reason: %1"), reason_name(line.reason_code))
            if line.customer_comment:  # a long one is shortened here (whole in the tool tip and the return)
                facts += fill(self.tr(" · “%1”"), shortened(line.customer_comment, COMMENT_CHARS))
        else:
            facts = self.tr("Not announced: extra item, checked by a supervisor")
        self.item_facts.setText(facts)
        self.item_facts.setToolTip(line.customer_comment if line is not None else "")
        self.grading.language = language
        self.grading.currency = line.currency if line else "EUR"
        self.grading.forget_override()
        self.wanted_grade = None
        self.clear_message()
        self.checklist.load(template, state.answers, language)
        self.scroll.verticalScrollBar().setValue(0)
        self.notes.setText(state.notes)
        self.camera.load(state.id, template, language, state.photos)
        self.verification.show_state(state, line is not None)
        if self._bench.camera is not None and not self._bench.camera.running:
            self._bench.camera.start()
        self.refresh()
        if state.verification is None and line is not None:
            self.setFocus()
        else:
            self.checklist.focus_next()

    # --- scans -----------------------------------------------------------------------------------

    def handle_scan(self, event: ScanEvent) -> None:
        """A product code verifies the item; other codes answer the serial question waiting for one."""
        if self.state is None:
            return
        target = self.checklist.scan_target()
        # short UPC-E forms count as product codes only while nothing else (a serial question) wants a scan
        expects_product = target is None and self.state.verification is None
        ident = identify(event.text, event.symbology, product=expects_product)
        is_product = ident.kind in ("gtin", "gs1") and bool(ident.fields.get("gtin")) and ident.valid
        focused_target = target is not None and target.isAncestorOf(QApplication.focusWidget())
        # Camera reads take this same path as handheld scans: a product code verifies the item (and
        # another product's code gives the wrong-item warning), whatever read it.
        if self._message_about in ("scan", "saved"):
            self.clear_message()
        if target is not None and (focused_target or not is_product or self.line is None):
            target.give(ident.normalized if ident.kind != "gs1" and ident.normalized else event.text)
            self._bench.feedback.success(target)
            return
        if not is_product or self.line is None:
            self.message_error(fill(self.tr("%1 is not a product barcode."), event.text), about="scan")
            return
        self.verify_product(event)

    def verify_product(self, event: ScanEvent) -> None:
        """Check a product code (handheld scanner, camera or typed) against the announced line.

        The one place both scan paths verify through: the service records the verification and
        answers the checklist's "is this the announced product?" questions (and the GS1 batch, expiry
        or serial the code carries), each with its own audit event.
        """
        if self.state is None:
            return
        inspections = self._bench.services.inspections
        self._scanned_text = event.text  # shown as scanned: an EAN-13 with 13 digits, not the 14 compared
        self._save(
            inspections.verify_by_scan, event.text, self._bench.user.id, event.symbology, done=self._verified
        )

    def _verified(self, result: VerificationResult) -> None:
        scanned = gtin_as_scanned(result.scanned_gtin, getattr(self, "_scanned_text", ""))
        self.verification.show_result(result, self.line.gtin if self.line else "", scanned)
        if result.matches:
            self._bench.feedback.success(self.verify_label)
        else:
            self._bench.feedback.error(self.verify_label)
        self.checklist.show_answers(result.answers)
        self._step_done()
        self.checklist.focus_next()

    def _confirmed_by_hand(self, reason: str) -> None:
        assert self.state is not None
        inspections = self._bench.services.inspections
        self._save(
            inspections.verify_manually, reason, self._bench.user.id, done=lambda _r: self._by_hand_done()
        )

    def _by_hand_done(self) -> None:
        self.verification.show_by_hand()
        self._reload_answers()
        self.checklist.focus_next()

    def _reload_answers(self) -> None:
        """Show the answers the service recorded on its own (a serial or a confirmation by hand)."""
        if self.state is not None:
            self._save(self._bench.services.inspections.get, done=self._reloaded)

    def _reloaded(self, state: InspectionState) -> None:
        if self.state is None or state.id != self.state.id:
            return
        self.state = state
        self.checklist.show_answers(state.answers)
        if state.verification is not None and self.verification.kind == "":
            self.verification.show_state(state, self.line is not None)
        self._step_done()

    # --- all as expected -------------------------------------------------------------------------

    def accept_expected(self) -> None:
        """The A key: every open question gets its expected answer (each saved as its own answer);
        the focus then goes to the first field still to type, or on to the photos and Enter."""
        if self.state is None:
            return
        self._user_step()
        self._save(
            self._bench.services.inspections.accept_expected, self._bench.user.id, done=self._expected_done
        )

    def _expected_done(self, result: ExpectedAnswers) -> None:
        self.checklist.show_answers(result.answers)
        self._step_done()
        left = self.checklist.widgets.get(result.left) if result.left else None
        if left is not None:
            left.focus_input()
        else:
            self.checklist.focus_next()

    # --- answers, notes, assessment --------------------------------------------------------------

    def _answered(self, question_id: str, value: Any) -> None:
        assert self.state is not None
        self._user_step()
        question = self.checklist.widgets[question_id].question
        done = (lambda _r: self._reload_answers()) if question.compare else (lambda _r: self._step_done())
        inspections = self._bench.services.inspections
        self._save(inspections.answer, question_id, value, self._bench.user.id, done=done)

    def _save_notes(self) -> None:
        if self.state is not None:
            self._save(self._bench.services.inspections.set_notes, self.notes.text(), self._bench.user.id)

    def _photo_wanted(self, tag: str) -> None:
        self.camera.select_tag(tag)
        self.camera.capture()

    def refresh(self) -> None:
        """Reassess the inspection (after the saves queued before it) and show the result."""
        if self.state is not None:
            self._save(self._bench.services.grading.assess, done=self._assessed)

    def _step_done(self) -> None:
        """A step went through: messages about the state before it are over; reassess."""
        if self._message_about not in ("saves", "saved", "incomplete"):
            self.clear_message()
        self.refresh()

    def _user_step(self) -> None:
        """The inspector does something new: "saved again" (after a database problem) is history."""
        if self._message_about == "saved":
            self.clear_message()

    def _assessed(self, assessment: Assessment) -> None:
        was_complete = self.assessment is not None and self.assessment.complete
        self.assessment = assessment
        self.grading.show_assessment(assessment)
        missing = assessment.missing_for(self.wanted_grade)
        widgets = self.checklist.widgets
        tags = [m.id for m in missing if m.kind == "photo"]
        tags += [
            widgets[m.id].question.photo_tag
            for m in missing
            if m.kind == "question" and m.id in widgets and widgets[m.id].question.type == "photo"
        ]
        self.camera.show_needed(tags)
        if self._message_about == "incomplete":
            still = self.missing_text(self.wanted_grade)
            if still:
                self.message.show_error(fill(self.tr("Not complete yet. Still needed: %1"), still))
            else:
                self.clear_message()
        if assessment.complete and not was_complete and not self.checklist.next_open():
            if self.wanted_grade is None:
                self.grading.finish_button.setFocus()
            else:
                self.grading.other_button.setFocus()

    def _checklist_done(self) -> None:
        needs_photo = self.assessment is None or bool(
            [m for m in self.assessment.missing_for(self.wanted_grade) if m.kind == "photo"]
            or self.assessment.needs_wrong_item_photo
        )
        (self.camera.capture_button if needs_photo else self.grading.finish_button).setFocus()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Keep the focused question in view (keys, A, Tab and scans move the focus down the list)."""
        inner = self.scroll.widget()
        if new is None or inner is None or not inner.isAncestorOf(new):
            return
        question = new
        while question.parentWidget() not in (self.checklist, inner, None):
            question = question.parentWidget()
        self.checklist.focused(self.checklist.widgets.get(getattr(question, "question", None) and
                                                          question.question.id))  # type: ignore[attr-defined]
        # the answers that led here may have shown or hidden questions: lay out before scrolling
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
        self.scroll.ensureWidgetVisible(question, 0, 12)

    def missing_text(self, grade: Grade | None = None) -> str:
        """What still has to be done before the item can be finished (with ``grade``: another grade
        can need more photos), in the station's language."""
        if self.assessment is None:
            return ""
        parts = [m.text.get(self._bench.language) for m in self.assessment.missing_for(grade)]
        if self.assessment.needs_wrong_item_photo:
            parts.append(self.tr("a photo of the wrong item"))
        if self.state is not None and self.line is not None and self._verify_needed():
            parts.insert(0, self.tr("scan of the product barcode"))
        return ", ".join(parts)

    def _verify_needed(self) -> bool:
        return self.verification.kind not in ("ok", "error")

    # --- finishing -------------------------------------------------------------------------------

    def finish(self, grade: object, reason: str) -> None:
        """Finish with ``grade`` (the service refuses an incomplete inspection or a short reason)."""
        missing = self.missing_text(grade if isinstance(grade, Grade) else None)
        if self.state is None or missing:
            self.message_error(fill(self.tr("Not complete yet. Still needed: %1"), missing or "…"),
                               about="incomplete")
            return
        self._save(
            self._bench.services.grading.finish, grade, reason, self._bench.user.id, done=self._finished
        )

    def _missing_for_grade(self, grade: Grade) -> str:
        return self.missing_text(grade)

    def _override_closed(self, grade: object) -> None:
        """The override dialog closed: keep the grade it was left at while photos are missing for it,
        show which, and put the focus back where the keys work (no click needed, no window manager)."""
        self.wanted_grade = grade if isinstance(grade, Grade) and self.missing_text(grade) else None
        if self.assessment is not None:
            self._assessed(self.assessment)
        self.window().activateWindow()
        if self.wanted_grade is not None:
            self.camera.capture_button.setFocus()
        else:
            self.grading.finish_button.setFocus()

    def _finished(self, item: FinishedItem) -> None:
        self._bench.feedback.success()
        self.state = None
        self.finished.emit(item)

    def _save(self, fn: Callable[..., Any], *args: Any, done: Callable[[Any], None] | None = None) -> None:
        """Run ``fn(inspection id, *args)`` on the database worker, after the steps queued before."""
        assert self.state is not None
        self._bench.saves.run(fn, self.state.id, *args, on_done=done, on_error=self._step_failed)

    def _saves_waiting(self, problem: str) -> None:
        text = self.tr("%1 Your entries stay on screen and are saved as soon as that works (tried every "
                       "few seconds).")
        self.message_error(fill(text, problem), about="saves")

    def _saves_through(self) -> None:
        self.message.show_info(self.tr("Saved again: nothing you entered was lost."))
        self._message_about = "saved"

    def _step_failed(self, exc: BaseException) -> None:
        self.message_error(inspection_error(exc), about="step")

    def message_error(self, text: str, about: str = "") -> None:
        """Show a problem with an error sound; ``about`` names the state it describes, so that the
        message goes when that state does (the next step, a new scan, the missing parts done)."""
        self.message.show_error(text)
        self._message_about = about
        self._bench.feedback.error(self.message)

    def clear_message(self) -> None:
        """Hide the message line (the state it described is over)."""
        self.message.clear_message()
        self._message_about = ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter finishes with the suggested grade (or says what is missing); Esc goes back."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.notes.hasFocus():  # Enter confirms the notes; the next Enter finishes
                self._save_notes()
                self.grading.finish_button.setFocus()
                return
            self.grading.confirm()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.back.emit()
            return
        super().keyPressEvent(event)
