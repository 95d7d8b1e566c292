"""Settings pickers for the camera and the serial scanner: choose from the devices found, or type one.

Searching runs off the GUI thread (:func:`inspector.ui.tasks.run_task`): opening a camera can take
seconds. Tests replace the listing functions with :class:`DeviceListers`, or monkeypatch this
module's ``list_camera_devices``, ``probe_resolutions`` and ``list_serial_ports`` (looked up per search).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QSpinBox, QVBoxLayout, QWidget

from inspector.scanning.camera_devices import CameraDevice, list_camera_devices, probe_resolutions
from inspector.scanning.camera_types import mask_url
from inspector.scanning.serial_scanner import list_serial_ports
from inspector.ui.tasks import run_task
from inspector.ui.texts import fill
from inspector.ui.widgets import hint, secondary_button

FALLBACK_RESOLUTIONS: tuple[tuple[int, int], ...] = ((640, 480), (1280, 720), (1920, 1080))
OTHER_SIZE = ""


@dataclass(frozen=True)
class DeviceListers:
    """The functions that look for devices; ``None`` means this module's (real) one."""

    cameras: Callable[[], list[CameraDevice]] | None = None
    resolutions: Callable[[int], list[tuple[int, int]]] | None = None
    serial_ports: Callable[[], list[str]] | None = None


class DevicePicker(QWidget):
    """An editable combo box of the devices found, a search button and a status line (``status``).

    The first search starts when the picker is first shown; ``search_finished`` follows each one.
    ``narrow`` puts the button and the status line under the combo box (a half-width form);
    otherwise the button is beside it and the caller places ``status``.
    """

    search_finished = Signal()

    def __init__(self, button_text: str, narrow: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.combo.setMinimumContentsLength(8 if narrow else 12)
        self.button = secondary_button(button_text)
        self.button.clicked.connect(self.search)
        self.status = hint("")
        self.status.hide()
        self.searched = False
        row = QHBoxLayout()
        row.addWidget(self.combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        if narrow:
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(self.status)
        else:
            row.addWidget(self.button)

    @property
    def searching(self) -> bool:
        """True while a search runs in the background."""
        return not self.button.isEnabled()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.searched:
            self.search()

    def search(self) -> None:
        """Look for devices in the background (ignored while a search runs)."""
        if self.searching:
            return
        self.searched = True
        self.button.setEnabled(False)
        self._say(self.tr("Searching…"))
        run_task(self._lister(), on_done=self._found, on_error=self._failed)

    def _lister(self) -> Callable[[], list[Any]]:
        raise NotImplementedError

    def _fill(self, items: list[tuple[str, str]]) -> None:
        """Replace the list by ``(text, value)`` items; what the user typed or chose stays."""
        text = self.combo.currentText()
        self.combo.blockSignals(True)
        self.combo.clear()
        for label, value in items:
            self.combo.addItem(label, value)
        self.combo.setCurrentIndex(-1)
        self.combo.setEditText(text)
        self.combo.blockSignals(False)

    def _found(self, devices: list[Any]) -> None:
        self.button.setEnabled(True)
        self._show_found(devices)
        self.search_finished.emit()

    def _show_found(self, devices: list[Any]) -> None:
        raise NotImplementedError

    def _failed(self, _exc: BaseException) -> None:  # a listing that fails finds nothing
        self._found([])

    def _say(self, text: str) -> None:  # the status line, hidden when empty
        self.status.setText(text)
        self.status.setVisible(bool(text))


class CameraPicker(DevicePicker):
    """The camera: found devices (name and number), or a typed video file or stream address.

    ``size_row`` holds the resolution: a list of the sizes the chosen camera offers plus the width and
    height spin boxes, which keep the value that is saved.
    """

    def __init__(self, listers: DeviceListers | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Find cameras"), parent=parent)
        self._listers = listers or DeviceListers()
        self._original = ""
        self._probing: int | None = None
        self._wanted: int | None = None
        self._sizes_of: int | None = None
        self.combo.lineEdit().setPlaceholderText(self.tr("Camera number, video file or stream address"))
        self.combo.currentIndexChanged.connect(self._device_chosen)
        self.combo.lineEdit().editingFinished.connect(self._device_chosen)
        self.resolution = QComboBox()
        self.resolution.setMinimumContentsLength(11)
        self.resolution.activated.connect(self._resolution_chosen)
        self.width_spin = QSpinBox()
        self.width_spin.setRange(160, 7680)
        self.height_spin = QSpinBox()
        self.height_spin.setRange(120, 4320)
        for spin in (self.width_spin, self.height_spin):
            spin.valueChanged.connect(self._match_size)
        self.size_row = QWidget()
        row = QHBoxLayout(self.size_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        row.addWidget(self.resolution)
        row.addSpacing(16)
        row.addWidget(self.width_spin)
        row.addWidget(QLabel("×"))
        row.addWidget(self.height_spin)
        row.addStretch(1)
        self._set_sizes([])

    # --- the source ---------------------------------------------------------------------------------

    def set_source(self, source: str) -> None:
        """Show the stored camera setting (a stream address's password as ***)."""
        self._original = source
        index = self.combo.findData(source) if source.isdigit() else -1
        if index >= 0:
            self.combo.setCurrentIndex(index)
        else:
            self.combo.setCurrentIndex(-1)
            self.combo.setEditText(mask_url(source))
        self._device_chosen()

    def source(self) -> str:
        """The camera setting to save: a found device's number, or the text typed (real password)."""
        text = self.combo.currentText().strip()
        index = self.combo.findText(text)
        if index >= 0 and self.combo.itemData(index):
            return str(self.combo.itemData(index))
        if text and text == mask_url(self._original):
            return self._original
        return text

    def _lister(self) -> Callable[[], list[CameraDevice]]:
        return self._listers.cameras or list_camera_devices

    def _show_found(self, devices: list[CameraDevice]) -> None:
        chosen = self.source()
        self._fill([(fill(self.tr("%1 (camera %2)"), device.name, device.index), device.spec_text)
                    for device in devices])
        index = self.combo.findData(chosen) if chosen.isdigit() else -1
        if index >= 0:
            self.combo.setCurrentIndex(index)
        if devices:
            self._say(fill(self.tr("Cameras found: %1. Choose one, or type a video file or stream address."),
                           len(devices)))
        else:
            self._say(self.tr("No camera found. You can type a video file or stream URL."))
        self._sizes_of = None
        self._device_chosen()

    # --- the resolution -----------------------------------------------------------------------------

    def set_size(self, width: int, height: int) -> None:
        """Show the stored resolution."""
        self.width_spin.setValue(width)
        self.height_spin.setValue(height)
        self._match_size()

    def chosen_size(self) -> tuple[int, int]:
        """The resolution to save: (width, height)."""
        return self.width_spin.value(), self.height_spin.value()

    def _device_chosen(self, _index: int = -1) -> None:
        """Ask the chosen camera which sizes it offers (in the background, one camera at a time)."""
        source = self.source()
        if not source.isdigit() or not self.searched or self.searching:
            self._wanted = self._sizes_of = None
            if self._probing is None:
                self._set_sizes([])
            return
        self._wanted = int(source)
        if self._probing is None and self._sizes_of != self._wanted:
            self._probe(self._wanted)

    def _probe(self, index: int) -> None:
        self._probing = index
        self.resolution.clear()
        self.resolution.addItem(self.tr("Searching…"), OTHER_SIZE)
        self.resolution.setEnabled(False)
        prober = self._listers.resolutions or probe_resolutions
        run_task(prober, index, on_done=self._probed, on_error=self._probe_failed)

    def _probe_failed(self, _exc: BaseException) -> None:
        self._probed([])

    def _probed(self, sizes: list[tuple[int, int]]) -> None:
        probed, self._probing = self._probing, None
        if self._wanted != probed:
            if self._wanted is None:
                self._set_sizes([])
            else:
                self._probe(self._wanted)
            return
        self._sizes_of = self._wanted
        self._set_sizes(sizes)

    def _set_sizes(self, sizes: list[tuple[int, int]]) -> None:
        self.resolution.clear()
        for width, height in sizes or FALLBACK_RESOLUTIONS:
            self.resolution.addItem(f"{width} × {height}", f"{width}x{height}")
        self.resolution.addItem(self.tr("Other size"), OTHER_SIZE)
        self.resolution.setEnabled(True)
        self._match_size()

    def _resolution_chosen(self, index: int) -> None:
        value = str(self.resolution.itemData(index) or "")
        if value:
            width, height = (int(part) for part in value.split("x"))
            self.width_spin.setValue(width)
            self.height_spin.setValue(height)
        else:
            self.width_spin.setFocus()

    def _match_size(self) -> None:
        if not self.resolution.isEnabled():
            return
        index = self.resolution.findData("{}x{}".format(*self.chosen_size()))
        self.resolution.setCurrentIndex(index if index >= 0 else self.resolution.count() - 1)


class SerialPortPicker(DevicePicker):
    """The serial port of a scanner: the ports found (Refresh looks again), or a typed name."""

    def __init__(self, listers: DeviceListers | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Refresh"), narrow=True, parent=parent)
        self._listers = listers or DeviceListers()
        self.combo.lineEdit().setPlaceholderText(self.tr("e.g. COM3"))
        self.button.setToolTip(self.tr("Look for serial ports again"))

    def set_port(self, port: str) -> None:
        """Show the stored port."""
        self.combo.setCurrentIndex(self.combo.findText(port) if port else -1)
        self.combo.setEditText(port)

    def port(self) -> str:
        """The port to save."""
        return self.combo.currentText().strip()

    def _lister(self) -> Callable[[], list[str]]:
        return self._listers.serial_ports or list_serial_ports

    def _show_found(self, ports: list[str]) -> None:
        self._fill([(port, port) for port in ports])
        index = self.combo.findText(self.port())
        if index >= 0:
            self.combo.setCurrentIndex(index)
        if ports:
            self._say(fill(self.tr("Serial ports found: %1."), len(ports)))
        else:
            self._say(self.tr("No serial port found. Connect the scanner and press Refresh, or type it."))
