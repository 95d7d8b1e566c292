"""The offer to resume unfinished inspections after logging in (a crash or a logout left them open)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from inspector.models import InspectionStatus
from inspector.services.inspection import InspectionState
from inspector.services.return_summary import ReturnSummary
from inspector.ui.station.tools import Workbench
from inspector.ui.tasks import run_task
from inspector.ui.texts import fill, local_time
from inspector.ui.widgets import heading, secondary_button

OpenWork = list[tuple[InspectionState, ReturnSummary]]


def open_work(bench: Workbench) -> OpenWork:
    """This station's unfinished inspections with their returns, newest first (background work)."""
    services = bench.services
    return [
        (state, services.intake.get(state.return_id))
        for state in services.inspections.open_inspections()
        if state.return_id is not None
    ]


class ResumeOffer(QFrame):
    """ "Resume unfinished inspection of <product> (RMA ...) started <time>" buttons; emits ``resume``.

    Lists exactly the open inspections, newest first, each time the scan screen shows; those of other
    people name their owner and are never the default (Enter resumes only one's own). Choosing one
    reads it again first: one finished meanwhile is not reopened.
    """

    resume = Signal(object, object)  # InspectionState, ReturnSummary

    def __init__(self, bench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self._bench = bench
        self._watched: QWidget | None = None
        self._shown: list[tuple[object, object]] = []
        self.buttons: list[QPushButton] = []
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(heading(self.tr("Resume an unfinished inspection?"), "subheading"))
        self.later_button = secondary_button(self.tr("Later"))
        self.later_button.setAutoDefault(True)
        self.later_button.clicked.connect(self.later)
        self._layout.addWidget(self.later_button)
        self.hide()

    def event(self, event: QEvent) -> bool:
        """Watch the screen the offer sits on: each time it shows again, the list is read again."""
        if event.type() == QEvent.Type.ParentChange:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            self._watched = self.parentWidget()
            if self._watched is not None:
                self._watched.installEventFilter(self)
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The scan screen shows again (after a return or an inspection): offer what is open now."""
        if watched is self._watched and event.type() == QEvent.Type.Show and self.buttons:
            self.check(focus=False)
        return False

    def later(self) -> None:
        """Put the offer away until the next login."""
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        self._shown = []
        self.hide()

    def check(self, focus: bool = True) -> None:
        """Look for open inspections in the background and offer them."""
        run_task(open_work, self._bench, on_done=lambda work: self.offer(work, focus))

    def offer(self, work: OpenWork, focus: bool = True) -> None:
        """One button per open inspection, newest first; the newest of one's own gets the focus (Enter
        resumes it), other people's show their name and never take the focus."""
        shown = [(state.id, state.inspector_id) for state, _summary in work[:4]]
        if shown == self._shown and self.buttons:
            return
        self._shown = shown
        focus = focus or any(button.hasFocus() for button in self.buttons)
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        me = self._bench.user.id
        default: QPushButton | None = None
        for state, summary in work[:4]:
            line = next((x for x in summary.lines if x.id == state.return_line_id), None)
            name = line.product_name if line else state.item_description or self.tr("extra item")
            started = local_time(state.started_at)
            text = fill(self.tr("%1\n%2, started %3"), name, summary.rma_number, started)
            mine = state.inspector_id is None or state.inspector_id == me
            if not mine:
                text = fill(self.tr("%1, by %2"), text, state.inspector_name or self.tr("someone else"))
            button = QPushButton(text) if mine else secondary_button(text)
            button.setAutoDefault(mine)
            button.setProperty("owner", state.inspector_name)
            button.clicked.connect(lambda _c=False, s=state, r=summary: self._resume(s, r))
            self._layout.insertWidget(1 + len(self.buttons), button)
            self.buttons.append(button)
            if mine and default is None:
                default = button
        self.setVisible(bool(self.buttons))
        if not focus:
            return
        if default is not None:
            default.setFocus()
        elif self.buttons:
            self.later_button.setFocus()

    def _resume(self, state: InspectionState, summary: ReturnSummary) -> None:
        run_task(
            self._bench.services.inspections.get,
            state.id,
            on_done=lambda fresh: self._resume_fresh(fresh, summary),
            on_error=lambda _exc: self.check(),
        )

    def _resume_fresh(self, state: InspectionState, summary: ReturnSummary) -> None:
        if state.status is not InspectionStatus.IN_PROGRESS:
            self.check()  # finished meanwhile (at this station or after a restart): offer what is open
            return
        self.hide()
        self.resume.emit(state, summary)
