"""Station enrolment with scram-sha-256 passwords (issue 12 §3): ``central enrol`` creates or rotates a
station's login and prints a one-time code; the station's setup redeems it, keeps the password outside
settings.toml, and the server really checks it (a wrong password, or the used code, is refused)."""

from __future__ import annotations

import io
import os
import secrets
import stat
import sys
from pathlib import Path

import psycopg
import pytest

from inspector.cli import main
from inspector.station_setup import SetupRequest, set_up_station
from inspector.sync.enrolment import Enrolment, EnrolmentError, enrol_station, read_enrolment
from inspector.sync.urls import libpq_url

pytestmark = pytest.mark.postgres


def _connect(enrolment: Enrolment, password: str) -> None:
    psycopg.connect(libpq_url(enrolment.url), password=password, connect_timeout=5).close()


def _refused(enrolment: Enrolment, password: str) -> None:
    refusal = r"password authentication failed|no password supplied"
    with pytest.raises(psycopg.OperationalError, match=refusal):
        _connect(enrolment, password)


def _cli(monkeypatch: pytest.MonkeyPatch, *args: str, stdin: str = "") -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    out = io.StringIO()
    return main(list(args), out=out), out.getvalue()


def _enrol(central_url: str, prefix: str, group: str, warehouse: str, station: str) -> Enrolment:
    return enrol_station(central_url, warehouse, station, prefix=prefix, login_groups=(group,))


def test_a_station_login_needs_its_password(central_url, role_prefix, passwords_required) -> None:
    tag = secrets.token_hex(3).upper()
    enrolment = _enrol(central_url, role_prefix, passwords_required, f"PW-{tag}", "ST-01")
    _connect(enrolment, enrolment.password)
    _refused(enrolment, enrolment.password + "x")
    _refused(enrolment, "")


def test_the_enrolment_code_is_one_time(central_url, role_prefix, passwords_required, tmp_path: Path) -> None:
    tag = secrets.token_hex(3).upper()
    warehouse = f"EN-{tag}"
    enrolment = _enrol(central_url, role_prefix, passwords_required, warehouse, "ST-01")
    code = enrolment.encode()
    assert code.startswith("RI1-") and enrolment.password not in code
    assert read_enrolment(code) == enrolment and enrolment.password not in repr(enrolment)
    first = tmp_path / "first"
    outcome = set_up_station(first, SetupRequest(
        station_code="", station_name="Bench 1", admin_name="Ada Admin", admin_pin="402917",
        admin_pin_again="402917", language="nl", enrolment=read_enrolment(code)))
    assert outcome.joined and outcome.sync_ok, outcome.sync_summary
    assert (outcome.warehouse_code, outcome.station_code) == (warehouse, "ST-01")
    _refused(enrolment, enrolment.password)  # the station replaced the code's password at once
    settings = (first / "settings.toml").read_text(encoding="utf-8")
    stored = (first / "central.pgpass").read_text(encoding="utf-8")
    assert enrolment.url in settings and enrolment.password not in settings
    new_password = stored.rstrip("\n").rsplit(":", 1)[1]
    assert new_password not in settings and new_password != enrolment.password
    if os.name == "posix":
        assert stat.S_IMODE((first / "central.pgpass").stat().st_mode) == 0o600
    _connect(enrolment, new_password)
    # The same code a second time: refused, nothing set up.
    with pytest.raises(EnrolmentError) as used:
        set_up_station(tmp_path / "second", SetupRequest(station_code="", enrolment=read_enrolment(code)))
    assert used.value.code == "code_used"
    with psycopg.connect(central_url) as conn:
        row = conn.execute("SELECT id FROM warehouses WHERE code = %s", (warehouse,)).fetchone()
    assert row is not None and str(row[0]) == enrolment.warehouse_id


def test_re_enrolling_rotates_the_password(central_url, role_prefix, passwords_required, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    tag = secrets.token_hex(3).upper()
    warehouse = f"RE-{tag}"
    data = str(tmp_path / "station")
    admin = ("--admin-name", "Ada Admin", "--admin-pin-stdin")
    args = ("central", "enrol", "--central", central_url, "--station", f"{warehouse}:ST-02", "--prefix",
            role_prefix, "--login-group", passwords_required)
    code, out = _cli(monkeypatch, *args, "--out", str(tmp_path / "st02.enrol"))
    assert code == 0 and "RI1-" not in out, out  # the code went to the file only
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / "st02.enrol").stat().st_mode) == 0o600
    code, out = _cli(monkeypatch, "--data-dir", data, "setup", "--join", str(tmp_path / "st02.enrol"), *admin,
                     stdin="402917\n402917\n")
    assert code == 0, out
    assert "Station ST-02 of warehouse" in out and "sync ok" in out
    assert "Next: add people" in out  # the warehouse's first station, with its first administrator
    # A second station of the warehouse joins without an administrator of its own: its people came along.
    args3 = ("central", "enrol", "--central", central_url, "--station", f"{warehouse}:ST-03", "--prefix",
             role_prefix, "--login-group", passwords_required, "--out", str(tmp_path / "st03.enrol"))
    assert _cli(monkeypatch, *args3)[0] == 0
    code, out = _cli(monkeypatch, "--data-dir", str(tmp_path / "st03"), "setup", "--join",
                     str(tmp_path / "st03.enrol"))
    assert code == 0 and "people came with that sync" in out and "add people" not in out, out
    assert _cli(monkeypatch, "--data-dir", data, "sync", "--once")[0] == 0
    # IT enrols the station again (a new PC, a leaked password): the station's password stops working.
    code, out = _cli(monkeypatch, *args)
    assert code == 0
    new_code = next(line for line in out.splitlines() if line.startswith("RI1-"))
    code, out = _cli(monkeypatch, "--data-dir", data, "sync", "--once")
    assert code == 1 and "refused" in out.lower() and "password" not in out.lower()
    code, out = _cli(monkeypatch, "--data-dir", data, "join", new_code)
    assert code == 0 and "sync ok" in out, out
    assert _cli(monkeypatch, "--data-dir", data, "sync", "--once")[0] == 0
    code, out = _cli(monkeypatch, "--data-dir", data, "join", new_code)
    assert code == 1 and "Ask IT for a new code" in out


def test_re_enrolling_empties_the_station_key_slot(central_url, role_prefix, passwords_required,
                                                   tmp_path: Path) -> None:
    """Issue 11 §3's key slot (sec-chain): enrolment resets it, so the station registers its new key."""
    anchor_admin = pytest.importorskip("inspector.sync.anchor_admin")
    tag = secrets.token_hex(3).upper()
    warehouse = f"KS-{tag}"
    enrolment = _enrol(central_url, role_prefix, passwords_required, warehouse, "ST-01")
    outcome = set_up_station(tmp_path / "s", SetupRequest(
        station_code="", admin_name="Ada Admin", admin_pin="402917", admin_pin_again="402917",
        enrolment=enrolment))
    assert outcome.sync_ok, outcome.sync_summary
    slots = ("SELECT count(*) FROM station_keys k JOIN stations s ON s.id = k.station_id "
             "WHERE s.code = 'ST-01' AND s.warehouse_id = (SELECT id FROM warehouses WHERE code = %s)")
    with psycopg.connect(central_url) as conn:
        assert conn.execute(slots, (warehouse,)).fetchone() == (1,)  # the station registered its key
    _enrol(central_url, role_prefix, passwords_required, warehouse, "ST-01")
    with psycopg.connect(central_url) as conn:
        assert conn.execute(slots, (warehouse,)).fetchone() == (0,)
    assert anchor_admin.reset_station_key is not None
