"""People are managed once per warehouse: each person carries the version of its last edit.

Revision ID: 0005_deploy_people
Revises: 0004

``revision`` counts edits (one more than the highest the editing station had seen), ``edited_at`` and
``edited_by`` (the editing station's id, or ``central``) say who changed the person last. Two stations
that edit the same person offline converge on the edit with the highest (revision, deactivated,
edited_at, edited_by): see docs/sync.md, "People".
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_deploy_people"
down_revision: str | None = "0005_secchain_audit_anchor"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revision", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("edited_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("edited_by", sa.String(length=36), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("edited_by")
        batch_op.drop_column("edited_at")
        batch_op.drop_column("revision")
