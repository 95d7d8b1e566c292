"""Running the connectors: import, put finished lines in the outbox, send, follow; record the health.

One run of a connector: (1) read the platform's returns page by page from its cursor, each page written
in one transaction with the cursor (:func:`~inspector.connectors.importing.write_page`); (2) put the
outcomes of newly finished lines in the outbox; (3) send what is due and follow what was sent
(:func:`~inspector.connectors.outbox.dispatch`). A failure (the platform down, a 429, wrong
credentials) ends that connector's run, is recorded on it (``last_error``, ``failures``) and postpones
it with exponential backoff (a 429: by the platform's ``Retry-After``); the other connectors and the
stations carry on, since nothing here is on the stations' path.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from inspector.connectors.base import Platform
from inspector.connectors.credentials import CredentialProblem, Vault
from inspector.connectors.http import ConnectorHttpError, HttpClient, RateLimited, backoff_seconds
from inspector.connectors.importing import write_page
from inspector.connectors.outbox import dispatch, enqueue
from inspector.connectors.store import Connector, list_connectors, load_credentials, record_run
from inspector.sync.urls import connect, safe_detail

log = logging.getLogger(__name__)

RUN_EVERY_S = 300.0
FAILURE_BACKOFF_BASE_S = 60.0
FAILURE_BACKOFF_CAP_S = 3600.0


def platform_class(name: str) -> type[Platform]:
    """The :class:`Platform` of a platform name."""
    if name == "sendcloud":
        from inspector.connectors.sendcloud import SendcloudPlatform

        return SendcloudPlatform
    if name == "bol":
        from inspector.connectors.bol import BolPlatform

        return BolPlatform
    if name == "shopify":
        from inspector.connectors.shopify import ShopifyPlatform

        return ShopifyPlatform
    if name == "export":
        from inspector.connectors.export import ExportPlatform

        return ExportPlatform
    raise ValueError(f"unknown platform {name!r}")


@dataclass
class RunResult:
    """What one run of one connector did."""

    connector: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    import_problems: int = 0
    queued: int = 0
    outbox: dict[str, int] = field(default_factory=dict)
    error: str = ""
    skipped: bool = False

    def text(self) -> str:
        if self.skipped:
            return f"{self.connector}: skipped, another run of it is in progress"
        sent = ", ".join(f"{k} {v}" for k, v in sorted(self.outbox.items())) or "nothing due"
        head = (f"{self.connector}: {self.created} new, {self.updated} changed, {self.unchanged} unchanged, "
                f"{self.import_problems} not importable; {self.queued} outcomes queued; outbox: {sent}")
        return head + (f"; FAILED: {self.error}" if self.error else "")


def run_connector(conn: Any, connector: Connector, vault: Vault,
                  http: Callable[..., HttpClient] | None = None) -> RunResult:
    """One run of one connector (see the module docstring); never raises for a platform's failure."""
    result = RunResult(f"{connector.warehouse_code}/{connector.name}")
    # One run per connector at a time, whichever machine runs it: two runs would read the same new
    # returns and pick up the same waiting outcomes. A session lock, so a killed run releases it.
    lock = _lock_key(connector)
    if not conn.execute("SELECT pg_try_advisory_lock(%s)", (lock,)).fetchone()[0]:
        result.skipped = True
        return result
    try:
        return _run(conn, connector, vault, http or HttpClient, result)
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s)", (lock,))


def _lock_key(connector: Connector) -> int:
    return int.from_bytes(connector.id.bytes[:8], "big", signed=True)


def _run(conn: Any, connector: Connector, vault: Vault, http: Callable[..., HttpClient],
         result: RunResult) -> RunResult:
    platform: Platform | None = None
    try:
        load_credentials(conn, vault, connector)
        platform = platform_class(connector.platform)(connector, http)
        for page in platform.pages(dict(connector.cursor)):
            report = write_page(conn, connector, page.returns, page.cursor)
            result.created += report.created
            result.updated += report.updated
            result.unchanged += report.unchanged
            result.import_problems += report.rejected_returns
        if platform.sends_outcomes:
            result.queued = enqueue(conn, connector, platform)
            result.outbox = dispatch(conn, connector, platform)
    except RateLimited as limited:
        result.error = limited.message
        record_run(conn, connector, limited.message, next_run_in_s=limited.retry_after_s)
        return result
    except (ConnectorHttpError, CredentialProblem) as problem:
        result.error = getattr(problem, "message", None) or str(problem)
    except Exception as exc:  # a bug or the database: recorded, the other connectors go on
        log.exception("connector %s failed", result.connector)
        result.error = safe_detail(exc)
    finally:
        if platform is not None:
            platform.close()
    if result.error:
        log.warning("connector %s failed: %s", result.connector, result.error)
        if conn.info.transaction_status != 0:  # a failed statement left the transaction open
            conn.rollback()
        record_run(conn, connector, result.error, next_run_in_s=backoff_seconds(
            connector.failures + 1, FAILURE_BACKOFF_BASE_S, FAILURE_BACKOFF_CAP_S))
    else:
        record_run(conn, connector, "", next_run_in_s=float(connector.settings.get("every_s", RUN_EVERY_S)))
    return result


def run_all(central_url: str, data_dir: Path, *, once: bool = True, warehouse: str | None = None,
            name: str | None = None, http: Callable[..., HttpClient] | None = None,
            stop: threading.Event | None = None, report: Callable[[RunResult], None] | None = None,
            poll_s: float = 5.0) -> list[RunResult]:
    """Run the enabled connectors: each once (``once``), or as a service until ``stop`` is set.

    As a service each connector runs when its ``next_run_at`` has come (every ``every_s`` seconds,
    later after failures); ``--once`` runs every selected connector now.
    """
    from inspector.connectors.credentials import key_path

    vault = Vault(key_path(data_dir))
    results: list[RunResult] = []
    stop = stop or threading.Event()
    while True:
        with connect(central_url) as conn:
            conn.autocommit = True
            for connector in list_connectors(conn, warehouse):
                if not connector.enabled or (name and connector.name != name):
                    continue
                if not once and connector.next_run_at and connector.next_run_at > datetime.now(UTC):
                    continue
                result = run_connector(conn, connector, vault, http)
                results.append(result)
                if report is not None:
                    report(result)
                if stop.is_set():
                    break
        if once or stop.wait(poll_s):
            return results
