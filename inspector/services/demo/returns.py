"""Announced demo returns and their lines, inserted chunk by chunk.

Tracking numbers are made per chunk from a random stream of their own (:func:`tracking_batch`), in a
worker process for large seeds, while this process builds and inserts the other chunks.
"""

from __future__ import annotations

import multiprocessing
import random
import sys
import uuid
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date, datetime, timedelta
from typing import Any

from inspector.models import Channel, Return, ReturnLine, ReturnReason, ReturnSource, ReturnStatus
from inspector.scanning.checkdigits import luhn_check_digit
from inspector.scanning.identify import make_rma
from inspector.scanning.samples import make_tracking
from inspector.services.demo.customers import make_customer
from inspector.services.demo.reference import (
    BY_CATEGORY,
    CATALOGUE,
    COMMENT_RATE,
    COMMENTS,
    SERIAL_CHARS,
    SERIAL_PREFIX,
    Product,
)
from inspector.services.demo.state import Customer, LineInfo, ReturnInfo, SeedRun, new_uuid

CHUNK = 5000
_FIT_REASONS = (ReturnReason.WRONG_SIZE, ReturnReason.WRONG_COLOUR)


def tracking_batch(carriers: Sequence[str], key: str) -> list[str]:
    """Tracking numbers for ``carriers``, from a random stream of their own (``key``).

    A function of its arguments only, so it gives the same numbers in a worker process or inline.
    The numbers are not run through identify() one by one (``verify=False``): the generator's formats
    are unambiguous except GLS, which make_tracking() still verifies.
    """
    rng = random.Random(key)
    return [make_tracking(carrier, rng, verify=False) for carrier in carriers]


class _InlineExecutor:
    """Runs submitted work at once, in this thread (small seeds, or no ``fork`` on this platform)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_result(fn(*args))
        return future

    def __enter__(self) -> _InlineExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _tracking_executor(count: int) -> ProcessPoolExecutor | _InlineExecutor:
    """One worker process for the tracking numbers of large seeds, where ``fork`` is safe and cheap.

    Forking (Linux, not a frozen app) needs no re-import and no ``freeze_support()``; elsewhere, and
    for small seeds, the work runs inline.
    """
    if count >= 2 * CHUNK and sys.platform.startswith("linux") and not getattr(sys, "frozen", False):
        return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    return _InlineExecutor()


def make_serial(rng: random.Random, product: Product) -> str:
    """A serial number of the product's kind: an IMEI with its Luhn digit, or a prefixed serial."""
    if product.serial_kind == "imei":
        body = f"35{rng.randrange(10**12):012d}"
        return body + luhn_check_digit(body)
    prefix = SERIAL_PREFIX.get(product.sku, "SN")
    return prefix + "".join(rng.choices(SERIAL_CHARS, k=12 - len(prefix)))


def _lines(run: SeedRun, return_id: uuid.UUID, customer: Customer, created: datetime
           ) -> tuple[list[dict[str, Any]], list[LineInfo]]:
    rng = run.rng
    pickers = run.pickers
    rows: list[dict[str, Any]] = []
    info: list[LineInfo] = []
    count = pickers.lines(rng)
    category = pickers.category(rng)
    used: set[int] = set()
    for line_no in range(1, count + 1):
        if line_no > 1 and rng.random() > 0.6:
            category = pickers.category(rng)
        product_index = rng.choice(BY_CATEGORY[category])
        if product_index in used:
            product_index = rng.choice(BY_CATEGORY[category])
        if product_index in used:
            continue
        used.add(product_index)
        product = CATALOGUE[product_index]
        quantity = 2 if product.serial_kind == "" and rng.random() < 0.07 else 1
        reason = pickers.reason[category](rng)
        comment = ""
        if rng.random() < COMMENT_RATE:
            comment = rng.choice(COMMENTS[reason][customer.language])
        serial = make_serial(rng, product) if product.serial_kind else ""
        line_id = new_uuid(rng)
        rows.append({
            "id": line_id, "created_at": created, "updated_at": created, "return_id": return_id,
            "line_no": len(rows) + 1, "sku": product.sku, "gtin": product.gtin,
            "product_name": product.name, "category": product.category.value, "quantity": quantity,
            "unit_price_cents": product.price_cents, "currency": "EUR", "reason_code": reason.value,
            "customer_comment": comment, "expected_serial": serial,
        })
        info.append((line_id, product_index, quantity, reason, serial))
    return rows, info


def _delay_days(rng: random.Random) -> int:
    """Days between delivery and announcing the return: mostly within two weeks, a few late."""
    roll = rng.random()
    if roll < 0.85:
        return rng.randint(0, 14)
    if roll < 0.96:
        return rng.randint(15, 30)
    return rng.randint(31, 40)


def generate_returns(run: SeedRun, count: int, rma_start: int, existing_rmas: set[str]) -> list[ReturnInfo]:
    """Announce ``count`` returns (status announced), inserting them chunk by chunk."""
    rng = run.rng
    pickers = run.pickers
    infos: list[ReturnInfo] = []
    # Repeat customers: a few serial returners with many returns, some with two or three.
    serial_pool = [make_customer(rng, pickers) for _ in range(max(2, count // 400))] if count >= 20 else []
    run.serial_returners = {c.email for c in serial_pool}
    repeat_pool = [make_customer(rng, pickers) for _ in range(max(3, count // 60))] if count >= 20 else []
    return_rows: list[dict[str, Any]] = []
    line_rows: list[dict[str, Any]] = []
    carriers: list[str] = []
    pending: deque[tuple[Future[list[str]], list[dict[str, Any]], list[dict[str, Any]], int]] = deque()
    trackings: set[str] = set()
    n = rma_start
    batch = 0
    de_place = 1 if len(run.places) > 1 else 0
    zones = [place.zone for place in run.places]
    with _tracking_executor(count) as tracker:
        for index in range(count):
            roll = rng.random()
            if serial_pool and roll < 0.03:
                customer = rng.choice(serial_pool)
            elif repeat_pool and roll < 0.08:
                customer = rng.choice(repeat_pool)
            else:
                customer = make_customer(rng, pickers)
            place_index = de_place if customer.country == "DE" and rng.random() < 0.85 else 0
            place = run.places[place_index]
            n += 1
            rma = make_rma(n)
            while rma in existing_rmas:
                n += 1
                rma = make_rma(n)
            return_id = new_uuid(rng)
            announced_at = run.now - timedelta(seconds=rng.randint(600, 40 * 86400))
            delay = _delay_days(rng)
            delivered_on: date = announced_at.astimezone(zones[place_index]).date() - timedelta(days=delay)
            window = place.vip_window_days if customer.segment == "vip" else place.window_days
            carrier = pickers.carrier[customer.country](rng)
            channel = pickers.channel(rng)
            prefix = "MP" if channel is Channel.MARKETPLACE else "WS"
            order_number = f"{prefix}-{4_000_000 + n * 3 + rng.randint(0, 2)}"
            lines, line_info = _lines(run, return_id, customer, announced_at)
            first_reason = line_info[0][3]
            refund_picker = pickers.refund_fit if first_reason in _FIT_REASONS else pickers.refund_other
            refund_choice = refund_picker(rng)
            return_rows.append({
                "id": return_id, "created_at": announced_at, "updated_at": announced_at,
                "warehouse_id": place.id, "rma_number": rma, "order_number": order_number,
                "customer_name": customer.name, "customer_name_key": customer.name_key,
                "customer_email": customer.email, "customer_segment": customer.segment,
                "postcode": customer.postcode, "house_number": customer.house_number,
                "country": customer.country, "channel": channel.value, "delivered_on": delivered_on,
                "announced_at": announced_at, "refund_choice": refund_choice.value,
                "status": ReturnStatus.ANNOUNCED.value, "source": ReturnSource.DEMO.value, "carrier": carrier,
                "tracking_number": "", "central_seq": None, "content_hash": "", "notes": "",
            })
            carriers.append(carrier)
            line_rows.extend(lines)
            infos.append(ReturnInfo(return_id, rma, "", carrier, place_index, customer.postcode, announced_at,
                                    delivered_on, delay > window, customer, first_reason, refund_choice,
                                    line_info))
            if len(return_rows) >= CHUNK or index == count - 1:
                future = tracker.submit(tracking_batch, carriers, f"{run.stream_key}/tracking/{batch}")
                batch += 1
                pending.append((future, return_rows, line_rows, len(infos) - len(return_rows)))
                return_rows, line_rows, carriers = [], [], []
                # Keep one chunk in flight so tracking numbers are made while this one is written.
                if len(pending) > 1:
                    _insert_chunk(run, *pending.popleft(), infos, trackings)
        while pending:
            _insert_chunk(run, *pending.popleft(), infos, trackings)
    return infos


def _insert_chunk(
    run: SeedRun,
    future: Future[list[str]],
    return_rows: list[dict[str, Any]],
    line_rows: list[dict[str, Any]],
    first_info: int,
    infos: list[ReturnInfo],
    trackings: set[str],
) -> None:
    numbers = future.result()
    for offset, (row, number) in enumerate(zip(return_rows, numbers, strict=True)):
        while number in trackings:  # practically never: the number spaces are huge
            number = make_tracking(row["carrier"], run.rng)
        trackings.add(number)
        row["tracking_number"] = number
        infos[first_info + offset].tracking = number
    run.writer.insert(Return.__table__, return_rows)
    run.writer.insert(ReturnLine.__table__, line_rows)
    run.counts["returns"] += len(return_rows)
    run.counts["lines"] += len(line_rows)
    run.tick(len(return_rows))
