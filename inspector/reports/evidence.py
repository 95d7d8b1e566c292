"""Evidence packs: a PDF and a ZIP that let anyone check what was found when a return was inspected.

``build_evidence_pack`` writes, for one return (by RMA number), into ``out_dir``:

* ``evidence_<RMA>.pdf``: the return and the customer's announced reason, every answer, the photos
  with capture time, station and SHA-256, the grade history, the audit timeline and the result of
  verifying the hash chains and the photo files (see :mod:`inspector.reports.evidence_pdf`);
* ``evidence_<RMA>.zip``: the original photo files under ``photos/``, the PDF, ``manifest.json``
  (every photo's recorded and actual SHA-256, the audit events with their hashes, the chain
  results, the anchors, the records), ``records/<inspection>.txt`` (each finished inspection's
  record as shown, the exact bytes its record hash is taken over), per station ``chain/<station>/``
  with the events hash-linked to a signed checkpoint (:mod:`inspector.reports.evidence_chain`),
  ``keys/maker.pem``, a ``README.txt`` in the maker's language with the exact ``sha256sum``/
  ``openssl`` commands, and ``SHA256SUMS`` (every file; photos with the hash *recorded at
  inspection time*) signed by the making station
  (``SHA256SUMS.sig``). A single changed byte anywhere fails a check.

Both files are written atomically (temporary file, fsync, rename); their names come from the RMA
number with anything but letters, digits, ``-`` and ``_`` replaced. ``inspector evidence RMA --out
DIR`` runs :func:`run_evidence`; ``inspector evidence verify PACK.zip`` checks a pack offline
(:mod:`inspector.reports.evidence_verify`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
import uuid
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from inspector import APP_NAME, __version__
from inspector.models.database import Database
from inspector.models.db_errors import explain
from inspector.reports.evidence_chain import SignedHead, chain_files, is_central, signed_head
from inspector.reports.evidence_pdf import write_evidence_pdf
from inspector.reports.evidence_readme import readme
from inspector.services.access import COMMAND_LINE, Action, authorise
from inspector.services.audit import WalkCancelled
from inspector.services.checklist_model import ChecklistTemplate
from inspector.services.checkpoints import make_checkpoint
from inspector.services.inspection_detail import InspectionDetail, PhotoEvidence, load_detail
from inspector.services.photo_store import replace_durably
from inspector.services.record_hash import record_preimage
from inspector.services.review import ReviewService
from inspector.services.signing import SigningKey
from inspector.services.sources import PhotoFiles, Sessions
from inspector.services.users import UserInfo

if TYPE_CHECKING:
    from inspector.app import Services


@dataclass(frozen=True)
class PackMaker:
    """The station that makes a pack: it signs SHA256SUMS, and its own chain's head when needed."""

    station_id: uuid.UUID
    station_code: str
    key: SigningKey


log = logging.getLogger(__name__)

def safe_name(text: str) -> str:
    """A file-name part from an RMA number: letters, digits, ``-`` and ``_`` only, at most 64."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "_", text.strip()).strip("_")[:64]
    return cleaned or "return"


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
        """True when every chain, photo file and inspection record verified."""
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
         "hash": e.hash,
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


def _anchors(database: Sessions, details: tuple[InspectionDetail, ...], maker: PackMaker | None
             ) -> tuple[dict[str, SignedHead], dict[str, bytes]]:
    """Per station shown: its signed head (this station signs its own now if it has none) and files."""
    ids = {c.station_code: c.report.station_id for d in details for c in d.chains if c.report.station_id}
    shown: dict[str, set[int]] = {}
    for detail in details:
        for event in detail.timeline:
            shown.setdefault(event.station_code, set()).add(event.seq)
    heads: dict[str, SignedHead] = {}
    files: dict[str, bytes] = {}
    for code, seqs in sorted(shown.items()):
        station_id = ids.get(code)
        if station_id is None:
            continue
        with database.session() as session:
            head = signed_head(session, station_id, max(seqs))
            central = is_central(session)
        if head is None and maker is not None and not central and station_id == maker.station_id:
            try:
                with database.session() as session:  # the station's own database: sign its head now
                    make_checkpoint(session, station_id, maker.station_code, maker.key)
            except Exception as exc:  # a read-only database: the pack goes without a new head
                problem = explain(exc)
                if problem is None or problem.kind != "read_only":
                    raise
                log.warning("evidence: cannot sign the chain head of a read-only database (%s)", code)
            with database.session() as session:
                head = signed_head(session, station_id, max(seqs))
        if head is None:
            continue
        heads[code] = head
        with database.session() as session:
            files.update(chain_files(session, head, seqs, f"chain/{safe_name(code)}"))
    return heads, files


def build_evidence_pack(database: Sessions, photos: PhotoFiles, templates: Mapping[str, ChecklistTemplate],
                        rma: str, out_dir: Path, *, language: str = "en", time_zone: str = "UTC",
                        now: datetime | None = None, progress: Callable[[int, int], None] | None = None,
                        cancel: Callable[[], bool] | None = None, maker: PackMaker | None = None,
                        user: UserInfo | None) -> EvidencePack:
    """Check and write the evidence pack of one return; :class:`UnknownReturn` when nothing was inspected.

    Every chain involved is walked whole, which takes a while on a station with a long history:
    ``progress(done, total)`` counts the inspections checked and the writing, and ``cancel()``
    returning True stops it with :class:`EvidenceCancelled` before anything is written. ``maker`` (the
    station making the pack) signs ``SHA256SUMS`` and, reading its own database (not the central one),
    its chain's current head when no signed checkpoint covers the events shown yet. ``user`` must be
    allowed to make evidence packs (PermissionDenied otherwise).
    """
    authorise(user, Action.EVIDENCE, database if isinstance(database, Database) else None)
    ids = ReviewService(database, user).inspections_of_rma(rma)
    if not ids:
        raise UnknownReturn(rma)
    details_list = []
    for number, inspection_id in enumerate(ids):
        if cancel is not None and cancel():
            raise EvidenceCancelled()
        try:
            detail = load_detail(database, photos, templates, inspection_id, language, cancel=cancel,
                user=user)
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
    heads, chain = _anchors(database, details, maker)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    pdf_path = out_dir / f"evidence_{safe_name(code)}.pdf"
    zip_path = out_dir / f"evidence_{safe_name(code)}.zip"
    numbered = [photo for detail in details for photo in detail.photos]
    names = {photo.id: photo_name(n, photo) for n, photo in enumerate(numbered, start=1)}
    pdf_tmp = pdf_path.with_name(pdf_path.name + ".part")
    write_evidence_pdf(pdf_tmp, code, details, names, generated_at, language=language, time_zone=time_zone,
                       anchors=heads)
    manifest = build_manifest(code, details, names, generated_at)
    manifest["anchors"] = [
        {"station": station, "folder": f"chain/{safe_name(station)}", "seq": head.seq, "hash": head.hash,
         "notarised": bool(head.notary_text)} for station, head in sorted(heads.items())]
    manifest["how_to_check"] = "see README.txt, or run: inspector evidence verify " + zip_path.name
    records = {f"records/{d.inspection_id}.txt": record_preimage(d.record_fields)
               for d in details if d.finished_at is not None and d.record_fields}
    manifest["records"] = [
        {"inspection_id": str(d.inspection_id), "file": f"records/{d.inspection_id}.txt",
         "state": d.record.state, "field": d.record.field or None,
         "settled_by": {"station": d.record.event_station, "seq": d.record.event_seq}
         if d.record.event_seq is not None else None}
        for d in details if f"records/{d.inspection_id}.txt" in records]
    contents: dict[str, bytes] = {
        "manifest.json": (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8"),
        pdf_path.name: pdf_tmp.read_bytes(), **chain, **records,
        "README.txt": readme(language, safe_name(code), generated_at.strftime("%Y-%m-%d %H:%M UTC"),
                             maker.station_code if maker else "?",
                             [(safe_name(s), bool(h.notary_text)) for s, h in sorted(heads.items())]
                             ).encode("utf-8"),
    }
    if maker is not None:
        contents["keys/maker.pem"] = maker.key.public_pem.encode("ascii")
    sums = [f"{photo.sha256}  {names[photo.id]}" for photo in numbered if photo.path.exists()]
    sums += [f"{hashlib.sha256(data).hexdigest()}  {name}" for name, data in sorted(contents.items())]
    sums_bytes = ("\n".join(sums) + "\n").encode("utf-8")
    partial = zip_path.with_name(zip_path.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for photo in numbered:
            if photo.path.exists():
                # Photos are already compressed: stored as they are, byte for byte.
                archive.write(photo.path, names[photo.id], compress_type=zipfile.ZIP_STORED)
        for name, data in sorted(contents.items()):
            archive.writestr(name, data)
        archive.writestr("SHA256SUMS", sums_bytes)
        if maker is not None:
            archive.writestr("SHA256SUMS.sig", maker.key.sign(sums_bytes))
    replace_durably(pdf_tmp, pdf_path)
    replace_durably(partial, zip_path)
    if progress is not None:
        progress(len(ids) + 1, len(ids) + 1)
    return EvidencePack(code, pdf_path, zip_path, details)


def run_evidence(services: Services, rma: str, out_dir: Path, out: TextIO, source: str = "local") -> int:
    """The ``inspector evidence`` command: 0 when the pack is written and every check passed.

    1 when the RMA has no inspections, or when the pack was written but shows broken evidence
    (a broken audit chain, a photo file that no longer matches its recorded hash, or an inspection record
    that is not the one its settling event recorded). ``source`` is
    ``local``, ``central`` or ``auto`` (central when configured); an unreachable central database
    raises :class:`~inspector.models.database.DatabaseProblem` (exit 3 in the CLI).
    """
    from inspector.reports.words import resolve_language

    language = resolve_language(services.settings.language)
    data = services.source(source)
    maker = PackMaker(services.station.station_id, services.station.station_code, services.station_key())
    try:
        pack = build_evidence_pack(data.database, data.photos, services.templates, rma, out_dir,
                                   language=language, time_zone=services.station.time_zone, maker=maker,
                                   user=COMMAND_LINE)
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
    for detail in pack.details:
        if not detail.record_ok:
            out.write(f"inspection {detail.inspection_id}: {detail.record.describe()}\n")
    for photo in (photo for detail in pack.details for photo in detail.photos if not photo.ok):
        problem = "does NOT match its recorded SHA-256" if not photo.file_ok else "is not in the audit log"
        out.write(f"photo {photo.sha256[:12]} ({photo.tag}): {problem}\n")
    if not pack.evidence_ok:
        out.write("WARNING: the evidence is broken; the pack says where.\n")
        return 1
    out.write("evidence verified\n")
    return 0


def run_verify_pack(path: Path, out: TextIO) -> int:
    """``inspector evidence verify PACK.zip``: 0 when every check holds, else 1 with the first problem."""
    from inspector.reports.evidence_verify import verify_pack

    problems = verify_pack(path)
    if problems:
        out.write(f"NOT verified: {problems[0]}\n")
        return 1
    out.write("pack verified: every file, signature and hash link checks out\n")
    return 0
