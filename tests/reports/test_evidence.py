"""Evidence packs: contents and hashes anyone can check; tampering shows in the detail and the pack."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sqlite3
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from inspector.app import Services
from inspector.cli import main
from inspector.models import AuditEvent, Inspection, Photo, Return
from inspector.reports.evidence import UnknownReturn, build_evidence_pack, run_evidence
from inspector.services.access import COMMAND_LINE
from inspector.services.demo_data import seed_demo
from inspector.services.inspection_detail import load_detail

NOW = datetime(2026, 11, 20, 15, tzinfo=UTC)


@pytest.fixture
def seeded(services: Services) -> Services:
    seed_demo(services.database, services.photos, services.station,
              returns=30, inspections=12, seed=5, now=NOW)
    return services


def _rma_with_photos(services: Services) -> tuple[str, Inspection]:
    with services.database.session() as session:
        inspection = session.scalars(
            select(Inspection).join(Photo, Photo.inspection_id == Inspection.id)
            .order_by(Inspection.started_at)
        ).first()
        assert inspection is not None
        rma = session.scalar(select(Return.rma_number).where(Return.id == inspection.return_id))
        session.expunge_all()
        return str(rma), inspection


def _unzip(path: Path, into: Path) -> dict:  # type: ignore[type-arg]
    with zipfile.ZipFile(path) as archive:
        archive.extractall(into)
    return json.loads((into / "manifest.json").read_text(encoding="utf-8"))


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_the_pack_holds_the_original_photos_and_checkable_hashes(seeded: Services, tmp_path: Path) -> None:
    rma, _inspection = _rma_with_photos(seeded)
    pack = build_evidence_pack(seeded.database, seeded.photos, seeded.templates, rma, tmp_path / "out",
                               now=NOW, user=COMMAND_LINE)
    assert pack.evidence_ok and pack.pdf.exists() and pack.zip.exists()
    manifest = _unzip(pack.zip, tmp_path / "x")
    assert manifest["rma"] == rma and manifest["evidence_ok"] and manifest["photos"]
    assert all(chain["ok"] for chain in manifest["chains"])
    sums = {}
    for line in (tmp_path / "x" / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ", 1)
        sums[name] = digest
    for photo in manifest["photos"]:
        data = (tmp_path / "x" / photo["file"]).read_bytes()
        actual = hashlib.sha256(data).hexdigest()
        assert actual == photo["sha256"] == photo["file_sha256"] == sums[photo["file"]]
        assert data == seeded.photos.path_of(f"{actual[:2]}/{actual}.jpg").read_bytes()
        assert photo["recorded_in_audit_log"] and photo["station"]
    recorded = {h for e in manifest["audit_events"] for h in e["photo_hashes"]}
    assert {p["sha256"] for p in manifest["photos"]} <= recorded
    if shutil.which("sha256sum"):
        check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=tmp_path / "x", capture_output=True)
        assert check.returncode == 0, check.stdout
    text = _pdf_text(pack.pdf)
    assert rma in text and "verified" in text and manifest["photos"][0]["sha256"] in text.replace("\n", "")
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pack.pdf), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) >= 2


def test_a_tampered_photo_file_is_broken_evidence(seeded: Services, tmp_path: Path) -> None:
    rma, inspection = _rma_with_photos(seeded)
    with seeded.database.session() as session:
        photo = session.scalars(select(Photo).where(Photo.inspection_id == inspection.id)).first()
        assert photo is not None
        path = seeded.photos.path_of(photo.file_path)
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF  # one changed byte near the end of the JPEG
    path.write_bytes(bytes(data))
    detail = load_detail(seeded.database, seeded.photos, seeded.templates, inspection.id, user=COMMAND_LINE)
    assert detail.chain_ok and not detail.photos_ok and not detail.evidence_ok
    out = io.StringIO()
    assert run_evidence(seeded, rma, tmp_path / "out", out) == 1
    assert "does NOT match" in out.getvalue()
    pack_zip = next((tmp_path / "out").glob("*.zip"))
    manifest = _unzip(pack_zip, tmp_path / "x")
    assert not manifest["evidence_ok"]
    assert [p["matches_recorded_hash"] for p in manifest["photos"]].count(False) == 1
    if shutil.which("sha256sum"):
        check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=tmp_path / "x", capture_output=True)
        assert check.returncode != 0 and b"FAILED" in check.stdout
    assert "does NOT match" in _pdf_text(next((tmp_path / "out").glob("*.pdf")))


def test_a_tampered_audit_event_breaks_the_chain_in_detail_and_pack(seeded: Services, tmp_path: Path) -> None:
    rma, inspection = _rma_with_photos(seeded)
    with seeded.database.session() as session:
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.inspection_id == inspection.id, AuditEvent.action == "photo_added")).first()
        assert event is not None
        seq, station_id = event.seq, event.station_id
    seeded.database.dispose()
    raw = sqlite3.connect(seeded.database.path)
    raw.execute("DROP TRIGGER audit_events_no_update")
    raw.execute("DROP TRIGGER audit_events_no_delete")
    raw.execute("UPDATE audit_events SET payload = json_set(payload, '$.tag', 'other') "
                "WHERE seq = ? AND station_id = ?", (seq, station_id.hex))
    raw.commit()
    raw.close()
    detail = load_detail(seeded.database, seeded.photos, seeded.templates, inspection.id, user=COMMAND_LINE)
    assert not detail.chain_ok and detail.photos_ok
    broken = [c.report for c in detail.chains if not c.report.ok]
    assert broken and broken[0].broken_seq == seq
    tampered = next(e for e in detail.timeline if e.seq == seq)
    assert not tampered.intact and not tampered.verified
    out = io.StringIO()
    assert run_evidence(seeded, rma, tmp_path / "out", out) == 1
    assert f"BROKEN at event {seq}" in out.getvalue()
    manifest = _unzip(next((tmp_path / "out").glob("*.zip")), tmp_path / "x")
    assert any(c["broken_seq"] == seq for c in manifest["chains"])
    assert f"BROKEN at event {seq}" in _pdf_text(next((tmp_path / "out").glob("*.pdf")))


def test_the_command_line(seeded: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rma, _ = _rma_with_photos(seeded)
    data_dir = seeded.paths.root
    seeded.close()
    assert main(["--data-dir", str(data_dir), "evidence", rma, "--out", str(tmp_path / "cli")]) == 0
    assert "evidence verified" in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "evidence", "RMA99999999", "--out", str(tmp_path)]) == 1
    with pytest.raises(UnknownReturn):
        build_evidence_pack(seeded.database, seeded.photos, seeded.templates, "RMA99999999", tmp_path,
            user=COMMAND_LINE)


def test_progress_is_reported_and_cancel_writes_nothing(seeded: Services, tmp_path: Path) -> None:
    from inspector.reports.evidence import EvidenceCancelled

    rma, _inspection = _rma_with_photos(seeded)
    steps: list[tuple[int, int]] = []
    pack = build_evidence_pack(seeded.database, seeded.photos, seeded.templates, rma, tmp_path / "done",
                               progress=lambda done, total: steps.append((done, total)), user=COMMAND_LINE)
    assert pack.zip.exists() and steps[-1][0] == steps[-1][1] == len(pack.details) + 1
    assert [done for done, _total in steps] == list(range(1, len(pack.details) + 2))
    calls = iter([False, True])  # cancelled after the first inspection is checked
    with pytest.raises(EvidenceCancelled):
        build_evidence_pack(seeded.database, seeded.photos, seeded.templates, rma, tmp_path / "cancelled",
                            cancel=lambda: next(calls, True), user=COMMAND_LINE)
    assert not (tmp_path / "cancelled").exists()  # nothing written, not even the folder
