"""Alembic environment of the station (SQLite) database.

Used programmatically by :meth:`inspector.models.database.Database.upgrade`, which passes an open
connection in ``config.attributes["connection"]``; batch mode makes ALTERs work on SQLite.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from inspector.models import Base
from inspector.models.database import include_name

target_metadata = Base.metadata
config = context.config


def run_migrations() -> None:
    """Run the migrations on the given connection (or on the URL in the config)."""
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                          include_name=include_name)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True,
                          include_name=include_name)
        with context.begin_transaction():
            context.run_migrations()


run_migrations()
