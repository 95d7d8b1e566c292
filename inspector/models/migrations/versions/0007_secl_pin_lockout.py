"""PIN lockouts kept in the database (they survive a restart); a warehouse setting for name-only login.

Revision ID: 0007_secl_pin_lockout
Revises: 0005_deploy_people

``pin_lockouts`` holds, per user, the wrong PINs since the last good one and until when the user is
locked out. ``warehouses.allow_name_login`` lets inspectors log in by choosing their name without a
badge (off unless a warehouse turns it on; supervisors, team leads and admins always need a PIN).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_secl_pin_lockout"
down_revision: str | None = "0005_deploy_people"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pin_lockouts",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_pin_lockouts_user_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_pin_lockouts")),
    )
    with op.batch_alter_table("warehouses", schema=None) as batch_op:
        batch_op.add_column(sa.Column("allow_name_login", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("warehouses", schema=None) as batch_op:
        batch_op.drop_column("allow_name_login")
    op.drop_table("pin_lockouts")
