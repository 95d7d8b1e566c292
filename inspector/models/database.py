"""The station's SQLite database: engine, sessions, migrations and plain-words errors.

SQLite runs in WAL mode with foreign keys on and ``synchronous=FULL``: what the user was told is
saved survives a power cut, not only a killed process (see docs/SYNC.md, pitfall 6).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from inspector.models.backups import make_backup
from inspector.models.db_errors import (
    CANNOT_OPEN,
    DAMAGED,
    NEEDS_UPGRADE,
    NOT_A_DATABASE,
    STALE_SHM,
    DatabaseProblem,
    explain,
    install_explanations,
    repair_helper_files,
)
from inspector.paths import migrations_dir

__all__ = ["Database", "DatabaseProblem", "explain", "head_revision", "include_name", "open_database"]

log = logging.getLogger(__name__)


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's filter: the FTS5 index tables of migration 0004 are not models (not compared)."""
    return not (type_ == "table" and (name or "").startswith("returns_name_fts"))


BUSY_TIMEOUT_MS = 5000
"""How long a write waits for another program's write transaction before "the database is busy"."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA journal_mode = WAL")
    finally:
        cursor.close()


def _read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA query_only = ON")
    finally:
        cursor.close()


def create_sqlite_engine(path: Path, read_only: bool = False) -> Engine:
    """An engine on the SQLite file at ``path`` with the station's pragmas on every connection.

    ``read_only`` opens the file without ever writing it (for a read-only data directory: when
    SQLite cannot create its ``-shm`` file there, the file is read as immutable).
    """
    if read_only:
        mode = "ro" if _can_share_memory(path) else "ro&immutable=1"
        url = f"sqlite:///file:{quote(str(path))}?mode={mode}&uri=true"
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, hide_parameters=True)
        event.listen(engine, "connect", _read_only_pragmas)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        # hide_parameters: a failed statement's message never carries the values (customer data) it bound.
        engine = create_engine(
            f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, hide_parameters=True
        )
        event.listen(engine, "connect", _sqlite_pragmas)
    install_explanations(engine, path)
    return engine


def _can_share_memory(path: Path) -> bool:
    """True when a read-only connection can use the WAL's shared memory (``-shm``) next to ``path``."""
    shm = path.with_name(path.name + "-shm")
    return os.access(path.parent, os.W_OK) or (shm.exists() and os.access(shm, os.R_OK))


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

    def __init__(self, path: Path, backups_dir: Path | None = None, read_only: bool = False) -> None:
        self.path = path
        self.backups_dir = backups_dir or path.parent / "backups"
        self.read_only = read_only
        self.engine = create_sqlite_engine(path, read_only)
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
        try:
            return make_backup(self.path, self.backups_dir, label)
        except (sqlite3.Error, OSError) as exc:
            raise (explain(exc, self.path) or exc) from exc

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
            problem = explain(exc, self.path)
            if problem is None:
                raise
            raise problem from exc

    def check_integrity(self) -> str:
        """SQLite's own integrity check: ``"ok"`` or the first problem it found."""
        problems = self.integrity_problems()
        return problems[0] if problems else "ok"

    def integrity_problems(self, quick: bool = False, limit: int = 20) -> list[str]:
        """SQLite's integrity check (``quick``: without comparing indexes to tables): [] when intact.

        Damage so bad that the check itself cannot run is returned as the problem, not raised.
        """
        pragma = "quick_check" if quick else "integrity_check"
        try:
            with self.engine.connect() as connection:
                rows = [str(r[0]) for r in connection.exec_driver_sql(f"PRAGMA {pragma}({int(limit)})")]
        except DatabaseProblem as problem:
            if problem.kind != "damaged":
                raise
            return [problem.detail or problem.user_message]
        return [] if rows == ["ok"] else rows

    def ensure_intact(self) -> None:
        """Raise the plain "damaged" :class:`DatabaseProblem` when a quick check finds damage."""
        problems = self.integrity_problems(quick=True, limit=5)
        if problems:
            raise DatabaseProblem(DAMAGED, "; ".join(problems), kind="damaged")

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def open_database(
    path: Path, backups_dir: Path | None = None, migrate: bool = True, read_only: bool = False
) -> Database:
    """Open (and by default migrate) the station database, raising DatabaseProblem in plain words.

    ``read_only`` never writes the file (nor migrates it: an older file is refused with a message).
    A ``-shm``/``-wal`` file left read-only by an earlier ``chmod`` is made writable again when this
    user owns it, and named in the message when not.
    """
    if path.exists() and path.stat().st_size > 0:
        try:
            with path.open("rb") as handle:
                header = handle.read(16)
        except OSError as exc:
            raise (explain(exc) or DatabaseProblem(CANNOT_OPEN, str(exc), kind="cannot_open")) from exc
        if header != b"SQLite format 3\x00":
            raise DatabaseProblem(NOT_A_DATABASE, f"{path}: bad header {header!r}", kind="damaged")
        if not read_only and (stale := repair_helper_files(path)) is not None:
            raise DatabaseProblem(
                STALE_SHM, f"{stale} is not writable", values=(str(stale),), kind="stale_shm"
            )
    database = Database(path, backups_dir, read_only)
    try:
        if read_only:
            if database.current_revision() != head_revision():
                raise DatabaseProblem(NEEDS_UPGRADE, f"{path} is at {database.current_revision()}")
        elif migrate:
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
