"""``inspector evidence verify PACK.zip``: check an evidence pack offline and name the first problem.

The same steps a third party takes with ``sha256sum`` and ``openssl`` (the pack's README says how):

1. every file is listed in ``SHA256SUMS`` with its SHA-256, and ``SHA256SUMS`` is signed by the
   station that made the pack (``SHA256SUMS.sig``, key ``keys/maker.pem``);
2. per chain: ``head.txt`` is signed by the chain's station (``head.sig``, ``station.pem``), and the
   notary's countersignature (when present) covers that very head;
3. the links run without a gap from the first event shown to the signed head, each naming the hash of
   the one before, the last hashing to the head's hash; each event file hashes to its link's content
   hash;
4. every audit event in ``manifest.json`` is one of those verified events, and every photo is both
   recorded in a verified event and the file with that hash;
5. for every inspection whose settling event the pack shows, ``records/<inspection>.txt`` (the
   answers, grade, refund, notes, flags and photo hashes shown) hashes to that event's
   ``record_hash``; otherwise the first field that differs is named. A record settled without a
   record hash (before they existed) is reported as not verified.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

from inspector.services.audit_hash import CONTENT_PREFIX, GENESIS_HASH, parse_link
from inspector.services.record_hash import RECORD_PREFIX, SETTLING_ACTIONS, compare_record
from inspector.services.signing import parse_head, verify

SKIP = ("SHA256SUMS", "SHA256SUMS.sig")


class PackProblem(Exception):
    """The first thing about a pack that does not check out."""


def _sums(text: bytes, where: str) -> dict[str, str]:
    listed: dict[str, str] = {}
    for line in text.decode("utf-8", "replace").splitlines():
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64:
            raise PackProblem(f"{where}: a line is not in sha256sum format: {line[:80]!r}")
        listed[name] = digest
    return listed


def _chain(files: dict[str, bytes], folder: str) -> dict[int, dict[str, Any]]:
    """Verify one chain folder; returns the verified events shown (seq -> content fields)."""
    head_text, head_sig, pem = (files.get(f"{folder}/{n}") for n in ("head.txt", "head.sig", "station.pem"))
    if head_text is None or head_sig is None or pem is None:
        raise PackProblem(f"{folder}: the signed head (head.txt, head.sig, station.pem) is missing")
    if not verify(pem.decode("ascii", "replace"), head_text, head_sig):
        raise PackProblem(f"{folder}/head.sig: the station's signature of head.txt does not verify")
    head = parse_head(head_text.decode("ascii", "replace"))
    if "seq" not in head or "hash" not in head:
        raise PackProblem(f"{folder}/head.txt: not a signed chain head")
    if f"{folder}/notary.txt" in files:
        statement = files[f"{folder}/notary.txt"]
        if not verify(files.get(f"{folder}/notary.pem", b"").decode("ascii", "replace"), statement,
                      files.get(f"{folder}/notary.sig", b"")):
            raise PackProblem(f"{folder}/notary.sig: the notary's signature does not verify")
        said = parse_head(statement.decode("ascii", "replace"))
        if said.get("head_sha256") != hashlib.sha256(head_text).hexdigest():
            raise PackProblem(f"{folder}/notary.txt: the notary countersigned another head")
    sums = _sums(files.get(f"{folder}/CHAIN.sha256", b""), f"{folder}/CHAIN.sha256")
    links = sorted(name for name in sums if name.startswith("links/"))
    if not links:
        raise PackProblem(f"{folder}: no chain links")
    prev: str | None = None
    shown: dict[int, dict[str, Any]] = {}
    seq = 0
    for name in links:
        data = files.get(f"{folder}/{name}")
        if data is None or hashlib.sha256(data).hexdigest() != sums[name]:
            raise PackProblem(f"{folder}/{name}: missing or not the event hash the chain records")
        link = parse_link(data)
        if link is not None:
            seq, link_prev, content = int(link["seq"]), link["prev"], link["content"]
        else:
            try:
                old = json.loads(data)
                seq, link_prev, content = int(old["seq"]), old["prev_hash"], ""
            except (ValueError, KeyError, TypeError) as exc:
                raise PackProblem(f"{folder}/{name}: not an audit event link") from exc
        if prev is not None and link_prev != prev:
            raise PackProblem(f"{folder}/{name}: event {seq} does not follow the event before it")
        if prev is None and seq == 1 and link_prev != GENESIS_HASH:
            raise PackProblem(f"{folder}/{name}: the first event does not start the chain")
        event_name = f"events/{seq:09d}.txt"
        if event_name in sums:
            body = files.get(f"{folder}/{event_name}", b"")
            if hashlib.sha256(body).hexdigest() != content or sums[event_name] != content:
                raise PackProblem(f"{folder}/{event_name}: the event's content is not what its hash covers")
            shown[seq] = json.loads(body[len(CONTENT_PREFIX):])
        elif link is None:
            shown[seq] = json.loads(data)
        prev = sums[name]
    if str(seq) != head["seq"] or prev != head["hash"]:
        raise PackProblem(f"{folder}: the links do not end at the signed head (event {head['seq']})")
    return shown


def verify_pack(path: Path) -> list[str]:
    """Check a pack; [] when everything holds, else [the first problem]. Notes go nowhere: it is a verdict."""
    try:
        with zipfile.ZipFile(path) as archive:
            files = {info.filename: archive.read(info) for info in archive.infolist() if not info.is_dir()}
    except (OSError, zipfile.BadZipFile) as exc:
        return [f"{path.name}: not a readable ZIP ({type(exc).__name__})"]
    try:
        _verify(files)
    except PackProblem as problem:
        return [str(problem)]
    return []


def _verify(files: dict[str, bytes]) -> None:
    sums = _sums(files.get("SHA256SUMS", b""), "SHA256SUMS")
    for name, data in files.items():
        if name in SKIP:
            continue
        if name not in sums:
            raise PackProblem(f"{name}: not listed in SHA256SUMS")
        if hashlib.sha256(data).hexdigest() != sums[name]:
            raise PackProblem(f"{name}: its SHA-256 is not the one in SHA256SUMS (the file was changed)")
    if set(sums) - set(files):
        raise PackProblem(f"{sorted(set(sums) - set(files))[0]}: listed in SHA256SUMS but missing")
    if not verify(files.get("keys/maker.pem", b"").decode("ascii", "replace"), files["SHA256SUMS"],
                  files.get("SHA256SUMS.sig", b"")):
        raise PackProblem("SHA256SUMS.sig: the signature of the station that made the pack does not verify")
    manifest = json.loads(files["manifest.json"])
    events: dict[tuple[str, int], dict[str, Any]] = {}
    for chain in manifest.get("anchors", []):
        for seq, fields in _chain(files, chain["folder"]).items():
            events[(chain["station"], seq)] = fields
    recorded = set()
    for event in manifest["audit_events"]:
        fields = events.get((event["station"], event["seq"]))
        if fields is None:
            raise PackProblem(f"manifest.json: event {event['station']} {event['seq']} is not anchored to a "
                              "signed checkpoint in this pack")
        if (fields.get("action") != event["action"]
                or list(fields.get("photo_hashes", [])) != event["photo_hashes"]):
            raise PackProblem(f"manifest.json: event {event['station']} {event['seq']} differs from the "
                              "chain")
        recorded.update(fields.get("photo_hashes", []))
    _records(files, events)
    for photo in manifest["photos"]:
        if photo["sha256"] not in recorded:
            raise PackProblem(f"{photo['file']}: its hash is not recorded in an anchored audit event")
        if hashlib.sha256(files.get(photo["file"], b"")).hexdigest() != photo["sha256"]:
            raise PackProblem(f"{photo['file']}: not the photo recorded in the audit log")


def _records(files: dict[str, bytes], events: dict[tuple[str, int], dict[str, Any]]) -> None:
    """Each inspection's record file against the latest anchored event that settles it."""
    latest: dict[str, tuple[str, int, dict[str, Any]]] = {}
    for (station, seq), fields in sorted(events.items()):
        payload = fields.get("payload") or {}
        inspection = fields.get("inspection_id")
        settles = fields.get("action") in SETTLING_ACTIONS or "record_hash" in payload
        if inspection and settles and (inspection not in latest or latest[inspection][1] < seq):
            latest[inspection] = (station, seq, payload)
    for inspection, (station, seq, payload) in sorted(latest.items()):
        name = f"records/{inspection}.txt"
        recorded = payload.get("record_hash")
        if not isinstance(recorded, str):
            raise PackProblem(f"inspection {inspection}: settled by event {station} {seq} before record "
                              "hashes existed, so its record (answers, grade, refund, notes) is NOT verified")
        data = files.get(name)
        if data is None:
            raise PackProblem(f"{name}: missing (event {station} {seq} settled this inspection's record)")
        if hashlib.sha256(data).hexdigest() == recorded:
            continue
        field = ""
        if data.startswith(RECORD_PREFIX):
            try:
                shown = json.loads(data[len(RECORD_PREFIX):])
                shown.pop("record_version", None)
                field = compare_record(shown, payload)[1]
            except (ValueError, AttributeError):
                field = ""
        what = f"the field '{field}'" if field else "the record"
        raise PackProblem(f"{name}: {what} no longer matches the record hash of event {station} {seq}")
