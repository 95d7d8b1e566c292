"""One sync run, Qt-free: register the station, check the epoch, push, pull, push again.

``SyncEngine.run_once()`` never raises for environment problems: it returns a :class:`SyncResult`
with ``ok`` False and a plain-words ``error`` (technical details go to the log, redacted).

One run per station at a time: a run holds an OS lock on ``sync.lock`` in the data directory
(:func:`inspector.locks.station_lock`, released by the operating system however the process ends,
``kill -9`` included). Another run waits up to ``lock_wait_s`` seconds for it and then gives up with
``busy`` set, having sent nothing.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg

from inspector.locks import Busy, station_lock
from inspector.models import Warehouse, utcnow
from inspector.models.database import Database
from inspector.models.db_errors import explain as explain_database_problem
from inspector.services.photo_store import PhotoStore
from inspector.services.setup import DEMO, station_kind
from inspector.services.signing import SigningKey
from inspector.services.station import StationContext
from inspector.sync.anchor import anchor_chain
from inspector.sync.errors import SYNC_BUSY, SyncProblem, explain_sync_error
from inspector.sync.faults import Faults, Hook
from inspector.sync.outbox_reader import pending_summary, requeue_all
from inspector.sync.people import pull_people, push_people
from inspector.sync.photos import PhotoBlobStore, PostgresPhotoBlobStore
from inspector.sync.pull import EPOCH_KEY, PullStats, pull, read_state, reset_cursor, write_state
from inspector.sync.push import Identity
from inspector.sync.stations import report_sync
from inspector.sync.upload import UploadStats, push_photos, push_records
from inspector.sync.urls import connect, redact_url, where_raised
from inspector.sync.warehouse import pull_warehouse

log = logging.getLogger(__name__)

LAST_SUCCESS_KEY = "central.last_success"
SYNC_LOCK = "sync.lock"  # in the data directory, beside the database


@dataclass
class SyncResult:
    """What one run did, and whether it finished."""

    ok: bool
    started_at: datetime
    duration_s: float = 0.0
    upload: UploadStats = field(default_factory=UploadStats)
    download: PullStats = field(default_factory=PullStats)
    pending: int = 0
    epoch_changed: bool = False
    error: str = ""
    offline: bool = False
    busy: bool = False  # another sync of this station held the lock: this run did nothing
    busy_pid: int | None = None  # that sync's process, when known
    alarms: list[str] = field(default_factory=list)  # the audit anchor's (inspector.sync.anchor)

    def summary(self) -> str:
        """One line for the console and the log (never "sync ok" while an audit alarm stands)."""
        if self.busy:
            holder = f" (process {self.busy_pid})" if self.busy_pid else ""
            return f"sync not run: {self.error.replace(';', holder + ';', 1)}"
        if not self.ok:
            return f"sync failed: {self.error}"
        sent = sum(self.upload.sent.values())
        verdict = "sync ALARM (" + " ".join(self.alarms) + ")" if self.alarms else "sync ok"
        return (
            f"{verdict} in {self.duration_s:.2f}s: sent {sent} record(s) "
            f"({self.upload.photo_bytes / 1e6:.1f} MB of photos), {self.upload.replays} replay(s), "
            f"{self.upload.conflicts} conflict(s); pulled {self.download.returns} return(s), "
            f"{self.download.lines} line(s), {self.download.conflicts} conflict flag(s); "
            f"people: {self.upload.people} sent, {self.download.people} pulled; "
            f"{self.pending} pending"
        )


class SyncEngine:
    """Synchronises one station database with the central PostgreSQL database."""

    def __init__(
        self,
        database: Database,
        photos: PhotoStore,
        station: StationContext,
        central_url: str,
        *,
        blobs: PhotoBlobStore | None = None,
        fault_hook: Hook | None = None,
        batch_size: int | None = None,
        photo_tx_bytes: int = 32 << 20,
        key: SigningKey | None = None,
        lock_wait_s: float = 0.0,
    ) -> None:
        self.database = database
        self.photos = photos
        self.station = station
        self.central_url = central_url
        self.blobs = blobs or PostgresPhotoBlobStore()
        self.fault_hook = fault_hook
        self.batch_size = batch_size or int(os.environ.get("INSPECTOR_SYNC_BATCH", "2000"))
        self.photo_tx_bytes = photo_tx_bytes
        self.key = key  # the station's signing key: without it heads are compared, not signed
        self.identity: Identity | None = None
        self.lock_wait_s = lock_wait_s  # how long a run waits for another run of this station

    @property
    def lock_path(self) -> Path:
        """The station's sync lock file (beside its database)."""
        return self.database.path.with_name(SYNC_LOCK)

    def run_once(self) -> SyncResult:
        """Push everything pending, pull what changed, and report; never raises for sync failures.

        When another sync of this station holds the lock past ``lock_wait_s``, the result has
        ``busy`` set and a plain ``error`` naming that process; nothing was sent.
        """
        began = time.monotonic()
        try:
            with station_lock(self.lock_path, "a sync", self.lock_wait_s):
                return self._run_locked()
        except Busy as busy:
            result = SyncResult(ok=False, started_at=utcnow(), busy=True, error=SYNC_BUSY)
            result.busy_pid = busy.holder_pid()
            result.pending = pending_summary(self.database)[0]
            result.duration_s = time.monotonic() - began
            log.info("%s", result.summary())
            return result
        except OSError as exc:  # the lock file cannot be made (a read-only data folder...)
            problem = explain_database_problem(exc)
            result = SyncResult(ok=False, started_at=utcnow(), duration_s=time.monotonic() - began)
            result.error = problem.user_message if problem else f"{self.lock_path} cannot be used."
            log.warning("Sync lock %s: %s", self.lock_path, exc)
            return result

    def _run_locked(self) -> SyncResult:
        result = SyncResult(ok=False, started_at=utcnow())
        began = time.monotonic()
        faults = Faults(self.fault_hook)
        try:
            if not self.central_url:
                raise SyncProblem("No central server is configured for this station (Settings, Sync).")
            if station_kind(self.database) == DEMO:
                raise SyncProblem("This station holds demo data, which never goes to a central database.")
            with connect(self.central_url) as conn:
                who = self._register(conn)
                result.epoch_changed = self._check_epoch(conn)
                result.upload.people = push_people(self.database, conn, who, self.station.warehouse_id)
                push_records(self.database, conn, who, faults, result.upload, self.batch_size)
                push_photos(
                    self.database,
                    self.photos,
                    conn,
                    who,
                    self.blobs,
                    faults,
                    result.upload,
                    max_tx_bytes=self.photo_tx_bytes,
                )
                result.alarms = anchor_chain(self.database, conn, who, self.station.station_code, self.key)
                result.download = pull(
                    self.database, conn, who.warehouse_id, self.station.warehouse_id, who.station_id
                )
                if result.download.conflicts:  # the flags pulled are this station's own changes
                    push_records(self.database, conn, who, faults, result.upload, self.batch_size)
                result.download.people = pull_people(self.database, conn, who.warehouse_id,
                                                     self.station.warehouse_id)
                pull_warehouse(self.database, conn, who.warehouse_id, self.station.warehouse_id)
                report_sync(conn, who.station_id, who.warehouse_id, *pending_summary(self.database))
            result.ok = True
            with self.database.session() as session:
                session.info["sync_pull"] = True
                write_state(session, LAST_SUCCESS_KEY, result.started_at.isoformat())
        except Exception as exc:
            problem = explain_sync_error(exc)
            result.error = problem.user_message
            result.offline = isinstance(exc, psycopg.OperationalError)
            log.warning(
                "Sync with %s failed: %s (%s)",
                redact_url(self.central_url),
                problem.user_message,
                problem.detail,
            )
            if not isinstance(exc, psycopg.Error | SyncProblem):  # where, not what: no values in the log
                log.error("Unexpected sync error %s", where_raised(exc))
        result.pending = pending_summary(self.database)[0]
        result.duration_s = time.monotonic() - began
        log.info("%s", result.summary())
        return result

    def _register(self, conn: psycopg.Connection[Any]) -> Identity:
        """Find (or, for an admin connection, create) the warehouse; register this station once."""
        station = self.station
        with conn.transaction(), conn.cursor() as cur:
            cur.execute("SELECT id FROM warehouses WHERE code = %s", (station.warehouse_code,))
            row = cur.fetchone()
            if row is None:
                try:
                    with conn.transaction():
                        cur.execute(
                            "INSERT INTO warehouses (id, code, name, time_zone) VALUES (%s, %s, %s, %s) "
                            "ON CONFLICT DO NOTHING",
                            (station.warehouse_id, station.warehouse_code, station.warehouse_name,
                             self._time_zone()),
                        )
                except psycopg.errors.InsufficientPrivilege:
                    pass
                cur.execute("SELECT id FROM warehouses WHERE code = %s", (station.warehouse_code,))
                row = cur.fetchone()
            if row is None:
                raise SyncProblem(
                    f"The central server does not know warehouse {station.warehouse_code}. Ask IT "
                    "to create this station's sync account ('inspector central roles')."
                )
            warehouse_id: uuid.UUID = row[0]
            cur.execute(
                "INSERT INTO stations (id, warehouse_id, code, name) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT DO NOTHING",
                (station.station_id, warehouse_id, station.station_code, station.station_name),
            )
            cur.execute("SELECT id FROM stations WHERE warehouse_id = %s AND code = %s",
                        (warehouse_id, station.station_code))
            found = cur.fetchone()
        if found is None or found[0] != station.station_id:
            raise SyncProblem(
                f"Station code {station.station_code} is registered centrally for another PC. "
                "Give this station its own code in Settings, or ask IT."
            )
        self.identity = Identity(warehouse_id, station.station_id)
        return self.identity

    def _time_zone(self) -> str:
        """The local time zone of this station's warehouse (central reports count its local days)."""
        with self.database.session() as session:
            warehouse = session.get(Warehouse, self.station.warehouse_id)
            return warehouse.time_zone if warehouse is not None else "Europe/Amsterdam"

    def _check_epoch(self, conn: psycopg.Connection[Any]) -> bool:
        """Detect a rewound central history (restore, new cluster); then re-upload and re-pull."""
        with conn.transaction(), conn.cursor() as cur:
            cur.execute("SELECT inspector_sync_epoch()")
            row = cur.fetchone()
        epoch = str(row[0]) if row else ""
        known = read_state(self.database, EPOCH_KEY)
        if known == epoch:
            return False
        if known is not None:
            count = requeue_all(self.database)
            reset_cursor(self.database)
            log.warning(
                "Central sync epoch changed (%s -> %s): re-sending %d record(s) and pulling again",
                known,
                epoch,
                count,
            )
        with self.database.session() as session:
            session.info["sync_pull"] = True
            write_state(session, EPOCH_KEY, epoch)
        return known is not None
