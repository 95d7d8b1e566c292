"""Shopify Admin GraphQL: open and requested returns in, dispositions out with ``returnProcess``.

Documented at https://shopify.dev/docs/api/admin-graphql (version ``2025-07`` by default, the
``api_version`` setting): ``POST https://{shop}.myshopify.com/admin/api/{version}/graphql.json`` with
``X-Shopify-Access-Token``. Shopify serves the oldest supported version when asked for one it retired and
says which in ``X-Shopify-API-Version``: that is logged and kept in the connector's cursor
(``served_version``) so ``connectors list`` shows it.

* **Rate limits** (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits): every answer
  carries ``extensions.cost`` = ``{requestedQueryCost, actualQueryCost, throttleStatus:
  {maximumAvailable, currentlyAvailable, restoreRate}}``. Before a query the connector waits until the
  bucket holds the query's last requested cost (``(cost - available) / restoreRate`` seconds); an answer
  ``{"errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED"}}]}`` is waited out the same
  way and asked again; an HTTP 429 honours ``Retry-After``.
* **Import**: ``orders(first:, after:, query: "return_status:return_requested OR
  return_status:in_progress updated_at:>=...")`` with cursor pagination (``pageInfo {hasNextPage
  endCursor}``); per order its ``returns`` in status ``OPEN`` or ``REQUESTED`` with their
  ``returnLineItems`` (``ReturnLineItem``: ``quantity``, ``returnReason``, ``returnReasonNote``,
  ``customerNote``, ``processedQuantity``, ``fulfillmentLineItem.lineItem {sku, name, variant.barcode,
  originalUnitPriceSet}``) and ``reverseFulfillmentOrders`` (their line items, and the reverse
  deliveries' ``tracking {number, carrierName}``).
* **Outcome**: ``returnProcess(input: {returnId, returnLineItems: [{id, quantity, dispositions:
  [{reverseFulfillmentOrderLineItemId, quantity, dispositionType, locationId}]}], notifyCustomer})``
  (https://shopify.dev/docs/api/admin-graphql/latest/mutations/returnProcess); the disposition types
  are RESTOCKED (at ``location_id``), PROCESSING_REQUIRED, NOT_RESTOCKED and MISSING
  (https://shopify.dev/docs/api/admin-graphql/latest/enums/ReverseFulfillmentOrderDispositionType).
  ``userErrors`` reject the outcome with their messages. After a crash mid-send the return line item's
  ``processedQuantity`` tells whether Shopify already has it.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from inspector.connectors.base import Delivery, Page, Platform
from inspector.connectors.http import HttpClient, RateLimited, Transient
from inspector.connectors.importing import PlatformReturn

log = logging.getLogger(__name__)

API_VERSION = "2025-07"
# Shopify's ReturnReason enum in our reason codes.
REASONS = {"SIZE_TOO_SMALL": "wrong_size", "SIZE_TOO_LARGE": "wrong_size", "COLOR": "wrong_colour",
           "DEFECTIVE": "defective", "NOT_AS_DESCRIBED": "not_as_described", "WRONG_ITEM": "wrong_item_sent",
           "UNWANTED": "no_longer_needed", "STYLE": "no_longer_needed", "OTHER": "other", "UNKNOWN": "other"}
# Our grades in Shopify's disposition types.
DISPOSITIONS = {"restock": "RESTOCKED", "refurbish": "PROCESSING_REQUIRED", "liquidate": "NOT_RESTOCKED",
                "scrap": "NOT_RESTOCKED"}
THROTTLE_TRIES = 5

RETURNS_QUERY = """
query Returns($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id name email updatedAt
      transactions(first: 10) { id kind status }
      shippingAddress { name address1 address2 zip countryCodeV2 }
      returns(first: 10) {
        nodes {
          id name status requestApprovedAt
          returnLineItems(first: 50) {
            nodes {
              ... on ReturnLineItem {
                id quantity returnReason returnReasonNote customerNote processedQuantity
                fulfillmentLineItem { id lineItem { sku name variant { barcode }
                  originalUnitPriceSet { shopMoney { amount currencyCode } } } }
              }
            }
          }
          reverseFulfillmentOrders(first: 5) {
            nodes {
              id
              lineItems(first: 50) { nodes { id fulfillmentLineItem { id } } }
              reverseDeliveries(first: 5) {
                nodes { deliverable { ... on ReverseDeliveryShippingDeliverable {
                  tracking { number carrierName } } } }
              }
            }
          }
        }
      }
    }
  }
}"""

PROCESS_MUTATION = """
mutation ReturnProcess($input: ReturnProcessInput!) {
  returnProcess(input: $input) {
    return { id status }
    userErrors { field message code }
  }
}"""

PROCESSED_QUERY = """
query Processed($id: ID!) {
  node(id: $id) { ... on ReturnLineItem { id quantity processedQuantity } }
}"""


def _house_number(address1: str, address2: str) -> str:
    match = re.search(r"(\d+\s*[A-Za-z]?(?:[-/ ]\w{1,4})?)\s*$", address1 or "")
    return (match.group(1) if match else "") or (address2 or "")


def map_return(order: dict[str, Any], ret: dict[str, Any], default_category: str = "other") -> PlatformReturn:
    """One Shopify return of an order as an import record."""
    address = order.get("shippingAddress") or {}
    rfo_lines: dict[str, str] = {}
    tracking, carrier = "", ""
    for rfo in (ret.get("reverseFulfillmentOrders") or {}).get("nodes") or []:
        for line in (rfo.get("lineItems") or {}).get("nodes") or []:
            rfo_lines[line["fulfillmentLineItem"]["id"]] = line["id"]
        for delivery in (rfo.get("reverseDeliveries") or {}).get("nodes") or []:
            found = ((delivery.get("deliverable") or {}).get("tracking")) or {}
            tracking = tracking or found.get("number") or ""
            carrier = carrier or found.get("carrierName") or ""
    if not isinstance(ret.get("id"), str) or not ret["id"]:
        raise ValueError("the return has no usable id")
    lines, refs = [], {}
    for number, item in enumerate((ret.get("returnLineItems") or {}).get("nodes") or [], start=1):
        fulfilment = item["fulfillmentLineItem"]
        line_item = fulfilment.get("lineItem") or {}
        money = ((line_item.get("originalUnitPriceSet") or {}).get("shopMoney")) or {}
        notes = [t for t in (item.get("returnReasonNote"), item.get("customerNote")) if t]
        lines.append({
            "line_no": number, "sku": line_item.get("sku") or "", "product_name": line_item.get("name") or "",
            "gtin": ((line_item.get("variant") or {}).get("barcode")) or "",
            "quantity": int(item["quantity"]),
            "unit_price": str(money.get("amount") or "0"), "currency": money.get("currencyCode") or "EUR",
            "reason": REASONS.get(item.get("returnReason") or "", "other"),
            "customer_comment": "; ".join(notes),
            "category": default_category,
        })
        if not isinstance(item.get("id"), str) or not item["id"] \
                or any(ref["id"] == item["id"] for ref in refs.values()):
            raise ValueError(f"return line item {number} has no usable id of its own "
                             f"({item.get('id')!r:.40})")
        refs[number] = {"id": item["id"], "rfo_line": rfo_lines.get(fulfilment["id"], ""),
                        "currency": money.get("currencyCode") or "EUR"}
    record = {
        "order_number": (order.get("name") or "").lstrip("#"), "customer_name": address.get("name") or "",
        "customer_email": order.get("email") or "", "postcode": address.get("zip") or "",
        "house_number": _house_number(address.get("address1") or "", address.get("address2") or ""),
        "country": address.get("countryCodeV2") or "NL", "channel": "portal", "refund_choice": "refund",
        "announced_at": ret.get("requestApprovedAt") or order.get("updatedAt") or "",
        "tracking_number": tracking, "carrier": carrier, "lines": lines,
    }
    paid = next((t["id"] for t in order.get("transactions") or []
                 if t.get("kind") in ("SALE", "CAPTURE") and t.get("status") == "SUCCESS"), "")
    return PlatformReturn(ret["id"], record, refs, {"return_gid": ret["id"], "order_gid": order["id"],
                                                    "transaction": paid})


class ShopifyPlatform(Platform):
    """Shopify: GraphQL with cost-based throttling; orders with open returns since the cursor."""

    name = "shopify"
    credential_names = ("access_token",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.version = self.settings.get("api_version", API_VERSION)
        shop = self.settings.get("shop_url", "").rstrip("/")
        self.path = f"/admin/api/{self.version}/graphql.json"
        self.http: HttpClient = self._http_factory(shop, headers={
            "X-Shopify-Access-Token": self.credentials["access_token"], "Content-Type": "application/json"})
        self.available: float | None = None
        self.restore_rate = 50.0
        self.last_cost = 0.0
        self.served_version = ""

    def close(self) -> None:
        self.http.close()

    # --- GraphQL with the cost-based throttle ------------------------------------------------------

    def _throttle(self, cost: float) -> None:
        if self.available is not None and cost > self.available and self.restore_rate > 0:
            wait = (cost - self.available) / self.restore_rate
            if not wait <= self.http.max_inline_wait_s:  # a cost no bucket refills soon (or NaN)
                raise RateLimited(f"Shopify: a query costing {cost:.0f} points would wait {wait:.0f} s for "
                                  "its rate limit; the connector is postponed", wait)
            log.info("Shopify: %.0f of %.0f points left; waiting %.2f s", self.available, cost, wait)
            self.http.wait(wait)
            self.available = cost

    def _note_cost(self, body: dict[str, Any]) -> None:
        """Keep the cost bucket's state from ``extensions.cost``; values that are not finite numbers
        (a malformed answer) are ignored rather than failing the run."""
        extensions = body.get("extensions")
        cost = extensions.get("cost") if isinstance(extensions, dict) else None
        cost = cost if isinstance(cost, dict) else {}
        status = cost.get("throttleStatus")
        status = status if isinstance(status, dict) else {}
        available = _number(status.get("currentlyAvailable"))
        if available is not None:
            self.available = available
            rate = _number(status.get("restoreRate"))
            self.restore_rate = rate if rate is not None and rate > 0 else self.restore_rate
        requested = _number(cost.get("requestedQueryCost"))
        if requested is not None:
            self.last_cost = max(0.0, requested)

    def graphql(self, query: str, variables: dict[str, Any], *, once: bool = False) -> dict[str, Any]:
        """Run one query or mutation; its ``data``. Throttled answers are waited out and asked again."""
        for _ in range(THROTTLE_TRIES):
            self._throttle(self.last_cost)
            response = self.http.request("POST", self.path, json={"query": query, "variables": variables},
                                         once=once)
            served = response.headers.get("X-Shopify-API-Version", "")
            if served and served != self.version and served != self.served_version:
                log.warning("Shopify serves API version %s, not the %s asked for: update api_version",
                            served, self.version)
            self.served_version = served or self.served_version
            body = response.json()
            if not isinstance(body, dict):
                raise Transient("Shopify's answer is not a JSON object")
            self._note_cost(body)
            errors = body.get("errors") or []
            if any(((e.get("extensions") or {}).get("code") == "THROTTLED") for e in errors
                   if isinstance(e, dict)):
                self.available = 0.0 if self.available is None else self.available
                continue
            if errors:
                messages = "; ".join(str(e.get("message", e)) if isinstance(e, dict) else str(e)
                                     for e in errors)[:500]
                raise Transient(f"Shopify GraphQL errors: {messages}")
            data = body.get("data")
            if not isinstance(data, dict):
                raise Transient("Shopify's answer holds no data")
            return data
        raise RateLimited("Shopify kept throttling the connector (cost-based rate limit)",
                          max(1.0, self.last_cost / max(self.restore_rate, 1.0)))

    # --- import --------------------------------------------------------------------------------------

    def pages(self, cursor: dict[str, Any]) -> Iterator[Page]:
        since = cursor.get("since")
        search = "(return_status:return_requested OR return_status:in_progress)"
        if since:
            search += f" updated_at:>='{_earlier(since, float(self.settings.get('lookback_s', 3600)))}'"
        after = cursor.get("after")
        high = cursor.get("high") or since or ""
        category = self.settings.get("default_category", "other")
        seen: set[str] = {after} if after else set()
        while True:
            data = self.graphql(RETURNS_QUERY, {"first": int(self.settings.get("page_size", 25)),
                                                "after": after, "query": search})
            try:
                orders = data["orders"]
                nodes = orders["nodes"]
                info = orders["pageInfo"]
            except (KeyError, TypeError) as exc:
                raise Transient(f"Shopify's orders answer is malformed ({exc})") from exc
            if not isinstance(nodes, list) or not isinstance(info, dict):
                raise Transient("Shopify's orders answer is malformed (nodes or pageInfo of the wrong type)")
            returns = []
            for order in nodes:
                rets = order.get("returns") if isinstance(order, dict) else None
                rets = rets.get("nodes") if isinstance(rets, dict) else []
                if not isinstance(order, dict) or not isinstance(rets, list | None) \
                        or any(not isinstance(ret, dict) for ret in rets or []):
                    raise Transient("Shopify sent an order or a return that is not an object")
                updated = order.get("updatedAt")
                high = max(high, updated if isinstance(updated, str) else "")
                for ret in rets or []:
                    if ret.get("status") not in ("OPEN", "REQUESTED"):
                        continue
                    try:
                        returns.append(map_return(order, ret, category))
                    except (KeyError, TypeError, ValueError, AttributeError) as exc:
                        returns.append(PlatformReturn(str(ret.get("id")), {}, problem=(
                            f"Shopify's return cannot be read ({type(exc).__name__}: {exc})")))
            more = bool(info.get("hasNextPage"))
            after = info.get("endCursor") if more else None
            if more and (not isinstance(after, str) or not after or after in seen):
                raise Transient(f"Shopify's endCursor repeats or is missing ({len(seen)} pages read); the "
                                "run ends")
            if after:
                seen.add(after)
            state = {"since": since, "after": after, "high": high} if more else {"since": high or since}
            state["served_version"] = self.served_version or self.version
            state["checked_at"] = datetime.now(UTC).isoformat()
            yield Page(returns, state)
            if not more:
                return

    # --- outcomes ------------------------------------------------------------------------------------

    def outcome_request(self, outcome: dict[str, Any], link: dict[str, Any]) -> dict[str, Any]:
        kinds: Counter[str] = Counter()
        for unit in outcome["units"]:
            if unit["outcome"] != "received":
                kinds["MISSING"] += 1
            else:
                kinds[DISPOSITIONS.get(unit["grade"] or "", "PROCESSING_REQUIRED")] += 1
        dispositions = []
        for kind, count in sorted(kinds.items()):
            item: dict[str, Any] = {"reverseFulfillmentOrderLineItemId": link.get("rfo_line", ""),
                                    "quantity": count, "dispositionType": kind}
            if kind == "RESTOCKED":
                item["locationId"] = self.settings.get("location_id", "")
            dispositions.append(item)
        request: dict[str, Any] = {
            "returnId": link.get("return_gid", ""), "notifyCustomer": False, "returnLineItems": [
                {"id": link["id"], "quantity": sum(kinds.values()), "dispositions": dispositions}]}
        if self._refunds(outcome) and link.get("transaction"):
            amount = f"{outcome['refund_cents'] / 100:.2f}"
            money = {"amount": amount, "currencyCode": link.get("currency", "EUR")}
            request["financialTransfer"] = {"issueRefund": {
                "allowOverRefunding": False,
                "orderTransactions": [{"parentId": link["transaction"], "transactionAmount": money}]}}
        return request

    def _refunds(self, outcome: dict[str, Any]) -> bool:
        """Whether the refund the inspections recommend is issued with the return (``issue_refunds``)."""
        return (bool(self.settings.get("issue_refunds", False)) and outcome["refund"] in ("full", "partial")
                and outcome["refund_cents"] > 0)

    def needs_confirmation(self, outcome: dict[str, Any]) -> bool:
        # Only a refund issued here needs a supervisor's confirmation (a partial one, by policy).
        return self._refunds(outcome) and super().needs_confirmation(outcome)

    def send(self, row: dict[str, Any]) -> Delivery:
        data = self.graphql(PROCESS_MUTATION, {"input": row["payload"]["request"]}, once=True)
        result = data.get("returnProcess") or {}
        errors = result.get("userErrors") or []
        if errors:
            return Delivery("rejected", "; ".join(f"{'.'.join(map(str, e.get('field') or []))}: "
                                                  f"{e.get('message', '')}".lstrip(": ") for e in errors))
        return Delivery("accepted", process_ref=str((result.get("return") or {}).get("status") or ""))

    def already_delivered(self, row: dict[str, Any]) -> Delivery | None:
        data = self.graphql(PROCESSED_QUERY, {"id": row["external_id"]})
        node = data.get("node") or {}
        wanted = row["payload"]["request"]["returnLineItems"][0]["quantity"]
        if int(node.get("processedQuantity") or 0) >= wanted:
            return Delivery("accepted")
        return None


def _number(value: Any) -> float | None:
    """A JSON number as a finite float, else None."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def _earlier(when: str, seconds: float) -> str:
    """``when`` (ISO) moved back by ``seconds``, as Shopify's search wants it (UTC, ``Z``).

    Shopify's search index is eventually consistent: an order updated just before the newest one a run
    saw may be findable only later. Searching from a while before the cursor finds it; the orders read
    again unchanged cost nothing but the query."""
    try:
        moment = datetime.fromisoformat(when.replace("Z", "+00:00"))
    except ValueError:
        return when
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (moment.astimezone(UTC) - timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")
