"""§4: an evidence pack verifies with sha256sum and openssl alone, and any single changed byte fails.

The exact commands of the pack's README run here with the real ``sha256sum``, ``openssl`` and ``sh``
binaries, and ``inspector evidence verify`` checks the same offline. Each tampering (a photo, an event,
a link, the manifest, a signature, SHA256SUMS) must make a documented command or the verifier fail.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from inspector.cli import main
from inspector.models import AuditEvent, Inspection, Photo, Return
from inspector.reports.evidence import PackMaker, build_evidence_pack, safe_name
from inspector.services.access import COMMAND_LINE
from inspector.services.demo_data import seed_demo

NOW = datetime(2026, 11, 20, 15, tzinfo=UTC)
TOOLS = ("sha256sum", "openssl", "sh", "sed", "cut", "grep")


@pytest.fixture(scope="module", autouse=True)
def _tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    assert not missing, f"the third party's tools are needed for this test: {missing}"


def _own_rma(services: Any) -> str:
    """An RMA with photos whose events were all recorded at this station."""
    own = services.station.station_id
    with services.database.session() as session:
        for inspection in session.scalars(
            select(Inspection)
            .join(Photo, Photo.inspection_id == Inspection.id)
            .order_by(Inspection.started_at)
        ):
            stations = set(
                session.scalars(
                    select(AuditEvent.station_id).where(
                        (AuditEvent.inspection_id == inspection.id)
                        | (AuditEvent.return_id == inspection.return_id)
                    )
                )
            )
            if stations == {own}:
                return str(session.scalar(select(Return.rma_number).where(Return.id == inspection.return_id)))
    raise AssertionError("the demo data has no return inspected at this station only")


def _pack(services: Any, out: Path, language: str = "en") -> Path:
    services.close()
    maker = PackMaker(services.station.station_id, services.station.station_code, services.station_key())
    return build_evidence_pack(
        services.database,
        services.photos,
        services.templates,
        _own_rma(services),
        out,
        now=NOW,
        maker=maker,
        language=language, user=COMMAND_LINE,
    ).zip


def _run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["sh", "-c", command], cwd=cwd, capture_output=True, text=True, timeout=60)


def _third_party(folder: Path) -> list[str]:
    """Run the README's commands; the failures (empty: everything verified)."""
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    failures = []
    steps = [
        line.strip() for line in readme.splitlines() if line.strip().startswith(("sha256sum -c", "openssl"))
    ]
    assert steps, "the README names no commands"
    chains = sorted(p.parent for p in folder.glob("chain/*/head.txt"))
    assert chains, "no anchored chain in the pack"
    for step in steps:
        places = [folder] if "SHA256SUMS" in step else chains
        for place in places:
            if "notary" in step and not (place / "notary.txt").exists():
                continue
            result = _run(step, place)
            if result.returncode != 0 or (
                "openssl" in step and "Signature Verified Successfully" not in result.stdout + result.stderr
            ):
                failures.append(f"{step} in {place.name}: {result.stdout[-200:]} {result.stderr[-200:]}")
    loop = readme.split('prev="";', 1)[1].split('head ok"', 1)[0]
    for place in chains:
        result = _run('prev="";' + loop + 'head ok"', place)
        if result.stdout.strip() != "head ok":
            failures.append(f"link loop in {place.name}: {result.stdout[-200:]}")
    return failures


def _verify(pack: Path) -> tuple[int, str]:
    out = io.StringIO()
    return main(["evidence", "verify", str(pack)], out), out.getvalue()


@pytest.fixture
def pack(services: Any, tmp_path: Path) -> Path:
    seed_demo(
        services.database, services.photos, services.station, returns=30, inspections=12, seed=5, now=NOW
    )
    return _pack(services, tmp_path / "out")


def test_a_pack_verifies_with_standard_tools_and_offline(pack: Path, tmp_path: Path) -> None:
    folder = tmp_path / "x"
    with zipfile.ZipFile(pack) as archive:
        archive.extractall(folder)
    assert _third_party(folder) == []
    assert _verify(pack) == (0, "pack verified: every file, signature and hash link checks out\n")
    assert (folder / "keys" / "maker.pem").read_text().startswith("-----BEGIN PUBLIC KEY-----")
    assert list(folder.glob("chain/*/events/*.txt")) and list(folder.glob("photos/*"))


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


@pytest.mark.parametrize(
    "target", ["photo", "event", "link", "manifest", "head.sig", "SHA256SUMS.sig", "SHA256SUMS", "head.txt"]
)
def test_one_changed_byte_anywhere_fails(pack: Path, tmp_path: Path, target: str) -> None:
    with zipfile.ZipFile(pack) as archive:
        files = {info.filename: archive.read(info) for info in archive.infolist()}
    pick = {
        "photo": next(n for n in files if n.startswith("photos/")),
        "event": next(n for n in files if "/events/" in n),
        "link": sorted(n for n in files if "/links/" in n)[0],
        "manifest": "manifest.json",
        "head.sig": next(n for n in files if n.endswith("head.sig")),
        "SHA256SUMS.sig": "SHA256SUMS.sig",
        "SHA256SUMS": "SHA256SUMS",
        "head.txt": next(n for n in files if n.endswith("head.txt")),
    }[target]
    files[pick] = _flip(files[pick], len(files[pick]) // 2)
    forged = tmp_path / "forged.zip"
    with zipfile.ZipFile(forged, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    code, text = _verify(forged)
    assert code == 1 and text.startswith("NOT verified"), text
    folder = tmp_path / "x"
    with zipfile.ZipFile(forged) as archive:
        archive.extractall(folder)
    assert _third_party(folder), f"the README's commands did not notice a changed byte in {pick}"


def test_the_pack_speaks_its_makers_language_and_names_its_anchor(services: Any, tmp_path: Path) -> None:
    seed_demo(
        services.database, services.photos, services.station, returns=30, inspections=12, seed=5, now=NOW
    )
    pack = _pack(services, tmp_path / "nl", language="nl")
    with zipfile.ZipFile(pack) as archive:
        readme = archive.read("README.txt").decode()
        pdf = next(n for n in archive.namelist() if n.endswith(".pdf"))
        (tmp_path / "p.pdf").write_bytes(archive.read(pdf))
    assert "Zelf controleren" in readme
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "p.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Bewijsdossier" in text and "verankerd aan het controlepunt" in text
    assert not list(pack.parent.glob("*.part"))  # written atomically: no leftovers


def test_file_names_from_rma_numbers_are_sanitised() -> None:
    assert safe_name("../../etc/passwd") == "etc_passwd"
    assert safe_name("RMA 12/34\\x") == "RMA_12_34_x"
    assert safe_name("..") == "return"
