"""The plain data an inspection step returns to its caller (no ORM objects leave a session)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from inspector.models import Grade, InspectionStatus, ItemOutcome, VerificationMethod


class InspectionError(ValueError):
    """A step that cannot be taken; ``code`` is stable for the GUI to translate."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class PhotoInfo:
    """A photo of an inspection, as the views show it."""

    id: uuid.UUID
    sha256: str
    tag: str
    file_path: str
    thumbnail_path: str
    taken_at: datetime


@dataclass(frozen=True)
class InspectionState:
    """A snapshot of an inspection in progress (or finished)."""

    id: uuid.UUID
    return_id: uuid.UUID | None
    return_line_id: uuid.UUID | None
    unit_index: int
    status: InspectionStatus
    outcome: ItemOutcome
    category: str
    checklist_id: str
    checklist_version: int
    verification: VerificationMethod | None
    verified_code: str
    serial_scanned: str
    answers: dict[str, Any]
    flags: frozenset[str]
    photos: tuple[PhotoInfo, ...]
    suggested_grade: Grade | None
    final_grade: Grade | None
    lpn: str | None
    notes: str
    started_at: datetime
    finished_at: datetime | None = None
    extras: dict[str, Any] = field(default_factory=dict)
    item_description: str = ""  # what an extra item is (no announced line to name it)
    inspector_id: uuid.UUID | None = None
    inspector_name: str = ""


@dataclass(frozen=True)
class VerificationResult:
    """What scanning the item's code said about it."""

    matches: bool
    scanned_gtin: str
    serial: str
    message_code: str  # "match", "wrong_item", "not_a_product_code"
    answers: dict[str, Any] = field(default_factory=dict)  # questions the scan answered


@dataclass(frozen=True)
class ExpectedAnswers:
    """What the "all as expected" key recorded, and the first question left for the inspector."""

    answers: dict[str, Any]
    left: str | None  # a text, date or number question still to answer (None: nothing left)
