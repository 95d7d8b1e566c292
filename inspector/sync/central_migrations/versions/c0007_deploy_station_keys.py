"""Stations and their logins are keyed by warehouse AND station code.

Revision ID: c0005_deploy_station_keys
Revises: c0006_secchain_anchor
Create Date: 2026-12-03

Before, ``stations.code`` and ``station_logins.station_code`` were unique over the whole central
database: station ``ST-07`` of a second warehouse could not register, and login names were made from
the station code alone (``ST-01`` and ``ST_01`` became one login; the second silently took it over).
A station code is now unique within its warehouse only; login names carry a digest of the exact
warehouse and station codes (:func:`inspector.sync.roles.role_name`).
"""

from __future__ import annotations

from alembic import op

revision = "c0005_deploy_station_keys"
down_revision = "c0006_secchain_anchor"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE stations DROP CONSTRAINT IF EXISTS stations_code_key")
    op.execute("ALTER TABLE stations ADD CONSTRAINT stations_warehouse_code_key UNIQUE (warehouse_id, code)")
    op.execute("ALTER TABLE station_logins DROP CONSTRAINT IF EXISTS station_logins_station_code_key")
    op.execute(
        "ALTER TABLE station_logins ADD CONSTRAINT station_logins_warehouse_station_key "
        "UNIQUE (warehouse_id, station_code)"
    )


def downgrade() -> None:
    op.execute("ALTER TABLE station_logins DROP CONSTRAINT IF EXISTS station_logins_warehouse_station_key")
    op.execute(
        "ALTER TABLE station_logins ADD CONSTRAINT station_logins_station_code_key UNIQUE (station_code)"
    )
    op.execute("ALTER TABLE stations DROP CONSTRAINT IF EXISTS stations_warehouse_code_key")
    op.execute("ALTER TABLE stations ADD CONSTRAINT stations_code_key UNIQUE (code)")
