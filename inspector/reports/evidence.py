"""Evidence packs: a PDF and a ZIP that let anyone check what was found when a return was inspected.

``build_evidence_pack`` writes, for one return (by RMA number), into ``out_dir``:

* ``evidence_<RMA>.pdf``: the return and the customer's announced reason, every answer, the photos
  with capture time, station and SHA-256, the grade history, the audit timeline and the result of
  verifying the hash chains and the photo files (see :mod:`inspector.reports.evidence_pdf`);
* ``evidence_<RMA>.zip``: the original photo files under ``photos/``, the PDF, ``manifest.json``
  (every photo's recorded and actual SHA-256, the audit events with their hashes, the chain
  results) and ``SHA256SUMS`` in ``sha256sum -c`` format. ``SHA256SUMS`` lists each photo with the
  hash *recorded at inspection time*, so a photo file changed since then fails the check.

``inspector evidence RMA --out DIR`` runs :func:`run_evidence`.
"""

from __future__ import annotations

import hashlib
import json
import sys
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from inspector import APP_NAME, __version__
from inspector.reports.evidence_pdf import write_evidence_pdf
from inspector.services.audit import WalkCancelled
from inspector.services.checklist_model import ChecklistTemplate
from inspector.services.inspection_detail import InspectionDetail, PhotoEvidence, load_detail
from inspector.services.review import ReviewService
from inspector.services.sources import PhotoFiles, Sessions

if TYPE_CHECKING:
    from inspector.app import Services


class EvidenceCancelled(Exception):
    """The caller's cancel check returned True; nothing was written."""


class UnknownReturn(LookupError):
    """No inspected return has this RMA number."""


@dataclass(frozen=True)
class EvidencePack:
    """What was written, and whether every piece of evidence checked out."""

    rma: str
    pdf: Path
    zip: Path
    details: tuple[InspectionDetail, ...]

    @property
    def evidence_ok(self) -> bool:
        """True when every chain verified and every photo file matches its recorded hash."""
        return all(detail.evidence_ok for detail in self.details)


def photo_name(index: int, photo: PhotoEvidence) -> str:
    """The photo's file name inside the ZIP: order, tag and full SHA-256."""
    suffix = photo.path.suffix or ".jpg"
    tag = "".join(c if c.isalnum() or c in "-_" else "-" for c in photo.tag) or "photo"
    return f"photos/{index:02d}_{tag}_{photo.sha256}{suffix}"


def _sha256(path: Path) -> str | None:
    if not path.exists():
        return None
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def build_manifest(rma: str, details: tuple[InspectionDetail, ...], names: Mapping[Any, str],
                   generated_at: datetime) -> dict[str, Any]:
    """The manifest.json of a pack: photos with recorded and actual hashes, events, chain results."""
    photos = []
    for detail in details:
        for photo in detail.photos:
            actual = _sha256(photo.path)
            photos.append({
                "file": names[photo.id], "sha256": photo.sha256, "file_sha256": actual,
                "size_bytes": photo.path.stat().st_size if actual else None,
                "matches_recorded_hash": actual == photo.sha256, "recorded_in_audit_log": photo.recorded,
                "tag": photo.tag, "taken_at": photo.taken_at.isoformat(), "station": photo.station_code,
                "inspection_id": str(detail.inspection_id),
            })
    chains: dict[str, dict[str, Any]] = {}
    for detail in details:
        for check in detail.chains:
            chains[check.station_code] = {"station": check.station_code, **check.report.to_json()}
    events = [
        {"station": e.station_code, "seq": e.seq, "occurred_at": e.at.isoformat(), "action": e.action,
         "actor": e.actor, "inspection_id": str(detail.inspection_id), "photo_hashes": list(e.photo_hashes),
         "content_matches_hash": e.intact, "chain_verified": e.verified}
        for detail in details for e in detail.timeline
    ]
    return {
        "rma": rma, "generated_at": generated_at.isoformat(), "generator": f"{APP_NAME} {__version__}",
        "evidence_ok": all(d.evidence_ok for d in details),
        "how_to_check": "unzip, then run: sha256sum -c SHA256SUMS",
        "inspections": [str(d.inspection_id) for d in details], "chains": list(chains.values()),
        "photos": photos, "audit_events": events,
    }


def build_evidence_pack(database: Sessions, photos: PhotoFiles, templates: Mapping[str, ChecklistTemplate],
                        rma: str, out_dir: Path, *, language: str = "en", time_zone: str = "UTC",
                        now: datetime | None = None, progress: Callable[[int, int], None] | None = None,
                        cancel: Callable[[], bool] | None = None) -> EvidencePack:
    """Check and write the evidence pack of one return; :class:`UnknownReturn` when nothing was inspected.

    Every chain involved is walked whole, which takes a while on a station with a long history:
    ``progress(done, total)`` counts the inspections checked and the writing, and ``cancel()``
    returning True stops it with :class:`EvidenceCancelled` before anything is written.
    """
    ids = ReviewService(database).inspections_of_rma(rma)
    if not ids:
        raise UnknownReturn(rma)
    details_list = []
    for number, inspection_id in enumerate(ids):
        if cancel is not None and cancel():
            raise EvidenceCancelled()
        try:
            detail = load_detail(database, photos, templates, inspection_id, language, cancel=cancel)
            details_list.append(detail)
        except WalkCancelled as exc:
            raise EvidenceCancelled() from exc
        if progress is not None:
            progress(number + 1, len(ids) + 1)
    if cancel is not None and cancel():
        raise EvidenceCancelled()
    details = tuple(details_list)
    code = details[0].facts.rma or rma.strip().upper()
    generated_at = (now or datetime.now(UTC)).astimezone(UTC)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    pdf_path = out_dir / f"evidence_{code}.pdf"
    zip_path = out_dir / f"evidence_{code}.zip"
    numbered = [photo for detail in details for photo in detail.photos]
    names = {photo.id: photo_name(n, photo) for n, photo in enumerate(numbered, start=1)}
    write_evidence_pdf(pdf_path, code, details, names, generated_at, language=language, time_zone=time_zone)
    manifest = build_manifest(code, details, names, generated_at)
    manifest_bytes = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    sums = [f"{photo.sha256}  {names[photo.id]}" for photo in numbered]
    sums.append(f"{hashlib.sha256(manifest_bytes).hexdigest()}  manifest.json")
    sums.append(f"{_sha256(pdf_path)}  {pdf_path.name}")
    partial = zip_path.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for photo in numbered:
            if photo.path.exists():
                # Photos are already compressed: stored as they are, byte for byte.
                archive.write(photo.path, names[photo.id], compress_type=zipfile.ZIP_STORED)
        archive.write(pdf_path, pdf_path.name)
        archive.writestr("manifest.json", manifest_bytes)
        archive.writestr("SHA256SUMS", "\n".join(sums) + "\n")
    partial.replace(zip_path)
    if progress is not None:
        progress(len(ids) + 1, len(ids) + 1)
    return EvidencePack(code, pdf_path, zip_path, details)


def run_evidence(services: Services, rma: str, out_dir: Path, out: TextIO, source: str = "local") -> int:
    """The ``inspector evidence`` command: 0 when the pack is written and every check passed.

    1 when the RMA has no inspections, or when the pack was written but shows broken evidence
    (a broken audit chain or a photo file that no longer matches its recorded hash). ``source`` is
    ``local``, ``central`` or ``auto`` (central when configured); an unreachable central database
    raises :class:`~inspector.models.database.DatabaseProblem` (exit 3 in the CLI).
    """
    from inspector.reports.words import resolve_language

    language = resolve_language(services.settings.language)
    data = services.source(source)
    try:
        pack = build_evidence_pack(data.database, data.photos, services.templates, rma, out_dir,
                                   language=language, time_zone=services.station.time_zone)
    except UnknownReturn:
        where = "the central database" if data.kind == "central" else "this station"
        sys.stderr.write(f"inspector: no inspected return with RMA {rma} in {where}\n")
        return 1
    out.write(f"{pack.pdf}\n{pack.zip}\n")
    chains = {check.station_code: check.report for detail in pack.details for check in detail.chains}
    for station, report in sorted(chains.items()):
        if report.ok:
            out.write(f"station {station}: {report.events_checked} events, chain verified\n")
        else:
            out.write(f"station {station}: BROKEN at event {report.broken_seq}: {report.reason}\n")
    for photo in (photo for detail in pack.details for photo in detail.photos if not photo.ok):
        problem = "does NOT match its recorded SHA-256" if not photo.file_ok else "is not in the audit log"
        out.write(f"photo {photo.sha256[:12]} ({photo.tag}): {problem}\n")
    if not pack.evidence_ok:
        out.write("WARNING: the evidence is broken; the pack says where.\n")
        return 1
    out.write("evidence verified\n")
    return 0
