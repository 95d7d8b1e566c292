"""Shopify Admin GraphQL against a local fake: cursor pagination, cost-based throttling, API versions,
returnProcess dispositions exactly once, userErrors."""

from __future__ import annotations

import copy
import time

import pytest
from fakes import FakeShopify, fixture
from helpers import Client, add, finish, make_warehouse, outcomes, reload, returns_of, run

pytestmark = pytest.mark.postgres


class SleepingClient(Client):
    """Waits for real (the fake's bucket refills with real time), and records each wait."""

    def __call__(self, base_url, **kwargs):
        client = super().__call__(base_url, **kwargs)
        client.sleep = lambda s: (self.waits.append(s), time.sleep(s))
        return client


@pytest.fixture
def shopify():
    fake = FakeShopify(copy.deepcopy(fixture("shopify_orders.json")["orders"]))
    yield fake
    fake.close()


def connect_shopify(central_url, tmp_path, codes, fake, **settings):
    warehouse = codes("NL-SHOP")
    make_warehouse(central_url, warehouse)
    connector = add(central_url, tmp_path, warehouse, "shopify",
                    {"shop_url": fake.url, "page_size": 1, "location_id": "gid://shopify/Location/1",
                     **settings}, {"access_token": "shpat_test"})
    return warehouse, connector


def test_open_returns_are_imported_over_cursor_pages(central_url, tmp_path, codes, shopify):
    warehouse, connector = connect_shopify(central_url, tmp_path, codes, shopify)
    result = run(central_url, tmp_path, connector, Client())
    assert not result.error, result.error
    assert result.created == 3  # the closed return is left out
    afters = [r.json()["variables"]["after"] for r in shopify.seen("POST")]
    assert afters == [None, "cursor:1", "cursor:2"]
    assert "return_status:return_requested" in shopify.seen("POST")[0].json()["variables"]["query"]
    found = returns_of(central_url, warehouse)
    first = found["1001"]
    assert (first["customer_name"], first["postcode"], first["tracking"], first["carrier"]) == (
        "Lotte Visser", "1016DV", "3SSHOP1000", "postnl")
    line = first["lines"][0]
    assert (line["sku"], line["gtin"], line["quantity"], line["reason"], line["price"], line["comment"]) == (
        "SH-0", "8712345678906", 2, "wrong_size", 8995, "Valt klein")
    assert found["1021"]["lines"][0]["reason"] == "wrong_colour"
    cursor = reload(central_url, connector).cursor
    assert cursor["since"] == "2026-11-22T12:00:00Z" and cursor["served_version"] == "2025-07"
    run(central_url, tmp_path, connector, Client())
    # From an hour before the newest order seen (the default lookback_s): the search index lags.
    assert "updated_at:>='2026-11-22T11:00:00Z'" in shopify.seen("POST")[-1].json()["variables"]["query"]


def test_the_cost_based_throttle_waits_for_the_bucket(central_url, tmp_path, codes):
    fake = FakeShopify(copy.deepcopy(fixture("shopify_orders.json")["orders"]), bucket=100.0,
                       restore_rate=500.0, query_cost=60.0)
    try:
        _warehouse, connector = connect_shopify(central_url, tmp_path, codes, fake)
        client = SleepingClient()
        result = run(central_url, tmp_path, connector, client)
        assert not result.error, result.error
        assert result.created == 3
        # After the first answer (40 of 100 points left, 60 asked) the connector waits about
        # (60 - 40) / 500 s before each next query instead of being throttled.
        assert client.waits and all(0.0 < w <= 0.2 for w in client.waits)
        assert fake.throttled == 0

        fake.available = 0.0
        fake.restore_rate = 100.0  # an answer THROTTLED: waited out from extensions.cost, then asked again
        fake.last = time.monotonic()
        again = run(central_url, tmp_path, connector, SleepingClient())
        assert not again.error, again.error
        assert fake.throttled >= 1
    finally:
        fake.close()


def test_dispositions_reach_shopify_once_and_errors_are_shown(central_url, tmp_path, codes, shopify):
    warehouse, connector = connect_shopify(central_url, tmp_path, codes, shopify)
    run(central_url, tmp_path, connector, Client())
    found = returns_of(central_url, warehouse)
    finish(central_url, found["1001"]["rma"], 1, 1, grade="restock")
    finish(central_url, found["1001"]["rma"], 1, 2, outcome="missing", grade=None, refund="none")
    finish(central_url, found["1011"]["rma"], 1, 1, grade="refurbish", refund="partial")
    result = run(central_url, tmp_path, connector, Client())
    assert result.outbox == {"sent": 2}, result
    assert shopify.processed == [
        {"returnId": "gid://shopify/Return/6600", "notifyCustomer": False, "returnLineItems": [
            {"id": "gid://shopify/ReturnLineItem/8800", "quantity": 2, "dispositions": [
                {"reverseFulfillmentOrderLineItemId": "gid://shopify/ReverseFulfillmentOrderLineItem/9900",
                 "quantity": 1, "dispositionType": "MISSING"},
                {"reverseFulfillmentOrderLineItemId": "gid://shopify/ReverseFulfillmentOrderLineItem/9900",
                 "quantity": 1, "dispositionType": "RESTOCKED", "locationId": "gid://shopify/Location/1"}]}]},
        {"returnId": "gid://shopify/Return/6601", "notifyCustomer": False, "returnLineItems": [
            {"id": "gid://shopify/ReturnLineItem/8801", "quantity": 1, "dispositions": [
                {"reverseFulfillmentOrderLineItemId": "gid://shopify/ReverseFulfillmentOrderLineItem/9901",
                 "quantity": 1, "dispositionType": "PROCESSING_REQUIRED"}]}]}]
    assert [o["state"] for o in outcomes(central_url, connector)] == ["accepted", "accepted"]
    run(central_url, tmp_path, connector, Client())
    assert len(shopify.processed) == 2

    # Without a location Shopify refuses a restock: the outcome is rejected with Shopify's words.
    warehouse2, bare = connect_shopify(central_url, tmp_path, codes, shopify, location_id="")
    shopify.orders[2]["returns"]["nodes"][0]["returnLineItems"]["nodes"][0]["processedQuantity"] = 0
    run(central_url, tmp_path, bare, Client())
    finish(central_url, returns_of(central_url, warehouse2)["1021"]["rma"], 1, 1, grade="restock")
    run(central_url, tmp_path, bare, Client())
    [rejected] = outcomes(central_url, bare)
    assert rejected["state"] == "rejected"
    assert "Location is required" in rejected["message"]


def test_a_retired_api_version_is_noticed(central_url, tmp_path, codes, shopify, caplog):
    shopify.served = "2025-10"
    _warehouse, connector = connect_shopify(central_url, tmp_path, codes, shopify)
    assert not run(central_url, tmp_path, connector, Client()).error
    assert reload(central_url, connector).cursor["served_version"] == "2025-10"
    assert "serves API version 2025-10, not the 2025-07" in caplog.text


def test_refunds_are_issued_when_the_policy_allows(central_url, tmp_path, codes, shopify):
    import io

    from inspector.cli import main

    warehouse, connector = connect_shopify(central_url, tmp_path, codes, shopify, issue_refunds=True)
    run(central_url, tmp_path, connector, Client())
    found = returns_of(central_url, warehouse)
    finish(central_url, found["1011"]["rma"], 1, 1, grade="restock", refund="full")  # 10.00 recommended
    finish(central_url, found["1021"]["rma"], 1, 1, grade="refurbish", refund="partial")
    assert run(central_url, tmp_path, connector, Client()).outbox == {"sent": 1}
    [full] = shopify.processed
    assert full["financialTransfer"] == {"issueRefund": {"allowOverRefunding": False, "orderTransactions": [
        {"parentId": "gid://shopify/OrderTransaction/3301",
         "transactionAmount": {"amount": "10.00", "currencyCode": "EUR"}}]}}
    held = [o for o in outcomes(central_url, connector) if o["held"]]
    assert len(held) == 1  # the partial refund waits for a supervisor, who sends it without the refund
    assert main(["--data-dir", str(tmp_path), "connectors", "confirm", str(held[0]["id"]), "--no-refund",
                 "--central", central_url], io.StringIO()) == 0
    run(central_url, tmp_path, connector, Client())
    assert len(shopify.processed) == 2 and "financialTransfer" not in shopify.processed[1]
