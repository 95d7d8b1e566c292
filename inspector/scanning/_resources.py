"""Locate the application's ``resources/`` folder, in a source checkout and in a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """Return the ``resources`` directory.

    In a PyInstaller bundle that is ``sys._MEIPASS/resources``; otherwise the folder next to the
    ``inspector`` package (``Path(__file__).parents[2] / "resources"``).
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"
