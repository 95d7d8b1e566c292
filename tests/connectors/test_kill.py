"""An outcome reaches bol.com and Shopify exactly once through a kill -9 of ``inspector connectors run``.

The fakes take the request (bol.com starts its process, Shopify processes the return) and hold the
answer back; the test kills the connector process at that moment, as a power cut would. The next run
must find out what the platform already has and never send the outcome again.
"""

from __future__ import annotations

import copy
import os
import signal
import subprocess
import sys

import pytest
from fakes import FakeBol, FakeShopify, fixture
from helpers import Client, add, finish, make_warehouse, outcomes, returns_of, run

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def start(tmp_path, central_url):
    env = {**os.environ, "INSPECTOR_CENTRAL_URL": central_url}
    with (tmp_path / "run.log").open("ab") as log:
        return subprocess.Popen([sys.executable, "-m", "inspector", "--data-dir", str(tmp_path), "connectors",
                                 "run", "--once"], env=env, stdout=log, stderr=subprocess.STDOUT)


def log_of(tmp_path):
    return (tmp_path / "run.log").read_text(errors="replace")


def test_outcomes_reach_bol_and_shopify_exactly_once_through_kill_9(central_url, tmp_path, codes):
    bol = FakeBol(copy.deepcopy(fixture("bol_returns.json")["returns"]))
    shop = FakeShopify(copy.deepcopy(fixture("shopify_orders.json")["orders"]))
    try:
        warehouse = codes("NL-KILL")
        make_warehouse(central_url, warehouse)
        a = add(central_url, tmp_path, warehouse, "bol",
                {"base_url": bol.url, "token_url": bol.url + "/token", "follow_after_s": 0},
                {"client_id": "bol-client", "client_secret": "bol-secret"}, name="a-bol")
        b = add(central_url, tmp_path, warehouse, "shopify", {"shop_url": shop.url,
                                                               "location_id": "gid://shopify/Location/1"},
                {"access_token": "shpat_test"}, name="b-shopify")
        assert not run(central_url, tmp_path, a, Client()).error
        assert not run(central_url, tmp_path, b, Client()).error
        found = returns_of(central_url, warehouse)
        finish(central_url, found["4012345603"]["rma"], 1)  # bol.com, RMA item 86123482
        finish(central_url, found["1011"]["rma"], 1)  # Shopify, return line item 8801

        # 1. Killed while bol.com holds the answer to the PUT it received.
        bol.hold_puts = True
        process = start(tmp_path, central_url)
        assert bol.put_arrived.wait(30), log_of(tmp_path)
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        assert [o["state"] for o in outcomes(central_url, a)] == ["sending"]

        # 2. The next run asks bol.com, adopts its process, then is killed while Shopify holds its answer.
        bol.hold_puts = False
        shop.hold_mutations = True
        process = start(tmp_path, central_url)
        assert shop.mutation_arrived.wait(30), log_of(tmp_path)
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        assert [o["state"] for o in outcomes(central_url, b)] == ["sending"]

        # 3. A clean run (in this process): Shopify's processed quantity shows the disposition arrived;
        #    bol.com's process is followed to its end.
        shop.hold_mutations = False
        assert run(central_url, tmp_path, b, Client()).outbox == {"recovered": 1}
        assert run(central_url, tmp_path, a, Client()).outbox == {"followed": 1}
        assert len(bol.puts()) == 1 and len(bol.processes) == 1
        assert len(shop.processed) == 1
        assert [o["state"] for o in outcomes(central_url, a)] == ["accepted"]
        assert [o["state"] for o in outcomes(central_url, b)] == ["accepted"]
    finally:
        bol.close()
        shop.close()
