"""Find returns by any word of the customer's name on the central database too.

Revision ID: c0004
Revises: c0003
Create Date: 2026-11-22

The station uses an FTS5 index (local migration 0004); here a GIN index over the name's words
(``to_tsvector('simple', customer_name_key)``) answers the same word-prefix query
(``to_tsquery('simple', 'de:* & vr:*')``). See :mod:`inspector.services.name_search`.
"""

from __future__ import annotations

from alembic import op

revision = "c0004"
down_revision = "c0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_returns_customer_words ON returns "
               "USING gin (to_tsvector('simple', customer_name_key))")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_returns_customer_words")
