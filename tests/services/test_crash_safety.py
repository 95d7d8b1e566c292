"""A station that loses its process mid-inspection keeps every answer already given."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from inspector.app import build_services
from inspector.services.audit import verify_all_chains
from inspector.services.inspection import InspectionService

WORKER = textwrap.dedent(
    """
    import sys, time, uuid
    from datetime import date
    from inspector.app import build_services
    from inspector.models import Category, Channel, RefundChoice, Return, ReturnLine, ReturnReason
    from inspector.services.inspection import InspectionService
    from inspector.services.intake import IntakeService

    services = build_services(sys.argv[1])
    ret = Return(warehouse_id=services.station.warehouse_id, rma_number="RMA12345674", order_number="NL-1",
                 customer_name="Jan", customer_email="jan@example.nl", postcode="1012AB", house_number="1",
                 country="NL", channel=Channel.PORTAL, refund_choice=RefundChoice.REFUND,
                 delivered_on=date(2026, 11, 1))
    ret.lines.append(ReturnLine(line_no=1, sku="TSH", gtin="8712345678906", product_name="T-shirt",
                                category=Category.APPAREL, quantity=1, unit_price_cents=1995,
                                reason_code=ReturnReason.WRONG_SIZE))
    with services.database.session() as session:
        session.add(ret)
        session.flush()
        line_id = ret.lines[0].id
    intake = IntakeService(services.database, services.station)
    intake.receive_parcel(return_id=ret.id, scanned_code="RMA12345674", user_id=None)
    inspections = InspectionService(services.database, services.station, services.photos)
    state = inspections.start(return_id=ret.id, line_id=line_id, user_id=None, checklist_id="apparel",
                              checklist_version=1)
    inspections.verify_by_scan(state.id, "8712345678906", None)
    inspections.answer(state.id, "tags_attached", True, None)
    inspections.answer(state.id, "stains", False, None)
    print("ANSWERED", state.id, flush=True)
    n = 0
    while True:  # keep writing until killed: the kill lands mid-transaction at some point
        n += 1
        inspections.set_notes(state.id, f"note {n}", None)
        if n == 3:  # notes are being saved: the test may kill from now on
            print("WRITING", flush=True)
    """
)


def test_sigkill_during_an_inspection_loses_nothing_already_saved(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with subprocess.Popen(
        [sys.executable, "-c", WORKER, str(data)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("ANSWERED"), process.stderr.read() if process.stderr else ""
        inspection_id = line.split()[1]
        # Kill once the worker says it is saving notes (no sleep: a busy machine only delays the line).
        assert process.stdout.readline().startswith("WRITING")
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    services = build_services(data)
    try:
        assert services.database.check_integrity() == "ok"
        (open_one,) = InspectionService(
            services.database, services.station, services.photos
        ).open_inspections()
        assert str(open_one.id) == inspection_id
        assert open_one.answers == {"tags_attached": True, "stains": False}
        assert open_one.verification is not None and open_one.verified_code == "8712345678906"
        assert open_one.notes.startswith("note ")
        with services.database.session() as session:
            assert all(report.ok for report in verify_all_chains(session))
    finally:
        services.close()
