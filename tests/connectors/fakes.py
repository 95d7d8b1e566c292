"""Local HTTP servers that answer like the platforms, for the connector tests (no internet).

Each fake runs ``http.server`` in a thread on 127.0.0.1 and records every request. ``faults`` is a list
of scripted answers tried before the normal ones: ``(method, path prefix, answer)`` where the answer is
``(status, headers, body)`` or ``"hang"`` (no answer until the test ends: the client's timeout).
"""

from __future__ import annotations

import json
import threading
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
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
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
