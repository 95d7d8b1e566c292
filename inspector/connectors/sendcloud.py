"""Sendcloud Returns API v3: returns in (date-ranged, cursor-paged); outcomes out through the export.

Documented at https://sendcloud.dev/api/v3/returns (overview) and
https://sendcloud.dev/api/v3/returns/retrieve-a-list-of-returns: ``GET /api/v3/returns?from_date=
&to_date=`` (both required, ``YYYY-MM-DD HH:MM:SS``), ``page_size`` (default 40), the answer
``{"next": URL|null, "previous": ..., "data": [return, ...]}``; ``next`` carries the ``cursor``.
Authentication: HTTP Basic with the integration's public and secret key. A return: ``id``,
``created_at``, ``order_number``, ``from_address`` (``name``, ``address_line_1``, ``house_number``,
``postal_code``, ``city``, ``country_code``, ``email``), ``tracking_number``, ``shipping_product.code``
(``"postnl:standard/return"``: the carrier before the colon), ``refund.refund_type.code`` (``money``,
``credit``, ``exchange``), ``reason`` and ``parcel_items`` (``description``, ``quantity``,
``value.value``/``value.currency``, ``sku``, ``product_id``, ``item_id``, ``return_reason_id``,
``return_message``). Errors: ``{"errors": [{"status", "code", "detail"}]}``.

Sendcloud has no API for the warehouse's findings: outcomes go to the connector's export (a file or a
signed webhook, :mod:`inspector.connectors.export`) for the shop to pick up.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from inspector.connectors.base import Delivery, Page, Platform
from inspector.connectors.export import OutcomeExport
from inspector.connectors.http import Transient
from inspector.connectors.importing import PlatformReturn, reason_code

BASE_URL = "https://panel.sendcloud.sc/api/v3"
# Sendcloud's return reason ids (create-a-return's table) in our reason codes.
REASON_IDS = {1: "not_as_described", 3: "other", 4: "ordered_by_mistake", 6: "not_as_described",
              7: "wrong_item_sent", 8: "other", 10: "defective", 11: "no_longer_needed", 12: "wrong_size",
              13: "damaged", 14: "arrived_too_late"}
REFUND_TYPES = {"money": "refund", "credit": "store_credit", "exchange": "exchange"}
_DATE = "%Y-%m-%d %H:%M:%S"


def map_return(item: dict[str, Any], default_category: str = "other") -> PlatformReturn:
    """One Sendcloud return as an import record (``KeyError``/``TypeError`` when it is malformed)."""
    address = item.get("from_address") or {}
    refund = ((item.get("refund") or {}).get("refund_type") or {}).get("code") or "money"
    product = (item.get("shipping_product") or {}).get("code") or ""
    lines = []
    refs = {}
    for number, part in enumerate(item.get("parcel_items") or [], start=1):
        value = part.get("value") or {}
        reason = (REASON_IDS.get(part.get("return_reason_id") or 0)
                  or reason_code(part.get("return_message", "")))
        lines.append({
            "line_no": number, "sku": part.get("sku") or part.get("product_id") or "",
            "product_name": part.get("description") or "", "quantity": int(part["quantity"]),
            "unit_price": str(value.get("value", "0")), "currency": value.get("currency") or "EUR",
            "reason": reason, "customer_comment": part.get("return_message") or "",
            "category": default_category,
        })
        line_id = f"{item['id']}/{part.get('item_id') or number}"
        if any(ref["id"] == line_id for ref in refs.values()):
            raise ValueError(f"two parcel items share the item_id {part.get('item_id')!r:.40}")
        refs[number] = {"id": line_id}
    record = {
        "order_number": item.get("order_number") or "", "customer_name": address.get("name") or "",
        "customer_email": address.get("email") or "", "postcode": address.get("postal_code") or "",
        "house_number": address.get("house_number") or "", "country": address.get("country_code") or "NL",
        "announced_at": item.get("created_at") or "", "refund_choice": REFUND_TYPES.get(refund, "refund"),
        "carrier": product.split(":", 1)[0], "tracking_number": item.get("tracking_number") or "",
        "channel": "portal", "lines": lines,
    }
    return PlatformReturn(str(item["id"]), record, refs)


class SendcloudPlatform(Platform):
    """Reads returns created since the cursor (minus a look-back for changes), page by page."""

    name = "sendcloud"
    credential_names = ("public_key", "secret_key")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.http = self._http_factory(self.settings.get("base_url", BASE_URL),
                                       auth=(self.credentials["public_key"], self.credentials["secret_key"]))
        self.export = OutcomeExport(self)
        self.sends_outcomes = self.export.configured

    def close(self) -> None:
        self.http.close()
        self.export.close()

    def pages(self, cursor: dict[str, Any]) -> Iterator[Page]:
        now = datetime.now(UTC)
        lookback = timedelta(days=float(self.settings.get("lookback_days", 14)))
        since = datetime.fromisoformat(cursor["since"]) if cursor.get("since") else now - lookback
        start = min(since, now - lookback) if cursor.get("since") else since
        url: str | None = cursor.get("next") or "/returns"
        params: dict[str, Any] | None = None if cursor.get("next") else {
            "from_date": start.strftime(_DATE), "to_date": now.strftime(_DATE),
            "page_size": int(self.settings.get("page_size", 40))}
        high = cursor.get("high") or since.isoformat()
        category = self.settings.get("default_category", "other")
        seen: set[str] = set()
        while url:
            if url in seen:  # a 'next' that repeats would page for ever
                raise Transient(f"Sendcloud's next link repeats ({len(seen)} pages read); the run ends")
            seen.add(url)
            body = self.http.json("GET", url, params=params)
            if not isinstance(body, dict) or not isinstance(body.get("data"), list):
                raise Transient("Sendcloud answered without a 'data' list")
            returns = []
            for item in body["data"]:
                if not isinstance(item, dict) or item.get("id") is None:
                    raise Transient("Sendcloud sent a return without an id")
                try:
                    returns.append(map_return(item, category))
                except (KeyError, TypeError, ValueError, AttributeError) as exc:
                    returns.append(PlatformReturn(str(item["id"]), {}, problem=(
                        f"Sendcloud's return cannot be read ({type(exc).__name__}: {exc})")))
                high = max(high, _iso(item.get("created_at")) or high)
            url, params = body.get("next"), None
            if url is not None and not isinstance(url, str):
                raise Transient("Sendcloud's next link is not a text")
            yield Page(returns, {"next": url, "since": cursor.get("since"), "high": high} if url
                       else {"since": high})

    def send(self, row: dict[str, Any]) -> Delivery:
        return self.export.send(row)

    def already_delivered(self, row: dict[str, Any]) -> Delivery | None:
        return self.export.already_delivered(row)

    def needs_confirmation(self, outcome: dict[str, Any]) -> bool:
        return False  # the shop decides the refund from the export


def _iso(value: Any) -> str | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value)).astimezone(UTC).isoformat()
    except ValueError:
        return None
