"""bol.com Retailer API v10: unhandled returns in, the handling result per RMA item out, then followed.

Documented at https://api.bol.com/retailer/public/Retailer-API/v10/functional/retailer-api/returns.html
and https://api.bol.com/retailer/public/redoc/v10/retailer.html (Returns, Process Status), with examples
at https://api.bol.com/retailer/public/Retailer-API/demo/v10-RETURNS.html:

* token: ``POST https://login.bol.com/token?grant_type=client_credentials`` with HTTP Basic (client id,
  client secret) -> ``{"access_token", "token_type": "Bearer", "expires_in"}``;
* every call: ``Accept: application/vnd.retailer.v10+json`` (and that ``Content-Type`` on a PUT);
* ``GET /retailer/returns?handled=false&fulfilment-method=FBR&page=N`` -> ``{"returns": [{"returnId",
  "registrationDateTime", "fulfilmentMethod", "returnItems": [{"rmaId", "orderId", "ean", "title",
  "expectedQuantity", "returnReason": {"mainReason", "detailedReason", "customerComments"},
  "trackAndTrace", "transporterName", "handled", "customerDetails"?}]}]}``; an empty page is ``{}``;
* ``PUT /retailer/returns/{rmaId}`` ``{"handlingResult", "quantityReturned"}`` -> 202 with a process
  status ``{"processStatusId", "entityId", "eventType": "HANDLE_RETURN_ITEM", "status": "PENDING"}``;
* ``GET /shared/process-status/{id}`` -> ``status`` PENDING, SUCCESS, FAILURE or TIMEOUT (with
  ``errorMessage``); ``GET /shared/process-status?entity-id=&event-type=`` lists an entity's processes
  (how a run that was killed mid-send finds out what bol.com already has);
* errors are ``application/problem+json``-like: ``{"title", "status", "detail", "violations": [{"name",
  "reason"}]}``; 429 carries ``Retry-After``.

Our return is bol.com's return (``returnId``); its lines are the return items, and an outcome is reported
per RMA item. The handling result is a refund decision, mapped from the inspections' refund
recommendation: nothing refundable received -> ``RETURN_DOES_NOT_MEET_CONDITIONS``; an exchange ->
``EXCHANGE_PRODUCT``; else ``RETURN_RECEIVED``. A partial refund waits for a supervisor (``inspector
connectors confirm ID [--handling ...]``) unless the connector's ``confirm_partial`` is false.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from inspector.connectors.base import Delivery, Page, Platform
from inspector.connectors.http import HttpClient, Rejected, Transient
from inspector.connectors.importing import PlatformReturn, reason_code

BASE_URL = "https://api.bol.com"
TOKEN_URL = "https://login.bol.com/token"
MEDIA_TYPE = "application/vnd.retailer.v10+json"
HANDLING_RESULTS = ("RETURN_RECEIVED", "EXCHANGE_PRODUCT", "RETURN_DOES_NOT_MEET_CONDITIONS",
                    "REPAIR_PRODUCT", "CUSTOMER_KEEPS_PRODUCT_PAID", "STILL_APPROVED")


def map_return(item: dict[str, Any], default_category: str = "other") -> PlatformReturn:
    """One bol.com return (its items) as an import record."""
    items = item["returnItems"]
    lines, refs = [], {}
    first = items[0]
    for number, part in enumerate(items, start=1):
        reason = part.get("returnReason") or {}
        said = " / ".join(t for t in (reason.get("mainReason"), reason.get("detailedReason")) if t)
        comment = "; ".join(t for t in (said, reason.get("customerComments") or "") if t)
        lines.append({
            "line_no": number, "sku": part["ean"], "gtin": part["ean"],
            "product_name": part.get("title") or "",
            "quantity": int(part["expectedQuantity"]), "category": default_category,
            "reason": reason_code(reason.get("detailedReason") or "", reason.get("mainReason") or ""),
            "customer_comment": comment,
        })
        rma_id = part.get("rmaId")
        if isinstance(rma_id, bool) or not isinstance(rma_id, int | str) or not str(rma_id).isdigit():
            raise ValueError(f"return item {number} has no usable rmaId ({rma_id!r:.40})")
        if any(ref["id"] == str(rma_id) for ref in refs.values()):
            raise ValueError(f"the rmaId {rma_id} is given to two return items")
        refs[number] = {"id": str(rma_id), "order_id": str(part.get("orderId") or "")}
    customer = first.get("customerDetails") or {}
    name = " ".join(t for t in (customer.get("firstName"), customer.get("surname")) if t)
    house = " ".join(str(t) for t in (customer.get("houseNumber"), customer.get("houseNumberExtension")) if t)
    record = {
        "order_number": str(first.get("orderId") or ""), "customer_name": name,
        "customer_email": customer.get("email") or "", "postcode": customer.get("zipCode") or "",
        "house_number": house, "country": customer.get("countryCode") or "NL",
        "announced_at": item.get("registrationDateTime") or "", "refund_choice": "refund",
        "channel": "marketplace", "carrier": first.get("transporterName") or "",
        "tracking_number": first.get("trackAndTrace") or "", "lines": lines,
    }
    return PlatformReturn(str(item["returnId"]), record, refs,
                          {"fulfilment_method": item.get("fulfilmentMethod", "")})


class BolPlatform(Platform):
    """bol.com: polls every unhandled return (bol.com has no 'since' filter; unchanged ones cost nothing)."""

    name = "bol"
    credential_names = ("client_id", "client_secret")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.http: HttpClient = self._http_factory(self.settings.get("base_url", BASE_URL),
                                                   headers={"Accept": MEDIA_TYPE})
        self._token = False
        self.registers_unannounced = bool(self.settings.get("register_unannounced", False))
        self.settle_s = float(self.settings.get("unannounced_settle_s", 600))

    def close(self) -> None:
        self.http.close()

    def _authorise(self) -> None:
        if self._token:
            return
        token_url = self.settings.get("token_url", TOKEN_URL)
        with self._http_factory(token_url, auth=(self.credentials["client_id"],
                                                 self.credentials["client_secret"])) as login:
            body = login.json("POST", token_url, params={"grant_type": "client_credentials"},
                              headers={"Accept": "application/json"})
        if not isinstance(body, dict) or not body.get("access_token"):
            raise Transient("bol.com's token answer holds no access_token")
        self.http.set_header("Authorization", f"Bearer {body['access_token']}")
        self._token = True

    def pages(self, cursor: dict[str, Any]) -> Iterator[Page]:
        self._authorise()
        category = self.settings.get("default_category", "other")
        methods = self.settings.get("fulfilment_methods", ["FBR"])
        for method in methods:
            page = 1
            while True:
                body = self.http.json("GET", "/retailer/returns", params={
                    "handled": "false", "fulfilment-method": method, "page": page})
                if not isinstance(body, dict):
                    raise Transient("bol.com's returns answer is not an object")
                items = body.get("returns") or []
                if not isinstance(items, list):
                    raise Transient("bol.com's 'returns' is not a list")
                returns = []
                for item in items:
                    if not isinstance(item, dict) or item.get("returnId") is None:
                        raise Transient("bol.com sent a return without a returnId")
                    try:
                        returns.append(map_return(item, category))
                    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
                        returns.append(PlatformReturn(str(item["returnId"]), {}, problem=(
                            f"bol.com's return cannot be read ({type(exc).__name__}: {exc})")))
                done = not items or page >= int(self.settings.get("max_pages", 100))
                last = done and method == methods[-1]
                yield Page(returns, {"last_pass": datetime.now(UTC).isoformat()} if last else dict(cursor))
                if done:
                    break
                page += 1

    def outcome_request(self, outcome: dict[str, Any], link: dict[str, Any]) -> dict[str, Any]:
        if outcome["received"] == 0 or outcome["refund"] == "none":
            handling = "RETURN_DOES_NOT_MEET_CONDITIONS"
        elif outcome["refund_choice"] == "exchange":
            handling = "EXCHANGE_PRODUCT"
        else:
            handling = "RETURN_RECEIVED"
        request = {"handlingResult": handling, "quantityReturned": outcome["received"]}
        if link.get("create"):  # a parcel nobody announced: the return is created on bol.com
            request.update(orderId=link["order_id"], ean=link["ean"])
        return request

    def _order_item(self, request: dict[str, Any]) -> str:
        """The order item of the order with the EAN (``POST /retailer/returns`` wants its id)."""
        order = self.http.json("GET", f"/retailer/orders/{request['orderId']}")
        for item in (order.get("orderItems") or []) if isinstance(order, dict) else []:
            ean = (item.get("product") or {}).get("ean") or item.get("ean")
            if ean == request["ean"]:
                return str(item["orderItemId"])
        raise Rejected(f"bol.com order {request['orderId']} has no item with EAN {request['ean']}")

    def send(self, row: dict[str, Any]) -> Delivery:
        self._authorise()
        request = row["payload"]["request"]
        if "orderId" in request:
            create = {"orderItemId": self._order_item(request),
                      "quantityReturned": request["quantityReturned"],
                      "handlingResult": request["handlingResult"]}
            body = self.http.json("POST", "/retailer/returns", once=True,
                                  headers={"Content-Type": MEDIA_TYPE}, json=create)
            return self._process(body)
        body = self.http.json("PUT", f"/retailer/returns/{row['external_id']}", once=True,
                              json=request, headers={"Content-Type": MEDIA_TYPE})
        return self._process(body)

    def follow(self, row: dict[str, Any]) -> Delivery:
        self._authorise()
        if row["process_ref"]:
            try:
                return self._process(self.http.json("GET", f"/shared/process-status/{row['process_ref']}"))
            except Rejected as refused:
                if refused.status != 404:
                    raise
        # No process id kept, or one bol.com no longer knows (it keeps them for a while only): the RMA
        # item's processes tell how it went. A 404 is no refusal of the outcome.
        found = self._processes(row)
        for status in ("SUCCESS", "PENDING", "FAILURE", "TIMEOUT"):
            for process in found:
                if process.get("status") == status:
                    return self._process(process)
        raise Transient("bol.com shows no process status of this outcome (yet); it is asked again later")

    def _processes(self, row: dict[str, Any]) -> list[dict[str, Any]]:
        request = row["payload"]["request"]
        entity, event = (self._order_item(request), "CREATE_RETURN_ITEM") if "orderId" in request \
            else (row["external_id"], "HANDLE_RETURN_ITEM")
        body = self.http.json("GET", "/shared/process-status", params={
            "entity-id": entity, "event-type": event, "page": 1})
        if not isinstance(body, dict) or not isinstance(body.get("processStatuses") or [], list):
            raise Transient("bol.com's process status list is malformed")
        return [p for p in (body.get("processStatuses") or []) if isinstance(p, dict)]

    def already_delivered(self, row: dict[str, Any]) -> Delivery | None:
        self._authorise()
        found = self._processes(row)
        for status in ("SUCCESS", "PENDING"):
            for process in found:
                if process.get("status") == status:
                    return self._process(process)
        return None  # nothing, or only failed attempts: send it

    @staticmethod
    def _process(body: Any) -> Delivery:
        if not isinstance(body, dict) or "status" not in body:
            raise Transient("bol.com's process status answer holds no status")
        ref = str(body.get("processStatusId") or "")
        status = body["status"]
        if status == "SUCCESS":
            return Delivery("accepted", process_ref=ref)
        if status in ("FAILURE", "TIMEOUT"):
            return Delivery("rejected", body.get("errorMessage") or f"bol.com: process {status}", ref)
        return Delivery("pending" if ref else "sent", "", ref)
