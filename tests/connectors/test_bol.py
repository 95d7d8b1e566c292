"""bol.com Retailer API v10 against a local fake: paging per fulfilment method, duplicates, the handling
result per RMA item (exactly once), process statuses that succeed or fail, 429, timeouts."""

from __future__ import annotations

import copy
import io

import psycopg
import pytest
from fakes import FakeBol, fixture
from helpers import Client, add, finish, make_warehouse, outcomes, returns_of, run, unannounced

from inspector.cli import main

pytestmark = pytest.mark.postgres


@pytest.fixture
def bol():
    fake = FakeBol(copy.deepcopy(fixture("bol_returns.json")["returns"]))
    yield fake
    fake.close()


def connect_bol(central_url, tmp_path, codes, fake, **settings):
    warehouse = codes("NL-BOL")
    make_warehouse(central_url, warehouse)
    connector = add(central_url, tmp_path, warehouse, "bol",
                    {"base_url": fake.url, "token_url": fake.url + "/token",
                     "fulfilment_methods": ["FBR", "FBB"], "follow_after_s": 0, **settings},
                    {"client_id": "bol-client", "client_secret": "bol-secret"})
    return warehouse, connector


def test_unhandled_returns_are_imported_from_every_page_and_method(central_url, tmp_path, codes, bol):
    bol.returns.insert(2, copy.deepcopy(bol.returns[0]))  # delivered twice (bol.com pages shift)
    warehouse, connector = connect_bol(central_url, tmp_path, codes, bol)
    result = run(central_url, tmp_path, connector, Client())
    assert not result.error, result.error
    assert result.created == 5
    gets = bol.seen("GET", "/retailer/returns")
    pages = [r.query["page"][0] + r.query["fulfilment-method"][0] for r in gets]
    assert pages == ["1FBR", "2FBR", "3FBR", "4FBR", "1FBB", "2FBB"]  # until an empty page
    found = returns_of(central_url, warehouse)
    first = found["4012345600"]
    assert first["customer_name"] == "Sanne Bakker" and first["postcode"] == "3511AX"
    assert first["tracking"] == "3SBOL0987654300" and first["carrier"] == "postnl"
    line = first["lines"][0]
    assert (line["gtin"], line["quantity"], line["reason"]) == ("8712345678906", 2, "wrong_size")
    assert line["comment"] == "Verkeerde maat of afmeting / Te klein; Valt kleiner dan verwacht"
    assert found["4012345602"]["customer_name"] == "" and found["4012345602"]["country"] == "NL"
    assert [ln["gtin"] for ln in found["4012345601"]["lines"]] == ["4006381333931", "8712345678913"]
    again = run(central_url, tmp_path, connector, Client())
    assert (again.created, again.updated, again.unchanged) == (0, 0, 6)  # the duplicate counted twice


def test_the_handling_result_reaches_bol_once_and_is_followed(central_url, tmp_path, codes, bol):
    warehouse, connector = connect_bol(central_url, tmp_path, codes, bol)
    run(central_url, tmp_path, connector, Client())
    found = returns_of(central_url, warehouse)
    rma0, rma1 = found["4012345600"]["rma"], found["4012345601"]["rma"]
    finish(central_url, rma0, 1, 1)
    assert run(central_url, tmp_path, connector, Client()).queued == 0  # 1 of 2 units: not finished
    finish(central_url, rma0, 1, 2)
    finish(central_url, rma1, 1, 1, refund="none", grade="scrap", disposition="scrap")
    bol.failing_rma.add("86123463")
    finish(central_url, rma1, 2, 1)
    result = run(central_url, tmp_path, connector, Client())
    assert result.queued == 3 and result.outbox == {"sent": 3}, result
    assert [r.json() for r in bol.puts()] == [
        {"handlingResult": "RETURN_RECEIVED", "quantityReturned": 2},
        {"handlingResult": "RETURN_DOES_NOT_MEET_CONDITIONS", "quantityReturned": 1},
        {"handlingResult": "RETURN_RECEIVED", "quantityReturned": 1}]
    assert [o["state"] for o in outcomes(central_url, connector)] == ["sent"] * 3

    followed = run(central_url, tmp_path, connector, Client())
    assert followed.outbox == {"followed": 3}
    states = {o["external_id"]: (o["state"], o["message"]) for o in outcomes(central_url, connector)}
    assert states["86123452"] == ("accepted", "")
    assert states["86123462"] == ("accepted", "")
    assert states["86123463"][0] == "rejected" and "return period has expired" in states["86123463"][1]
    run(central_url, tmp_path, connector, Client())
    assert len(bol.puts()) == 3  # each exactly once

    out = io.StringIO()
    assert main(["--data-dir", str(tmp_path), "connectors", "status", "--central", central_url], out) == 1
    assert f"REJECTED {warehouse}/bol {rma1} line 2 (86123463" in out.getvalue()
    # Handled returns drop out of bol.com's unhandled list; the central returns stay.
    assert "4012345600" in returns_of(central_url, warehouse)


def test_a_partial_refund_waits_for_a_supervisor(central_url, tmp_path, codes, bol):
    warehouse, connector = connect_bol(central_url, tmp_path, codes, bol)
    run(central_url, tmp_path, connector, Client())
    rma = returns_of(central_url, warehouse)["4012345602"]["rma"]
    finish(central_url, rma, 1, 1, refund="partial", grade="refurbish")
    assert run(central_url, tmp_path, connector, Client()).queued == 1
    held = outcomes(central_url, connector)[0]
    assert held["held"] and held["state"] == "waiting" and not bol.puts()
    out = io.StringIO()
    main(["--data-dir", str(tmp_path), "connectors", "status", "--central", central_url], out)
    assert f"TO CONFIRM {warehouse}/bol {rma} line 1" in out.getvalue()
    assert f"inspector connectors confirm {held['id']}" in out.getvalue()
    assert main(["--data-dir", str(tmp_path), "connectors", "confirm", "not-an-id", "--central", central_url],
                io.StringIO()) == 2
    assert main(["--data-dir", str(tmp_path), "connectors", "confirm", str(held["id"]), "--handling",
                 "RETURN_DOES_NOT_MEET_CONDITIONS", "--central", central_url], out) == 0
    run(central_url, tmp_path, connector, Client())
    assert [r.json() for r in bol.puts()] == [
        {"handlingResult": "RETURN_DOES_NOT_MEET_CONDITIONS", "quantityReturned": 1}]


def test_rate_limits_and_timeouts_never_send_twice(central_url, tmp_path, codes, bol):
    warehouse, connector = connect_bol(central_url, tmp_path, codes, bol)
    run(central_url, tmp_path, connector, Client())
    rma = returns_of(central_url, warehouse)["4012345603"]["rma"]
    finish(central_url, rma, 1, 1)

    # 429 with a long Retry-After: not waited inside the run; the connector is postponed by it.
    bol.fail("PUT", "/retailer/returns/", (429, {"Retry-After": "120"}, {"title": "Too Many Requests",
                                                                        "status": 429}))
    limited = run(central_url, tmp_path, connector, Client())
    assert "429" in limited.error
    with psycopg.connect(central_url) as conn:
        wait = conn.execute("SELECT extract(epoch FROM next_run_at - now()) FROM connectors WHERE id = %s",
                            (connector.id,)).fetchone()[0]
        due = conn.execute("SELECT extract(epoch FROM next_attempt_at - now()), state "
                           "FROM connector_outcomes WHERE connector_id = %s", (connector.id,)).fetchone()
    assert 100 < wait <= 120 and 100 < due[0] <= 120 and due[1] == "waiting"

    # The PUT arrives but its answer times out: the outcome stays 'sending'; the next run asks bol.com's
    # process statuses first and does not send it again.
    with psycopg.connect(central_url, autocommit=True) as conn:
        conn.execute("UPDATE connector_outcomes SET next_attempt_at = now() WHERE connector_id = %s",
                     (connector.id,))
    bol.hold_puts = True
    timed_out = run(central_url, tmp_path, connector, Client(timeout_s=0.3))
    assert "timed out" in timed_out.error
    assert [o["state"] for o in outcomes(central_url, connector)] == ["sending"]
    bol.hold_puts = False
    with psycopg.connect(central_url, autocommit=True) as conn:
        conn.execute("UPDATE connector_outcomes SET next_attempt_at = now() WHERE connector_id = %s",
                     (connector.id,))
    recovered = run(central_url, tmp_path, connector, Client())
    assert recovered.outbox == {"recovered": 1}, recovered
    assert [o["state"] for o in outcomes(central_url, connector)] == ["sent"]  # bol.com still processing
    run(central_url, tmp_path, connector, Client())
    assert [o["state"] for o in outcomes(central_url, connector)] == ["accepted"]
    assert len(bol.puts()) == 2  # the 429 (not processed by bol.com) and the one that timed out
    assert len(bol.processes) == 1


def test_wrong_credentials_fail_the_connector_with_a_plain_message(central_url, tmp_path, codes, bol):
    warehouse = codes("NL-BOL")
    make_warehouse(central_url, warehouse)
    connector = add(central_url, tmp_path, warehouse, "bol",
                    {"base_url": bol.url, "token_url": bol.url + "/token"},
                    {"client_id": "bol-client", "client_secret": "wrong-secret"})
    result = run(central_url, tmp_path, connector, Client())
    assert "Bad client credentials" in result.error and "check the API key" in result.error
    assert "wrong-secret" not in result.error


def test_a_parcel_nobody_announced_is_registered_with_bol(central_url, tmp_path, codes, bol):
    warehouse, connector = connect_bol(central_url, tmp_path, codes, bol, register_unannounced=True,
                                       unannounced_settle_s=0)
    run(central_url, tmp_path, connector, Client())
    rma = unannounced(central_url, warehouse, "4012345699", ["8712345678906", "8712345678906"])
    unannounced(central_url, warehouse, "4012345699", ["5901234123457"])  # not in that order
    unannounced(central_url, warehouse, "WEBSHOP-77", ["8712345678906"])  # not a bol.com order
    result = run(central_url, tmp_path, connector, Client())
    assert result.queued == 2 and result.outbox == {"sent": 1, "rejected": 1}, result
    assert bol.created == [{"orderItemId": "6107434013", "quantityReturned": 2,
                            "handlingResult": "RETURN_RECEIVED"}]
    run(central_url, tmp_path, connector, Client())
    states = {(o["rma"], o["state"], o["message"]) for o in outcomes(central_url, connector)}
    assert (rma, "accepted", "") in states
    assert any(state == "rejected" and "has no item with EAN 5901234123457" in message
               for _, state, message in states)
    assert len(bol.created) == 1


def test_a_rate_limit_while_checking_a_killed_send_never_leads_to_a_second_send(central_url, tmp_path,
                                                                                codes, bol):
    warehouse, connector = connect_bol(central_url, tmp_path, codes, bol)
    run(central_url, tmp_path, connector, Client())
    finish(central_url, returns_of(central_url, warehouse)["4012345603"]["rma"], 1, 1)
    bol.hold_puts = True
    assert "timed out" in run(central_url, tmp_path, connector, Client(timeout_s=0.3)).error
    bol.hold_puts = False
    bol.fail("GET", "/shared/process-status", (429, {"Retry-After": "60"}, {"title": "Too Many Requests"}))
    with psycopg.connect(central_url, autocommit=True) as conn:
        conn.execute("UPDATE connector_outcomes SET next_attempt_at = now() WHERE connector_id = %s",
                     (connector.id,))
    assert "429" in run(central_url, tmp_path, connector, Client()).error
    assert [o["state"] for o in outcomes(central_url, connector)] == ["sending"]
    with psycopg.connect(central_url, autocommit=True) as conn:
        conn.execute("UPDATE connector_outcomes SET next_attempt_at = now() WHERE connector_id = %s",
                     (connector.id,))
    run(central_url, tmp_path, connector, Client())
    run(central_url, tmp_path, connector, Client())
    assert [o["state"] for o in outcomes(central_url, connector)] == ["accepted"]
    assert len(bol.puts()) == 1
