"""The announced lines of a return as a table: product, SKU, GTIN, quantity, price, reason, progress."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from inspector.services.return_summary import LineSummary
from inspector.ui.table_columns import ColumnFit
from inspector.ui.texts import fill, money, reason_name

COLUMNS = 8
PRODUCT, SKU, GTIN, QUANTITY, PRICE, REASON, COMMENT, DONE = range(COLUMNS)


class LinesTable(QTableWidget):
    """One row per announced line; the row's :class:`LineSummary` is under ``Qt.UserRole``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, COLUMNS, parent)
        self.setHorizontalHeaderLabels([
            self.tr("Product"), self.tr("SKU"), self.tr("GTIN"), self.tr("Qty"), self.tr("Price"),
            self.tr("Reason"), self.tr("Comment"), self.tr("Done"),
        ])  # fmt: skip
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # arrows choose a line; Tab goes on to the buttons below
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Every header whole (Dutch "Opmerking" was cut to "pmerkin" at 1366x768). GTIN, quantity,
        # price and progress as wide as their contents; the product and the comment wrap and share the
        # rest, the product readable first; the SKU (at its hyphens) and the reason wrap only when the
        # rest does not fit. Where even that does not fit (1024x768: 440 of 650 px went to the columns
        # that cannot wrap, and the table scrolled sideways) the GTIN and then the SKU columns go: the
        # inspector scans the item anyway, and the product's tool tip still has both.
        self.columns = ColumnFit(self, {PRODUCT: 3, COMMENT: 2, SKU: 1, REASON: 1},
                                 readable={PRODUCT: 180, SKU: None, REASON: None}, optional=(SKU, GTIN))

    def set_lines(self, lines: tuple[LineSummary, ...]) -> None:
        """Show ``lines`` and select the first with units left to inspect."""
        self.setRowCount(len(lines))
        for row, line in enumerate(lines):
            values = [
                line.product_name, line.sku, line.gtin, str(line.quantity),
                money(line.unit_price_cents, line.currency), reason_name(line.reason_code),
                line.customer_comment, f"{line.units_inspected}/{line.quantity}",
            ]  # fmt: skip
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, line)
                if column == PRODUCT:
                    item.setToolTip(fill(self.tr("SKU %1\nGTIN %2"), line.sku, line.gtin))
                self.setItem(row, column, item)
        todo = next((n for n, line in enumerate(lines) if line.units_inspected < line.quantity), 0)
        if lines:
            self.selectRow(todo)

    def selected_line(self) -> LineSummary | None:
        """The line of the selected row."""
        item = self.item(self.currentRow(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None
