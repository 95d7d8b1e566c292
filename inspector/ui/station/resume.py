"""The offer to resume unfinished inspections after logging in (a crash or a logout left them open)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from inspector.services.inspection import InspectionState
from inspector.services.return_summary import ReturnSummary
from inspector.ui.station.tools import Workbench
from inspector.ui.tasks import run_task
from inspector.ui.texts import fill, local_time
from inspector.ui.widgets import heading, secondary_button

OpenWork = list[tuple[InspectionState, ReturnSummary]]


def open_work(bench: Workbench) -> OpenWork:
    """This station's unfinished inspections with their returns (background work)."""
    services = bench.services
    return [
        (state, services.intake.get(state.return_id))
        for state in services.inspections.open_inspections()
        if state.return_id is not None
    ]


class ResumeOffer(QFrame):
    """ "Resume unfinished inspection of <product> (RMA ...) started <time>" buttons; emits ``resume``."""

    resume = Signal(object, object)  # InspectionState, ReturnSummary

    def __init__(self, bench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self._bench = bench
        self.buttons: list[QPushButton] = []
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(heading(self.tr("Resume an unfinished inspection?"), "subheading"))
        self.later_button = secondary_button(self.tr("Later"))
        self.later_button.setAutoDefault(True)
        self.later_button.clicked.connect(self.hide)
        self._layout.addWidget(self.later_button)
        self.hide()

    def check(self) -> None:
        """Look for open inspections in the background and offer them."""
        run_task(open_work, self._bench, on_done=self.offer)

    def offer(self, work: OpenWork) -> None:
        """Show one button per open inspection (the first gets the focus: Enter resumes it)."""
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        for state, summary in work[:4]:
            line = next((x for x in summary.lines if x.id == state.return_line_id), None)
            name = line.product_name if line else state.item_description or self.tr("extra item")
            button = QPushButton(
                fill(
                    self.tr("%1\n%2, started %3"),
                    name,
                    summary.rma_number,
                    local_time(state.started_at),
                )
            )
            button.setAutoDefault(True)
            button.clicked.connect(lambda _c=False, s=state, r=summary: self._resume(s, r))
            self._layout.insertWidget(1 + len(self.buttons), button)
            self.buttons.append(button)
        self.setVisible(bool(self.buttons))
        if self.buttons:
            self.buttons[0].setFocus()

    def _resume(self, state: InspectionState, summary: ReturnSummary) -> None:
        self.hide()
        self.resume.emit(state, summary)
