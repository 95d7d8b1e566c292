"""The items of a return already dealt with: graded (with LPN) or missing; re-print and label preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from inspector.models import InspectionStatus, ItemOutcome
from inspector.services.inspection import InspectionState
from inspector.services.return_summary import ReturnSummary
from inspector.ui.station.label_output import label_preview
from inspector.ui.station.tools import Workbench
from inspector.ui.texts import fill, grade_name
from inspector.ui.widgets import secondary_button


class ItemHistory(QWidget):
    """Finished items of the return with a "Re-print label" button, and the latest label's preview."""

    reprint = Signal(object)  # InspectionState

    def __init__(self, bench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bench = bench
        self._names: dict[object, str] = {}
        self._wanted: object = None
        self.items = QListWidget()
        self.items.setMaximumHeight(110)
        self.items.itemActivated.connect(lambda _item: self._reprint())
        self.reprint_button = secondary_button(self.tr("Re-print label"))
        self.reprint_button.setAutoDefault(True)
        self.reprint_button.clicked.connect(self._reprint)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_caption = QLabel()
        self.preview_caption.setObjectName("hint")
        self.preview_caption.setWordWrap(True)
        left = QVBoxLayout()
        left.setSpacing(4)
        left.addWidget(QLabel(self.tr("Finished items")))
        left.addWidget(self.items)
        left.addWidget(self.reprint_button, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left, 1)
        right = QVBoxLayout()
        right.setSpacing(4)
        right.addWidget(self.preview_caption)
        right.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignBottom)
        row.addLayout(right)
        self.setVisible(False)

    def load(self, summary: ReturnSummary) -> None:
        """Read the return's inspections in the background and show the finished ones."""
        self._names = {line.id: line.product_name for line in summary.lines}
        self.preview.clear()
        self.preview_caption.clear()
        self._bench.worker.run(
            self._bench.services.inspections.for_return, summary.id, on_done=self.show_states
        )

    def show_states(self, states: list[InspectionState]) -> None:
        """List the finished inspections, newest first."""
        self.items.clear()
        done = [s for s in states if s.status is InspectionStatus.FINISHED]
        for state in reversed(done):
            name = self._names.get(state.return_line_id, "") or state.item_description or "?"
            if state.outcome is ItemOutcome.MISSING:
                text = fill(self.tr("Missing — %1 — %2"), name, state.notes or "–")
            else:
                text = fill(self.tr("%1 — %2 — %3"), state.lpn or "–", name, grade_name(state.final_grade))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, state)
            self.items.addItem(item)
        if self.items.count():
            self.items.setCurrentRow(0)
        self.reprint_button.setEnabled(any(s.lpn for s in done))
        self.setVisible(bool(done))
        self._select_wanted()

    def select(self, inspection_id: object) -> None:
        """Select the item of ``inspection_id`` (now or when the list has loaded), ready to re-print."""
        self._wanted = inspection_id
        self._select_wanted()

    def _select_wanted(self) -> None:
        for row in range(self.items.count()):
            state = self.items.item(row).data(Qt.ItemDataRole.UserRole)
            if self._wanted is not None and state.id == self._wanted:
                self._wanted = None
                self.items.setCurrentRow(row)
                self.reprint_button.setFocus()
                return

    def show_label(self, pdf: Path, caption: str) -> None:
        """Show the label just made."""
        if pdf.is_file():
            self.preview.setPixmap(label_preview(pdf, 300))
        self.preview_caption.setText(caption)
        self.setVisible(True)

    def _reprint(self) -> None:
        item = self.items.currentItem()
        state = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if state is not None and state.lpn:
            self.reprint.emit(state)
