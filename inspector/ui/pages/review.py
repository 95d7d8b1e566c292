"""Review: finished inspections, exceptions and disputes for supervisors (a later issue)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from inspector.ui.pages.overview import StationNumbers
from inspector.ui.widgets import heading, hint


class ReviewPage(QWidget):
    """What the review screen will hold, and the real counts it will work on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.numbers = StationNumbers(["inspections", "inspections_open", "photos"])
        notice = QFrame()
        notice.setObjectName("notice")
        notice_layout = QVBoxLayout(notice)
        notice_layout.addWidget(heading(self.tr("Coming next"), "subheading"))
        notice_layout.addWidget(
            hint(
                self.tr(
                    "Finished inspections waiting for a supervisor, exceptions to look at (wrong or "
                    "missing items, suspected fraud, late returns) and open disputes with their evidence "
                    "will be listed here."
                )
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(18)
        layout.addWidget(heading(self.tr("Review")))
        layout.addWidget(hint(self.tr("What this station holds now:")))
        layout.addWidget(self.numbers)
        layout.addWidget(notice)
        layout.addStretch(1)

    def show_status(self, status: dict[str, Any]) -> None:
        """Update the counts."""
        self.numbers.show_status(status)
