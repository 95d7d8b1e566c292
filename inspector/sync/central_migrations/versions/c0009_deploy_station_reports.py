"""Each station reports how its sync went, for ``inspector central stations`` and the Reports page.

Revision ID: c0007_deploy_station_reports
Revises: c0006_deploy_people
Create Date: 2026-12-03

``station_reports`` holds one row per station, written by the station itself at the end of every sync
(row-level security: only its own row): when it last synced, how many records were still waiting in its
outbox and since when, and the program version. The chain head and alarms are read from the tables
that hold them (``audit_events``, ``conflicts``).
"""

from __future__ import annotations

from alembic import op

revision = "c0007_deploy_station_reports"
down_revision = "c0006_deploy_people"
branch_labels = None
depends_on = None

STATEMENTS = (
    """CREATE TABLE station_reports (station_id uuid PRIMARY KEY REFERENCES stations(id),
        warehouse_id uuid NOT NULL, last_sync_at timestamptz NOT NULL DEFAULT now(),
        pending int NOT NULL DEFAULT 0, oldest_pending_at timestamptz,
        app_version text NOT NULL DEFAULT '')""",
    "ALTER TABLE station_reports ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE station_reports FORCE ROW LEVEL SECURITY",
)


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS station_reports")
