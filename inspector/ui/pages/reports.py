"""Reports: intake reports, labels and evidence packs (a later issue)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from inspector.ui.pages.overview import StationNumbers
from inspector.ui.widgets import heading, hint


class ReportsPage(QWidget):
    """What the reports screen will hold, and the real counts the reports will cover."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.numbers = StationNumbers(["returns", "parcels", "inspections", "photos", "pending_sync"])
        notice = QFrame()
        notice.setObjectName("notice")
        notice_layout = QVBoxLayout(notice)
        notice_layout.addWidget(heading(self.tr("Coming next"), "subheading"))
        notice_layout.addWidget(
            hint(
                self.tr(
                    "Intake reports per day or period as PDF, CSV or Excel: returns received, grades, "
                    "reasons and processing times. Labels can be printed again and evidence packs exported "
                    "for customers, carriers and payment providers."
                )
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(18)
        layout.addWidget(heading(self.tr("Reports")))
        layout.addWidget(hint(self.tr("What this station holds now:")))
        layout.addWidget(self.numbers)
        layout.addWidget(notice)
        layout.addStretch(1)

    def show_status(self, status: dict[str, Any]) -> None:
        """Update the counts."""
        self.numbers.show_status(status)
