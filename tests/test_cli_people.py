"""``inspector setup`` and ``inspector users`` as an administrator scripts them (issue 12 §1, §2)."""

from __future__ import annotations

import io
import os
import stat
import sys
from pathlib import Path

import pytest

from inspector.app import build_services
from inspector.cli import main
from inspector.services.users import AuthError


def _run(monkeypatch: pytest.MonkeyPatch, *args: str, stdin: str = "") -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    out = io.StringIO()
    return main(list(args), out=out), out.getvalue()


SETUP = ("setup", "--warehouse-code", "de-ber", "--warehouse-name", "Berlin returns", "--time-zone",
         "Europe/Berlin", "--return-window", "14", "--vip-return-window", "45", "--restocking-fee", "2.5",
         "--station-code", "st-07", "--station-name", "Bench 7", "--admin-name", "Ada Admin",
         "--admin-badge", "ada-0001", "--admin-pin-stdin", "--language", "nl")


def test_setup_from_flags_makes_a_real_warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "station"
    code, out = _run(monkeypatch, "--data-dir", str(data), *SETUP, stdin="402917\n402917\n")
    assert code == 0, out
    assert "Station ST-07 of warehouse DE-BER is set up" in out and "ADA-0001" in out
    if os.name == "posix":
        assert stat.S_IMODE((data / "settings.toml").stat().st_mode) == 0o600
    services = build_services(data)
    try:
        station = services.station
        names = (station.warehouse_code, station.warehouse_name, station.station_code, station.station_name)
        assert names == ("DE-BER", "Berlin returns", "ST-07", "Bench 7")
        assert (station.time_zone, station.return_window_days) == ("Europe/Berlin", 14)
        assert services.settings.language == "nl"
        admin = services.users.find_by_badge("ADA-0001")
        assert services.users.verify_pin(admin.id, "402917").name == "Ada Admin"
        from sqlalchemy import select

        from inspector.models import Station, Warehouse
        with services.database.session() as session:
            assert [w.code for w in session.scalars(select(Warehouse))] == ["DE-BER"]  # no placeholder left
            assert [s.code for s in session.scalars(select(Station))] == ["ST-07"]
            assert session.scalars(select(Warehouse)).one().restocking_fee_bp == 250
    finally:
        services.close()
    code, out = _run(monkeypatch, "--data-dir", str(data), *SETUP, stdin="402917\n402917\n")
    assert code == 1 and "already set up" in out
    code, out = _run(monkeypatch, "--data-dir", str(data), "demo-seed", "--returns", "3",
                     "--inspections", "0")
    assert code == 1 and "real warehouse" in out


@pytest.mark.parametrize(
    ("stdin", "message"),
    [("402917\n402918\n", "differ"), ("4029\n4029\n", "6 to 12 digits"), ("123456\n123456\n", "easy")],
)
def test_setup_refuses_a_bad_admin_pin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stdin: str,
                                       message: str) -> None:
    code, out = _run(monkeypatch, "--data-dir", str(tmp_path / "s"), *SETUP, stdin=stdin)
    assert code == 1 and message in out
    code, out = _run(monkeypatch, "--data-dir", str(tmp_path / "s"), *SETUP, stdin="402917\n402917\n")
    assert code == 0, out  # nothing half-done stood in the way


def test_setup_needs_its_answers_and_refuses_demo_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = _run(monkeypatch, "--data-dir", str(tmp_path / "a"), "setup", "--station-code", "ST-01")
    assert code == 2 and "--warehouse-code" in out
    demo = str(tmp_path / "demo")
    assert _run(monkeypatch, "--data-dir", demo, "demo-seed", "--returns", "3", "--inspections", "0")[0] == 0
    code, out = _run(monkeypatch, "--data-dir", demo, *SETUP, stdin="402917\n402917\n")
    assert code == 1 and "already set up" in out


def test_users_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = str(tmp_path / "station")
    assert _run(monkeypatch, "--data-dir", data, *SETUP, stdin="402917\n402917\n")[0] == 0
    team = tmp_path / "team.csv"
    header = "name,role,badge_code,pin\nAnna Jansen,inspector,ANNA-0001,\n"
    team.write_text(header + "Bram Bakker,supervisor,,58\n", encoding="utf-8")
    code, out = _run(monkeypatch, "--data-dir", data, "users", "import", str(team))
    assert code == 1 and "Nobody was added" in out
    assert f"{team}:3: a PIN for this role is 4 to 12 digits" in out
    team.write_text(header + "Bram Bakker,supervisor,,5821\n", encoding="utf-8")
    code, out = _run(monkeypatch, "--data-dir", data, "users", "import", str(team))
    assert code == 0 and "2 people added" in out
    code, out = _run(monkeypatch, "--data-dir", data, "users", "add", "Chris Claes", "--role", "team_lead",
                     "--pin-stdin", stdin="66210\n66210\n")
    assert code == 0 and "team_lead" in out
    code, out = _run(monkeypatch, "--data-dir", data, "users", "deactivate", "anna-0001")
    assert code == 0 and "deactivated" in out
    code, out = _run(monkeypatch, "--data-dir", data, "users", "reset-pin", "Bram Bakker", "--pin-stdin",
                     stdin="7310\n7310\n")
    assert code == 0
    code, out = _run(monkeypatch, "--data-dir", data, "users", "list", "--active")
    assert "Anna Jansen" not in out and "Bram Bakker" in out and "Chris Claes" in out
    code, out = _run(monkeypatch, "--data-dir", data, "users", "deactivate", "Ada Admin")
    assert code == 1 and "no administrator left" in out
    code, out = _run(monkeypatch, "--data-dir", data, "users", "badges", "--out", str(tmp_path / "b.pdf"))
    assert code == 0 and "3 badge(s)" in out and (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")
    services = build_services(data)
    try:
        with pytest.raises(AuthError):
            services.users.find_by_badge("ANNA-0001")
        bram = services.users.find_by_badge(services.people.find("Bram Bakker").badge_code)
        assert services.users.verify_pin(bram.id, "7310").name == "Bram Bakker"
    finally:
        services.close()


def test_the_readme_example_files_import_cleanly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's walk-through imports docs/examples/: every row must be accepted."""
    examples = Path(__file__).resolve().parents[1] / "docs" / "examples"
    data = str(tmp_path / "station")
    assert _run(monkeypatch, "--data-dir", data, *SETUP, stdin="402917\n402917\n")[0] == 0
    code, out = _run(monkeypatch, "--data-dir", data, "import-returns", str(examples / "returns.jsonl"))
    assert code == 0 and "2 created" in out and "warning" not in out, out
    code, out = _run(monkeypatch, "--data-dir", data, "users", "import", str(examples / "team.csv"))
    assert code == 0, out


def test_end_of_input_at_the_pin_prompt_is_a_plain_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+D (or a closed standard input) where the PIN is asked for: a message, no traceback."""
    import getpass

    def end_of_input(prompt: str = "") -> str:
        raise EOFError

    monkeypatch.setattr(getpass, "getpass", end_of_input)
    setup = [arg for arg in SETUP if arg != "--admin-pin-stdin"]
    code, out = _run(monkeypatch, "--data-dir", str(tmp_path / "s"), *setup)
    assert code == 1 and "6 to 12 digits" in out
