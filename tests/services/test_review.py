"""Review search: every filter against the seeded rows, keyset paging, and both query plans."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from inspector.app import Services
from inspector.models import Flag, Inspection, InspectionFlag, Parcel, Return
from inspector.services import review as review_module
from inspector.services.access import COMMAND_LINE
from inspector.services.demo_data import seed_demo
from inspector.services.review import REVIEW_FLAGS, ReviewQuery, ReviewService, ReviewSort

NOW = datetime(2026, 11, 20, 15, tzinfo=UTC)


@pytest.fixture
def seeded(services: Services) -> Services:
    """60 finished inspections, and every review flag on at least one of them."""
    seed_demo(services.database, services.photos, services.station,
              returns=150, inspections=60, seed=7, now=NOW)
    with services.database.session() as session:
        ids = session.scalars(select(Inspection.id).where(Inspection.finished_at.is_not(None))
                              .order_by(Inspection.finished_at)).all()
        present = set(session.scalars(select(InspectionFlag.flag)))
        for n, flag in enumerate(f for f in REVIEW_FLAGS if f not in present):
            session.add(InspectionFlag(inspection_id=ids[n * 3], flag=str(flag)))
    return services


def _all(services: Services) -> list[Inspection]:
    with services.database.session() as session:
        rows = session.scalars(select(Inspection).where(Inspection.finished_at.is_not(None))).all()
        session.expunge_all()
        return list(rows)


def _returns(services: Services) -> dict:
    with services.database.session() as session:
        rows = session.scalars(select(Return)).all()
        session.expunge_all()
        return {r.id: r for r in rows}


def _ids(services: Services, query: ReviewQuery) -> set:
    rows = ReviewService(services.database, user=COMMAND_LINE).search(query, limit=1000)
    assert [r.finished_at for r in rows] == sorted((r.finished_at for r in rows), reverse=True)
    return {r.inspection_id for r in rows}


def _check(services: Services, query: ReviewQuery, keep: Callable[[Inspection], bool]) -> set:
    expected = {i.id for i in _all(services) if keep(i)}
    assert expected, "the seed should hold matching rows"
    assert _ids(services, query) == expected
    return expected


def test_no_filter_lists_every_finished_inspection_newest_first(seeded: Services) -> None:
    _check(seeded, ReviewQuery(), lambda i: True)


def test_return_codes_and_customer(seeded: Services) -> None:
    returns = _returns(seeded)
    sample = next(i for i in _all(seeded) if i.return_id)
    ret = returns[sample.return_id]
    of_return = lambda i: i.return_id == ret.id  # noqa: E731
    _check(seeded, ReviewQuery(rma=ret.rma_number.lower()), of_return)
    _check(seeded, ReviewQuery(order_number=ret.order_number), of_return)
    _check(seeded, ReviewQuery(tracking_number=ret.tracking_number), of_return)
    _check(seeded, ReviewQuery(customer=ret.customer_email.upper()), lambda i: i.return_id in {
        r.id for r in returns.values() if r.customer_email == ret.customer_email})
    prefix = ret.customer_name.split()[0][:3]
    _check(seeded, ReviewQuery(customer=prefix.upper()), lambda i: i.return_id is not None and any(
        word.startswith(prefix.casefold()) for word in returns[i.return_id].customer_name_key.split()))
    assert _ids(seeded, ReviewQuery(rma="RMA99999999")) == set()


def test_customer_by_surname_in_any_order_without_accents(seeded: Services) -> None:
    sample = next(i for i in _all(seeded) if i.return_id)
    with seeded.database.session() as session:
        ret = session.get(Return, sample.return_id)
        ret.customer_name = "Jürgen Müller-de Vries"
        ret.customer_name_key = " ".join(ret.customer_name.casefold().split())
        return_id = ret.id
    of_return = lambda i: i.return_id == return_id  # noqa: E731
    for typed in ("muller", "MÜLL", "de vr", "vries jur", "  vries   "):
        assert return_id in {i.return_id for i in seeded_search(seeded, typed)}, typed
    _check(seeded, ReviewQuery(customer="vries jürgen"), of_return)
    # Query syntax is never interpreted (and never an error): only the words count.
    for typed, words in (('"vries" OR *', "vries or"), ("NEAR(x y)", "near x y"), ("vries*", "vries"),
                         ("ürgenx", "urgenx")):
        assert {i.inspection_id for i in seeded_search(seeded, typed)} == {
            i.inspection_id for i in seeded_search(seeded, words)}, typed
    assert seeded_search(seeded, "-") == [] and seeded_search(seeded, "ürgenx") == []


def seeded_search(services: Services, customer: str) -> list:  # type: ignore[type-arg]
    return ReviewService(services.database,
        user=COMMAND_LINE).search(ReviewQuery(customer=customer), limit=1000)


def test_tracking_number_of_the_received_parcel(seeded: Services) -> None:
    with seeded.database.session() as session:
        parcel = session.scalars(select(Parcel).where(Parcel.return_id.is_not(None))).first()
        assert parcel is not None
        parcel.tracking_number = "JVGL0123456789"
        return_id = parcel.return_id
    _check(seeded, ReviewQuery(tracking_number="jvgl 0123456789"), lambda i: i.return_id == return_id)


def test_date_range_station_inspector_grade(seeded: Services) -> None:
    rows = _all(seeded)
    start = NOW - timedelta(days=3)
    end = NOW - timedelta(days=1)
    _check(seeded, ReviewQuery(finished_from=start, finished_until=end),
           lambda i: start <= i.finished_at < end)
    sample = rows[0]
    _check(seeded, ReviewQuery(station_id=sample.station_id), lambda i: i.station_id == sample.station_id)
    _check(seeded, ReviewQuery(inspector_id=sample.inspector_id),
           lambda i: i.inspector_id == sample.inspector_id)
    _check(seeded, ReviewQuery(grade=sample.final_grade), lambda i: i.final_grade == sample.final_grade)
    both = ReviewQuery(grade=sample.final_grade, station_id=sample.station_id)
    _check(seeded, both, lambda i: i.final_grade == sample.final_grade and i.station_id == sample.station_id)


@pytest.mark.parametrize("flag", REVIEW_FLAGS)
def test_each_flag(seeded: Services, flag: Flag) -> None:
    _check(seeded, ReviewQuery(flags=frozenset({flag})), lambda i: str(flag) in i.flags)


def test_common_filters_walk_finished_at_with_the_same_result(seeded: Services,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    sample = _all(seeded)[0]
    queries = [ReviewQuery(station_id=sample.station_id), ReviewQuery(flags=frozenset({Flag.LATE}))]
    before = [_ids(seeded, q) for q in queries]
    monkeypatch.setattr(review_module, "_MANY", 0)  # every filter now counts as "many rows"
    assert [_ids(seeded, q) for q in queries] == before


def test_keyset_pages_cover_everything_once_in_both_orders(seeded: Services) -> None:
    service = ReviewService(seeded.database, user=COMMAND_LINE)
    for sort in ReviewSort:
        seen, after = [], None
        while True:
            page = service.search(ReviewQuery(), limit=7, sort=sort, after=after)
            if not page:
                break
            seen += page
            after = page[-1].cursor
        assert len(seen) == len({r.inspection_id for r in seen}) == len(_all(seeded))
        keys = [r.cursor for r in seen]
        assert keys == sorted(keys, reverse=sort is ReviewSort.NEWEST)


def test_rows_carry_what_the_table_shows(seeded: Services) -> None:
    from inspector.models import Grade, ReturnLine, Station, User

    service = ReviewService(seeded.database, user=COMMAND_LINE)
    rows = service.search(ReviewQuery(), limit=20)
    assert rows
    with seeded.database.session() as session:
        for row in rows:  # every column as the database holds it, not just "something is there"
            inspection = session.get(Inspection, row.inspection_id)
            assert inspection is not None
            ret = session.get(Return, inspection.return_id)
            line = session.get(ReturnLine, inspection.return_line_id) if inspection.return_line_id else None
            assert (row.rma, row.order_number, row.customer_name) == (
                ret.rma_number, ret.order_number, ret.customer_name)
            assert (row.grade, row.suggested_grade, row.finished_at) == (
                inspection.final_grade, inspection.suggested_grade, inspection.finished_at)
            assert row.station_code == session.get(Station, inspection.station_id).code
            assert row.inspector_name == session.get(User, inspection.inspector_id).name
            assert row.sku == (line.sku if line else inspection.item_sku)
            assert row.flags == tuple(sorted(inspection.flags))
    first = rows[0]
    assert first.inspection_id in service.inspections_of_rma(first.rma.lower())
    assert service.inspections_of_rma("RMA-NOT-THERE") == []
    choices = service.filter_choices()
    assert {c.label for c in choices.stations} >= {r.station_code for r in rows}
    assert {c.label for c in choices.inspectors} >= {r.inspector_name for r in rows}
    assert ReviewQuery().is_empty()
    for change in ({"rma": "RMA1"}, {"customer": "jans"}, {"grade": Grade.SCRAP},
                   {"flags": frozenset({Flag.LATE})}, {"finished_from": datetime(2026, 1, 1, tzinfo=UTC)}):
        assert not replace(ReviewQuery(), **change).is_empty(), change
