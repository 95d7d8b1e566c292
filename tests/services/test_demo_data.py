"""The demo seed: realistic, valid, reproducible data whose audit trail verifies."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from inspector.app import Services, build_services
from inspector.models import (
    AuditEvent,
    Category,
    Flag,
    Inspection,
    InspectionFlag,
    InspectionStatus,
    ItemOutcome,
    Parcel,
    Photo,
    RefundRecommendation,
    Return,
    ReturnLine,
    ReturnStatus,
    Role,
    Station,
    User,
    Warehouse,
)
from inspector.models.database import Database
from inspector.reports.labels import lpn_valid, make_lpn
from inspector.scanning.checkdigits import gs1_valid, luhn_valid
from inspector.scanning.identify import identify
from inspector.services import demo_data
from inspector.services.audit import verify_all_chains
from inspector.services.checklists import (
    InspectionContext,
    default_templates,
    evaluate,
    template_for,
    validate_answer,
    visible_answers,
)
from inspector.services.demo_data import CATALOGUE, SeedReport, _tracking_batch, run_demo_seed, seed_demo
from inspector.services.grading import Disposition, recovered_value_cents
from inspector.services.photo_store import sha256_file
from inspector.services.users import check_pin

NOW = datetime(2025, 3, 28, 15, 0, tzinfo=UTC)  # the week of the switch to summer time
RETURNS = 300
INSPECTIONS = 60


def content_digest(database: Database) -> str:
    """A SHA-256 over returns, lines, parcels, inspections, flags and photos.

    Warehouse, station and user ids become their codes: ensure_station gives the configured station
    a random id, so two databases seeded alike differ only there.
    """
    digest = hashlib.sha256()
    with database.session() as session:
        codes: dict[Any, str] = {}
        for model, column in ((Warehouse, Warehouse.code), (Station, Station.code), (User, User.badge_code)):
            codes.update({row[0]: row[1] for row in session.execute(select(model.id, column))})
        for model in (Return, ReturnLine, Parcel, Inspection, InspectionFlag, Photo):
            table = model.__table__
            for row in session.execute(select(table).order_by(*table.primary_key.columns)):
                values = {
                    key: codes.get(value, value) if isinstance(value, uuid.UUID) else value
                    for key, value in row._mapping.items()
                }
                digest.update(json.dumps(values, sort_keys=True, default=str).encode("utf-8"))
    return digest.hexdigest()


def _seed(data_dir: Path, **kwargs: Any) -> tuple[Services, SeedReport]:
    services = build_services(data_dir)
    report = seed_demo(services.database, services.photos, services.station, now=NOW, **kwargs)
    return services, report


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, SeedReport]]:
    data_dir = tmp_path_factory.mktemp("demo")
    services, report = _seed(data_dir, returns=RETURNS, inspections=INSPECTIONS, seed=7)
    try:
        yield services, report
    finally:
        services.close()


def _all(services: Services, model: Any) -> list[Any]:
    with services.database.session() as session:
        return list(session.scalars(select(model)))


def test_counts_match_the_arguments(seeded: tuple[Services, SeedReport]) -> None:
    services, report = seeded
    assert report.returns == RETURNS and report.inspections == INSPECTIONS
    with services.database.session() as session:
        def count(model: Any) -> int:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)

        assert count(Return) == RETURNS
        assert count(Inspection) == INSPECTIONS
        assert count(ReturnLine) == report.return_lines > RETURNS
        assert count(Parcel) == report.parcels
        assert count(Photo) == report.photos
        assert count(AuditEvent) == report.audit_events
        assert {w.code for w in session.scalars(select(Warehouse))} == {"NL-AMS", "DE-DUS"}
        stations = {s.code: s.warehouse_id for s in session.scalars(select(Station))}
        warehouses = {w.id: w.code for w in session.scalars(select(Warehouse))}
        assert {code: warehouses[w] for code, w in stations.items()} == {
            "ST-01": "NL-AMS", "ST-02": "NL-AMS", "ST-11": "DE-DUS"
        }
        zone = session.scalar(select(Warehouse.time_zone).where(Warehouse.code == "DE-DUS"))
        assert zone == "Europe/Berlin"
        per_warehouse = Counter(warehouses[r.warehouse_id] for r in session.scalars(select(Return)))
        assert 0 < per_warehouse["DE-DUS"] < per_warehouse["NL-AMS"]


def test_users_of_every_role_with_badges_and_demo_pins(seeded: tuple[Services, SeedReport]) -> None:
    services, _ = seeded
    users = _all(services, User)
    assert Counter(u.role for u in users) == {
        Role.INSPECTOR: 4, Role.SUPERVISOR: 1, Role.TEAM_LEAD: 1, Role.ADMIN: 1
    }
    assert sorted(u.badge_code for u in users) == [f"BDG{n:06d}" for n in range(1, 8)]
    assert all(identify(u.badge_code).kind == "badge" for u in users)
    for user in users:
        if user.role is Role.INSPECTOR:
            assert user.pin_hash is None
        else:
            assert check_pin("1234", user.pin_hash)
    assert {u.language for u in users} == {"nl", "en", "de"}


def test_every_code_is_valid(seeded: tuple[Services, SeedReport]) -> None:
    services, _ = seeded
    returns = _all(services, Return)
    assert len({r.rma_number for r in returns}) == RETURNS
    assert len({r.tracking_number for r in returns}) == RETURNS
    carriers = Counter(r.carrier for r in returns)
    assert set(carriers) == {"postnl", "dhl", "dpd", "gls", "ups"}
    for ret in returns:
        assert re.fullmatch(r"RMA\d{8}", ret.rma_number) and luhn_valid(ret.rma_number[3:])
        rma = identify(ret.rma_number)
        assert rma.kind == "rma" and rma.valid
        tracking = identify(ret.tracking_number)
        assert tracking.kind == "tracking" and tracking.valid, ret.tracking_number
        assert tracking.candidates[0].carrier == ret.carrier, ret.tracking_number
    for line in _all(services, ReturnLine):
        assert len(line.gtin) == 13 and gs1_valid(line.gtin)
        assert line.currency == "EUR" and line.unit_price_cents > 0
        if line.category is Category.ELECTRONICS:
            assert line.expected_serial and line.quantity == 1
        else:
            assert line.expected_serial == ""


def test_catalogue_is_realistic() -> None:
    assert 55 <= len(CATALOGUE) <= 65
    assert len({p.sku for p in CATALOGUE}) == len({p.gtin for p in CATALOGUE}) == len(CATALOGUE)
    assert {p.category for p in CATALOGUE} == {
        Category.APPAREL, Category.SHOES, Category.ELECTRONICS, Category.COSMETICS, Category.HOME
    }
    assert all(gs1_valid(p.gtin) and p.price_cents > 0 for p in CATALOGUE)


def test_customers_look_real(seeded: tuple[Services, SeedReport]) -> None:
    services, _ = seeded
    returns = _all(services, Return)
    patterns = {"NL": r"[1-9]\d{3}[A-Z]{2}", "BE": r"[1-9]\d{3}", "DE": r"\d{5}"}
    for ret in returns:
        assert re.fullmatch(patterns[ret.country], ret.postcode), (ret.country, ret.postcode)
        assert re.fullmatch(r"[1-9]\d{0,2}([A-Z]|-\d|/\d|H)?", ret.house_number), ret.house_number
        assert re.fullmatch(r"[a-z0-9._]+@[a-z0-9.-]+\.[a-z]{2,}", ret.customer_email), ret.customer_email
        assert ret.customer_name_key == ret.customer_name.casefold()
        assert ret.refund_choice and ret.channel and ret.delivered_on is not None
        assert ret.delivered_on <= ret.announced_at.date()
        assert NOW - timedelta(days=41) <= ret.announced_at <= NOW
    countries = Counter(r.country for r in returns)
    assert countries["NL"] > countries["BE"] > 0 and countries["DE"] > 0
    names = " ".join(r.customer_name for r in returns)
    assert re.search(r" van (der |den |'t )?[A-Z]", names)
    assert re.search(r"[äöüÄÖÜß]", names)
    assert any(not h.isdigit() for h in (r.house_number for r in returns))
    # A few serial returners: the same e-mail on several returns.
    assert max(Counter(r.customer_email for r in returns).values()) >= 3
    # Some returns are late against the 30-day window.
    assert any((r.announced_at.date() - r.delivered_on).days > 30 for r in returns)
    choices = Counter(r.refund_choice for r in returns)
    assert choices.most_common(1)[0][0] == "refund" and len(choices) == 3


def test_lines_have_reasons_weighted_per_category(seeded: tuple[Services, SeedReport]) -> None:
    services, _ = seeded
    lines = _all(services, ReturnLine)
    apparel = Counter(line.reason_code for line in lines if line.category is Category.APPAREL)
    assert apparel.most_common(1)[0][0] == "wrong_size"
    assert any(line.customer_comment for line in lines)
    assert sum(1 for line in lines if not line.customer_comment) > len(lines) / 2


def test_inspections_are_complete(seeded: tuple[Services, SeedReport]) -> None:
    services, _ = seeded
    inspections = _all(services, Inspection)
    assert all(i.status is InspectionStatus.FINISHED for i in inspections)
    lpns = [i.lpn for i in inspections if i.lpn]
    assert len(lpns) == len(set(lpns))
    with services.database.session() as session:
        flags: dict[Any, set[str]] = {}
        for row in session.scalars(select(InspectionFlag)):
            flags.setdefault(row.inspection_id, set()).add(row.flag)
        lines = {line.id: line for line in session.scalars(select(ReturnLine))}
        codes = {s.id: s.code.replace("-", "") for s in session.scalars(select(Station))}
    outcomes = Counter(i.outcome for i in inspections)
    assert outcomes.most_common(1)[0][0] is ItemOutcome.RECEIVED
    for insp in inspections:
        assert 120 <= (insp.finished_at - insp.started_at).total_seconds() <= 480
        assert insp.inspector_id and insp.station_id and insp.parcel_id and insp.return_id
        if insp.outcome is ItemOutcome.MISSING:
            assert insp.final_grade is None and insp.lpn is None
            assert Flag.MISSING in flags[insp.id]
            continue
        assert insp.suggested_grade and insp.final_grade
        assert lpn_valid(insp.lpn or "") and (insp.lpn or "").startswith("LPN" + codes[insp.station_id])
        # The answers follow the real checklist template of the line's category.
        line = lines.get(insp.return_line_id)
        template = template_for(line.category if line else "other")
        assert (insp.checklist_id, insp.checklist_version) == (template.id, template.version)
        assert insp.answers and insp.answers == visible_answers(template, insp.answers)
        for question_id, value in insp.answers.items():
            assert validate_answer(template.question(question_id), value) == value
        # The template's rules suggested the grade (the rest of the context changes flags and deductions).
        today = InspectionContext(today=insp.started_at.date())
        assert evaluate(template, insp.answers, today).suggested_grade is insp.suggested_grade
        # One policy: disposition, destination and recovered value as the grading service gives them.
        category = line.category if line else "other"
        disposition = Disposition.for_grade(insp.final_grade, category, flags.get(insp.id, set()))
        assert (insp.disposition, insp.destination) == (disposition.kind, disposition.destination)
        assert insp.recovered_value_cents == recovered_value_cents(
            insp.final_grade, line.unit_price_cents if line else 0)
        if insp.final_grade != insp.suggested_grade:
            assert len(insp.override_reason) >= 10 and Flag.OVERRIDE in flags[insp.id]
        else:
            assert Flag.OVERRIDE not in flags.get(insp.id, set())
        if insp.outcome is ItemOutcome.RECEIVED:
            price = line.unit_price_cents
            assert (insp.refund_amount_cents == price) is (
                insp.refund_recommendation is RefundRecommendation.FULL)
            if insp.refund_recommendation is RefundRecommendation.PARTIAL:
                assert 0 < (insp.refund_amount_cents or 0) < price
            if line.expected_serial:
                assert insp.serial_scanned == line.expected_serial
        else:
            assert insp.refund_recommendation is RefundRecommendation.NONE
            assert insp.item_sku and insp.item_gtin
            assert Flag(insp.outcome.value) in flags[insp.id]


def test_lpns_leave_room_for_the_stations_next_real_lpn(seeded: tuple[Services, SeedReport]) -> None:
    """Each station's demo LPNs are its first counters, so its next real LPN (count + 1) is free."""
    services, _ = seeded
    with services.database.session() as session:
        stations = {s.id: s.code for s in session.scalars(select(Station))}
        per_station: dict[Any, set[str]] = {}
        for insp in session.scalars(select(Inspection).where(Inspection.lpn.isnot(None))):
            per_station.setdefault(insp.station_id, set()).add(insp.lpn)
    assert len(per_station) >= 2
    for station_id, lpns in per_station.items():
        code = stations[station_id]
        assert lpns == {make_lpn(code, n) for n in range(1, len(lpns) + 1)}
        assert make_lpn(code, len(lpns) + 1) not in lpns


def test_return_status_follows_the_parcels(seeded: tuple[Services, SeedReport]) -> None:
    services, _ = seeded
    with services.database.session() as session:
        inspected = set(session.scalars(select(Inspection.return_id)))
        with_parcel = set(session.scalars(select(Parcel.return_id)))
        for ret in session.scalars(select(Return)):
            if ret.id in inspected:
                assert ret.status is ReturnStatus.INSPECTED
            elif ret.id in with_parcel:
                assert ret.status is ReturnStatus.RECEIVED
            else:
                assert ret.status is ReturnStatus.ANNOUNCED
    assert with_parcel - inspected, "some parcels wait for inspection"


def test_work_happens_in_the_last_week_during_working_hours(seeded: tuple[Services, SeedReport]) -> None:
    services, _ = seeded
    with services.database.session() as session:
        zones = {
            s.id: ZoneInfo(w.time_zone)
            for s, w in session.execute(select(Station, Warehouse).join(Warehouse))
        }
        announced = {r.id: r.announced_at for r in session.scalars(select(Return))}
        parcels = list(session.scalars(select(Parcel)))
        inspections = list(session.scalars(select(Inspection)))
    days = set()
    for parcel in parcels:
        assert NOW - timedelta(days=7) <= parcel.received_at <= NOW
        assert parcel.received_at > announced[parcel.return_id]
        local = parcel.received_at.astimezone(zones[parcel.station_id])
        assert 7 <= local.hour < 18
        days.add(local.date())
    assert len(days) >= 4
    for insp in inspections:
        zone = zones[insp.station_id]
        for moment in (insp.started_at, insp.finished_at):
            assert moment is not None and moment <= NOW
            local = moment.astimezone(zone)
            assert 7 <= local.hour < 18, local


def test_photos_are_stored_and_hashed(seeded: tuple[Services, SeedReport]) -> None:
    services, _ = seeded
    photos = _all(services, Photo)
    per_inspection = Counter(p.inspection_id for p in photos)
    assert set(per_inspection) == {i.id for i in _all(services, Inspection)}
    assert set(per_inspection.values()) <= {1, 2, 3, 4, 5}
    # The photos each template requires (a missing unit gets one photo of the open parcel).
    template_tags = {p.tag for t in default_templates().values() for p in t.photos} | {"liquid_indicator"}
    assert {"front", "label", "damage"} < {p.tag for p in photos} <= template_tags
    assert len({p.sha256 for p in photos}) == len(photos)
    for photo in photos:
        path = services.photos.path_of(photo.file_path)
        assert path.exists() and sha256_file(path) == photo.sha256
        assert (services.paths.thumbnails / photo.thumbnail_path).exists()
        assert (photo.width, photo.height, photo.mime_type) == (640, 480, "image/jpeg")


def test_audit_chains_verify_and_cover_the_work(seeded: tuple[Services, SeedReport]) -> None:
    services, report = seeded
    with services.database.session() as session:
        reports = verify_all_chains(session)
        events = list(session.scalars(select(AuditEvent).order_by(AuditEvent.station_id, AuditEvent.seq)))
    assert len(reports) == 3 and all(r.ok for r in reports)
    assert sum(r.events_checked for r in reports) == report.audit_events
    actions = Counter(e.action for e in events)
    assert actions["parcel_received"] == report.parcels
    assert actions["item_verified"] == report.inspections
    assert actions["photo_added"] == report.photos
    assert actions["label_printed"] == actions["grade_set"] > 0
    assert actions["answer_given"] == actions["grade_set"]
    assert {e.photo_hashes[0] for e in events if e.action == "photo_added"} == {
        p.sha256 for p in _all(services, Photo)
    }
    previous: dict[Any, datetime] = {}
    for event in events:  # each station's chain is in time order
        assert event.occurred_at >= previous.get(event.station_id, event.occurred_at)
        previous[event.station_id] = event.occurred_at


def test_sample_codes_lead_to_a_waiting_return(seeded: tuple[Services, SeedReport]) -> None:
    services, report = seeded
    codes = report.sample_codes
    with services.database.session() as session:
        ret = session.scalar(select(Return).where(Return.rma_number == codes["RMA"]))
        assert ret is not None and ret.status is ReturnStatus.ANNOUNCED
        assert ret.warehouse_id == services.station.warehouse_id
        assert codes[f"tracking number ({ret.carrier})"] == ret.tracking_number
        assert codes["product EAN-13"] in {line.gtin for line in ret.lines}
    portal = identify(codes["portal QR"])
    assert codes["portal QR"] == f"https://returns.example-shop.nl/r/{ret.rma_number}?pc={ret.postcode}"
    assert portal.kind == "rma" and portal.valid and portal.fields["postcode"] == ret.postcode
    assert codes["inspector badge"] == "BDG000001"
    assert codes["supervisor badge"].startswith("BDG000005")


def test_same_seed_same_data_and_another_seed_other_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    digests = []
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        if name == "b":  # the plain Core insert must store exactly what the fast bulk path stores
            monkeypatch.setattr(demo_data, "_fast_converters", lambda *args: None)
        services, _ = _seed(tmp_path / name, returns=80, inspections=15, seed=seed)
        try:
            digests.append(content_digest(services.database))
        finally:
            services.close()
    assert digests[0] == digests[1]
    assert digests[0] != digests[2]


def test_seeding_again_appends_without_collisions(tmp_path: Path) -> None:
    services, _ = _seed(tmp_path / "data", returns=40, inspections=8, seed=1)
    try:
        calls: list[tuple[int, int]] = []
        second = seed_demo(services.database, services.photos, services.station, returns=30, inspections=6,
                           seed=1, now=NOW, progress=lambda done, total: calls.append((done, total)))
        assert calls[-1] == (36, 36) and [d for d, _ in calls] == sorted(d for d, _ in calls)
        assert second.existing_returns == 40 and second.users_created == 0
        with services.database.session() as session:
            assert session.scalar(select(func.count()).select_from(Return)) == 70
            assert session.scalar(select(func.count()).select_from(Inspection)) == 14
            lpns = [lpn for lpn in session.scalars(select(Inspection.lpn)) if lpn]
            assert len(lpns) == len(set(lpns)) and all(lpn_valid(lpn) for lpn in lpns)
            assert session.scalar(select(func.count()).select_from(User)) == 7
            assert session.scalar(select(func.count()).select_from(Station)) == 3
            assert all(r.ok for r in verify_all_chains(session))
    finally:
        services.close()


def test_tracking_batches_do_not_depend_on_where_they_run() -> None:
    """A worker process (another interpreter, another hash seed, another thread) makes the same batch."""
    import subprocess
    import sys
    from concurrent.futures import ThreadPoolExecutor

    carriers = ["postnl", "dhl", "dpd", "gls", "ups"]
    here = _tracking_batch(carriers, "7/tracking/0")
    code = ("import json,sys; from inspector.services.demo_data import _tracking_batch; "
            "print(json.dumps(_tracking_batch(sys.argv[1].split(','), '7/tracking/0')))")
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        result = subprocess.run([sys.executable, "-c", code, ",".join(carriers)], capture_output=True,
                                text=True, check=True, timeout=60, env=env)
        assert json.loads(result.stdout) == here
    with ThreadPoolExecutor(2) as pool:
        assert list(pool.map(lambda _: _tracking_batch(carriers, "7/tracking/0"), range(2))) == [here, here]
    assert all(identify(number).kind == "tracking" and identify(number).valid for number in here)
    assert here != _tracking_batch(carriers, "7/tracking/1")


def test_cli_helper_prints_a_summary(tmp_path: Path) -> None:
    services = build_services(tmp_path / "cli")
    out = io.StringIO()
    try:
        assert run_demo_seed(services, 20, 4, 5, out) == 0
    finally:
        services.close()
    text = out.getvalue()
    assert "20 returns" in text and "Try scanning these" in text and "BDG000001" in text


def test_naive_reference_time_is_refused(tmp_path: Path) -> None:
    services = build_services(tmp_path / "naive")
    try:
        with pytest.raises(ValueError, match="timezone-aware"):
            seed_demo(services.database, services.photos, services.station, returns=1, inspections=0,
                      now=datetime(2025, 1, 1, 12))
    finally:
        services.close()
