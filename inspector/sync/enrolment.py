"""Station enrolment: ``inspector central enrol`` makes a one-time code; the station's setup redeems it.

The administrator (with the central's admin URL) runs ``central enrol --station WAREHOUSE:STATION``: the
station's login is created, or given a new password (the old one stops working at once), and an
enrolment code is printed (or written to a file). The code carries the address the station connects
to (user = its login, no password), the password, the warehouse and station codes and, for
``sslmode=verify-full``, the CA certificate. It is *one-time*: the station's setup connects with it
and at once replaces the password by one only the station knows (:mod:`inspector.sync.join`).

The code is ``RI1-`` + URL-safe base64 of compressed JSON. It holds a password: it is shown once,
never logged, and should travel like one (typed or copied at the station, not e-mailed).
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import psycopg

from inspector.sync.roles import create_station_login, setup_roles
from inspector.sync.urls import connect

CODE_PREFIX = "RI1-"
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")


class EnrolmentError(ValueError):
    """An enrolment code or file cannot be used; ``code`` is stable (the GUI translates it)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Enrolment:
    """What a station needs to join the central database (holds a password: never log it)."""

    url: str
    password: str
    warehouse_code: str
    warehouse_id: str
    station_code: str
    ca_pem: str = ""

    def __repr__(self) -> str:  # a stray log line must not print the password
        return f"Enrolment({self.warehouse_code}:{self.station_code}, {self.url})"

    def encode(self) -> str:
        """The enrolment code: ``RI1-`` + base64url(zlib(JSON))."""
        blob = zlib.compress(json.dumps(asdict(self), separators=(",", ":")).encode("utf-8"), 9)
        return CODE_PREFIX + base64.urlsafe_b64encode(blob).decode("ascii").rstrip("=")

    @classmethod
    def decode(cls, code: str) -> Enrolment:
        """Read a code (whitespace and line breaks, as a copy from a terminal brings, are ignored)."""
        text = "".join(code.split())
        if not text.startswith(CODE_PREFIX):
            raise EnrolmentError("bad_code", "this is not an enrolment code (they start with RI1-)")
        body = text[len(CODE_PREFIX):]
        try:
            raw = zlib.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
            values = json.loads(raw.decode("utf-8"))
            return cls(**{key: str(values[key]) for key in cls.__dataclass_fields__ if key in values})
        except (binascii.Error, zlib.error, ValueError, TypeError, UnicodeDecodeError) as exc:
            raise EnrolmentError("bad_code", "the enrolment code is damaged or incomplete; copy it again"
                                 ) from exc


def read_enrolment(code_or_file: str) -> Enrolment:
    """An enrolment from a code, or from a file holding one (``central enrol --out FILE``)."""
    text = code_or_file.strip()
    if not text.startswith(CODE_PREFIX):
        path = Path(text).expanduser()
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise EnrolmentError("bad_code", f"neither an enrolment code nor a readable file: {text}"
                                 ) from exc
        text = "".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    return Enrolment.decode(text)


def station_url(admin_url: str, role: str, address: str | None = None, sslmode: str | None = None) -> str:
    """The URL a station connects with: ``address`` (or the admin URL's host, port and database) with the
    station's login as user, no password, and ``sslmode`` when given."""
    parts = urlsplit(address or admin_url)
    host = parts.netloc.rpartition("@")[2]
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k not in ("user", "password", "passfile", "sslrootcert")]
    if sslmode:
        query = [(k, v) for k, v in query if k != "sslmode"] + [("sslmode", sslmode)]
    scheme = "postgresql"
    return urlunsplit((scheme, f"{quote(role, safe='')}@{host}", parts.path, urlencode(query), ""))


def reset_station_key(conn: psycopg.Connection, warehouse_code: str, station_code: str) -> bool:  # type: ignore[type-arg]
    """Empty the station's key slot (issue 11 §3), so the enrolled station registers the key it has then.

    Uses ``inspector.sync.anchor_admin.reset_station_key`` (sec-chain's work); before that is merged
    there is no key slot, and nothing to reset. Returns whether a key was removed.
    """
    try:
        from inspector.sync.anchor_admin import reset_station_key as reset  # type: ignore[import-not-found]
    except ImportError:
        return False
    return bool(reset(conn, warehouse_code, station_code))


def enrol_station(
    admin_url: str,
    warehouse_code: str,
    station_code: str,
    *,
    prefix: str = "inspector",
    address: str | None = None,
    sslmode: str | None = None,
    ca_file: Path | None = None,
    time_zone: str | None = None,
    login_groups: tuple[str, ...] = (),
) -> Enrolment:
    """Create or rotate the station's login and return its one-time enrolment (admin URL needed)."""
    if sslmode and sslmode not in SSL_MODES:
        raise EnrolmentError("bad_sslmode", f"sslmode must be one of {', '.join(SSL_MODES)}")
    ca_pem = ""
    if ca_file is not None:
        try:
            ca_pem = ca_file.read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError) as exc:
            raise EnrolmentError("bad_ca", f"the CA file {ca_file} cannot be read") from exc
        if "-----BEGIN CERTIFICATE-----" not in ca_pem:
            raise EnrolmentError("bad_ca", f"{ca_file} is not a PEM certificate")
    with connect(admin_url) as conn:
        setup_roles(conn, prefix)
        login = create_station_login(conn, warehouse_code, station_code, prefix, time_zone=time_zone,
                                     login_groups=login_groups)
        row = conn.execute("SELECT id FROM warehouses WHERE code = %s", (warehouse_code,)).fetchone()
        assert row is not None
        reset_station_key(conn, warehouse_code, station_code)
        conn.commit()
    return Enrolment(station_url(admin_url, login.role, address, sslmode), login.password, warehouse_code,
                     str(row[0]), station_code, ca_pem)
