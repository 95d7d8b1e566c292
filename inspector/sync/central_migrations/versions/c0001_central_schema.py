# ruff: noqa: E501  (SQL DDL reads best one column group per line)
"""Central schema: announced returns, uploaded station records, photo chunks, change feed, conflicts.

Revision ID: c0001
Revises:
Create Date: 2025-01-01

Every uploaded table carries ``warehouse_id`` and ``origin_station_id`` (for row-level security),
``src_version`` (the station's outbox position, for the update rule) and ``payload_hash`` (the
SHA-256 of what the station sent, to tell a replay from a conflicting payload). Policies and
grants are created by ``inspector central roles``; until then only superusers and BYPASSRLS roles
see any rows (row-level security is enabled and forced on every table here).
"""

from __future__ import annotations

from alembic import op

revision = "c0001"
down_revision = None
branch_labels = None
depends_on = None

_EXTRAS = """
    warehouse_id uuid NOT NULL,
    origin_station_id uuid NOT NULL,
    src_version bigint NOT NULL DEFAULT 0,
    payload_hash text NOT NULL DEFAULT '',
    central_received_at timestamptz NOT NULL DEFAULT now(),
    central_changed_at timestamptz NOT NULL DEFAULT now()
"""

TABLES = {
    "central_meta": "key text PRIMARY KEY, value text NOT NULL",
    "warehouses": "id uuid PRIMARY KEY, code text NOT NULL UNIQUE, name text NOT NULL DEFAULT '',"
    " created_at timestamptz NOT NULL DEFAULT now()",
    "stations": "id uuid PRIMARY KEY, warehouse_id uuid NOT NULL REFERENCES warehouses(id),"
    " code text NOT NULL UNIQUE, name text NOT NULL DEFAULT '', registered_at timestamptz NOT NULL DEFAULT now()",
    "station_logins": "role_name text PRIMARY KEY, warehouse_id uuid NOT NULL REFERENCES warehouses(id),"
    " station_code text NOT NULL UNIQUE",
    "returns": """id uuid PRIMARY KEY, warehouse_id uuid NOT NULL, rma_number text NOT NULL UNIQUE,
        order_number text NOT NULL DEFAULT '', customer_name text NOT NULL DEFAULT '',
        customer_name_key text NOT NULL DEFAULT '', customer_email text NOT NULL DEFAULT '',
        customer_segment text NOT NULL DEFAULT 'regular', postcode text NOT NULL DEFAULT '',
        house_number text NOT NULL DEFAULT '', country text NOT NULL DEFAULT 'NL',
        channel text NOT NULL DEFAULT 'portal', delivered_on date, announced_at timestamptz NOT NULL DEFAULT now(),
        refund_choice text NOT NULL DEFAULT 'refund', status text NOT NULL DEFAULT 'announced',
        source text NOT NULL DEFAULT 'central', carrier text NOT NULL DEFAULT '',
        tracking_number text NOT NULL DEFAULT '', content_hash text NOT NULL DEFAULT '',
        notes text NOT NULL DEFAULT '', created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(), origin_station_id uuid,
        src_version bigint NOT NULL DEFAULT 0, payload_hash text NOT NULL DEFAULT '',
        central_received_at timestamptz NOT NULL DEFAULT now(), central_changed_at timestamptz NOT NULL DEFAULT now()""",
    "return_lines": """id uuid PRIMARY KEY, return_id uuid NOT NULL, warehouse_id uuid NOT NULL,
        line_no int NOT NULL, sku text NOT NULL, gtin text NOT NULL DEFAULT '', product_name text NOT NULL,
        category text NOT NULL, quantity int NOT NULL DEFAULT 1, unit_price_cents bigint NOT NULL DEFAULT 0,
        currency text NOT NULL DEFAULT 'EUR', reason_code text NOT NULL, customer_comment text NOT NULL DEFAULT '',
        expected_serial text NOT NULL DEFAULT '', created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(), origin_station_id uuid,
        src_version bigint NOT NULL DEFAULT 0, payload_hash text NOT NULL DEFAULT '',
        central_received_at timestamptz NOT NULL DEFAULT now(), central_changed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (return_id, line_no)""",
    "parcels": """id uuid PRIMARY KEY, tracking_number text NOT NULL DEFAULT '', scanned_code text NOT NULL DEFAULT '',
        carrier text NOT NULL DEFAULT '', return_id uuid, received_at timestamptz NOT NULL, received_by_id uuid,
        station_id uuid, box_condition text NOT NULL, unannounced boolean NOT NULL, conflict boolean NOT NULL,
        flags jsonb NOT NULL DEFAULT '[]', notes text NOT NULL DEFAULT '', created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,"""
    + _EXTRAS,
    "inspections": """id uuid PRIMARY KEY, return_id uuid, return_line_id uuid, parcel_id uuid,
        unit_index int NOT NULL, status text NOT NULL, outcome text NOT NULL, item_sku text NOT NULL,
        item_gtin text NOT NULL, item_description text NOT NULL, verification text, verified_code text NOT NULL,
        verification_note text NOT NULL, serial_scanned text NOT NULL, checklist_id text NOT NULL,
        checklist_version int NOT NULL, answers jsonb NOT NULL, suggested_grade text, final_grade text,
        override_reason text NOT NULL, disposition text NOT NULL, destination text NOT NULL,
        refund_recommendation text, refund_amount_cents bigint, recovered_value_cents bigint, lpn text,
        notes text NOT NULL, inspector_id uuid, station_id uuid, started_at timestamptz NOT NULL,
        finished_at timestamptz, conflict_with_id uuid, created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,"""
    + _EXTRAS,
    "inspection_flags": "inspection_id uuid NOT NULL, flag text NOT NULL, warehouse_id uuid NOT NULL,"
    " origin_station_id uuid NOT NULL, PRIMARY KEY (inspection_id, flag)",
    "photos": """id uuid PRIMARY KEY, sha256 text NOT NULL, inspection_id uuid, parcel_id uuid,
        tag text NOT NULL, file_path text NOT NULL, thumbnail_path text NOT NULL, size_bytes bigint NOT NULL,
        width int NOT NULL, height int NOT NULL, mime_type text NOT NULL, taken_at timestamptz NOT NULL,
        taken_by_id uuid, station_id uuid, source text NOT NULL,
        blob_complete boolean NOT NULL DEFAULT false, blob_verified_at timestamptz,"""
    + _EXTRAS,
    "photo_chunks": "photo_id uuid NOT NULL, n int NOT NULL, data bytea NOT NULL, warehouse_id uuid NOT NULL,"
    " origin_station_id uuid NOT NULL, PRIMARY KEY (photo_id, n)",
    "disputes": """id uuid PRIMARY KEY, inspection_id uuid NOT NULL, party text NOT NULL, status text NOT NULL,
        reference text NOT NULL, opened_by_id uuid, opened_at timestamptz NOT NULL, closed_at timestamptz,
        outcome text, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,"""
    + _EXTRAS,
    "dispute_entries": """id uuid PRIMARY KEY, dispute_id uuid NOT NULL, author_id uuid, at timestamptz NOT NULL,
        kind text NOT NULL, text text NOT NULL, old_grade text, new_grade text,"""
    + _EXTRAS,
    "audit_events": """id uuid PRIMARY KEY, station_id uuid NOT NULL, seq bigint NOT NULL,
        occurred_at timestamptz NOT NULL, actor_id uuid, action text NOT NULL, entity_type text NOT NULL,
        entity_id uuid, return_id uuid, inspection_id uuid, payload jsonb NOT NULL, photo_hashes jsonb NOT NULL,
        prev_hash text NOT NULL, hash text NOT NULL UNIQUE,"""
    + _EXTRAS
    + ", UNIQUE (station_id, seq)",
    "conflicts": """id uuid PRIMARY KEY DEFAULT gen_random_uuid(), warehouse_id uuid NOT NULL, kind text NOT NULL,
        entity_type text NOT NULL, entity_id uuid NOT NULL, other_id uuid, station_id uuid, other_station_id uuid,
        detail jsonb NOT NULL DEFAULT '{}', detected_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz, resolved_by text NOT NULL DEFAULT '',
        UNIQUE NULLS NOT DISTINCT (kind, entity_id, other_id)""",
    "changes": """seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        txid xid8 NOT NULL DEFAULT pg_current_xact_id(), warehouse_id uuid NOT NULL,
        entity_type text NOT NULL, entity_id uuid NOT NULL, op char(1) NOT NULL""",
}

INDEXES = (
    "CREATE INDEX ix_changes_feed ON changes (warehouse_id, txid, seq)",
    "CREATE INDEX ix_returns_wh ON returns (warehouse_id)",
    "CREATE INDEX ix_return_lines_return ON return_lines (return_id)",
    "CREATE INDEX ix_parcels_tracking ON parcels (warehouse_id, tracking_number)",
    "CREATE INDEX ix_parcels_return ON parcels (return_id)",
    "CREATE INDEX ix_parcels_origin ON parcels (origin_station_id)",
    "CREATE INDEX ix_inspections_unit ON inspections (return_line_id, unit_index)",
    "CREATE INDEX ix_inspections_origin ON inspections (origin_station_id)",
    "CREATE INDEX ix_photos_origin ON photos (origin_station_id)",
    "CREATE INDEX ix_audit_origin ON audit_events (origin_station_id)",
    "CREATE INDEX ix_conflicts_wh ON conflicts (warehouse_id)",
)

FUNCTIONS = r"""
CREATE FUNCTION inspector_login_warehouse() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT warehouse_id FROM station_logins WHERE role_name = current_user $$;

CREATE FUNCTION inspector_login_station() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT s.id FROM station_logins l JOIN stations s ON s.code = l.station_code
   AND s.warehouse_id = l.warehouse_id WHERE l.role_name = current_user $$;

CREATE FUNCTION inspector_sync_epoch() RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public AS $$
DECLARE sysid text := ''; tli text := '';
BEGIN
  BEGIN
    SELECT system_identifier::text INTO sysid FROM pg_control_system();
    SELECT timeline_id::text INTO tli FROM pg_control_checkpoint();
  EXCEPTION WHEN insufficient_privilege THEN NULL;
  END;
  RETURN (SELECT value FROM central_meta WHERE key = 'epoch') || ':' || sysid || ':' || tli
    || ':' || (SELECT oid::text FROM pg_database WHERE datname = current_database());
END $$;

CREATE FUNCTION inspector_log_changes() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $$
BEGIN
  -- Only what central announced flows down; records uploaded by stations have an origin station.
  IF TG_OP = 'DELETE' THEN
    INSERT INTO changes (warehouse_id, entity_type, entity_id, op)
    SELECT warehouse_id, TG_ARGV[0], id, 'd' FROM old_rows WHERE origin_station_id IS NULL ORDER BY id;
  ELSE
    INSERT INTO changes (warehouse_id, entity_type, entity_id, op)
    SELECT warehouse_id, TG_ARGV[0], id, 'u' FROM new_rows WHERE origin_station_id IS NULL ORDER BY id;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION inspector_log_conflicts() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $$
BEGIN
  INSERT INTO changes (warehouse_id, entity_type, entity_id, op)
  SELECT warehouse_id, 'conflict', id, 'u' FROM new_rows;
  RETURN NULL;
END $$;

CREATE FUNCTION inspector_record_conflict(p_warehouse uuid, p_kind text, p_type text, p_entity uuid,
    p_other uuid, p_station uuid, p_other_station uuid, p_detail jsonb) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  INSERT INTO conflicts (warehouse_id, kind, entity_type, entity_id, other_id, station_id, other_station_id, detail)
  VALUES (p_warehouse, p_kind, p_type, p_entity, p_other, p_station, p_other_station, p_detail)
  ON CONFLICT DO NOTHING
$$;

CREATE FUNCTION inspector_detect_parcel_conflict() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $$
DECLARE other record;
BEGIN
  IF NEW.tracking_number = '' AND NEW.return_id IS NULL THEN RETURN NULL; END IF;
  -- One lock per warehouse: of two stations committing the same parcel, the later sees the earlier.
  PERFORM pg_advisory_xact_lock(hashtextextended('inspector-parcel:' || NEW.warehouse_id::text, 0));
  FOR other IN SELECT id, origin_station_id FROM parcels
      WHERE warehouse_id = NEW.warehouse_id AND id <> NEW.id AND origin_station_id <> NEW.origin_station_id
        AND ((NEW.tracking_number <> '' AND tracking_number = NEW.tracking_number)
             OR (NEW.return_id IS NOT NULL AND return_id = NEW.return_id))
  LOOP
    PERFORM inspector_record_conflict(NEW.warehouse_id, 'same_parcel', 'parcel', NEW.id, other.id,
      NEW.origin_station_id, other.origin_station_id,
      jsonb_build_object('tracking_number', NEW.tracking_number, 'return_id', NEW.return_id));
  END LOOP;
  RETURN NULL;
END $$;

CREATE FUNCTION inspector_detect_inspection_conflict() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $$
DECLARE other record;
BEGIN
  IF NEW.return_line_id IS NULL OR NEW.status = 'voided' THEN RETURN NULL; END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('inspector-unit:' || NEW.warehouse_id::text, 0));
  FOR other IN SELECT id, origin_station_id FROM inspections
      WHERE return_line_id = NEW.return_line_id AND unit_index = NEW.unit_index AND id <> NEW.id
        AND origin_station_id <> NEW.origin_station_id AND status <> 'voided'
  LOOP
    PERFORM inspector_record_conflict(NEW.warehouse_id, 'same_unit', 'inspection', NEW.id, other.id,
      NEW.origin_station_id, other.origin_station_id,
      jsonb_build_object('return_line_id', NEW.return_line_id, 'unit_index', NEW.unit_index));
  END LOOP;
  RETURN NULL;
END $$;

CREATE FUNCTION inspector_verify_photo_blob() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $$
DECLARE digest text; total bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.blob_complete := false; NEW.blob_verified_at := NULL; RETURN NEW;
  END IF;
  IF NEW.blob_complete AND NOT OLD.blob_complete THEN
    SELECT encode(sha256(string_agg(data, ''::bytea ORDER BY n)), 'hex'), sum(length(data))
      INTO digest, total FROM photo_chunks WHERE photo_id = NEW.id;
    IF digest IS DISTINCT FROM OLD.sha256 OR total IS DISTINCT FROM OLD.size_bytes THEN
      NEW.blob_complete := false; NEW.blob_verified_at := NULL;
    ELSE
      NEW.blob_verified_at := now();
    END IF;
  ELSIF NOT NEW.blob_complete THEN
    NEW.blob_verified_at := NULL;
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION inspector_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit events are append-only'; END $$;
"""

TRIGGERS = (
    "CREATE TRIGGER parcels_conflict AFTER INSERT ON parcels FOR EACH ROW"
    " EXECUTE FUNCTION inspector_detect_parcel_conflict()",
    "CREATE TRIGGER inspections_conflict AFTER INSERT ON inspections FOR EACH ROW"
    " EXECUTE FUNCTION inspector_detect_inspection_conflict()",
    "CREATE TRIGGER photos_verify BEFORE INSERT OR UPDATE ON photos FOR EACH ROW"
    " EXECUTE FUNCTION inspector_verify_photo_blob()",
    "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events"
    " FOR EACH ROW EXECUTE FUNCTION inspector_append_only()",
)

FEED_TABLES = {"returns": "return", "return_lines": "return_line"}


def upgrade() -> None:
    for name, body in TABLES.items():
        op.execute(f"CREATE TABLE {name} ({body})")
    for statement in INDEXES:
        op.execute(statement)
    op.execute("ALTER TABLE photo_chunks ALTER COLUMN data SET STORAGE EXTERNAL")  # JPEGs do not compress
    op.execute(FUNCTIONS)
    for statement in TRIGGERS:
        op.execute(statement)
    for table, kind in FEED_TABLES.items():
        for event, transition in (
            ("INSERT", "NEW TABLE AS new_rows"),
            ("UPDATE", "NEW TABLE AS new_rows"),
            ("DELETE", "OLD TABLE AS old_rows"),
        ):
            op.execute(
                f"CREATE TRIGGER {table}_feed_{event.lower()} AFTER {event} ON {table} "
                f"REFERENCING {transition} FOR EACH STATEMENT EXECUTE FUNCTION inspector_log_changes('{kind}')"
            )
    for event in ("INSERT", "UPDATE"):
        op.execute(
            f"CREATE TRIGGER conflicts_feed_{event.lower()} AFTER {event} ON conflicts "
            "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION inspector_log_conflicts()"
        )
    op.execute("INSERT INTO central_meta (key, value) VALUES ('epoch', gen_random_uuid()::text)")
    op.execute(
        "CREATE VIEW return_overview WITH (security_invoker = true) AS "
        "SELECT r.id, r.warehouse_id, r.rma_number, r.status, count(l.id) AS lines "
        "FROM returns r LEFT JOIN return_lines l ON l.return_id = r.id GROUP BY r.id"
    )
    for name in TABLES:
        op.execute(f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {name} FORCE ROW LEVEL SECURITY")


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS return_overview")
    for name in reversed(list(TABLES)):
        op.execute(f"DROP TABLE IF EXISTS {name} CASCADE")
    for fn in (
        "inspector_login_warehouse()",
        "inspector_login_station()",
        "inspector_sync_epoch()",
        "inspector_log_changes()",
        "inspector_log_conflicts()",
        "inspector_detect_parcel_conflict()",
        "inspector_detect_inspection_conflict()",
        "inspector_verify_photo_blob()",
        "inspector_append_only()",
        "inspector_record_conflict(uuid, text, text, uuid, uuid, uuid, uuid, jsonb)",
    ):
        op.execute(f"DROP FUNCTION IF EXISTS {fn}")
