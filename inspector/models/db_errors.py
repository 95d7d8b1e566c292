"""Plain words for the station database's environment problems (locked, full, read-only, damaged...).

:class:`DatabaseProblem` is what every command (exit status 3) and the GUI (the message line) show.
:func:`explain` turns a low-level error (SQLAlchemy, sqlite3 or OSError) into one, or returns None
for a real bug. :func:`install_explanations` makes the station's engine raise DatabaseProblem itself,
so a problem met at any moment, not only while the database is opened, reaches the user in plain
words. The English texts are translated by the GUI (``inspector.ui.texts.DATABASE_PROBLEMS``);
``%1`` in a text is filled with :attr:`DatabaseProblem.values`.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError


class DatabaseProblem(Exception):
    """An environment problem with the database that the user must be told in plain words.

    ``user_message`` is fit for a dialog or the message line; ``template`` is its English text with
    ``%1`` ... placeholders for ``values`` (what the GUI translates); the technical cause is ``detail``
    and goes to the log. ``kind`` names the problem for code (``locked``, ``full``, ``damaged``...).
    """

    def __init__(
        self, user_message: str, detail: str = "", *, values: tuple[str, ...] = (), kind: str = ""
    ) -> None:
        self.template = user_message
        self.values = tuple(str(v) for v in values)
        for number in range(len(self.values), 0, -1):
            user_message = user_message.replace(f"%{number}", self.values[number - 1])
        super().__init__(user_message)
        self.user_message = user_message
        self.detail = detail
        self.kind = kind


LOCKED = (
    "The database is busy or locked by another program. "
    "Close other Return Inspector windows on this PC and try again."
)
FULL = "The disk is full. Free some space; nothing already saved is lost."
IO_ERROR = "The disk could not be read or written. Check the drive; nothing saved is lost."
NOT_A_DATABASE = (
    "The database file is damaged or is not a Return Inspector database. "
    "Restore it from the backups folder or ask IT for help."
)
DAMAGED = "The database file is damaged. Restore it from the backups folder or ask IT for help."
READ_ONLY = "The database is read-only. Check the permissions of the data folder."
CANNOT_OPEN = "The database file cannot be opened. Check that the data folder exists and is writable."
STALE_SHM = (
    "The database's helper file %1 is read-only (left behind when the database itself was read-only). "
    "Close Return Inspector, make that file writable or delete it, and start again; nothing is lost."
)
FOLDER_NOT_WRITABLE = (
    "%1 cannot be read or written (no permission, or a read-only disk). "
    "Check the permissions; nothing already saved is lost."
)
NEEDS_UPGRADE = (
    "The database is older than this version and cannot be upgraded while it is read-only. "
    "Run 'inspector db upgrade' with write access."
)

FULL_BELOW_BYTES = 256 * 1024
"""A disk I/O error with less free space than this is reported as a full disk."""

# (text in SQLite's error, message, kind), checked in order.
KNOWN_SQLITE_ERRORS: tuple[tuple[str, str, str], ...] = (
    ("database is locked", LOCKED, "locked"),
    ("database table is locked", LOCKED, "locked"),
    ("database or disk is full", FULL, "full"),
    ("disk i/o error", IO_ERROR, "io"),
    ("file is not a database", NOT_A_DATABASE, "damaged"),
    ("database disk image is malformed", DAMAGED, "damaged"),
    ("attempt to write a readonly database", READ_ONLY, "read_only"),
    ("unable to open database file", CANNOT_OPEN, "cannot_open"),
)
MESSAGES: tuple[str, ...] = (
    *dict.fromkeys(message for _needle, message, _kind in KNOWN_SQLITE_ERRORS),
    STALE_SHM,
    FOLDER_NOT_WRITABLE,
    NEEDS_UPGRADE,
)
"""Every English message of this module (each one is translated in the GUI)."""


def explain(exc: BaseException, database: Path | None = None) -> DatabaseProblem | None:
    """Turn a known environment error into a :class:`DatabaseProblem`; None for real bugs.

    With ``database`` (the file's path) a read-only error is looked into further: a stale ``-shm``
    file left read-only is named.
    """
    if isinstance(exc, DatabaseProblem):
        return exc
    cause = getattr(exc, "orig", None) or exc
    message = str(cause).lower()
    if isinstance(exc, DBAPIError | sqlite3.Error):
        for needle, user_message, kind in KNOWN_SQLITE_ERRORS:
            if needle in message:
                if kind in ("read_only", "cannot_open") and database is not None:
                    stale = stale_helper_file(database)
                    if stale is not None:
                        return DatabaseProblem(STALE_SHM, str(exc), values=(str(stale),), kind="stale_shm")
                if kind in ("io", "cannot_open") and database is not None and _disk_full(database):
                    return DatabaseProblem(FULL, str(exc), kind="full")  # SQLite's mmap of -shm fails so
                return DatabaseProblem(user_message, str(exc), kind=kind)
        return None
    if isinstance(exc, OSError):
        code = getattr(exc, "errno", None)
        if code in (errno.ENOSPC, errno.EDQUOT):
            return DatabaseProblem(FULL, str(exc), kind="full")
        if code == errno.EIO:
            return DatabaseProblem(IO_ERROR, str(exc), kind="io")
        if code in (errno.EACCES, errno.EPERM, errno.EROFS):
            where = str(exc.filename or "A file")
            return DatabaseProblem(FOLDER_NOT_WRITABLE, str(exc), values=(where,), kind="not_writable")
    return None


def _disk_full(database: Path) -> bool:
    """True when the disk holding ``database`` has (almost) no space left."""
    try:
        return shutil.disk_usage(database.parent).free < FULL_BELOW_BYTES
    except OSError:
        return False


def stale_helper_file(database: Path) -> Path | None:
    """The ``-shm`` or ``-wal`` file next to a writable ``database`` that this process cannot write."""
    if not os.access(database, os.W_OK):
        return None
    for suffix in ("-shm", "-wal"):
        helper = database.with_name(database.name + suffix)
        if helper.exists() and not os.access(helper, os.W_OK):
            return helper
    return None


def repair_helper_files(database: Path) -> Path | None:
    """Make a stale read-only ``-shm``/``-wal`` writable again when this user owns it.

    SQLite gives those files the database's permissions when it creates them; after a ``chmod 444``
    and back on the database they stay read-only and every write fails. Returns the file that could
    not be repaired (None when all is well).
    """
    stale = stale_helper_file(database)
    while stale is not None:
        try:
            os.chmod(stale, database.stat().st_mode & 0o777)
        except OSError:
            return stale
        if stale_helper_file(database) == stale:
            return stale
        stale = stale_helper_file(database)
    return None


def install_explanations(engine: Engine, database: Path) -> None:
    """Make ``engine`` raise :class:`DatabaseProblem` for every known environment error."""

    @event.listens_for(engine, "handle_error")
    def _explain(context: Any) -> None:
        problem = explain(context.original_exception, database)
        if problem is not None:
            raise problem from context.original_exception
