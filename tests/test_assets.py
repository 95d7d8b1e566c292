"""A missing test asset skips locally and fails in CI (tests/assets.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _pytest.outcomes import Failed, Skipped

from tests.assets import need_dir, need_file, need_tool


@pytest.mark.parametrize("flag", ["INSPECTOR_REQUIRE_ASSETS", "INSPECTOR_REQUIRE_POSTGRES"])
def test_missing_assets_fail_in_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flag: str) -> None:
    monkeypatch.delenv("INSPECTOR_REQUIRE_ASSETS", raising=False)
    monkeypatch.delenv("INSPECTOR_REQUIRE_POSTGRES", raising=False)
    monkeypatch.setenv(flag, "1")
    for check in (lambda: need_dir(tmp_path / "no-corpus", "corpus"),
                  lambda: need_file(tmp_path / "no.tsv", "sample"),
                  lambda: need_tool("no-such-program-here", "nothing")):
        with pytest.raises(Failed):
            check()


def test_missing_assets_skip_locally(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INSPECTOR_REQUIRE_ASSETS", raising=False)
    monkeypatch.delenv("INSPECTOR_REQUIRE_POSTGRES", raising=False)
    with pytest.raises(Skipped):
        need_dir(tmp_path / "no-corpus", "corpus")
    assert need_dir(tmp_path, "here") == tmp_path
