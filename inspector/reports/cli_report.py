"""``inspector report daily``: write the intake report as PDF, CSV or XLSX; also the GUI's export.

Heavy imports wait until a report is made, so building the command line stays quick.
:func:`export_report` builds and writes a report in one go (the Reports screen runs it off the GUI
thread). It writes to a temporary file beside the target and renames it at the end, so a cancelled
or failed export never leaves half a file behind. ``language`` ("en" or "nl") picks the report's words
(see :mod:`inspector.reports.words`); the command line's default is the station's language setting.
"""

from __future__ import annotations

import argparse
import os
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from inspector.services.access import COMMAND_LINE

if TYPE_CHECKING:
    from inspector.app import Services
    from inspector.reports.intake_report import IntakeReport
    from inspector.services.sources import Sessions
    from inspector.services.users import UserInfo

FORMATS = ("pdf", "csv", "xlsx")
ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


def write_report(report: IntakeReport, fmt: str, path: Path, progress: ProgressCallback | None = None,
                 cancel: CancelCheck | None = None, *, language: str = "en") -> Path:
    """Write ``report`` as ``fmt`` (pdf, csv or xlsx) in ``language`` to ``path`` (atomically)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose pdf, csv or xlsx")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        if fmt == "pdf":
            from inspector.reports.report_pdf import write_pdf

            write_pdf(report, scratch, cancel, language=language)
        elif fmt == "csv":
            from inspector.reports.report_tables import write_csv

            write_csv(report, scratch, cancel, language=language)
        else:
            from inspector.reports.report_tables import write_xlsx

            write_xlsx(report, scratch, progress, cancel, language=language)
        os.replace(scratch, path)
    finally:
        scratch.unlink(missing_ok=True)
    return path


def export_report(database: Sessions, warehouse_code: str, date_from: date, date_to: date, fmt: str,
                  path: Path, progress: ProgressCallback | None = None,
                  cancel: CancelCheck | None = None, *, language: str = "en",
                  user: UserInfo = COMMAND_LINE) -> Path:
    """Build the intake report and write it; ``progress(done, total)`` counts 0..100 over both steps.

    ``user`` is the acting user (the command line acts as an administrator)."""
    def building(done: int, total: int) -> None:
        if progress is not None:
            progress(60 * done // max(total, 1), 100)

    def writing(done: int, total: int) -> None:
        if progress is not None:
            progress(60 + 39 * done // max(total, 1), 100)

    from inspector.reports.intake_report import build_intake_report

    report = build_intake_report(database, warehouse_code, date_from, date_to, building, cancel, user=user)
    written = write_report(report, fmt, path, writing, cancel, language=language)
    if progress is not None:
        progress(100, 100)
    return written


def add_report_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """The ``report`` command and its ``daily`` action."""
    report = commands.add_parser("report", help="team-lead reports (intake per day or period)")
    actions = report.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    daily = actions.add_parser("daily", help="the intake report for a day or a range of days")
    when = daily.add_mutually_exclusive_group(required=True)
    when.add_argument("--date", type=date.fromisoformat, metavar="YYYY-MM-DD", help="one local day")
    when.add_argument("--from", dest="date_from", type=date.fromisoformat, metavar="DATE",
                      help="first day of a range (with --to)")
    daily.add_argument("--to", dest="date_to", type=date.fromisoformat, metavar="DATE",
                       help="last day of the range (inclusive)")
    daily.add_argument("--warehouse", help="warehouse code (default: this station's)")
    daily.add_argument("--format", dest="fmt", choices=FORMATS, required=True)
    daily.add_argument("--out", type=Path, required=True, help="file to write")
    daily.add_argument("--language", choices=("nl", "en"),
                       help="language of the report (default: the station's language setting)")
    daily.add_argument("--source", choices=("auto", "local", "central"), default="auto",
                       help="count this station's database or the central one with every station of "
                            "the warehouse (auto: central when a central URL is configured)")


def run_report(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    """The ``inspector report daily`` command; returns the exit status (2 for a bad period/warehouse)."""
    import sys

    from inspector.reports.intake_report import build_intake_report
    from inspector.reports.words import resolve_language

    if args.date is not None:
        if args.date_to is not None:
            sys.stderr.write("inspector: use --date alone, or --from with --to\n")
            return 2
        date_from = date_to = args.date
    else:
        if args.date_to is None:
            sys.stderr.write("inspector: --from needs --to\n")
            return 2
        date_from, date_to = args.date_from, args.date_to
    warehouse = args.warehouse or services.station.warehouse_code
    try:
        source = services.source(args.source)
        report = build_intake_report(source.database, warehouse, date_from, date_to, user=COMMAND_LINE)
    except (LookupError, ValueError) as problem:
        sys.stderr.write(f"inspector: {problem}\n")
        return 2
    language = args.language or resolve_language(services.settings.language)
    path = write_report(report, args.fmt, args.out, language=language)
    out.write(f"{path}: {report.parcels_received} parcels received, {report.items_inspected} items "
              f"inspected ({warehouse}, {date_from.isoformat()}"
              f"{'' if date_from == date_to else ' to ' + date_to.isoformat()}; "
              f"{'central database' if source.kind == 'central' else 'this station'})\n")
    return 0


def warehouse_choices(database: Sessions) -> list[tuple[str, str, str]]:
    """Every warehouse as (code, name, time zone), by code (the Reports screen's choices)."""
    from sqlalchemy import select

    from inspector.models.organisation import Warehouse

    with database.session() as session:
        stmt = select(Warehouse.code, Warehouse.name, Warehouse.time_zone).order_by(Warehouse.code)
        return [(code, name, zone) for code, name, zone in session.execute(stmt)]


def latest_intake_day(database: Sessions, warehouse_code: str, today: date | None = None) -> date:
    """The warehouse's last local day up to ``today`` on which a parcel was scanned (else ``today``).

    Without ``today``: the warehouse's own today, in its time zone (at 00:30 in Amsterdam the
    computer's UTC date is still yesterday, and the night's first parcels were left out)."""
    from datetime import datetime, time
    from zoneinfo import ZoneInfo

    from sqlalchemy import func, select

    from inspector.models.organisation import Station, Warehouse
    from inspector.models.returns import Parcel

    with database.session() as session:
        zone_name = session.scalar(select(Warehouse.time_zone).where(Warehouse.code == warehouse_code))
        if zone_name is None:
            return today or date.today()
        zone = ZoneInfo(zone_name)
        if today is None:
            today = datetime.now(zone).date()
        last = session.scalar(
            select(func.max(Parcel.received_at)).join(Station, Parcel.station_id == Station.id)
            .join(Warehouse, Station.warehouse_id == Warehouse.id)
            .where(Warehouse.code == warehouse_code,
                   Parcel.received_at <= datetime.combine(today, time.max, zone)))
    return last.astimezone(zone).date() if last is not None else today
