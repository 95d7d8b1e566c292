# ruff: noqa: E501  (SQL DDL reads best one column group per line)
"""Set-based conflict detection and hash-once photo verification (the same rules, faster).

Revision ID: c0002
Revises: c0001
Create Date: 2025-02-01

* Parcel and unit conflicts are found by one statement-level trigger per upload statement (transition
  table ``new_rows``) instead of one PL/pgSQL call per row: same per-warehouse advisory lock, same
  pairs recorded, same "later-committed record is ``entity_id``" rule.
* ``photo_chunks.sha256`` is computed by the server itself (BEFORE INSERT/UPDATE trigger) from the
  bytes it stores, while they are still in memory; a station cannot set it. Completing a one-chunk
  photo then compares that hash instead of reading the TOASTed chunk back; photos of several chunks
  are still hashed whole over the stored chunks, in order.
"""

from __future__ import annotations

from alembic import op

from inspector.sync.central_migrations.versions import c0001_central_schema as c0001

revision = "c0002"
down_revision = "c0001"
branch_labels = None
depends_on = None

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION inspector_detect_parcel_conflict() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $$
DECLARE wh uuid;
BEGIN
  -- One lock per warehouse: of two stations committing the same parcel, the later sees the earlier.
  FOR wh IN SELECT DISTINCT warehouse_id FROM new_rows WHERE tracking_number <> '' OR return_id IS NOT NULL ORDER BY 1
  LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended('inspector-parcel:' || wh::text, 0));
  END LOOP;
  PERFORM inspector_record_conflict(m.warehouse_id, 'same_parcel', 'parcel', m.id, m.other_id,
      m.origin_station_id, m.other_station_id,
      jsonb_build_object('tracking_number', m.tracking_number, 'return_id', m.return_id))
  FROM (
    SELECT n.warehouse_id, n.id, n.origin_station_id, n.tracking_number, n.return_id, p.id AS other_id,
           p.origin_station_id AS other_station_id
      FROM new_rows n JOIN parcels p ON p.warehouse_id = n.warehouse_id AND p.tracking_number = n.tracking_number
     WHERE n.tracking_number <> '' AND p.id <> n.id AND p.origin_station_id <> n.origin_station_id
    UNION
    SELECT n.warehouse_id, n.id, n.origin_station_id, n.tracking_number, n.return_id, p.id, p.origin_station_id
      FROM new_rows n JOIN parcels p ON p.return_id = n.return_id AND p.warehouse_id = n.warehouse_id
     WHERE p.id <> n.id AND p.origin_station_id <> n.origin_station_id
  ) AS m;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION inspector_detect_inspection_conflict() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $$
DECLARE wh uuid;
BEGIN
  FOR wh IN SELECT DISTINCT warehouse_id FROM new_rows WHERE return_line_id IS NOT NULL AND status <> 'voided' ORDER BY 1
  LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended('inspector-unit:' || wh::text, 0));
  END LOOP;
  PERFORM inspector_record_conflict(n.warehouse_id, 'same_unit', 'inspection', n.id, i.id,
      n.origin_station_id, i.origin_station_id,
      jsonb_build_object('return_line_id', n.return_line_id, 'unit_index', n.unit_index))
  FROM new_rows n JOIN inspections i ON i.return_line_id = n.return_line_id AND i.unit_index = n.unit_index
  WHERE n.status <> 'voided' AND i.id <> n.id AND i.origin_station_id <> n.origin_station_id AND i.status <> 'voided';
  RETURN NULL;
END $$;

CREATE FUNCTION inspector_hash_photo_chunk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.sha256 := encode(sha256(NEW.data), 'hex'); RETURN NEW; END $$;

CREATE OR REPLACE FUNCTION inspector_verify_photo_blob() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $$
DECLARE digest text; total bigint; pieces bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.blob_complete := false; NEW.blob_verified_at := NULL; RETURN NEW;
  END IF;
  IF NEW.blob_complete AND NOT OLD.blob_complete THEN
    -- octet_length of a TOASTed value reads only its header; one chunk: the hash the server took on insert
    SELECT count(*), sum(octet_length(data)), min(sha256) INTO pieces, total, digest
      FROM photo_chunks WHERE photo_id = NEW.id;
    IF pieces > 1 THEN
      SELECT encode(sha256(string_agg(data, ''::bytea ORDER BY n)), 'hex') INTO digest
        FROM photo_chunks WHERE photo_id = NEW.id;
    END IF;
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
"""


def _set_triggers(level: str) -> None:
    for table, kind in (("parcels", "parcel"), ("inspections", "inspection")):
        op.execute(f"DROP TRIGGER IF EXISTS {table}_conflict ON {table}")
        body = (
            "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT" if level == "statement" else "FOR EACH ROW"
        )
        op.execute(
            f"CREATE TRIGGER {table}_conflict AFTER INSERT ON {table} {body} "
            f"EXECUTE FUNCTION inspector_detect_{kind}_conflict()"
        )


def upgrade() -> None:
    op.execute("ALTER TABLE photo_chunks ADD COLUMN sha256 text")
    op.execute("UPDATE photo_chunks SET sha256 = encode(sha256(data), 'hex')")
    op.execute(FUNCTIONS)
    op.execute(
        "CREATE TRIGGER photo_chunks_hash BEFORE INSERT OR UPDATE ON photo_chunks FOR EACH ROW "
        "EXECUTE FUNCTION inspector_hash_photo_chunk()"
    )
    _set_triggers("statement")


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS photo_chunks_hash ON photo_chunks")
    op.execute("DROP FUNCTION IF EXISTS inspector_hash_photo_chunk()")
    op.execute("ALTER TABLE photo_chunks DROP COLUMN IF EXISTS sha256")
    for block in c0001.FUNCTIONS.split("\nCREATE FUNCTION ")[1:]:
        if block.startswith(("inspector_detect_", "inspector_verify_photo_blob")):
            op.execute("CREATE OR REPLACE FUNCTION " + block)
    _set_triggers("row")
