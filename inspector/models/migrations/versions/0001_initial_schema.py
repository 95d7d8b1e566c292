"""The first schema of the station database.

Revision ID: 0001
Revises:
Create Date: 2026-11-21 23:57:05.267153
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity_type", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_state_id", ["state", "id"], unique=False)

    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "warehouses",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("return_window_days", sa.Integer(), nullable=False),
        sa.Column("vip_return_window_days", sa.Integer(), nullable=False),
        sa.Column("restocking_fee_bp", sa.Integer(), nullable=False),
        sa.Column("damage_deduction_bp", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warehouses")),
        sa.UniqueConstraint("code", name=op.f("uq_warehouses_code")),
    )
    op.create_table(
        "returns",
        sa.Column("warehouse_id", sa.Uuid(), nullable=False),
        sa.Column("rma_number", sa.String(length=40), nullable=False),
        sa.Column("order_number", sa.String(length=40), nullable=False),
        sa.Column("customer_name", sa.String(length=200), nullable=False),
        sa.Column("customer_name_key", sa.String(length=200), nullable=False),
        sa.Column("customer_email", sa.String(length=254), nullable=False),
        sa.Column("customer_segment", sa.String(length=16), nullable=False),
        sa.Column("postcode", sa.String(length=16), nullable=False),
        sa.Column("house_number", sa.String(length=16), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("channel", sa.String(length=24), nullable=False),
        sa.Column("delivered_on", sa.Date(), nullable=True),
        sa.Column("announced_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("refund_choice", sa.String(length=24), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("source", sa.String(length=24), nullable=False),
        sa.Column("carrier", sa.String(length=32), nullable=False),
        sa.Column("tracking_number", sa.String(length=64), nullable=False),
        sa.Column("central_seq", sa.BigInteger(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["warehouse_id"], ["warehouses.id"], name=op.f("fk_returns_warehouse_id_warehouses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_returns")),
        sa.UniqueConstraint("rma_number", name=op.f("uq_returns_rma_number")),
    )
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_returns_customer_email"), ["customer_email"], unique=False)
        batch_op.create_index("ix_returns_customer_name_nocase", ["customer_name_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_returns_order_number"), ["order_number"], unique=False)
        batch_op.create_index("ix_returns_postcode_house", ["postcode", "house_number"], unique=False)
        batch_op.create_index(batch_op.f("ix_returns_tracking_number"), ["tracking_number"], unique=False)
        batch_op.create_index(batch_op.f("ix_returns_warehouse_id"), ["warehouse_id"], unique=False)

    op.create_table(
        "stations",
        sa.Column("warehouse_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["warehouse_id"], ["warehouses.id"], name=op.f("fk_stations_warehouse_id_warehouses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stations")),
        sa.UniqueConstraint("code", name=op.f("uq_stations_code")),
    )
    with op.batch_alter_table("stations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stations_warehouse_id"), ["warehouse_id"], unique=False)

    op.create_table(
        "users",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("badge_code", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=24), nullable=False),
        sa.Column("pin_hash", sa.String(length=200), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("warehouse_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["warehouse_id"], ["warehouses.id"], name=op.f("fk_users_warehouse_id_warehouses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("badge_code", name=op.f("uq_users_badge_code")),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_users_warehouse_id"), ["warehouse_id"], unique=False)

    op.create_table(
        "audit_events",
        sa.Column("station_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("action", sa.String(length=48), nullable=False),
        sa.Column("entity_type", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=True),
        sa.Column("return_id", sa.Uuid(), nullable=True),
        sa.Column("inspection_id", sa.Uuid(), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("photo_hashes", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"], name=op.f("fk_audit_events_actor_id_users")),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_audit_events_station_id_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_events_hash")),
        sa.UniqueConstraint("station_id", "seq", name=op.f("uq_audit_events_station_id_seq")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_inspection_id"), ["inspection_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_events_return_id"), ["return_id"], unique=False)

    op.create_table(
        "parcels",
        sa.Column("tracking_number", sa.String(length=64), nullable=False),
        sa.Column("scanned_code", sa.String(length=512), nullable=False),
        sa.Column("carrier", sa.String(length=32), nullable=False),
        sa.Column("return_id", sa.Uuid(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_by_id", sa.Uuid(), nullable=True),
        sa.Column("station_id", sa.Uuid(), nullable=True),
        sa.Column("box_condition", sa.String(length=24), nullable=False),
        sa.Column("unannounced", sa.Boolean(), nullable=False),
        sa.Column("conflict", sa.Boolean(), nullable=False),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["received_by_id"], ["users.id"], name=op.f("fk_parcels_received_by_id_users")
        ),
        sa.ForeignKeyConstraint(["return_id"], ["returns.id"], name=op.f("fk_parcels_return_id_returns")),
        sa.ForeignKeyConstraint(["station_id"], ["stations.id"], name=op.f("fk_parcels_station_id_stations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parcels")),
    )
    with op.batch_alter_table("parcels", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_parcels_received_at"), ["received_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_parcels_return_id"), ["return_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_parcels_station_id"), ["station_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_parcels_tracking_number"), ["tracking_number"], unique=False)

    op.create_table(
        "return_lines",
        sa.Column("return_id", sa.Uuid(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("gtin", sa.String(length=14), nullable=False),
        sa.Column("product_name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=24), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price_cents", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("reason_code", sa.String(length=32), nullable=False),
        sa.Column("customer_comment", sa.Text(), nullable=False),
        sa.Column("expected_serial", sa.String(length=64), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["return_id"], ["returns.id"], name=op.f("fk_return_lines_return_id_returns"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_lines")),
        sa.UniqueConstraint("return_id", "line_no", name=op.f("uq_return_lines_return_id_line_no")),
    )
    with op.batch_alter_table("return_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_return_lines_gtin"), ["gtin"], unique=False)
        batch_op.create_index(batch_op.f("ix_return_lines_return_id"), ["return_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_return_lines_sku"), ["sku"], unique=False)

    op.create_table(
        "inspections",
        sa.Column("return_id", sa.Uuid(), nullable=True),
        sa.Column("return_line_id", sa.Uuid(), nullable=True),
        sa.Column("parcel_id", sa.Uuid(), nullable=True),
        sa.Column("unit_index", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("outcome", sa.String(length=24), nullable=False),
        sa.Column("item_sku", sa.String(length=64), nullable=False),
        sa.Column("item_gtin", sa.String(length=14), nullable=False),
        sa.Column("item_description", sa.String(length=200), nullable=False),
        sa.Column("verification", sa.String(length=24), nullable=True),
        sa.Column("verified_code", sa.String(length=512), nullable=False),
        sa.Column("verification_note", sa.Text(), nullable=False),
        sa.Column("serial_scanned", sa.String(length=64), nullable=False),
        sa.Column("checklist_id", sa.String(length=64), nullable=False),
        sa.Column("checklist_version", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("suggested_grade", sa.String(length=24), nullable=True),
        sa.Column("final_grade", sa.String(length=24), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=False),
        sa.Column("disposition", sa.String(length=32), nullable=False),
        sa.Column("destination", sa.String(length=64), nullable=False),
        sa.Column("refund_recommendation", sa.String(length=24), nullable=True),
        sa.Column("refund_amount_cents", sa.Integer(), nullable=True),
        sa.Column("recovered_value_cents", sa.Integer(), nullable=True),
        sa.Column("lpn", sa.String(length=32), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("inspector_id", sa.Uuid(), nullable=True),
        sa.Column("station_id", sa.Uuid(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("conflict_with_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["conflict_with_id"], ["inspections.id"], name=op.f("fk_inspections_conflict_with_id_inspections")
        ),
        sa.ForeignKeyConstraint(
            ["inspector_id"], ["users.id"], name=op.f("fk_inspections_inspector_id_users")
        ),
        sa.ForeignKeyConstraint(["parcel_id"], ["parcels.id"], name=op.f("fk_inspections_parcel_id_parcels")),
        sa.ForeignKeyConstraint(["return_id"], ["returns.id"], name=op.f("fk_inspections_return_id_returns")),
        sa.ForeignKeyConstraint(
            ["return_line_id"], ["return_lines.id"], name=op.f("fk_inspections_return_line_id_return_lines")
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_inspections_station_id_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspections")),
        sa.UniqueConstraint("lpn", name=op.f("uq_inspections_lpn")),
    )
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.create_index("ix_inspections_finished_at", ["finished_at"], unique=False)
        batch_op.create_index("ix_inspections_grade_finished", ["final_grade", "finished_at"], unique=False)
        batch_op.create_index(
            "ix_inspections_inspector_finished", ["inspector_id", "finished_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_inspections_parcel_id"), ["parcel_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_inspections_return_id"), ["return_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_inspections_return_line_id"), ["return_line_id"], unique=False)
        batch_op.create_index("ix_inspections_station_started", ["station_id", "started_at"], unique=False)

    op.create_table(
        "disputes",
        sa.Column("inspection_id", sa.Uuid(), nullable=False),
        sa.Column("party", sa.String(length=24), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("reference", sa.String(length=120), nullable=False),
        sa.Column("opened_by_id", sa.Uuid(), nullable=True),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(length=24), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"], name=op.f("fk_disputes_inspection_id_inspections")
        ),
        sa.ForeignKeyConstraint(["opened_by_id"], ["users.id"], name=op.f("fk_disputes_opened_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disputes")),
    )
    with op.batch_alter_table("disputes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_disputes_inspection_id"), ["inspection_id"], unique=False)

    op.create_table(
        "inspection_flags",
        sa.Column("inspection_id", sa.Uuid(), nullable=False),
        sa.Column("flag", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_inspection_flags_inspection_id_inspections"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("inspection_id", "flag", name=op.f("pk_inspection_flags")),
    )
    with op.batch_alter_table("inspection_flags", schema=None) as batch_op:
        batch_op.create_index("ix_inspection_flags_flag", ["flag", "inspection_id"], unique=False)

    op.create_table(
        "photos",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("inspection_id", sa.Uuid(), nullable=True),
        sa.Column("parcel_id", sa.Uuid(), nullable=True),
        sa.Column("tag", sa.String(length=32), nullable=False),
        sa.Column("file_path", sa.String(length=260), nullable=False),
        sa.Column("thumbnail_path", sa.String(length=260), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("mime_type", sa.String(length=32), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("taken_by_id", sa.Uuid(), nullable=True),
        sa.Column("station_id", sa.Uuid(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"], name=op.f("fk_photos_inspection_id_inspections")
        ),
        sa.ForeignKeyConstraint(["parcel_id"], ["parcels.id"], name=op.f("fk_photos_parcel_id_parcels")),
        sa.ForeignKeyConstraint(["station_id"], ["stations.id"], name=op.f("fk_photos_station_id_stations")),
        sa.ForeignKeyConstraint(["taken_by_id"], ["users.id"], name=op.f("fk_photos_taken_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photos")),
    )
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_photos_inspection_id"), ["inspection_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_photos_parcel_id"), ["parcel_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_photos_sha256"), ["sha256"], unique=False)

    op.create_table(
        "dispute_entries",
        sa.Column("dispute_id", sa.Uuid(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("old_grade", sa.String(length=24), nullable=True),
        sa.Column("new_grade", sa.String(length=24), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"], name=op.f("fk_dispute_entries_author_id_users")),
        sa.ForeignKeyConstraint(
            ["dispute_id"],
            ["disputes.id"],
            name=op.f("fk_dispute_entries_dispute_id_disputes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dispute_entries")),
    )
    with op.batch_alter_table("dispute_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dispute_entries_dispute_id"), ["dispute_id"], unique=False)

    # The audit log is append-only: the database itself refuses to change or remove an event.
    op.execute(
        "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
        "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
        "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
    op.execute("DROP TRIGGER IF EXISTS audit_events_no_delete")

    with op.batch_alter_table("dispute_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dispute_entries_dispute_id"))

    op.drop_table("dispute_entries")
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_photos_sha256"))
        batch_op.drop_index(batch_op.f("ix_photos_parcel_id"))
        batch_op.drop_index(batch_op.f("ix_photos_inspection_id"))

    op.drop_table("photos")
    with op.batch_alter_table("inspection_flags", schema=None) as batch_op:
        batch_op.drop_index("ix_inspection_flags_flag")

    op.drop_table("inspection_flags")
    with op.batch_alter_table("disputes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disputes_inspection_id"))

    op.drop_table("disputes")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_index("ix_inspections_station_started")
        batch_op.drop_index(batch_op.f("ix_inspections_return_line_id"))
        batch_op.drop_index(batch_op.f("ix_inspections_return_id"))
        batch_op.drop_index(batch_op.f("ix_inspections_parcel_id"))
        batch_op.drop_index("ix_inspections_inspector_finished")
        batch_op.drop_index("ix_inspections_grade_finished")
        batch_op.drop_index("ix_inspections_finished_at")

    op.drop_table("inspections")
    with op.batch_alter_table("return_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_return_lines_sku"))
        batch_op.drop_index(batch_op.f("ix_return_lines_return_id"))
        batch_op.drop_index(batch_op.f("ix_return_lines_gtin"))

    op.drop_table("return_lines")
    with op.batch_alter_table("parcels", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_parcels_tracking_number"))
        batch_op.drop_index(batch_op.f("ix_parcels_station_id"))
        batch_op.drop_index(batch_op.f("ix_parcels_return_id"))
        batch_op.drop_index(batch_op.f("ix_parcels_received_at"))

    op.drop_table("parcels")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_return_id"))
        batch_op.drop_index(batch_op.f("ix_audit_events_inspection_id"))

    op.drop_table("audit_events")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_warehouse_id"))

    op.drop_table("users")
    with op.batch_alter_table("stations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stations_warehouse_id"))

    op.drop_table("stations")
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_returns_warehouse_id"))
        batch_op.drop_index(batch_op.f("ix_returns_tracking_number"))
        batch_op.drop_index("ix_returns_postcode_house")
        batch_op.drop_index(batch_op.f("ix_returns_order_number"))
        batch_op.drop_index("ix_returns_customer_name_nocase")
        batch_op.drop_index(batch_op.f("ix_returns_customer_email"))

    op.drop_table("returns")
    op.drop_table("warehouses")
    op.drop_table("sync_state")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_state_id")

    op.drop_table("outbox")
