"""Hostile platforms and a hostile reader: what a connector does with answers meant to hurt it.

Each test here failed on the code before its fix (see the commit that added it).
"""

from __future__ import annotations

import copy

import pytest
from fakes import FakeSendcloud, FakeWebhook, fixture
from helpers import Client, add, make_warehouse, run

pytestmark = pytest.mark.postgres


@pytest.fixture
def sendcloud():
    fake = FakeSendcloud(copy.deepcopy(fixture("sendcloud_returns.json")["returns"]))
    yield fake
    fake.close()


def _sendcloud(central_url, tmp_path, codes, fake, **settings):
    warehouse = codes("NL-HX")
    make_warehouse(central_url, warehouse)
    return warehouse, add(central_url, tmp_path, warehouse, "sendcloud",
                          {"base_url": fake.url + "/api/v3", "page_size": 2, **settings},
                          {"public_key": "pub", "secret_key": "sec"})


def test_a_next_link_to_another_host_never_gets_the_credentials(central_url, tmp_path, codes, sendcloud):
    elsewhere = FakeWebhook()
    try:
        page = {"next": f"{elsewhere.url}/steal?cursor=x", "previous": None, "data": []}
        sendcloud.fail("GET", "/api/v3/returns", (200, {}, page))
        _warehouse, connector = _sendcloud(central_url, tmp_path, codes, sendcloud)
        result = run(central_url, tmp_path, connector, Client())
        assert [r.headers.get("authorization") for r in elsewhere.requests] == []
        assert "another host" in result.error
    finally:
        elsewhere.close()


def test_a_next_link_that_repeats_ends_the_run(central_url, tmp_path, codes, sendcloud):
    loop = {"next": f"{sendcloud.url}/api/v3/returns?cursor=bz0w&page_size=2", "previous": None,
            "data": []}
    sendcloud.fail("GET", "/api/v3/returns", (200, {}, loop), times=50)
    _warehouse, connector = _sendcloud(central_url, tmp_path, codes, sendcloud)
    result = run(central_url, tmp_path, connector, Client())
    assert len(sendcloud.seen("GET", "/api/v3/returns")) <= 3
    assert "repeats" in result.error


@pytest.mark.parametrize("value", ["1e300", "inf", "1000000000"])
def test_an_absurd_retry_after_postpones_the_connector_a_bounded_time(central_url, tmp_path, codes,
                                                                       sendcloud, value):
    import psycopg

    sendcloud.fail("GET", "/api/v3/returns", (429, {"Retry-After": value}, {"errors": []}))
    _warehouse, connector = _sendcloud(central_url, tmp_path, codes, sendcloud)
    result = run(central_url, tmp_path, connector, Client())
    assert "rate limited" in result.error
    with psycopg.connect(central_url) as conn:
        wait = conn.execute("SELECT extract(epoch FROM next_run_at - now()) FROM connectors WHERE id = %s",
                            (connector.id,)).fetchone()[0]
    assert 0 < wait <= 24 * 3600


def test_retry_after_is_read_within_sane_bounds():
    from inspector.connectors.http import MAX_RETRY_AFTER_S, retry_after_seconds

    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("-5") == 0.0
    assert retry_after_seconds("nan") == 1.0
    assert retry_after_seconds("1e9") == MAX_RETRY_AFTER_S
    assert retry_after_seconds("inf") == MAX_RETRY_AFTER_S
    assert retry_after_seconds("Fri, 31 Dec 9999 23:59:59 GMT") == MAX_RETRY_AFTER_S


@pytest.fixture
def shopify():
    from fakes import FakeShopify

    fake = FakeShopify(copy.deepcopy(fixture("shopify_orders.json")["orders"]))
    yield fake
    fake.close()


def _shopify(central_url, tmp_path, codes, fake, **settings):
    warehouse = codes("NL-HXS")
    make_warehouse(central_url, warehouse)
    return warehouse, add(central_url, tmp_path, warehouse, "shopify",
                          {"shop_url": fake.url, "page_size": 1, "location_id": "gid://shopify/Location/1",
                           **settings}, {"access_token": "shpat_test"})


def test_a_shopify_cursor_that_repeats_ends_the_run(central_url, tmp_path, codes, shopify):
    page = {"data": {"orders": {"pageInfo": {"hasNextPage": True, "endCursor": "c:same"}, "nodes": []}}}
    shopify.fail("POST", "/admin/api/", (200, {}, page), times=50)
    _warehouse, connector = _shopify(central_url, tmp_path, codes, shopify)
    result = run(central_url, tmp_path, connector, Client())
    assert len(shopify.seen("POST")) <= 3
    assert "repeats" in result.error


def test_a_shopify_cost_that_would_mean_waiting_for_months_postpones_instead(central_url, tmp_path, codes,
                                                                            shopify):
    cost = {"cost": {"requestedQueryCost": 1e9, "actualQueryCost": None, "throttleStatus": {
        "maximumAvailable": 1000, "currentlyAvailable": 0, "restoreRate": 50}}}
    shopify.fail("POST", "/admin/api/", (200, {}, {"errors": [{"message": "Throttled", "extensions": {
        "code": "THROTTLED"}}], "extensions": cost}), times=10)
    _warehouse, connector = _shopify(central_url, tmp_path, codes, shopify)
    client = Client()
    result = run(central_url, tmp_path, connector, client)
    assert all(w <= 30 for w in client.waits), client.waits
    assert result.error


@pytest.fixture
def bol():
    from fakes import FakeBol

    fake = FakeBol(copy.deepcopy(fixture("bol_returns.json")["returns"]))
    yield fake
    fake.close()


def _bol(central_url, tmp_path, codes, fake, **settings):
    warehouse = codes("NL-HXB")
    make_warehouse(central_url, warehouse)
    return warehouse, add(central_url, tmp_path, warehouse, "bol",
                          {"base_url": fake.url, "token_url": fake.url + "/token", "follow_after_s": 0,
                           **settings}, {"client_id": "bol-client", "client_secret": "bol-secret"})


def test_items_bol_lists_in_another_order_keep_their_lines_and_inspections(central_url, tmp_path, codes, bol):
    from helpers import finish, returns_of

    warehouse, connector = _bol(central_url, tmp_path, codes, bol)
    assert not run(central_url, tmp_path, connector, Client()).error
    two = returns_of(central_url, warehouse)["4012345601"]
    assert [ln["gtin"] for ln in two["lines"]] == ["4006381333931", "8712345678913"]
    # The station inspects the second item (rmaId 86123463) only; then bol.com lists the items the
    # other way round (its order is not promised).
    finish(central_url, two["rma"], 2)
    bol.returns[1]["returnItems"].reverse()
    result = run(central_url, tmp_path, connector, Client())
    assert not result.error, result.error
    now = returns_of(central_url, warehouse)["4012345601"]
    assert {ln["line_no"]: ln["gtin"] for ln in now["lines"]} == {1: "4006381333931", 2: "8712345678913"}
    # The inspection of 8712345678913 is reported against its own RMA item, not the other one.
    assert [r.path.rsplit("/", 1)[1] for r in bol.puts()] == ["86123463"]


def test_connectors_list_does_not_show_a_webhook_urls_token(central_url, tmp_path, codes):
    import io

    from inspector.cli import main

    warehouse = codes("NL-HXL")
    make_warehouse(central_url, warehouse)
    add(central_url, tmp_path, warehouse, "export",
        {"webhook_url": "https://hooks.example.com/in/T0-hook-token-77?key=q-secret-9"},
        {"webhook_secret": "s3cret"})
    out = io.StringIO()
    main(["--data-dir", str(tmp_path), "connectors", "list", "--central", central_url], out)
    main(["--data-dir", str(tmp_path), "connectors", "list", "--json", "--central", central_url], out)
    shown = out.getvalue()
    assert "hooks.example.com" in shown  # where it goes is told ...
    assert "hook-token" not in shown and "q-secret" not in shown  # ... not the URL's own token


def test_a_webhook_without_a_secret_is_refused(central_url, tmp_path, codes):
    import io

    from inspector.cli import main

    warehouse = codes("NL-HXW")
    make_warehouse(central_url, warehouse)
    creds = tmp_path / "creds.json"
    creds.write_text("{}", encoding="utf-8")
    out = io.StringIO()
    code = main(["--data-dir", str(tmp_path), "connectors", "add", "--central", central_url, "--warehouse",
                 warehouse, "--platform", "export", "--setting", "webhook_url=https://hooks.example.com/in",
                 "--credentials-file", str(creds)], out)
    assert code == 2 and "webhook_secret" in out.getvalue()


def test_an_unsigned_webhook_is_never_posted(central_url, tmp_path, codes):
    """A connector stored without a secret (added before 'add' asked for one) fails instead of sending
    outcomes with an HMAC anyone can compute (the empty key)."""
    from helpers import finish, outcomes

    from inspector.sync.announce import announce_returns

    warehouse, rma = codes("NL-HXU"), codes("RMA-HXU")
    hook = FakeWebhook()
    try:
        make_warehouse(central_url, warehouse)
        connector = add(central_url, tmp_path, warehouse, "export", {"webhook_url": hook.url + "/in"}, {})
        line = {"sku": "SKU-1", "product_name": "Jas", "category": "apparel", "reason_code": "wrong_size",
                "quantity": 1}
        announce_returns(central_url, [{"warehouse": warehouse, "rma_number": rma, "order_number": "O-1",
                                        "lines": [line]}])
        finish(central_url, rma, 1)
        result = run(central_url, tmp_path, connector, Client())
        assert hook.seen("POST") == []
        assert "webhook_secret" in result.error  # the connector fails visibly until it has a secret
        [row] = outcomes(central_url, connector)
        assert row["state"] in ("waiting", "sending")  # and the outcome goes out once it has one
    finally:
        hook.close()


def test_verify_signature_says_no_to_a_hostile_header():
    from inspector.connectors.export import signature, verify_signature

    body = b'{"a":1}'
    assert verify_signature("s", body, signature("s", body))
    for header in ("sha256=\u00e9\u00e9", "", "sha256=" + "0" * 64, signature("t", body)):
        assert verify_signature("s", body, header) is False


def test_a_deeply_nested_answer_is_a_clear_failure(central_url, tmp_path, codes, sendcloud):
    sendcloud.fail("GET", "/api/v3/returns", (200, {}, b"[" * 200000), times=5)
    _warehouse, connector = _sendcloud(central_url, tmp_path, codes, sendcloud)
    result = run(central_url, tmp_path, connector, Client())
    assert "not JSON" in result.error


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised():
    from inspector.connectors.export import _cell

    for text in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "=cmd|' /C calc'!A0"):
        assert _cell(text) == "'" + text
    assert _cell("SKU-1") == "SKU-1" and _cell(None) == "" and _cell(3) == "3"


def test_a_credential_given_as_a_setting_is_refused(central_url, tmp_path, codes):
    import io

    from inspector.cli import main

    warehouse = codes("NL-HXT")
    make_warehouse(central_url, warehouse)
    creds = tmp_path / "creds.json"
    creds.write_text('{"access_token": "shpat_x"}', encoding="utf-8")
    out = io.StringIO()
    code = main(["--data-dir", str(tmp_path), "connectors", "add", "--central", central_url, "--warehouse",
                 warehouse, "--platform", "shopify", "--setting", "shop_url=https://x.myshopify.com",
                 "--setting", "access_token=shpat_leaked", "--credentials-file", str(creds)], out)
    assert code == 2 and "credentials-file" in out.getvalue() and "shpat_leaked" not in out.getvalue()


def test_confirm_refuses_a_handling_result_bol_does_not_know(central_url, tmp_path, codes, bol):
    import io

    from helpers import finish, outcomes, returns_of

    from inspector.cli import main

    warehouse, connector = _bol(central_url, tmp_path, codes, bol)
    run(central_url, tmp_path, connector, Client())
    rma = returns_of(central_url, warehouse)["4012345600"]["rma"]
    for unit in (1, 2):
        finish(central_url, rma, 1, unit, refund="partial")
    run(central_url, tmp_path, connector, Client())
    [held] = outcomes(central_url, connector)
    out = io.StringIO()
    code = main(["--data-dir", str(tmp_path), "connectors", "confirm", str(held["id"]), "--handling",
                 "REFUND_EVERYTHING", "--central", central_url], out)
    assert code == 2 and "RETURN_RECEIVED" in out.getvalue()  # the known results are listed
    assert outcomes(central_url, connector)[0]["held"]  # still waiting for a supervisor


def test_a_torn_export_line_is_neither_taken_for_the_outcome_nor_glued_to_the_next(central_url, tmp_path,
                                                                                   codes, monkeypatch):
    """The disk filled up mid-write (ENOSPC): half a record, with its outcome id, is in the file."""
    import errno
    import json

    from helpers import finish, outcomes

    from inspector.connectors.export import OutcomeExport
    from inspector.sync.announce import announce_returns

    warehouse, rma = codes("NL-HXF"), codes("RMA-HXF")
    make_warehouse(central_url, warehouse)
    out = tmp_path / "outcomes.jsonl"
    connector = add(central_url, tmp_path, warehouse, "export", {"export_file": str(out)}, {})
    line = {"sku": "SKU-1", "product_name": "Jas", "category": "apparel", "reason_code": "wrong_size",
            "quantity": 1}
    announce_returns(central_url, [{"warehouse": warehouse, "rma_number": rma, "order_number": "O-1",
                                    "lines": [line]}])
    finish(central_url, rma, 1)
    real_append = OutcomeExport._append

    def torn(self, record):
        data = json.dumps(record, sort_keys=True) + "\n"
        with self.file.open("a", encoding="utf-8") as handle:
            handle.write(data[: data.index(record["outcome_id"]) + len(record["outcome_id"]) + 5])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(OutcomeExport, "_append", torn)
    assert "No space" in run(central_url, tmp_path, connector, Client()).error
    monkeypatch.setattr(OutcomeExport, "_append", real_append)
    import psycopg

    with psycopg.connect(central_url, autocommit=True) as conn:
        conn.execute("UPDATE connector_outcomes SET next_attempt_at = now() WHERE connector_id = %s",
                     (connector.id,))
    assert not run(central_url, tmp_path, connector, Client()).error
    [row] = outcomes(central_url, connector)
    records = []
    for text in out.read_text(encoding="utf-8").splitlines():
        try:
            records.append(json.loads(text))
        except ValueError:
            continue  # the torn line, alone on its line
    assert [r["outcome_id"] for r in records] == [str(row["id"])] and row["state"] == "accepted"


def test_a_shopify_order_indexed_late_is_still_imported(central_url, tmp_path, codes, shopify):
    """Shopify's search is eventually consistent: an order updated a minute before the newest one seen
    may only be found by the next run. Searching from exactly the newest time seen would miss it."""
    from helpers import returns_of

    warehouse, connector = _shopify(central_url, tmp_path, codes, shopify)
    late = copy.deepcopy(shopify.orders[0])
    shopify.orders.remove(shopify.orders[0])
    assert not run(central_url, tmp_path, connector, Client()).error
    newest = max(o["updatedAt"] for o in shopify.orders)
    late["updatedAt"] = newest.replace("12:00:00", "11:59:00")
    assert late["updatedAt"] < newest
    shopify.orders.append(late)
    assert not run(central_url, tmp_path, connector, Client()).error
    assert late["name"].lstrip("#") in returns_of(central_url, warehouse)


_ODD_ORDER = {"id": "gid://shopify/Order/9", "updatedAt": 5, "returns": {"nodes": ["x"]}}


@pytest.mark.parametrize("nodes", [["not an order"], {"a": 1}, [_ODD_ORDER]])
def test_shopify_orders_of_the_wrong_shape_are_a_clear_failure(central_url, tmp_path, codes, shopify, nodes,
                                                               caplog):
    page = {"data": {"orders": {"pageInfo": {"hasNextPage": False, "endCursor": None}, "nodes": nodes}}}
    shopify.fail("POST", "/admin/api/", (200, {}, page))
    _warehouse, connector = _shopify(central_url, tmp_path, codes, shopify)
    result = run(central_url, tmp_path, connector, Client())
    assert result.error.startswith("Shopify"), result.error  # told in the platform's terms ...
    assert "Traceback" not in caplog.text  # ... not as a crash


def test_a_process_status_bol_no_longer_knows_is_looked_up_by_its_rma_item(central_url, tmp_path, codes, bol):
    """bol.com keeps process statuses for a while only: a connector that was down longer gets a 404 for
    the id it kept. That is no refusal of the outcome; the RMA item's processes tell how it went."""
    from helpers import finish, outcomes, returns_of

    warehouse, connector = _bol(central_url, tmp_path, codes, bol)
    run(central_url, tmp_path, connector, Client())
    finish(central_url, returns_of(central_url, warehouse)["4012345602"]["rma"], 1)
    bol.fail("GET", "/shared/process-status/", bol.problem(404, "Not Found", "Process status not found."))
    run(central_url, tmp_path, connector, Client())  # sent; the first look gets the 404
    import psycopg

    with psycopg.connect(central_url, autocommit=True) as conn:
        conn.execute("UPDATE connector_outcomes SET next_attempt_at = now() WHERE connector_id = %s",
                     (connector.id,))
    for process in bol.processes.values():
        bol._finish(process)  # meanwhile bol.com handled it
    run(central_url, tmp_path, connector, Client())
    assert [o["state"] for o in outcomes(central_url, connector)] == ["accepted"]
    assert len(bol.puts()) == 1


def test_a_webhook_that_redirects_has_not_received_the_outcome(central_url, tmp_path, codes):
    from helpers import finish, outcomes

    from inspector.sync.announce import announce_returns

    warehouse, rma = codes("NL-HXR"), codes("RMA-HXR")
    hook = FakeWebhook()
    try:
        make_warehouse(central_url, warehouse)
        hook.fail("POST", "/in", (302, {"Location": "https://login.example.com/"}, b""))
        connector = add(central_url, tmp_path, warehouse, "export", {"webhook_url": hook.url + "/in"},
                        {"webhook_secret": "s3cret"})
        line = {"sku": "SKU-1", "product_name": "Jas", "category": "apparel", "reason_code": "wrong_size",
                "quantity": 1}
        announce_returns(central_url, [{"warehouse": warehouse, "rma_number": rma, "order_number": "O-1",
                                        "lines": [line]}])
        finish(central_url, rma, 1)
        result = run(central_url, tmp_path, connector, Client())
        assert "302" in result.error
        [row] = outcomes(central_url, connector)
        assert row["state"] == "sending"  # sent again (same delivery id) once the URL is right
    finally:
        hook.close()


def test_one_platform_account_feeds_one_connector_of_a_warehouse(central_url, tmp_path, codes):
    """Two connectors on one account would import every return twice, under two RMA numbers, and send
    each outcome twice."""
    import io

    from inspector.cli import main

    warehouse = codes("NL-HXD")
    make_warehouse(central_url, warehouse)
    creds = tmp_path / "bol.json"
    creds.write_text('{"client_id": "same-client", "client_secret": "s"}', encoding="utf-8")

    def add_cli(name):
        out = io.StringIO()
        code = main(["--data-dir", str(tmp_path), "connectors", "add", "--central", central_url,
                     "--warehouse", warehouse, "--platform", "bol", "--name", name, "--credentials-file",
                     str(creds)], out)
        return code, out.getvalue()

    assert add_cli("bol")[0] == 0
    code, text = add_cli("bol-2")
    assert code == 2 and f"{warehouse}/bol" in text
    assert add_cli("bol")[0] == 2  # (the same name needs --replace, as before)


@pytest.mark.parametrize("change", ["drop", "product", "quantity"])
def test_a_platform_change_to_an_inspected_line_is_not_applied_silently(central_url, tmp_path, codes,
                                                                        sendcloud, change):
    """The customer edits the return in the portal after the warehouse inspected it: the inspected line
    is neither deleted nor turned into another product or fewer units behind the station's back."""
    import io

    from helpers import finish, returns_of

    from inspector.cli import main

    warehouse, connector = _sendcloud(central_url, tmp_path, codes, sendcloud)
    assert not run(central_url, tmp_path, connector, Client()).error
    before = returns_of(central_url, warehouse)["ORD120000"]
    finish(central_url, before["rma"], 2)
    finish(central_url, before["rma"], 2, 2)  # line 2 (JN-0, 2 units) inspected
    items = sendcloud.returns[0]["parcel_items"]
    if change == "drop":
        del items[1]
    elif change == "product":
        items[1]["sku"] = "OTHER-1"
    else:
        items[1]["quantity"] = 1
    result = run(central_url, tmp_path, connector, Client())
    assert returns_of(central_url, warehouse)["ORD120000"]["lines"] == before["lines"]
    out = io.StringIO()
    main(["--data-dir", str(tmp_path), "connectors", "status", "--central", central_url], out)
    assert "inspected" in out.getvalue() and before["rma"] in out.getvalue(), out.getvalue()
    assert result.import_problems == 1


@pytest.mark.parametrize("rma_id", [None, "", {"x": 1}, 86123472.5])
def test_a_bol_item_without_a_usable_rma_id_is_not_imported(central_url, tmp_path, codes, bol, rma_id):
    """Its outcome could only go to /retailer/returns/None (or to another item's id)."""
    import io

    from helpers import returns_of

    from inspector.cli import main

    bol.returns[2]["returnItems"][0]["rmaId"] = rma_id
    warehouse, connector = _bol(central_url, tmp_path, codes, bol)
    result = run(central_url, tmp_path, connector, Client())
    assert result.import_problems == 1 and "4012345602" not in returns_of(central_url, warehouse)
    out = io.StringIO()
    main(["--data-dir", str(tmp_path), "connectors", "status", "--central", central_url], out)
    assert "rmaId" in out.getvalue()


@pytest.mark.parametrize("line_id", [None, "", 8800])
def test_a_shopify_line_without_a_usable_id_is_not_imported(central_url, tmp_path, codes, shopify, line_id):
    from helpers import returns_of

    shopify.orders[0]["returns"]["nodes"][0]["returnLineItems"]["nodes"][0]["id"] = line_id
    warehouse, connector = _shopify(central_url, tmp_path, codes, shopify)
    result = run(central_url, tmp_path, connector, Client())
    assert result.import_problems == 1 and "1001" not in returns_of(central_url, warehouse)


def test_a_shopify_cost_of_the_wrong_type_is_ignored_not_a_crash(central_url, tmp_path, codes, shopify):
    cost = {"cost": {"requestedQueryCost": "lots", "throttleStatus": {
        "maximumAvailable": 1000, "currentlyAvailable": {"x": 1}, "restoreRate": "fast"}}}
    page = {"data": {"orders": {"pageInfo": {"hasNextPage": False, "endCursor": None}, "nodes": []}},
            "extensions": cost}
    shopify.fail("POST", "/admin/api/", (200, {}, page))
    _warehouse, connector = _shopify(central_url, tmp_path, codes, shopify)
    result = run(central_url, tmp_path, connector, Client())
    assert not result.error, result.error


def test_a_sendcloud_return_whose_items_share_an_id_is_not_imported(central_url, tmp_path, codes, sendcloud):
    from helpers import returns_of

    items = sendcloud.returns[0]["parcel_items"]
    items[1]["item_id"] = items[0]["item_id"]
    warehouse, connector = _sendcloud(central_url, tmp_path, codes, sendcloud)
    result = run(central_url, tmp_path, connector, Client())
    assert result.import_problems == 1 and "ORD120000" not in returns_of(central_url, warehouse)
