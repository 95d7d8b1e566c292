"""The composition root: builds every service of the application from the configuration.

Nothing else constructs services; the CLI and the GUI receive what they need from here.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from dataclasses import dataclass, field
from pathlib import Path

from inspector.config import Settings, load_settings, save_settings
from inspector.models.database import Database, open_database
from inspector.paths import DataPaths, data_paths
from inspector.services.audit import StoredChains
from inspector.services.checklist_model import ChecklistTemplate
from inspector.services.checklists import load_templates
from inspector.services.finishing import GradingService
from inspector.services.inspection import InspectionService
from inspector.services.intake import IntakeService
from inspector.services.outbox import install_outbox
from inspector.services.photo_store import PhotoStore
from inspector.services.signing import SigningKey
from inspector.services.sources import DataSource, SourceKind
from inspector.services.station import StationContext, ensure_station
from inspector.services.users import UserService

log = logging.getLogger(__name__)


@dataclass
class Services:
    """Everything the CLI and the GUI use, built once."""

    paths: DataPaths
    settings: Settings
    database: Database
    users: UserService
    photos: PhotoStore
    station: StationContext
    templates: dict[str, ChecklistTemplate]
    intake: IntakeService
    inspections: InspectionService
    grading: GradingService
    extras: dict[str, object] = field(default_factory=dict)

    def station_key(self) -> SigningKey:
        """The station's Ed25519 signing key (made at first start)."""
        key = self.extras.get("station_key")
        if key is None:
            key = self.extras["station_key"] = SigningKey.load_or_create(self.paths.station_key)
        return key  # type: ignore[return-value]

    def save_settings(self, settings: Settings) -> None:
        """Persist new settings and use them from now on."""
        save_settings(self.paths.settings_file, settings)
        self.settings = settings.with_environment()

    def sync_service(self):  # type: ignore[no-untyped-def]
        """The background sync loop for the configured central database (None when there is none).

        Built here, started by whoever runs the station (the GUI session or ``inspector sync``).
        """
        from inspector.sync.engine import SyncEngine
        from inspector.sync.service import SyncService

        url = self.central_url()
        if not url:
            return None
        engine = SyncEngine(self.database, self.photos, self.station, url, key=self.station_key())
        return SyncService(engine, interval_s=float(self.settings.sync_interval_s))

    def central_url(self) -> str:
        """The configured central database URL ("" when the station works alone)."""
        from inspector.sync.urls import resolve_central_url

        return resolve_central_url(None, self.settings.central_url)

    def source(self, kind: SourceKind | str = SourceKind.LOCAL) -> DataSource:
        """What review, evidence packs and reports read: this station's database or the central one.

        ``"auto"`` is the central database when one is configured, else this station's. Raises
        ``LookupError`` for the central source when no central URL is configured. The central
        reader is built once per URL and closed with the services.
        """
        if kind == "auto":
            kind = self.sources()[0]
        if SourceKind(kind) is SourceKind.LOCAL:
            return DataSource(SourceKind.LOCAL, self.database, self.photos, StoredChains(self.database))
        url = self.central_url()
        if not url:
            raise LookupError("no central database is configured for this station")
        reader = self.extras.get("central_reader")
        if reader is None or getattr(reader, "url", None) != url:
            from inspector.sync.central_read import CentralReader

            if reader is not None:
                reader.close()  # type: ignore[attr-defined]
            reader = CentralReader(url, self.paths.central_photos)
            self.extras["central_reader"] = reader
        return DataSource(SourceKind.CENTRAL, reader, reader.photos, reader.chains)  # type: ignore[attr-defined]

    def sources(self) -> list[SourceKind]:
        """The sources this station offers (central first when configured)."""
        return [SourceKind.CENTRAL, SourceKind.LOCAL] if self.central_url() else [SourceKind.LOCAL]

    def close(self) -> None:
        """Release the database connections."""
        reader = self.extras.pop("central_reader", None)
        if reader is not None:
            reader.close()  # type: ignore[attr-defined]
        self.database.dispose()


class _LogFile(logging.handlers.RotatingFileHandler):
    """The log file; when it cannot be written (a full disk) the message is dropped, not printed."""

    def handleError(self, record: logging.LogRecord) -> None:
        """A log line that cannot be written must not put a traceback on the user's screen."""


def configure_logging(paths: DataPaths, verbose: bool = False) -> None:
    """Log to a rotating file in the data directory (and to stderr when verbose)."""
    root = logging.getLogger()
    if any(getattr(h, "_inspector", False) for h in root.handlers):
        return
    try:
        paths.logs.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = _LogFile(
            paths.logs / "inspector.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:  # a read-only data directory: the read-only commands still work, unlogged
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._inspector = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose or os.environ.get("INSPECTOR_DEBUG") else logging.INFO)


def build_services(
    data_dir: str | Path | None = None, *, migrate: bool = True, read_only: bool = False
) -> Services:
    """Open the data directory, migrate the database and build the services.

    ``read_only`` (for the commands that only read: status, checks, reports, evidence) opens the
    database without writing it and creates no folders, so they work on a read-only data directory.

    Raises :class:`inspector.models.database.DatabaseProblem` (plain words) for a locked, full
    or corrupt database, :class:`inspector.config.SettingsError` for a broken settings file and
    :class:`inspector.services.checklist_model.TemplateError` (file, line, problem) for a broken
    checklist template: the station refuses to start rather than inspect with a broken checklist.
    """
    paths = data_paths(data_dir)
    if not read_only:
        paths.ensure()
    settings = load_settings(paths.settings_file).with_environment()
    templates = load_templates()
    if any(paths.checklists.glob("*.toml")):
        templates.update(load_templates(paths.checklists))
    database = open_database(paths.database, paths.backups, migrate=migrate, read_only=read_only)
    install_outbox(database.session_factory)
    station = ensure_station(database, settings.warehouse_code, settings.station_code)
    photos = PhotoStore(paths.photos, paths.thumbnails)
    services = Services(
        paths=paths,
        settings=settings,
        database=database,
        users=UserService(database),
        photos=photos,
        station=station,
        templates=templates,
        intake=IntakeService(database, station),
        inspections=InspectionService(database, station, photos, templates),
        grading=GradingService(database, station, templates),
    )
    try:  # made at first start: its public key is registered centrally at the first sync
        services.station_key()
    except OSError as exc:  # a read-only data directory: made when it can be written
        log.warning("The station's signing key cannot be made now (%s)", type(exc).__name__)
    return services
