"""Local HTTP servers that answer like the platforms, for the connector tests (no internet).

Each fake runs ``http.server`` in a thread on 127.0.0.1 and records every request. ``faults`` is a list
of scripted answers tried before the normal ones: ``(method, path prefix, answer)`` where the answer is
``(status, headers, body)`` or ``"hang"`` (no answer until the test ends: the client's timeout).
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> dict[str, Any]:
    """A fixture file (each names the documentation page its shapes come from)."""
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Fault:
    method: str
    prefix: str
    answer: Any
    times: int = 1


class FakeServer:
    """Base: routing, recording, scripted faults."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.faults: list[Fault] = []
        self.release = threading.Event()
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                request = Request(self.command, parts.path, parse_qs(parts.query),
                                  {k.lower(): v for k, v in self.headers.items()}, self.rfile.read(length))
                with fake.lock:
                    fake.requests.append(request)
                    answer = fake._fault(request)
                if answer == "hang":
                    fake.release.wait(5)
                    return
                if answer is None:
                    answer = fake.handle(request)
                if answer == "hang":
                    fake.release.wait(30)
                    answer = (503, {}, {"error": "released"})
                status, headers, body = answer
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                try:
                    self.send_response(status)
                    for key, value in {"Content-Type": "application/json", **headers}.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass

            do_GET = do_POST = do_PUT = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def _fault(self, request: Request) -> Any:
        for fault in self.faults:
            if fault.times and request.method == fault.method and request.path.startswith(fault.prefix):
                fault.times -= 1
                return fault.answer
        return None

    def fail(self, method: str, prefix: str, answer: Any, times: int = 1) -> None:
        self.faults.append(Fault(method, prefix, answer, times))

    def handle(self, request: Request) -> Any:
        return (404, {}, {"detail": "not found"})

    def seen(self, method: str, prefix: str = "") -> list[Request]:
        with self.lock:
            return [r for r in self.requests if r.method == method and r.path.startswith(prefix)]

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


# --- Sendcloud -----------------------------------------------------------------------------------------


class FakeSendcloud(FakeServer):
    """``GET /api/v3/returns``: the fixture's returns, ``page_size`` at a time, ``next`` with a cursor."""

    def __init__(self, returns: list[dict[str, Any]], key: tuple[str, str] = ("pub", "sec")) -> None:
        super().__init__()
        self.returns = returns
        self.key = key

    def handle(self, request: Request) -> Any:
        import base64

        expected = "Basic " + base64.b64encode(f"{self.key[0]}:{self.key[1]}".encode()).decode()
        if request.headers.get("authorization") != expected:
            return (401, {}, {"errors": [{"status": "401", "code": "authentication_failed",
                                          "detail": "Invalid username/password."}]})
        if request.path != "/api/v3/returns":
            return super().handle(request)
        size = int(request.query.get("page_size", ["40"])[0])
        offset = int(base64.b64decode(request.query["cursor"][0]).decode().split("=")[1]) \
            if "cursor" in request.query else 0
        if "cursor" not in request.query and not {"from_date", "to_date"} <= set(request.query):
            return (400, {}, {"errors": [{"status": "400", "code": "invalid",
                                          "detail": "from_date is required"}]})
        page = self.returns[offset:offset + size]
        following = offset + size
        nxt = None
        if following < len(self.returns):
            cursor = base64.b64encode(f"o={following}".encode()).decode()
            nxt = f"{self.url}/api/v3/returns?cursor={cursor}&page_size={size}"
        return (200, {}, {"next": nxt, "previous": None, "data": page})


# --- A webhook receiver --------------------------------------------------------------------------------


@dataclass
class FakeWebhook(FakeServer):
    received: list[Request] = field(default_factory=list)

    def __init__(self) -> None:
        FakeServer.__init__(self)

    def handle(self, request: Request) -> Any:
        return (204, {}, b"")


# --- bol.com -------------------------------------------------------------------------------------------

BOL_MEDIA = "application/vnd.retailer.v10+json"


class FakeBol(FakeServer):
    """Token, unhandled returns by page and fulfilment method, handling per RMA item, process statuses.

    ``failing_rma``: RMA items whose handling process ends in FAILURE. ``hold_puts``: a PUT is recorded
    and processed, but answered only when the test releases it (or never: a kill -9 meanwhile).
    """

    def __init__(self, returns: list[dict[str, Any]], page_size: int = 2) -> None:
        super().__init__()
        self.returns = returns
        self.page_size = page_size
        self.processes: dict[str, dict[str, Any]] = {}
        self.failing_rma: set[str] = set()
        self.hold_puts = False
        self.put_arrived = threading.Event()
        self.tokens = 0
        self.created: list[dict[str, Any]] = []
        # GET /retailer/orders/{orderId} (redoc v10 'get-order'): orderItems with orderItemId, product.ean
        self.orders: dict[str, dict[str, Any]] = {"4012345699": {
            "orderId": "4012345699", "orderPlacedDateTime": "2026-11-01T10:00:00+01:00",
            "orderItems": [{"orderItemId": "6107434013", "quantity": 2, "cancellationRequest": False,
                            "fulfilment": {"method": "FBR"},
                            "product": {"ean": "8712345678906", "title": "Product 0"}}]}}

    def problem(self, status: int, title: str, detail: str, violations: Any = None) -> Any:
        body = {"type": "https://api.bol.com/problems", "title": title, "status": status, "detail": detail,
                "host": "Instance-001", "instance": "https://api.bol.com/retailer/returns"}
        if violations:
            body["violations"] = violations
        return (status, {"Content-Type": "application/problem+json"}, body)

    def handle(self, request: Request) -> Any:
        import base64

        if request.path == "/token":
            basic = "Basic " + base64.b64encode(b"bol-client:bol-secret").decode()
            if request.method != "POST" or request.headers.get("authorization") != basic:
                return (401, {}, {"error": "invalid_client", "error_description": "Bad client credentials"})
            self.tokens += 1
            return (200, {}, {"access_token": f"tok-{self.tokens}", "token_type": "Bearer", "expires_in": 299,
                              "scope": "RETAILER"})
        if not (request.headers.get("authorization") or "").startswith("Bearer tok-"):
            return self.problem(401, "Unauthorized", "Full authentication is required.")
        if request.headers.get("accept") != BOL_MEDIA:
            return self.problem(406, "Not Acceptable", "Accept header must be " + BOL_MEDIA)
        if request.method == "GET" and request.path == "/retailer/returns":
            method = request.query.get("fulfilment-method", ["FBR"])[0]
            page = int(request.query.get("page", ["1"])[0])
            open_ = [r for r in self.returns if r["fulfilmentMethod"] == method
                     and not all(i["handled"] for i in r["returnItems"])]
            chunk = open_[(page - 1) * self.page_size:page * self.page_size]
            return (200, {"Content-Type": BOL_MEDIA}, {"returns": chunk} if chunk else {})
        if request.method == "PUT" and request.path.startswith("/retailer/returns/"):
            rma = request.path.rsplit("/", 1)[1]
            if request.headers.get("content-type") != BOL_MEDIA:
                return self.problem(415, "Unsupported Media Type", "Content-Type must be " + BOL_MEDIA)
            body = request.json()
            if body.get("handlingResult") not in ("RETURN_RECEIVED", "EXCHANGE_PRODUCT",
                                                  "RETURN_DOES_NOT_MEET_CONDITIONS", "REPAIR_PRODUCT",
                                                  "CUSTOMER_KEEPS_PRODUCT_PAID", "STILL_APPROVED"):
                return self.problem(
                    400, "Bad Request", "Request contains invalid value(s): 'handlingResult'.",
                    [{"name": "handlingResult", "reason": "Must be one of the handling results."}])
            if not any(i["rmaId"] == int(rma) for r in self.returns for i in r["returnItems"]):
                return self.problem(404, "Not Found", f"Return item with rma id {rma} not found.")
            pid = str(len(self.processes) + 1)
            process = {"processStatusId": pid, "entityId": rma, "eventType": "HANDLE_RETURN_ITEM",
                       "description": f"Handle the return item with rma id {rma}.", "status": "PENDING",
                       "createTimestamp": "2026-12-03T14:08:04+01:00",
                       "links": [{"rel": "self", "href": f"{self.url}/shared/process-status/{pid}",
                                  "method": "GET"}], "_request": body}
            with self.lock:
                self.processes[pid] = process
            self.put_arrived.set()
            if self.hold_puts:
                return "hang"
            return (202, {"Content-Type": BOL_MEDIA}, self._public(process))
        if request.method == "GET" and request.path.startswith("/retailer/orders/"):
            order_id = request.path.rsplit("/", 1)[1]
            order = self.orders.get(order_id)
            if order is None:
                return self.problem(404, "Not Found", f"Order with id {order_id} not found.")
            return (200, {"Content-Type": BOL_MEDIA}, order)
        if request.method == "POST" and request.path == "/retailer/returns":
            body = request.json()
            item = str(body.get("orderItemId"))
            if not any(str(i["orderItemId"]) == item for o in self.orders.values() for i in o["orderItems"]):
                return self.problem(400, "Bad Request", f"Order item {item} not found.")
            pid = str(len(self.processes) + 1)
            process = {"processStatusId": pid, "entityId": item, "eventType": "CREATE_RETURN_ITEM",
                       "description": f"Create return for order item {item}.", "status": "PENDING",
                       "createTimestamp": "2026-12-03T14:08:04+01:00", "links": [], "_request": body}
            with self.lock:
                self.processes[pid] = process
                self.created.append(body)
            return (202, {"Content-Type": BOL_MEDIA}, self._public(process))
        if request.method == "GET" and request.path.startswith("/shared/process-status/"):
            process = self.processes.get(request.path.rsplit("/", 1)[1])
            if process is None:
                return self.problem(404, "Not Found", "Process status not found.")
            self._finish(process)
            return (200, {"Content-Type": BOL_MEDIA}, self._public(process))
        if request.method == "GET" and request.path == "/shared/process-status":
            entity = request.query.get("entity-id", [""])[0]
            found = [self._public(p) for p in self.processes.values() if p["entityId"] == entity
                     and p["eventType"] == request.query.get("event-type", [""])[0]]
            return (200, {"Content-Type": BOL_MEDIA}, {"processStatuses": found} if found else {})
        return super().handle(request)

    def _finish(self, process: dict[str, Any]) -> None:
        if process["status"] != "PENDING":
            return
        if process["eventType"] == "CREATE_RETURN_ITEM":
            process["status"] = "SUCCESS"
            return
        rma = process["entityId"]
        if rma in self.failing_rma:
            process["status"] = "FAILURE"
            process["errorMessage"] = f"Return item {rma} cannot be handled: the return period has expired."
            return
        process["status"] = "SUCCESS"
        for ret in self.returns:
            for item in ret["returnItems"]:
                if str(item["rmaId"]) == rma:
                    item["handled"] = True
                    item["processingResults"] = [{"quantity": process["_request"]["quantityReturned"],
                                                  "processingResult": "ACCEPTED",
                                                  "handlingResult": process["_request"]["handlingResult"]}]

    @staticmethod
    def _public(process: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in process.items() if not k.startswith("_")}

    def puts(self, rma: Any = None) -> list[Request]:
        puts = self.seen("PUT", "/retailer/returns/")
        return [r for r in puts if rma is None or r.path.endswith(f"/{rma}")]


# --- Shopify -------------------------------------------------------------------------------------------


class FakeShopify(FakeServer):
    """``POST /admin/api/{version}/graphql.json``: orders with returns (cursor-paged), ``returnProcess``,
    ``node(id:)`` of a return line item; a leaky bucket answering ``extensions.cost`` and THROTTLED."""

    def __init__(self, orders: list[dict[str, Any]], version: str = "2025-07", bucket: float = 1000.0,
                 restore_rate: float = 1000.0, query_cost: float = 52.0) -> None:
        super().__init__()
        self.orders = orders
        self.version = version
        self.served = version
        self.bucket = bucket
        self.available = bucket
        self.restore_rate = restore_rate
        self.query_cost = query_cost
        self.last = time.monotonic()
        self.throttled = 0
        self.processed: list[dict[str, Any]] = []
        self.hold_mutations = False
        self.mutation_arrived = threading.Event()

    def _cost(self, requested: float) -> tuple[bool, dict[str, Any]]:
        now = time.monotonic()
        self.available = min(self.bucket, self.available + (now - self.last) * self.restore_rate)
        self.last = now
        ok = self.available >= requested
        if ok:
            self.available -= requested
        return ok, {"cost": {"requestedQueryCost": requested, "actualQueryCost": requested if ok else None,
                             "throttleStatus": {"maximumAvailable": self.bucket,
                                                "currentlyAvailable": self.available,
                                                "restoreRate": self.restore_rate}}}

    def handle(self, request: Request) -> Any:
        if request.path != f"/admin/api/{self.version}/graphql.json" or request.method != "POST":
            return (404, {}, {"errors": "Not Found"})
        if request.headers.get("x-shopify-access-token") != "shpat_test":
            return (401, {}, {"errors": "[API] Invalid API key or access token (unrecognized login or wrong "
                                        "password)"})
        body = request.json()
        query, variables = body["query"], body.get("variables") or {}
        headers = {"X-Shopify-API-Version": self.served}
        with self.lock:
            ok, extensions = self._cost(10.0 if "returnProcess" in query else self.query_cost)
        if not ok:
            self.throttled += 1
            return (200, headers, {"errors": [{"message": "Throttled", "extensions": {
                "code": "THROTTLED", "documentation": "https://shopify.dev/api/usage/rate-limits"}}],
                "extensions": extensions})
        if "returnProcess" in query:
            with self.lock:
                result = self._process(variables["input"])
            if self._hold():
                return "hang"
            return (200, headers, {"data": {"returnProcess": result}, "extensions": extensions})
        if "node(id:" in query:
            item = self._line(variables["id"])
            node = {"id": item["id"], "quantity": item["quantity"],
                    "processedQuantity": item["processedQuantity"]} if item else None
            return (200, headers, {"data": {"node": node}, "extensions": extensions})
        if "orders(" in query:
            first = int(variables["first"])
            start = int(variables["after"].split(":")[1]) if variables.get("after") else 0
            # The search syntax's updated_at:>='...' (ISO times in UTC compare as text here).
            since = re.search(r"updated_at:>='([^']+)'", variables.get("query") or "")
            orders = [o for o in self.orders if not since or o["updatedAt"] >= since.group(1)]
            chunk = orders[start:start + first]
            more = start + first < len(orders)
            return (200, headers, {"data": {"orders": {
                "pageInfo": {"hasNextPage": more, "endCursor": f"cursor:{start + first}" if more else None},
                "nodes": chunk}}, "extensions": extensions})
        return (200, headers, {"errors": [{"message": "Field 'x' doesn't exist on type 'QueryRoot'"}]})

    def _hold(self) -> bool:
        self.mutation_arrived.set()
        return self.hold_mutations

    def _line(self, gid: str) -> dict[str, Any] | None:
        for order in self.orders:
            for ret in order["returns"]["nodes"]:
                for item in ret["returnLineItems"]["nodes"]:
                    if item["id"] == gid:
                        return item
        return None

    def _process(self, data: dict[str, Any]) -> dict[str, Any]:
        errors = []
        for line in data["returnLineItems"]:
            item = self._line(line["id"])
            if item is None:
                errors.append({"field": ["input", "returnLineItems", "id"],
                               "message": "Return line item not found", "code": "NOT_FOUND"})
                continue
            if line["quantity"] > item["quantity"] - item["processedQuantity"]:
                errors.append({"field": ["input", "returnLineItems", "quantity"],
                               "message": "Quantity exceeds the processable quantity", "code": "INVALID"})
            for disposition in line.get("dispositions") or []:
                if disposition["dispositionType"] == "RESTOCKED" and not disposition.get("locationId"):
                    errors.append({"field": ["input", "returnLineItems", "dispositions", "locationId"],
                                   "message": "Location is required when the disposition type is RESTOCKED",
                                   "code": "INVALID"})
        transfer = (data.get("financialTransfer") or {}).get("issueRefund")
        if transfer:
            known = {t["id"] for o in self.orders for t in o.get("transactions", [])}
            for item in transfer["orderTransactions"]:
                if item["parentId"] not in known:
                    errors.append({"field": ["input", "financialTransfer", "orderTransactions"],
                                   "message": "Parent transaction not found", "code": "NOT_FOUND"})
        if errors:
            return {"return": None, "userErrors": errors}
        self.processed.append(data)
        for line in data["returnLineItems"]:
            self._line(line["id"])["processedQuantity"] += line["quantity"]
        return {"return": {"id": data["returnId"], "status": "OPEN"}, "userErrors": []}
