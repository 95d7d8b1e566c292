"""§2: an inspection row edited in the SQLite file is caught, and the changed field is named.

The attacker has a copy of the station's database and edits the ``inspections`` row (or its flags or a
photo's hash) directly, leaving the audit chain alone. Review ("evidence verified"), ``inspector audit
verify`` and ``inspector evidence verify PACK.zip`` must all say NOT verified and name the field. A
record settled by events that carry no record hash (recorded before record hashes existed) must be
reported as such, never as verified.
"""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from anchor_helpers import raw, rewrite
from sqlalchemy import select

from inspector.cli import main
from inspector.models import AuditEvent, Inspection, Photo, Return
from inspector.reports.evidence import PackMaker, build_evidence_pack
from inspector.services.access import COMMAND_LINE
from inspector.services.demo_data import seed_demo
from inspector.services.inspection_detail import load_detail

NOW = datetime(2026, 11, 20, 15, tzinfo=UTC)


def _own_inspection(services: Any) -> tuple[str, Any]:
    """(RMA, inspection id) of a graded inspection with photos whose events are all of this station."""
    own = services.station.station_id
    with services.database.session() as session:
        for inspection in session.scalars(
            select(Inspection).join(Photo, Photo.inspection_id == Inspection.id)
            .where(Inspection.final_grade.is_not(None))
            .order_by(Inspection.started_at)
        ):
            about = ((AuditEvent.inspection_id == inspection.id)
                     | (AuditEvent.return_id == inspection.return_id))
            stations = set(session.scalars(select(AuditEvent.station_id).where(about)))
            siblings = session.scalars(select(Inspection.id).where(
                Inspection.return_id == inspection.return_id)).all()
            if stations == {own} and len(siblings) == 1:
                rma = session.scalar(select(Return.rma_number).where(Return.id == inspection.return_id))
                return str(rma), inspection.id
    raise AssertionError("the demo data has no single-unit return inspected at this station only")


@pytest.fixture
def seeded(services: Any) -> tuple[Any, str, Any]:
    seed_demo(services.database, services.photos, services.station, returns=30, inspections=12, seed=5,
              now=NOW)
    rma, inspection_id = _own_inspection(services)
    return services, rma, inspection_id


def _detail(services: Any, inspection_id: Any) -> Any:
    return load_detail(services.database, services.photos, services.templates, inspection_id,
        user=COMMAND_LINE)


def _edit(services: Any, inspection_id: Any, field: str) -> None:
    """Change one thing about the record in the database file, as an attacker would."""
    connection = raw(services)
    key = inspection_id.hex
    if field == "final_grade":
        (grade,) = connection.execute("SELECT final_grade FROM inspections WHERE id = ?", (key,)).fetchone()
        forged = "restock" if grade != "restock" else "scrap"
        connection.execute("UPDATE inspections SET final_grade = ? WHERE id = ?", (forged, key))
    elif field == "refund_amount_cents":
        connection.execute("UPDATE inspections SET refund_amount_cents = refund_amount_cents + 1000 "
                           "WHERE id = ?", (key,))
    elif field == "answers":
        (answers,) = connection.execute("SELECT answers FROM inspections WHERE id = ?", (key,)).fetchone()
        changed = json.loads(answers)
        question = sorted(changed)[0]
        changed[question] = "forged" if changed[question] != "forged" else "other"
        connection.execute("UPDATE inspections SET answers = ? WHERE id = ?", (json.dumps(changed), key))
    elif field == "notes":
        connection.execute("UPDATE inspections SET notes = notes || ' (no damage)' WHERE id = ?", (key,))
    elif field == "flags":
        connection.execute("DELETE FROM inspection_flags WHERE inspection_id = ?", (key,))
        connection.execute("INSERT INTO inspection_flags (inspection_id, flag) VALUES (?, 'late')", (key,))
    elif field == "photo_hashes":
        connection.execute("UPDATE photos SET sha256 = ? WHERE id = (SELECT id FROM photos WHERE "
                           "inspection_id = ? ORDER BY taken_at LIMIT 1)", ("ab" * 32, key))
    else:
        raise AssertionError(field)
    connection.commit()
    connection.close()


def test_an_untouched_record_verifies_everywhere(seeded: tuple[Any, str, Any], tmp_path: Path) -> None:
    services, _rma, inspection_id = seeded
    detail = _detail(services, inspection_id)
    assert detail.record.ok, detail.record.describe()
    assert detail.evidence_ok
    out = io.StringIO()
    code = main(["--data-dir", str(services.paths.root), "audit", "verify", "--json"], out)
    assert code == 0, out.getvalue()
    report = json.loads(out.getvalue())
    assert report["records"]["changed"] == [] and report["records"]["verified"] >= 1


@pytest.mark.parametrize("field", ["final_grade", "refund_amount_cents", "answers", "notes", "flags",
                                   "photo_hashes"])
def test_an_edited_inspection_row_is_named_in_review_audit_and_pack(
        seeded: tuple[Any, str, Any], tmp_path: Path, field: str) -> None:
    services, rma, inspection_id = seeded
    _edit(services, inspection_id, field)
    detail = _detail(services, inspection_id)
    assert detail.chain_ok  # the chain itself is untouched: only the record check can notice
    assert not detail.record.ok and detail.record.state == "changed"
    assert detail.record.field == field
    assert not detail.evidence_ok

    out = io.StringIO()
    assert main(["--data-dir", str(services.paths.root), "audit", "verify"], out) == 1
    assert f"field '{field}'" in out.getvalue() and str(inspection_id) in out.getvalue()

    maker = PackMaker(services.station.station_id, services.station.station_code, services.station_key())
    pack = build_evidence_pack(services.database, services.photos, services.templates, rma,
                               tmp_path / "out", now=NOW, maker=maker, user=COMMAND_LINE)
    assert not pack.evidence_ok
    out = io.StringIO()
    assert main(["evidence", "verify", str(pack.zip)], out) == 1
    # A forged photo hash also makes the photo file itself fail its SHA256SUMS line, which comes first.
    named = "photos/" if field == "photo_hashes" else f"'{field}'"
    assert out.getvalue().startswith("NOT verified") and named in out.getvalue(), out.getvalue()


def _readme_record_loop(folder: Path) -> str:
    """Run the README's record loop (step 4) with the real sh, sha256sum and grep."""
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    loop = "for f in records/" + readme.split("for f in records/", 1)[1].split("fi; done", 1)[0] + "fi; done"
    return subprocess.run(["sh", "-c", loop], cwd=folder, capture_output=True, text=True, timeout=60).stdout


def test_a_forged_record_file_in_a_pack_is_named(seeded: tuple[Any, str, Any], tmp_path: Path) -> None:
    """The pack's record file is what a third party sees: changing a value there fails, naming it,
    and the README's shell loop notices too."""
    services, rma, _inspection_id = seeded
    maker = PackMaker(services.station.station_id, services.station.station_code, services.station_key())
    pack = build_evidence_pack(services.database, services.photos, services.templates, rma,
                               tmp_path / "out", now=NOW, maker=maker, user=COMMAND_LINE)
    out = io.StringIO()
    assert main(["evidence", "verify", str(pack.zip)], out) == 0, out.getvalue()
    with zipfile.ZipFile(pack.zip) as archive:
        files = {info.filename: archive.read(info) for info in archive.infolist()}
    (name,) = [n for n in files if n.startswith("records/")]
    prefix, _, body = files[name].partition(b"\n")
    record = json.loads(body)
    record["refund_amount_cents"] = (record["refund_amount_cents"] or 0) + 5000
    files[name] = prefix + b"\n" + json.dumps(record, sort_keys=True, separators=(",", ":")).encode()
    # The attacker has the station's files, its private key included: SHA256SUMS is re-made and re-signed.
    sums = "".join(f"{hashlib.sha256(data).hexdigest()}  {key}\n" for key, data in sorted(files.items())
                   if key not in ("SHA256SUMS", "SHA256SUMS.sig")).encode()
    files["SHA256SUMS"], files["SHA256SUMS.sig"] = sums, services.station_key().sign(sums)
    forged = tmp_path / "forged.zip"
    with zipfile.ZipFile(forged, "w") as archive:
        for key, data in files.items():
            archive.writestr(key, data)
    out = io.StringIO()
    assert main(["evidence", "verify", str(forged)], out) == 1
    assert out.getvalue().startswith("NOT verified") and "'refund_amount_cents'" in out.getvalue(), (
        out.getvalue())
    with zipfile.ZipFile(pack.zip) as archive:
        archive.extractall(tmp_path / "good")
    assert _readme_record_loop(tmp_path / "good").startswith("record ok: records/")
    (tmp_path / "good" / name).write_bytes(files[name])
    assert _readme_record_loop(tmp_path / "good").startswith("RECORD CHANGED: records/")


def test_a_record_without_a_record_hash_is_not_called_verified(seeded: tuple[Any, str, Any]) -> None:
    """Events from before record hashes: the chain verifies, the record is reported as unprotected."""
    services, _rma, inspection_id = seeded
    with services.database.session() as session:
        settling = [e for e in session.scalars(select(AuditEvent).where(
            AuditEvent.inspection_id == inspection_id)) if "record_hash" in e.payload]
        assert settling, "the settling event carries no record hash"
        targets = [(e.seq, {k: v for k, v in e.payload.items() if not k.startswith("record_")})
                   for e in settling]
    for seq, payload in targets:
        rewrite(services, seq, payload)
    detail = _detail(services, inspection_id)
    assert detail.chain_ok
    assert detail.record.state == "unprotected" and not detail.evidence_ok
    out = io.StringIO()
    main(["--data-dir", str(services.paths.root), "audit", "verify", "--json"], out)
    assert str(inspection_id) in json.loads(out.getvalue())["records"]["unprotected"]
