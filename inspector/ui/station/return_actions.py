"""What the return screen's buttons and scans do: receive, inspect, missing, extra item, labels.

Every change goes through the services on the database worker; the screens only show results.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from inspector.models import BoxCondition, Category
from inspector.scanning.events import ScanEvent
from inspector.scanning.identify import identify
from inspector.services.finishing import FinishedItem
from inspector.services.inspection import InspectionState
from inspector.services.return_summary import LineSummary, ReturnSummary
from inspector.ui.station.dialogs import TextDialog
from inspector.ui.station.intake_screens import INSPECT
from inspector.ui.station.label_output import LabelOutcome, LabelOutput
from inspector.ui.texts import box_condition_name, disposition_name, fill, grade_name, inspection_error

if TYPE_CHECKING:
    from inspector.ui.station.intake_screens import IntakeScreens


def _as_scanned(text: str, gtin: str) -> str:
    """A product code as the person knows it: the digits scanned (8, 12 or 13), not the 14-digit
    GTIN they normalise to."""
    digits = "".join(c for c in text if c.isdigit())
    return digits if digits and gtin.endswith(digits) else gtin.lstrip("0").zfill(13)


class ReturnActions(QObject):
    """Carries out the return screen's actions for the intake page."""

    def __init__(self, page: IntakeScreens) -> None:
        super().__init__(page)  # type: ignore[arg-type]
        self.page = page
        self.bench = page.bench
        self.screen = page.return_screen
        self.dialog: TextDialog | None = None
        self.extra_dialog: TextDialog | None = None
        self.pending_gtin = ""
        self.labels = LabelOutput(self.bench, self)
        self.labels.finished.connect(self.label_done)
        self.screen.receive.connect(self.receive)
        self.screen.inspect_line.connect(self.inspect)
        self.screen.mark_missing.connect(self.ask_missing)
        self.screen.add_extra.connect(self.ask_extra)
        self.screen.reprint.connect(self.reprint)
        page.inspection.finished.connect(self.finished)
        page.inspection.back.connect(self.back_from_inspection)

    @property
    def summary(self) -> ReturnSummary | None:
        """The return on show."""
        return self.screen.summary

    def _info(self, text: str) -> None:
        self.screen.message.show_info(text)

    def _error(self, text: str) -> None:
        self.screen.message.show_error(text)
        self.bench.feedback.error(self.screen.message)

    def _failed(self, exc: BaseException) -> None:
        self._error(inspection_error(exc))

    def refresh(self) -> None:
        """Reload the return on show (the banner of earlier parcels stays as it was)."""
        if self.summary is not None:
            self.bench.worker.run(
                self.bench.services.intake.get,
                self.summary.id,
                on_done=lambda summary: self.screen.show_return(summary, None),
            )

    # --- receiving -------------------------------------------------------------------------------

    def receive(self, condition: BoxCondition) -> None:
        """Record the parcel as received at this station with its box condition."""
        if self.summary is None:
            return
        code = self.page.scanned_code or self.summary.tracking_number or self.summary.rma_number
        self.bench.worker.run(
            self.bench.services.intake.receive_parcel,
            return_id=self.summary.id,
            scanned_code=code,
            user_id=self.bench.user.id,
            box_condition=condition,
            on_done=lambda _p: self._received(condition),
            on_error=self._failed,
        )

    def _received(self, condition: BoxCondition) -> None:
        self.bench.feedback.success(self.screen)
        self._info(
            fill(
                self.tr("Parcel received (box: %1). Inspect the items one by one."),
                box_condition_name(condition),
            )
        )
        self.refresh()

    # --- inspecting ------------------------------------------------------------------------------

    def inspect(self, line: LineSummary, scan: ScanEvent | None = None) -> None:
        """Start (or continue) the inspection of the line's next unit."""
        if self.summary is None or self.summary.cancelled:
            return
        if not self.screen.received_here:
            self._error(self.tr("Receive the parcel first: choose the box condition (Enter = intact)."))
            self.screen.receive_buttons[BoxCondition.INTACT].setFocus()
            return
        template = self.bench.services.grading.template_for(line.category)
        self.bench.worker.run(
            self.bench.services.inspections.start,
            return_id=self.summary.id,
            line_id=line.id,
            user_id=self.bench.user.id,
            checklist_id=template.id,
            checklist_version=template.version,
            on_done=lambda state: self.open_inspection(state, scan),
            on_error=self._failed,
        )

    def open_inspection(self, state: InspectionState, scan: ScanEvent | None = None) -> None:
        """Show the inspection screen for ``state`` (and verify with ``scan`` when it started with one)."""
        lines = self.summary.lines if self.summary else ()
        line = next((x for x in lines if x.id == state.return_line_id), None)
        self.page.stack.setCurrentIndex(INSPECT)
        self.page.inspection.open(state, line)
        if scan is not None and state.verification is None:
            self.page.inspection.handle_scan(scan)

    def product_scan(self, event: ScanEvent) -> bool:
        """A product code scanned on the return screen starts its line's inspection; False otherwise.

        (While the "Add extra item" dialog is open, the ScanHub gives scans to it: :meth:`extra_scan`.)
        """
        ident = identify(event.text, event.symbology, product=True)
        gtin = str(ident.fields.get("gtin", "")) if ident.kind in ("gtin", "gs1") else ""
        if not gtin or self.summary is None:
            return False
        line = self.screen.line_for_gtin(gtin)
        if line is not None and line.units_inspected < line.quantity:
            self.bench.feedback.success(self.screen)
            self.inspect(line, event)
        elif line is not None:
            self._error(fill(self.tr("Every unit of %1 is already inspected."), line.product_name))
        else:
            self.pending_gtin = _as_scanned(event.text, gtin)  # as scanned: 13 digits stay 13
            self._error(
                fill(self.tr("%1 is not in this return. Add it as an extra item? (Add extra item…)"),
                     _as_scanned(event.text, gtin))
            )
            self.screen.extra_button.setFocus()
        return True

    def back_from_inspection(self) -> None:
        """Leave the inspection open (it can be resumed) and show the return."""
        if self.summary is not None:
            self.page.open_return(self.summary, None)
            self._info(self.tr("The inspection stays open; continue it with Inspect next unit."))
            self.refresh()

    # --- missing and extra items -----------------------------------------------------------------

    def ask_missing(self, line: LineSummary) -> None:
        """Ask for a note, then record one unit of ``line`` as missing."""
        self.dialog = TextDialog(
            self.tr("Item missing"),
            fill(self.tr("One unit of %1 is not in the parcel. What did you find?"), line.product_name),
            self.tr("e.g. parcel held only the scarf"),
            3,
            parent=self.page.window(),
        )
        self.dialog.entered.connect(lambda note: self._mark_missing(line, note))
        self.dialog.open()

    def _mark_missing(self, line: LineSummary, note: str) -> None:
        assert self.summary is not None
        self.bench.worker.run(
            self.bench.services.inspections.mark_missing,
            return_id=self.summary.id,
            line_id=line.id,
            user_id=self.bench.user.id,
            note=note,
            on_done=lambda _s: self._after_missing(line),
            on_error=self._failed,
        )

    def _after_missing(self, line: LineSummary) -> None:
        self._info(fill(self.tr("One unit of %1 recorded as missing."), line.product_name))
        self.refresh()

    def extra_scan(self, event: ScanEvent) -> None:
        """A scan while the "Add extra item" dialog is open fills it in."""
        dialog = self.extra_dialog
        if dialog is None:
            return
        ident = identify(event.text, event.symbology, product=True)
        gtin = str(ident.fields.get("gtin", "")) if ident.kind in ("gtin", "gs1") else ""
        self._fill_extra(dialog, _as_scanned(event.text, gtin) if gtin else event.text.strip())

    def _fill_extra(self, dialog: TextDialog, code: str) -> None:
        self.pending_gtin = code if code.isdigit() else ""
        if not dialog.field.text().strip():
            dialog.field.setText(fill(self.tr("Product %1"), code))
        dialog.field.setFocus()
        dialog.field.selectAll()  # typing replaces the code's text with a description
        dialog.message.show_info(fill(self.tr("Scanned %1. Describe the item if you can, then Enter."), code))
        self.bench.feedback.success(dialog)

    def ask_extra(self) -> None:
        """Ask what the unannounced item is, then inspect it as an extra item (a scan fills it in, and
        so does the foreign product code just scanned on the return screen)."""
        scanned = self.pending_gtin
        self.dialog = self.extra_dialog = TextDialog(
            self.tr("Add extra item"),
            self.tr(
                "An item that was not announced. Describe it; then check and "
                "photograph it. A supervisor decides what happens to it."
            ),
            self.tr("e.g. children's book, blue"),
            3,
            parent=self.page.window(),
            on_scan=self.extra_scan,
        )
        self.dialog.entered.connect(self._add_extra)
        self.dialog.rejected.connect(self._extra_cancelled)
        self.dialog.open()
        if scanned:
            self._fill_extra(self.dialog, scanned)

    def _extra_cancelled(self) -> None:
        """Esc: nothing added; Enter inspects the selected line again (it reopened the dialog)."""
        self.pending_gtin = ""
        self.screen.table.setFocus()

    def _add_extra(self, description: str) -> None:
        if self.summary is None:
            return
        template = self.bench.services.grading.template_for(Category.OTHER)
        gtin, self.pending_gtin = self.pending_gtin, ""
        self.bench.worker.run(
            self.bench.services.inspections.start,
            return_id=self.summary.id,
            line_id=None,
            user_id=self.bench.user.id,
            checklist_id=template.id,
            checklist_version=template.version,
            item_description=description,
            item_gtin=gtin,
            on_done=self.open_inspection,
            on_error=self._failed,
        )

    def registered(self, summary: ReturnSummary) -> None:
        """An unannounced return was registered: show it and ask for its contents."""
        self.page.open_return(summary, ())
        self._info(
            fill(
                self.tr("Registered as %1. Add every item in the parcel as an extra item and photograph it."),
                summary.rma_number,
            )
        )
        self.screen.extra_button.setFocus()

    # --- finishing and labels --------------------------------------------------------------------

    def finished(self, item: FinishedItem) -> None:
        """An item was graded: back to the return, and out with its label."""
        if self.summary is not None:
            self.page.open_return(self.summary, None)
        self._info(
            fill(
                self.tr("Graded %1 → %2 %3. Label %4 is being made…"),
                grade_name(item.grade),
                disposition_name(item.disposition.kind),
                item.disposition.destination,
                item.label.lpn,
            )
        )
        self.labels.output(item.inspection_id, item.label, window=self.page.window())
        self.refresh()

    def reprint(self, state: InspectionState) -> None:
        """Make the label of a finished item again."""
        self.bench.worker.run(
            self.bench.services.grading.label_for,
            state.id,
            on_error=self._failed,
            on_done=lambda data: self.labels.output(state.id, data, reprint=True, window=self.page.window()),
        )

    def label_done(self, outcome: LabelOutcome) -> None:
        """Tell where the label went (or why it did not print)."""
        if outcome.problem:
            self._error(outcome.problem)
        else:
            self.bench.feedback.success()
            texts = {
                "pdf": self.tr("Label %1 saved: %2"),
                "dialog": self.tr("Label %1 printed (PDF: %2)"),
                "zpl": self.tr("Label %1 sent to the label printer (PDF: %2)"),
            }
            self._info(fill(texts.get(outcome.mode, texts["pdf"]), outcome.lpn, outcome.pdf))
        self.screen.history.show_label(outcome.pdf, fill(self.tr("Label %1"), outcome.lpn))
