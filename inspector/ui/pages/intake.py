"""Intake: scan a parcel, find its return, receive it, and inspect its items one by one.

The page is a stack of screens: scanning, choosing among several returns, the unknown-parcel
search, the return, and the inspection. Every scan of the session arrives in :meth:`handle_scan`;
the screen on show decides what it means.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from inspector.scanning.events import ScanError, ScanEvent
from inspector.services.intake import LookupOutcome, LookupResult
from inspector.services.return_summary import ReturnSummary
from inspector.ui.camera_view import scan_camera_view
from inspector.ui.scan_input import ScanHub
from inspector.ui.station.chooser import ReturnList
from inspector.ui.station.inspection_screen import InspectionScreen
from inspector.ui.station.intake_screens import CHOOSE, INSPECT, RETURN, SCAN, UNKNOWN
from inspector.ui.station.resume import ResumeOffer
from inspector.ui.station.return_actions import ReturnActions
from inspector.ui.station.return_screen import ReturnScreen
from inspector.ui.station.switch_user import SwitchUserOffer
from inspector.ui.station.tools import Workbench
from inspector.ui.station.unknown_parcel import UnknownParcelScreen
from inspector.ui.tasks import run_task
from inspector.ui.texts import fill, scan_error_text, scan_hint_text
from inspector.ui.widgets import MessageLine, ScreenStack, heading, hint, secondary_button

__all__ = ["CHOOSE", "INSPECT", "RETURN", "SCAN", "UNKNOWN", "IntakePage"]


class IntakePage(QWidget):
    """The station's work: scan, find, receive, inspect, grade, label.

    ``switch_user`` carries a colleague's badge when the user agreed to hand over the station.
    """

    switch_user = Signal(str)

    def __init__(self, bench: Workbench, hub: ScanHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.bench = bench
        self.hub = hub
        self.scanned_code = ""
        self.scan_note = MessageLine()
        self.stack = ScreenStack()
        self.stack.setObjectName("station")
        self.stack.addWidget(self._build_scan_screen())
        self.chooser = ReturnList()
        self.chooser.opened.connect(lambda summary: self.open_return(summary, summary.parcels))
        self.stack.addWidget(self._build_chooser_screen())
        self.unknown = UnknownParcelScreen(bench)
        self.unknown.opened.connect(lambda summary: self.open_return(summary, summary.parcels))
        self.unknown.back.connect(self.show_scan)
        self.stack.addWidget(self.unknown)
        self.return_screen = ReturnScreen(bench)
        self.return_screen.back.connect(self.show_scan)
        self.stack.addWidget(self.return_screen)
        self.inspection = InspectionScreen(bench)
        self.stack.addWidget(self.inspection)
        for index in range(self.stack.count()):
            self.stack.widget(index).setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.actions = ReturnActions(self)
        self.unknown.registered.connect(self.actions.registered)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.scan_note)
        layout.addWidget(self.stack, 1)

    def _build_scan_screen(self) -> QWidget:
        screen = QWidget()
        self.scan_input = QLineEdit()
        self.scan_input.setObjectName("scanField")
        self.scan_input.setPlaceholderText(self.tr("Tracking number, RMA or QR code"))
        self.scan_input.returnPressed.connect(self._typed)
        self.message = MessageLine()
        self.resume_offer = ResumeOffer(self.bench)
        self.resume_offer.resume.connect(self.resume)
        self.resume_offer.later_button.clicked.connect(self.scan_input.setFocus)
        self.switch_offer = SwitchUserOffer(self.bench, self.message)
        self.switch_offer.switch.connect(self.switch_user)
        self.switch_offer.dismissed.connect(self.scan_input.setFocus)
        layout = QVBoxLayout(screen)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(14)
        layout.addWidget(heading(self.tr("Scan a parcel")))
        layout.addWidget(
            hint(
                self.tr(
                    "1. Scan the carrier's barcode on the parcel, or the QR code of the return label.\n"
                    "2. No barcode? Type the tracking number or RMA and press Enter.\n"
                    "3. The return that was announced for it opens here."
                )
            )
        )
        layout.addWidget(self.scan_input)
        layout.addWidget(self.message)
        layout.addWidget(self.switch_offer)
        layout.addWidget(self.resume_offer)
        self.camera_view = scan_camera_view(self.bench.camera)
        if self.camera_view is not None:  # a webcam-only station scans the parcel here
            layout.addWidget(self.camera_view, 1)
        else:
            layout.addStretch(1)
        return screen

    def _build_chooser_screen(self) -> QWidget:
        screen = QWidget()
        self.chooser_title = heading("", "screenTitle")
        back = secondary_button(self.tr("Back to scanning (Esc)"))
        back.setAutoDefault(True)
        back.clicked.connect(self.show_scan)
        layout = QVBoxLayout(screen)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.chooser_title)
        layout.addWidget(
            hint(self.tr("This code belongs to several returns. Arrow keys choose, Enter opens."))
        )
        layout.addWidget(self.chooser, 1)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        return screen

    # --- navigation ------------------------------------------------------------------------------

    def current_screen(self) -> int:
        """SCAN, CHOOSE, UNKNOWN, RETURN or INSPECT."""
        return self.stack.currentIndex()

    def focus_scan(self) -> None:
        """Put the cursor where the screen on show wants it (the scan field on the scan screen)."""
        if self.current_screen() == SCAN and not self.resume_offer.isVisibleTo(self):
            self.scan_input.setFocus()

    def show_scan(self) -> None:
        """Back to the scan screen, ready for the next parcel."""
        self.stack.setCurrentIndex(SCAN)
        self.scan_input.setFocus()

    def open_return(self, summary: ReturnSummary, known: tuple | None = ()) -> None:  # type: ignore[type-arg]
        """Show the return screen for ``summary``; ``known``: parcels received before this visit."""
        if not self.scanned_code or self.stack.currentIndex() in (CHOOSE, UNKNOWN):
            self.scanned_code = self.scanned_code or summary.tracking_number or summary.rma_number
        self.stack.setCurrentIndex(RETURN)
        self.return_screen.message.clear_message()
        self.return_screen.show_return(summary, None if known is None else tuple(known))

    def resume(self, state: object, summary: ReturnSummary) -> None:
        """Reopen an unfinished inspection with its answers and photos."""
        self.scanned_code = summary.tracking_number or summary.rma_number
        self.open_return(summary, ())
        self.actions.open_inspection(state)

    # --- scans -----------------------------------------------------------------------------------

    def _typed(self) -> None:
        text = self.scan_input.text()
        self.scan_input.clear()
        self.hub.submit_typed(text)

    def handle_scan(self, event: ScanEvent) -> None:
        """What a scan means depends on the screen on show."""
        self.scan_note.clear_message()
        if event.hint:
            hint = scan_hint_text(event)
            self.scan_note.show_info(fill(self.tr("Check the scanner or keyboard: %1"), hint))
        screen = self.current_screen()
        if screen == INSPECT:
            self.inspection.handle_scan(event)
        elif screen == RETURN and self.actions.product_scan(event):
            return
        else:  # camera reads mean what handheld scans mean (one path for every source)
            self.lookup(event.text, event.symbology)

    def scan_failed(self, error: ScanError) -> None:
        """A scan arrived garbled: say so, with the error sound."""
        why = scan_error_text(error)
        self.scan_note.show_error(fill(self.tr("The scan could not be read: %1 Scan again."), why))
        self.bench.feedback.error(self.scan_note)

    def lookup(self, code: str, symbology: str = "") -> None:
        """Find the return(s) of a parcel code in the background."""
        self.scanned_code = code
        self.switch_offer.hide()
        run_task(self.bench.services.intake.lookup, code, symbology, on_done=self._looked_up)

    def _looked_up(self, result: LookupResult) -> None:
        feedback, code = self.bench.feedback, self.scanned_code
        if result.outcome is LookupOutcome.FOUND:
            feedback.success(self.return_screen)
            self.open_return(result.returns[0], result.known_parcels or result.returns[0].parcels)
        elif result.outcome is LookupOutcome.SEVERAL:
            feedback.success(self.chooser)
            self.chooser_title.setText(fill(self.tr("%Ln return(s) for %1", "", len(result.returns)), code))
            self.chooser.set_returns(result.returns)
            self.stack.setCurrentIndex(CHOOSE)
            self.chooser.setFocus()
        elif result.outcome is LookupOutcome.ITEM_LABEL:
            feedback.success(self.return_screen)
            self.open_return(result.returns[0], None)
            self.return_screen.message.show_info(
                fill(self.tr("Label %1: the item is selected below. Enter re-prints its label."),
                     code.strip().upper()))
            self.return_screen.history.select(result.inspection_id)
        elif result.identification.kind == "badge":
            self.show_scan()
            self.message.clear_message()
            self.switch_offer.offer(result.identification.normalized or code)
        elif result.outcome is LookupOutcome.NOT_FOUND:
            feedback.error(self.unknown)
            self.stack.setCurrentIndex(UNKNOWN)
            self.unknown.show_for(code)
        else:
            if result.outcome is LookupOutcome.INVALID:
                text = fill(self.tr("%1: the check digit is wrong. Scan again."), code)
            else:
                text = fill(self.tr("%1 is not a parcel code. Scan the parcel's label."), code)
            self.show_scan()
            self.message.show_error(text)
            feedback.error(self.scan_input)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc on the chooser goes back to scanning; a code typed on the scan screen while a button
        (the resume offer's) has the focus goes into the scan box instead of vanishing."""
        if event.key() == Qt.Key.Key_Escape and self.current_screen() == CHOOSE:
            self.show_scan()
            return
        text = event.text()
        shortcut = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if self.current_screen() == SCAN and text.isprintable() and text.strip() and not shortcut:
            self.scan_input.setFocus()
            self.scan_input.insert(text)
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]
