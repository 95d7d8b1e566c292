"""Central database addresses: where they come from, how to connect, and how to show them safely.

A station gets the central URL from the command line, ``INSPECTOR_CENTRAL_URL`` or its settings
(in that order). Passwords never leave this module in clear text: every message and log line
shows :func:`redact_url` instead.
"""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit, urlunsplit

import psycopg

from inspector.config import CENTRAL_URL_ENV

_KV_PASSWORD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)
_QUERY_PASSWORD = re.compile(r"((?:^|[?&])password=)[^&#]*", re.IGNORECASE)
_URL_IN_TEXT = re.compile(r"postgres(?:ql)?(?:\+\w+)?://[^\s'\"]+")


def redact_url(url: str) -> str:
    """The URL (or key=value connection string) with any password replaced by ``***``."""
    if not url:
        return url
    if "://" not in url:
        return _KV_PASSWORD.sub(r"\1***", url)
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparseable URL>"
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, hostinfo = netloc.rpartition("@")
        if ":" in userinfo:
            userinfo = userinfo.split(":", 1)[0] + ":***"
        netloc = f"{userinfo}@{hostinfo}"
    query = _QUERY_PASSWORD.sub(r"\1***", parts.query)
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def redact_text(text: str, *secrets: str) -> str:
    """Any text (an error message, a log line) with URLs redacted and the given secrets masked."""
    text = _URL_IN_TEXT.sub(lambda m: redact_url(m.group(0)), text)
    text = _KV_PASSWORD.sub(r"\1***", text)
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


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
