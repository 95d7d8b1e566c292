"""``inspector connectors add|list|status|run|confirm``: the connectors, from the command line.

They run against the central database as its administrator (``--central URL`` or
``INSPECTOR_CENTRAL_URL``), on the machine that holds the connectors' key (``DATA_DIR/connectors.key``).
Credentials are read from a file (``--credentials-file``: JSON or ``name=value`` lines) or asked for
without echo; they are never taken from the command line (``ps`` and shell histories show those).
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import re
import signal
import sys
import threading
from pathlib import Path
from typing import Any, TextIO

from inspector.connectors.credentials import CredentialProblem, Vault, key_path
from inspector.connectors.store import PLATFORMS, add_connector, as_json, list_connectors, status_rows
from inspector.sync.urls import connect, redact_text, resolve_central_url, safe_detail

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_ENVIRONMENT = 0, 1, 2, 3


def add_connectors_parser(commands: Any) -> argparse.ArgumentParser:
    """Add ``connectors ACTION`` to a subparsers object."""
    parser = commands.add_parser("connectors",
                                 help="bol.com, Shopify and Sendcloud connectors (central side)")
    actions = parser.add_subparsers(dest="connectors_command", metavar="ACTION", required=True)
    for name, text in (
        ("add", "add a connector to a warehouse (or change one with --replace)"),
        ("list", "the connectors and their settings"),
        ("status", "failing connectors, rejected outcomes and returns that could not be imported"),
        ("run", "run the connectors: as a service, or each once with --once"),
        ("confirm", "confirm an outcome held for a supervisor (a partial refund)"),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("--central", metavar="URL", help="central URL (default: $INSPECTOR_CENTRAL_URL)")
        if name == "add":
            action.add_argument("--warehouse", required=True, help="warehouse code")
            action.add_argument("--platform", required=True, choices=PLATFORMS)
            action.add_argument("--name",
                                help="the connector's name within the warehouse (default: platform)")
            action.add_argument("--setting", action="append", default=[], metavar="KEY=VALUE",
                                help="a setting (repeatable); see docs/connectors.md per platform")
            action.add_argument("--credentials-file", type=Path, metavar="FILE",
                                help="the API credentials: JSON or name=value lines (else asked for)")
            action.add_argument("--replace", action="store_true", help="change an existing connector")
        if name in ("list", "status"):
            action.add_argument("--json", action="store_true", help="print one JSON object")
        if name == "run":
            action.add_argument("--once", action="store_true", help="run each connector once and stop")
            action.add_argument("--warehouse", help="only this warehouse's connectors")
            action.add_argument("--name", help="only the connector with this name")
        if name == "confirm":
            action.add_argument("outcome", help="the outcome's id (from 'connectors status')")
            action.add_argument("--handling", help="send this handling result instead (bol.com), e.g. "
                                                   "RETURN_DOES_NOT_MEET_CONDITIONS")
            action.add_argument("--no-refund", action="store_true",
                                help="send it without the refund (Shopify with issue_refunds)")
    return parser


def _settings(items: list[str]) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--setting wants KEY=VALUE, not {item!r}")
        try:
            settings[key.strip()] = json.loads(value)  # numbers, true/false, lists
        except ValueError:
            settings[key.strip()] = value
    return settings


SECRET_SETTING = re.compile(r"secret|password|passwd|access_token|api_key|apikey|private", re.IGNORECASE)


def shown_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """Settings as ``connectors list`` shows them: a webhook's URL (which may carry the receiver's own
    token in its path or query) as its scheme and host only, anything named like a secret masked."""
    from inspector.connectors.http import _path

    shown: dict[str, Any] = {}
    for key, value in settings.items():
        if SECRET_SETTING.search(key):
            shown[key] = "****"
        elif key == "webhook_url" and isinstance(value, str):
            shown[key] = _path(value)
        else:
            shown[key] = value
    return shown


def _credentials(path: Path | None, names: tuple[str, ...], out: TextIO) -> dict[str, str]:
    if path is not None:
        text = path.read_text(encoding="utf-8")
        try:
            data = json.loads(text)
        except ValueError:
            data = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
        return {str(k).strip(): str(v).strip() for k, v in data.items()}
    if not sys.stdin.isatty():
        raise ValueError("give --credentials-file FILE (no terminal to ask on)")
    return {name: getpass.getpass(f"{name}: ") for name in names}


def run_connectors(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    """``inspector connectors ACTION``."""
    url = resolve_central_url(getattr(args, "central", None))
    if not url:
        out.write("Give the central database: --central URL or INSPECTOR_CENTRAL_URL.\n")
        return EXIT_USAGE
    command = args.connectors_command
    try:
        return _run(args, command, url, data_dir, out)
    except (ValueError, LookupError, CredentialProblem, OSError) as problem:
        out.write(f"connectors {command}: {redact_text(str(problem), url)}\n")
        return EXIT_USAGE if isinstance(problem, ValueError | LookupError) else EXIT_ENVIRONMENT
    except Exception as exc:
        out.write(f"connectors {command} failed: {safe_detail(exc)}\n")
        log.error("connectors %s failed: %s", command, safe_detail(exc))
        return EXIT_ENVIRONMENT


def _run(args: argparse.Namespace, command: str, url: str, data_dir: Path, out: TextIO) -> int:
    if command == "add":
        from inspector.connectors.runner import platform_class

        settings = _settings(args.setting)
        secret_like = [key for key in settings if SECRET_SETTING.search(key)]
        if secret_like:  # settings are stored and listed in the clear
            raise ValueError(f"{', '.join(secret_like)} looks like a credential: put it in the "
                             "--credentials-file, not in a --setting")
        names = platform_class(args.platform).credential_names
        if settings.get("webhook_url"):  # an unsigned webhook could be forged by anyone: a secret is a must
            names = tuple(dict.fromkeys((*names, "webhook_secret")))
        else:
            names = tuple(n for n in names if n != "webhook_secret")
        credentials = _credentials(args.credentials_file, names, out)
        missing = [n for n in names if not credentials.get(n)]
        if missing:
            raise ValueError(f"the {args.platform} credentials lack {', '.join(missing)}")
        vault = Vault(key_path(data_dir), create=True)
        with connect(url) as conn:
            conn.autocommit = True
            connector = add_connector(conn, vault, args.warehouse, args.platform, args.name or args.platform,
                                      settings, credentials, args.replace)
        out.write(f"Connector {connector.warehouse_code}/{connector.name} ({connector.platform}) saved; its "
                  f"credentials are encrypted with the key in {vault.path}.\n")
        return EXIT_OK
    if command == "list":
        with connect(url) as conn:
            connectors = list_connectors(conn)
        rows = [{"warehouse": c.warehouse_code, "name": c.name, "platform": c.platform, "enabled": c.enabled,
                 "settings": shown_settings(c.settings), "cursor": c.cursor} for c in connectors]
        if args.json:
            out.write(as_json(rows) + "\n")
        for row in [] if args.json else rows:
            out.write(f"{row['warehouse']}/{row['name']}: {row['platform']}"
                      f"{'' if row['enabled'] else ' (disabled)'} "
                      f"{json.dumps(row['settings'], sort_keys=True)}\n")
        return EXIT_OK
    if command == "status":
        with connect(url) as conn:
            info = status_rows(conn)
        if args.json:
            out.write(as_json(info) + "\n")
        else:
            _print_status(info, out)
        failing = any(c["failing"] for c in info["connectors"])
        return EXIT_FAILED if failing or info["rejected_outcomes"] else EXIT_OK
    if command == "confirm":
        import uuid

        from inspector.connectors.outbox import confirm

        uuid.UUID(args.outcome)  # ValueError: not an outcome id (exit 2)
        with connect(url) as conn:
            conn.autocommit = True
            found = confirm(conn, args.outcome, args.handling, args.no_refund)
        out.write("Confirmed; it is sent at the next run.\n" if found else
                  "No outcome with that id is waiting for a confirmation.\n")
        return EXIT_OK if found else EXIT_FAILED
    if command == "run":
        from inspector.connectors.runner import run_all

        stop = threading.Event()
        if not args.once:
            for sig in (signal.SIGTERM, signal.SIGINT):
                signal.signal(sig, lambda *_: stop.set())

        def report(result: Any) -> None:
            out.write(result.text() + "\n")
            out.flush()

        results = run_all(url, data_dir, once=args.once, warehouse=args.warehouse, name=args.name,
                          stop=stop, report=report)
        return EXIT_FAILED if any(r.error for r in results) else EXIT_OK
    raise ValueError(f"unknown action {command!r}")


def _print_status(info: dict[str, Any], out: TextIO) -> None:
    if not info["connectors"]:
        out.write("No connectors: add one with 'inspector connectors add'.\n")
    for c in info["connectors"]:
        state = f"FAILING ({c['failures']}x): {c['last_error']}" if c["failing"] else "ok"
        outcomes = ", ".join(f"{k} {v}" for k, v in sorted(c["outcomes"].items())) or "none"
        last = c["last_success_at"].isoformat(timespec="seconds") if c["last_success_at"] else "never"
        held = c["awaiting_confirmation"]
        out.write(f"{c['warehouse']}/{c['name']} [{c['platform']}]: {state}; last success {last}; "
                  f"{c['returns']} returns ({c['import_problems']} not importable); outcomes: {outcomes}"
                  f"{f'; {held} awaiting confirmation' if held else ''}\n")
    for r in info["rejected_outcomes"]:
        out.write(f"REJECTED {r['warehouse']}/{r['connector']} {r['rma']} line {r['line_no']} "
                  f"({r['external_id']}, outcome {r['outcome']}): {r['message']}\n")
    for h in info["awaiting_confirmation"]:
        out.write(f"TO CONFIRM {h['warehouse']}/{h['connector']} {h['rma']} line {h['line_no']} "
                  f"({h['external_id']}): {h['refund']} refund, would send {json.dumps(h['request'])}; "
                  f"inspector connectors confirm {h['outcome']} [--handling ...]\n")
    for p in info["import_problems"]:
        out.write(f"NOT IMPORTED {p['warehouse']}/{p['connector']} {p['external_id']} ({p['rma']}): "
                  f"{p['problem']}\n")
