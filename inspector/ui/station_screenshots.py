"""Screenshots of the inspection station's screens, on a scratch demo database of their own.

The station's screens need work in progress (received parcels, half-done inspections, photos, a
graded item), so they never write to the data the other screenshots show: :func:`prepare` builds a
fresh demo database (seed 42, a fixed reference time) and the work in progress once, and
:func:`render_station` renders the same screens in each language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from inspector.models import Category, Grade, Return, ReturnSource, ReturnStatus, Role
from inspector.scanning.identify import identify
from inspector.services.demo_data import seed_demo
from inspector.services.demo_photos import render_demo_photo
from inspector.services.intake import LookupOutcome, LookupResult
from inspector.services.return_summary import ReturnSummary
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import MainWindow
from inspector.ui.tasks import DatabaseWorker
from inspector.ui.widgets import dispose

if TYPE_CHECKING:
    from inspector.app import Services

NOW = datetime(2026, 11, 20, 15, tzinfo=UTC)
APPAREL_OK = {
    "style_colour_match": True,
    "size_match": True,
    "tags": "attached",
    "stains": False,
    "odour": "none",
    "makeup": False,
    "pilling": False,
    "washed": False,
    "alterations": False,
    "hardware": "ok",
    "packaging": "original",
}
WRONG_EAN = "4006381333931"


@dataclass
class StationScene:
    """The work in progress the station screenshots show."""

    found: ReturnSummary  # a return with several lines, not received yet
    received: ReturnSummary  # a return received earlier at this station
    half: object  # InspectionState: checklist half answered, two photos
    wrong: object  # InspectionState: a wrong item scanned
    complete: object  # InspectionState: ready to grade
    graded: object  # InspectionState: finished, with a label
    several: tuple[ReturnSummary, ...]


def _apparel_returns(services: Services) -> list[str]:
    with services.database.session() as session:
        rows = session.scalars(
            select(Return)
            .where(
                Return.warehouse_id == services.station.warehouse_id,
                Return.status == ReturnStatus.ANNOUNCED,
                Return.source == ReturnSource.DEMO,
                Return.tracking_number != "",
            )
            .order_by(Return.rma_number)
        ).all()
        return [
            r.rma_number
            for r in rows
            if min(r.lines, key=lambda line: line.line_no).category is Category.APPAREL
        ]


def prepare(services: Services) -> StationScene:
    """Seed demo data and make the work in progress (writes to ``services``' scratch database)."""
    seed_demo(
        services.database, services.photos, services.station, returns=80, inspections=30, seed=42, now=NOW
    )
    user = next(u for u in services.users.active_users() if u.role is Role.INSPECTOR)
    intake, inspections, grading = services.intake, services.inspections, services.grading
    rmas = _apparel_returns(services)
    summaries = [intake.lookup(rma).returns[0] for rma in rmas]
    found = max(summaries, key=lambda s: (len(s.lines), s.rma_number))
    others = [s for s in summaries if s.id != found.id][:4]

    def start(summary: ReturnSummary) -> object:
        intake.receive_parcel(return_id=summary.id, scanned_code=summary.tracking_number, user_id=user.id)
        line = min(summary.lines, key=lambda x: x.line_no)
        template = grading.template_for(line.category)
        return inspections.start(
            return_id=summary.id,
            line_id=line.id,
            user_id=user.id,
            checklist_id=template.id,
            checklist_version=template.version,
        )

    def photo(state: object, tag: str, summary: ReturnSummary, variant: int) -> None:
        lines = [summary.rma_number, summary.lines[0].sku, tag]
        inspections.add_photo(state.id, render_demo_photo("apparel", tag, lines, variant), tag, user.id)

    half, wrong, complete, graded = (start(s) for s in others)
    for state, summary in ((half, others[0]), (complete, others[2]), (graded, others[3])):
        inspections.verify_by_scan(state.id, summary.lines[0].gtin, user.id)
    for number, (question, value) in enumerate(APPAREL_OK.items()):
        if number < 5:
            inspections.answer(half.id, question, value, user.id)
        for state in (complete, graded):
            inspections.answer(state.id, question, value, user.id)
    for state, summary in ((half, others[0]), (complete, others[2]), (graded, others[3])):
        photo(state, "front", summary, 0)
        photo(state, "label", summary, 1)
    inspections.verify_by_scan(wrong.id, WRONG_EAN, user.id)
    grading.finish(graded.id, Grade.RESTOCK, "", user.id)
    several = tuple(intake.get(s.id) for s in others[:3])
    return StationScene(
        found,
        intake.get(others[0].id),
        inspections.get(half.id),
        inspections.get(wrong.id),
        inspections.get(complete.id),
        inspections.get(graded.id),
        several,
    )


def render_station(
    services: Services,
    scene: StationScene,
    name: Callable[[str], Path],
    grab: Callable[[QWidget, Path], Path],
    grab_dialog: Callable[[QWidget, QWidget, Path], Path],
) -> list[Path]:
    """Render the station's screens of ``scene`` in the current language."""
    written: list[Path] = []
    user = next(u for u in services.users.active_users() if u.role is Role.INSPECTOR)
    main = MainWindow(services, user, Feedback(sounds_enabled=False), DatabaseWorker())
    page = main.intake_page
    written.append(grab(main, name("resume_offer")))
    page.resume_offer.hide()
    page.lookup(scene.found.rma_number)
    written.append(grab(main, name("intake_found")))
    code = scene.several[0].lines[0].gtin
    page.scanned_code = code
    page._looked_up(LookupResult(LookupOutcome.SEVERAL, identify(code), scene.several))
    written.append(grab(main, name("intake_several")))
    page.lookup("JVGL06390481234")
    unknown = page.unknown
    unknown.postcode_field.setText(scene.received.postcode)
    unknown.house_field.setText(scene.received.house_number)
    unknown.register_name.setText("J. de Boer")
    unknown.search()
    written.append(grab(main, name("intake_unknown")))
    page.lookup(scene.received.tracking_number)
    written.append(grab(main, name("intake_already_received")))
    for state, stem in ((scene.half, "inspection"), (scene.wrong, "inspection_wrong_item")):
        page.resume(state, services.intake.get(state.return_id))
        written.append(grab(main, name(stem)))
    page.resume(scene.complete, services.intake.get(scene.complete.return_id))
    page.inspection.grading.choose_other()
    dialog = page.inspection.grading.dialog
    assert dialog is not None
    dialog.group.button(1).click()
    dialog.reason.setText("Hole")
    dialog.accept()  # refused: too short a reason, the dialog says so
    dialog.adjustSize()
    written.append(grab_dialog(main, dialog, name("grading")))
    graded = services.intake.get(scene.graded.return_id)
    page.open_return(graded, ())
    page.actions.reprint(scene.graded)
    QApplication.processEvents()
    written.append(grab(main, name("label_done")))
    dispose(main)
    return written


def scratch_services(directory: Path, settings_from: Services) -> Services:
    """Services on a fresh data directory with the same language, without camera and sounds."""
    from inspector.app import build_services

    services = build_services(directory)
    camera = replace(settings_from.settings.camera, enabled=False)
    services.settings = replace(
        settings_from.settings,
        camera=camera,
        sounds=False,
        printer=replace(settings_from.settings.printer, mode="pdf"),
    )
    return services
