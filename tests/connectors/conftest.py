"""The connector tests reuse the sync tests' PostgreSQL fixtures (a fresh central database per session)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_SYNC = _HERE.parents[0] / "sync"
sys.path.insert(0, str(_SYNC))
sys.path.insert(0, str(_HERE))
_spec = importlib.util.spec_from_file_location("connectors_sync_fixtures", _SYNC / "conftest.py")
assert _spec is not None and _spec.loader is not None
_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fixtures)

maintenance_url = _fixtures.maintenance_url
role_prefix = _fixtures.role_prefix
central_url = _fixtures.central_url
codes = _fixtures.codes
station_root = _fixtures.station_root
station_factory = _fixtures.station_factory
station_login = _fixtures.station_login
scram_group = _fixtures.scram_group
