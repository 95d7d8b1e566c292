"""The station database: migrations, the committed first schema, pragmas and plain-words errors."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from inspector.models import AuditEvent, Base, Inspection, Return, Warehouse
from inspector.models.database import DatabaseProblem, explain, head_revision, include_name, open_database

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"


def test_fresh_database_is_migrated_to_head_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    database = open_database(tmp_path / "station.sqlite3")
    assert database.current_revision() == head_revision()
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    assert database.check_integrity() == "ok"
    database.dispose()


def test_models_and_migrations_describe_the_same_schema(tmp_path: Path) -> None:
    database = open_database(tmp_path / "station.sqlite3")
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        differences = compare_metadata(context, Base.metadata)
    database.dispose()
    assert differences == [], "a model changed without a migration: run alembic revision --autogenerate"


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema_*.sqlite3")), ids=lambda p: p.stem)
def test_committed_schema_databases_migrate_without_losing_rows(tmp_path: Path, fixture: Path) -> None:
    copy = tmp_path / "station.sqlite3"
    shutil.copy(fixture, copy)
    before = sqlite3.connect(copy)
    counts = {
        t: before.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("returns", "inspections")
    }
    before.close()

    database = open_database(copy, tmp_path / "backups")
    assert database.current_revision() == head_revision()
    with database.session() as session:
        ret = session.scalar(select(Return).where(Return.rma_number == "RMA12345674"))
        assert ret is not None and ret.lines[0].gtin == "8712345678906"
        assert ret.announced_at.tzinfo is not None
        inspection = session.scalars(select(Inspection)).one()
        assert inspection.flags == {"late"}
        for table, count in counts.items():
            assert session.execute(text(f"SELECT count(*) FROM {table}")).scalar() == count
    database.dispose()


def test_upgrade_backs_up_an_older_database_first(tmp_path: Path) -> None:
    """Opening an older file upgrades it, and the backup made by the upgrade itself (not by the test)
    holds the file as it was before: the old revision and its rows."""
    path = tmp_path / "station.sqlite3"
    shutil.copy(FIXTURES / "schema_0001.sqlite3", path)
    raw = sqlite3.connect(path)
    (old,) = raw.execute("SELECT version_num FROM alembic_version").fetchone()
    (returns,) = raw.execute("SELECT count(*) FROM returns").fetchone()
    raw.close()
    assert old != head_revision()
    backups = tmp_path / "backups"
    database = open_database(path, backups)  # migrates
    assert database.current_revision() == head_revision() and not database.needs_upgrade()
    database.dispose()
    made = [p for p in backups.iterdir() if p.is_file()]
    assert len(made) == 1, made
    assert old in made[0].name
    copy = sqlite3.connect(made[0])
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone()[0] == old
    assert copy.execute("SELECT count(*) FROM returns").fetchone()[0] == returns
    copy.close()
    again = open_database(path, backups)
    assert again.upgrade() is None  # at head: no second backup
    again.dispose()
    assert len([p for p in backups.iterdir() if p.is_file()]) == 1


def test_audit_events_cannot_be_changed_or_deleted(services) -> None:  # type: ignore[no-untyped-def]
    from inspector.services.audit import append_event

    with services.database.session() as session:
        append_event(session, station_id=services.station.station_id, action="test")
    with pytest.raises(IntegrityError, match="append-only"), services.database.session() as session:
        session.execute(text("UPDATE audit_events SET action = 'forged'"))
    with pytest.raises(IntegrityError, match="append-only"), services.database.session() as session:
        session.execute(text("DELETE FROM audit_events"))
    with services.database.session() as session:
        assert session.scalars(select(AuditEvent.action)).all() == ["test"]


def test_naive_datetimes_are_refused(services) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime

    from sqlalchemy.exc import StatementError

    with pytest.raises(StatementError, match="naive datetime"), services.database.session() as session:
        session.add(Warehouse(code="X", name="X", created_at=datetime(2026, 1, 1)))
        session.flush()


def test_a_file_that_is_not_a_database_gives_a_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    path.write_bytes(b"this is a shopping list, not a database" * 100)
    with pytest.raises(DatabaseProblem) as caught:
        open_database(path)
    assert "damaged" in caught.value.user_message
    assert "Traceback" not in caught.value.user_message


def test_a_truncated_database_gives_a_plain_message(tmp_path: Path) -> None:
    good = tmp_path / "good.sqlite3"
    open_database(good).dispose()
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(good.read_bytes()[:5000] + b"\x00garbage" * 2000)
    with pytest.raises(DatabaseProblem):
        open_database(broken)


def test_a_locked_database_gives_a_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    database = open_database(path)
    blocker = sqlite3.connect(path, timeout=0.1)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        database.engine.dispose()
        with pytest.raises(Exception) as caught, database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA busy_timeout = 100")
            connection.exec_driver_sql("INSERT INTO sync_state (key, value) VALUES ('a', 'b')")
            connection.commit()
        problem = explain(caught.value)
        assert problem is not None and "locked" in problem.user_message
    finally:
        blocker.rollback()
        blocker.close()
        database.dispose()


def test_disk_full_and_unknown_errors_are_told_apart() -> None:
    full = explain(sqlite3.OperationalError("database or disk is full"))
    assert full is not None and "disk is full" in full.user_message
    assert explain(ValueError("a bug")) is None
    assert explain(OSError(28, "No space left on device")) is not None
