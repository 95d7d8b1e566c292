"""The tables of the inspection detail: return, answers, grade history, audit timeline, disputes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from inspector.reports.event_text import describe_event
from inspector.services.inspection_detail import InspectionDetail, TimelineEvent
from inspector.ui.language import shown_language
from inspector.ui.review.names import action_name, entry_kind_name, outcome_name, party_name
from inspector.ui.table_columns import ColumnFit
from inspector.ui.texts import (
    disposition_name,
    fill,
    flag_name,
    grade_name,
    local_time,
    money,
    reason_name,
    refund_advice_name,
    refund_choice_name,
)

BROKEN = QColor("#b00020")




def make_table(headers: Sequence[str], rows: Sequence[Sequence[str]], stretch: int = -1,
               wrap: Sequence[int] = ()) -> QTableWidget:
    """A read-only table; column ``stretch`` (default the last) takes the spare width; the ``wrap``
    columns wrap their words when the table is narrow (the others are as wide as their contents)."""
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    # Rows follow the column widths (long details wrap), whatever size the table gets later.
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setStyleSheet("QTableWidget { font-size: 13pt; }")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))
    # The other columns as wide as their contents, and every header whole (a stretched column shrank
    # below its header: Dutch 'Details' got 96 of 101 px at 1024x768).
    column = stretch % len(headers)  # readable first (and when the table must scroll sideways)
    flexible = {c: 1 for c in wrap} | {column: 3}
    table.columns = ColumnFit(table, flexible, readable={column: 260})  # type: ignore[attr-defined]
    return table


class DetailTables(QObject):
    """Builds the detail's tables in the current language (``self.tr`` context ``DetailTables``)."""

    def facts_table(self, detail: InspectionDetail) -> QTableWidget:
        """The return as announced and the inspection's outcome, as label/value rows."""
        f = detail.facts
        refund = ""
        if detail.refund_recommendation:
            refund = refund_advice_name(detail.refund_recommendation)
            if detail.refund_amount_cents is not None:
                refund += f" ({money(detail.refund_amount_cents, f.currency)})"
        checklist = ""
        if detail.checklist_title:
            checklist = fill(self.tr("%1, version %2"), detail.checklist_title, detail.checklist_version)
        rows = [
            (self.tr("RMA"), f.rma), (self.tr("Order"), f.order_number),
            (self.tr("Customer"), f"{f.customer_name}  {f.customer_email}"),
            (self.tr("Tracking number"), f"{f.tracking_number}  {f.carrier}"),
            (self.tr("Announced"), local_time(f.announced_at)),
            (self.tr("Product"), f"{f.product}  ({f.sku})"),
            (self.tr("Announced reason"), reason_name(f.reason_code) if f.reason_code else ""),
            (self.tr("Customer's comment"), f.customer_comment),
            (self.tr("Customer asked for"), refund_choice_name(f.refund_choice) if f.refund_choice else ""),
            (self.tr("Station"), detail.station_code), (self.tr("Inspector"), detail.inspector),
            (self.tr("Finished"), local_time(detail.finished_at)),
            (self.tr("Suggested grade"), _grade(detail.suggested_grade)),
            (self.tr("Final grade"), _grade(detail.final_grade)),
            (self.tr("Override reason"), detail.override_reason),
            (self.tr("Disposition"),
             f"{disposition_name(detail.disposition)}  {detail.destination}  {detail.lpn}"),
            (self.tr("Refund advice"), refund),
            (self.tr("Flags"), ", ".join(flag_name(x) for x in detail.flags)),
            (self.tr("Inspector's notes"), detail.notes),
            (self.tr("Checklist"), checklist),
        ]
        table = make_table((self.tr("What"), self.tr("Value")), [(k, v or "—") for k, v in rows])
        table.horizontalHeader().setVisible(False)
        return table

    def answers_table(self, detail: InspectionDetail) -> QTableWidget:
        """Every checklist answer with its question as asked."""
        rows = [(a.question, a.shown) for a in detail.answers]
        return make_table((self.tr("Question"), self.tr("Answer")), rows, stretch=0)

    def history_table(self, detail: InspectionDetail) -> QTableWidget:
        """The grade as set, overridden and changed in disputes; unverifiable steps in red."""
        rows = []
        for step in detail.grade_history:
            change = fill("%1 → %2", grade_name(step.old_grade) if step.old_grade else "—",
                          grade_name(step.new_grade) if step.new_grade else "—")
            rows.append((local_time(step.at), step.actor, action_name(step.action), change, step.reason,
                         self.tr("verified") if step.verified else self.tr("NOT VERIFIED")))
        headers = (self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Grade"), self.tr("Reason"),
                   self.tr("Check"))
        table = make_table(headers, rows, stretch=4)
        for r, step in enumerate(detail.grade_history):
            if not step.verified:
                _paint_row(table, r)
        return table

    def event_status(self, event: TimelineEvent) -> str:
        """How an event checks out: verified, changed after recording, or after a break in the chain."""
        if not event.intact:
            return self.tr("CHANGED")
        return self.tr("verified") if event.verified else self.tr("after the break")

    def timeline_table(self, detail: InspectionDetail) -> QTableWidget:
        """The audit events with their check result; broken ones in red."""
        rows = []
        for e in detail.timeline:
            details = describe_event(e.payload, shown_language(), questions=detail.question_texts,
                                     rules=detail.rule_texts, photos=detail.photo_titles,
                                     options=detail.option_texts)
            rows.append((self.event_status(e), f"{e.station_code} #{e.seq}", local_time(e.at), e.actor,
                         action_name(e.action), details))
        headers = (self.tr("Check"), self.tr("Event"), self.tr("When"), self.tr("Who"), self.tr("What"),
                   self.tr("Details"))
        table = make_table(headers, rows, wrap=(3, 4))  # who and what wrap before the details do
        for r, event in enumerate(detail.timeline):
            if not (event.intact and event.verified):
                _paint_row(table, r)
        return table

    def disputes_table(self, detail: InspectionDetail) -> QTableWidget:
        """Every dispute and its entries, in order."""
        rows = []
        for d in detail.disputes:
            state = outcome_name(d.outcome) if d.outcome else self.tr("open")
            by = fill(self.tr("Dispute by %1"), party_name(d.party))
            rows.append((local_time(d.opened_at), d.opened_by, by, f"{d.reference}  ({state})".strip()))
            rows += [(local_time(e.at), e.author, entry_kind_name(e.kind), _entry_text(e.text, e.old_grade,
                                                                                       e.new_grade))
                     for e in d.entries]
        return make_table((self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Text")), rows)


def _grade(grade: str | None) -> str:
    return grade_name(grade) if grade else ""


def _entry_text(text: str, old: object, new: object) -> str:
    if new is None:
        return text
    return f"{grade_name(old) if old else '—'} → {grade_name(new)}: {text}"


def _short(value: object) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return text if len(text) <= 80 else text[:77] + "…"


def _paint_row(table: QTableWidget, row: int) -> None:
    for column in range(table.columnCount()):
        item = table.item(row, column)
        if item is not None:
            item.setForeground(QBrush(BROKEN))
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            item.setData(Qt.ItemDataRole.UserRole, "broken")

