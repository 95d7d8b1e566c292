"""Finding finished inspections for supervisors: by return, customer, time, place, person, grade, flag.

:meth:`ReviewService.search` answers in well under 200 ms on a million inspections (see
``benchmarks/review.py``) because every filter has an index to start from:

* RMA, order number, tracking number and customer resolve to a handful of returns first (unique
  or indexed columns of ``returns``), then to their inspections through ``ix_inspections_return_id``;
* the date range, grade and inspector walk ``ix_inspections_finished_at``,
  ``ix_inspections_grade_finished`` and ``ix_inspections_inspector_finished`` in ``finished_at``
  order, so ``LIMIT`` stops the scan early;
* a flag starts from ``ix_inspection_flags_flag`` (flag, inspection_id).

Pages are fetched with a keyset cursor (``after``: the last row's ``finished_at`` and id), never
with ``OFFSET``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Select, Uuid, and_, any_, bindparam, exists, func, or_, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from inspector.models import (
    Dispute,
    DisputeStatus,
    Flag,
    Grade,
    Inspection,
    InspectionFlag,
    Parcel,
    Return,
    ReturnLine,
    Station,
    User,
)
from inspector.models.database import Database
from inspector.services.access import Action, authorise
from inspector.services.name_search import name_condition
from inspector.services.sources import Sessions
from inspector.services.users import UserInfo

MAX_LIMIT = 1000
# Flags a supervisor filters on (the review screen offers these, in this order).
REVIEW_FLAGS: tuple[Flag, ...] = (
    Flag.WRONG_ITEM, Flag.MISSING, Flag.SUSPECTED_FRAUD, Flag.LATE, Flag.CONFLICT, Flag.OVERRIDE,
    Flag.UNANNOUNCED,
)
RETURN_MATCH_LIMIT = 5000
# Above this many matching rows, a filter is checked while walking finished_at instead of driving.
_MANY = 5000  # more returns than this for one customer text is not a useful filter


class ReviewSort(StrEnum):
    """The orders the database can deliver by index (other columns sort in the table)."""

    NEWEST = "newest"
    OLDEST = "oldest"


@dataclass(frozen=True)
class ReviewQuery:
    """The filters of the review screen; empty fields do not filter.

    ``customer`` is an e-mail address (exact) or words of the customer's name, each the start of a
    word of the name, in any order and any case ("jans", "de vr").
    ``finished_from`` is inclusive and ``finished_until`` exclusive; both must be timezone-aware.
    Several ``flags`` mean "any of them".
    """

    rma: str = ""
    order_number: str = ""
    tracking_number: str = ""
    customer: str = ""
    finished_from: datetime | None = None
    finished_until: datetime | None = None
    station_id: uuid.UUID | None = None
    inspector_id: uuid.UUID | None = None
    grade: Grade | None = None
    flags: frozenset[Flag] = frozenset()

    def is_empty(self) -> bool:
        """True when nothing filters (the newest inspections are shown)."""
        return self == ReviewQuery()


@dataclass(frozen=True)
class ReviewRow:
    """One finished inspection as the results table shows it."""

    inspection_id: uuid.UUID
    return_id: uuid.UUID | None
    rma: str
    order_number: str
    customer_name: str
    tracking_number: str
    sku: str
    product: str
    grade: Grade | None
    suggested_grade: Grade | None
    station_code: str
    inspector_name: str
    finished_at: datetime
    flags: tuple[str, ...] = ()
    open_dispute: bool = False

    @property
    def cursor(self) -> tuple[datetime, uuid.UUID]:
        """The keyset position of this row (pass as ``after`` for the next page)."""
        return (self.finished_at, self.inspection_id)


@dataclass(frozen=True)
class Choice:
    """A station or inspector offered in a filter list."""

    id: uuid.UUID
    label: str


@dataclass(frozen=True)
class FilterChoices:
    """What the station and inspector filter lists offer."""

    stations: tuple[Choice, ...] = ()
    inspectors: tuple[Choice, ...] = ()
    grades: tuple[Grade, ...] = tuple(Grade)
    flags: tuple[Flag, ...] = field(default=REVIEW_FLAGS)


def _clean_code(text: str) -> str:
    return text.strip().upper().replace(" ", "")


class ReviewService:
    """Searches finished inspections for the review screen (Qt-free, read-only).

    Customer data: every call checks that ``user`` may review (supervisors, team leads, admins).
    """

    def __init__(self, database: Sessions, user: UserInfo | None) -> None:
        self._database = database
        self._user = user

    def _allowed(self) -> None:
        authorise(self._user, Action.REVIEW, self._database if isinstance(self._database, Database) else None)

    def filter_choices(self) -> FilterChoices:
        """The stations and people that can be chosen in the filters."""
        self._allowed()
        with self._database.session() as session:
            stations = session.execute(select(Station.id, Station.code).order_by(Station.code)).all()
            users = session.execute(select(User.id, User.name).order_by(User.name)).all()
        return FilterChoices(
            stations=tuple(Choice(row.id, row.code) for row in stations),
            inspectors=tuple(Choice(row.id, row.name) for row in users),
        )

    def returns_capped(self, query: ReviewQuery) -> bool:
        """True when the name typed matches more returns than one search covers.

        The search then looks at the inspections of the newest ``RETURN_MATCH_LIMIT`` of them; the
        screen says so, so that nobody takes a cut-off list for the whole answer.
        """
        self._allowed()
        customer = query.customer.strip()
        if not customer or "@" in customer:
            return False
        with self._database.session() as session:
            by_name = name_condition(session, customer)
            if by_name is None:
                return False
            matches = select(Return.id).where(by_name).limit(RETURN_MATCH_LIMIT + 1).subquery()
            return int(session.scalar(select(func.count()).select_from(matches)) or 0) > RETURN_MATCH_LIMIT

    def inspections_of_rma(self, rma: str) -> list[uuid.UUID]:
        """The inspections of the return with this RMA number, in the order they were started."""
        self._allowed()
        with self._database.session() as session:
            return list(session.scalars(
                select(Inspection.id).join(Return, Return.id == Inspection.return_id)
                .where(Return.rma_number == _clean_code(rma).replace("-", ""))
                .order_by(Inspection.started_at, Inspection.unit_index)
            ))

    def search(
        self,
        query: ReviewQuery,
        limit: int = 200,
        sort: ReviewSort = ReviewSort.NEWEST,
        after: tuple[datetime, uuid.UUID] | None = None,
    ) -> list[ReviewRow]:
        """Up to ``limit`` finished inspections matching ``query``, in ``sort`` order, after ``after``."""
        self._allowed()
        limit = max(1, min(limit, MAX_LIMIT))
        with self._database.session() as session:
            statement = self._statement(session, query, sort, after)
            if statement is None:
                return []
            ids = list(session.scalars(statement.limit(limit)))
            return self._rows(session, ids)

    # --- the query ----------------------------------------------------------------------------------

    def _statement(
        self, session: Session, query: ReviewQuery, sort: ReviewSort, after: tuple[datetime, uuid.UUID] | None
    ) -> Select[tuple[uuid.UUID]] | None:
        conditions = [Inspection.finished_at.is_not(None)]
        postgres = session.get_bind().dialect.name == "postgresql"
        return_ids = self._matching_returns(session, query, inline=postgres)
        if isinstance(return_ids, Select):  # PostgreSQL: no round trip for the returns' ids
            conditions.append(Inspection.return_id.in_(return_ids))
        elif return_ids is not None:
            if not return_ids:
                return None
            if postgres:  # one array parameter instead of up to 5,000
                conditions.append(Inspection.return_id == any_(
                    bindparam("return_ids", return_ids, type_=ARRAY(Uuid()))))
            else:
                conditions.append(Inspection.return_id.in_(return_ids))
        if query.finished_from is not None:
            conditions.append(Inspection.finished_at >= query.finished_from)
        if query.finished_until is not None:
            conditions.append(Inspection.finished_at < query.finished_until)
        if query.station_id is not None:
            station = Inspection.station_id
            if self._many(session, select(Inspection.id).where(station == query.station_id)):
                # A busy station: walking finished_at newest first finds 200 of its rows quickly, while
                # the (station_id, started_at) index would make SQLite sort all of them. Wrapping the
                # column keeps SQLite from choosing that index.
                station = func.coalesce(Inspection.station_id, Inspection.station_id)
            conditions.append(station == query.station_id)
        if query.inspector_id is not None:
            conditions.append(Inspection.inspector_id == query.inspector_id)
        if query.grade is not None:
            conditions.append(Inspection.final_grade == query.grade)
        if query.flags:
            wanted = InspectionFlag.flag.in_([str(flag) for flag in query.flags])
            if self._many(session, select(InspectionFlag.inspection_id).where(wanted)):
                # A common flag: check it per row (primary key lookup) while walking finished_at.
                conditions.append(exists().where(InspectionFlag.inspection_id == Inspection.id, wanted))
            else:
                # A rare flag: start from its few rows (ix_inspection_flags_flag) and sort them.
                conditions.append(Inspection.id.in_(select(InspectionFlag.inspection_id).where(wanted)))
        newest = sort is ReviewSort.NEWEST
        if after is not None:
            when, last_id = after
            if newest:
                conditions.append(or_(Inspection.finished_at < when,
                                      and_(Inspection.finished_at == when, Inspection.id < last_id)))
            else:
                conditions.append(or_(Inspection.finished_at > when,
                                      and_(Inspection.finished_at == when, Inspection.id > last_id)))
        if postgres and return_ids is not None:
            # The inspections of a few thousand returns: fetch them through ix_inspections_return,
            # then sort. Left to itself PostgreSQL may walk ix_inspections_finished_at instead and
            # read tens of thousands of heap pages (measured: 220 ms against 16 ms).
            matched = (select(Inspection.id, Inspection.finished_at).where(*conditions)
                       .cte("matched").prefix_with("MATERIALIZED", dialect="postgresql"))
            by = (matched.c.finished_at.desc(), matched.c.id.desc()) if newest else (
                matched.c.finished_at.asc(), matched.c.id.asc())
            return select(matched.c.id).order_by(*by)
        order = (Inspection.finished_at.desc(), Inspection.id.desc()) if newest else (
            Inspection.finished_at.asc(), Inspection.id.asc())
        return select(Inspection.id).where(*conditions).order_by(*order)

    @staticmethod
    def _many(session: Session, rows: Select[tuple[uuid.UUID]]) -> bool:
        """Whether ``rows`` has more than a few thousand rows (counting stops there)."""
        capped = rows.limit(_MANY + 1).subquery()
        return int(session.scalar(select(func.count()).select_from(capped)) or 0) > _MANY

    @staticmethod
    def _matching_returns(session: Session, query: ReviewQuery, inline: bool = False
                          ) -> list[uuid.UUID] | Select[tuple[uuid.UUID]] | None:
        """The returns the text filters allow (None: no text filter).

        ``inline``: without a tracking-number filter, the query for them instead of their ids.
        """
        conditions = []
        if query.rma.strip():
            conditions.append(Return.rma_number == _clean_code(query.rma).replace("-", ""))
        if query.order_number.strip():
            conditions.append(Return.order_number == query.order_number.strip().upper())
        customer = query.customer.strip()
        if customer and "@" in customer:
            conditions.append(Return.customer_email == customer.lower())
        elif customer:
            by_name = name_condition(session, customer)
            if by_name is None:
                return []
            conditions.append(by_name)
        ids: set[uuid.UUID] | None = None
        # More matches than the cap (a very common name word): the newest returns, the same every time.
        capped = (select(Return.id).where(*conditions)
                  .order_by(Return.announced_at.desc(), Return.id.desc()).limit(RETURN_MATCH_LIMIT))
        if conditions and inline and not query.tracking_number.strip():
            return capped
        if conditions:
            ids = set(session.scalars(capped))
        if query.tracking_number.strip():
            code = _clean_code(query.tracking_number)
            by_label = set(session.scalars(select(Return.id).where(Return.tracking_number == code)))
            by_parcel = set(session.scalars(
                select(Parcel.return_id).where(Parcel.tracking_number == code, Parcel.return_id.is_not(None))
            ))
            found = by_label | by_parcel
            ids = found if ids is None else ids & found
        return None if ids is None else sorted(ids)

    # --- the rows -----------------------------------------------------------------------------------

    @staticmethod
    def _rows(session: Session, ids: list[uuid.UUID]) -> list[ReviewRow]:
        if not ids:
            return []
        rows = session.execute(
            select(
                Inspection.id, Inspection.return_id, Inspection.final_grade, Inspection.suggested_grade,
                Inspection.finished_at, Inspection.item_sku, Inspection.item_description,
                Return.rma_number, Return.order_number, Return.customer_name, Return.tracking_number,
                ReturnLine.sku, ReturnLine.product_name, Station.code.label("station_code"),
                User.name.label("inspector_name"),
            )
            .outerjoin(Return, Return.id == Inspection.return_id)
            .outerjoin(ReturnLine, ReturnLine.id == Inspection.return_line_id)
            .outerjoin(Station, Station.id == Inspection.station_id)
            .outerjoin(User, User.id == Inspection.inspector_id)
            .where(Inspection.id.in_(ids))
        ).all()
        flags: dict[uuid.UUID, list[str]] = {}
        flag_rows = select(InspectionFlag.inspection_id, InspectionFlag.flag).where(
            InspectionFlag.inspection_id.in_(ids))
        for inspection_id, flag in session.execute(flag_rows):
            flags.setdefault(inspection_id, []).append(flag)
        disputed = set(session.scalars(
            select(Dispute.inspection_id).where(Dispute.inspection_id.in_(ids),
                                                Dispute.status == DisputeStatus.OPEN)
        ))
        by_id = {
            row.id: ReviewRow(
                inspection_id=row.id, return_id=row.return_id, rma=row.rma_number or "",
                order_number=row.order_number or "", customer_name=row.customer_name or "",
                tracking_number=row.tracking_number or "", sku=row.sku or row.item_sku,
                product=row.product_name or row.item_description, grade=row.final_grade,
                suggested_grade=row.suggested_grade, station_code=row.station_code or "",
                inspector_name=row.inspector_name or "", finished_at=row.finished_at,
                flags=tuple(sorted(flags.get(row.id, ()))), open_dispute=row.id in disputed,
            )
            for row in rows
        }
        return [by_id[i] for i in ids if i in by_id]
