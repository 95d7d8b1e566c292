"""Index inspections by station and finishing time (the review screen's station filter).

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_inspections_station_finished", "inspections", ["station_id", "finished_at"])


def downgrade() -> None:
    op.drop_index("ix_inspections_station_finished", table_name="inspections")
