"""Intake: scanning a parcel code finds its return; unknown parcels have their own flow."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from inspector.models import (
    AuditEvent,
    BoxCondition,
    Category,
    Channel,
    Inspection,
    InspectionStatus,
    Parcel,
    RefundChoice,
    RefundRecommendation,
    Return,
    ReturnLine,
    ReturnReason,
    ReturnSource,
    ReturnStatus,
    Role,
    User,
)
from inspector.scanning.identify import make_rma
from inspector.scanning.samples import make_tracking
from inspector.services.audit import verify_all_chains
from inspector.services.intake import CodeAlreadyKnown, IntakeService, LookupOutcome, gtin_variants
from inspector.services.return_summary import local_date


def _today() -> date:
    """Today in the demo warehouse's time zone (what the return screen counts from)."""
    return local_date(datetime.now(UTC), "Europe/Amsterdam")


def _add_return(services, n: int, *, email: str = "", gtin: str = "8712345678906", **extra) -> Return:  # type: ignore[no-untyped-def]
    import random

    values = dict(
        id=uuid.uuid4(),
        warehouse_id=services.station.warehouse_id,
        rma_number=make_rma(n),
        order_number=f"NL-{100000 + n}",
        customer_name=f"Klant {n} de Vries",
        customer_name_key=f"klant {n} de vries",
        customer_email=email or f"klant{n}@example.nl",
        postcode="1012AB",
        house_number=str(n),
        country="NL",
        channel=Channel.PORTAL,
        refund_choice=RefundChoice.REFUND,
        delivered_on=_today() - timedelta(days=10),
        carrier="postnl",
        tracking_number=make_tracking("postnl", random.Random(n)),
    )
    values.update(extra)
    ret = Return(**values)
    ret.lines.append(
        ReturnLine(
            line_no=1,
            sku=f"SKU-{n}",
            gtin=gtin,
            product_name="Trui wol",
            category=Category.APPAREL,
            quantity=2,
            unit_price_cents=4995,
            reason_code=ReturnReason.WRONG_SIZE,
            customer_comment="te klein",
        )
    )
    with services.database.session() as session:
        session.add(ret)
    return ret


@pytest.fixture
def intake(services):  # type: ignore[no-untyped-def]
    return IntakeService(services.database, services.station)


def test_scanning_the_rma_or_tracking_number_or_portal_qr_finds_the_return(services, intake) -> None:  # type: ignore[no-untyped-def]
    ret = _add_return(services, 1)
    _add_return(services, 2)
    for code in (
        ret.rma_number,
        ret.rma_number.lower(),
        ret.tracking_number,
        f"https://returns.example-shop.nl/r/{ret.rma_number}?pc=1012AB",
    ):
        result = intake.lookup(code)
        assert result.outcome is LookupOutcome.FOUND, code
        (found,) = result.returns
        assert found.rma_number == ret.rma_number and found.lines[0].reason_code == "wrong_size"
        assert found.refund_choice is RefundChoice.REFUND and found.days_since_delivery == 10
        assert not found.late


def test_a_product_code_shared_by_several_returns_lets_the_inspector_choose(services, intake) -> None:  # type: ignore[no-untyped-def]
    _add_return(services, 1)
    _add_return(services, 2)
    result = intake.lookup("08712345678906")  # the same GTIN written with 14 digits
    assert result.outcome is LookupOutcome.SEVERAL and len(result.returns) == 2


def test_unknown_and_invalid_codes(services, intake) -> None:  # type: ignore[no-untyped-def]
    _add_return(services, 1)
    assert intake.lookup(make_rma(999)).outcome is LookupOutcome.NOT_FOUND
    assert intake.lookup("RMA12345670").outcome is LookupOutcome.INVALID  # wrong check digit
    assert intake.lookup("BDG000001").outcome is LookupOutcome.NOT_A_PARCEL_CODE
    assert intake.lookup("zomaar iets").outcome is LookupOutcome.NOT_A_PARCEL_CODE  # plain text


def test_search_by_order_postcode_house_number_and_name(services, intake) -> None:  # type: ignore[no-untyped-def]
    ret = _add_return(services, 7, customer_name="Joost van der Berg", customer_name_key="joost van der berg")
    _add_return(services, 8)
    assert [r.id for r in intake.search(order_number="nl-100007")] == [ret.id]
    assert [r.id for r in intake.search(postcode="1012 ab", house_number="7")] == [ret.id]
    assert [r.id for r in intake.search(customer_name="van der berg")] == [ret.id]
    assert [r.id for r in intake.search(customer_name="JOOST")] == [ret.id]
    assert intake.search() == ()


def test_receiving_a_parcel_is_recorded_once_and_shown_on_a_second_scan(services, intake) -> None:  # type: ignore[no-untyped-def]
    ret = _add_return(services, 1)
    with services.database.session() as session:
        user = User(name="Sanne", badge_code="BDG000001", role=Role.INSPECTOR)
        session.add(user)
    parcel = intake.receive_parcel(
        return_id=ret.id,
        scanned_code=ret.tracking_number,
        user_id=user.id,
        box_condition=BoxCondition.DAMAGED,
    )
    again = intake.receive_parcel(return_id=ret.id, scanned_code=ret.tracking_number, user_id=user.id)
    assert again.id == parcel.id
    result = intake.lookup(ret.tracking_number)
    assert [p.received_by for p in result.known_parcels] == ["Sanne"]
    assert result.known_parcels[0].station_code == services.station.station_code
    assert result.returns[0].status is ReturnStatus.RECEIVED
    with services.database.session() as session:
        assert session.scalar(select(Parcel.flags)) == ["damaged_in_transit"]
        assert session.scalars(select(AuditEvent.action)).all() == ["parcel_received"]
        assert all(r.ok for r in verify_all_chains(session))


def test_an_unannounced_return_is_registered_flagged_and_queued(services, intake) -> None:  # type: ignore[no-untyped-def]
    summary = intake.register_unannounced(
        scanned_code="JVGL0123456789012", user_id=None, customer_name="Onbekend"
    )
    assert summary.source is ReturnSource.UNANNOUNCED and summary.rma_number.startswith("UNK-ST-01-")
    assert summary.parcels and summary.parcels[0].unannounced
    second = intake.register_unannounced(scanned_code="other", user_id=None)
    assert second.rma_number != summary.rma_number
    with services.database.session() as session:
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)).all()
    assert actions[:2] == ["unannounced_registered", "parcel_received"]


def test_late_returns_and_serial_returners_stand_out(services, intake) -> None:  # type: ignore[no-untyped-def]
    late = _add_return(services, 1, email="vaak@example.nl", delivered_on=_today() - timedelta(days=45))
    for n in range(2, 8):
        older = _add_return(services, n, email="vaak@example.nl")
        if n < 4:
            with services.database.session() as session:
                session.add(
                    Inspection(
                        return_id=older.id,
                        status=InspectionStatus.FINISHED,
                        refund_recommendation=RefundRecommendation.NONE,
                        started_at=datetime.now(UTC),
                    )
                )
    summary = intake.get(late.id)
    assert summary.late and summary.days_since_delivery == 45
    assert summary.history.earlier_returns == 6 and summary.history.refused_returns == 2
    assert summary.history.serial_returner


def test_gtin_variants() -> None:
    assert gtin_variants("08712345678906") == ["08712345678906", "8712345678906"]
    assert gtin_variants("00036000291452") == ["00036000291452", "0036000291452", "036000291452"]


@pytest.mark.parametrize("code", ["3SABC1234567", "JVGL00000000000000", "ZZ-NOT-KNOWN-44"])
def test_a_registered_unknown_parcel_is_found_again_and_not_registered_twice(services, intake, code) -> None:  # type: ignore[no-untyped-def]
    """Issue 10: scanning a registered unknown parcel again found nothing and offered to register it
    again, so the same parcel became two returns."""
    assert intake.lookup(code).outcome is LookupOutcome.NOT_FOUND
    registered = intake.register_unannounced(scanned_code=code, user_id=None, customer_name="Onbekend")
    again = intake.lookup(code)
    assert again.outcome is LookupOutcome.FOUND
    assert [r.id for r in again.returns] == [registered.id]
    assert again.returns[0].status is ReturnStatus.RECEIVED
    twice = intake.register_unannounced(scanned_code=code, user_id=None, customer_name="Iemand anders")
    assert twice.id == registered.id and twice.rma_number == registered.rma_number
    assert intake.lookup(f" {code.lower()} ").returns[0].id == registered.id  # typed, not scanned
    with services.database.session() as session:
        assert session.scalars(select(Return.id).where(Return.source == ReturnSource.UNANNOUNCED)).all() == [
            registered.id
        ]
        assert len(session.scalars(select(Parcel.id)).all()) == 1
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)).all()
    assert actions == ["unannounced_registered", "parcel_received"]



def test_a_code_of_an_announced_return_is_not_registered_as_unannounced(services, intake) -> None:  # type: ignore[no-untyped-def]
    """The return was announced (pulled) after the scan: registering its parcel code is refused."""
    ret = _add_return(services, 3)
    with pytest.raises(CodeAlreadyKnown) as refused:
        intake.register_unannounced(scanned_code=ret.tracking_number, user_id=None)
    assert refused.value.return_ids == (ret.id,)
    with services.database.session() as session:
        assert session.scalars(select(Return.id)).all() == [ret.id]
        assert session.scalars(select(Parcel.id)).all() == []


def test_the_database_keeps_one_unannounced_return_per_parcel_code(services, intake) -> None:  # type: ignore[no-untyped-def]
    """Even a writer that skips the service's check (two at once) cannot store the code twice."""
    from sqlalchemy.exc import IntegrityError

    first = intake.register_unannounced(scanned_code="3SABC1234567", user_id=None)
    with pytest.raises(IntegrityError), services.database.session() as session:
        session.add(Return(
            id=uuid.uuid4(), warehouse_id=services.station.warehouse_id, rma_number="UNK-ST-01-99999",
            order_number="", customer_name="", customer_name_key="", customer_email="", postcode="",
            house_number="", country="NL", channel=Channel.PORTAL, refund_choice=RefundChoice.UNKNOWN,
            status=ReturnStatus.RECEIVED, source=ReturnSource.UNANNOUNCED,
            tracking_number=first.tracking_number,
        ))
    intake.register_unannounced(scanned_code="other", user_id=None)  # codes not kept do not collide
    intake.register_unannounced(scanned_code="again", user_id=None)


def test_an_unknown_parcel_registered_before_the_fix_is_not_registered_again(services, intake) -> None:  # type: ignore[no-untyped-def]
    """Older unannounced returns kept no code: their parcel's scanned code still stops a second one."""
    old = intake.register_unannounced(scanned_code="3SABC1234567", user_id=None)
    with services.database.session() as session:  # as registered before: no code on the return or parcel
        session.get(Return, old.id).tracking_number = ""
        for parcel in session.scalars(select(Parcel)):
            parcel.tracking_number = ""
    assert [r.id for r in intake.lookup("3SABC1234567").returns] == [old.id]  # a rescan opens it
    again = intake.register_unannounced(scanned_code="3SABC1234567", user_id=None)
    assert again.id == old.id
    with services.database.session() as session:
        assert len(session.scalars(select(Return.id)).all()) == 1


def test_a_parcel_found_by_search_and_received_opens_its_return_when_scanned_again(services, intake) -> None:  # type: ignore[no-untyped-def]
    """An unknown code whose return was found by postcode and received under that code: the next scan
    of the code opens the return (it used to offer the unknown-parcel screen again)."""
    ret = _add_return(services, 7)
    assert intake.lookup("3SABC7654321").outcome is LookupOutcome.NOT_FOUND
    intake.receive_parcel(return_id=ret.id, scanned_code="3SABC7654321", user_id=None)
    result = intake.lookup("3SABC7654321")
    assert result.outcome is LookupOutcome.FOUND and result.returns[0].id == ret.id
