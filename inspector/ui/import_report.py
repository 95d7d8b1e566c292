"""The outcome of a returns import: counts and a table of the rejected lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QTableView, QVBoxLayout, QWidget

from inspector.ui.texts import rejection_reason
from inspector.ui.widgets import NumberTile, hint

ROW_ROLE = Qt.ItemDataRole.UserRole


def count(value: Any) -> int:
    """A report field as a number: the service may give a list of items or a count."""
    if value is None:
        return 0
    return len(value) if hasattr(value, "__len__") else int(value)


class RejectionTableModel(QAbstractTableModel):
    """Rejected lines: place in the file, RMA, and the reason in the user's language."""

    PLACE, RMA, REASON = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        """Replace every row with ``rows`` (objects with file, line, rma, reason and code)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Number of rejected lines."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Place, RMA, reason."""
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("File and line"), self.tr("RMA"), self.tr("Why it was not imported"))[section]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The cell text, or the rejection itself for ``ROW_ROLE``."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(getattr(row, "reason", ""))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.PLACE:
            name = Path(str(getattr(row, "file", "") or "")).name
            line = getattr(row, "line", None)
            return f"{name}:{line}" if line else name
        if column == self.RMA:
            return str(getattr(row, "rma", "") or "—")
        code = str(getattr(row, "code", "") or "")
        return rejection_reason(code, str(getattr(row, "reason", "")), str(getattr(row, "column", "") or ""))


class ImportReportView(QWidget):
    """Created / updated / unchanged / rejected tiles above the table of rejections."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles = {
            "created": NumberTile(self.tr("New returns")),
            "updated": NumberTile(self.tr("Updated")),
            "unchanged": NumberTile(self.tr("Unchanged")),
            "rejected": NumberTile(self.tr("Returns not imported")),
        }
        tiles = QHBoxLayout()
        for tile in self.tiles.values():
            tiles.addWidget(tile)
        self.summary = hint("")
        self.model = RejectionTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tiles)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def show_report(self, report: Any) -> None:
        """Show an ImportReport (``created``, ``updated``, ``unchanged``, ``rejected``)."""
        rejected = list(getattr(report, "rejected", []) or [])
        for key, tile in self.tiles.items():
            tile.set_value(count(getattr(report, key, 0)))
        self.tiles["rejected"].set_value(getattr(report, "rejected_returns", None) or count(rejected))
        self.model.set_rows(rejected)
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(rejected))
        if rejected:
            self.summary.setText(
                self.tr("%Ln row(s) were not imported. Correct them in the file and import it again.", "",
                        len(rejected))
            )
        else:
            self.summary.setText(self.tr("Every line was imported."))
