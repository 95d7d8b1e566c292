"""Least privilege on the central database: roles, grants and row-level security policies.

* ``<prefix>_admin``: owns the schema, runs migrations and imports; BYPASSRLS (an administrator).
* ``<prefix>_station``: NOLOGIN group role holding the station grants; its policies key on
  ``current_user`` mapped through the admin-owned ``station_logins`` table, never on session
  variables a station could set (``set_config`` spoofing changes nothing).
* ``<prefix>_st_<warehouse>_<station>_<digest>``: one LOGIN role per station of a warehouse, member
  of the group, NOBYPASSRLS (see :func:`role_name`).

Every table has FORCE ROW LEVEL SECURITY (from the migration). A station reads its own
warehouse's rows and inserts/updates only rows of its own station; it deletes nothing except its
own inspection flags and damaged photo chunks. ``ON CONFLICT DO UPDATE`` checks the UPDATE policy.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

import psycopg
from psycopg import sql

from inspector.sync.urls import connect

WH = "(SELECT public.inspector_login_warehouse())"
ST = "(SELECT public.inspector_login_station())"
OWN = f"warehouse_id = {WH} AND origin_station_id = {ST}"
# A row that names the station that made it (an audit event's chain, a parcel's or photo's station)
# must name the login's own station: a login cannot write into another station's audit chain.
OWN_CHAIN = f"{OWN} AND station_id = {ST}"
OWN_STATION = f"{OWN} AND (station_id IS NULL OR station_id = {ST})"

# Every object is named with its schema, although policies are stored parsed (bound to the objects
# they named when created): the habit keeps a temporary table from ever capturing a name.
# table -> (select using, insert check, update own?, delete own?)
POLICIES: dict[str, tuple[str, str | None, bool, bool]] = {
    "warehouses": (f"id = {WH}", None, False, False),
    "stations": (
        f"warehouse_id = {WH}",
        f"warehouse_id = {WH} AND code = (SELECT l.station_code FROM "
        "public.station_logins l WHERE l.role_name = current_user)",
        False,
        False,
    ),
    "station_logins": ("role_name = current_user", None, False, False),
    "central_meta": ("true", None, False, False),
    "changes": (f"warehouse_id = {WH}", None, False, False),
    "conflicts": (f"warehouse_id = {WH}", f"warehouse_id = {WH} AND station_id = {ST}", False, False),
    "returns": (f"warehouse_id = {WH}", f"{OWN} AND source = 'unannounced'", True, False),
    "return_lines": (f"warehouse_id = {WH}", OWN, True, False),
    "parcels": (f"warehouse_id = {WH}", OWN_STATION, True, False),
    "inspections": (f"warehouse_id = {WH}", OWN_STATION, True, False),
    "inspection_flags": (f"warehouse_id = {WH}", OWN, False, True),
    "photos": (f"warehouse_id = {WH}", OWN_STATION, True, False),
    "photo_chunks": (f"warehouse_id = {WH}", OWN, False, True),
    "disputes": (f"warehouse_id = {WH}", OWN, True, False),
    "dispute_entries": (f"warehouse_id = {WH}", OWN, False, False),
    "audit_events": (f"warehouse_id = {WH}", OWN_CHAIN, False, False),
    "users": (
        f"warehouse_id = {WH}",
        f"warehouse_id = {WH} AND origin_station_id = {ST} AND edited_by = {ST}::text",
        True,
        False,
    ),
    "user_secrets": (
        f"warehouse_id = {WH}",
        f"warehouse_id = {WH} AND EXISTS (SELECT 1 FROM public.users u WHERE u.id = user_id "
        f"AND u.warehouse_id = {WH})",
        True,
        False,
    ),
    "station_reports": (f"warehouse_id = {WH}", f"warehouse_id = {WH} AND station_id = {ST}", True, False),
    # The chain's anchor (central revision c0006): a station registers its own key once (the slot
    # is emptied only by the administrator) and sends its own signed heads; notary rows are read-only.
    "station_keys": (f"warehouse_id = {WH}", f"warehouse_id = {WH} AND station_id = {ST}", False, False),
    "audit_checkpoints": (f"warehouse_id = {WH}", OWN_CHAIN, False, False),
    "notary_keys": ("true", None, False, False),
    "audit_notarisations": (f"warehouse_id = {WH}", None, False, False),
}
# People are managed once per warehouse: any station of it may change a person (as its own edit).
UPDATE_POLICIES = {
    "users": (f"warehouse_id = {WH}", f"warehouse_id = {WH} AND edited_by = {ST}::text"),
    "user_secrets": (f"warehouse_id = {WH}", f"warehouse_id = {WH}"),
    "station_reports": (f"station_id = {ST}", f"warehouse_id = {WH} AND station_id = {ST}"),
}
UPDATE_COLUMNS = {"photos": "blob_complete, src_version"}
# Tables of the administrator alone (central revision c0008_conn_connectors): the connectors' settings,
# encrypted credentials, links and outbox. Row-level security is forced with no station policy, and
# every privilege is revoked, so a station login can neither read nor change them.
ADMIN_ONLY_TABLES = ("connectors", "connector_secrets", "connector_returns", "connector_outcomes")
ADMIN_ONLY_SEQUENCES = ("connector_rma_seq",)
# The one window stations have on them: their own warehouse's connectors' health (no settings, no secrets).
STATION_CONNECTOR_FUNCTIONS = ("public.inspector_connector_health()",)
FUNCTIONS = (
    "public.inspector_login_warehouse()",
    "public.inspector_login_station()",
    "public.inspector_sync_epoch()",
    "public.inspector_log_changes()",
    "public.inspector_log_conflicts()",
    "public.inspector_detect_parcel_conflict()",
    "public.inspector_detect_inspection_conflict()",
    "public.inspector_verify_photo_blob()",
    "public.inspector_append_only()",
    "public.inspector_record_conflict(uuid, text, text, uuid, uuid, uuid, uuid, jsonb)",
    "public.inspector_hash_photo_chunk()",
    "public.inspector_audit_link()",
    "public.inspector_accept_checkpoint()",
)


@dataclass(frozen=True)
class StationLogin:
    """A station's login, to put into its settings (shown once; never logged)."""

    role: str
    password: str
    warehouse_code: str
    station_code: str

    def url(self, central_url: str) -> str:
        """The central URL with this station's login in place of the admin's."""
        from urllib.parse import quote, urlsplit, urlunsplit

        parts = urlsplit(central_url)
        host = parts.netloc.rpartition("@")[2]
        return urlunsplit(
            (parts.scheme, f"{quote(self.role)}:{quote(self.password)}@{host}", parts.path, parts.query, "")
        )


def role_name(prefix: str, warehouse_code: str, station_code: str) -> str:
    """The login role of one station of one warehouse: ``<prefix>_st_<readable>_<digest>``.

    The readable part (lower case, safe characters, shortened to fit PostgreSQL's 63-byte names) is
    for people; the digest of the exact warehouse and station codes keeps ``ST-01``/``ST_01``/``st-01``,
    and one station code in two warehouses, apart.
    """
    digest = hashlib.sha256(f"{warehouse_code}\x1f{station_code}".encode()).hexdigest()[:10]
    readable = re.sub(r"[^a-z0-9]+", "_", f"{warehouse_code}_{station_code}".lower()).strip("_")
    head = f"{prefix}_st_"
    room = 63 - len(head) - len(digest) - 1
    return f"{head}{readable[:max(room, 0)].rstrip('_')}_{digest}"


def _role_exists(cur: psycopg.Cursor, name: str) -> bool:  # type: ignore[type-arg]
    cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,))
    return cur.fetchone() is not None


def setup_roles(conn: psycopg.Connection, prefix: str = "inspector") -> None:  # type: ignore[type-arg]
    """Create (idempotently) the admin and station group roles, grants and policies. Needs a superuser."""
    admin, group = f"{prefix}_admin", f"{prefix}_station"
    cur = conn.cursor()
    for name, options in ((admin, "NOLOGIN BYPASSRLS"), (group, "NOLOGIN NOBYPASSRLS")):
        if not _role_exists(cur, name):
            cur.execute(sql.SQL("CREATE ROLE {} " + options).format(sql.Identifier(name)))
    ident_admin, ident_group = sql.Identifier(admin), sql.Identifier(group)
    cur.execute(sql.SQL("REVOKE CREATE ON SCHEMA public FROM PUBLIC, {}").format(ident_group))
    cur.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(ident_group))
    cur.execute(sql.SQL("GRANT ALL ON SCHEMA public TO {}").format(ident_admin))
    # No temporary objects: a temp table named like ours is searched before ``public`` by default
    # (docs/security.md). PUBLIC holds TEMPORARY on every new database, so it is revoked from PUBLIC
    # too; uploads need none (inspector/sync/push.py).
    database = sql.Identifier(conn.info.dbname)
    cur.execute(sql.SQL("REVOKE TEMPORARY ON DATABASE {} FROM PUBLIC, {}").format(database, ident_group))
    for table, (using, check, update_own, delete_own) in POLICIES.items():
        t = sql.Identifier("public", table)
        cur.execute(sql.SQL("ALTER TABLE {} OWNER TO {}").format(t, ident_admin))
        cur.execute(sql.SQL("REVOKE ALL ON {} FROM PUBLIC, {}").format(t, ident_group))
        cur.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(t, ident_group))
        for action in ("select", "insert", "update", "delete"):
            cur.execute(
                sql.SQL("DROP POLICY IF EXISTS {} ON {}").format(sql.Identifier(f"station_{action}"), t)
            )
        cur.execute(
            sql.SQL("CREATE POLICY station_select ON {} FOR SELECT TO {} USING (" + using + ")").format(
                t, ident_group
            )
        )
        if check:
            cur.execute(sql.SQL("GRANT INSERT ON {} TO {}").format(t, ident_group))
            cur.execute(
                sql.SQL(
                    "CREATE POLICY station_insert ON {} FOR INSERT TO {} WITH CHECK (" + check + ")"
                ).format(t, ident_group)
            )
        if update_own:
            columns = UPDATE_COLUMNS.get(table)
            grant = f"GRANT UPDATE ({columns}) ON {{}} TO {{}}" if columns else "GRANT UPDATE ON {} TO {}"
            cur.execute(sql.SQL(grant).format(t, ident_group))
            using_update, check_update = UPDATE_POLICIES.get(
                table, (OWN, OWN_STATION if check == OWN_STATION else OWN)
            )
            cur.execute(
                sql.SQL(
                    "CREATE POLICY station_update ON {} FOR UPDATE TO {} USING ("
                    + using_update
                    + ") WITH CHECK ("
                    + check_update
                    + ")"
                ).format(t, ident_group)
            )
        if delete_own:
            cur.execute(sql.SQL("GRANT DELETE ON {} TO {}").format(t, ident_group))
            cur.execute(
                sql.SQL("CREATE POLICY station_delete ON {} FOR DELETE TO {} USING (" + OWN + ")").format(
                    t, ident_group
                )
            )
    for table in ADMIN_ONLY_TABLES:
        t = sql.Identifier("public", table)
        cur.execute(sql.SQL("ALTER TABLE {} OWNER TO {}").format(t, ident_admin))
        cur.execute(sql.SQL("REVOKE ALL ON {} FROM PUBLIC, {}").format(t, ident_group))
    for sequence in ADMIN_ONLY_SEQUENCES:
        s = sql.Identifier("public", sequence)
        cur.execute(sql.SQL("ALTER SEQUENCE {} OWNER TO {}").format(s, ident_admin))
        cur.execute(sql.SQL("REVOKE ALL ON SEQUENCE {} FROM PUBLIC, {}").format(s, ident_group))
    for function in STATION_CONNECTOR_FUNCTIONS:
        cur.execute(f"ALTER FUNCTION {function} OWNER TO {admin}")
        cur.execute(f"REVOKE EXECUTE ON FUNCTION {function} FROM PUBLIC")
        cur.execute(sql.SQL(f"GRANT EXECUTE ON FUNCTION {function} TO {{}}").format(ident_group))
    cur.execute(sql.SQL("ALTER VIEW public.return_overview OWNER TO {}").format(ident_admin))
    cur.execute(sql.SQL("GRANT SELECT ON public.return_overview TO {}").format(ident_group))
    for function in FUNCTIONS:
        cur.execute(f"ALTER FUNCTION {function} OWNER TO {admin}")
        cur.execute(f"REVOKE EXECUTE ON FUNCTION {function} FROM PUBLIC")
    for function in FUNCTIONS[:3]:
        cur.execute(sql.SQL(f"GRANT EXECUTE ON FUNCTION {function} TO {{}}").format(ident_group))
    # A transaction left open stalls the change feed for everyone: stations may not hold one.
    cur.execute(sql.SQL("ALTER ROLE {} SET idle_in_transaction_session_timeout = '60s'").format(ident_group))
    conn.commit()


def create_station_login(
    conn: psycopg.Connection,  # type: ignore[type-arg]
    warehouse_code: str,
    station_code: str,
    prefix: str = "inspector",
    password: str | None = None,
    time_zone: str | None = None,
    login_groups: tuple[str, ...] = (),
) -> StationLogin:
    """Create a station's login role, or give it a new password, and map it to its warehouse and station.

    The login is keyed by warehouse AND station (:func:`role_name`). A login the same station had under
    an older name loses its mapping and its LOGIN right, so only the new password works afterwards.
    ``time_zone`` (an IANA name) sets the warehouse's local time zone, which decides a report's days.
    ``login_groups`` are extra groups the login joins (e.g. the one ``pg_hba.conf`` requires a password of).
    """
    name = role_name(prefix, warehouse_code, station_code)
    password = password or secrets.token_urlsafe(24)
    cur = conn.cursor()
    cur.execute(
        "INSERT INTO warehouses (id, code, name, time_zone) VALUES (gen_random_uuid(), %s, %s, %s) "
        "ON CONFLICT DO NOTHING",
        (warehouse_code, warehouse_code, time_zone or "Europe/Amsterdam"),
    )
    if time_zone:
        cur.execute("UPDATE warehouses SET time_zone = %s, updated_at = now() WHERE code = %s",
                    (time_zone, warehouse_code))
    cur.execute("SELECT id FROM warehouses WHERE code = %s", (warehouse_code,))
    row = cur.fetchone()
    assert row is not None
    warehouse_id = row[0]
    cur.execute("SELECT warehouse_id, station_code FROM station_logins WHERE role_name = %s", (name,))
    mapped = cur.fetchone()
    if mapped is not None and tuple(mapped) != (warehouse_id, station_code):
        raise ValueError(f"login {name} already belongs to another station")
    cur.execute(
        "DELETE FROM station_logins WHERE warehouse_id = %s AND station_code = %s AND role_name <> %s "
        "RETURNING role_name",
        (warehouse_id, station_code, name),
    )
    for (old,) in cur.fetchall():  # the same station under an older login name: that login stops working
        cur.execute(sql.SQL("ALTER ROLE {} NOLOGIN PASSWORD NULL").format(sql.Identifier(old)))
    verb = "ALTER" if _role_exists(cur, name) else "CREATE"
    cur.execute(
        sql.SQL(
            verb + " ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS "
            "CONNECTION LIMIT 8 PASSWORD {}"
        ).format(sql.Identifier(name), sql.Literal(password))
    )
    for group in (f"{prefix}_station", *login_groups):
        cur.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(name)))
    cur.execute(
        sql.SQL("ALTER ROLE {} SET idle_in_transaction_session_timeout = '60s'").format(sql.Identifier(name))
    )
    cur.execute(
        "INSERT INTO station_logins (role_name, warehouse_id, station_code) VALUES (%s, %s, %s) "
        "ON CONFLICT (role_name) DO NOTHING",
        (name, warehouse_id, station_code),
    )
    conn.commit()
    return StationLogin(name, password, warehouse_code, station_code)


def roles(central_url: str, prefix: str, stations: list[tuple[str, str]],
          time_zone: str | None = None, login_groups: tuple[str, ...] = ()) -> list[StationLogin]:
    """Set up the roles and create a login per (warehouse code, station code)."""
    with connect(central_url) as conn:
        setup_roles(conn, prefix)
        return [create_station_login(conn, wh, st, prefix, time_zone=time_zone, login_groups=login_groups)
                for wh, st in stations]


def drop_roles(conn: psycopg.Connection, prefix: str) -> None:  # type: ignore[type-arg]
    """Remove every role with ``prefix`` (tests); objects they own in this database are dropped first."""
    cur = conn.cursor()
    cur.execute(
        "SELECT rolname FROM pg_roles WHERE rolname LIKE %s ORDER BY rolname DESC", (prefix + "\\_%",)
    )
    for (name,) in cur.fetchall():
        cur.execute(sql.SQL("DROP OWNED BY {} CASCADE").format(sql.Identifier(name)))
        cur.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(name)))
    conn.commit()
