"""The `inspector` command as a user runs it (subprocesses for the entry point itself)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from inspector import __version__
from inspector.cli import main


def _run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out=out)
    return code, out.getvalue()


def test_version_and_help_run_as_a_program() -> None:
    result = subprocess.run([sys.executable, "-m", "inspector", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and __version__ in result.stdout
    result = subprocess.run([sys.executable, "-m", "inspector", "--help"], capture_output=True, text=True)
    for command in ("demo-seed", "import-returns", "status", "db", "screenshots", "decode", "identify"):
        assert command in result.stdout


def test_status_json_reports_counts_and_the_database(tmp_path: Path) -> None:
    code, output = _run("--data-dir", str(tmp_path), "status", "--json")
    assert code == 0
    info = json.loads(output)
    for key in ("returns", "return_lines", "parcels", "inspections", "photos", "pending_sync"):
        assert info[key] == 0
    assert info["database"] == str(tmp_path / "inspector.sqlite3")


def test_db_upgrade_and_check(tmp_path: Path) -> None:
    code, output = _run("--data-dir", str(tmp_path), "db", "upgrade")
    assert code == 0 and "migrated from empty" in output
    code, output = _run("--data-dir", str(tmp_path), "db", "upgrade")
    assert code == 0 and "up to date" in output
    code, output = _run("--data-dir", str(tmp_path), "db", "check")
    assert code == 0 and "ok" in output


def test_a_corrupt_database_gives_a_plain_message_and_exit_code(tmp_path: Path) -> None:
    (tmp_path / "inspector.sqlite3").write_bytes(b"garbage" * 1000)
    result = subprocess.run(
        [sys.executable, "-m", "inspector", "--data-dir", str(tmp_path), "status"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 3
    assert "damaged" in result.stderr and "Traceback" not in result.stderr


def test_audit_verify_on_a_fresh_database_says_it_is_not_anchored(tmp_path: Path) -> None:
    """Nothing recorded yet: nothing to contradict, but the output never claims more than that."""
    code, output = _run("--data-dir", str(tmp_path), "audit", "verify", "--json")
    report = json.loads(output)
    assert code == 0 and report["chains"] == [] and report["problems"] == []
    assert report["anchored"] is False and "NOT anchored" in report["anchor"]


def test_audit_verify_fails_when_every_event_was_deleted(tmp_path: Path) -> None:
    """A station that recorded work and was verified before, its events then all deleted (triggers
    dropped): the stored walk checkpoint and the finished inspections without their settling events
    give it away, even without a central database."""
    import sqlite3

    code, _ = _run("--data-dir", str(tmp_path), "demo-seed", "--returns", "8", "--inspections", "3")
    assert code == 0
    code, output = _run("--data-dir", str(tmp_path), "audit", "verify", "--json")
    assert code == 0 and json.loads(output)["ok"], output  # verified once: the walk is remembered
    raw = sqlite3.connect(tmp_path / "inspector.sqlite3")
    raw.execute("DROP TRIGGER audit_events_no_update")
    raw.execute("DROP TRIGGER audit_events_no_delete")
    raw.execute("DELETE FROM audit_events")
    raw.commit()
    raw.close()
    code, output = _run("--data-dir", str(tmp_path), "audit", "verify", "--json")
    report = json.loads(output)
    assert code == 1 and not report["ok"] and report["chains"] == []
    assert any("removed" in problem for problem in report["problems"]), report["problems"]
    assert report["records"]["unprotected"], report["records"]


def test_a_broken_checklist_template_stops_the_station_with_file_line_and_problem(tmp_path: Path) -> None:
    checklists = tmp_path / "checklists"
    checklists.mkdir()
    (checklists / "apparel.toml").write_text(
        'id = "apparel"\nversion = 2\ntitle = "Kleding"\n\n[[questions]]\nid = "stains"\ntype = "colour"\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "inspector", "--data-dir", str(tmp_path), "status"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 3
    assert "apparel.toml:" in result.stderr and "Traceback" not in result.stderr
