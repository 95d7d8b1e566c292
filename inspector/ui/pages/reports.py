"""The Reports screen: the team lead's intake report for a day or a range, previewed and exported.

Preview and export run off the GUI thread (``run_task``); the export shows its progress and can be
cancelled (Cancel or Escape). The numbers and files come from :mod:`inspector.reports`.
A period longer than :data:`~inspector.reports.intake_report.LONG_PERIOD_DAYS` days is counted only
after the user presses "Count anyway" beside the message line (no modal dialog); Export asks the same.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QLocale, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.reports.cli_report import export_report, latest_intake_day, warehouse_choices
from inspector.reports.intake_report import (
    IntakeReport,
    ReportCancelled,
    build_intake_report,
    period_needs_confirmation,
)
from inspector.reports.words import Words
from inspector.services.sources import DataSource, SourceKind
from inspector.services.users import UserInfo
from inspector.ui.pages.stations_panel import StationsPanel
from inspector.ui.style import FOCUS, PAPER
from inspector.ui.tasks import CancelToken, TaskCancelled, run_task
from inspector.ui.texts import GRADE_NAMES, fill, translated
from inspector.ui.widgets import (
    FlowGrid,
    MessageLine,
    NumberTile,
    fill_source_choices,
    heading,
    hint,
    secondary_button,
    source_row,
)

if TYPE_CHECKING:
    from inspector.app import Services

FORMATS = (("pdf", "PDF"), ("csv", "CSV"), ("xlsx", "Excel (XLSX)"))
PREVIEW_DELAY_MS = 250
DATE_STYLE = (f"QDateEdit {{ min-height: 48px; padding: 4px; font-size: 18pt; min-width: 190px; border: 2px"
              f" solid #5a6570; background: {PAPER}; }} QDateEdit:focus {{ border: 4px solid {FOCUS}; }}")


class BarChart(QWidget):
    """A small bar chart painted with QPainter: one or two series over labelled categories."""

    COLOURS = (QColor("#1f5fbf"), QColor("#f0a030"))

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(250, 190)
        self.title = title
        self.set_data([], [], [])

    def set_data(self, labels: list[str], series: list[list[int]], names: list[str]) -> None:
        """Show ``series`` (one list of values per series, named ``names``) over ``labels``."""
        self.labels, self.series, self.names = labels, series, names
        self.update()

    def header_rects(self) -> tuple[QRect, list[QRect]]:
        """Where the title and each legend entry (swatch and name) are drawn: the entries follow the
        title on its line while they fit the chart's width, else on lines of their own below it (at
        1366x768 'Artikelen beoordeeld' ran out of the chart, into the next chart's title)."""
        metrics = self.fontMetrics()
        line, right = metrics.height(), self.width() - 8
        title = QRect(8, 4, min(metrics.horizontalAdvance(self.title), right - 8), line)
        entries: list[QRect] = []
        x, y = title.right() + 1 + 16, 4
        for name in self.names if len(self.names) > 1 else []:
            width = 16 + metrics.horizontalAdvance(name) + 2  # elidedText needs a pixel of rounding
            if x + width > right:
                x, y = 8, y + line + 2
            entries.append(QRect(x, y, min(width, right - x), line))
            x += width + 12
        return title, entries

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        metrics = painter.fontMetrics()
        line = metrics.height()
        title, entries = self.header_rects()
        below = max(r.bottom() for r in [title, *entries]) + 1 + 10  # the bars start under the legend
        area = QRectF(8, below, self.width() - 16, self.height() - below - line - 8)
        painter.setPen(QColor("#111111"))
        elide = Qt.TextElideMode.ElideRight
        shown_title = metrics.elidedText(self.title, elide, title.width())
        painter.drawText(title, Qt.AlignmentFlag.AlignLeft, shown_title)
        for index, entry in enumerate(entries):
            painter.fillRect(QRectF(entry.x(), entry.y() + (line - 12) / 2, 12, 12), self.COLOURS[index])
            name = metrics.elidedText(self.names[index], elide, entry.width() - 16)
            painter.drawText(entry.adjusted(16, 0, 0, 0), Qt.AlignmentFlag.AlignLeft, name)
        labelled = len(self.labels) <= 6
        top = max([1, *(v for values in self.series for v in values)]) * (1.15 if labelled else 1)
        painter.setPen(QColor("#cbd2d9"))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        slot = area.width() / max(len(self.labels), 1)
        bar = max(slot * 0.8 / max(len(self.series), 1), 1.0)
        painter.setPen(Qt.PenStyle.NoPen)
        for i, text in enumerate(self.labels):
            for s, values in enumerate(self.series):
                height = area.height() * values[i] / top
                left = area.left() + i * slot + slot * 0.1 + s * bar
                painter.fillRect(QRectF(left, area.bottom() - height, bar, height), self.COLOURS[s])
                if labelled:
                    painter.setPen(QColor("#1f2933"))
                    painter.drawText(QRectF(left, area.bottom() - height - line, bar, line),
                                     Qt.AlignmentFlag.AlignHCenter, str(values[i]))
                    painter.setPen(Qt.PenStyle.NoPen)
            painter.setPen(QColor("#52606d"))
            centre = area.left() + (i + 0.5) * slot
            if len(self.labels) <= 12 or i % 2 == 0:
                shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(slot) - 4)
                painter.drawText(QRectF(centre - slot / 2, area.bottom() + 2, slot, line),
                                 Qt.AlignmentFlag.AlignHCenter, shown)
            painter.setPen(Qt.PenStyle.NoPen)
        painter.end()


class ReportsPage(QWidget):
    """Pick a day or range, a warehouse and a format; see the key numbers; export the report.

    ``export_finished`` carries the file's path (None: cancelled or failed); ``preview_ready`` the report.
    """

    export_finished = Signal(object)
    preview_ready = Signal(object)

    def __init__(self, services: Services | None = None, parent: QWidget | None = None,
                 user: UserInfo | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self._services, self._generation = services, 0
        self._user = user  # the service refuses reports to an inspector
        self._token: CancelToken | None = None
        self._confirmed_period: tuple[date, date] | None = None  # a long period the user chose to count
        self.setStyleSheet(DATE_STYLE)
        self.from_edit, self.to_edit = (QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
                                        for _ in range(2))
        self._last_from = self.from_edit.date()
        self.warehouse, self.fmt, self.source = QComboBox(), QComboBox(), QComboBox()
        for key, name in FORMATS:
            self.fmt.addItem(name, key)
        self.export_button = QPushButton(self.tr("&Export…"))
        self.warehouse.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.cancel_button = secondary_button(self.tr("Cancel"))
        self.progress = QProgressBar(minimum=0, maximum=100)
        self.message = MessageLine()
        self.long_range_button = secondary_button(self.tr("Count &anyway"))
        self.long_range_button.hide()
        self.zone_hint = hint("")
        captions = {"parcels": self.tr("Parcels received"), "items": self.tr("Items inspected"),
                    "p50": self.tr("Minutes scan to graded (median)"), "exceptions": self.tr("Exceptions"),
                    "recovered": self.tr("Estimated recovered value")}
        self.tiles = {key: NumberTile(caption) for key, caption in captions.items()}
        self.hourly_chart = BarChart(self.tr("Intake per hour"))
        self.grade_chart = BarChart(self.tr("Grades"))
        self.stations = StationsPanel()
        self.stations_button = secondary_button(self.tr("Stations"))
        self.stations_button.setCheckable(True)
        self.stations_button.setToolTip(self.tr("The warehouse's stations as central knows them"))
        self.stations_button.hide()
        self._layout()
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self.from_edit.dateChanged.connect(self._from_changed)
        self.to_edit.dateChanged.connect(self._preview_timer.start)
        self.warehouse.currentIndexChanged.connect(self._preview_timer.start)
        self.source.currentIndexChanged.connect(self._preview_timer.start)
        self.export_button.clicked.connect(self.choose_file_and_export)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.long_range_button.clicked.connect(self._count_long_period)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel_export)
        self._set_exporting(False)
        if services is None:
            self.setEnabled(False)
            return
        fill_source_choices(self.source, services.sources())
        for index, (code, name, zone) in enumerate(warehouse_choices(services.database)):
            self.warehouse.addItem(code if name in ("", code) else f"{code} — {name}", (code, zone))
            if code == services.station.warehouse_code:
                self.warehouse.setCurrentIndex(index)
        self.warehouse.setMinimumContentsLength(len(self.warehouse.currentText()) + 1)
        self.set_period(latest_intake_day(services.database, services.station.warehouse_code))

    def _layout(self) -> None:
        cells = []
        fields = ((self.tr("&From"), self.from_edit), (self.tr("&To"), self.to_edit),
                  (self.tr("&Format"), self.fmt), ("", self.export_button))
        for text, field in fields:
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            caption = QLabel(text)
            caption.setBuddy(field)
            column.addWidget(caption)
            column.addWidget(field)
            cells.append(cell)
        choices = QVBoxLayout()
        choices.addWidget(FlowGrid(cells, 4))
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        choices.addLayout(busy)
        charts = QHBoxLayout()
        self.tile_grid = tiles = FlowGrid(list(self.tiles.values()), 5)
        charts.addWidget(self.hourly_chart, 3)
        charts.addWidget(self.grade_chart, 2)
        # On a 1024x768 screen the page scrolls rather than squeezing its texts.
        content = QWidget()
        content.setObjectName("page")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(14)
        layout.addWidget(heading(self.tr("Intake report")))
        where = source_row(self.tr("&Count from"), self.source)
        where.setContentsMargins(0, 0, 0, 0)
        warehouse_caption = QLabel(self.tr("&Warehouse"))
        warehouse_caption.setBuddy(self.warehouse)
        which = QHBoxLayout()
        which.setContentsMargins(0, 0, 0, 0)
        which.addWidget(warehouse_caption)
        which.addWidget(self.warehouse)
        which.addWidget(self.stations_button)
        which.addStretch(1)
        cells = []
        for row in (where, which):
            cell = QWidget()
            cell.setLayout(row)
            cells.append(cell)
        # Side by side where there is room, one above the other on a 1024x768 screen.
        layout.addWidget(FlowGrid(cells, 2))
        layout.addLayout(choices)
        layout.addWidget(self.zone_hint)
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.long_range_button)
        layout.addLayout(message_row)
        layout.addWidget(tiles)
        # The charts, and (counting from the central database) the warehouse's stations, share the space;
        # the "Stations" button beside the warehouse switches between them.
        charts_page = QWidget()
        charts.setContentsMargins(0, 0, 0, 0)
        charts_page.setLayout(charts)
        self.lower = QStackedWidget()
        self.lower.addWidget(charts_page)
        self.lower.addWidget(self.stations)
        self.stations_button.toggled.connect(lambda on: self.lower.setCurrentIndex(1 if on else 0))
        self.stations.available.connect(self._stations_available)
        self.lower.setMinimumHeight(230)
        layout.addWidget(self.lower, 1)

    def _stations_available(self, shown: bool) -> None:
        self.stations_button.setVisible(shown)
        if not shown:
            self.stations_button.setChecked(False)

    def data_source(self) -> DataSource:
        """Where the report counts: the central database (every station) or this station's."""
        assert self._services is not None
        return self._services.source(self.source.currentData() or SourceKind.LOCAL)

    def _from_changed(self, new: QDate) -> None:
        """A one-day report stays one day: To follows From unless it was set apart."""
        follow = self.to_edit.date() == self._last_from or self.to_edit.date() < new
        self.to_edit.setMinimumDate(new)
        if follow:
            self.to_edit.setDate(new)
        self._last_from = new
        self._preview_timer.start()

    def set_period(self, first: date, last: date | None = None) -> None:
        """Show the report for ``first`` (one day) or ``first`` .. ``last``."""
        for edit, day in ((self.from_edit, first), (self.to_edit, last or first)):
            edit.setDate(QDate(day.year, day.month, day.day))

    def selected_period(self) -> tuple[date, date]:
        """The first and last local day chosen."""
        return self.from_edit.date().toPython(), self.to_edit.date().toPython()  # type: ignore[return-value]

    def _period_allowed(self, first: date, last: date) -> bool:
        """True when the period may be counted now; a long one first asks on the message line."""
        if not period_needs_confirmation(first, last) or self._confirmed_period == (first, last):
            self.long_range_button.hide()
            return True
        self.message.show_info(self.tr("This period is %Ln day(s) long and may take a while to count. "
                                       "Press Count anyway, or choose a shorter period.", "",
                                       (last - first).days + 1))
        self.long_range_button.show()
        return False

    def _count_long_period(self) -> None:
        """The user wants the long period counted: remember it and show its report."""
        self._confirmed_period = self.selected_period()
        self.long_range_button.hide()
        self.message.clear_message()
        self.refresh_preview()

    def show_status(self, status: dict[str, Any]) -> None:
        """The station's counts were refreshed (the window does this): refresh the preview too."""
        self._preview_timer.start()

    def refresh_preview(self) -> None:
        """Build the report for the chosen period in the background and show its key numbers."""
        if self._services is None or not self.warehouse.currentData():
            return
        (first, last), (code, zone) = self.selected_period(), self.warehouse.currentData()
        self.zone_hint.setText(fill(self.tr("From and To are local days in the warehouse's time zone (%1); "
                                            "the same date twice is a daily report."), zone))
        if not self._period_allowed(first, last):
            self._generation += 1  # a preview still running for the previous period is not shown
            return
        self._generation += 1
        self.stations.refresh(self.data_source())
        run_task(build_intake_report, self.data_source().database, code, first, last, user=self._user,
                 on_done=lambda r, g=self._generation: self._show_preview(g, r), on_error=self._failed,
                 owner=self)

    def _show_preview(self, generation: int, report: IntakeReport) -> None:
        if generation != self._generation:
            return
        # The same numbers, written the same way, as in the exported report (Dutch: € 1.234,56).
        words = Words(QLocale().name())
        p50 = report.scan_to_graded.p50
        values = {"parcels": words.number(report.parcels_received),
                  "items": words.number(report.items_inspected),
                  "p50": "–" if p50 is None else words.number(p50, 1),
                  "exceptions": words.number(sum(e.items for e in report.exceptions)),
                  "recovered": words.money(report.recovered_cents)}
        for key, value in values.items():
            self.tiles[key].set_value(value)
        self.tile_grid.refit()  # a wider number ('€ 43.22' at 30 pt) may need fewer columns
        hours = [h for h in range(24) if report.hourly_parcels[h] or report.hourly_items[h]]
        shown = range(min([7, *hours]), max([18, *hours]) + 1)
        self.hourly_chart.set_data([f"{h:02d}" for h in shown],
                                   [[report.hourly_parcels[h] for h in shown],
                                    [report.hourly_items[h] for h in shown]],
                                   [self.tr("Parcels received"), self.tr("Items graded")])
        grades = [b for b in report.by_grade if b.key]
        self.grade_chart.set_data([translated("Texts", GRADE_NAMES.get(b.key, b.key)) for b in grades],
                                  [[b.items for b in grades]], [self.tr("Items")])
        empty_text = self.tr("No parcels were received and no items inspected in this period.")
        if report.empty:
            self.message.show_info(empty_text)
        elif self._token is None and self.message.text() == empty_text:
            self.message.clear_message()  # only its own message: an export's result stays
        self.preview_ready.emit(report)

    def choose_file_and_export(self) -> None:
        """Ask where to save the report, then export it."""
        if self._services is None or self._token is not None:
            return
        fmt = str(self.fmt.currentData())
        first, last = self.selected_period()
        if not self._period_allowed(first, last):
            return
        name = f"intake-{self.warehouse.currentData()[0]}-{first}" + ("" if last == first else f"-to-{last}")
        suggestion = self._services.paths.exports / f"{name}.{fmt}"
        filters = [f"{name} (*.{key})" for key, name in FORMATS]
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the intake report"), str(suggestion),
                                                    ";;".join(filters), filters[self.fmt.currentIndex()])
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Export the report for the chosen period and format to ``path`` in the background."""
        if self._services is None or self._token is not None:
            return
        first, last = self.selected_period()
        if not self._period_allowed(first, last):
            return
        # The file's extension and its format always agree: a known extension chooses the format
        # (intake.xlsx is written as Excel even if the box said CSV), else the box's is added.
        chosen = str(self.fmt.currentData())
        by_extension = path.suffix.lower().lstrip(".")
        if by_extension in dict(FORMATS):
            if by_extension != chosen:
                self.fmt.setCurrentIndex(self.fmt.findData(by_extension))
        else:
            path = path.with_name(f"{path.name}.{chosen}")
        self._token = CancelToken()
        self._set_exporting(True)
        self.message.show_info(self.tr("Writing the report…"))
        run_task(export_report, self.data_source().database, self.warehouse.currentData()[0], first, last,
                 str(self.fmt.currentData()), path, on_done=self._exported, on_error=self._exported,
                 on_progress=self._progress, cancel_token=self._token, language=QLocale().name(),
                 user=self._user)

    def cancel_export(self) -> None:
        """Stop the running export (nothing is written)."""
        if self._token is not None:
            self._token.cancel()
            self.cancel_button.setEnabled(False)

    def _progress(self, value: tuple[int, int]) -> None:
        self.progress.setValue(int(100 * value[0] / max(value[1], 1)))

    def _set_exporting(self, busy: bool) -> None:
        for widget in (self.progress, self.cancel_button):
            widget.setVisible(busy)
            widget.setEnabled(busy)
        self.export_button.setEnabled(not busy)
        self.progress.setValue(0)

    def _exported(self, path: Path | BaseException) -> None:
        self._token = None
        self._set_exporting(False)
        if isinstance(path, ReportCancelled | TaskCancelled):
            self.message.show_info(self.tr("The export was cancelled; no file was written."))
        elif isinstance(path, BaseException):
            self._failed(path)
        else:
            self.message.show_info(fill(self.tr("The report was saved as %1"), str(path)))
        self.export_finished.emit(path if isinstance(path, Path) else None)

    def _failed(self, exc: BaseException) -> None:
        self.message.show_problem(exc)
