"""Is this the announced item? The verification bar: scan result in green or red, or confirm by hand."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from inspector.models import ItemOutcome
from inspector.services.inspection import InspectionState, VerificationResult
from inspector.ui.station.dialogs import TextDialog
from inspector.ui.texts import fill
from inspector.ui.widgets import secondary_button


class VerificationBar(QWidget):
    """The item's verification state; emits ``by_hand(reason)`` when the inspector confirms by eye.

    A scan while the "Confirm by hand" dialog is open is what that dialog asks for a reason to skip:
    the dialog closes and ``scanned_instead(event)`` hands the scan to the inspection screen.
    """

    by_hand = Signal(str)
    scanned_instead = Signal(object)  # ScanEvent

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dialog: TextDialog | None = None
        self.label = QLabel()
        self.label.setObjectName("verify")
        self.label.setWordWrap(True)
        self.manual_button = secondary_button(self.tr("By hand…"))
        self.manual_button.setAutoDefault(True)
        self.manual_button.clicked.connect(self.confirm_by_hand)
        self.manual_button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.manual_button)

    @property
    def kind(self) -> str:
        """ "ok" (verified), "error" (wrong item) or "" (not yet verified)."""
        return str(self.label.property("kind") or "")

    def _show(self, text: str, kind: str) -> None:
        self.label.setText(text)
        self.label.setProperty("kind", kind)
        self.label.style().polish(self.label)

    def show_state(self, state: InspectionState, announced: bool) -> None:
        """Show what an (opened or resumed) inspection says about the item."""
        if state.outcome is ItemOutcome.WRONG_ITEM:
            text = self.tr("WRONG ITEM: scanned %1. Photo required.")
            self._show(fill(text, state.verified_code), "error")
        elif state.verification is not None:
            self._show(self.tr("Item verified ✓"), "ok")
        elif not announced:
            self._show(self.tr("Extra item: describe it with the checklist and photos."), "")
        else:
            self._show(self.tr("Scan the product barcode"), "")

    def show_result(self, result: VerificationResult, expected_gtin: str, scanned: str = "") -> None:
        """Green for the announced item, red for another one (``scanned``: the code as scanned)."""
        scanned = scanned or result.scanned_gtin
        if result.matches:
            self._show(fill(self.tr("Item verified ✓ (%1)"), scanned), "ok")
        else:
            text = self.tr("WRONG ITEM: scanned %1, expected %2. Photo required.")
            self._show(fill(text, scanned, expected_gtin), "error")

    def show_by_hand(self) -> None:
        """The item was confirmed by eye."""
        self._show(self.tr("Item confirmed by hand ✓"), "ok")

    def confirm_by_hand(self) -> None:
        """Ask why the barcode cannot be scanned (at least 3 characters), then emit ``by_hand``."""
        explanation = self.tr(
            "Why can the barcode not be scanned? The item is then accepted as the announced one on your word."
        )
        self.dialog = TextDialog(
            self.tr("Confirm by hand"),
            explanation,
            self.tr("e.g. barcode label torn off"),
            3,
            parent=self.window(),
            on_scan=self._scanned_instead,
        )
        self.dialog.entered.connect(self.by_hand)
        self.dialog.open()

    def _scanned_instead(self, event: object) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self.scanned_instead.emit(event)
