"""Reading the central database with the station's own models: review, detail, evidence, reports.

:class:`CentralReader` is what the review and report services get instead of the station's
:class:`~inspector.models.database.Database` when a supervisor or team lead looks at the whole
warehouse: an SQLAlchemy engine on the central PostgreSQL database (through the station's login, so
row-level security shows its own warehouse only) whose sessions are read-only transactions, and
:class:`CentralPhotoFiles`, which fetches photo blobs from ``photo_chunks`` into a local cache and
checks their SHA-256 from the bytes central holds now, not from a cached copy.

The central schema carries every column the models map (central revision c0003), so the same
queries run on both databases.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session

from inspector.models.database import DatabaseProblem
from inspector.services.audit import MemoryChains
from inspector.services.photo_store import write_atomically
from inspector.sync.urls import redact_text, safe_detail, sqlalchemy_url

log = logging.getLogger(__name__)


class CentralUnavailable(DatabaseProblem):
    """The central database cannot be read now; ``code`` says why (the GUI shows it translated).

    Codes: ``offline`` (unreachable), ``login`` (refused this station's login), ``schema`` (not
    migrated for this version), ``rights`` (the login may not read it), ``busy`` (starting up,
    shutting down or every connection in use), ``address`` (the URL cannot be used).
    """

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(MESSAGES[code], detail)
        self.code = code


MESSAGES = {
    "offline": "The central database cannot be reached. Check the network, or look at this station's "
               "own records instead.",
    "login": "The central database refused this station's login. Ask IT to check the central URL in "
             "Settings.",
    "schema": "The central database is not set up for this version. Ask IT to run "
              "'inspector central upgrade' and 'inspector central roles'.",
    "rights": "This station's login may not read the central database. Ask IT to run "
              "'inspector central roles'.",
    "busy": "The central database is starting up or shutting down. Try again in a minute.",
    "address": "The central database address in Settings is not valid. Ask IT for the right one.",
}
_PATTERNS = (
    ("password authentication failed", "login"), ("no pg_hba.conf entry", "login"), ('role "', "login"),
    ("does not exist", "schema"), ("permission denied", "rights"), ("the database system is", "busy"),
)


def _problem(exc: DBAPIError) -> CentralUnavailable | None:
    """The plain-words problem behind a database error, or None for a bug (a wrong query)."""
    cause = exc.orig if exc.orig is not None else exc
    text_ = str(cause).lower()
    detail = safe_detail(cause)
    for needle, code in _PATTERNS:
        if needle in text_:
            return CentralUnavailable(code, detail)
    if isinstance(cause, psycopg.OperationalError) or exc.connection_invalidated:
        return CentralUnavailable("offline", detail)
    return None


_SERVER_OPTIONS = "-c statement_timeout=60000 -c idle_in_transaction_session_timeout=60000"


class CentralReader:
    """Read-only sessions on the central database, and its photos (thread-safe; close when done)."""

    def __init__(self, url: str, cache_dir: Path, *, timeout_s: int = 5) -> None:
        self.url = url
        self.cache_dir = cache_dir
        self._timeout_s = timeout_s
        self._engine: Engine | None = None
        self._engine_lock = threading.Lock()
        self.photos = CentralPhotoFiles(self, cache_dir)
        self.chains = MemoryChains()  # read-only here: checkpoints last while the program runs

    @property
    def engine(self) -> Engine:
        """The connection pool, made on first use (a malformed URL is a plain ``address`` problem then,
        in the worker that reads, never while a screen is being built)."""
        with self._engine_lock:
            if self._engine is None:
                try:
                    self._engine = create_engine(
                        sqlalchemy_url(self.url),
                        pool_pre_ping=True,
                        hide_parameters=True,
                        pool_size=4,
                        max_overflow=4,
                        pool_timeout=15,
                        connect_args={
                            "connect_timeout": self._timeout_s,
                            "application_name": "return-inspector-review",
                            "options": _SERVER_OPTIONS,
                        },
                    )
                except (ArgumentError, ValueError, ImportError) as exc:
                    raise CentralUnavailable("address", redact_text(str(exc))) from exc
            return self._engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in a read-only transaction; connection problems become :class:`CentralUnavailable`."""
        try:
            with Session(self.engine, expire_on_commit=False) as session:
                session.execute(text("SET TRANSACTION READ ONLY"))
                try:
                    yield session
                finally:
                    session.rollback()
        except DBAPIError as exc:
            problem = _problem(exc)
            if problem is None:
                raise
            log.warning("Central read failed: %s (%s)", problem.code, problem.detail)
            raise problem from exc
        except PoolTimeout as exc:  # every connection busy for 15 s
            raise CentralUnavailable("busy", str(exc)) from exc

    def close(self) -> None:
        """Close the connection pool."""
        if self._engine is not None:
            self._engine.dispose()


class CentralPhotoFiles:
    """Photos of central inspections, fetched on demand (see :class:`inspector.services.sources.PhotoFiles`).

    Each photo record is fetched by its own id, into ``<cache>/<photo id><suffix>``. ``file_of``
    fetches when the file is not cached yet; ``check`` always fetches the bytes central holds now
    and hashes them, so a blob changed centrally after it was cached still shows up as changed.
    """

    def __init__(self, reader: CentralReader, cache_dir: Path) -> None:
        self._reader = reader
        self.photos_dir = cache_dir
        self._lock = threading.Lock()

    def file_of(self, photo_id: uuid.UUID, relative_path: str) -> Path:
        """The cached file of the photo record (fetched if missing; absent when central lacks it).

        Call :meth:`check` first when both are wanted: it refreshes the cache, so this reads nothing.
        """
        target = self._target(photo_id, relative_path)
        if not target.exists():
            self._fetch(photo_id, target)
        return target

    def check(self, photo_id: uuid.UUID, relative_path: str, sha256: str) -> bool:
        """True when central holds the complete photo and its bytes have the recorded hash.

        Always reads central's bytes now (and refreshes the cached copy with them)."""
        data = self._fetch(photo_id, self._target(photo_id, relative_path))
        return data is not None and hashlib.sha256(data).hexdigest() == sha256

    def _target(self, photo_id: uuid.UUID, relative_path: str) -> Path:
        suffix = Path(relative_path).suffix.lower()
        return self.photos_dir / f"{uuid.UUID(str(photo_id))}{suffix if suffix.isascii() else ''}"

    def _fetch(self, photo_id: uuid.UUID, target: Path) -> bytes | None:
        with self._reader.session() as session:
            complete = session.execute(
                text("SELECT blob_complete FROM photos WHERE id = :id"), {"id": photo_id}).scalar()
            if not complete:
                target.unlink(missing_ok=True)  # never show an old copy of a blob central lacks
                return None
            chunks: list[Any] = list(session.execute(
                text("SELECT data FROM photo_chunks WHERE photo_id = :id ORDER BY n"), {"id": photo_id},
            ).scalars())
        data = b"".join(bytes(chunk) for chunk in chunks)
        with self._lock:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, data)
        return data
