"""Database faults at any moment, not only while the database is opened (issue 13, section 1).

Each command meets the fault for real in a fresh process and must answer with the plain
DatabaseProblem message and exit status 3 (1 is the import's "some rows were rejected"), and
nothing recorded before may be lost or doubled.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tests.faults.helpers import (
    DAMAGED,
    FULL,
    LOCKED,
    NOT_WRITABLE,
    READ_ONLY,
    as_other_user,
    counts,
    damage,
    fill_disk,
    give_to,
    inspector,
    photo_files,
    returns_csv,
    small_disk,
    write_lock,
)

EXIT_ENVIRONMENT = 3


def _an_rma(database: Path) -> str:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return connection.execute(
            "SELECT r.rma_number FROM returns r JOIN inspections i ON i.return_id = r.id LIMIT 1"
        ).fetchone()[0]
    finally:
        connection.close()


def _read_only_commands(data: Path, user: list[str], out: Path) -> None:
    """status, db check, audit verify, a report and an evidence pack all work and write nothing."""
    rma = _an_rma(data / "inspector.sqlite3")
    for args in (
        ("status",),
        ("db", "check"),
        ("audit", "verify"),
        ("report", "daily", "--from", "2020-01-01", "--to", "2030-12-31", "--format", "csv",
         "--out", str(out / "report.csv"), "--source", "local"),
        ("evidence", rma, "--out", str(out), "--source", "local"),
    ):
        run = inspector(data, *args, user=user).plain()
        assert run.status == 0, (args, run.out, run.err)
    assert (out / "report.csv").stat().st_size > 0
    assert any(p.suffix == ".zip" for p in out.iterdir())


def test_a_write_lock_held_by_another_program(station: Path, tmp_path: Path) -> None:
    before = counts(station / "inspector.sqlite3")
    new_returns = returns_csv(tmp_path / "new.csv", 9_000_000, 3)
    with write_lock(station / "inspector.sqlite3"):
        for args in (("import-returns", str(new_returns)), ("demo-seed", "--returns", "3", "--seed", "9")):
            run = inspector(station, *args).plain()
            assert run.status == EXIT_ENVIRONMENT, (args, run.out, run.err)
            assert LOCKED in run.err
        assert inspector(station, "status").plain().status == 0  # readers are not blocked
    assert counts(station / "inspector.sqlite3") == before
    assert inspector(station, "import-returns", str(new_returns)).plain().status == 0
    after = counts(station / "inspector.sqlite3")
    assert after["returns"] == before["returns"] + 3 and after["return_lines"] == before["return_lines"] + 3


def test_a_read_only_database_file(station: Path) -> None:
    user = as_other_user()
    database = station / "inspector.sqlite3"
    before = counts(database)
    out = station.parent / "out"
    out.mkdir()
    give_to(out, 65534)
    database.chmod(0o444)
    run = inspector(station, "import-returns", str(returns_csv(station.parent / "new.csv", 9_100_000, 2)),
                    user=user).plain()
    assert run.status == EXIT_ENVIRONMENT and READ_ONLY in run.err
    _read_only_commands(station, user, out)
    assert counts(database) == before


def test_the_read_only_shm_left_after_chmod_444_and_back(station: Path) -> None:
    user = as_other_user()
    database = station / "inspector.sqlite3"
    before = counts(database)
    new_returns = returns_csv(station.parent / "new.csv", 9_150_000, 2)
    database.chmod(0o444)
    failed = inspector(station, "import-returns", str(new_returns), user=user).plain()
    assert failed.status == EXIT_ENVIRONMENT
    database.chmod(0o644)
    shm = database.with_name(database.name + "-shm")
    assert shm.exists() and not shm.stat().st_mode & 0o200, "SQLite left a read-only -shm behind"
    run = inspector(station, "import-returns", str(new_returns), user=user).plain()
    assert run.status == 0, run.err
    assert counts(database)["returns"] == before["returns"] + 2


def test_a_leftover_shm_that_cannot_be_repaired_is_named(station: Path, tmp_path: Path) -> None:
    user = as_other_user()
    if not user:
        pytest.skip("needs root to leave a -shm file the station's user does not own")
    database = station / "inspector.sqlite3"
    shm = database.with_name(database.name + "-shm")
    connection = sqlite3.connect(database)  # as root: makes the -shm
    connection.execute("SELECT count(*) FROM returns").fetchone()
    os.chown(shm, 0, 0)
    shm.chmod(0o444)
    try:
        csv = returns_csv(station.parent / "a.csv", 9_200_000, 1)
        run = inspector(station, "import-returns", str(csv), user=user).plain()
    finally:
        connection.close()
    assert run.status == EXIT_ENVIRONMENT
    assert "inspector.sqlite3-shm" in run.err and "read-only" in run.err


def test_a_read_only_data_directory_still_answers_the_read_only_commands(station: Path) -> None:
    user = as_other_user()
    before = counts(station / "inspector.sqlite3")
    out = station.parent / "out"
    out.mkdir()
    give_to(out, 65534)
    for path in [station, *station.rglob("*")]:
        path.chmod(path.stat().st_mode & ~0o222)
    _read_only_commands(station, user, out)
    run = inspector(station, "demo-seed", "--returns", "2", "--seed", "3", user=user).plain()
    assert run.status == EXIT_ENVIRONMENT
    assert counts(station / "inspector.sqlite3") == before


def test_an_unwritable_photos_folder(station: Path) -> None:
    user = as_other_user()
    before, files = counts(station / "inspector.sqlite3"), photo_files(station)
    (station / "photos").chmod(0o555)
    run = inspector(station, "demo-seed", "--returns", "4", "--inspections", "3", "--seed", "11", user=user)
    assert run.plain().status == EXIT_ENVIRONMENT
    assert NOT_WRITABLE in run.err and "photos" in run.err
    assert counts(station / "inspector.sqlite3") == before and photo_files(station) == files


def test_a_full_disk(demo_template: Path, tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "8m") as disk:
        data = disk / "data"
        import shutil

        shutil.copytree(demo_template, data, ignore=shutil.ignore_patterns("*-shm"))
        before, files = counts(data / "inspector.sqlite3"), photo_files(data)
        new_returns = returns_csv(tmp_path / "new.csv", 9_300_000, 400)
        filler = fill_disk(disk)
        for args in (("import-returns", str(new_returns)),
                     ("demo-seed", "--returns", "30", "--inspections", "20", "--seed", "13")):
            run = inspector(data, *args).plain()
            assert run.status == EXIT_ENVIRONMENT, (args, run.out, run.err)
            assert FULL in run.err
        filler.unlink()
        assert counts(data / "inspector.sqlite3") == before
        assert photo_files(data) == files, "photos of the failed transaction were left behind"
        assert inspector(data, "import-returns", str(new_returns)).plain().status == 0
        assert counts(data / "inspector.sqlite3")["returns"] == before["returns"] + 400


def test_damage_in_the_middle_of_the_file_is_reported_by_every_command(station: Path, tmp_path: Path) -> None:
    damage(station / "inspector.sqlite3")
    check = inspector(station, "db", "check").plain()
    assert check.status == EXIT_ENVIRONMENT and "damaged" in (check.out + check.err)
    for args in (("status",), ("audit", "verify")):
        run = inspector(station, *args).plain()
        assert run.status == EXIT_ENVIRONMENT, (args, run.out, run.err)
        assert DAMAGED in run.err
    run = inspector(station, "import-returns", str(returns_csv(tmp_path / "a.csv", 9_400_000, 50))).plain()
    assert run.status in (0, EXIT_ENVIRONMENT)
    if run.status:
        assert DAMAGED in run.err


def test_exit_status_1_stays_for_rejected_rows_only(station: Path, tmp_path: Path) -> None:
    bad = returns_csv(tmp_path / "bad.csv", 9_500_000, 2)
    bad.write_text(bad.read_text().replace(",19.95,", ",abc,", 1))
    run = inspector(station, "import-returns", str(bad)).plain()
    assert run.status == 1 and "abc" in run.out
    assert os.path.exists(station / "inspector.sqlite3")
