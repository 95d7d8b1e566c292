"""The review results as a sortable table: a thin adapter over a list of :class:`ReviewRow`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from inspector.models import Grade
from inspector.services.review import ReviewRow
from inspector.ui.texts import flag_name, grade_name, local_time

FINISHED, RMA, ORDER, CUSTOMER, PRODUCT, GRADE, FLAGS, STATION, INSPECTOR = range(9)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
HEADERS = (
    QT_TRANSLATE_NOOP("ReviewTableModel", "Finished"), QT_TRANSLATE_NOOP("ReviewTableModel", "RMA"),
    QT_TRANSLATE_NOOP("ReviewTableModel", "Order"), QT_TRANSLATE_NOOP("ReviewTableModel", "Customer"),
    QT_TRANSLATE_NOOP("ReviewTableModel", "Product"), QT_TRANSLATE_NOOP("ReviewTableModel", "Grade"),
    QT_TRANSLATE_NOOP("ReviewTableModel", "Flags"), QT_TRANSLATE_NOOP("ReviewTableModel", "Station"),
    QT_TRANSLATE_NOOP("ReviewTableModel", "Inspector"),
)
_GRADE_ORDER = {grade: n for n, grade in enumerate(Grade)}
_SORT_KEYS: dict[int, Callable[[ReviewRow], Any]] = {
    FINISHED: lambda r: (r.finished_at, r.inspection_id),
    RMA: lambda r: r.rma,
    ORDER: lambda r: r.order_number,
    CUSTOMER: lambda r: r.customer_name.casefold(),
    PRODUCT: lambda r: r.product.casefold(),
    GRADE: lambda r: _GRADE_ORDER.get(r.grade, 99) if r.grade else 99,
    FLAGS: lambda r: (-len(r.flags), r.flags),
    STATION: lambda r: r.station_code,
    INSPECTOR: lambda r: r.inspector_name.casefold(),
}
Index = QModelIndex | QPersistentModelIndex


translate = QCoreApplication.translate


class ReviewTableModel(QAbstractTableModel):
    """Rows of finished inspections; ``ROW_ROLE`` returns the :class:`ReviewRow` itself."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ReviewRow] = []

    def set_rows(self, rows: Sequence[ReviewRow]) -> None:
        """Show these rows instead of the current ones."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[ReviewRow]:
        """The rows in their current order."""
        return list(self._rows)

    def row_at(self, row: int) -> ReviewRow:
        """The inspection on table row ``row``."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("ReviewTableModel", HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == FLAGS and row.open_dispute:
            return translate("ReviewTableModel", "A dispute about this inspection is open.")
        return None

    @staticmethod
    def _text(row: ReviewRow, column: int) -> str:
        if column == FINISHED:
            return local_time(row.finished_at)
        if column == GRADE:
            return grade_name(row.grade) if row.grade else ""
        if column == FLAGS:
            names = [flag_name(flag) for flag in row.flags]
            if row.open_dispute:
                names.insert(0, translate("ReviewTableModel", "dispute"))
            return ", ".join(names)
        values = {RMA: row.rma, ORDER: row.order_number, CUSTOMER: row.customer_name, PRODUCT: row.product,
                  STATION: row.station_code, INSPECTOR: row.inspector_name}
        return values.get(column, "")

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows on show by a column (stable, so earlier orders break ties)."""
        key = _SORT_KEYS.get(column)
        if key is None:
            return
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

