"""The inspection of one unit: verify the item, answer the checklist, photograph it, grade it.

Every step is saved at once through the inspection service on the database worker (crash safety);
the assessment (suggested grade, what is missing) is refreshed after each step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
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

from inspector.scanning.events import ScanEvent
from inspector.scanning.identify import identify
from inspector.services.finishing import Assessment, FinishedItem
from inspector.services.inspection import InspectionState, VerificationResult
from inspector.services.return_summary import LineSummary
from inspector.ui.station.camera_panel import CameraPanel
from inspector.ui.station.checklist_view import ChecklistView
from inspector.ui.station.grading_panel import GradingPanel
from inspector.ui.station.tools import Workbench
from inspector.ui.station.verification import VerificationBar
from inspector.ui.texts import fill, inspection_error, reason_name
from inspector.ui.widgets import MessageLine, secondary_button


class InspectionScreen(QWidget):
    """One unit's inspection; emits ``finished(FinishedItem)`` and ``back()``."""

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
        self.item_facts.setWordWrap(True)
        self.verification = VerificationBar()
        self.verification.by_hand.connect(self._confirmed_by_hand)
        self.verify_label = self.verification.label
        self.checklist = ChecklistView()
        self.checklist.answered.connect(self._answered)
        self.checklist.completed.connect(self._checklist_done)
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
        self.camera.photo_added.connect(lambda _p: self.refresh())
        self.camera.photo_deleted.connect(lambda _p: self.refresh())
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
        left = QVBoxLayout()
        left.addWidget(self.verification)
        left.addWidget(self.scroll, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(self.camera, 1)
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
        layout.addLayout(columns, 1)
        layout.addWidget(self.grading)
        QShortcut(
            QKeySequence(Qt.Key.Key_Space),
            self,
            self.camera.capture,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

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
            if line.customer_comment:
                facts += fill(self.tr(" · “%1”"), line.customer_comment)
        else:
            facts = self.tr("Not announced: extra item, checked by a supervisor")
        self.item_facts.setText(facts)
        self.grading.language = language
        self.grading.currency = line.currency if line else "EUR"
        self.message.clear_message()
        self.checklist.load(template, state.answers, language)
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
        if target is not None and (focused_target or not is_product or self.line is None):
            target.give(ident.normalized or event.text)
            self._bench.feedback.success(target)
            return
        if not is_product or self.line is None:
            self.message_error(fill(self.tr("%1 is not a product barcode."), event.text))
            return
        inspections = self._bench.services.inspections
        self._save(
            inspections.verify_by_scan, event.text, self._bench.user.id, event.symbology, done=self._verified
        )

    def _verified(self, result: VerificationResult) -> None:
        self.verification.show_result(result, self.line.gtin if self.line else "")
        if result.matches:
            self._bench.feedback.success(self.verify_label)
            self.message.clear_message()
        else:
            self._bench.feedback.error(self.verify_label)
        self.refresh()
        self.checklist.focus_next()

    def _confirmed_by_hand(self, reason: str) -> None:
        assert self.state is not None
        inspections = self._bench.services.inspections
        self._save(
            inspections.verify_manually, reason, self._bench.user.id, done=lambda _r: self._by_hand_done()
        )

    def _by_hand_done(self) -> None:
        self.verification.show_by_hand()
        self.refresh()
        self.checklist.focus_next()

    # --- answers, notes, assessment --------------------------------------------------------------

    def _answered(self, question_id: str, value: Any) -> None:
        assert self.state is not None
        self._save(self._bench.services.inspections.answer, question_id, value, self._bench.user.id)
        self.refresh()

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

    def _assessed(self, assessment: Assessment) -> None:
        was_complete = self.assessment is not None and self.assessment.complete
        self.assessment = assessment
        self.grading.show_assessment(assessment)
        widgets = self.checklist.widgets
        tags = [m.id for m in assessment.missing if m.kind == "photo"]
        tags += [
            widgets[m.id].question.photo_tag
            for m in assessment.missing
            if m.kind == "question" and m.id in widgets and widgets[m.id].question.type == "photo"
        ]
        self.camera.show_needed(tags)
        if assessment.complete and not was_complete and not self.checklist.next_open():
            self.grading.finish_button.setFocus()

    def _checklist_done(self) -> None:
        needs_photo = self.assessment is None or bool(
            [m for m in self.assessment.missing if m.kind == "photo"]
            or self.assessment.needs_wrong_item_photo
        )
        (self.camera.capture_button if needs_photo else self.grading.finish_button).setFocus()

    def missing_text(self) -> str:
        """What still has to be done before the item can be finished, in the station's language."""
        if self.assessment is None:
            return ""
        parts = [m.text.get(self._bench.language) for m in self.assessment.missing]
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
        missing = self.missing_text()
        if self.state is None or missing:
            self.message_error(fill(self.tr("Not complete yet. Still needed: %1"), missing or "…"))
            return
        self._save(
            self._bench.services.grading.finish, grade, reason, self._bench.user.id, done=self._finished
        )

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
        self.message_error(fill(text, problem))

    def _saves_through(self) -> None:
        self.message.show_info(self.tr("Saved again: nothing you entered was lost."))

    def _step_failed(self, exc: BaseException) -> None:
        self.message_error(inspection_error(exc))

    def message_error(self, text: str) -> None:
        """Show a problem with an error sound."""
        self.message.show_error(text)
        self._bench.feedback.error(self.message)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter finishes with the suggested grade (or says what is missing); Esc goes back."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.grading.confirm()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.back.emit()
            return
        super().keyPressEvent(event)
