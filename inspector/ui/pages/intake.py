"""Intake: scan a parcel to find its announced return (the inspection station fills this in)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLineEdit, QVBoxLayout, QWidget

from inspector.ui.feedback import Feedback
from inspector.ui.texts import fill
from inspector.ui.widgets import MessageLine, heading, hint


class IntakePage(QWidget):
    """A big scan field and what to do; parcel lookup arrives with the inspection station."""

    def __init__(self, feedback: Feedback, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self._feedback = feedback
        self.scan_input = QLineEdit()
        self.scan_input.setObjectName("scanField")
        self.scan_input.setPlaceholderText(self.tr("Tracking number, RMA or return QR code"))
        self.scan_input.returnPressed.connect(self._scanned)
        self.message = MessageLine()
        notice = QFrame()
        notice.setObjectName("notice")
        notice_layout = QVBoxLayout(notice)
        notice_layout.addWidget(heading(self.tr("Coming with the inspection station"), "subheading"))
        notice_layout.addWidget(
            hint(
                self.tr(
                    "After a scan this page will show the announced return: customer, order, the items "
                    "with their reasons and the refund choice. From there you open the inspection "
                    "checklist, take photos, grade each item and print its label."
                )
            )
        )
        layout = QVBoxLayout(self)
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
        layout.addWidget(notice)
        layout.addStretch(1)

    def focus_scan(self) -> None:
        """Put the cursor in the scan field, ready for the scanner."""
        self.scan_input.setFocus()

    def _scanned(self) -> None:
        code = self.scan_input.text().strip()
        self.scan_input.clear()
        if not code:
            return
        self.message.show_info(
            fill(self.tr("Scanned %1. Looking up parcels is not available yet at this station."), code)
        )
