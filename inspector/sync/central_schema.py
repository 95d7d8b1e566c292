"""The central PostgreSQL schema's own Alembic environment: upgrade and revision checks."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, pool

from inspector.sync.urls import redact_url, sqlalchemy_url

log = logging.getLogger(__name__)


def central_migrations_dir() -> Path:
    """The Alembic scripts of the central schema (shipped inside the package)."""
    return Path(__file__).resolve().parent / "central_migrations"


def central_alembic_config() -> AlembicConfig:
    """The Alembic configuration of the central schema."""
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(central_migrations_dir()))
    return cfg


def central_head() -> str:
    """The newest central schema revision this version knows."""
    head = ScriptDirectory.from_config(central_alembic_config()).get_current_head()
    assert head is not None
    return head


def central_revision(url: str) -> str | None:
    """The revision the central database is at (None when it was never migrated)."""
    engine = create_engine(sqlalchemy_url(url), poolclass=pool.NullPool, hide_parameters=True)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"version_table": "central_alembic_version"}
            )
            return context.get_current_revision()
    finally:
        engine.dispose()


def upgrade_central(url: str) -> tuple[str | None, str]:
    """Migrate the central database to the newest schema; returns (revision before, revision after)."""
    before = central_revision(url)
    engine = create_engine(sqlalchemy_url(url), poolclass=pool.NullPool, hide_parameters=True)
    try:
        with engine.begin() as connection:
            cfg = central_alembic_config()
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
    finally:
        engine.dispose()
    log.info("Central database %s migrated from %s to %s", redact_url(url), before, central_head())
    return before, central_head()
