"""Item verification at the station accepts a 6-digit UPC-E scan (issue 14 §4), as a user would scan it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.app import Services
from inspector.models import Return, ReturnLine
from tests.ui.test_station_screens import open_first_line, station  # noqa: F401 - the fixture


def test_six_digit_upce_verifies_a_upca_line(qtbot: QtBot, station, services: Services) -> None:  # type: ignore[no-untyped-def] # noqa: F811
    window, demo = station
    with services.database.session() as session:  # the announced product carries UPC-A 042100005264
        ret = session.scalars(select(Return).where(Return.rma_number == demo.rma)).one()
        line = min(ret.lines, key=lambda ln: ln.line_no)
        session.get(ReturnLine, line.id).gtin = "042100005264"
    page = window.intake_page
    open_first_line(qtbot, page, demo)
    page.hub.submit_typed("425261")  # its UPC-E, as a scanner without number system digit sends it
    assert page.inspection.verify_label.property("kind") == "ok", page.inspection.verify_label.text()
