"""The demo shows codes to try on every start, including an inspected RMA and a report day (issue 10,
defect 16): ``inspector demo-codes`` after ``demo-seed``, and the login window of a demo database."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.app import build_services
from inspector.cli import main
from inspector.models import Inspection, InspectionStatus, Return
from inspector.ui.session import StationSession


def _run(*args: str) -> str:
    out = io.StringIO()
    assert main(list(args), out=out) == 0
    return out.getvalue()


def test_every_start_prints_an_inspected_rma_and_a_report_day(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = str(tmp_path / "demo")
    seeded = _run("--data-dir", data, "demo-seed", "--returns", "30", "--inspections", "8")
    again = _run("--data-dir", data, "demo-codes")  # the second start: the codes again
    for text in (seeded, again):
        assert "inspected RMA" in text and "report day" in text and "BDG" in text
    rma = re.search(r"inspected RMA.*?(RMA\d{8})", again)
    assert rma is not None
    services = build_services(Path(data))
    try:
        with services.database.session() as session:
            query = select(Inspection).join(Return, Inspection.return_id == Return.id).where(
                Return.rma_number == rma.group(1), Inspection.status == InspectionStatus.FINISHED)
            finished = session.scalars(query).all()
            assert finished  # something to review and to put in an evidence pack
        session_ = StationSession(services)
        session_.start()
        assert session_.login is not None
        qtbot.addWidget(session_.login)
        assert session_.login.demo_hint.isVisibleTo(session_.login)
        assert rma.group(1) in session_.login.demo_hint.text()
        session_.shutdown()
    finally:
        services.close()
