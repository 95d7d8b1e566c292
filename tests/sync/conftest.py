"""PostgreSQL fixtures for the sync tests: a fresh central database (and roles) per test session.

The server comes from ``INSPECTOR_TEST_PG`` (a maintenance URL, default the local server as
``postgres``). Without a reachable server the tests skip with a clear message, unless
``INSPECTOR_REQUIRE_POSTGRES=1`` (CI), where they fail instead.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from sync_helpers import make_station

MAINTENANCE_URL = os.environ.get("INSPECTOR_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def _with_database(url: str, name: str) -> str:
    base, _, _ = url.rpartition("/")
    return f"{base}/{name}"


@pytest.fixture(scope="session")
def maintenance_url() -> str:
    """The maintenance connection URL, or skip (fail under INSPECTOR_REQUIRE_POSTGRES=1)."""
    try:
        with psycopg.connect(MAINTENANCE_URL, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        message = f"PostgreSQL not reachable at {MAINTENANCE_URL} (set INSPECTOR_TEST_PG): {exc}"
        if os.environ.get("INSPECTOR_REQUIRE_POSTGRES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return MAINTENANCE_URL


@pytest.fixture(scope="session")
def role_prefix() -> str:
    """A role-name prefix unique to this test session (roles are cluster-wide)."""
    return f"itest_{secrets.token_hex(3)}"


@pytest.fixture(scope="session")
def central_url(maintenance_url: str, role_prefix: str) -> Iterator[str]:
    """A fresh, migrated central database (superuser URL), dropped at the end with the test roles."""
    from inspector.sync.central_schema import upgrade_central
    from inspector.sync.roles import setup_roles

    name = f"inspector_test_{secrets.token_hex(4)}"
    with psycopg.connect(maintenance_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = _with_database(maintenance_url, name)
    try:
        upgrade_central(url)
        with psycopg.connect(url) as conn:
            setup_roles(conn, role_prefix)
        yield url
    finally:
        with psycopg.connect(maintenance_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for (role,) in conn.execute(
                "SELECT rolname FROM pg_roles WHERE rolname LIKE %s ORDER BY rolname DESC",
                (role_prefix + "\\_%",),
            ).fetchall():
                conn.execute(f'DROP ROLE "{role}"')


@pytest.fixture
def codes() -> Callable[[str], str]:
    """Unique warehouse/station codes (the central database is shared by the session's tests)."""
    return lambda base: f"{base}-{secrets.token_hex(3).upper()}"


@pytest.fixture
def station_root(tmp_path: Path) -> Iterator[Path]:
    """Where station data directories go: on tmpfs when there is one (these tests are about sync
    logic, not about the disk's fsync latency, which SQLite's synchronous=FULL would pay per commit)."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        root = Path(tempfile.mkdtemp(prefix="inspector-sync-", dir=shm))
        yield root
        shutil.rmtree(root, ignore_errors=True)
    else:
        yield tmp_path


@pytest.fixture
def station_factory(station_root: Path) -> Iterator[Callable[..., Any]]:
    """Build stations in their own data directories; closed at the end."""
    built: list[Any] = []

    def build(warehouse: str, station: str) -> Any:
        services = make_station(station_root / f"{warehouse}_{station}", warehouse, station)
        built.append(services)
        return services

    yield build
    for services in built:
        services.close()


SCRAM_GROUP = "inspector_scram_stations"
SCRAM_RULE = f"host all +{SCRAM_GROUP} 127.0.0.1/32 scram-sha-256"


@pytest.fixture(scope="session")
def scram_group(maintenance_url: str) -> str:
    """The NOLOGIN group whose members pg_hba.conf makes give a password (scram-sha-256) over TCP.

    Created when missing (cluster-wide, shared by test sessions, never dropped);
    ``scripts/pg-require-station-passwords`` adds the pg_hba.conf rule (CI runs it through .ci/run).
    """
    # Made by an earlier (or a parallel) test session, or by scripts/pg-require-station-passwords.
    exists = (psycopg.errors.DuplicateObject, psycopg.errors.UniqueViolation)
    with psycopg.connect(maintenance_url, autocommit=True) as conn, contextlib.suppress(*exists):
        conn.execute(f'CREATE ROLE "{SCRAM_GROUP}" NOLOGIN')
    return SCRAM_GROUP


@pytest.fixture(scope="session")
def passwords_required(maintenance_url: str, scram_group: str, role_prefix: str) -> str:
    """Proof that the server checks station passwords: a member of the group with a wrong password is
    refused. Without the pg_hba.conf rule this skips, and fails under INSPECTOR_REQUIRE_POSTGRES=1."""
    probe = f"{role_prefix}_pwprobe"
    with psycopg.connect(maintenance_url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE \"{probe}\" LOGIN PASSWORD 'right-pw' IN ROLE \"{scram_group}\"")
    try:
        host = psycopg.conninfo.conninfo_to_dict(maintenance_url).get("host", "127.0.0.1")
        try:
            psycopg.connect(host=host, port=5432, dbname="postgres", user=probe, password="wrong-pw",
                            connect_timeout=5).close()
            accepted = True
        except psycopg.OperationalError as exc:
            assert "password authentication failed" in str(exc), exc
            accepted = False
        right = psycopg.connect(host=host, dbname="postgres", user=probe, password="right-pw")
        right.close()
    finally:
        with psycopg.connect(maintenance_url, autocommit=True) as conn:
            conn.execute(f'DROP ROLE IF EXISTS "{probe}"')
    if accepted:
        message = (f"PostgreSQL lets station logins in with a wrong password: pg_hba.conf lacks "
                   f"'{SCRAM_RULE}' before its trust lines (as root: scripts/pg-require-station-passwords)")
        if os.environ.get("INSPECTOR_REQUIRE_POSTGRES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return scram_group


@pytest.fixture
def station_login(central_url: str, role_prefix: str, scram_group: str) -> Callable[[str, str], str]:
    """Create a station login role and return the station's own central URL (no superuser).

    The login is a member of the scram group, so where pg_hba.conf has the rule it must give its password.
    """
    from inspector.sync.roles import create_station_login

    def make(warehouse: str, station: str) -> str:
        with psycopg.connect(central_url) as conn:
            login = create_station_login(conn, warehouse, station, role_prefix, login_groups=(scram_group,))
        return login.url(central_url)

    return make
