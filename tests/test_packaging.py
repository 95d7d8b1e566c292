"""Service recipes and the build spec (issue 12 §5): the commands they run are real commands of this
version, the systemd unit is well-formed and confined, and build.spec names no machine-specific path."""

from __future__ import annotations

import configparser
import re
import shlex
import shutil
import subprocess
from pathlib import Path

from inspector.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]


def test_the_systemd_unit_runs_inspector_sync_confined() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read(ROOT / "packaging" / "linux" / "inspector-sync.service", encoding="utf-8")
    service = unit["Service"]
    program, *args = shlex.split(service["ExecStart"])
    assert program.endswith("/inspector")
    parsed = build_parser().parse_args(args)
    assert parsed.command == "sync" and not parsed.once  # the loop that stops cleanly on SIGTERM
    assert service["KillSignal"] == "SIGTERM" and service["Restart"] == "on-failure"
    assert service["UMask"] == "0077" and service["ProtectSystem"] == "strict"
    data_dir = service["Environment"].split("=", 1)[1]
    assert data_dir in service["ReadWritePaths"].split()
    assert unit["Install"]["WantedBy"] == "multi-user.target"
    if shutil.which("systemd-analyze"):
        path = ROOT / "packaging" / "linux" / "inspector-sync.service"
        result = subprocess.run(["systemd-analyze", "verify", str(path)], capture_output=True, text=True,
                                check=False)
        problems = [line for line in result.stderr.splitlines()
                    if "inspector-sync.service" in line and "/opt/ReturnInspector" not in line]
        assert problems == [], result.stderr


def test_the_windows_task_runs_inspector_sync() -> None:
    script = (ROOT / "packaging" / "windows" / "install-sync-task.ps1").read_text(encoding="utf-8")
    argument = re.search(r'New-ScheduledTaskAction -Execute \$App -Argument "(.+)"', script)
    assert argument is not None
    args = shlex.split(argument.group(1).replace("`\"", '"').replace("$DataDir", "C:/ProgramData/RI"))
    parsed = build_parser().parse_args(args)
    assert parsed.command == "sync" and parsed.data_dir == "C:/ProgramData/RI"
    assert "-AtStartup" in script and "-RestartCount" in script


def test_build_spec_is_portable() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    code = "\n".join(line.split("#")[0] for line in spec.splitlines())
    assert not re.search(r"['\"](/usr|/lib|/opt|/home|[A-Za-z]:\\\\)", code), "a machine-specific path"
    for needed in ("central_migrations", "migrations", "translations", "resources", "tzdata",
                   "psycopg_binary"):
        assert needed in code
