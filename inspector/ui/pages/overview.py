"""The station's numbers (real counts from the database) shown as big tiles."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QGridLayout, QWidget

from inspector.ui.texts import translated
from inspector.ui.widgets import NumberTile

# station_status() key -> caption
CAPTIONS: dict[str, str] = {
    "returns": QT_TRANSLATE_NOOP("Texts", "Returns announced"),
    "parcels": QT_TRANSLATE_NOOP("Texts", "Parcels received"),
    "inspections": QT_TRANSLATE_NOOP("Texts", "Inspections"),
    "inspections_open": QT_TRANSLATE_NOOP("Texts", "Inspections open"),
    "photos": QT_TRANSLATE_NOOP("Texts", "Photos"),
    "pending_sync": QT_TRANSLATE_NOOP("Texts", "Changes waiting to sync"),
}


class StationNumbers(QWidget):
    """Tiles for the chosen ``station_status`` keys; :meth:`show_status` updates them."""

    def __init__(self, keys: list[str], columns: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: dict[str, NumberTile] = {}
        grid = QGridLayout(self)
        grid.setSpacing(16)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, key in enumerate(keys):
            tile = NumberTile(translated("Texts", CAPTIONS[key]))
            self.tiles[key] = tile
            grid.addWidget(tile, index // columns, index % columns)

    def show_status(self, status: dict[str, Any]) -> None:
        """Show the counts of a ``station_status`` result."""
        for key, tile in self.tiles.items():
            if key in status:
                tile.set_value(status[key])
