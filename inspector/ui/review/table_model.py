"""The review results as a sortable table: a thin adapter over a list of :class:`ReviewRow`.

The rows arrive in pages in the database's order (newest first). The header sort is local: the
model remembers the last :meth:`ReviewTableModel.sort` and applies it again after
:meth:`ReviewTableModel.append_rows`, so a further page merges into the sorted rows (appended rows
that tie with shown ones come after them, which is the database's order again). Sorting moves the
view's selection and current row along with their rows.
"""

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
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[ReviewRow]) -> None:
        """Show these rows instead of the current ones."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: Sequence[ReviewRow]) -> int:
        """Add a further page below the rows on show, then apply the last sort again.

        Inspections already on show are skipped. Returns how many rows were added.
        """
        known = {row.inspection_id for row in self._rows}
        new: list[ReviewRow] = []
        for row in rows:
            if row.inspection_id not in known:
                known.add(row.inspection_id)
                new.append(row)
        if not new:
            return 0
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._rows.extend(new)
        self.endInsertRows()
        if self._sorted_by is not None:
            self.sort(*self._sorted_by)
        return len(new)

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
        """Sort the rows on show by a column (stable, so earlier orders break ties).

        The sort is remembered for :meth:`append_rows`; persistent indexes (the view's selection and
        current row) follow their rows.
        """
        key = _SORT_KEYS.get(column)
        if key is None:
            return
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        rows = self._rows
        order_of = sorted(range(len(rows)), key=lambda n: key(rows[n]),
                          reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [rows[n] for n in order_of]
        new_position = {old: new for new, old in enumerate(order_of)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(new_position[i.row()], i.column()) for i in persistent]
        )
        self.layoutChanged.emit()

