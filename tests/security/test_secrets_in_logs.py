"""§6: no password of the central URL and no customer data reach a log line or a message.

Real failures against the real server and real files: a malformed URL, a CHECK violation whose
PostgreSQL DETAIL holds a person's name, a failed SQLite statement binding a customer's name.
"""

from __future__ import annotations

import io
import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import text

from inspector.sync.engine import SyncEngine
from inspector.sync.errors import explain_sync_error
from inspector.sync.urls import redact_text, redact_url

SECRET = "s3cret-Pw"
URLS = [
    f"postgresql//st:{SECRET}@127.0.0.1:1/central",  # the colon after the scheme is missing
    f"postgresql:st:{SECRET}@127.0.0.1:1/central",
    f"postgresql://st:{SECRET}%40x/y@127.0.0.1:1/central",  # percent-encoding and a slash
    f"postgresql://st:{SECRET}@x@127.0.0.1:1/central",  # an unencoded @ in the password
    f"postgresql://127.0.0.1:1/central?user=st&password={SECRET}",
    f"postgresql://127.0.0.1:1/central?sslmode=disable&PASSWORD={SECRET}",
    f"host=127.0.0.1 port=1 user=st password={SECRET} dbname=central",
    f"st:{SECRET}@127.0.0.1",
]


@pytest.mark.parametrize("url", URLS)
def test_a_password_never_survives_redaction(url: str) -> None:
    assert SECRET not in redact_url(url)
    assert SECRET not in redact_text(f"could not connect to {url}: refused")


@pytest.mark.parametrize("url", URLS[:4])
def test_a_failing_sync_logs_and_says_no_password(
    services: Any, url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    result = SyncEngine(services.database, services.photos, services.station, url).run_once()
    assert not result.ok
    shown = result.error + result.summary() + caplog.text
    assert SECRET not in shown and SECRET[:6] not in shown


@pytest.mark.postgres
def test_a_database_error_is_reduced_to_its_kind_without_the_rows_values(central_url: str) -> None:
    name = "Jantje Klantmans"
    with psycopg.connect(central_url) as admin, pytest.raises(psycopg.errors.CheckViolation) as caught:
        admin.execute(  # central refuses a PIN hash: PostgreSQL's DETAIL repeats the whole row
            "INSERT INTO users (id, name, role, pin_hash, warehouse_id, origin_station_id) "
            "VALUES (gen_random_uuid(), %s, 'inspector', 'x', gen_random_uuid(), gen_random_uuid())",
            (name,),
        )
    assert name in str(caught.value)  # (what used to be logged)
    problem = explain_sync_error(caught.value)
    assert name not in problem.detail and name not in problem.user_message
    assert "CheckViolation" in problem.detail


def test_a_failed_local_statement_never_shows_the_values_it_bound(services: Any) -> None:
    name = "Jantje Klantmans"
    with pytest.raises(Exception) as caught, services.database.session() as session:
        session.execute(text("INSERT INTO no_such_table VALUES (:name)"), {"name": name})
    assert name not in str(caught.value)


def test_fault_injection_is_ignored_outside_the_test_suite(tmp_path: Path) -> None:
    """An installed station ignores INSPECTOR_SYNC_FAULT (only the test suite may kill a sync)."""
    code = (
        "import os; os.environ.pop('INSPECTOR_TEST_SUITE', None); os.environ['INSPECTOR_SYNC_FAULT'] = "
        "'before_send'; from inspector.sync.faults import Faults; f = Faults(); f.hit('before_send'); "
        "print('alive', repr(f.spec))"
    )
    env = {"PATH": "/usr/bin:/bin", "INSPECTOR_DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0 and "alive ''" in result.stdout, result.stderr[-500:]


def test_central_command_errors_show_no_password(capsys: pytest.CaptureFixture[str]) -> None:
    from inspector.cli import main

    out = io.StringIO()
    assert main(["central", "status", "--central", URLS[0]], out) == 1
    assert SECRET not in out.getvalue() + capsys.readouterr().err
