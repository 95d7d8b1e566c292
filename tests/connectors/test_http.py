"""The connectors' HTTP client against a local server: timeouts, Retry-After, what is retried, errors."""

from __future__ import annotations

import email.utils
import time

import httpx
import pytest
from fakes import FakeServer

from inspector.connectors.http import (
    HttpClient,
    RateLimited,
    Rejected,
    Transient,
    Unauthorised,
    retry_after_seconds,
)


@pytest.fixture
def server():
    fake = FakeServer()
    yield fake
    fake.close()


def client(server, **kwargs) -> HttpClient:
    waits: list[float] = []
    made = HttpClient(server.url, timeout=httpx.Timeout(0.3), sleep=waits.append, **kwargs)
    return made


def test_retry_after_in_seconds_or_as_an_http_date() -> None:
    assert retry_after_seconds("12") == 12.0
    assert retry_after_seconds(None, default=3.0) == 3.0
    assert retry_after_seconds("soon", default=2.0) == 2.0
    when = email.utils.formatdate(time.time() + 40, usegmt=True)
    assert 35 <= retry_after_seconds(when) <= 41


def test_what_is_retried_and_what_is_not(server) -> None:
    server.fail("GET", "/a", (500, {}, b"oops"), times=2)
    with client(server) as http:
        with pytest.raises(Rejected, match="not found"):  # the answer after two 500s
            http.request("GET", "/a")
        assert len(http.waits) == 2 and len(server.seen("GET", "/a")) == 3
    server.fail("PUT", "/b", (502, {}, b""))
    with client(server) as http, pytest.raises(Transient):
        http.request("PUT", "/b", once=True)  # it may have arrived: not repeated
    assert len(server.seen("PUT", "/b")) == 1
    server.fail("GET", "/c", (401, {}, {"error": "invalid_client",
                                        "error_description": "Bad client credentials"}), times=5)
    with client(server) as http, pytest.raises(Unauthorised, match="Bad client credentials"):
        http.request("GET", "/c")
    assert len(server.seen("GET", "/c")) == 1  # wrong credentials stay wrong
    server.fail("GET", "/d", (429, {"Retry-After": "3600"}, {}))
    with client(server) as http, pytest.raises(RateLimited) as limited:
        http.request("GET", "/d")
    assert limited.value.retry_after_s == 3600.0
    server.fail("GET", "/e", "hang", times=5)
    started = time.monotonic()
    with client(server) as http, pytest.raises(Transient, match="timed out"):
        http.request("GET", "/e")
    assert time.monotonic() - started < 3  # three tries of 0.3 s, backoff recorded not slept


def test_the_platforms_error_bodies_are_told_in_their_own_words(server) -> None:
    server.fail("PUT", "/bol", (400, {}, {"type": "https://api.bol.com/problems", "title": "Bad Request",
                                          "status": 400, "detail": "Request validation failed.",
                                          "violations": [{"name": "quantityReturned",
                                                          "reason": "Must be at least 1."}]}))
    server.fail("GET", "/sendcloud", (400, {}, {"errors": [{"status": "400", "code": "invalid",
                                                            "detail": "from_date is required"}]}))
    server.fail("POST", "/shopify", (422, {}, {"errors": "Unprocessable Entity"}))
    with client(server) as http:
        with pytest.raises(Rejected) as bol:
            http.request("PUT", "/bol", once=True)
        with pytest.raises(Rejected) as sendcloud:
            http.request("GET", "/sendcloud")
        with pytest.raises(Rejected) as shopify:
            http.request("POST", "/shopify", once=True)
    assert bol.value.message == ("HTTP 400: Bad Request; Request validation failed.; "
                                 "quantityReturned: Must be at least 1.")
    assert sendcloud.value.message == "HTTP 400: from_date is required"
    assert shopify.value.message == "HTTP 422: Unprocessable Entity"


def test_an_endless_or_huge_answer_is_refused_not_kept(server) -> None:
    server.fail("GET", "/big", (200, {}, b'{"returns": ["' + b"x" * 5000 + b'"]}'))
    with client(server, max_body_bytes=1000) as http, pytest.raises(Transient, match="larger than"):
        http.json("GET", "/big")
    assert len(server.seen("GET", "/big")) == 1  # not asked again within the run: it would not shrink


def test_an_answer_that_drips_in_ends_at_the_deadline(server) -> None:
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def drip() -> None:
        conn, _ = listener.accept()
        conn.recv(4096)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")
        try:
            for _ in range(100):
                conn.sendall(b"1\r\n \r\n")
                time.sleep(0.05)
        except OSError:
            pass
        conn.close()

    threading.Thread(target=drip, daemon=True).start()
    port = listener.getsockname()[1]
    started = time.monotonic()
    with HttpClient(f"http://127.0.0.1:{port}", timeout=httpx.Timeout(1.0), sleep=lambda s: None, tries=1,
                    deadline_s=0.3) as http, pytest.raises(Transient, match="timed out"):
        http.json("GET", "/drip")
    assert time.monotonic() - started < 2
    listener.close()
