# ruff: noqa: E501  (SQL DDL reads best one clause per line)
"""Hardening: every function names ``public.`` objects and pins ``search_path`` (pg_temp last).

Revision ID: c0005_secchain_hardening
Revises: c0004
Create Date: 2026-11-23

PostgreSQL searches ``pg_temp`` *first* for tables unless ``search_path`` lists it explicitly, and a
function body is resolved with the caller's ``search_path`` when it has no ``SET search_path``. A
station that created ``TEMP TABLE station_logins`` naming another station therefore made
``inspector_login_station()`` answer that station (and with a warehouse id, another warehouse), so
row-level security let it update, delete and read rows that were not its own; a ``TEMP TABLE
photo_chunks`` made the owner-run photo check hash the station's own table. Every function is
recreated here with schema-qualified names and ``SET search_path = pg_catalog, public, pg_temp``;
``inspector central roles`` also revokes the TEMPORARY privilege (from PUBLIC too), and the upload no
longer needs temporary tables (``inspector/sync/push.py``). See docs/security.md.
"""

from __future__ import annotations

from alembic import op

revision = "c0005_secchain_hardening"
down_revision = "c0004"
branch_labels = None
depends_on = None

PATH = "SET search_path = pg_catalog, public, pg_temp"

FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION public.inspector_login_warehouse() RETURNS uuid LANGUAGE sql STABLE {PATH} AS
$$ SELECT l.warehouse_id FROM public.station_logins l WHERE l.role_name = current_user $$;

CREATE OR REPLACE FUNCTION public.inspector_login_station() RETURNS uuid LANGUAGE sql STABLE {PATH} AS
$$ SELECT s.id FROM public.station_logins l JOIN public.stations s ON s.code = l.station_code
   AND s.warehouse_id = l.warehouse_id WHERE l.role_name = current_user $$;

CREATE OR REPLACE FUNCTION public.inspector_sync_epoch() RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER
{PATH} AS $$
DECLARE sysid text := ''; tli text := '';
BEGIN
  BEGIN
    SELECT system_identifier::text INTO sysid FROM pg_catalog.pg_control_system();
    SELECT timeline_id::text INTO tli FROM pg_catalog.pg_control_checkpoint();
  EXCEPTION WHEN insufficient_privilege THEN NULL;
  END;
  RETURN (SELECT m.value FROM public.central_meta m WHERE m.key = 'epoch') || ':' || sysid || ':' || tli
    || ':' || (SELECT d.oid::text FROM pg_catalog.pg_database d WHERE d.datname = current_database());
END $$;

CREATE OR REPLACE FUNCTION public.inspector_log_changes() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
{PATH} AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO public.changes (warehouse_id, entity_type, entity_id, op)
    SELECT o.warehouse_id, TG_ARGV[0], o.id, 'd' FROM old_rows o WHERE o.origin_station_id IS NULL ORDER BY o.id;
  ELSE
    INSERT INTO public.changes (warehouse_id, entity_type, entity_id, op)
    SELECT n.warehouse_id, TG_ARGV[0], n.id, 'u' FROM new_rows n WHERE n.origin_station_id IS NULL ORDER BY n.id;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION public.inspector_log_conflicts() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
{PATH} AS $$
BEGIN
  INSERT INTO public.changes (warehouse_id, entity_type, entity_id, op)
  SELECT n.warehouse_id, 'conflict', n.id, 'u' FROM new_rows n;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION public.inspector_record_conflict(p_warehouse uuid, p_kind text, p_type text, p_entity uuid,
    p_other uuid, p_station uuid, p_other_station uuid, p_detail jsonb) RETURNS void
LANGUAGE sql SECURITY DEFINER {PATH} AS $$
  INSERT INTO public.conflicts (warehouse_id, kind, entity_type, entity_id, other_id, station_id, other_station_id, detail)
  VALUES (p_warehouse, p_kind, p_type, p_entity, p_other, p_station, p_other_station, p_detail)
  ON CONFLICT DO NOTHING
$$;

CREATE OR REPLACE FUNCTION public.inspector_detect_parcel_conflict() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
{PATH} AS $$
DECLARE wh uuid;
BEGIN
  FOR wh IN SELECT DISTINCT n.warehouse_id FROM new_rows n WHERE n.tracking_number <> '' OR n.return_id IS NOT NULL ORDER BY 1
  LOOP
    PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('inspector-parcel:' || wh::text, 0));
  END LOOP;
  PERFORM public.inspector_record_conflict(m.warehouse_id, 'same_parcel', 'parcel', m.id, m.other_id,
      m.origin_station_id, m.other_station_id,
      pg_catalog.jsonb_build_object('tracking_number', m.tracking_number, 'return_id', m.return_id))
  FROM (
    SELECT n.warehouse_id, n.id, n.origin_station_id, n.tracking_number, n.return_id, p.id AS other_id,
           p.origin_station_id AS other_station_id
      FROM new_rows n JOIN public.parcels p ON p.warehouse_id = n.warehouse_id AND p.tracking_number = n.tracking_number
     WHERE n.tracking_number <> '' AND p.id <> n.id AND p.origin_station_id <> n.origin_station_id
    UNION
    SELECT n.warehouse_id, n.id, n.origin_station_id, n.tracking_number, n.return_id, p.id, p.origin_station_id
      FROM new_rows n JOIN public.parcels p ON p.return_id = n.return_id AND p.warehouse_id = n.warehouse_id
     WHERE p.id <> n.id AND p.origin_station_id <> n.origin_station_id
  ) AS m;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION public.inspector_detect_inspection_conflict() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
{PATH} AS $$
DECLARE wh uuid;
BEGIN
  FOR wh IN SELECT DISTINCT n.warehouse_id FROM new_rows n WHERE n.return_line_id IS NOT NULL AND n.status <> 'voided' ORDER BY 1
  LOOP
    PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('inspector-unit:' || wh::text, 0));
  END LOOP;
  PERFORM public.inspector_record_conflict(n.warehouse_id, 'same_unit', 'inspection', n.id, i.id,
      n.origin_station_id, i.origin_station_id,
      pg_catalog.jsonb_build_object('return_line_id', n.return_line_id, 'unit_index', n.unit_index))
  FROM new_rows n JOIN public.inspections i ON i.return_line_id = n.return_line_id AND i.unit_index = n.unit_index
  WHERE n.status <> 'voided' AND i.id <> n.id AND i.origin_station_id <> n.origin_station_id AND i.status <> 'voided';
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION public.inspector_hash_photo_chunk() RETURNS trigger LANGUAGE plpgsql {PATH} AS $$
BEGIN NEW.sha256 := pg_catalog.encode(pg_catalog.sha256(NEW.data), 'hex'); RETURN NEW; END $$;

CREATE OR REPLACE FUNCTION public.inspector_verify_photo_blob() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
{PATH} AS $$
DECLARE digest text; total bigint; pieces bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.blob_complete := false; NEW.blob_verified_at := NULL; RETURN NEW;
  END IF;
  IF NEW.blob_complete AND NOT OLD.blob_complete THEN
    SELECT count(*), sum(octet_length(c.data)), min(c.sha256) INTO pieces, total, digest
      FROM public.photo_chunks c WHERE c.photo_id = NEW.id;
    IF pieces > 1 THEN
      SELECT pg_catalog.encode(pg_catalog.sha256(string_agg(c.data, ''::bytea ORDER BY c.n)), 'hex') INTO digest
        FROM public.photo_chunks c WHERE c.photo_id = NEW.id;
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

CREATE OR REPLACE FUNCTION public.inspector_append_only() RETURNS trigger LANGUAGE plpgsql {PATH} AS $$
BEGIN RAISE EXCEPTION 'audit events are append-only'; END $$;
"""


def upgrade() -> None:
    op.execute(FUNCTIONS)


def downgrade() -> None:
    for name in ("inspector_login_warehouse()", "inspector_login_station()"):
        op.execute(f"ALTER FUNCTION public.{name} RESET search_path")
