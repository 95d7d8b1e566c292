"""At most four actions per item and two per parcel on the happy path of every shipped template.

One station, logged in once with a badge scan, takes one parcel of the demo data per test through the
real station window with key events only (scanner bursts as fast key events into the focused widget): scan the
parcel, Enter (box intact), scan the item, A (all as expected), Space (the photo the policy asks
for), Enter (finish and print). It counts the actions and checks that the evidence is the same as
answering one question at a time: every answer its own audit event, the photo, the label."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from benchmarks.actions import TEMPLATES, Operator, inspect_item, logged_in, prepare, receive_parcel
from inspector.models import AuditEvent, Grade, Inspection, InspectionStatus
from inspector.services.checklists import visible_questions
from inspector.ui.application import create_qapp
from inspector.ui.tasks import inline_tasks


@pytest.fixture(scope="module")
def station(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:  # type: ignore
    """One logged-in station (60 demo returns, camera on a video of the table) for all templates."""
    create_qapp()
    with inline_tasks():
        services, parcels = prepare(tmp_path_factory.mktemp("bench") / "data")
        operator = Operator()
        try:
            with logged_in(services, operator) as session:
                assert operator.actions == 1  # the badge scan
                yield services, parcels, session, operator
        finally:
            services.close()


@pytest.mark.parametrize("template", TEMPLATES)
def test_happy_path_takes_four_actions_per_item_and_two_per_parcel(
    station: tuple, template: str  # type: ignore[type-arg]
) -> None:
    services, parcels, session, operator = station
    parcel = parcels[template]
    with inline_tasks():
        assert receive_parcel(session, operator, parcel) == 2, operator.log[-2:]
        assert inspect_item(session, operator, parcel) == 4, operator.log[-4:]
    with services.database.session() as db:
        row = db.scalars(select(Inspection).where(Inspection.return_line_id == parcel.line_id)).one()
        assert row.status is InspectionStatus.FINISHED and row.final_grade is Grade.RESTOCK and row.lpn
        assert row.checklist_id == template and row.verification is not None
        checklist = services.templates[template]
        assert [p.tag for p in row.photos] == list(checklist.photo_policy.restock_full_refund or ())
        shown = visible_questions(checklist, row.answers)
        required = [q.id for q in shown if q.required and q.type != "photo"]
        assert set(required) <= set(row.answers), "every required question has its own answer"
        given = db.scalars(
            select(AuditEvent).where(AuditEvent.inspection_id == row.id, AuditEvent.action == "answer_given")
        ).all()
        assert sorted(e.payload["question"] for e in given) == sorted(row.answers)
        actions = set(db.scalars(select(AuditEvent.action).where(AuditEvent.inspection_id == row.id)))
        assert {"item_verified", "photo_added", "grade_set", "label_printed"} <= actions
    assert (services.paths.labels / f"{row.lpn}.pdf").is_file()
