"""The one HTTP client of the connectors (httpx), with timeouts everywhere and rate limits honoured.

Every request has a connect, read, write and pool timeout. A platform's answer is sorted into:

* success (2xx): the response;
* :class:`RateLimited` (429): the platform's ``Retry-After`` (seconds or an HTTP date) is honoured: a
  short wait is slept here (at most :data:`MAX_INLINE_WAIT_S`), a longer one ends the run and the
  connector is scheduled again after it;
* :class:`Transient` (timeouts, connection errors, 5xx, bodies that are not the JSON promised):
  tried again a few times with exponential backoff here, then left to the outbox's own backoff;
* :class:`Rejected` (other 4xx): the platform refused the request; its message is kept.

Nothing here logs a header or a body: credentials travel in headers, customers' details in bodies.
"""

from __future__ import annotations

import contextlib
import email.utils
import logging
import math
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx

log = logging.getLogger(__name__)
# httpx logs every request's full URL at INFO; a webhook's URL may hold its own token. Our messages name
# requests without queries and without the path of absolute URLs (see _path).
logging.getLogger("httpx").setLevel(logging.WARNING)

TIMEOUT = httpx.Timeout(20.0, connect=5.0)
MAX_INLINE_WAIT_S = 30.0
"""A ``Retry-After`` up to this is waited for within the run; a longer one postpones the connector."""
MAX_BODY_BYTES = 64_000_000
"""The largest answer read (decoded): a platform's page is a few hundred kB; more is refused, not kept."""
DEADLINE_S = 120.0
"""The longest one request may take in all, however slowly its answer trickles in."""
MAX_RETRY_AFTER_S = 6 * 3600.0
"""The longest a ``Retry-After`` (or any platform-told wait) postpones a connector: a platform asking for
days, years or infinity gets this, so the connector is tried again the same day and stays visible."""
TRIES = 3
"""Attempts per request for transient failures (timeouts, 5xx) before giving up for this run."""


class ConnectorHttpError(Exception):
    """A request that did not succeed; ``message`` is safe to show and store (no secrets)."""

    def __init__(self, message: str, status: int | None = None, body: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.body = body


class Transient(ConnectorHttpError):
    """Worth trying again later: a timeout, a lost connection, a 5xx, a malformed answer."""


class RateLimited(Transient):
    """HTTP 429: try again after ``retry_after_s`` seconds."""

    def __init__(self, message: str, retry_after_s: float) -> None:
        super().__init__(message, 429)
        self.retry_after_s = bounded_wait(retry_after_s)


class TooLarge(Transient):
    """An answer larger than the client reads (:data:`MAX_BODY_BYTES`)."""


class Rejected(ConnectorHttpError):
    """The platform refused the request (4xx): trying again the same way will not help."""


class Unauthorised(Transient):
    """401/403: the credentials are wrong or lack a permission. The connector fails until fixed."""


def bounded_wait(seconds: float, default: float = 1.0) -> float:
    """A wait a platform asked for, made sane: not negative, at most :data:`MAX_RETRY_AFTER_S`, and
    ``default`` for something that is not a number (NaN)."""
    if math.isnan(seconds):
        return default
    return min(max(0.0, seconds), MAX_RETRY_AFTER_S)


def retry_after_seconds(value: str | None, default: float = 1.0) -> float:
    """``Retry-After`` as seconds from now: a number of seconds or an HTTP date; ``default`` if absent
    or unreadable; never negative, never more than :data:`MAX_RETRY_AFTER_S`."""
    if not value:
        return default
    value = value.strip()
    try:
        return bounded_wait(float(value), default)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, OverflowError):
        return default
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return bounded_wait((when - datetime.now(UTC)).total_seconds(), default)


def backoff_seconds(attempt: int, base: float = 1.0, cap: float = 3600.0) -> float:
    """Exponential backoff with jitter: about base, 2*base, 4*base... at most ``cap``."""
    delay = min(cap, base * (2 ** max(attempt - 1, 0)))
    return delay * random.uniform(0.8, 1.2)


def error_message(response: httpx.Response) -> str:
    """The platform's own words from an error body (bol.com's ``detail``/``violations``, Sendcloud's
    ``errors[].detail``, Shopify's ``errors``), else the status line."""
    try:
        body = response.json()
    except ValueError:
        text = response.text.strip().splitlines()[0][:200] if response.text.strip() else ""
        return f"HTTP {response.status_code}" + (f": {text}" if text else "")
    parts: list[str] = []
    if isinstance(body, dict):
        for key in ("title", "detail", "message", "error_description", "error"):
            value = body.get(key)
            if isinstance(value, str) and value not in parts:
                parts.append(value)
        for violation in body.get("violations") or []:
            if isinstance(violation, dict):
                parts.append(f"{violation.get('name', '')}: {violation.get('reason', '')}".strip(": "))
        errors = body.get("errors")
        if isinstance(errors, str):
            parts.append(errors)
        elif isinstance(errors, list):
            for item in errors:
                if isinstance(item, dict):
                    parts.append(str(item.get("detail") or item.get("message") or item.get("code") or ""))
                else:
                    parts.append(str(item))
    text = "; ".join(p for p in parts if p)[:500]
    return f"HTTP {response.status_code}" + (f": {text}" if text else "")


class HttpClient:
    """A thin layer over one :class:`httpx.Client`: timeouts, retries, 429 and error bodies.

    ``sleep`` is injectable so that tests can see the waits instead of waiting.
    """

    def __init__(self, base_url: str, headers: dict[str, str] | None = None, *,
                 auth: httpx.Auth | tuple[str, str] | None = None,
                 timeout: httpx.Timeout = TIMEOUT, sleep: Callable[[float], None] = time.sleep,
                 max_inline_wait_s: float = MAX_INLINE_WAIT_S, tries: int = TRIES,
                 max_body_bytes: int = MAX_BODY_BYTES, deadline_s: float = DEADLINE_S) -> None:
        self._origin = _origin(base_url)
        self._client = httpx.Client(base_url=base_url, headers=headers or {}, auth=auth, timeout=timeout,
                                    follow_redirects=False)
        self.sleep = sleep
        self.max_inline_wait_s = max_inline_wait_s
        self.tries = tries
        self.max_body_bytes = max_body_bytes
        self.deadline_s = deadline_s
        self.waits: list[float] = []

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def set_header(self, name: str, value: str) -> None:
        """Set a header on every later request (an access token)."""
        self._client.headers[name] = value

    def wait(self, seconds: float) -> None:
        """Wait ``seconds`` (recorded in ``waits``)."""
        self.waits.append(seconds)
        self.sleep(seconds)

    def request(self, method: str, url: str, *, expect_json: bool = True, once: bool = False,
                **kwargs: Any) -> httpx.Response:
        """Send a request; see the module docstring for what is retried and what is raised.

        ``once``: a request that changes something on the platform is not repeated after a timeout or a
        5xx (it may have arrived); only a 429, which the platform did not process, is waited out.
        """
        if "://" in url and _origin(url) != self._origin:
            # A link the platform sent (a 'next' page) to another host would carry our credentials
            # (headers and HTTP Basic auth go with every request of the client): never follow it.
            raise Rejected(f"{method} {_path(url)}: a link to another host is not followed (the "
                           "credentials would go with it)")
        attempt = failures = 0
        while True:
            attempt += 1
            try:
                response = self._fetch(method, url, kwargs)
            except TooLarge as exc:
                problem = exc
            except httpx.TimeoutException as exc:
                problem: ConnectorHttpError = Transient(
                    f"{method} {_path(url)} timed out ({type(exc).__name__})")
            except (httpx.TransportError, httpx.DecodingError) as exc:
                problem = Transient(f"{method} {_path(url)} failed: {type(exc).__name__}")
            else:
                problem_or_none = self._judge(method, url, response, expect_json)
                if problem_or_none is None:
                    return response
                problem = problem_or_none
            if isinstance(problem, RateLimited):
                if problem.retry_after_s > self.max_inline_wait_s or attempt > 5:
                    raise problem
                log.info("%s %s: rate limited, waiting %.1f s as asked", method, _path(url),
                         problem.retry_after_s)
                self.wait(problem.retry_after_s)
                continue
            failures += 1
            if isinstance(problem, Transient) and not isinstance(problem, Unauthorised | TooLarge) \
                    and failures < self.tries and not once:
                delay = backoff_seconds(failures, base=0.5, cap=8.0)
                log.info("%s %s: %s; trying again in %.1f s", method, _path(url), problem.message, delay)
                self.wait(delay)
                continue
            raise problem

    def _fetch(self, method: str, url: str, kwargs: dict[str, Any]) -> httpx.Response:
        """Send a request and read its answer, at most ``max_body_bytes`` (decoded) within
        ``deadline_s`` in all: httpx's read timeout is per read, so a server that drips a byte now and
        then, or streams without end, would otherwise hold the run (and its memory) for ever."""
        response = self._client.send(self._client.build_request(method, url, **kwargs), stream=True)
        try:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > self.max_body_bytes:
                raise TooLarge(f"{method} {_path(url)}: the answer is larger than {self.max_body_bytes} "
                               "bytes", response.status_code)
            deadline = time.monotonic() + self.deadline_s
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.max_body_bytes:
                    raise TooLarge(f"{method} {_path(url)}: the answer is larger than {self.max_body_bytes} "
                                   "bytes", response.status_code)
                if time.monotonic() > deadline:
                    raise httpx.ReadTimeout(f"no complete answer within {self.deadline_s:.0f} s")
                chunks.append(chunk)
            response._content = b"".join(chunks)  # what Response.read() keeps; read here within limits
        finally:
            response.close()
        return response

    @staticmethod
    def _judge(method: str, url: str, response: httpx.Response,
               expect_json: bool) -> ConnectorHttpError | None:
        status = response.status_code
        if status == 429:
            return RateLimited(f"{method} {_path(url)}: rate limited (HTTP 429)",
                               retry_after_seconds(response.headers.get("Retry-After")))
        if status in (401, 403):
            return Unauthorised(f"{method} {_path(url)}: {error_message(response)} (check the API key and "
                                "its permissions)", status)
        if status >= 500:
            return Transient(f"{method} {_path(url)}: {error_message(response)}", status)
        if 300 <= status < 400:  # redirects are not followed (credentials): nothing arrived where meant
            location = response.headers.get("Location", "")
            return Transient(f"{method} {_path(url)}: HTTP {status}, redirected"
                             f"{' to ' + _path(location) if location else ''}; give the final URL", status)
        if status >= 400:
            body = None
            with contextlib.suppress(ValueError):
                body = response.json()
            return Rejected(error_message(response), status, body)
        if expect_json and status != 204:
            try:
                response.json()
            except (ValueError, RecursionError):  # RecursionError: nested deeper than Python parses
                return Transient(f"{method} {_path(url)}: the answer is not JSON", status)
        return None

    def json(self, method: str, url: str, **kwargs: Any) -> Any:
        """``request`` and the decoded JSON body."""
        return self.request(method, url, **kwargs).json()


def _origin(url: str) -> tuple[str, str, int | None]:
    """Scheme, host and port of an absolute URL (what credentials may be sent to)."""
    parsed = httpx.URL(url)
    return parsed.scheme, parsed.host.lower(), parsed.port


def _path(url: str) -> str:
    """A URL as messages show it: without its query; an absolute URL (a webhook's, which may carry a
    token in its path) as its scheme and host only."""
    url = url.split("?", 1)[0]
    if "://" in url:
        scheme, _, rest = url.partition("://")
        return f"{scheme}://{rest.split('/', 1)[0]}/…"
    return url
