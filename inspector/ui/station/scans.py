"""The scan sources of a session: keyboard-wedge filter, serial scanner, and the one ScanHub.

The camera's scans join the same hub (the main window connects its camera); typed codes are
submitted by the scan boxes. Who handles a scan is the session's business: the login window while
nobody is logged in, else the main window's current screen.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from inspector.config import ScannerSettings
from inspector.ui.scan_input import ScanHub, SerialBridge, WedgeKeyFilter, wedge_config

log = logging.getLogger(__name__)


class StationScanning(QObject):
    """Owns the session's ScanHub, its wedge filter and serial bridge; started and stopped once."""

    def __init__(self, settings: ScannerSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub = ScanHub(self)
        self._settings = settings
        self.wedge: WedgeKeyFilter | None = None
        self.serial: SerialBridge | None = None

    def configure(self, settings: ScannerSettings) -> None:
        """New scanner settings (used from the next :meth:`start`)."""
        self._settings = settings

    def start(self) -> None:
        """Install the wedge filter and open the serial port (when configured)."""
        app = QApplication.instance()
        if self._settings.wedge_enabled and app is not None and self.wedge is None:
            self.wedge = WedgeKeyFilter(self.hub, wedge_config(self._settings), self)
            self.wedge.install(app)
        if self._settings.serial_port and self.serial is None:
            self.serial = SerialBridge(
                self.hub, self._settings.serial_port, self._settings.serial_baudrate, self
            )
            try:
                self.serial.start()
            except Exception:  # a missing port must never stop the station; the bridge reconnects
                log.exception("Could not start the serial scanner on %s", self._settings.serial_port)

    def stop(self) -> None:
        """Remove the wedge filter and close the serial port."""
        app = QApplication.instance()
        if self.wedge is not None and app is not None:
            self.wedge.uninstall(app)
            self.wedge = None
        if self.serial is not None:
            self.serial.stop()
            self.serial = None
