"""Central sync: outbox push and incremental pull against the central PostgreSQL database."""
