"""Central database addresses: where they come from, how to connect, and how to show them safely.

A station gets the central URL from the command line, ``INSPECTOR_CENTRAL_URL`` or its settings
(in that order). Passwords never leave this module in clear text: every message and log line
shows :func:`redact_url` instead.
"""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

import psycopg

from inspector.config import CENTRAL_URL_ENV

_KV_PASSWORD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)
_QUERY_PASSWORD = re.compile(r"((?:^|[?&;])[a-z]*password=)[^&#\s]*", re.IGNORECASE)
_SCHEME = re.compile(r"^postgres(?:ql)?(?:\+\w+)?:", re.IGNORECASE)
_WITH_AT = re.compile(r"[^\s'\"<>()]*@[^\s'\"<>()]*")


def redact_url(url: str) -> str:
    """The URL (or key=value connection string) with any password replaced by ``***``.

    Works on malformed addresses too (``postgresql//st:s3cret@db``, a missing ``//`` or ``:``, a
    password with ``@``, ``/`` or percent-encoding in it, ``?password=`` in the query): everything
    between the user name's ``:`` and the last ``@`` is a password.
    """
    if not url:
        return url
    url = _KV_PASSWORD.sub(r"\1***", url)
    url = _QUERY_PASSWORD.sub(r"\1***", url)
    head, at, tail = url.rpartition("@")
    if not at:
        return url
    if "//" in head:
        start = head.index("//") + 2
    else:
        match = _SCHEME.match(head)
        start = match.end() if match else 0
    user, colon, _password = head[start:].partition(":")
    if colon:
        head = head[:start] + user + ":***"
    return f"{head}@{tail}"


def redact_text(text: str, *secrets: str) -> str:
    """Any text (an error message, a log line) with addresses redacted and the given secrets masked."""
    text = _WITH_AT.sub(lambda m: redact_url(m.group(0)), text)
    text = _KV_PASSWORD.sub(r"\1***", text)
    text = _QUERY_PASSWORD.sub(r"\1***", text)
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


def safe_detail(exc: BaseException) -> str:
    """An exception reduced to its kind and safe context, for logs and messages.

    A database error keeps its SQLSTATE and primary message, never its DETAIL (which can carry a
    row's values: a customer's name or address); anything is redacted of passwords.
    """
    diag = getattr(exc, "diag", None)
    primary = getattr(diag, "message_primary", None) if diag is not None else None
    if primary is not None:
        state = getattr(exc, "sqlstate", None) or ""
        return redact_text(f"{type(exc).__name__} {state}: {primary}".replace(" :", ":"))
    first = str(exc).split("\n", 1)[0]
    return redact_text(f"{type(exc).__name__}: {first}")


def where_raised(exc: BaseException) -> str:
    """The kind of an exception and the file and line that raised it (no message, no values)."""
    frame = exc.__traceback__
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    place = f" at {frame.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{frame.tb_lineno}" if frame else ""
    return f"{type(exc).__name__}{place}"


def resolve_central_url(explicit: str | None, settings_url: str = "") -> str:
    """The central URL to use: the command line's, else ``INSPECTOR_CENTRAL_URL``, else the settings'."""
    return explicit or os.environ.get(CENTRAL_URL_ENV, "") or settings_url or ""


def central_url_usable(url: str) -> bool:
    """Whether ``url`` is a well-formed PostgreSQL address (host, port and database can be read)."""
    try:
        parts = urlsplit(libpq_url(url))
        _ = parts.port  # raises ValueError for a port that is not a number
    except ValueError:
        return False
    return parts.scheme in ("postgresql", "postgres") and bool(parts.hostname or "host=" in parts.query)


def libpq_url(url: str) -> str:
    """A URL psycopg accepts (SQLAlchemy's ``postgresql+psycopg://`` spelling is normalised)."""
    return re.sub(r"^postgres(?:ql)?\+\w+://", "postgresql://", url)


def sqlalchemy_url(url: str) -> str:
    """A SQLAlchemy URL for psycopg 3."""
    return re.sub(r"^postgres(?:ql)?(?:\+\w+)?://", "postgresql+psycopg://", url)


def connect(url: str, *, autocommit: bool = False, timeout_s: int = 10) -> psycopg.Connection:
    """Open a psycopg connection to the central database with sane timeouts."""
    return psycopg.connect(
        libpq_url(url),
        autocommit=autocommit,
        connect_timeout=timeout_s,
        application_name="return-inspector-sync",
        options="-c statement_timeout=120000 -c idle_in_transaction_session_timeout=60000",
    )
