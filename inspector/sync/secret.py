"""The station's central password, kept outside the URL and outside ``settings.toml``.

The password lives in ``DATA_DIR/central.pgpass``: one line in PostgreSQL's own password-file format
(``host:port:database:user:password``), written atomically, fsynced and mode 0600
(:func:`inspector.private_files.write_private`). ``settings.toml`` keeps the URL without a password;
:func:`with_passfile` adds ``passfile=<that file>`` when connecting, so libpq itself reads the
password (and refuses a file other users could read). The same file works with ``psql``
(``PGPASSFILE=DATA_DIR/central.pgpass psql "postgresql://..."``).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from inspector.private_files import write_private

SECRET_FILE = "central.pgpass"
CA_FILE = "central-ca.pem"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def split_password(url: str) -> tuple[str, str]:
    """``(url without its password, the password or "")``; a URL without one comes back unchanged."""
    if "://" not in url:
        return url, ""
    parts = urlsplit(url)
    password = unquote(parts.password) if parts.password is not None else ""
    netloc = parts.netloc
    if parts.password is not None:
        userinfo, _, host = netloc.rpartition("@")
        netloc = f"{userinfo.partition(':')[0]}@{host}"
    query = parse_qsl(parts.query, keep_blank_values=True)
    for key, value in query:
        if key == "password":
            password = password or value
    query = [(k, v) for k, v in query if k != "password"]
    clean = urlunsplit((parts.scheme, netloc, parts.path, urlencode(query, quote_via=quote), parts.fragment))
    return clean, password


def pgpass_line(url: str, password: str) -> str:
    """The password-file line for ``url``'s database and user, on any host and port.

    The file is the station's own and holds one login, so the host is a wildcard: a central server
    reached by another name or address (a new DNS name, an IP address) keeps working; which server it
    may be is decided by the URL and, with ``sslmode=verify-full``, by its certificate.
    """
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    database = unquote(parts.path.lstrip("/")) or query.get("dbname", "*")
    user = unquote(parts.username or query.get("user", "*"))
    return "*:*:" + ":".join(_escape(v) for v in (database, user, password)) + "\n"


def store_password(path: Path, url: str, password: str) -> None:
    """Keep ``password`` for ``url`` in the station's password file (replacing what was there)."""
    write_private(path, pgpass_line(url, password).encode("utf-8"))


def with_passfile(url: str, passfile: Path) -> str:
    """``url`` with ``passfile=`` added when the station keeps its password in ``passfile``.

    A URL that carries its own password (or names a password file) is returned unchanged.
    """
    if not url or "://" not in url or not passfile.exists():
        return url
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if parts.password is not None or any(key in ("password", "passfile") for key, _ in query):
        return url
    query.append(("passfile", str(passfile)))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query, quote_via=quote), ""))
