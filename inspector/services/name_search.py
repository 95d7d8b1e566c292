"""Customer-name search by word prefixes: "jans" finds Jan Jansen, "de vr" finds Anna de Vries.

Every word typed must start a word of the name, in any order. On the station this uses the FTS5
index ``returns_name_fts`` (local migration 0004); on the central database the GIN index over
``to_tsvector('inspector_names', customer_name_key)`` (central c0004). Both fold accents. Only
letters and digits reach either query language, so nothing typed can change the query's meaning.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, func, literal_column, select, table
from sqlalchemy.orm import Session

from inspector.models import Return

CONFIG = literal_column("'inspector_names'::regconfig")  # central c0004: simple + unaccent
_WORD = re.compile(r"\w+", re.UNICODE)
_FTS = table("returns_name_fts", literal_column("rowid"))


def name_words(text: str) -> list[str]:
    """The words of a typed name, folded to lower case ("De Vries-Bakker" -> de, vries, bakker)."""
    return [word for word in _WORD.findall(text.casefold()) if word.strip("_")]


def name_condition(session: Session, text: str) -> ColumnElement[bool] | None:
    """A condition on ``returns`` matching names with every typed word as a word prefix (None: no words)."""
    words = [word.replace("_", "") for word in name_words(text)]
    words = [word for word in words if word]
    if not words:
        return None
    if session.get_bind().dialect.name == "postgresql":
        query = " & ".join(f"{word}:*" for word in words)
        return func.to_tsvector(CONFIG, Return.customer_name_key).op("@@")(func.to_tsquery(CONFIG, query))
    match = " ".join(f'"{word}"*' for word in words)
    matching = select(literal_column("rowid")).select_from(_FTS).where(
        literal_column("returns_name_fts").op("MATCH")(match))
    return literal_column("returns.rowid").in_(matching)
