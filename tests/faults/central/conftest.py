"""The central fault tests use the sync tests' PostgreSQL fixtures (a fresh central database, stations)."""

from tests.sync.conftest import (  # noqa: F401
    central_url,
    codes,
    maintenance_url,
    role_prefix,
    station_factory,
    station_root,
)
