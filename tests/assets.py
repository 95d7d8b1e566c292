"""Test assets that live outside the repository (../shared corpora) or on the machine (pdftoppm).

Locally a missing asset skips its test with the reason. In CI (``INSPECTOR_REQUIRE_ASSETS=1``, set by
``.ci/run``, or ``INSPECTOR_REQUIRE_POSTGRES=1``) it fails instead: a CI run that quietly skipped the
barcode corpus or the PDF rendering would report green for tests that never ran.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def required() -> bool:
    """True in CI: a missing asset is a failure, not a skip."""
    return "1" in (os.environ.get("INSPECTOR_REQUIRE_ASSETS"), os.environ.get("INSPECTOR_REQUIRE_POSTGRES"))


def missing(reason: str) -> None:
    """Skip the test (locally) or fail it (CI) because ``reason``."""
    if required():
        pytest.fail(f"{reason} (required in CI: INSPECTOR_REQUIRE_ASSETS/INSPECTOR_REQUIRE_POSTGRES)")
    pytest.skip(reason)


def need_dir(path: Path, what: str) -> Path:
    """``path`` when it is a directory, else skip/fail."""
    if not path.is_dir():
        missing(f"{what} not found at {path}")
    return path


def need_file(path: Path, what: str) -> Path:
    """``path`` when it is a file, else skip/fail."""
    if not path.is_file():
        missing(f"{what} not found at {path}")
    return path


def need_tool(name: str, package: str) -> str:
    """The path of the program ``name``, else skip/fail (``package`` installs it)."""
    found = shutil.which(name)
    if found is None:
        missing(f"{name} is not installed (package {package})")
    return str(found)
