# ruff: noqa: E501  (SQL DDL reads best one statement per line)
"""Review and reports on the central database: the same models read both databases.

Revision ID: c0003
Revises: c0002
Create Date: 2026-11-22

The supervisor's review, the inspection detail, evidence packs and the intake report run the same
SQLAlchemy models against a station's SQLite file and against this database. This revision adds what
they read and central lacked:

* ``warehouses``: the warehouse's country, time zone (a report's days are its local days) and return
  policy, as the station has them;
* ``stations``: ``created_at`` / ``updated_at``;
* ``returns.central_seq``: only meaningful on a station (its pull position); here always NULL;
* ``users``: the people of each station (name, role, warehouse; never a PIN hash or a badge code),
  uploaded by their station so that names show up in central review and reports;
* the indexes the review searches start from (see ``inspector/services/review.py``).

``inspector central roles`` must run after this upgrade (it grants and adds the ``users`` policies).
"""

from __future__ import annotations

from alembic import op

revision = "c0003"
down_revision = "c0002"
branch_labels = None
depends_on = None

STATEMENTS = (
    "ALTER TABLE warehouses ADD COLUMN country text NOT NULL DEFAULT 'NL'",
    "ALTER TABLE warehouses ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/Amsterdam'",
    "ALTER TABLE warehouses ADD COLUMN return_window_days int NOT NULL DEFAULT 30",
    "ALTER TABLE warehouses ADD COLUMN vip_return_window_days int NOT NULL DEFAULT 60",
    "ALTER TABLE warehouses ADD COLUMN restocking_fee_bp int NOT NULL DEFAULT 0",
    "ALTER TABLE warehouses ADD COLUMN damage_deduction_bp int NOT NULL DEFAULT 3000",
    "ALTER TABLE warehouses ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()",
    "ALTER TABLE stations ADD COLUMN created_at timestamptz NOT NULL DEFAULT now()",
    "ALTER TABLE stations ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()",
    "ALTER TABLE returns ADD COLUMN central_seq bigint",
    """CREATE TABLE users (id uuid PRIMARY KEY, name text NOT NULL, badge_code text NOT NULL DEFAULT '',
        role text NOT NULL, pin_hash text, language text NOT NULL DEFAULT '', active boolean NOT NULL DEFAULT true,
        warehouse_id uuid NOT NULL, origin_station_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (pin_hash IS NULL AND badge_code = ''))""",
    "CREATE INDEX ix_users_warehouse ON users (warehouse_id)",
    "ALTER TABLE users ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE users FORCE ROW LEVEL SECURITY",
    "CREATE INDEX ix_inspections_finished_at ON inspections (finished_at)",
    "CREATE INDEX ix_inspections_station_finished ON inspections (station_id, finished_at)",
    "CREATE INDEX ix_inspections_inspector_finished ON inspections (inspector_id, finished_at)",
    "CREATE INDEX ix_inspections_grade_finished ON inspections (final_grade, finished_at)",
    "CREATE INDEX ix_inspections_return ON inspections (return_id)",
    "CREATE INDEX ix_inspection_flags_flag ON inspection_flags (flag, inspection_id)",
    "CREATE INDEX ix_returns_order_number ON returns (order_number)",
    "CREATE INDEX ix_returns_customer_email ON returns (customer_email)",
    "CREATE INDEX ix_returns_customer_name_key ON returns (customer_name_key text_pattern_ops)",
    "CREATE INDEX ix_returns_tracking ON returns (tracking_number)",
    "CREATE INDEX ix_parcels_received ON parcels (received_at)",
    "CREATE INDEX ix_photos_inspection ON photos (inspection_id)",
    "CREATE INDEX ix_photos_file_path ON photos (file_path)",
    "CREATE INDEX ix_disputes_inspection ON disputes (inspection_id)",
    "CREATE INDEX ix_dispute_entries_dispute ON dispute_entries (dispute_id)",
    "CREATE INDEX ix_audit_inspection ON audit_events (inspection_id)",
    "CREATE INDEX ix_audit_return ON audit_events (return_id)",
)


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    for index in (
        "ix_inspections_finished_at", "ix_inspections_station_finished", "ix_inspections_inspector_finished",
        "ix_inspections_grade_finished", "ix_inspections_return", "ix_inspection_flags_flag",
        "ix_returns_order_number", "ix_returns_customer_email", "ix_returns_customer_name_key",
        "ix_returns_tracking", "ix_parcels_received", "ix_photos_inspection", "ix_photos_file_path",
        "ix_disputes_inspection", "ix_dispute_entries_dispute", "ix_audit_inspection", "ix_audit_return",
    ):
        op.execute(f"DROP INDEX IF EXISTS {index}")
    op.execute("DROP TABLE IF EXISTS users")
    op.execute("ALTER TABLE returns DROP COLUMN IF EXISTS central_seq")
    for column in ("created_at", "updated_at"):
        op.execute(f"ALTER TABLE stations DROP COLUMN IF EXISTS {column}")
    for column in ("country", "time_zone", "return_window_days", "vip_return_window_days", "restocking_fee_bp",
                   "damage_deduction_bp", "updated_at"):
        op.execute(f"ALTER TABLE warehouses DROP COLUMN IF EXISTS {column}")
