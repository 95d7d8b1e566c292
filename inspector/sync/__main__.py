"""``python -m inspector.sync``: the sync and central commands without the GUI's CLI (tests, services)."""

from __future__ import annotations

import sys

from inspector.sync.cli import main

if __name__ == "__main__":
    sys.exit(main())
