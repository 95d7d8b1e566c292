"""Find returns by any word of the customer's name on the central database too.

Revision ID: c0004
Revises: c0003
Create Date: 2026-11-22

The station uses an FTS5 index that folds accents (local migration 0004); here a GIN index over
the name's words in the text search configuration ``inspector_names`` (``simple`` plus
``unaccent``) answers the same word-prefix query (``to_tsquery('inspector_names', 'de:* & vr:*')``),
so "muller" finds "Müller" on both. See :mod:`inspector.services.name_search`.

``unaccent`` is a trusted contrib extension (PostgreSQL 13+): the database owner may create it.
Where it is not installed, the configuration is plain ``simple`` (accents then must be typed) and
the upgrade still succeeds, with a warning in the log. To add folding later: install the extension,
run the ``ALTER TEXT SEARCH CONFIGURATION`` statement below by hand, then
``REINDEX INDEX ix_returns_customer_words``.
"""

from __future__ import annotations

import logging

from alembic import op
from sqlalchemy import text

revision = "c0004"
down_revision = "c0003"
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)


def upgrade() -> None:
    connection = op.get_bind()
    unaccent = True
    try:
        with connection.begin_nested():
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent"))
    except Exception as exc:  # not installed on this server: fall back, and say so
        unaccent = False
        log.warning("unaccent is not available (%s): central name search will not fold accents", exc)
    op.execute("CREATE TEXT SEARCH CONFIGURATION inspector_names (COPY = simple)")
    if unaccent:
        op.execute("ALTER TEXT SEARCH CONFIGURATION inspector_names "
                   "ALTER MAPPING FOR word, hword, hword_part, numword, numhword, hword_numpart "
                   "WITH unaccent, simple")
    op.execute("CREATE INDEX ix_returns_customer_words ON returns "
               "USING gin (to_tsvector('inspector_names', customer_name_key))")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_returns_customer_words")
    op.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS inspector_names")
