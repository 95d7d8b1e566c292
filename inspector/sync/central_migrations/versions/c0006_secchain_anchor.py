# ruff: noqa: E501  (SQL DDL reads best one clause per line)
"""The audit chain's anchor: hash versions, station keys, signed heads, notarisations, chain checks.

Revision ID: c0006_secchain_anchor
Revises: c0005_secchain_hardening
Create Date: 2026-11-23

* ``audit_events.hash_version`` (1 for events uploaded so far).
* ``audit_events_link`` (BEFORE INSERT): a new event must extend its station's chain as central holds
  it (seq 1 after the genesis hash, or ``prev_hash`` = the hash of central's event ``seq - 1``).
  An event that does not is not stored and is recorded as a conflict ``audit_chain_broken`` (an
  alarm at the station and in ``central status``); an event whose ``(station, seq)`` is already
  taken goes on to ``ON CONFLICT`` (recorded as a conflict by the upload).
* ``station_keys``: each station's Ed25519 public key. A station login may insert its own station's
  key only while the slot is empty (no UPDATE or DELETE grant): trust on enrolment. The administrator
  empties the slot at enrolment or key rotation (:func:`inspector.sync.anchor_admin.reset_station_key`).
* ``audit_checkpoints``: append-only signed chain heads. ``audit_checkpoints_accept`` refuses a head
  that central does not hold (no event with that seq and hash), or that does not extend the last
  accepted head of the station (a lower seq, or a chain between them that is not contiguous and linked).
  PostgreSQL cannot check Ed25519 signatures itself: the notary does (below).
* ``notary_keys`` / ``audit_notarisations``: the administrator's ``inspector central notarise``
  verifies each head's station signature and the chain up to it, and countersigns it with a key that
  never reaches a station (append-only).
"""

from __future__ import annotations

from alembic import op

revision = "c0006_secchain_anchor"
down_revision = "c0005_secchain_hardening"
branch_labels = None
depends_on = None

PATH = "SET search_path = pg_catalog, public, pg_temp"
TABLES = {
    "station_keys": """station_id uuid PRIMARY KEY, warehouse_id uuid NOT NULL, public_key text NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now()""",
    "audit_checkpoints": """id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, station_id uuid NOT NULL,
        seq bigint NOT NULL, hash text NOT NULL, head_text text NOT NULL, signature text NOT NULL,
        warehouse_id uuid NOT NULL, origin_station_id uuid NOT NULL, received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (station_id, seq)""",
    "notary_keys": """fingerprint text PRIMARY KEY, public_key text NOT NULL, created_at timestamptz NOT NULL DEFAULT now()""",
    "audit_notarisations": """checkpoint_id bigint PRIMARY KEY REFERENCES audit_checkpoints(id), warehouse_id uuid NOT NULL,
        station_id uuid NOT NULL, notary_fingerprint text NOT NULL REFERENCES notary_keys(fingerprint),
        station_signature_ok boolean NOT NULL, chain_ok boolean NOT NULL, statement text NOT NULL,
        signature text NOT NULL, notarised_at timestamptz NOT NULL DEFAULT now()""",
}

FUNCTIONS = f"""
CREATE FUNCTION public.inspector_audit_link() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER {PATH} AS $$
DECLARE before_hash text; caller uuid;
BEGIN
  -- Runs as the owner: act only for the station's own chain (session_user is the login, whatever
  -- role it set); anything else goes on to the row-level security check, which refuses it.
  SELECT s.id INTO caller FROM public.station_logins l JOIN public.stations s
    ON s.code = l.station_code AND s.warehouse_id = l.warehouse_id WHERE l.role_name = session_user;
  IF caller IS NOT NULL AND (caller <> NEW.station_id OR caller <> NEW.origin_station_id) THEN
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM public.audit_events e WHERE e.station_id = NEW.station_id AND e.seq = NEW.seq)
     OR EXISTS (SELECT 1 FROM public.audit_events e WHERE e.id = NEW.id) THEN
    RETURN NEW;  -- a replay or a clash: ON CONFLICT decides, the upload records the conflict
  END IF;
  IF NEW.seq = 1 THEN
    before_hash := repeat('0', 64);
  ELSE
    SELECT e.hash INTO before_hash FROM public.audit_events e WHERE e.station_id = NEW.station_id AND e.seq = NEW.seq - 1;
  END IF;
  IF before_hash IS NOT NULL AND before_hash = NEW.prev_hash THEN
    RETURN NEW;
  END IF;
  PERFORM public.inspector_record_conflict(NEW.warehouse_id, 'audit_chain_broken', 'audit_event', NEW.id, NULL,
      NEW.origin_station_id, NULL,
      pg_catalog.jsonb_build_object('seq', NEW.seq, 'prev_hash', NEW.prev_hash, 'central_prev_hash', before_hash));
  RETURN NULL;
END $$;

CREATE FUNCTION public.inspector_accept_checkpoint() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER {PATH} AS $$
DECLARE last_seq bigint; last_hash text; linked boolean; found bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM public.audit_events e
                 WHERE e.station_id = NEW.station_id AND e.seq = NEW.seq AND e.hash = NEW.hash) THEN
    RAISE EXCEPTION 'checkpoint % of station % names an event central does not hold', NEW.seq, NEW.station_id
      USING ERRCODE = 'check_violation';
  END IF;
  IF position(E'\\nseq ' || NEW.seq || E'\\n' IN NEW.head_text) = 0
     OR position(E'\\nhash ' || NEW.hash || E'\\n' IN NEW.head_text) = 0
     OR position(E'\\nstation ' || NEW.station_id || E'\\n' IN NEW.head_text) = 0 THEN
    RAISE EXCEPTION 'checkpoint text does not state its station, seq and hash' USING ERRCODE = 'check_violation';
  END IF;
  SELECT c.seq, c.hash INTO last_seq, last_hash FROM public.audit_checkpoints c
   WHERE c.station_id = NEW.station_id ORDER BY c.seq DESC LIMIT 1;
  IF last_seq IS NOT NULL AND NEW.seq <= last_seq THEN
    RAISE EXCEPTION 'checkpoint % does not extend the last one (%)', NEW.seq, last_seq USING ERRCODE = 'check_violation';
  END IF;
  SELECT count(*), coalesce(bool_and(coalesce(x.prev_hash = x.before, false)
                                  OR (x.seq = 1 AND x.prev_hash = repeat('0', 64))), false)
    INTO found, linked
    FROM (SELECT e.seq, e.prev_hash, lag(e.hash) OVER (ORDER BY e.seq) AS before
            FROM public.audit_events e
           WHERE e.station_id = NEW.station_id AND e.seq BETWEEN coalesce(last_seq, 1) AND NEW.seq) x
   WHERE x.seq > coalesce(last_seq, 0);
  IF found <> NEW.seq - coalesce(last_seq, 0) OR NOT linked THEN
    RAISE EXCEPTION 'the chain up to checkpoint % is not contiguous and linked', NEW.seq USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
"""

TRIGGERS = (
    "CREATE TRIGGER audit_events_link BEFORE INSERT ON public.audit_events FOR EACH ROW EXECUTE FUNCTION public.inspector_audit_link()",
    "CREATE TRIGGER audit_checkpoints_accept BEFORE INSERT ON public.audit_checkpoints FOR EACH ROW EXECUTE FUNCTION public.inspector_accept_checkpoint()",
    "CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON public.audit_checkpoints FOR EACH ROW EXECUTE FUNCTION public.inspector_append_only()",
    "CREATE TRIGGER audit_notarisations_append_only BEFORE UPDATE OR DELETE ON public.audit_notarisations FOR EACH ROW EXECUTE FUNCTION public.inspector_append_only()",
    "CREATE TRIGGER notary_keys_append_only BEFORE UPDATE OR DELETE ON public.notary_keys FOR EACH ROW EXECUTE FUNCTION public.inspector_append_only()",
)


def upgrade() -> None:
    op.execute("ALTER TABLE public.audit_events ADD COLUMN hash_version int NOT NULL DEFAULT 1")
    for name, body in TABLES.items():
        op.execute(f"CREATE TABLE public.{name} ({body})")
        op.execute(f"ALTER TABLE public.{name} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE public.{name} FORCE ROW LEVEL SECURITY")
    op.execute(FUNCTIONS)
    for statement in TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_events_link ON public.audit_events")
    for name in reversed(list(TABLES)):
        op.execute(f"DROP TABLE IF EXISTS public.{name} CASCADE")
    op.execute("DROP FUNCTION IF EXISTS public.inspector_audit_link()")
    op.execute("DROP FUNCTION IF EXISTS public.inspector_accept_checkpoint()")
    op.execute("ALTER TABLE public.audit_events DROP COLUMN IF EXISTS hash_version")
