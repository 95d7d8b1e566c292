"""One unannounced return per parcel code (issue 10: a rescanned unknown parcel was registered twice).

Revision ID: 0008_unannounced_code
Revises: 0007_secl_pin_lockout

An unannounced return now keeps the scanned parcel code as its tracking number, so scanning the
parcel again finds it. ``uq_returns_unannounced_code`` makes that code unique among the unannounced
returns (returns of other sources, and unannounced ones without a code, are not in the index), so
not even two writers at once can store the same unknown parcel twice. Older unannounced returns
have no code (``''``): nothing to check or rewrite. ``ix_parcels_scanned_code`` lets a scan find a
return by the code its parcel was received under (a parcel found by a search, or an unannounced
return registered before this revision).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_unannounced_code"
down_revision: str | None = "0007_secl_pin_lockout"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WHERE = sa.text("source = 'unannounced' AND tracking_number <> ''")


def upgrade() -> None:
    op.create_index("uq_returns_unannounced_code", "returns", ["tracking_number"], unique=True,
                    sqlite_where=WHERE, postgresql_where=WHERE)
    op.create_index(op.f("ix_parcels_scanned_code"), "parcels", ["scanned_code"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_parcels_scanned_code"), table_name="parcels")
    op.drop_index("uq_returns_unannounced_code", table_name="returns")
