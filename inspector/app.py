"""The composition root: builds every service of the application from the configuration.

Nothing else constructs services; the CLI and the GUI receive what they need from here.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from inspector.config import Settings, load_settings, save_settings
from inspector.models.database import Database, open_database
from inspector.paths import DataPaths, data_paths
from inspector.services.access import Action, authorise
from inspector.services.audit import StoredChains
from inspector.services.checklist_model import ChecklistTemplate
from inspector.services.checklists import load_templates
from inspector.services.finishing import GradingService
from inspector.services.inspection import InspectionService
from inspector.services.intake import IntakeService
from inspector.services.outbox import install_outbox
from inspector.services.people import PeopleService
from inspector.services.photo_store import PhotoStore
from inspector.services.signing import SigningKey
from inspector.services.sources import DataSource, SourceKind
from inspector.services.station import StationContext, ensure_station
from inspector.services.users import UserInfo, UserService

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
    people: PeopleService
    extras: dict[str, object] = field(default_factory=dict)

    def station_key(self) -> SigningKey:
        """The station's Ed25519 signing key (made at first start)."""
        key = self.extras.get("station_key")
        if key is None:
            key = self.extras["station_key"] = SigningKey.load_or_create(self.paths.station_key)
        return key  # type: ignore[return-value]

    def save_settings(self, settings: Settings, central_password: str = "", *, user: UserInfo | None) -> None:
        """Persist new settings and use them from now on; only an administrator (``user``) may.

        A central password (given apart, or typed inside the URL) goes to the secret file, never
        into ``settings.toml`` (see :mod:`inspector.sync.secret`).
        """
        authorise(user, Action.SETTINGS, self.database)
        settings = keep_password_apart(self.paths, settings, central_password)
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

    def central_url(self, explicit: str | None = None) -> str:
        """The central database URL to connect with ("" when the station works alone).

        ``explicit`` (the command line's) wins over ``INSPECTOR_CENTRAL_URL`` and the settings; the
        station's password file is named in it (``passfile=``) unless the URL carries a password.
        """
        from inspector.sync.secret import with_passfile
        from inspector.sync.urls import resolve_central_url

        url = resolve_central_url(explicit, self.settings.central_url)
        return with_passfile(url, self.paths.central_secret)

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


def keep_password_apart(paths: DataPaths, settings: Settings, password: str = "") -> Settings:
    """``settings`` without a password in the central URL; the password goes to the secret file.

    ``password`` is one given apart (a Settings field, an enrolment). Settings files of older versions
    that held the password inside the URL are rewritten this way at start.
    """
    from inspector.sync.secret import split_password, store_password

    clean, in_url = split_password(settings.central_url)
    password = password or in_url
    if password and clean:
        store_password(paths.central_secret, clean, password)
    return replace(settings, central_url=clean) if clean != settings.central_url else settings


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
    stored = load_settings(paths.settings_file)
    if not read_only and (apart := keep_password_apart(paths, stored)) != stored:
        save_settings(paths.settings_file, apart)
        log.info("Moved the central password out of settings.toml into %s", paths.central_secret.name)
        stored = apart
    settings = stored.with_environment()
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
        users=UserService(database, station),
        photos=photos,
        station=station,
        templates=templates,
        intake=IntakeService(database, station),
        inspections=InspectionService(database, station, photos, templates),
        grading=GradingService(database, station, templates),
        people=PeopleService(database, station),
    )
    try:  # made at first start: its public key is registered centrally at the first sync
        services.station_key()
    except OSError as exc:  # a read-only data directory: made when it can be written
        log.warning("The station's signing key cannot be made now (%s)", type(exc).__name__)
    return services
