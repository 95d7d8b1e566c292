"""What every platform connector provides to the runner (:mod:`inspector.connectors.runner`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from inspector.connectors.http import HttpClient
from inspector.connectors.importing import PlatformReturn
from inspector.connectors.store import Connector


@dataclass
class Page:
    """Returns read from the platform, and the cursor to keep once they are written."""

    returns: list[PlatformReturn]
    cursor: dict[str, Any]


@dataclass
class Delivery:
    """What became of sending (or following) one outcome.

    ``state``: ``sent`` (the platform took it and processes it: follow ``process_ref``), ``accepted``,
    ``rejected`` (``message`` says why) or ``pending`` (a process still running: ask again later).
    """

    state: str
    message: str = ""
    process_ref: str = ""


class Platform:
    """A platform's side of a connector: read returns, send outcomes, follow them, recover after a crash."""

    name = ""
    credential_names: tuple[str, ...] = ()
    sends_outcomes = True
    registers_unannounced = False
    """Whether inspected parcels nobody announced, with an order of this platform, are registered there."""
    settle_s = 600.0

    def __init__(self, connector: Connector, http: Callable[..., HttpClient]) -> None:
        self.connector = connector
        self.settings = connector.settings
        self.credentials = connector.credentials
        self._http_factory = http

    @property
    def follow_after_s(self) -> float:
        """How long after sending the platform is first asked how its processing went (then doubling)."""
        return float(self.settings.get("follow_after_s", 5.0))

    def close(self) -> None:
        """Release connections."""

    def pages(self, cursor: dict[str, Any]) -> Iterator[Page]:
        """The returns announced since ``cursor``, a page at a time."""
        return iter(())

    def outcome_request(self, outcome: dict[str, Any], link: dict[str, Any]) -> dict[str, Any]:
        """The platform's request for one finished line (kept in the outbox with the outcome)."""
        return {}

    def needs_confirmation(self, outcome: dict[str, Any]) -> bool:
        """Whether a supervisor confirms this outcome before it is sent (policy: partial refunds)."""
        return bool(self.settings.get("confirm_partial", True)) and outcome.get("refund") == "partial"

    def send(self, row: dict[str, Any]) -> Delivery:
        """Send one outcome (``row``: the outbox row with ``payload``)."""
        raise NotImplementedError

    def follow(self, row: dict[str, Any]) -> Delivery:
        """Ask how a sent outcome's processing went."""
        return Delivery("accepted")

    def already_delivered(self, row: dict[str, Any]) -> Delivery | None:
        """After a crash mid-send: what the platform already has of this outcome (None: nothing, send)."""
        return None
