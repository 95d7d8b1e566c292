"""Sendcloud Returns API v3 against a local fake: paging, duplicates, changes, 429, 5xx, malformed data,
and the outcome export (file and signed webhook)."""

from __future__ import annotations

import copy
import json

import psycopg
import pytest
from fakes import FakeSendcloud, FakeWebhook, fixture
from helpers import Client, add, finish, make_warehouse, outcomes, reload, returns_of, run

from inspector.connectors.export import verify_signature

pytestmark = pytest.mark.postgres


@pytest.fixture
def sendcloud():
    fake = FakeSendcloud(copy.deepcopy(fixture("sendcloud_returns.json")["returns"]))
    yield fake
    fake.close()


def connect_sendcloud(central_url, tmp_path, codes, fake, **settings):
    warehouse = codes("NL-SC")
    make_warehouse(central_url, warehouse)
    connector = add(central_url, tmp_path, warehouse, "sendcloud",
                    {"base_url": fake.url + "/api/v3", "page_size": 2, **settings},
                    {"public_key": "pub", "secret_key": "sec"})
    return warehouse, connector


def test_returns_are_imported_page_by_page_and_again_unchanged(central_url, tmp_path, codes, sendcloud):
    warehouse, connector = connect_sendcloud(central_url, tmp_path, codes, sendcloud)
    result = run(central_url, tmp_path, connector, Client())
    assert not result.error, result.error
    assert (result.created, result.updated, result.unchanged) == (5, 0, 0)
    assert len(sendcloud.seen("GET", "/api/v3/returns")) == 3  # 5 returns, 2 a page
    found = returns_of(central_url, warehouse)
    first = found["ORD120000"]
    assert first["customer_name"] == "Anna de Vries" and first["postcode"] == "1013AB"
    assert first["tracking"] == "3SSEND12345678" and first["carrier"] == "postnl"
    assert first["email"] == "anna@example.nl"
    assert [(line["sku"], line["quantity"], line["reason"], line["price"]) for line in first["lines"]] == [
        ("TS-0", 1, "wrong_size", 1995), ("JN-0", 2, "no_longer_needed", 5900)]
    assert found["ORD120001"]["refund_choice"] == "store_credit"
    assert found["ORD120002"]["refund_choice"] == "exchange" and found["ORD120002"]["country"] == "BE"
    assert first["rma"].startswith("RMA9")
    assert reload(central_url, connector).cursor["since"].startswith("2026-11-24")

    # The same returns delivered again (the date window overlaps): nothing changes, the RMAs stay.
    again = run(central_url, tmp_path, connector, Client())
    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)
    assert returns_of(central_url, warehouse)["ORD120000"]["rma"] == first["rma"]

    # The customer changed a return in the portal: updated like the file import does.
    sendcloud.returns[0]["parcel_items"][1]["quantity"] = 1
    sendcloud.returns[0]["tracking_number"] = "3SSEND99999999"
    changed = run(central_url, tmp_path, connector, Client())
    assert (changed.created, changed.updated, changed.unchanged) == (0, 1, 4)
    now = returns_of(central_url, warehouse)["ORD120000"]
    assert now["tracking"] == "3SSEND99999999" and now["lines"][1]["quantity"] == 1


def test_rate_limit_server_errors_and_timeouts_are_waited_out(central_url, tmp_path, codes, sendcloud):
    _warehouse, connector = connect_sendcloud(central_url, tmp_path, codes, sendcloud)
    sendcloud.fail("GET", "/api/v3/returns", (429, {"Retry-After": "7"}, {"errors": [
        {"status": "429", "code": "throttled", "detail": "Request was throttled."}]}))
    sendcloud.fail("GET", "/api/v3/returns", (502, {}, b"<html>Bad gateway</html>"))
    sendcloud.fail("GET", "/api/v3/returns", "hang")
    client = Client(timeout_s=0.3)
    result = run(central_url, tmp_path, connector, client)
    assert not result.error, result.error
    assert result.created == 5
    assert client.waits[0] == 7.0  # Retry-After honoured
    assert len(client.waits) == 3  # and backoff after the 502 and the timeout


def test_a_long_outage_marks_the_connector_failing_and_it_recovers(central_url, tmp_path, codes, sendcloud):
    from inspector.cli import main

    warehouse, connector = connect_sendcloud(central_url, tmp_path, codes, sendcloud)
    sendcloud.fail("GET", "/api/v3/returns", (503, {}, {"errors": [{"detail": "maintenance"}]}), times=3)
    result = run(central_url, tmp_path, connector, Client())
    assert "maintenance" in result.error
    failing = reload(central_url, connector)
    assert failing.failures == 1 and "maintenance" in failing.last_error and failing.next_run_at

    import io
    out = io.StringIO()
    assert main(["--data-dir", str(tmp_path), "connectors", "status", "--central", central_url], out) == 1
    assert f"{warehouse}/sendcloud [sendcloud]: FAILING (1x)" in out.getvalue()

    assert not run(central_url, tmp_path, connector, Client()).error
    assert reload(central_url, connector).failures == 0


def test_malformed_answers_fail_the_run_and_a_malformed_return_is_listed(central_url, tmp_path, codes,
                                                                         sendcloud):
    _warehouse, connector = connect_sendcloud(central_url, tmp_path, codes, sendcloud)
    sendcloud.fail("GET", "/api/v3/returns", (200, {}, b"{not json"), times=3)
    assert "not JSON" in run(central_url, tmp_path, connector, Client()).error
    sendcloud.fail("GET", "/api/v3/returns", (200, {}, {"next": None, "items": []}))
    assert "data" in run(central_url, tmp_path, connector, Client()).error

    sendcloud.returns[1]["parcel_items"][0]["quantity"] = "many"
    sendcloud.returns[2]["from_address"]["postal_code"] = "=HYPERLINK(1)"
    result = run(central_url, tmp_path, connector, Client())
    assert not result.error and result.created == 3 and result.import_problems == 2
    with psycopg.connect(central_url) as conn:
        problems = dict(conn.execute("SELECT external_id, import_problem FROM connector_returns "
                                     "WHERE connector_id = %s AND import_problem <> ''", (connector.id,)))
    assert "ValueError" in problems["1751076"]
    assert "formula" in problems["1751077"]


def test_outcomes_are_exported_once_to_a_file_and_a_signed_webhook(central_url, tmp_path, codes, sendcloud):
    hook = FakeWebhook()
    try:
        export_file = tmp_path / "out" / "outcomes.jsonl"
        warehouse = codes("NL-SC")
        make_warehouse(central_url, warehouse)
        connector = add(central_url, tmp_path, warehouse, "sendcloud",
                        {"base_url": sendcloud.url + "/api/v3", "export_file": str(export_file),
                         "webhook_url": hook.url + "/hook"},
                        {"public_key": "pub", "secret_key": "sec", "webhook_secret": "hook-secret"})
        run(central_url, tmp_path, connector, Client())
        rma = returns_of(central_url, warehouse)["ORD120000"]["rma"]
        finish(central_url, rma, 1)
        finish(central_url, rma, 2, 1)  # line 2 has 2 units: not finished yet
        result = run(central_url, tmp_path, connector, Client())
        assert result.queued == 1 and result.outbox == {"sent": 1}
        finish(central_url, rma, 2, 2, outcome="missing", refund="none", grade=None, disposition="")
        run(central_url, tmp_path, connector, Client())
        run(central_url, tmp_path, connector, Client())  # nothing new: nothing sent again

        records = [json.loads(line) for line in export_file.read_text().splitlines()]
        assert [(r["rma"], r["line_no"], r["received"], r["missing"], r["refund"]) for r in records] == [
            (rma, 1, 1, 0, "full"), (rma, 2, 1, 1, "full")]
        posts = hook.seen("POST", "/hook")
        assert len(posts) == 2
        for post in posts:
            assert verify_signature("hook-secret", post.body, post.headers["x-inspector-signature"])
            assert post.headers["x-inspector-delivery"] == post.json()["outcome_id"]
        assert not verify_signature("other", posts[0].body, posts[0].headers["x-inspector-signature"])
        assert [o["state"] for o in outcomes(central_url, connector)] == ["accepted", "accepted"]
    finally:
        hook.close()


def test_one_run_per_connector_at_a_time(central_url, tmp_path, codes, sendcloud):
    from inspector.connectors.runner import _lock_key

    _warehouse, connector = connect_sendcloud(central_url, tmp_path, codes, sendcloud)
    with psycopg.connect(central_url, autocommit=True) as other:  # another machine's run holds it
        other.execute("SELECT pg_advisory_lock(%s)", (_lock_key(connector),))
        result = run(central_url, tmp_path, connector, Client())
        assert result.skipped and "another run" in result.text()
        assert sendcloud.requests == []
    assert run(central_url, tmp_path, connector, Client()).created == 5  # released with its session


def test_run_as_a_service_until_stopped(central_url, tmp_path, codes, sendcloud):
    import threading

    from inspector.connectors.runner import run_all

    warehouse, _connector = connect_sendcloud(central_url, tmp_path, codes, sendcloud)
    stop = threading.Event()
    seen = []

    def report(result):
        seen.append(result)
        stop.set()  # SIGTERM's handler does this in 'inspector connectors run'

    results = run_all(central_url, tmp_path, once=False, warehouse=warehouse, http=Client(), stop=stop,
                      report=report)
    assert [r.created for r in results] == [5] and seen == results
    # Run again as a service: the connector is not due yet (every_s), so nothing runs before the stop.
    stop.clear()
    timer = threading.Timer(0.3, stop.set)
    timer.start()
    assert run_all(central_url, tmp_path, once=False, warehouse=warehouse, http=Client(), stop=stop,
                   poll_s=0.1) == []
    timer.join()
