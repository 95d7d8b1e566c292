"""Screenshots of the review screens (called by :mod:`inspector.ui.screenshots`); writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from inspector.services.users import UserInfo
from inspector.ui.pages.review import ReviewPage
from inspector.ui.review.detail_view import TIMELINE
from inspector.ui.review.dispute_dialog import GRADE
from inspector.ui.tasks import DatabaseWorker
from inspector.ui.widgets import dispose

if TYPE_CHECKING:
    from inspector.app import Services


def render_review(services: Services, user: UserInfo, worker: DatabaseWorker, name: Callable[[str], Path],
                  grab: Callable[[QWidget, Path], Path],
                  grab_dialog: Callable[[QWidget, QWidget, Path], Path]) -> list[Path]:
    """Results, detail with its timeline, the photo viewer side by side and the grade-change dialog."""
    page = ReviewPage(services, user, worker)
    written = [grab(page, name("review_results"))]
    rows = page.model.rows()
    with_photos = next((r for r in rows if r.grade and r.flags), rows[0] if rows else None)
    if with_photos is not None:
        page.open_inspection(with_photos.inspection_id)
        written.append(grab(page, name("review_detail")))
        page.detail_view.tabs.setCurrentIndex(TIMELINE)
        written.append(grab(page, name("review_timeline")))
        viewer = page.open_photos(0)
        if viewer is not None:
            if len(viewer.photos) > 1:
                viewer.toggle_side_by_side()
            viewer.zoom_in()
            written.append(grab(viewer, name("review_photo_viewer")))
            viewer.close()
        dialog = page.open_dispute_dialog(GRADE)
        if dialog is not None:
            reason = QCoreApplication.translate("ReviewScreens",
                                                "The customer's photos show the seal intact.")
            dialog.text.setPlainText(reason)
            written.append(grab_dialog(page, dialog, name("review_dispute_dialog")))
            dialog.close()
        detail = page.detail_view.detail
        if detail is not None:  # another station's inspection, read from the central database
            page.detail_view.tabs.setCurrentIndex(0)
            page.detail_view.show_detail(detail, disputes_here=False)
            written.append(grab(page, name("review_detail_other_station")))
    dispose(page)
    QApplication.processEvents()
    return written
