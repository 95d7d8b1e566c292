"""Sync failures in plain words: what the status bar shows, while the details go to the log."""

from __future__ import annotations

import psycopg

from inspector.sync.urls import redact_text, safe_detail


class SyncProblem(Exception):
    """A sync failure with a message fit for the user; ``detail`` (redacted) is for the log."""

    def __init__(self, user_message: str, detail: str = "") -> None:
        super().__init__(user_message)
        self.user_message = user_message
        self.detail = redact_text(detail)


SYNC_BUSY = "Another sync of this station is running; it sends what is waiting, so this run did nothing."
"""The error of a run that found another sync of the station holding its lock (not a failure)."""

_OFFLINE = (
    "The central server cannot be reached. Everything is kept on this station and sent "
    "automatically when the connection is back."
)
_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "password authentication failed",
        "The central server refused this station's login. Ask IT to check the station's sync account.",
    ),
    ("no pg_hba.conf entry", "The central server does not accept connections from this station. Ask IT."),
    ('role "', "The central server does not know this station's sync account. Ask IT."),
    (
        "does not exist",
        "The central database is missing or not set up. Ask IT to run 'inspector central upgrade'.",
    ),
    (
        "permission denied",
        "The central server refused a change from this station (permission denied). "
        "Ask IT to check the station's sync account.",
    ),
    (
        "row-level security",
        "The central server refused a record from this station (it belongs to another "
        "station or warehouse). A supervisor should look at the sync log.",
    ),
    ("terminating connection", _OFFLINE),
    ("server closed the connection", _OFFLINE),
    ("connection refused", _OFFLINE),
    ("could not translate host name", _OFFLINE),
    ("timeout expired", _OFFLINE),
    ("connection is lost", _OFFLINE),
    ("consuming input failed", _OFFLINE),
    ("the database system is", "The central server is starting up or shutting down; sync retries shortly."),
)


def explain_sync_error(exc: BaseException) -> SyncProblem:
    """Turn any exception raised while syncing into a :class:`SyncProblem` in plain words."""
    if isinstance(exc, SyncProblem):
        return exc
    lowered = str(exc).lower()
    detail = safe_detail(exc)  # kind and primary message: never a row's values or a password
    for needle, message in _PATTERNS:
        if needle in lowered:
            return SyncProblem(message, detail)
    if isinstance(exc, psycopg.OperationalError):
        return SyncProblem(_OFFLINE, detail)
    return SyncProblem(
        "Sync failed because of an unexpected error; it retries automatically. Details are in the log.",
        detail,
    )


def is_offline(problem: SyncProblem) -> bool:
    """True when the problem means the server is unreachable (as opposed to a refusal or a bug)."""
    return problem.user_message in (_OFFLINE,) or "starting up" in problem.user_message
