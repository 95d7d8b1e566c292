"""The generic outcome export on its own: every return of the warehouse, file imports included."""

from __future__ import annotations

import csv

import psycopg
import pytest
from fakes import FakeWebhook
from helpers import Client, add, finish, outcomes, run

from inspector.connectors.export import verify_signature
from inspector.sync.announce import announce_returns

pytestmark = pytest.mark.postgres


def test_an_export_connector_writes_csv_and_signs_webhooks_for_file_imported_returns(central_url, tmp_path,
                                                                                        codes, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    warehouse = codes("NL-EXP")
    rma = codes("RMA-EXP")
    announce_returns(central_url, [{"warehouse": warehouse, "rma_number": rma, "order_number": "=cmd|x",
                                    "lines": [{"sku": "SKU-1", "product_name": "Jas", "category": "apparel",
                                               "reason_code": "wrong_size", "quantity": 1}]}])
    finish(central_url, rma, 1)  # before the export existed: not exported
    hook = FakeWebhook()
    hook.fail("POST", "/in/", (503, {}, b"busy"))  # the receiver is down once: tried again later
    try:
        out = tmp_path / "outcomes.csv"
        connector = add(central_url, tmp_path, warehouse, "export",
                        {"export_file": str(out), "export_format": "csv",
                         "webhook_url": hook.url + "/in/T0-hook-token-77"},
                        {"webhook_secret": "s3cret"})
        assert run(central_url, tmp_path, connector, Client()).queued == 0
        with psycopg.connect(central_url, autocommit=True) as conn:
            conn.execute("DELETE FROM inspections WHERE return_id = "
                         "(SELECT id FROM returns WHERE rma_number = %s)", (rma,))
        finish(central_url, rma, 1, grade="liquidate", refund="partial", disposition="liquidate")
        first = run(central_url, tmp_path, connector, Client())
        assert first.queued == 1 and "503" in first.error
        [row] = outcomes(central_url, connector)
        assert row["state"] == "sending"  # the 503 may have been processed: asked again, not resent blindly
        with psycopg.connect(central_url, autocommit=True) as conn:
            conn.execute("UPDATE connector_outcomes SET next_attempt_at = now() WHERE connector_id = %s",
                         (connector.id,))
        assert not run(central_url, tmp_path, connector, Client()).error
        rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
        assert len(rows) == 1  # the file is checked for the outcome before it is written again
        assert (rows[0]["rma"], rows[0]["refund"], rows[0]["grades"]) == (rma, "partial", "liquidate")
        posts = hook.seen("POST", "/in/T0-hook-token-77")
        assert len(posts) == 2 and posts[0].body == posts[1].body  # same delivery id: receivers dedupe
        assert verify_signature("s3cret", posts[1].body, posts[1].headers["x-inspector-signature"])
        assert [o["state"] for o in outcomes(central_url, connector)] == ["accepted"]
        assert "503" in caplog.text and "hook-token" not in caplog.text  # the webhook's URL is a secret too
    finally:
        hook.close()
