"""``inspector connectors add|list|status`` from the command line."""

from __future__ import annotations

import io
import json
import stat

import pytest
from helpers import make_warehouse

from inspector.cli import main


def cli(tmp_path, central_url, *args):
    out = io.StringIO()
    code = main(["--data-dir", str(tmp_path / "data"), "connectors", *args, "--central", central_url], out)
    return code, out.getvalue()


@pytest.mark.postgres
def test_add_list_and_status(central_url, tmp_path, codes, monkeypatch):
    warehouse = codes("NL-CLI")
    make_warehouse(central_url, warehouse)
    secrets_file = tmp_path / "bol.json"
    secrets_file.write_text(json.dumps({"client_id": "cid", "client_secret": "csecret-123456"}))
    code, text = cli(tmp_path, central_url, "add", "--warehouse", warehouse, "--platform", "bol",
                     "--credentials-file", str(secrets_file),
                     "--setting", 'fulfilment_methods=["FBR", "FBB"]', "--setting", "confirm_partial=false")
    assert code == 0, text
    key = tmp_path / "data" / "connectors.key"
    assert str(key) in text and stat.S_IMODE(key.stat().st_mode) == 0o600

    code, text = cli(tmp_path, central_url, "list", "--json")
    [listed] = [c for c in json.loads(text) if c["warehouse"] == warehouse]
    assert listed["settings"] == {"fulfilment_methods": ["FBR", "FBB"], "confirm_partial": False}
    assert "csecret" not in text and "cid" not in text

    code, text = cli(tmp_path, central_url, "add", "--warehouse", warehouse, "--platform", "bol",
                     "--credentials-file", str(secrets_file))
    assert code == 2 and "--replace" in text
    code, text = cli(tmp_path, central_url, "add", "--warehouse", warehouse, "--platform", "bol",
                     "--credentials-file", str(secrets_file), "--replace")
    assert code == 0, text

    partial = tmp_path / "partial.txt"
    partial.write_text("client_id=cid\n")
    code, text = cli(tmp_path, central_url, "add", "--warehouse", warehouse, "--platform", "bol", "--name",
                     "other", "--credentials-file", str(partial))
    assert code == 2 and "lack client_secret" in text
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, text = cli(tmp_path, central_url, "add", "--warehouse", warehouse, "--platform", "shopify")
    assert code == 2 and "--credentials-file" in text
    code, text = cli(tmp_path, central_url, "add", "--warehouse", "NOPE", "--platform", "bol",
                     "--credentials-file", str(secrets_file))
    assert code == 2 and "does not exist" in text

    code, text = cli(tmp_path, central_url, "status", "--json")
    mine = [c for c in json.loads(text)["connectors"] if c["warehouse"] == warehouse]
    assert mine[0]["failing"] is False and mine[0]["last_success_at"] is None


def test_the_systemd_unit_runs_the_connectors_as_a_confined_service() -> None:
    import configparser
    import shlex
    from pathlib import Path

    from inspector.cli import build_parser

    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read(Path(__file__).resolve().parents[2] / "packaging" / "linux" / "inspector-connectors.service",
              encoding="utf-8")
    service = unit["Service"]
    program, *args = shlex.split(service["ExecStart"])
    parsed = build_parser().parse_args(args)
    assert program.endswith("/inspector") and parsed.command == "connectors"
    assert parsed.connectors_command == "run" and not parsed.once
    assert service["KillSignal"] == "SIGTERM" and service["UMask"] == "0077"
    assert service["Environment"].split("=", 1)[1] in service["ReadWritePaths"].split()
