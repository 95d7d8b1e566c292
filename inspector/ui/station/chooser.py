"""A list of returns to choose from: after a scan that fits several returns, and for search results."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from inspector.services.return_summary import ReturnSummary
from inspector.ui.texts import fill, status_name


def describe_return(summary: ReturnSummary) -> str:
    """One line about a return: RMA, customer, postcode, order, number of items and status."""
    items = sum(line.quantity for line in summary.lines)
    return fill(
        QCoreApplication.translate("ReturnList", "%1 — %2, %3 %4 — order %5 — %6 — %7"),
        summary.rma_number,
        summary.customer_name or "?",
        summary.postcode,
        summary.house_number,
        summary.order_number or "–",
        ReturnList.tr("%Ln item(s)", "", items),
        status_name(summary.status),
    )


class ReturnList(QListWidget):
    """Returns, one per row; arrows choose, Enter or a double click emits ``opened(ReturnSummary)``."""

    opened = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.itemActivated.connect(self._activated)

    def set_returns(self, returns: tuple[ReturnSummary, ...]) -> None:
        """Show ``returns`` and select the first."""
        self.clear()
        for summary in returns:
            item = QListWidgetItem(describe_return(summary))
            item.setData(Qt.ItemDataRole.UserRole, summary)
            self.addItem(item)
        if self.count():
            self.setCurrentRow(0)

    def open_current(self) -> None:
        """Open the selected return."""
        self._activated(self.currentItem())

    def _activated(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.opened.emit(item.data(Qt.ItemDataRole.UserRole))
