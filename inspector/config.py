"""Station configuration: one place that reads, validates and writes the settings.

Settings live in ``settings.toml`` in the data directory (see :mod:`inspector.paths`). Environment
variables override the file (``INSPECTOR_CENTRAL_URL``), and the command line overrides both.
The GUI's Settings page edits a :class:`Settings` and saves it through :func:`save_settings`.
"""

from __future__ import annotations

import logging
import os
import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import tomli_w

from inspector.private_files import write_private

log = logging.getLogger(__name__)

CENTRAL_URL_ENV = "INSPECTOR_CENTRAL_URL"
LANGUAGE_ENV = "INSPECTOR_LANGUAGE"


@dataclass(frozen=True)
class ScannerSettings:
    """Keyboard-wedge and serial scanner settings."""

    wedge_enabled: bool = True
    max_key_gap_ms: int = 50
    min_length: int = 4
    terminator: str = "enter"  # "enter", "tab" or "enter_or_tab"
    prefix: str = ""
    suffix: str = ""
    serial_port: str = ""
    serial_baudrate: int = 9600


@dataclass(frozen=True)
class CameraSettings:
    """Which camera to use: a device index, a video file or a stream URL."""

    source: str = "0"
    width: int = 1280
    height: int = 720
    enabled: bool = True
    repeat_suppress_s: float = 2.0
    badge_login: bool = True  # the login screen reads badges with the camera too


@dataclass(frozen=True)
class PrinterSettings:
    """Label output: Qt print dialog, a PDF file, or ZPL to a Zebra printer."""

    label_stock: str = "62x29mm"  # or "4x6in"
    mode: str = "pdf"  # "dialog", "pdf" or "zpl"
    zpl_host: str = ""
    zpl_port: int = 9100


@dataclass(frozen=True)
class Settings:
    """Everything a station can be configured with."""

    station_code: str = "ST-01"
    warehouse_code: str = "NL-AMS"
    language: str = ""  # empty: follow the system
    central_url: str = ""
    sync_interval_s: int = 30
    backups_keep: int = 7  # rolling daily backups of the database kept in backups/
    sounds: bool = True
    scanner: ScannerSettings = field(default_factory=ScannerSettings)
    camera: CameraSettings = field(default_factory=CameraSettings)
    printer: PrinterSettings = field(default_factory=PrinterSettings)

    def with_environment(self, environ: dict[str, str] | None = None) -> Settings:
        """These settings with the environment's overrides applied."""
        env = os.environ if environ is None else environ
        changes: dict[str, Any] = {}
        if env.get(CENTRAL_URL_ENV):
            changes["central_url"] = env[CENTRAL_URL_ENV]
        if env.get(LANGUAGE_ENV):
            changes["language"] = env[LANGUAGE_ENV]
        return replace(self, **changes) if changes else self


_SECTIONS = {"scanner": ScannerSettings, "camera": CameraSettings, "printer": PrinterSettings}


class SettingsError(ValueError):
    """The settings file cannot be read; the message says which file and why."""


def _build(cls: type, raw: dict[str, Any], where: str) -> Any:
    known = {f.name: f for f in fields(cls)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in known:
            log.warning("Ignoring unknown setting %s.%s", where, key)
            continue
        if key in _SECTIONS and isinstance(value, dict):
            values[key] = _build(_SECTIONS[key], value, key)
            continue
        default = getattr(cls(), key)
        if isinstance(default, bool) and not isinstance(value, bool):
            raise SettingsError(f"{where}.{key} must be true or false, not {value!r}")
        if isinstance(default, int | float) and not isinstance(default, bool):
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise SettingsError(f"{where}.{key} must be a number, not {value!r}")
            value = type(default)(value)
        if isinstance(default, str) and not isinstance(value, str):
            raise SettingsError(f"{where}.{key} must be text, not {value!r}")
        values[key] = value
    return cls(**values)


def load_settings(path: Path) -> Settings:
    """Read the settings file; a missing file gives the defaults."""
    if not path.exists():
        return Settings()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: {exc}") from exc
    try:
        return _build(Settings, raw, "settings")
    except SettingsError as exc:
        raise SettingsError(f"{path}: {exc}") from exc


def save_settings(path: Path, settings: Settings) -> None:
    """Write the settings atomically and fsynced, readable by the station's user only (0600).

    A crash never leaves half a file. The central URL is stored as given: callers that may hold a
    password in it (the Settings page, setup) go through ``Services.save_settings``, which moves the
    password into the secret file (:mod:`inspector.sync.secret`) first.
    """
    write_private(path, tomli_w.dumps(asdict(settings)).encode("utf-8"))
