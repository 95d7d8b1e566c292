# ruff: noqa: E501  (SQL DDL reads best one column group per line)
"""Connectors to the shop platforms (bol.com, Shopify, Sendcloud, outcome exports): docs/connectors.md.

Revision ID: c0008_conn_connectors
Revises: c0007_deploy_station_reports
Create Date: 2026-12-03

* ``connectors``: one per warehouse and platform account, with its settings (no secrets), its cursor
  and its health (last run, last error, consecutive failures).
* ``connector_secrets``: the API credentials, encrypted (Fernet) with a key only the machine that runs
  the connectors holds; readable by the administrator only.
* ``connector_returns``: the platform's id of each imported return and the RMA number it got here,
  with the platform's ids of its lines (what an outcome is reported against).
* ``connector_outcomes``: the outbox of inspection outcomes per platform line: waiting, sending (an
  attempt in flight), sent (the platform is processing it), accepted, rejected (with its message).

Row-level security is forced and no policy is given to station logins, and ``inspector central roles``
revokes every privilege from them: the connectors run as the central administrator only.
"""

from __future__ import annotations

from alembic import op

revision = "c0008_conn_connectors"
down_revision = "c0007_deploy_station_reports"
branch_labels = None
depends_on = None

TABLES = ("connectors", "connector_secrets", "connector_returns", "connector_outcomes")

STATEMENTS = (
    """CREATE TABLE connectors (id uuid PRIMARY KEY, warehouse_id uuid NOT NULL REFERENCES warehouses(id),
        platform text NOT NULL CHECK (platform IN ('bol', 'shopify', 'sendcloud', 'export')),
        name text NOT NULL, settings jsonb NOT NULL DEFAULT '{}', enabled boolean NOT NULL DEFAULT true,
        cursor jsonb NOT NULL DEFAULT '{}', last_run_at timestamptz, last_success_at timestamptz,
        last_error text NOT NULL DEFAULT '', failures int NOT NULL DEFAULT 0,
        next_run_at timestamptz, created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (warehouse_id, name))""",
    """CREATE TABLE connector_secrets (connector_id uuid PRIMARY KEY REFERENCES connectors(id) ON DELETE CASCADE,
        ciphertext text NOT NULL, key_id text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())""",
    """CREATE TABLE connector_returns (connector_id uuid NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        external_id text NOT NULL, rma_number text NOT NULL UNIQUE, lines jsonb NOT NULL DEFAULT '{}',
        extra jsonb NOT NULL DEFAULT '{}', first_seen_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(), import_problem text NOT NULL DEFAULT '',
        PRIMARY KEY (connector_id, external_id))""",
    """CREATE TABLE connector_outcomes (id uuid PRIMARY KEY,
        connector_id uuid NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        external_id text NOT NULL, rma_number text NOT NULL, line_no int NOT NULL,
        payload jsonb NOT NULL, state text NOT NULL DEFAULT 'waiting'
            CHECK (state IN ('waiting', 'sending', 'sent', 'accepted', 'rejected')),
        needs_confirmation boolean NOT NULL DEFAULT false, attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(), message text NOT NULL DEFAULT '',
        process_ref text NOT NULL DEFAULT '', created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(), sent_at timestamptz, done_at timestamptz,
        UNIQUE (connector_id, external_id))""",
    "CREATE INDEX ix_connector_outcomes_due ON connector_outcomes (connector_id, state, next_attempt_at)",
    "CREATE SEQUENCE connector_rma_seq START 9000000 MINVALUE 9000000 MAXVALUE 9999999",
    *(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY" for table in TABLES),
    *(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY" for table in TABLES),
    *(f"REVOKE ALL ON {table} FROM PUBLIC" for table in TABLES),
    "REVOKE ALL ON SEQUENCE connector_rma_seq FROM PUBLIC",
    # What a station may know of its warehouse's connectors (the team lead's Reports page): their health
    # and their outcomes' states, never settings or credentials. Granted to stations by 'central roles'.
    # Inside a SECURITY DEFINER function current_user is its owner: the login is session_user.
    """CREATE FUNCTION public.inspector_connector_health()
        RETURNS TABLE (connector text, platform text, last_error text, failures int,
                       last_success_at timestamptz, waiting bigint, rejected bigint, held bigint,
                       last_rejection text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
        SELECT c.name, c.platform, c.last_error, c.failures, c.last_success_at,
               (SELECT count(*) FROM public.connector_outcomes o WHERE o.connector_id = c.id
                  AND o.state IN ('waiting', 'sending', 'sent')),
               (SELECT count(*) FROM public.connector_outcomes o WHERE o.connector_id = c.id
                  AND o.state = 'rejected'),
               (SELECT count(*) FROM public.connector_outcomes o WHERE o.connector_id = c.id
                  AND o.state = 'waiting' AND o.needs_confirmation),
               (SELECT o.rma_number || ': ' || o.message FROM public.connector_outcomes o
                 WHERE o.connector_id = c.id AND o.state = 'rejected'
                 ORDER BY o.done_at DESC NULLS LAST LIMIT 1)
          FROM public.connectors c
         WHERE c.enabled AND c.warehouse_id = (SELECT l.warehouse_id FROM public.station_logins l
                                                WHERE l.role_name = session_user)
         ORDER BY c.name
        $$""",
    "REVOKE EXECUTE ON FUNCTION public.inspector_connector_health() FROM PUBLIC",
)


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS public.inspector_connector_health()")
    for table in reversed(TABLES):
        op.execute(f"DROP TABLE IF EXISTS {table}")
    op.execute("DROP SEQUENCE IF EXISTS connector_rma_seq")
