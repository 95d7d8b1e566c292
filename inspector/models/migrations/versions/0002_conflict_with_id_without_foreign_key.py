"""Inspection.conflict_with_id: no foreign key (the other inspection may live on another station).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 00:39:45.902582
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inspections_conflict_with_id"), ["conflict_with_id"], unique=False
        )
        batch_op.drop_constraint(
            batch_op.f("fk_inspections_conflict_with_id_inspections"), type_="foreignkey"
        )


def downgrade() -> None:

    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.create_foreign_key(
            batch_op.f("fk_inspections_conflict_with_id_inspections"),
            "inspections",
            ["conflict_with_id"],
            ["id"],
        )
        batch_op.drop_index(batch_op.f("ix_inspections_conflict_with_id"))
