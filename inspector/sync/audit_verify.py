"""``inspector audit verify``: every local chain, this station's signed checkpoints, and central's anchor.

A chain alone proves only that it is internally consistent: an empty database, a chain cut off at
the end, or one rewritten whole (with its checkpoints) verifies too. So the command also compares
this station's chain with what the central database holds (its newest event and newest signed head
of this station, and any open conflict about its audit events), and says plainly when it cannot
("not anchored": no central database is configured, or it cannot be reached).
"""

from __future__ import annotations

import contextlib
import json
from typing import Any, TextIO

from sqlalchemy import select

from inspector.models import AuditEvent, SyncState
from inspector.services.audit import StoredChains, verify_all_chains
from inspector.services.audit_records import verify_records
from inspector.services.checkpoints import check_checkpoints
from inspector.sync.anchor import central_head, compare
from inspector.sync.errors import explain_sync_error
from inspector.sync.urls import connect


def _central(services: Any, url: str) -> tuple[bool, list[str], str]:
    """(anchored, problems, note) from comparing with the central database."""
    if not url:
        return False, [], ("NOT anchored: no central database is configured, so a shortened or rewritten "
                           "copy of this database would verify as well")
    try:
        with connect(url) as conn, conn.cursor() as cur:
            head = central_head(cur, services.station.station_id)
    except Exception as exc:  # unreachable, refused: say so, never pretend it matched
        reason = explain_sync_error(exc).user_message
        return False, [], f"NOT anchored: the central database cannot be read ({reason})"
    problems = compare(services.database, services.station.station_id, head)
    if head.seq is None:
        note = "anchored: the central database holds no events of this station yet"
    else:
        note = (f"anchored: the central database holds this station's chain up to event {head.seq}"
                + (f", signed up to {head.signed_seq}" if head.signed_seq else ""))
    return True, problems, note


def _remembered(session: Any, reports: list[Any]) -> list[str]:
    """Walk checkpoints stored by earlier verifications (review, this command) the chains no longer reach.

    An attacker who deletes events (all of them, or the newest) without also editing ``sync_state``
    is caught here, central database or not.
    """
    lengths = {str(r.station_id): r for r in reports}
    problems = []
    for state in session.scalars(select(SyncState).where(SyncState.key.startswith(StoredChains.PREFIX))):
        station = state.key[len(StoredChains.PREFIX):]
        seq, _, digest = state.value.partition(":")
        if not seq.isdigit():
            continue
        report = lengths.get(station)
        if report is None or (report.ok and report.length < int(seq)):
            problems.append(f"station {station}: event {seq} was verified before and is gone now "
                            "(events were removed)")
        elif report.ok:
            found = session.scalar(select(AuditEvent.hash).where(
                AuditEvent.station_id == report.station_id, AuditEvent.seq == int(seq)))
            if found != digest:
                problems.append(f"station {station}: event {seq} is not the one verified before "
                                "(the chain was rewritten)")
    return problems


def _remember(services: Any, reports: list[Any]) -> None:
    """Store how far each intact chain verified (best effort: a read-only database only forgets)."""
    memory = StoredChains(services.database)
    for report in reports:
        if report.ok and report.head is not None:
            with contextlib.suppress(Exception):  # read-only or locked: the verdict stands
                memory.remember(report.station_id, report.head)


def run_audit_verify(services: Any, as_json: bool, out: TextIO) -> int:
    """Verify and report; 0 when nothing is wrong (even when not anchored, which is said), else 1."""
    with services.database.session() as session:
        reports = verify_all_chains(session)
        problems = check_checkpoints(session, services.station.station_id, services.station_key())
    with services.database.session() as session:
        records = verify_records(session)
        problems += _remembered(session, reports)
    _remember(services, reports)
    anchored, central_problems, note = _central(services, services.central_url())
    problems += central_problems
    ok = all(r.ok for r in reports) and not problems and records.ok
    if as_json:
        out.write(json.dumps({"ok": ok, "chains": [r.to_json() for r in reports], "anchored": anchored,
                              "anchor": note, "problems": problems, "records": records.to_json()}) + "\n")
        return 0 if ok else 1
    for report in reports:
        if report.ok:
            out.write(f"station {report.station_id}: {report.events_checked} events, chain verified\n")
        else:
            out.write(f"station {report.station_id}: BROKEN at event {report.broken_seq} "
                      f"({report.broken_event_id}): {report.reason}\n")
    if not reports:
        out.write("no audit events here\n")
    for line in records.lines():
        out.write(f"NOT verified: {line}\n")
    if records.verified:
        out.write(f"{records.verified} inspection records verified against their settling events\n")
    for problem in problems:
        out.write(f"PROBLEM: {problem}\n")
    out.write(note + "\n")
    return 0 if ok else 1
