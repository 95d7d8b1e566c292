"""Review: supervisors find finished inspections, judge their evidence and handle disputes.

The page shows the filter bar and the results table; opening a row shows the inspection's detail
(:class:`inspector.ui.review.detail_view.DetailView`). Searching and loading run in the
background; dispute actions go through the database worker to
:class:`inspector.services.disputes.DisputeService`, which checks the user's role itself.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.reports.evidence import EvidencePack, build_evidence_pack
from inspector.services.disputes import DisputeError, DisputeService, may_handle_disputes
from inspector.services.inspection_detail import InspectionDetail, load_detail
from inspector.services.review import FilterChoices, ReviewRow, ReviewService
from inspector.services.users import PermissionDenied, UserInfo
from inspector.ui.application import resolve_language
from inspector.ui.review.detail_view import DetailView, shown_language
from inspector.ui.review.dispute_dialog import CLOSE, DECISION, GRADE, NOTE, OPEN, DisputeDialog
from inspector.ui.review.filters import ReviewFilters
from inspector.ui.review.names import dispute_error
from inspector.ui.review.photo_viewer import PhotoViewer
from inspector.ui.review.table_model import FINISHED, ROW_ROLE, ReviewTableModel
from inspector.ui.tasks import DatabaseWorker, run_task
from inspector.ui.texts import fill
from inspector.ui.widgets import MessageLine, heading

if TYPE_CHECKING:
    from inspector.app import Services

RESULTS, DETAIL = range(2)


class ReviewPage(QWidget):
    """Search, results and detail. Without services (an old caller) it shows an empty page."""

    def __init__(self, services: Services | None = None, user: UserInfo | None = None,
                 worker: DatabaseWorker | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self._services = services
        self.user = user
        self._worker = worker or DatabaseWorker()
        self.review = ReviewService(services.database) if services else None
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
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)
        self.count = QLabel()
        self.message = MessageLine()
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(heading(self.tr("Review")))
        results_layout.addWidget(self.filters)
        results_layout.addWidget(self.count)
        results_layout.addWidget(self.table, 1)
        self.detail_view = DetailView(bool(user and may_handle_disputes(user)))
        self.detail_view.back_requested.connect(self.show_results)
        self.detail_view.photo_requested.connect(self.open_photos)
        self.detail_view.evidence_requested.connect(self.export_evidence)
        self.detail_view.dispute_requested.connect(self.open_dispute_dialog)
        self.stack = QStackedWidget()
        self.stack.addWidget(results)
        self.stack.addWidget(self.detail_view)
        self.viewer: PhotoViewer | None = None
        self.dialog: DisputeDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        if self.review is not None:
            run_task(self.review.filter_choices, on_done=self._set_choices)
            self.search()

    # --- results ------------------------------------------------------------------------------------

    def search(self) -> None:
        """Search with the current filters (in the background)."""
        if self.review is None:
            return
        self.count.setText(self.tr("Searching…"))
        run_task(self.review.search, self.filters.query(), on_done=self._show_rows)

    def _set_choices(self, choices: FilterChoices) -> None:
        self.filters.set_choices(choices)

    def _show_rows(self, rows: list[ReviewRow]) -> None:
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.table.resizeColumnsToContents()
        if not rows:
            self.count.setText(self.tr("No finished inspections match these filters."))
        elif len(rows) >= 200:
            self.count.setText(self.tr("The newest 200 inspections; narrow the filters to see others."))
        else:
            self.count.setText(fill(self.tr("%1 inspections"), len(rows)))
        if rows:
            self.table.selectRow(0)

    def show_results(self) -> None:
        """Back from the detail to the results."""
        self.stack.setCurrentIndex(RESULTS)
        self.table.setFocus()

    def _open_index(self, index: QModelIndex) -> None:
        row = self.model.data(index, ROW_ROLE)
        if isinstance(row, ReviewRow):
            self.open_inspection(row.inspection_id)

    # --- detail -------------------------------------------------------------------------------------

    def open_inspection(self, inspection_id: uuid.UUID) -> None:
        """Load, check and show one inspection's detail."""
        services = self._services
        if services is None:
            return
        self.message.show_info(self.tr("Checking the evidence…"))
        run_task(load_detail, services.database, services.photos, services.templates, inspection_id,
                 shown_language(), on_done=self._show_detail)

    def _show_detail(self, detail: InspectionDetail) -> None:
        self.message.clear_message()
        self.detail_view.show_detail(detail)
        self.stack.setCurrentIndex(DETAIL)

    def open_photos(self, index: int = 0) -> PhotoViewer | None:
        """Open the photo viewer on photo ``index`` of the shown inspection."""
        detail = self.detail_view.detail
        if detail is None or not detail.photos:
            return None
        self.viewer = PhotoViewer(detail.photos, index, self)
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
        self.message.show_info(self.tr("Writing the evidence pack…"))
        run_task(build_evidence_pack, services.database, services.photos, services.templates,
                 detail.facts.rma, out_dir, language=self.language, time_zone=services.station.time_zone,
                 on_done=self._evidence_written)

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
            self.open_inspection(detail.inspection_id)

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
