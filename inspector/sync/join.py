"""A station joins the central database with its enrolment code (station side of enrolment).

:func:`join_central` connects with the code's password, checks that the login belongs to the code's
warehouse and station, and then replaces the password by a new one that only this station knows
(``ALTER ROLE CURRENT_USER PASSWORD`` with a SCRAM verifier computed here, so the new password never
crosses the network): the code cannot be used twice. The password goes to ``DATA_DIR/central.pgpass``
(0600) first; if changing it fails, the code's password is put back, so the code still works for a
retry. A CA certificate from the code is kept as ``DATA_DIR/central-ca.pem`` and named in the URL
(``sslrootcert=``), with the code's ``sslmode`` (``verify-full`` checks the server's name too).
"""

from __future__ import annotations

import logging
import secrets
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import psycopg
from psycopg import sql

from inspector.paths import DataPaths
from inspector.private_files import write_private
from inspector.services.setup import WarehousePlan
from inspector.sync.enrolment import Enrolment, EnrolmentError
from inspector.sync.errors import explain_sync_error
from inspector.sync.secret import store_password
from inspector.sync.urls import libpq_url, redact_text

log = logging.getLogger(__name__)

WAREHOUSE_SQL = (
    "SELECT w.id, w.code, w.name, w.time_zone, w.return_window_days, w.vip_return_window_days, "
    "w.restocking_fee_bp, w.damage_deduction_bp, l.station_code FROM station_logins l "
    "JOIN warehouses w ON w.id = l.warehouse_id WHERE l.role_name = current_user"
)


@dataclass(frozen=True)
class Joined:
    """What joining gave the station: its URL (no password), warehouse settings and station code."""

    url: str
    warehouse: WarehousePlan
    station_code: str


def with_query(url: str, **values: str) -> str:
    """``url`` with query parameters set (replacing ones of the same name)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in values]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query + list(values.items())), ""))


def warehouse_plan(row: Any) -> WarehousePlan:
    """A warehouse row of :data:`WAREHOUSE_SQL` as a plan."""
    return WarehousePlan(id=uuid.UUID(str(row[0])), code=row[1], name=row[2] or row[1], time_zone=row[3],
                         return_window_days=row[4], vip_return_window_days=row[5], restocking_fee_bp=row[6],
                         damage_deduction_bp=row[7])


def join_central(paths: DataPaths, enrolment: Enrolment, *, timeout_s: int = 10) -> Joined:
    """Redeem ``enrolment`` for this data directory (see the module docstring); EnrolmentError if refused."""
    url = enrolment.url
    if enrolment.ca_pem:
        write_private(paths.central_ca, enrolment.ca_pem.encode("ascii"))
        url = with_query(url, sslrootcert=str(paths.central_ca))
    try:
        conn = psycopg.connect(libpq_url(url), password=enrolment.password, connect_timeout=timeout_s,
                               application_name="return-inspector-enrol")
    except psycopg.OperationalError as exc:
        text = str(exc)
        if "password authentication failed" in text or "no password supplied" in text:
            raise EnrolmentError("code_used", "the central database refused this enrolment code: it was used "
                                 "already, or the station was enrolled again since. Ask IT for a new code."
                                 ) from exc
        problem = explain_sync_error(exc)
        log.warning("Joining the central database failed: %s", redact_text(text, enrolment.password))
        raise EnrolmentError("unreachable", problem.user_message) from exc
    with conn:
        row = conn.execute(WAREHOUSE_SQL).fetchone()
        if row is None or (row[1], row[8]) != (enrolment.warehouse_code, enrolment.station_code):
            where = f"{enrolment.warehouse_code}:{enrolment.station_code}"
            raise EnrolmentError("wrong_station", f"the central database does not know this login as station "
                                 f"{where}; ask IT for a new code")
        user = conn.info.user
        fresh = secrets.token_urlsafe(24)
        store_password(paths.central_secret, url, fresh)
        try:
            verifier = conn.pgconn.encrypt_password(fresh.encode(), user.encode(), b"scram-sha-256")
            statement = sql.SQL("ALTER ROLE CURRENT_USER PASSWORD {}").format(sql.Literal(verifier.decode()))
            conn.execute(statement)
            conn.commit()
        except BaseException:
            store_password(paths.central_secret, url, enrolment.password)
            raise
    log.info("Joined the central database as station %s:%s", enrolment.warehouse_code, enrolment.station_code)
    return Joined(url, warehouse_plan(row), enrolment.station_code)
