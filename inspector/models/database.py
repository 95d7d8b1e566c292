"""The station's SQLite database: engine, sessions, migrations and plain-words errors.

SQLite runs in WAL mode with foreign keys on and ``synchronous=FULL``: what the user was told is
saved survives a power cut, not only a killed process (see docs/SYNC.md, pitfall 6).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from inspector.paths import migrations_dir

log = logging.getLogger(__name__)


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's filter: the FTS5 index tables of migration 0004 are not models (not compared)."""
    return not (type_ == "table" and (name or "").startswith("returns_name_fts"))


class DatabaseProblem(Exception):
    """An environment problem with the database that the user must be told in plain words.

    ``user_message`` is fit for a dialog; the technical cause goes to the log.
    """

    def __init__(self, user_message: str, detail: str = "") -> None:
        super().__init__(user_message)
        self.user_message = user_message
        self.detail = detail


_KNOWN_SQLITE_ERRORS: tuple[tuple[str, str], ...] = (
    (
        "database is locked",
        "The database is busy or locked by another program. "
        "Close other Return Inspector windows on this PC and try again.",
    ),
    ("database or disk is full", "The disk is full. Free some space; nothing already saved is lost."),
    ("disk i/o error", "The disk could not be read or written. Check the drive; nothing saved is lost."),
    (
        "file is not a database",
        "The database file is damaged or is not a Return Inspector database. "
        "Restore it from the backups folder or ask IT for help.",
    ),
    (
        "database disk image is malformed",
        "The database file is damaged. Restore it from the backups folder or ask IT for help.",
    ),
    (
        "attempt to write a readonly database",
        "The database is read-only. Check the permissions of the data folder.",
    ),
    (
        "unable to open database file",
        "The database file cannot be opened. Check that the data folder exists and is writable.",
    ),
)


def explain(exc: BaseException) -> DatabaseProblem | None:
    """Turn a known environment error into a :class:`DatabaseProblem`; None for real bugs."""
    if isinstance(exc, DatabaseProblem):
        return exc
    message = str(getattr(exc, "orig", None) or exc).lower()
    if isinstance(exc, DBAPIError | sqlite3.Error | OSError):
        for needle, user_message in _KNOWN_SQLITE_ERRORS:
            if needle in message:
                return DatabaseProblem(user_message, str(exc))
        if isinstance(exc, OSError) and getattr(exc, "errno", None) == 28:
            return DatabaseProblem(_KNOWN_SQLITE_ERRORS[1][1], str(exc))
    return None


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 5000")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA journal_mode = WAL")
    finally:
        cursor.close()


def create_sqlite_engine(path: Path) -> Engine:
    """An engine on the SQLite file at ``path`` with the station's pragmas on every connection."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # hide_parameters: a failed statement's message never carries the values (customer data) it bound.
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 5}, hide_parameters=True)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config(url: str | None = None) -> AlembicConfig:
    """The Alembic configuration of the station database (scripts ship inside the package)."""
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(migrations_dir()))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def head_revision() -> str:
    """The newest migration revision this version of the application knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


class Database:
    """The station database: one engine, a session factory, migrations and backups."""

    def __init__(self, path: Path, backups_dir: Path | None = None) -> None:
        self.path = path
        self.backups_dir = backups_dir or path.parent / "backups"
        self.engine = create_sqlite_engine(path)
        self.session_factory = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose transaction commits on success and rolls back on any error."""
        with self.session_factory() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def current_revision(self) -> str | None:
        """The migration revision the database file is at (None for an empty database)."""
        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def needs_upgrade(self) -> bool:
        """True when the file is older than this version of the application."""
        return self.current_revision() != head_revision()

    def backup(self, label: str) -> Path:
        """Copy the database (consistently, through SQLite's backup API) into the backups folder."""
        self.backups_dir.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = self.backups_dir / f"{self.path.stem}-{stamp}-{label}.sqlite3"
        source = sqlite3.connect(self.path)
        try:
            destination = sqlite3.connect(target)
            try:
                source.backup(destination)
            finally:
                destination.close()
        finally:
            source.close()
        log.info("Backed up %s to %s", self.path, target)
        return target

    def upgrade(self) -> Path | None:
        """Migrate to the newest schema, backing the file up first; returns the backup's path."""
        try:
            current = self.current_revision()
            if current == head_revision():
                return None
            backup = None
            if current is not None:
                backup = self.backup(f"before-{head_revision()}-from-{current}")
            with self.engine.connect() as connection:
                # Batch migrations rebuild tables on SQLite; with foreign keys on, dropping the old
                # table would cascade-delete child rows. Foreign keys are off for the migration
                # (this cannot change inside a transaction) and checked before it commits.
                connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
                connection.commit()
                try:
                    with connection.begin():
                        cfg = alembic_config()
                        cfg.attributes["connection"] = connection
                        command.upgrade(cfg, "head")
                        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                        if broken:
                            raise RuntimeError(f"migration left broken references: {broken[:5]}")
                finally:
                    connection.exec_driver_sql("PRAGMA foreign_keys = ON")
                    connection.commit()
            log.info("Database %s migrated from %s to %s", self.path, current, head_revision())
            return backup
        except (OperationalError, DBAPIError, sqlite3.Error, OSError) as exc:
            problem = explain(exc)
            if problem is None:
                raise
            raise problem from exc

    def check_integrity(self) -> str:
        """SQLite's own integrity check: ``"ok"`` or the first problem it found."""
        with self.engine.connect() as connection:
            return str(connection.execute(text("PRAGMA integrity_check")).scalar())

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def open_database(path: Path, backups_dir: Path | None = None, migrate: bool = True) -> Database:
    """Open (and by default migrate) the station database, raising DatabaseProblem in plain words."""
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as handle:
            header = handle.read(16)
        if header != b"SQLite format 3\x00":
            raise DatabaseProblem(_KNOWN_SQLITE_ERRORS[3][1], f"{path}: bad header {header!r}")
    database = Database(path, backups_dir)
    try:
        if migrate:
            database.upgrade()
        else:
            database.current_revision()
    except DatabaseProblem:
        database.dispose()
        raise
    except Exception as exc:
        database.dispose()
        problem = explain(exc)
        if problem is None:
            raise
        raise problem from exc
    return database
