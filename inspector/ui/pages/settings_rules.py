"""What the Settings page accepts: value lists, code and URL rules, and password masking."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,31}$")
URL_SCHEMES = ("postgresql", "postgresql+psycopg", "postgres")
BAUD_RATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
TERMINATORS = {
    "enter": QT_TRANSLATE_NOOP("Texts", "Enter"),
    "tab": QT_TRANSLATE_NOOP("Texts", "Tab"),
    "enter_or_tab": QT_TRANSLATE_NOOP("Texts", "Enter or Tab"),
}
PRINT_MODES = {
    "pdf": QT_TRANSLATE_NOOP("Texts", "Save as PDF"),
    "dialog": QT_TRANSLATE_NOOP("Texts", "Print dialog"),
    "zpl": QT_TRANSLATE_NOOP("Texts", "Zebra printer (ZPL over the network)"),
}
LABEL_STOCKS = ("62x29mm", "4x6in")


class SettingsInvalid(ValueError):
    """A value on the form cannot be saved; ``field`` is the widget to put the cursor in."""

    def __init__(self, message: str, field: QWidget) -> None:
        super().__init__(message)
        self.field = field


def mask_url_password(url: str) -> str:
    """``url`` with its password replaced by ``****``, safe to show on screen."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.password:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit(parts._replace(netloc=f"{user}:****@{host}"))


def camera_source_ok(source: str) -> bool:
    """A device index, a stream address (rtsp/http/https) or an existing video file."""
    if source.isdigit():
        return True
    if urlsplit(source).scheme in ("rtsp", "http", "https"):
        return True
    return bool(source) and Path(source).expanduser().is_file()
