"""Run by the kill -9 tests in a fresh process: inspect one demo item to the end and finish it.

``python -m tests.faults.inspect_worker DATA_DIR [resume]``; ``INSPECTOR_FAULT`` may kill it on the way.
Prints ``STARTED <inspection id>`` before the photos and ``FINISHED <lpn>`` at the end.
"""

from __future__ import annotations

import io
import sys

from PIL import Image

from inspector.app import build_services
from inspector.models import Grade
from tests.services.test_station_flow import APPAREL_OK
from tests.ui.station_helpers import apparel_return


def _jpeg(colour: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def main(data_dir: str, resume: bool) -> None:
    services = build_services(data_dir)
    inspections, grading = services.inspections, services.grading
    user = services.users.active_users()[0].id
    if resume:
        open_ones = inspections.open_inspections()
        if not open_ones:
            print("NOTHING OPEN", flush=True)
            sys.exit(4)
        (state,) = open_ones
    else:
        demo = apparel_return(services)
        summary = services.intake.lookup(demo.rma).returns[0]
        services.intake.receive_parcel(return_id=summary.id, scanned_code=demo.rma, user_id=user)
        line = summary.lines[0]
        template = grading.template_for(line.category)
        state = inspections.start(return_id=summary.id, line_id=line.id, user_id=user,
                                  checklist_id=template.id, checklist_version=template.version)
        inspections.verify_by_scan(state.id, line.gtin, user)
        for question, value in APPAREL_OK.items():
            inspections.answer(state.id, question, value, user)
    print("STARTED", state.id, flush=True)
    taken = {photo.tag for photo in inspections.get(state.id).photos} if resume else set()
    for tag, colour in (("front", "navy"), ("label", "white")):
        if tag not in taken:
            inspections.add_photo(state.id, _jpeg(colour), tag, user)
    item = grading.finish(state.id, Grade.RESTOCK, "", user)
    print("FINISHED", item.label.lpn, flush=True)
    services.close()


if __name__ == "__main__":
    main(sys.argv[1], len(sys.argv) > 2 and sys.argv[2] == "resume")
