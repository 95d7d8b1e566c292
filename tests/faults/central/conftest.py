"""The central import tests use the sync tests' PostgreSQL fixtures (a fresh central database)."""

from tests.sync.conftest import central_url, maintenance_url, role_prefix  # noqa: F401
