"""Review: supervisors find finished inspections, judge their evidence and handle disputes.

The page shows the filter bar and the results table; opening a row shows the inspection's detail
(:class:`inspector.ui.review.detail_view.DetailView`). Searching and loading run in the
background; dispute actions go through the database worker to
:class:`inspector.services.disputes.DisputeService`, which checks the user's role itself.

Results come in pages of ``page_size`` rows: "Show more" fetches the next page of the same search
(keyset cursor of the last row fetched, in the database's newest-first order) and appends it; the
table's header sort is then applied again to all rows (see :meth:`ReviewTableModel.append_rows`).
A new search starts again at one page, and answers of an older search are ignored.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.models.database import DatabaseProblem
from inspector.reports.evidence import EvidenceCancelled, EvidencePack, PackMaker, build_evidence_pack
from inspector.services.disputes import DisputeError, DisputeService, may_handle_disputes
from inspector.services.inspection_detail import InspectionDetail, load_detail
from inspector.services.review import (
    RETURN_MATCH_LIMIT,
    FilterChoices,
    ReviewQuery,
    ReviewRow,
    ReviewService,
    ReviewSort,
)
from inspector.services.sources import DataSource, SourceKind
from inspector.services.users import PermissionDenied, UserInfo
from inspector.ui.language import resolve_language
from inspector.ui.review.detail_view import DetailView, shown_language
from inspector.ui.review.dispute_dialog import CLOSE, DECISION, GRADE, NOTE, OPEN, DisputeDialog
from inspector.ui.review.filters import ReviewFilters
from inspector.ui.review.names import dispute_error
from inspector.ui.review.photo_viewer import PhotoViewer
from inspector.ui.review.table_model import (
    CUSTOMER,
    FINISHED,
    FLAGS,
    INSPECTOR,
    PRODUCT,
    ROW_ROLE,
    ReviewTableModel,
)
from inspector.ui.table_columns import ColumnFit
from inspector.ui.tasks import CancelToken, DatabaseWorker, TaskCancelled, run_task
from inspector.ui.texts import database_problem, fill
from inspector.ui.widgets import MessageLine, fill_source_choices, heading, secondary_button, source_row

if TYPE_CHECKING:
    from inspector.app import Services

RESULTS, DETAIL = range(2)
PAGE_SIZE = 200  # rows per page of results ("Show more" fetches the next page)


class _Screens(QStackedWidget):
    """The results and the detail; asks for no more height than its smallest, so the main window's page
    scroller (which gives a page its preferred height for its width) does not make the page taller
    than a 768 px screen: the tables inside take what is left (the detail scrolled 91 px at 1024x768)."""

    def hasHeightForWidth(self) -> bool:
        return False

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumSizeHint().height())


class ReviewPage(QWidget):
    """Search, results and detail. Without services (an old caller) it shows an empty page."""

    def __init__(self, services: Services | None = None, user: UserInfo | None = None,
                 worker: DatabaseWorker | None = None, parent: QWidget | None = None, *,
                 page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.page_size = max(1, page_size)
        # Paging of the current search: its query, the cursor after the last row fetched, whether
        # another page may follow, whether one is being fetched, and a number that a new search
        # changes (answers of an older search are dropped).
        self._paging_query = ReviewQuery()
        self._paging_sort = ReviewSort.NEWEST
        self._paging_cursor: tuple[datetime, uuid.UUID] | None = None
        self._paging_more = False
        self._paging_busy = False
        self._paging_generation = 0
        self._services = services
        self.user = user
        self._worker = worker or DatabaseWorker()
        self.source = QComboBox()
        self.source.setObjectName("reviewSource")
        if services is not None:
            fill_source_choices(self.source, services.sources())
        self.source.currentIndexChanged.connect(self._source_changed)
        self.review = ReviewService(self.data_source().database, user) if services else None
        self.disputes = DisputeService(services.database, services.station) if services else None
        self.language = resolve_language(services.settings.language) if services else "en"
        time_zone = services.station.time_zone if services else "UTC"
        self.filters = ReviewFilters(time_zone)
        self.filters.search_requested.connect(self.search)
        self.model = ReviewTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(FINISHED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        # Every header whole, with room for the sort arrow ('Inspector' was cut to 100 px at 1920x1080):
        # dates, codes and grades as wide as their contents, names, products and flags share the rest.
        self.columns = ColumnFit(self.table, {CUSTOMER: 2, PRODUCT: 3, FLAGS: 1, INSPECTOR: 1})
        self.table.activated.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)
        self.count = QLabel()
        self.more_button = secondary_button(self.tr("Show more"))
        self.more_button.setToolTip(self.tr("Show the next older inspections of this search"))
        self.more_button.clicked.connect(self.show_more)
        self.more_button.hide()
        self.message = MessageLine()
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        # The heading and the source on one line, the count beside Search: on a 768 px high screen
        # the results table keeps at least 8 rows in view below the filters.
        title_row = QHBoxLayout()
        title_row.addWidget(heading(self.tr("Review")))
        title_row.addSpacing(24)
        title_row.addLayout(source_row(self.tr("&Look in"), self.source), 1)
        results_layout.addLayout(title_row)
        results_layout.addWidget(self.filters)
        self.count.setWordWrap(True)
        # "Show more" beside the count, not on a row of its own under the table: with it shown the
        # table kept 6 rows at 1024x768.
        self.filters.put_beside_buttons(self.count, self.more_button)
        results_layout.addWidget(self.table, 1)
        self.detail_view = DetailView(bool(user and may_handle_disputes(user)))
        self.detail_view.back_requested.connect(self.show_results)
        self.detail_view.photo_requested.connect(self.open_photos)
        self.detail_view.evidence_requested.connect(self.export_evidence)
        self.detail_view.dispute_requested.connect(self.open_dispute_dialog)
        self.stack = _Screens()
        self.stack.addWidget(results)
        self.stack.addWidget(self.detail_view)
        self.viewer: PhotoViewer | None = None
        self._detail_source: DataSource | None = None
        self.dialog: DisputeDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        layout.addWidget(self.stack, 1)
        # An evidence pack walks whole audit chains: progress and Cancel (Escape) while it runs.
        self.evidence_progress = QProgressBar(minimum=0, maximum=100)
        self.evidence_cancel = secondary_button(self.tr("Cancel"))
        self.evidence_cancel.clicked.connect(self.cancel_evidence)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel_evidence)
        self._evidence_token: CancelToken | None = None
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.evidence_progress, 1)
        busy_row.addWidget(self.evidence_cancel)
        layout.addLayout(busy_row)
        self._set_evidence_busy(False)
        layout.addWidget(self.message)
        if self.review is not None:
            run_task(self.review.filter_choices, on_done=self._set_choices, on_error=lambda _exc: None)
            self.search()

    # --- results ------------------------------------------------------------------------------------

    def search(self) -> None:
        """Search with the current filters (in the background); shows the first page again."""
        if self.review is None:
            return
        query = self.filters.query()
        generation = self._start_paging(query)
        self.count.setText(self.tr("Searching…"))
        self.message.clear_message()
        run_task(self.review.search, query, limit=self.page_size, sort=self._paging_sort,
                 on_done=self._if_current(generation, self._show_rows),
                 on_error=self._if_current(generation, self._search_failed))
        if query.customer.strip():
            run_task(self.review.returns_capped, query, on_error=lambda _exc: None,
                     on_done=self._if_current(generation, self._show_capped))

    def _show_capped(self, capped: bool) -> None:
        """Say when a very common name word limits the search to the newest returns."""
        if capped:
            self.message.show_info(self.tr("More than %Ln return(s) match this name, so only the newest "
                                           "%Ln are searched. Type more of the name.", "",
                                           RETURN_MATCH_LIMIT))

    def data_source(self) -> DataSource:
        """Where the page reads: the central database (every station) or this station's own."""
        assert self._services is not None
        return self._services.source(self.source.currentData() or SourceKind.LOCAL)

    def _source_changed(self) -> None:
        """Another source: its people and stations in the filters, and the search again."""
        if self._services is None:
            return
        self.review = ReviewService(self.data_source().database, self.user)
        self.show_results()
        run_task(self.review.filter_choices, on_done=self._set_choices, on_error=lambda _exc: None)
        self.search()

    def _search_failed(self, exc: BaseException) -> None:
        """Nothing found because the source cannot be read: say why; the filters stay as they are."""
        self.model.set_rows([])
        self._page_arrived([])
        self.count.setText("")
        self.message.show_problem(exc)

    def _set_choices(self, choices: FilterChoices) -> None:
        self.filters.set_choices(choices)

    def _show_rows(self, rows: list[ReviewRow]) -> None:
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._page_arrived(rows)
        if rows:
            self.table.selectRow(0)

    # --- paging ("Show more") -----------------------------------------------------------------------

    def _start_paging(self, query: ReviewQuery) -> int:
        """Forget the pages of the previous search; returns the new search's generation."""
        self._paging_generation += 1
        self._paging_query = query
        self._paging_cursor = None
        self._paging_more = False
        self._paging_busy = False
        self._show_paging()
        return self._paging_generation

    def _page_arrived(self, rows: list[ReviewRow]) -> None:
        """Note where a fetched page (in database order) ended and whether another may follow."""
        if rows:
            self._paging_cursor = rows[-1].cursor
        self._paging_more = len(rows) >= self.page_size
        self._paging_busy = False
        self._show_paging()

    def show_more(self) -> None:
        """Fetch the next page of the current search (in the background) and add it to the table."""
        if self.review is None or self._paging_busy or not self._paging_more or self._paging_cursor is None:
            return
        generation = self._paging_generation
        self._paging_busy = True  # the button stays enabled (and focused); clicks wait for this page
        self.message.clear_message()
        self._show_paging()
        run_task(self.review.search, self._paging_query, limit=self.page_size, sort=self._paging_sort,
                 after=self._paging_cursor, on_done=self._if_current(generation, self._append_rows),
                 on_error=self._if_current(generation, self._more_failed))

    def _if_current(self, generation: int, handler: Callable[[Any], None]) -> Callable[[Any], None]:
        """``handler``, but doing nothing once a newer search has started."""
        def call(value: Any) -> None:
            if generation == self._paging_generation:
                handler(value)
        return call

    def _append_rows(self, rows: list[ReviewRow]) -> None:
        """Add a further page below the rows on show; the row at the top of the view stays there."""
        top = QPersistentModelIndex(self.table.indexAt(self.table.viewport().rect().topLeft()))
        self.model.append_rows(rows)  # keeps the header sort and the selection
        if top.isValid():
            self.table.scrollTo(self.model.index(top.row(), top.column()),
                                QAbstractItemView.ScrollHint.PositionAtTop)
        self._page_arrived(rows)

    def _more_failed(self, exc: BaseException) -> None:
        """The rows on show stay; the error shows below and "Show more" can be tried again."""
        self._paging_busy = False
        self._show_paging()
        reason = database_problem(exc) if isinstance(exc, DatabaseProblem) else str(exc)
        self.message.show_error(fill(self.tr("More inspections could not be loaded: %1"), reason))

    def _show_paging(self) -> None:
        """The count line and the "Show more" button for the current paging state."""
        shown = self.model.rowCount()
        if self._paging_busy:
            self.count.setText(self.tr("%Ln inspection(s) shown; loading more…", "", shown))
        elif not shown:
            self.count.setText(self.tr("No finished inspections match these filters."))
        elif self._paging_more:
            self.count.setText(self.tr("%Ln inspection(s) shown", "", shown))
        elif shown == 1:
            self.count.setText(self.tr("1 inspection shown"))
        else:
            self.count.setText(self.tr("All %Ln inspection(s) shown", "", shown))
        had_focus = self.more_button.hasFocus()
        self.more_button.setVisible(self._paging_more)
        if had_focus and not self._paging_more:
            self.table.setFocus()

    def show_results(self) -> None:
        """Back from the detail to the results."""
        self.stack.setCurrentIndex(RESULTS)
        self.table.setFocus()

    def _open_index(self, index: QModelIndex) -> None:
        row = self.model.data(index, ROW_ROLE)
        if isinstance(row, ReviewRow):
            self.open_inspection(row.inspection_id)

    # --- detail -------------------------------------------------------------------------------------

    def open_inspection(self, inspection_id: uuid.UUID, from_source: SourceKind | None = None) -> None:
        """Load, check and show one inspection's detail (from the chosen source unless ``from_source``)."""
        services = self._services
        if services is None:
            return
        source = self.data_source() if from_source is None else services.source(from_source)
        self._detail_source = source
        disputes = self.disputes
        self.message.show_info(self.tr("Checking the evidence…"))

        def load() -> tuple[InspectionDetail, bool]:
            detail = load_detail(source.database, source.photos, services.templates, inspection_id,
                                 shown_language(), source.chains, user=self.user)
            return detail, source.writable or (disputes is not None and disputes.recorded_here(inspection_id))

        run_task(load, on_done=self._show_detail, on_error=self._detail_failed)

    def _show_detail(self, loaded: tuple[InspectionDetail, bool]) -> None:
        detail, disputes_here = loaded
        self.message.clear_message()
        self.detail_view.show_detail(detail, disputes_here)
        self.stack.setCurrentIndex(DETAIL)

    def _detail_failed(self, exc: BaseException) -> None:
        self.message.show_problem(exc)

    def open_photos(self, index: int = 0) -> PhotoViewer | None:
        """Open the photo viewer on photo ``index`` of the shown inspection."""
        detail = self.detail_view.detail
        if detail is None or not detail.photos:
            return None
        self.viewer = PhotoViewer(detail.photos, index, self, detail.photo_titles)
        self.viewer.show()
        self.viewer.setFocus()
        return self.viewer

    # --- evidence pack ------------------------------------------------------------------------------

    def export_evidence(self, out_dir: Path | None = None) -> None:
        """Write the evidence pack of the shown inspection's return (asks for a folder when none given)."""
        detail, services = self.detail_view.detail, self._services
        if detail is None or services is None or not detail.facts.rma:
            return
        if out_dir is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Save the evidence pack in"))
            if not chosen:
                return
            out_dir = Path(chosen)
        if self._evidence_token is not None:
            return
        self.message.show_info(self.tr("Checking every audit chain and writing the evidence pack…"))
        source = self._detail_source or self.data_source()
        self._evidence_token = CancelToken()
        self._set_evidence_busy(True)
        maker = PackMaker(services.station.station_id, services.station.station_code, services.station_key())
        # The pack speaks the language of the person making it (what the screen shows now).
        run_task(build_evidence_pack, source.database, source.photos, services.templates,
                 detail.facts.rma, out_dir, language=shown_language(), time_zone=services.station.time_zone,
                 maker=maker, user=self.user,
                 on_done=self._evidence_finished, on_error=self._evidence_finished,
                 on_progress=self._evidence_progress, cancel_token=self._evidence_token)

    def cancel_evidence(self) -> None:
        """Stop the evidence pack being written (nothing is written)."""
        if self._evidence_token is not None:
            self._evidence_token.cancel()
            self.evidence_cancel.setEnabled(False)

    def _set_evidence_busy(self, busy: bool) -> None:
        for widget in (self.evidence_progress, self.evidence_cancel):
            widget.setVisible(busy)
            widget.setEnabled(busy)
        self.evidence_progress.setValue(0)
        self.detail_view.evidence_button.setEnabled(not busy)

    def _evidence_progress(self, value: tuple[int, int]) -> None:
        self.evidence_progress.setValue(int(100 * value[0] / max(value[1], 1)))

    def _evidence_finished(self, result: EvidencePack | BaseException) -> None:
        self._evidence_token = None
        self._set_evidence_busy(False)
        if isinstance(result, EvidenceCancelled | TaskCancelled):
            self.message.show_info(self.tr("The evidence pack was cancelled; nothing was written."))
        elif isinstance(result, BaseException):
            self._detail_failed(result)
        else:
            self._evidence_written(result)

    def _evidence_written(self, pack: EvidencePack) -> None:
        text = fill(self.tr("Evidence pack written: %1 and %2"), pack.pdf, pack.zip)
        if pack.evidence_ok:
            self.message.show_info(text)
        else:
            self.message.show_error(text + " " + self.tr("(it shows broken evidence)"))

    # --- disputes -----------------------------------------------------------------------------------

    def open_dispute_dialog(self, kind: str) -> DisputeDialog | None:
        """Open the dialog of a dispute action on the shown inspection."""
        detail = self.detail_view.detail
        if detail is None:
            return None
        subject = f"{detail.facts.rma} · {detail.facts.product}"
        self.dialog = DisputeDialog(kind, self, detail.final_grade, subject)
        self.dialog.submitted.connect(self._submit_dispute)
        self.dialog.open()
        return self.dialog

    def _submit_dispute(self, values: dict[str, Any]) -> None:
        detail, service, user, dialog = self.detail_view.detail, self.disputes, self.user, self.dialog
        if detail is None or service is None or user is None or dialog is None:
            return
        dialog.buttons.setEnabled(False)
        kind, text = values["kind"], values["text"]
        open_ids = [d.id for d in detail.disputes if d.is_open]
        calls = {
            OPEN: lambda: service.open(user, detail.inspection_id, values["party"], values["reference"],
                                       text),
            NOTE: lambda: service.add_note(user, open_ids[-1], text),
            DECISION: lambda: service.record_decision(user, open_ids[-1], text),
            GRADE: lambda: service.change_grade(user, open_ids[-1], values["grade"], text),
            CLOSE: lambda: service.close(user, open_ids[-1], values["outcome"], text),
        }

        def done(_result: object) -> None:
            dialog.accept()
            # Recorded in this station's database; the central one has it after the next sync.
            self.open_inspection(detail.inspection_id, SourceKind.LOCAL)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, PermissionDenied):
                dialog.show_error(self.tr("Only supervisors and administrators may handle disputes."))
            elif isinstance(exc, DisputeError):
                dialog.show_error(dispute_error(exc.code))
            else:
                dialog.show_error(str(exc))

        self._worker.run(calls[kind], on_done=done, on_error=failed)

    def show_status(self, status: dict[str, Any]) -> None:
        """The main window's periodic refresh (the results refresh on Search)."""
