"""The generic outcome export, for platforms without an outcome API (Sendcloud) or without an API at all.

Per finished line one outcome goes out, through the outbox (exactly once, retried with backoff):

* **file**: appended to ``export_file`` as JSON Lines (``export_format = "json"``, the default) or CSV
  (``"csv"``, a header when the file is new); each record carries its ``outcome_id``, and after a crash
  mid-write the file is searched for it first, so no outcome is written twice;
* **webhook**: ``POST`` to ``webhook_url`` with the JSON body and the headers
  ``X-Inspector-Signature: sha256=<hex HMAC-SHA256 of the body with the connector's webhook_secret>``,
  ``X-Inspector-Delivery: <outcome id>`` and ``X-Inspector-Timestamp``. A 2xx accepts it, another 4xx
  rejects it, a timeout or 5xx is tried again later with the same delivery id (a receiver that saw it
  already answers 2xx and ignores it: the delivery id is the idempotency key).
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import os
import time
from pathlib import Path
from typing import Any

from inspector.connectors.base import Delivery, Platform
from inspector.connectors.credentials import CredentialProblem
from inspector.connectors.http import HttpClient
from inspector.private_files import fsync_directory

CSV_COLUMNS = ("outcome_id", "warehouse", "connector", "rma", "platform_id", "line_no", "sku", "gtin",
               "quantity", "received", "missing", "wrong_item", "refund", "refund_cents", "grades",
               "dispositions", "finished_at")


def signature(secret: str, body: bytes) -> str:
    """The ``X-Inspector-Signature`` value of ``body``: ``sha256=`` and the hex HMAC-SHA256."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify_signature(secret: str, body: bytes, header: str) -> bool:
    """For receivers (and tests): does ``header`` sign ``body`` with ``secret``? (constant time)"""
    # As bytes: compare_digest refuses text with non-ASCII characters (a hostile header) with a TypeError.
    return hmac.compare_digest(signature(secret, body).encode("ascii"),
                               (header or "").encode("utf-8", "surrogateescape"))


def export_record(platform: Platform, row: dict[str, Any]) -> dict[str, Any]:
    """The exported form of one outbox row."""
    outcome = row["payload"]["outcome"]
    return {
        "outcome_id": str(row["id"]), "warehouse": platform.connector.warehouse_code,
        "connector": platform.connector.name, "platform": platform.connector.platform,
        "rma": outcome["rma"], "platform_id": row["external_id"], "line_no": outcome["line_no"],
        "sku": outcome["sku"], "gtin": outcome["gtin"], "quantity": outcome["quantity"],
        "received": outcome["received"], "missing": outcome["missing"], "wrong_item": outcome["wrong_item"],
        "refund": outcome["refund"], "refund_cents": outcome["refund_cents"],
        "units": outcome["units"], "finished_at": outcome["finished_at"],
    }


class OutcomeExport:
    """Writes outcomes to the configured file and/or webhook of a connector."""

    def __init__(self, platform: Platform) -> None:
        self.platform = platform
        settings = platform.settings
        self.file = Path(settings["export_file"]) if settings.get("export_file") else None
        self.format = settings.get("export_format", "json")
        self.webhook = settings.get("webhook_url") or ""
        self._http: HttpClient | None = None

    @property
    def configured(self) -> bool:
        return bool(self.file or self.webhook)

    def close(self) -> None:
        if self._http is not None:
            self._http.close()

    def send(self, row: dict[str, Any]) -> Delivery:
        if self.webhook and not self.platform.credentials.get("webhook_secret"):
            # Signed with an empty key, anyone could make a valid signature: nothing is sent until the
            # connector has a secret (the outcome stays 'sending' and goes out once it has).
            raise CredentialProblem(f"The connector {self.platform.connector.name} has a webhook_url but "
                                    "no webhook_secret: add it again with one (--replace).")
        record = export_record(self.platform, row)
        if self.file is not None and not self._in_file(record["outcome_id"]):
            self._append(record)
        if self.webhook:
            self._post(record)
        return Delivery("accepted")

    def already_delivered(self, row: dict[str, Any]) -> Delivery | None:
        if self.webhook:
            return None  # sent again with the same delivery id; the receiver ignores a repeat
        if self.file is not None and self._in_file(str(row["id"])):
            return Delivery("accepted")
        return None

    def _in_file(self, outcome_id: str) -> bool:
        """Whether a complete record of the outcome is in the file. A line cut short (the disk filled
        up, the power went mid-write) may hold the id but not the record: it does not count."""
        if self.file is None or not self.file.exists():
            return False
        needle = outcome_id.encode("ascii")
        with self.file.open("rb") as handle:
            for line in handle:
                if needle not in line or not line.endswith(b"\n"):
                    continue
                if self.format == "csv":
                    if line.startswith(needle + b","):
                        return True
                    continue
                try:
                    if json.loads(line).get("outcome_id") == outcome_id:
                        return True
                except (ValueError, AttributeError):
                    continue
        return False

    def _append(self, record: dict[str, Any]) -> None:
        assert self.file is not None
        self.file.parent.mkdir(parents=True, exist_ok=True)
        new = not self.file.exists() or self.file.stat().st_size == 0
        if self.format == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            if new:
                writer.writerow(CSV_COLUMNS)
            flat = {**record, "grades": " ".join(str(u["grade"] or "") for u in record["units"]),
                    "dispositions": " ".join(str(u["disposition"] or "") for u in record["units"])}
            writer.writerow([_cell(flat.get(column, "")) for column in CSV_COLUMNS])
            data = buffer.getvalue()
        else:
            data = json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n"
        if not new:
            with self.file.open("rb") as tail:
                tail.seek(-1, os.SEEK_END)
                if tail.read(1) != b"\n":  # a line cut short before: ours starts on a line of its own
                    data = "\n" + data
        with self.file.open("a", encoding="utf-8", newline="") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if new:
            fsync_directory(self.file.parent)

    def _post(self, record: dict[str, Any]) -> None:
        secret = self.platform.credentials.get("webhook_secret", "")
        body = json.dumps(record, sort_keys=True, separators=(",", ":")).encode("utf-8")
        if self._http is None:
            self._http = self.platform._http_factory(self.webhook)
        self._http.request("POST", self.webhook, content=body, expect_json=False, once=True, headers={
            "Content-Type": "application/json", "X-Inspector-Signature": signature(secret, body),
            "X-Inspector-Delivery": record["outcome_id"], "X-Inspector-Timestamp": str(int(time.time())),
        })


def _cell(value: Any) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class ExportPlatform(Platform):
    """An outcome export on its own: the outcomes of every return of the warehouse (file or webhook)."""

    name = "export"
    credential_names = ("webhook_secret",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.export = OutcomeExport(self)

    def close(self) -> None:
        self.export.close()

    def needs_confirmation(self, outcome: dict[str, Any]) -> bool:
        return False

    def send(self, row: dict[str, Any]) -> Delivery:
        return self.export.send(row)

    def already_delivered(self, row: dict[str, Any]) -> Delivery | None:
        return self.export.already_delivered(row)
