"""Fixtures of the fault suite: a small demo station, copied fresh for every test."""

from __future__ import annotations

import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults.helpers import NOBODY, give_to, inspector, shared_dir


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory with demo returns, inspections and photos (built once per run)."""
    data = tmp_path_factory.mktemp("demo-template") / "data"
    run = inspector(data, "demo-seed", "--returns", "40", "--inspections", "12", "--seed", "5")
    assert run.status == 0, run.err
    return data


@pytest.fixture
def station(demo_template: Path) -> Iterator[Path]:
    """A copy of the demo data directory, owned by the user the commands run as."""
    base = shared_dir()
    data = base / "data"
    shutil.copytree(demo_template, data, ignore=shutil.ignore_patterns("*-shm"))
    give_to(data, NOBODY)
    yield data
    for path in [base, *base.rglob("*")]:  # a test may have made folders read-only
        if path.is_dir() and not path.is_symlink():
            path.chmod(path.stat().st_mode | stat.S_IWUSR | stat.S_IXUSR)
    shutil.rmtree(base, ignore_errors=True)
