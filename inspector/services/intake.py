"""Intake: from a scanned parcel code to the announced return, and the unknown-parcel flow.

``IntakeService.lookup(text)`` classifies the scan (tracking number, RMA, portal QR, GTIN...) and
finds the matching returns by index, in milliseconds even with a million returns. What it returns
are plain snapshots (no ORM objects), ready for a view.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from inspector.models import (
    BoxCondition,
    Channel,
    Flag,
    Inspection,
    Parcel,
    RefundChoice,
    Return,
    ReturnLine,
    ReturnSource,
    ReturnStatus,
    utcnow,
)
from inspector.models.database import Database
from inspector.reports.labels import lpn_valid
from inspector.scanning.identify import Identification, identify
from inspector.services.audit import append_event
from inspector.services.name_search import name_condition
from inspector.services.return_summary import ParcelInfo, ReturnSummary, parcel_info, summaries
from inspector.services.station import StationContext


class LookupOutcome(StrEnum):
    """What a scan at intake found."""

    FOUND = "found"  # exactly one return
    SEVERAL = "several"  # the inspector chooses
    NOT_FOUND = "not_found"  # the unknown-parcel flow
    NOT_A_PARCEL_CODE = "not_a_parcel_code"  # a badge, a location or plain text was scanned at intake
    INVALID = "invalid"  # a code of a known kind with a wrong check digit
    ITEM_LABEL = "item_label"  # the station's own label (LPN) of an inspected item


@dataclass(frozen=True)
class LookupResult:
    """The answer to one intake scan."""

    outcome: LookupOutcome
    identification: Identification
    returns: tuple[ReturnSummary, ...] = ()
    known_parcels: tuple[ParcelInfo, ...] = field(default_factory=tuple)
    inspection_id: uuid.UUID | None = None  # ITEM_LABEL: the inspection the label belongs to


def gtin_variants(gtin: str) -> list[str]:
    """The ways one GTIN may be written: 14, 13, 12 and 8 digits (leading zeros dropped)."""
    digits = gtin.zfill(14)
    return [digits[-n:] for n in (14, 13, 12, 8) if set(digits[: 14 - n]) <= {"0"}]


class CodeAlreadyKnown(Exception):
    """The code of a parcel to register as unannounced already belongs to an announced return."""

    def __init__(self, code: str, return_ids: tuple[uuid.UUID, ...]) -> None:
        super().__init__(f"{code} belongs to an announced return; open it instead of registering the parcel")
        self.code = code
        self.return_ids = return_ids


def _looks_like_a_code(text: str) -> bool:
    """A carrier's code we do not know the format of: one word of letters and digits, 8 or more long.

    Anything else (words with spaces, short or punctuated text) is not a parcel code.
    """
    compact = text.strip().replace("-", "")
    return len(compact) >= 8 and compact.isascii() and compact.isalnum() and any(c.isdigit() for c in compact)


def unannounced_code(ident: Identification) -> str:
    """What an unannounced return keeps as its tracking number: the scanned parcel code.

    A carrier's tracking number in its normal form; a code of a format we do not know as scanned
    (upper case, without spaces: what :meth:`IntakeService.lookup` compares). So a second scan of the
    same parcel finds the return by the indexed tracking number, here and (after a sync) at other
    stations. Anything that is not a parcel code (or too long for the column) is not kept.
    """
    if ident.kind == "tracking" and ident.normalized:
        return ident.normalized[:64]
    raw = ident.input.strip().upper().replace(" ", "")
    if ident.kind == "unknown" and _looks_like_a_code(raw) and len(raw) <= 64:
        return raw
    return ""


class IntakeService:
    """Finds returns for scanned parcels, receives parcels and registers unannounced returns."""

    def __init__(self, database: Database, station: StationContext) -> None:
        self._database = database
        self._station = station

    # --- lookup ----------------------------------------------------------------------------------

    def lookup(self, text: str, symbology: str = "") -> LookupResult:
        """Find the return(s) a scanned parcel code belongs to."""
        ident = identify(text, symbology)
        if ident.kind in ("badge", "location"):
            return LookupResult(LookupOutcome.NOT_A_PARCEL_CODE, ident)
        with self._database.session() as session:
            label = self._item_label(session, ident)
            if label is not None:
                return label
            condition = self._condition(ident)
            if condition is None:
                return LookupResult(LookupOutcome.NOT_FOUND, ident)
            ids = session.scalars(select(Return.id).where(condition).limit(50)).all()
            if not ids and ident.kind in ("tracking", "unknown", "rma"):
                ids = self._returns_by_scanned_code(session, text)
            parcels = self._parcels_by_code(session, ident)
            if not ids and not ident.valid and ident.kind != "unknown":
                return LookupResult(LookupOutcome.INVALID, ident, known_parcels=parcels)
            if not ids and not parcels and ident.kind == "unknown" and not _looks_like_a_code(text):
                return LookupResult(LookupOutcome.NOT_A_PARCEL_CODE, ident)
            found = summaries(session, ids)
        outcome = {0: LookupOutcome.NOT_FOUND, 1: LookupOutcome.FOUND}.get(
            len(found), LookupOutcome.SEVERAL
        )
        return LookupResult(outcome, ident, found, parcels)

    @staticmethod
    def _item_label(session: Session, ident: Identification) -> LookupResult | None:
        """The station's own item label (LPN): the item's return and inspection."""
        code = ident.input.strip().upper()
        if not lpn_valid(code):
            return None
        query = select(Inspection.id, Inspection.return_id).where(Inspection.lpn == code)
        row = session.execute(query).first()
        if row is None or row.return_id is None:
            return LookupResult(LookupOutcome.NOT_A_PARCEL_CODE, ident)
        return LookupResult(LookupOutcome.ITEM_LABEL, ident, tuple(summaries(session, [row.return_id])),
                            inspection_id=row.id)

    @staticmethod
    def _condition(ident: Identification):  # type: ignore[no-untyped-def]
        code = ident.normalized or ident.input.strip()
        if ident.kind == "rma":
            return Return.rma_number == (ident.fields.get("rma") or code)
        if ident.kind == "tracking":
            return Return.tracking_number == code
        if ident.kind in ("gtin", "gs1") and ident.fields.get("gtin"):
            variants = gtin_variants(str(ident.fields["gtin"]))
            lines = select(ReturnLine.return_id).where(ReturnLine.gtin.in_(variants))
            return Return.id.in_(lines) & Return.status.in_([ReturnStatus.ANNOUNCED, ReturnStatus.RECEIVED])
        raw = ident.input.strip().upper().replace(" ", "")
        if not raw:
            return None
        return or_(Return.tracking_number == raw, Return.rma_number == raw, Return.order_number == raw)

    @staticmethod
    def _returns_by_scanned_code(session: Session, text: str) -> list[uuid.UUID]:
        """Returns whose parcel was received under exactly this code (found by a search before, or
        registered before unannounced returns kept their code)."""
        codes = list({text, text.strip()})
        query = (
            select(Parcel.return_id)
            .where(Parcel.scanned_code.in_(codes), Parcel.return_id.is_not(None))
            .distinct()
            .limit(50)
        )
        return [return_id for return_id in session.scalars(query) if return_id is not None]

    def _parcels_by_code(self, session: Session, ident: Identification) -> tuple[ParcelInfo, ...]:
        code = ident.normalized or ident.input.strip()
        if ident.kind not in ("tracking", "unknown", "rma") or not code:
            return ()
        rows = session.scalars(select(Parcel).where(Parcel.tracking_number == code)).all()
        return tuple(parcel_info(session, p) for p in rows)

    # --- search (unknown parcels) ----------------------------------------------------------------

    def search(
        self,
        *,
        order_number: str = "",
        rma: str = "",
        postcode: str = "",
        house_number: str = "",
        customer_name: str = "",
        limit: int = 50,
    ) -> tuple[ReturnSummary, ...]:
        """Find returns by order number, RMA, postcode plus house number, or customer name."""
        conditions = []
        if order_number.strip():
            conditions.append(Return.order_number == order_number.strip().upper())
        if rma.strip():
            conditions.append(Return.rma_number == rma.strip().upper().replace(" ", "").replace("-", ""))
        if postcode.strip():
            conditions.append(Return.postcode == postcode.strip().upper().replace(" ", ""))
            if house_number.strip():
                conditions.append(Return.house_number == house_number.strip().upper().replace(" ", ""))
        with self._database.session() as session:
            if customer_name.strip():
                by_name = name_condition(session, customer_name)
                if by_name is None:
                    return ()
                conditions.append(by_name)
            if not conditions:
                return ()
            ids = session.scalars(
                select(Return.id).where(*conditions).order_by(Return.announced_at.desc()).limit(limit)
            ).all()
            return summaries(session, ids)

    def get(self, return_id: uuid.UUID) -> ReturnSummary:
        """A fresh snapshot of one return."""
        with self._database.session() as session:
            (summary,) = summaries(session, [return_id])
            return summary

    # --- receiving -------------------------------------------------------------------------------

    def receive_parcel(
        self,
        *,
        return_id: uuid.UUID | None,
        scanned_code: str,
        user_id: uuid.UUID | None,
        box_condition: BoxCondition = BoxCondition.INTACT,
        notes: str = "",
    ) -> ParcelInfo:
        """Record that a parcel arrived (idempotent for the same code and return at this station)."""
        ident = identify(scanned_code)
        tracking = ident.normalized if ident.kind == "tracking" else ""
        carrier = ident.candidates[0].carrier if ident.kind == "tracking" and ident.candidates else ""
        with self._database.session() as session:
            existing = session.scalar(
                select(Parcel).where(
                    Parcel.return_id == return_id if return_id else Parcel.return_id.is_(None),
                    Parcel.scanned_code == scanned_code,
                    Parcel.station_id == self._station.station_id,
                )
            )
            if existing is not None:
                return parcel_info(session, existing)
            ret = session.get(Return, return_id) if return_id else None
            if ret is not None and not tracking:
                tracking, carrier = ret.tracking_number, ret.carrier
            parcel = Parcel(
                id=uuid.uuid4(),
                tracking_number=tracking,
                scanned_code=scanned_code,
                carrier=carrier,
                return_id=return_id,
                received_at=utcnow(),
                received_by_id=user_id,
                station_id=self._station.station_id,
                box_condition=box_condition,
                unannounced=ret is None or ret.source == ReturnSource.UNANNOUNCED,
                flags=[Flag.DAMAGED_IN_TRANSIT.value] if box_condition != BoxCondition.INTACT else [],
                notes=notes,
            )
            session.add(parcel)
            if ret is not None and ret.status == ReturnStatus.ANNOUNCED:
                ret.status = ReturnStatus.RECEIVED
            session.flush()
            append_event(
                session,
                station_id=self._station.station_id,
                action="parcel_received",
                actor_id=user_id,
                entity_type="parcel",
                entity_id=parcel.id,
                return_id=return_id,
                payload={
                    "scanned_code": scanned_code,
                    "tracking_number": tracking,
                    "carrier": carrier,
                    "box_condition": str(box_condition),
                    "rma": ret.rma_number if ret else "",
                },
            )
            return parcel_info(session, parcel)

    def register_unannounced(
        self,
        *,
        scanned_code: str,
        user_id: uuid.UUID | None,
        customer_name: str = "",
        postcode: str = "",
        house_number: str = "",
        country: str = "NL",
        order_number: str = "",
        notes: str = "",
        refund_choice: RefundChoice = RefundChoice.UNKNOWN,
        box_condition: BoxCondition = BoxCondition.INTACT,
    ) -> ReturnSummary:
        """Register a return nobody announced; it is flagged for a supervisor.

        Nobody asked the customer what they want back, so the refund choice is "not known" unless the
        parcel says; the parcel is received with the box condition seen. The return keeps the scanned
        code as its tracking number, so scanning the parcel again opens it.

        One code, one unannounced return: registering a code that already has one (a double click, a
        second try after a rescan) returns that return unchanged; a code that belongs to an announced
        return (one pulled from central meanwhile, or registered at another station and synced) raises
        :class:`CodeAlreadyKnown` instead of making a second return for the same parcel.
        """
        ident = identify(scanned_code)
        code = unannounced_code(ident)
        with self._database.session() as session:
            existing = self._registered(session, ident, scanned_code)
            if existing is not None:
                return summaries(session, [existing])[0]
            count = session.scalar(
                select(func.count()).select_from(Return).where(Return.source == ReturnSource.UNANNOUNCED)
            )
            rma = f"UNK-{self._station.station_code}-{(count or 0) + 1:05d}"
            while session.scalar(select(Return.id).where(Return.rma_number == rma)) is not None:
                count = (count or 0) + 1
                rma = f"UNK-{self._station.station_code}-{count + 1:05d}"
            ret = Return(
                id=uuid.uuid4(),
                warehouse_id=self._station.warehouse_id,
                rma_number=rma,
                order_number=order_number.strip().upper(),
                customer_name=customer_name.strip(),
                customer_name_key=" ".join(customer_name.casefold().split()),
                customer_email="",
                postcode=postcode.strip().upper().replace(" ", ""),
                house_number=house_number.strip().upper(),
                country=country.upper()[:2] or "NL",
                channel=Channel.PORTAL,
                refund_choice=RefundChoice(refund_choice),
                tracking_number=code,
                carrier=ident.candidates[0].carrier if ident.kind == "tracking" and ident.candidates else "",
                status=ReturnStatus.RECEIVED,
                source=ReturnSource.UNANNOUNCED,
                notes=notes,
            )
            session.add(ret)
            session.flush()
            append_event(
                session,
                station_id=self._station.station_id,
                action="unannounced_registered",
                actor_id=user_id,
                entity_type="return",
                entity_id=ret.id,
                return_id=ret.id,
                payload={"scanned_code": scanned_code, "rma": rma, "customer_name": customer_name},
            )
            return_id = ret.id
        self.receive_parcel(return_id=return_id, scanned_code=scanned_code, user_id=user_id, notes=notes,
                            box_condition=BoxCondition(box_condition))
        return self.get(return_id)

    def _registered(self, session: Session, ident: Identification, scanned_code: str) -> uuid.UUID | None:
        """The unannounced return already registered for this parcel code, if any.

        Raises :class:`CodeAlreadyKnown` when the code finds announced returns only (as a scan would).
        """
        condition = self._condition(ident) if ident.kind in ("tracking", "unknown", "rma") else None
        rows = session.execute(select(Return.id, Return.source).where(condition).limit(50)).all() \
            if condition is not None else []
        for row in rows:
            if row.source == ReturnSource.UNANNOUNCED:
                return row.id
        # Registered before the return kept its code (or a code that is no parcel code): by the parcel.
        by_parcel = session.scalar(
            select(Parcel.return_id)
            .join(Return, Return.id == Parcel.return_id)
            .where(Parcel.scanned_code == scanned_code, Return.source == ReturnSource.UNANNOUNCED)
            .limit(1)
        )
        if by_parcel is not None:
            return by_parcel
        if rows:
            raise CodeAlreadyKnown(ident.normalized or ident.input.strip(), tuple(row.id for row in rows))
        return None
