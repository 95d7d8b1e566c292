"""``scripts/sync_stress.py`` cuts sync connections of its own database only (issue 13, §4).

Its chaos thread used to terminate every connection named ``return-inspector-sync`` on the whole
server: other databases' stations (a colleague's test run, production on a shared server) too.
The test uses its own application name, so that even a broken filter touches only its own sessions.
"""

from __future__ import annotations

import importlib.util
import secrets
from pathlib import Path

import psycopg
import pytest

pytestmark = pytest.mark.postgres

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "sync_stress.py"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("sync_stress", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _alive(conn: psycopg.Connection) -> bool:
    try:
        conn.execute("SELECT 1")
        return True
    except psycopg.OperationalError:
        return False


def test_the_chaos_thread_terminates_connections_of_its_own_database_only(
    central_url: str, maintenance_url: str
) -> None:
    name = f"itest-stress-{secrets.token_hex(4)}"
    same = psycopg.connect(central_url, application_name=name, autocommit=True)
    other = psycopg.connect(maintenance_url, application_name=name, autocommit=True)
    try:
        with psycopg.connect(central_url, autocommit=True) as chaos:
            cut = _script().terminate_sync_connections(chaos, probability=1.0, application_name=name)
        assert cut == 1
        assert not _alive(same), "the stress run's own sync connection was not cut"
        assert _alive(other), "a connection of another database was terminated"
    finally:
        same.close()
        other.close()
