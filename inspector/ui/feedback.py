"""What the user hears and sees after a scan: a success or error sound, and a colour flash.

Sounds play through QtMultimedia's QSoundEffect when it loads (it needs PulseAudio or PipeWire
libraries on Linux); otherwise the app falls back to ``QApplication.beep()`` and never fails.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLoggingCategory, QObject, QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from inspector.paths import resources_dir

log = logging.getLogger(__name__)

FLASH_MS = 450
HEADLESS_PLATFORMS = ("offscreen", "minimal")


def _repolish(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def flash(widget: QWidget, kind: str) -> None:
    """Pulse ``widget``'s background green (``"ok"``) or red (``"error"``) for a moment."""
    widget.setProperty("flash", kind)
    _repolish(widget)

    def clear() -> None:
        try:
            widget.setProperty("flash", "")
            _repolish(widget)
        except RuntimeError:  # the widget was deleted meanwhile
            pass

    QTimer.singleShot(FLASH_MS, widget, clear)


class Feedback(QObject):
    """Success and error signals for the person at the station (sound plus flash)."""

    def __init__(self, sounds_enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sounds_enabled = sounds_enabled
        self._effects: dict[str, object] | None = None
        self.last_played: str | None = None

    def _load_effects(self) -> dict[str, object]:
        if self._effects is not None:
            return self._effects
        self._effects = {}
        if QGuiApplication.platformName() in HEADLESS_PLATFORMS:
            return self._effects  # no audio device behind an offscreen screen
        # Missing optional codec libraries are normal on a station PC: keep them out of the log.
        QLoggingCategory.setFilterRules(
            "qt.multimedia.symbolsresolver=false\nqt.multimedia.ffmpeg.info=false"
        )
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError as exc:  # libpulse0 missing and the like
            log.info("No QtMultimedia, using the system beep: %s", exc)
            return self._effects
        if not QMediaDevices.audioOutputs():
            log.info("No audio output device, using the system beep")
            return self._effects
        for kind in ("success", "error"):
            path = resources_dir() / "sounds" / f"{kind}.wav"
            if path.exists():
                effect = QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(path)))
                effect.setVolume(0.9)
                self._effects[kind] = effect
        return self._effects

    def _play(self, kind: str) -> None:
        self.last_played = kind
        if not self.sounds_enabled:
            return
        effect = self._load_effects().get(kind)
        try:
            if effect is not None:
                effect.play()  # type: ignore[attr-defined]
                return
        except Exception:  # a broken audio backend must never stop a scan
            log.exception("Could not play the %s sound", kind)
        QApplication.beep()

    def success(self, widget: QWidget | None = None) -> None:
        """The scan or action worked: a short high beep and a green flash."""
        self._play("success")
        if widget is not None:
            flash(widget, "ok")

    def error(self, widget: QWidget | None = None) -> None:
        """The scan or action was refused: a low double beep and a red flash."""
        self._play("error")
        if widget is not None:
            flash(widget, "error")
