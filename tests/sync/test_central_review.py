"""Review, detail, evidence packs and the intake report on the central database.

Two stations of one warehouse inspect announced returns through the real services, sync with their
own (row-level-secured) logins, and a supervisor at one of them reads the whole warehouse from
central: both stations' inspections, names, photos fetched from central, verified chains, and
tampering done on the central server showing up as broken evidence.
"""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import psycopg
import pytest
from PIL import Image
from sync_helpers import run_until

from inspector.models import Grade, Role, User
from inspector.models.database import DatabaseProblem
from inspector.reports.evidence import build_evidence_pack, run_evidence
from inspector.reports.intake_report import build_intake_report
from inspector.services.access import COMMAND_LINE
from inspector.services.disputes import DisputeService
from inspector.services.inspection_detail import load_detail
from inspector.services.review import ReviewQuery, ReviewService
from inspector.services.sources import SourceKind
from inspector.services.users import UserInfo
from inspector.sync.announce import announce_returns
from inspector.sync.engine import SyncEngine

pytestmark = pytest.mark.postgres

APPAREL_OK = {
    "style_colour_match": True, "size_match": True, "tags": "attached", "stains": False, "odour": "none",
    "makeup": False, "pilling": False, "washed": False, "alterations": False, "hardware": "ok",
    "packaging": "original",
}


def _jpeg(colour: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def _announced(warehouse: str, rma: str, tracking: str, customer: str) -> dict:
    return {
        "warehouse": warehouse, "rma_number": rma, "order_number": f"NL-{rma[-5:]}",
        "customer_name": customer, "customer_email": f"{rma.lower()}@example.nl",
        "tracking_number": tracking, "carrier": "postnl", "refund_choice": "refund",
        "lines": [{"sku": "TRUI-M", "gtin": "8712345678906", "product_name": "Wollen trui M",
                   "category": "apparel", "reason_code": "wrong_size", "unit_price_cents": 5995}],
    }


def _person(services, name: str, role: Role = Role.INSPECTOR) -> UserInfo:  # type: ignore[no-untyped-def]
    with services.database.session() as session:
        user = User(name=name, badge_code=f"BDG{uuid.uuid4().int % 10**6:06d}", role=role)
        session.add(user)
        session.flush()
        return UserInfo(user.id, user.name, user.role, user.badge_code, "en")


def _inspect(services, tracking: str, user: UserInfo, grade: Grade, reason: str = "") -> uuid.UUID:  # type: ignore[no-untyped-def]
    (ret,) = services.intake.lookup(tracking).returns
    services.intake.receive_parcel(return_id=ret.id, scanned_code=tracking, user_id=user.id)
    line = ret.lines[0]
    state = services.inspections.start(return_id=ret.id, line_id=line.id, user_id=user.id,
                                       checklist_id="apparel", checklist_version=1)
    assert services.inspections.verify_by_scan(state.id, "8712345678906", user.id).matches
    for question, value in APPAREL_OK.items():
        services.inspections.answer(state.id, question, value, user.id)
    services.inspections.add_photo(state.id, _jpeg("navy"), "front", user.id)
    services.inspections.add_photo(state.id, _jpeg("white"), "label", user.id)
    services.grading.finish(state.id, grade, reason, user.id)
    return state.id


@pytest.fixture
def warehouse(central_url, station_factory, station_login, codes):  # type: ignore[no-untyped-def]
    """Two stations of one warehouse, each with one inspected return, synced with their own logins."""
    wh = codes("WH")
    a, b = station_factory(wh, codes("A")), station_factory(wh, codes("B"))
    rma_a, rma_b = f"RMA{uuid.uuid4().int % 10**8:08d}", f"RMA{uuid.uuid4().int % 10**8:08d}"
    announce_returns(central_url, [_announced(wh, rma_a, f"3SA{rma_a}", "Jan Jansen"),
                                   _announced(wh, rma_b, f"3SB{rma_b}", "Fátima el Amrani")])
    inspections = {}
    for services, rma, tracking, name, grade, reason in (
        (a, rma_a, f"3SA{rma_a}", "Sanne de Vries", Grade.RESTOCK, ""),
        (b, rma_b, f"3SB{rma_b}", "Piet Bakker", Grade.LIQUIDATE, "Seam torn at the back, not sellable"),
    ):
        url = station_login(wh, services.station.station_code)
        services.save_settings(replace(services.settings, central_url=url), user=COMMAND_LINE)
        engine = SyncEngine(services.database, services.photos, services.station, url)
        run_until(engine, lambda total: total.returns >= 2)
        inspections[rma] = _inspect(services, tracking, _person(services, name), grade, reason)
        assert engine.run_once().ok
    return {"wh": wh, "a": a, "b": b, "rma_a": rma_a, "rma_b": rma_b, "ids": inspections}


def test_central_review_shows_every_station_of_the_warehouse(warehouse) -> None:  # type: ignore[no-untyped-def]
    a = warehouse["a"]
    assert a.sources() == [SourceKind.CENTRAL, SourceKind.LOCAL]
    local = ReviewService(a.source("local").database, user=COMMAND_LINE).search(ReviewQuery())
    central = ReviewService(a.source("central").database, user=COMMAND_LINE)
    rows = central.search(ReviewQuery())
    assert [r.rma for r in local] == [warehouse["rma_a"]]
    assert {r.rma for r in rows} == {warehouse["rma_a"], warehouse["rma_b"]}
    by_rma = {r.rma: r for r in rows}
    assert by_rma[warehouse["rma_b"]].inspector_name == "Piet Bakker"
    assert by_rma[warehouse["rma_b"]].station_code == warehouse["b"].station.station_code
    other = by_rma[warehouse["rma_b"]]
    assert other.grade is Grade.LIQUIDATE and "override" in other.flags
    # Every filter kind runs on PostgreSQL too.
    assert [r.rma for r in central.search(ReviewQuery(customer="fatima el"))] == [warehouse["rma_b"]]
    assert [r.rma for r in central.search(ReviewQuery(customer="amrani"))] == [warehouse["rma_b"]]
    assert [r.rma for r in central.search(ReviewQuery(customer="el FAT"))] == [warehouse["rma_b"]]
    assert [r.rma for r in central.search(ReviewQuery(customer="FATIMA_% &|!:*"))] == [warehouse["rma_b"]]
    assert [r.rma for r in central.search(ReviewQuery(customer="fatimax"))] == []
    assert [r.rma for r in central.search(ReviewQuery(flags=frozenset({"override"})))] == [warehouse["rma_b"]]
    assert [r.rma for r in central.search(ReviewQuery(tracking_number=f"3SA{warehouse['rma_a']}"))] == [
        warehouse["rma_a"]]
    assert [r.rma for r in central.search(ReviewQuery(grade=Grade.RESTOCK))] == [warehouse["rma_a"]]
    choices = central.filter_choices()
    assert {c.label for c in choices.inspectors} >= {"Sanne de Vries", "Piet Bakker"}
    assert {c.label for c in choices.stations} == {warehouse["a"].station.station_code,
                                                   warehouse["b"].station.station_code}


def test_central_detail_and_evidence_pack_verify_another_stations_work(warehouse, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a, inspection_id = warehouse["a"], warehouse["ids"][warehouse["rma_b"]]
    source = a.source("central")
    detail = load_detail(source.database, source.photos, a.templates, inspection_id, user=COMMAND_LINE)
    assert detail.inspector == "Piet Bakker" and detail.final_grade == "liquidate"
    assert detail.evidence_ok, (detail.chains, detail.photos)
    assert [step.action for step in detail.grade_history] == ["grade_overridden"]
    assert [p.path.read_bytes() for p in detail.photos] == [_jpeg("navy"), _jpeg("white")]

    out = io.StringIO()
    assert run_evidence(a, warehouse["rma_b"], tmp_path / "pack", out, "central") == 0, out.getvalue()
    assert "evidence verified" in out.getvalue()
    with zipfile.ZipFile(tmp_path / "pack" / f"evidence_{warehouse['rma_b']}.zip") as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert [archive.read(p["file"]) for p in manifest["photos"]] == [_jpeg("navy"), _jpeg("white")]
    # This station's own database does not have the other station's inspection.
    assert run_evidence(a, warehouse["rma_b"], tmp_path / "local", io.StringIO(), "local") == 1


def test_tampering_on_the_central_server_shows_as_broken_evidence(warehouse, central_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a, inspection_id = warehouse["a"], warehouse["ids"][warehouse["rma_b"]]
    source = a.source("central")
    # The review screen's way: the walk leaves a checkpoint at the head of B's chain.
    assert load_detail(source.database, source.photos, a.templates, inspection_id,
                       chains=source.chains, user=COMMAND_LINE).evidence_ok
    with psycopg.connect(central_url) as conn:
        conn.execute("ALTER TABLE photo_chunks DISABLE TRIGGER USER")
        conn.execute("UPDATE photo_chunks SET data = %s WHERE photo_id IN "
                     "(SELECT id FROM photos WHERE inspection_id = %s AND tag = 'front')",
                     (_jpeg("red"), inspection_id))
        conn.execute("ALTER TABLE photo_chunks ENABLE TRIGGER USER")
    detail = load_detail(source.database, source.photos, a.templates, inspection_id, user=COMMAND_LINE)
    assert detail.chain_ok and not detail.photos_ok  # the cached copy does not hide the change
    with psycopg.connect(central_url) as conn:
        conn.execute("ALTER TABLE audit_events DISABLE TRIGGER USER")
        seq = conn.execute(
            "UPDATE audit_events SET payload = jsonb_set(payload, '{reason}', '\"looked fine\"') "
            "WHERE inspection_id = %s AND action = 'grade_overridden' RETURNING seq", (inspection_id,)
        ).fetchone()[0]
        conn.execute("ALTER TABLE audit_events ENABLE TRIGGER USER")
    detail = load_detail(source.database, source.photos, a.templates, inspection_id, user=COMMAND_LINE)
    (chain,) = [c for c in detail.chains if c.station_code == warehouse["b"].station.station_code]
    assert not detail.chain_ok and chain.report.broken_seq == seq
    # From the checkpoint the walk itself starts after the edited event, but the inspection's own
    # events are always re-hashed: the edit still shows.
    detail = load_detail(source.database, source.photos, a.templates, inspection_id, chains=source.chains,
        user=COMMAND_LINE)
    assert not detail.chain_ok and [e.seq for e in detail.timeline if not e.intact] == [seq]
    pack = build_evidence_pack(source.database, source.photos, a.templates, warehouse["rma_b"], tmp_path,
        user=COMMAND_LINE)
    assert not pack.evidence_ok


def test_central_intake_report_counts_the_whole_warehouse(warehouse) -> None:  # type: ignore[no-untyped-def]
    a = warehouse["a"]
    today = datetime.now(ZoneInfo(a.station.time_zone)).date()
    local = build_intake_report(a.source("local").database, warehouse["wh"], today, today, user=COMMAND_LINE)
    central = build_intake_report(a.source("central").database, warehouse["wh"], today, today,
        user=COMMAND_LINE)
    assert (local.parcels_received, local.items_inspected) == (1, 1)
    assert (central.parcels_received, central.items_inspected) == (2, 2)
    assert central.time_zone == a.station.time_zone
    assert {t.name for t in central.by_inspector} == {"Sanne de Vries", "Piet Bakker"}
    assert {b.key: b.items for b in central.by_grade} == {"restock": 1, "liquidate": 1}
    assert sum(central.hourly_items) == 2 and sum(central.hourly_parcels) == 2
    assert central.scan_to_graded.count == 2 and central.scan_to_graded.p50 is not None
    assert {i.rma for i in central.items} == {warehouse["rma_a"], warehouse["rma_b"]}
    assert all(i.minutes_to_graded is not None and i.minutes_to_graded >= 0 for i in central.items)
    overrides = {b.key: b.items for b in central.exceptions}["override"]
    assert overrides == 1


def test_a_dispute_recorded_at_a_station_shows_centrally(warehouse) -> None:  # type: ignore[no-untyped-def]
    a = warehouse["a"]
    inspection_id = warehouse["ids"][warehouse["rma_a"]]
    boss = _person(a, "Mira Supervisor", Role.SUPERVISOR)
    disputes = DisputeService(a.database, a.station)
    dispute = disputes.open(boss, inspection_id, "customer", "CS-991", "Customer says it was unworn")
    disputes.change_grade(boss, dispute.id, Grade.REFURBISH, "Light marks found on second look")
    assert SyncEngine(a.database, a.photos, a.station, a.central_url()).run_once().ok
    source = a.source("central")
    detail = load_detail(source.database, source.photos, a.templates, inspection_id, user=COMMAND_LINE)
    assert detail.final_grade == "refurbish" and detail.evidence_ok
    assert [d.reference for d in detail.disputes] == ["CS-991"]
    assert [s.action for s in detail.grade_history] == ["grade_set", "grade_changed"]
    assert not source.writable and a.source("local").writable


def test_an_unreachable_central_database_is_a_plain_message(services) -> None:  # type: ignore[no-untyped-def]
    services.save_settings(replace(services.settings, central_url="postgresql://nobody@127.0.0.1:1/none"),
        user=COMMAND_LINE)
    source = services.source("auto")
    assert source.kind is SourceKind.CENTRAL
    with pytest.raises(DatabaseProblem) as raised:
        ReviewService(source.database, user=COMMAND_LINE).search(ReviewQuery())
    assert "password" not in raised.value.user_message and raised.value.user_message


def test_report_command_reads_central_by_default_when_configured(warehouse, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import csv

    from inspector.cli import main

    a = warehouse["a"]
    today = datetime.now(ZoneInfo(a.station.time_zone)).date().isoformat()
    base = ["--data-dir", str(a.paths.root), "report", "daily", "--date", today, "--format", "csv",
            "--language", "en"]
    for source, expected in (("auto", 2), ("central", 2), ("local", 1)):
        out = io.StringIO()
        path = tmp_path / f"{source}.csv"
        assert main([*base, "--out", str(path), "--source", source], out=out) == 0, out.getvalue()
        with path.open(encoding="utf-8-sig", newline="") as handle:
            assert len(list(csv.DictReader(handle))) == expected
        assert ("central database" if source != "local" else "this station") in out.getvalue()


def test_report_command_with_central_unreachable_exits_3(services, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from inspector.cli import main

    services.save_settings(replace(services.settings, central_url="postgresql://nobody@127.0.0.1:1/none"),
        user=COMMAND_LINE)
    code = main(["--data-dir", str(services.paths.root), "report", "daily", "--date", "2026-11-20",
                 "--format", "pdf", "--out", str(tmp_path / "r.pdf")], out=io.StringIO())
    assert code == 3 and not (tmp_path / "r.pdf").exists()
    assert "central database cannot be reached" in capsys.readouterr().err
    assert main(["--data-dir", str(services.paths.root), "report", "daily", "--date", "2026-11-20",
                 "--format", "pdf", "--out", str(tmp_path / "r.pdf"), "--source", "local"],
                out=io.StringIO()) == 0


def test_a_person_another_station_uploaded_first_does_not_hold_up_sync(
        warehouse, station_factory, station_login, codes) -> None:  # type: ignore[no-untyped-def]
    """Stations seeded alike (or cloned) share user ids: the clash is skipped, records still go up."""
    from sqlalchemy import select

    a = warehouse["a"]
    with a.database.session() as session:
        sanne = session.scalars(select(User).where(User.name == "Sanne de Vries")).one()
        clone = User(id=sanne.id, name="Sanne (clone)", badge_code="BDG999999", role=Role.INSPECTOR)
    c = station_factory(warehouse["wh"], codes("C"))
    with c.database.session() as session:
        session.add(clone)
    url = station_login(warehouse["wh"], c.station.station_code)
    c.save_settings(replace(c.settings, central_url=url), user=COMMAND_LINE)
    engine = SyncEngine(c.database, c.photos, c.station, url)
    run_until(engine, lambda total: total.returns >= 2)
    rows = ReviewService(c.source("central").database, user=COMMAND_LINE).search(ReviewQuery())
    assert {r.inspector_name for r in rows} == {"Sanne de Vries", "Piet Bakker"}  # A's upload stands
