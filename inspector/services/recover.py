"""After a restore: pull this station's records made after the backup back from the central database."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TextIO

EXIT_OK = 0


def recover_from_central(paths: Any, since: datetime, out: TextIO) -> int:
    """Say what central holds of this station's work after ``since`` and pull it back."""
    from inspector.config import load_settings
    from inspector.sync.urls import resolve_central_url

    url = resolve_central_url(None, load_settings(paths.settings_file).with_environment().central_url)
    if not url:
        out.write("No central database is configured: records made after the backup cannot be pulled back.\n")
        return EXIT_OK
    from inspector.sync.recover import pull_back

    return pull_back(paths, url, since, out)
