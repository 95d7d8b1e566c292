"""Realistic, reproducible demo data: ``inspector demo-seed``.

:func:`seed_demo` fills the station database with announced returns of Dutch, Belgian and German
customers, a product catalogue, users of every role, two warehouses with three stations, and a
number of finished inspections with photos and their audit trail. It is Qt-free and fast enough for
load tests (100,000 returns in well under a minute): rows are written with SQLAlchemy Core bulk
inserts in chunks, inside one transaction, so a failed seed leaves nothing behind.

This module is the public face; the work is done in :mod:`inspector.services.demo` (organisation,
customers, returns, receiving, one unit's inspection, audit trail) from the reference data in
``resources/demo/*.json`` (names, cities and postcode ranges, catalogue, comments, checklist answers).

Inspections are graded as at a station: the answers follow the real checklist templates
(``resources/checklists``), whose rules suggest the grade, and :mod:`inspector.services.grading`
gives the disposition, the refund advice under the warehouse's policy and the recovered value.

Reproducibility
    Every UUID, name, number and time comes from ``random.Random(seed)`` and the reference time
    ``now`` (default: the current time truncated to the hour). Two empty databases seeded with the
    same ``seed`` and ``now`` hold identical returns, lines, parcels, inspections and photos (the
    ids of the configured warehouse and station come from :func:`ensure_station` and differ).

Seeding a database that already holds returns
    The seed appends: RMA numbers continue after the number of returns already present (skipping
    any that exist), each station's LPNs after its existing ones (see
    :mod:`inspector.services.demo.receiving`), and the random stream is derived from
    ``(seed, existing return count)`` so new ids never collide with the earlier run. Warehouses,
    stations and users that exist (by code or badge) are reused, not duplicated; audit events
    continue each station's hash chain.

What is not "real"
    * Demo rows are not queued in the sync outbox: demo data must never reach the central database.
    * The Return model has no street or city column; postcodes are drawn from the ranges of real
      cities so they look plausible, but the city itself is not stored.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TextIO

from sqlalchemy import func, select, text

from inspector.models import Return
from inspector.models.database import Database
from inspector.services.demo.organisation import DEMO_PIN, SECOND_WAREHOUSE, setup_organisation
from inspector.services.demo.receiving import receive_and_inspect
from inspector.services.demo.reference import CATALOGUE, Product
from inspector.services.demo.returns import CHUNK, generate_returns
from inspector.services.demo.returns import tracking_batch as _tracking_batch  # noqa: F401 (tests)
from inspector.services.demo.rows import BulkWriter
from inspector.services.demo.rows import fast_converters as _fast_converters
from inspector.services.demo.state import ProgressCallback, ReturnInfo, SeedRun
from inspector.services.maintenance import referenced_photos
from inspector.services.photo_store import PhotoStore
from inspector.services.setup import DEMO, REAL, mark_kind, station_kind
from inspector.services.station import StationContext

if TYPE_CHECKING:
    from inspector.app import Services

__all__ = [
    "CATALOGUE", "CHUNK", "DEMO_PIN", "PORTAL_URL", "SECOND_WAREHOUSE", "Product", "ProgressCallback",
    "SeedReport", "default_now", "run_demo_seed", "seed_demo",
]

PORTAL_URL = "https://returns.example-shop.nl/r/{rma}?pc={postcode}"
SEED_CACHE_KIB = 256 * 1024


@dataclass(frozen=True)
class SeedReport:
    """What :func:`seed_demo` wrote, and codes worth scanning to try the station out."""

    returns: int
    return_lines: int
    parcels: int
    inspections: int
    photos: int
    audit_events: int
    users_created: int
    existing_returns: int
    seed: int
    now: datetime
    seconds: float
    sample_codes: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        """A few human-readable lines about the seed."""
        lines = [
            f"Demo data seeded in {self.seconds:.1f} s (seed {self.seed}, reference time "
            f"{self.now.isoformat(timespec='minutes')}):",
            f"  {self.returns} returns ({self.return_lines} lines), {self.parcels} parcels received, "
            f"{self.inspections} inspections finished, {self.photos} photos, "
            f"{self.audit_events} audit events, "
            f"{self.users_created} users created",
        ]
        if self.existing_returns:
            lines.append(f"  (appended to {self.existing_returns} returns already in the database)")
        if self.sample_codes:
            lines.append("Try scanning these:")
            width = max(len(k) for k in self.sample_codes)
            lines.extend(f"  {label:<{width}}  {code}" for label, code in self.sample_codes.items())
        return "\n".join(lines)


def default_now() -> datetime:
    """The default reference time: now (UTC), truncated to the hour."""
    return datetime.now(UTC).replace(minute=0, second=0, microsecond=0)


def seed_demo(
    database: Database,
    photos: PhotoStore,
    station: StationContext,
    *,
    returns: int = 500,
    inspections: int = 200,
    seed: int = 42,
    now: datetime | None = None,
    progress: ProgressCallback | None = None,
) -> SeedReport:
    """Fill the database with realistic demo data and return what was written.

    ``returns`` announced returns are created for the configured station's warehouse (and a minority
    for the German warehouse ``DE-DUS``); ``inspections`` finished inspections of received parcels
    follow, with photos in ``photos`` and their audit events. ``station`` is the configured station
    (:attr:`inspector.app.Services.station`). ``now`` (timezone-aware) is the reference time every
    date is derived from; ``progress(done, total)`` is called as the work proceeds.

    Fewer inspections than asked are made when the returns cannot supply enough units (about one
    inspection per return is available). The whole seed is one transaction. See the module
    docstring for reproducibility and for seeding a database that already holds returns.
    """
    if returns < 0 or inspections < 0:
        raise ValueError("returns and inspections must be zero or more")
    if now is None:
        now = default_now()
    elif now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    now = now.astimezone(UTC)
    started = time.perf_counter()
    with (
        photos.removed_on_failure(lambda created: referenced_photos(database, created)),
        database.session() as session,
    ):
        existing = int(session.scalar(select(func.count()).select_from(Return)) or 0)
        existing_rmas: set[str] = set()
        if existing:
            existing_rmas = set(session.scalars(select(Return.rma_number)))
        stream_key = f"{seed}" if existing == 0 else f"{seed}+{existing}"
        rng = random.Random(seed) if existing == 0 else random.Random(stream_key)
        run = SeedRun(session, photos, station, rng, now, BulkWriter(session, _fast_converters),
                      progress=progress, total_work=returns + inspections, stream_key=stream_key)
        # A big transaction with random UUID keys touches index pages all over the file: a larger page
        # cache (SQLite allocates it only as needed) keeps them in memory until the commit.
        cache_size = session.execute(text("PRAGMA cache_size")).scalar()
        session.execute(text(f"PRAGMA cache_size = {-SEED_CACHE_KIB}"))
        try:
            setup_organisation(run)
            infos = generate_returns(run, returns, existing, existing_rmas)
            received = receive_and_inspect(run, infos, inspections)
            run.tick(run.total_work - run.done_work)
            samples = _sample_codes(infos, received, run.staff.badges)
            session.flush()
        finally:
            session.execute(text(f"PRAGMA cache_size = {int(cache_size or -2000)}"))
    counts = run.counts
    return SeedReport(
        returns=counts["returns"], return_lines=counts["lines"], parcels=counts["parcels"],
        inspections=counts["inspections"], photos=counts["photos"], audit_events=counts["events"],
        users_created=run.staff.created, existing_returns=existing, seed=seed, now=now,
        seconds=time.perf_counter() - started, sample_codes=samples,
    )


def _sample_codes(infos: list[ReturnInfo], received: set[int], badges: dict[str, str]) -> dict[str, str]:
    """Codes of a not-yet-received return of the configured warehouse, and the users' badges."""
    codes: dict[str, str] = {}
    waiting = [info for i, info in enumerate(infos) if i not in received and info.warehouse == 0]
    if waiting:
        info = waiting[-1]
        codes["RMA"] = info.rma
        codes[f"tracking number ({info.carrier})"] = info.tracking
        codes["portal QR"] = PORTAL_URL.format(rma=info.rma, postcode=info.postcode)
        codes["product EAN-13"] = CATALOGUE[info.lines[0][1]].gtin
        codes["postcode + house number"] = f"{info.postcode} {info.customer.house_number}"
    codes.update(badges)
    return codes


def run_demo_seed(services: Services, returns: int, inspections: int, seed: int, out: TextIO) -> int:
    """The ``inspector demo-seed`` command: seed and print a summary; returns the exit status.

    Refused (exit 1) in a data directory set up for a real warehouse: demo data never mixes with it.
    """
    if station_kind(services.database) == REAL:
        out.write(
            "This data directory holds a real warehouse (set up with 'inspector setup'); demo data is "
            "never mixed into it. Try the demo in its own data directory: "
            "inspector --data-dir ./demo-data demo-seed\n"
        )
        return 1
    mark_kind(services.database, DEMO)
    last_shown = [-1]

    def progress(done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if percent // 10 != last_shown[0] // 10 and total >= 5000:
            last_shown[0] = percent
            out.write(f"  ... {percent} %\n")
            out.flush()

    report = seed_demo(services.database, services.photos, services.station, returns=returns,
                       inspections=inspections, seed=seed, progress=progress)
    from inspector.services.demo_codes import codes_text, demo_codes

    # The codes come from the database (as on every later start), with an inspected RMA and a report day.
    report = replace(report, sample_codes={})
    out.write(report.summary() + "\n" + codes_text(demo_codes(services.database, services.station)) + "\n")
    return 0
