"""Every filesystem location the application uses, computed in one place.

The data directory holds the station's SQLite database, its photo store, backups, logs and
settings. It comes from, in order: an explicit override (``--data-dir``), the environment
variable ``INSPECTOR_DATA_DIR``, or the platform's user data directory (platformdirs).
Nothing else in the application computes a path.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

APP_DIR_NAME = "ReturnInspector"
APP_AUTHOR = "ReturnInspector"
DATA_DIR_ENV = "INSPECTOR_DATA_DIR"


def package_root() -> Path:
    """The directory that holds ``resources/`` and ``translations/`` (source tree or frozen app)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """Checklist templates, carrier formats, sounds, icons and fonts shipped with the app."""
    return package_root() / "resources"


def translations_dir() -> Path:
    """Compiled Qt translations (``.qm``) and their Linguist sources (``.ts``)."""
    return package_root() / "translations"


def migrations_dir() -> Path:
    """The Alembic migration scripts of the local (station) database."""
    return Path(__file__).resolve().parent / "models" / "migrations"


@dataclass(frozen=True)
class DataPaths:
    """The locations inside one data directory."""

    root: Path

    @property
    def database(self) -> Path:
        """The station's SQLite database file."""
        return self.root / "inspector.sqlite3"

    @property
    def photos(self) -> Path:
        """Original photos, stored once, named by their SHA-256."""
        return self.root / "photos"

    @property
    def thumbnails(self) -> Path:
        """Thumbnails of the photos, named after the original's SHA-256."""
        return self.root / "thumbnails"

    @property
    def backups(self) -> Path:
        """Copies of the database taken before each migration."""
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        """Rotating log files."""
        return self.root / "logs"

    @property
    def labels(self) -> Path:
        """Label PDFs saved instead of (or as well as) printed."""
        return self.root / "labels"

    @property
    def exports(self) -> Path:
        """Reports and evidence packs written by default."""
        return self.root / "exports"

    @property
    def checklists(self) -> Path:
        """The warehouse's own checklist templates; one with a shipped template's id replaces it."""
        return self.root / "checklists"

    @property
    def central_photos(self) -> Path:
        """Photos fetched from the central database for review (a cache: safe to delete)."""
        return self.root / "cache" / "central-photos"

    @property
    def station_key(self) -> Path:
        """The station's Ed25519 private key (made at first start, readable by this user only)."""
        return self.root / "keys" / "station-ed25519.pem"

    @property
    def settings_file(self) -> Path:
        """The station's settings (TOML); never holds a password."""
        return self.root / "settings.toml"

    @property
    def central_secret(self) -> Path:
        """The station's central password (PostgreSQL password-file format, mode 0600)."""
        return self.root / "central.pgpass"

    @property
    def central_ca(self) -> Path:
        """The CA certificate that signed the central server's TLS certificate (from enrolment)."""
        return self.root / "central-ca.pem"

    def ensure(self) -> DataPaths:
        """Create the directories that must exist before the app writes anything.

        A new data directory is made readable by its owner only (0700 on POSIX): it holds the
        database with PIN hashes and customers' names, the central password and badge PDFs.
        """
        if not self.root.exists():
            self.root.mkdir(parents=True, mode=0o700)
        for directory in (self.photos, self.thumbnails, self.backups, self.logs):
            directory.mkdir(parents=True, exist_ok=True)
        return self


def default_data_dir() -> Path:
    """The platform's per-user data directory for the application."""
    return Path(user_data_dir(APP_DIR_NAME, APP_AUTHOR, roaming=False))


def resolve_data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: the override, else ``$INSPECTOR_DATA_DIR``, else the platform default."""
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def data_paths(override: str | os.PathLike[str] | None = None) -> DataPaths:
    """The :class:`DataPaths` for the resolved data directory."""
    return DataPaths(resolve_data_dir(override))
