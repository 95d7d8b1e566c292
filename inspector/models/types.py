"""Column helpers for enums and JSON that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Enum


def enum_type(enum_cls: type[StrEnum], length: int = 24) -> Enum:
    """Store an enum as its string value, without a database-side enum or CHECK constraint.

    New members can then be added without a table rebuild; the service layer validates values.
    """
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


def json_type() -> Any:
    """A JSON column (JSONB on PostgreSQL through the central schema's own migrations)."""
    return JSON()
