"""Reports over long ranges (issue 13, §4): cost follows the data, long tables and cells split across pages.

A 100-year range on demo data did not finish in 200 s (the queries carried one CASE branch per calendar
day) and a 7-year range's PDF failed with reportlab's LayoutError (the per-day table beside the
exceptions, one cell 38,000 points tall). Timings are measured in benchmarks/report.py, not here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, select

from inspector.app import Services, build_services
from inspector.models import Inspection, InspectionStatus, Station
from inspector.reports.cli_report import write_report
from inspector.reports.intake_report import (
    LONG_PERIOD_DAYS,
    Breakdown,
    Throughput,
    build_intake_report,
    period_needs_confirmation,
)
from inspector.reports.report_tables import summary_sections
from inspector.services.access import COMMAND_LINE
from inspector.services.demo_data import seed_demo

NOW = datetime(2026, 3, 30, 15, tzinfo=UTC)
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    services = build_services(tmp_path_factory.mktemp("long-range") / "data")
    seed_demo(services.database, services.photos, services.station, returns=24, inspections=16, seed=4,
              now=NOW)
    yield services
    services.close()


def _statements(services: Services, first: date, last: date) -> tuple[list[str], object]:
    seen: list[str] = []

    def record(_conn, _cursor, statement, _parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    engine = services.database.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        report = build_intake_report(services.database, "NL-AMS", first, last, user=COMMAND_LINE)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return seen, report


def test_the_queries_do_not_grow_with_the_calendar(seeded: Services) -> None:
    week, week_report = _statements(seeded, date(2026, 3, 24), date(2026, 3, 30))
    century, century_report = _statements(seeded, date(1950, 1, 1), date(2049, 12, 31))
    assert [len(s) for s in century] == [len(s) for s in week]  # the same SQL, only other bounds
    assert century_report.items_inspected == week_report.items_inspected > 0  # type: ignore[attr-defined]
    # Only the days with intake are listed over a long period (not 36,524 rows of zeros).
    active = {d for d, parcels, items in week_report.daily if parcels or items}  # type: ignore[attr-defined]
    assert [d for d, _p, _i in century_report.daily] == sorted(active)  # type: ignore[attr-defined]
    per_day = next(s for s in summary_sections(century_report) if s.key == "per_day")  # type: ignore[arg-type]
    assert per_day.title == "Per day (days with parcels or items only)"


def test_throughput_counts_first_start_to_last_finish_per_local_day(seeded: Services) -> None:
    report = build_intake_report(seeded.database, "NL-AMS", date(2000, 1, 1), date(2030, 12, 31),
                                 user=COMMAND_LINE)
    spans: dict[tuple[object, date], list[datetime]] = {}
    items: dict[object, int] = defaultdict(int)
    with seeded.database.session() as session:
        warehouse = seeded.station.warehouse_id
        here = {s.id for s in session.scalars(select(Station)) if s.warehouse_id == warehouse}
        for i in session.scalars(select(Inspection).where(Inspection.status == InspectionStatus.FINISHED)):
            if i.station_id not in here:
                continue
            day = i.finished_at.astimezone(AMS).date()
            span = spans.setdefault((i.inspector_id, day), [i.started_at, i.finished_at])
            span[0], span[1] = min(span[0], i.started_at), max(span[1], i.finished_at)
            items[i.inspector_id] += 1
    hours: dict[object, float] = defaultdict(float)
    for (who, _day), (start, end) in spans.items():
        hours[who] += max((end - start).total_seconds() / 3600, 0.0)
    assert sorted((t.items, round(t.hours, 4)) for t in report.by_inspector) == sorted(
        (items[who], round(hours[who], 4)) for who in items)


def test_a_period_over_the_limit_needs_confirmation() -> None:
    first = date(2026, 1, 1)
    assert not period_needs_confirmation(first, first + timedelta(days=LONG_PERIOD_DAYS - 1))
    assert period_needs_confirmation(first, first + timedelta(days=LONG_PERIOD_DAYS))


def test_a_seven_year_pdf_with_huge_tables_and_cells_splits_across_pages(seeded: Services,
                                                                         tmp_path: Path) -> None:
    report = build_intake_report(seeded.database, "NL-AMS", date(2019, 4, 1), date(2026, 3, 31),
                                 user=COMMAND_LINE)
    days = (report.date_to - report.date_from).days + 1
    huge = replace(
        report,
        daily=[(report.date_from + timedelta(days=n), n % 7, n % 5) for n in range(days)],
        exceptions=[*report.exceptions, Breakdown("x" * 30_000, 1)],
        by_inspector=[Throughput(f"Inspector {n}", n, 1.0) for n in range(200)]
        + [Throughput("Kim " * 8000, 3, 2.0)],
    )
    assert len(next(s for s in summary_sections(huge) if s.key == "per_day").rows) == days
    pdf = write_report(huge, "pdf", tmp_path / "seven-years.pdf")  # used to raise LayoutError
    assert len(re.findall(rb"/Type /Page\b", pdf.read_bytes())) > 20
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "31 March 2026" in text and "Inspector 199" in text and "Kim Kim" in text
