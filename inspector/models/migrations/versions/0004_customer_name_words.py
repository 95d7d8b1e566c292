"""Find returns by any word of the customer's name (a surname, "de vries"), not only its start.

Revision ID: 0004
Revises: 0003

An FTS5 index over ``returns.customer_name_key`` (external content: the words are indexed, the
text stays in ``returns``), kept current by triggers, so every way a return is written (pull,
import, demo data, bulk inserts) is covered. ``unicode61 remove_diacritics 2`` lets "muller" find
"Müller". It is keyed by the returns table's rowid: a later migration that rebuilds ``returns``
must end with ``INSERT INTO returns_name_fts(returns_name_fts) VALUES ('rebuild')``.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATEMENTS = (
    "CREATE VIRTUAL TABLE returns_name_fts USING fts5(customer_name_key, content='returns', "
    "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER returns_name_fts_insert AFTER INSERT ON returns BEGIN "
    "INSERT INTO returns_name_fts(rowid, customer_name_key) VALUES (new.rowid, new.customer_name_key); END",
    "CREATE TRIGGER returns_name_fts_delete AFTER DELETE ON returns BEGIN "
    "INSERT INTO returns_name_fts(returns_name_fts, rowid, customer_name_key) "
    "VALUES ('delete', old.rowid, old.customer_name_key); END",
    "CREATE TRIGGER returns_name_fts_update AFTER UPDATE OF customer_name_key ON returns "
    "WHEN old.customer_name_key IS NOT new.customer_name_key BEGIN "
    "INSERT INTO returns_name_fts(returns_name_fts, rowid, customer_name_key) "
    "VALUES ('delete', old.rowid, old.customer_name_key); "
    "INSERT INTO returns_name_fts(rowid, customer_name_key) VALUES (new.rowid, new.customer_name_key); END",
    "INSERT INTO returns_name_fts(returns_name_fts) VALUES ('rebuild')",
)


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS returns_name_fts_{trigger}")
    op.execute("DROP TABLE IF EXISTS returns_name_fts")
