"""What an import reports: rejection codes, rejections, the report, and the fatal :class:`ImportProblem`."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class RejectionCode(StrEnum):
    """Machine-readable reason of a rejection, for the GUI to translate."""

    MISSING_FIELD = "missing_field"
    BAD_RMA = "bad_rma"
    BAD_GTIN = "bad_gtin"
    BAD_DATE = "bad_date"
    UNKNOWN_REFUND_CHOICE = "unknown_refund_choice"
    UNKNOWN_COUNTRY = "unknown_country"
    UNKNOWN_CATEGORY = "unknown_category"
    UNKNOWN_REASON = "unknown_reason"
    UNKNOWN_CHANNEL = "unknown_channel"
    UNKNOWN_SEGMENT = "unknown_segment"
    UNKNOWN_CURRENCY = "unknown_currency"
    UNKNOWN_WAREHOUSE = "unknown_warehouse"
    ENCODING = "encoding"
    FORMULA = "formula"
    BAD_QUANTITY = "bad_quantity"
    BAD_PRICE = "bad_price"
    BAD_EMAIL = "bad_email"
    BAD_POSTCODE = "bad_postcode"
    BAD_TRACKING = "bad_tracking"
    BAD_LINE_NO = "bad_line_no"
    DUPLICATE_LINE = "duplicate_line"
    DUPLICATE_RMA = "duplicate_rma"
    CONFLICT = "conflict"
    BAD_ROW = "bad_row"
    BAD_JSON = "bad_json"
    TOO_LONG = "too_long"
    TOO_MANY_LINES = "too_many_lines"
    RMA_REJECTED = "rma_rejected"


class ImportProblem(Exception):
    """The file cannot be imported at all (missing, unreadable, unsupported, no usable header).

    ``user_message`` is a plain English sentence; ``code`` is for the GUI to translate.
    """

    def __init__(self, code: str, user_message: str) -> None:
        super().__init__(user_message)
        self.code = code
        self.user_message = user_message


MAX_REJECTIONS_KEPT = 10_000
"""Rejected rows an import report keeps in full (a whole bad file would otherwise fill the memory)."""


@dataclass
class Rejection:
    """One problem that kept a return out: where it is in the file and why."""

    file: str
    line: int  # 1-based physical line of the CSV row or JSON Lines object
    rma: str
    reason: str  # a plain English sentence
    code: str = RejectionCode.MISSING_FIELD.value
    column: str = ""  # the column (CSV header as written) or JSON key, when one is to blame

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.rma or '-'}: {self.reason}"


@dataclass
class ImportReport:
    """What an import did: counts per outcome, every rejection and warning."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    lines_read: int = 0
    file: str = ""
    returns_read: int = 0  # distinct returns (RMA numbers) in the file
    rejected_returns: int = 0
    cancelled: bool = False
    rejected_rows: int = 0  # every rejected row, also those past MAX_REJECTIONS_KEPT

    @property
    def ok(self) -> bool:
        """True when no row was rejected."""
        return not self.rejected and not self.rejected_rows

    def add_rejections(self, rejections: list[Rejection]) -> None:
        """Count ``rejections``; keep the first :data:`MAX_REJECTIONS_KEPT` of the import in full."""
        self.rejected_rows += len(rejections)
        room = MAX_REJECTIONS_KEPT - len(self.rejected)
        if room > 0:
            self.rejected += rejections[:room]

    def summary(self) -> str:
        """One or two plain English sentences for the command line or a status line."""
        text = (
            f"{self.file}: {self.lines_read} {_plural(self.lines_read, 'line')} read, "
            f"{self.returns_read} {_plural(self.returns_read, 'return')}: {self.created} created, "
            f"{self.updated} updated, {self.unchanged} unchanged, {self.rejected_returns} rejected."
        )
        if self.warnings:
            text += f" {len(self.warnings)} {_plural(len(self.warnings), 'warning')}."
        if self.cancelled:
            done = self.created + self.updated + self.unchanged
            text += f" Cancelled after {done} returns; what was imported until then is kept."
        return text


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"
