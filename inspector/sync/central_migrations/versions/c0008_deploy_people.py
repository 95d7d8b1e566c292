"""People travel within their warehouse: edit versions on ``users``, badge codes and PIN hashes apart.

Revision ID: c0006_deploy_people
Revises: c0005_deploy_station_keys
Create Date: 2026-12-03

* ``users`` gets the version of its last edit (``revision``, ``edited_at``, ``edited_by``: the editing
  station's id or ``central``); any station of the warehouse may update a person, and a row is replaced
  only by an edit that sorts higher (docs/sync.md, "People"). ``origin_station_id`` may be NULL for
  people added centrally. The CHECK that keeps badge codes and PIN hashes out of ``users`` stays.
* ``user_secrets`` holds each person's badge code and PIN hash (salted scrypt), readable and writable
  only by the stations of the person's own warehouse (row-level security, ``inspector central roles``),
  so a PIN hash never reaches another warehouse and tools that read names never see secrets.
"""

from __future__ import annotations

from alembic import op

revision = "c0006_deploy_people"
down_revision = "c0005_deploy_station_keys"
branch_labels = None
depends_on = None

STATEMENTS = (
    "ALTER TABLE users ADD COLUMN revision int NOT NULL DEFAULT 0",
    "ALTER TABLE users ADD COLUMN edited_at timestamptz",
    "ALTER TABLE users ADD COLUMN edited_by text NOT NULL DEFAULT ''",
    "ALTER TABLE users ALTER COLUMN origin_station_id DROP NOT NULL",
    """CREATE TABLE user_secrets (user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        warehouse_id uuid NOT NULL, badge_code text NOT NULL, pin_hash text,
        updated_at timestamptz NOT NULL DEFAULT now())""",
    "CREATE INDEX ix_user_secrets_warehouse ON user_secrets (warehouse_id)",
    "ALTER TABLE user_secrets ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE user_secrets FORCE ROW LEVEL SECURITY",
)


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS user_secrets")
    for column in ("revision", "edited_at", "edited_by"):
        op.execute(f"ALTER TABLE users DROP COLUMN IF EXISTS {column}")
