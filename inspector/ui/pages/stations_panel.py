"""The stations of the warehouse as central sees them, on the Reports page (for the team lead).

The same overview as ``inspector central stations`` (:mod:`inspector.sync.stations`): per station its
last sync, what it still had to send, the head of its audit chain as central holds it, and alarms (open
conflicts). Shown when the page counts from the central database; read off the GUI thread.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import text

from inspector.connectors.health import HEALTH_SQL, ConnectorHealth, health_rows
from inspector.services.sources import DataSource, SourceKind
from inspector.sync.stations import OVERVIEW_SQL, StationRow, station_rows
from inspector.ui.table_columns import ColumnFit
from inspector.ui.tasks import run_task
from inspector.ui.texts import fill, local_time


def load_stations(database: Any) -> list[StationRow]:
    """The overview through a (central) data source's read-only session."""
    with database.session() as session:
        return station_rows([tuple(row) for row in session.execute(text(OVERVIEW_SQL)).all()])


def load_connectors(database: Any) -> list[ConnectorHealth]:
    """The warehouse's connectors' health (docs/connectors.md) through a central data source."""
    with database.session() as session:
        return health_rows([tuple(row) for row in session.execute(text(HEALTH_SQL)).all()])


class StationsPanel(QWidget):
    """A table of the warehouse's stations; ``available(bool)`` says whether there is one to show
    (only when the source is central and it could be read)."""

    available = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[StationRow] = []
        self.caption = QLabel(self.tr("Stations of this warehouse (central database)"))
        self.caption.setObjectName("hint")
        self.table = QTableWidget(0, 5)
        headers = [self.tr("Station"), self.tr("Last sync"), self.tr("Waiting to send"),
                   self.tr("Audit chain head"), self.tr("Alarms")]
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Every header whole (the stretched last column got 100 px for Dutch 'Alarmen', 117 px): times and
        # counts as wide as their contents; the station's name, chain head and alarms share the rest.
        self.columns = ColumnFit(self.table, {0: 2, 3: 1, 4: 1})
        self.table.setMinimumHeight(100)  # no taller than the charts it stands in for
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.table)
        self.connectors = QLabel()  # the shop connectors' health, for the team lead (only when any)
        self.connectors.setWordWrap(True)
        self.connectors.hide()
        layout.addWidget(self.connectors)

    def refresh(self, source: DataSource) -> None:
        """Load the overview from ``source`` when it is the central database (else hide)."""
        if source.kind is not SourceKind.CENTRAL:
            self.rows = []
            self.available.emit(False)
            return
        run_task(load_stations, source.database, on_done=self.show_rows,
                 on_error=lambda _exc: self.available.emit(False), owner=self)
        run_task(load_connectors, source.database, on_done=self.show_connectors,
                 on_error=lambda _exc: self.show_connectors([]), owner=self)  # an older central: none

    def show_connectors(self, rows: list[ConnectorHealth]) -> None:
        """One line per connector: failing (with its error) or fine, outcomes rejected or held."""
        lines = []
        for row in rows:
            if row.failing:
                line = fill(self.tr("Connector %1 (%2) is failing (%Ln run(s)): %3", "", row.failures),
                            row.connector, row.platform, row.last_error)
            else:
                line = fill(self.tr("Connector %1 (%2) works; %Ln outcome(s) on their way", "", row.waiting),
                            row.connector, row.platform)
            if row.rejected:
                line += " " + fill(self.tr("%Ln outcome(s) rejected, the latest: %1", "", row.rejected),
                                   row.last_rejection)
            if row.held:
                line += " " + self.tr("%Ln wait(s) for a supervisor's confirmation.", "", row.held)
            lines.append(line)
        self.connectors.setText("\n".join(lines))
        self.connectors.setVisible(bool(lines))

    def show_rows(self, rows: list[StationRow]) -> None:
        """Fill the table."""
        self.rows = rows
        self.table.setRowCount(len(rows))
        now = datetime.now(UTC)
        for r, row in enumerate(rows):
            last = local_time(row.last_sync_at) if row.last_sync_at else self.tr("never")
            if row.last_sync_at and (now - row.last_sync_at).total_seconds() > 3600:
                last = fill(self.tr("%1 (over an hour ago)"), last)
            waiting = "–" if row.pending is None else str(row.pending)
            head = "–"
            if row.chain_seq:
                head = fill(self.tr("event %1, %2…"), row.chain_seq, (row.chain_hash or "")[:12])
            alarms = self.tr("%Ln open conflict(s)", "", row.open_conflicts) if row.open_conflicts else "–"
            for c, value in enumerate((f"{row.station} — {row.name}", last, waiting, head, alarms)):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.available.emit(bool(rows))
