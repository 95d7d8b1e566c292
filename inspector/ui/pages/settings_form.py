"""The fields of the Settings page, grouped in tabs, with validation into a :class:`Settings`."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from inspector.config import CameraSettings, PrinterSettings, ScannerSettings, Settings
from inspector.scanning.camera_types import mask_url
from inspector.sync.urls import central_url_usable
from inspector.ui.pages.device_pickers import CameraPicker, DeviceListers, SerialPortPicker
from inspector.ui.pages.settings_rules import (
    BAUD_RATES,
    CODE_PATTERN,
    LABEL_STOCKS,
    PRINT_MODES,
    TERMINATORS,
    URL_SCHEMES,
    SettingsInvalid,
    camera_source_ok,
    mask_url_password,
)
from inspector.ui.texts import fill, translated
from inspector.ui.widgets import FlowGrid, heading, hint


def _spin(low: int, high: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.lineEdit().setTextMargins(8, 0, 0, 0)  # the style's padding does not reach a spin box's text
    return spin


def _combo(items: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    # As wide as the form gives it, not as its longest choice (the printer tab went off the side at
    # 1024x768); the chosen text is checked to show whole (text_fit).
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    for value, label in items.items():
        combo.addItem(translated("Texts", label) if label else value, value)
    return combo


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index < 0:
        combo.addItem(str(value), value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


class SettingsForm(QTabWidget):
    """Tabs Station / Scanner / Camera / Printer; :meth:`load` and :meth:`settings` convert."""

    def __init__(self, listers: DeviceListers | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = Settings()
        self._listers = listers
        self._whole_placeholder: list[QLineEdit] = []
        self.addTab(self._station_tab(), self.tr("Station"))
        self.addTab(self._scanner_tab(), self.tr("Scanner"))
        self.addTab(self._camera_tab(), self.tr("Camera"))
        self.addTab(self._printer_tab(), self.tr("Printer"))

    def sizeHint(self) -> QSize:
        """No taller than its smallest: the tabs scroll, and the page (which the main window scrolls
        by its preferred height) then fits a 768 px high screen with Save in view."""
        hint = super().sizeHint()
        return QSize(hint.width(), self.minimumSizeHint().height())

    def showEvent(self, event: object) -> None:
        """Fields whose placeholder is an example at least as wide as it, in the shown style."""
        super().showEvent(event)  # type: ignore[arg-type]
        for field in self._whole_placeholder:
            field.ensurePolished()
            field.setMinimumWidth(field.fontMetrics().horizontalAdvance(field.placeholderText()) + 32)

    def _form(self) -> tuple[QWidget, QFormLayout]:
        tab = QWidget()
        form = QFormLayout(tab)
        form.setContentsMargins(20, 12, 20, 12)
        form.setVerticalSpacing(8)
        form.setHorizontalSpacing(24)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return tab, form

    @staticmethod
    def _scrolling(tab: QWidget) -> QScrollArea:
        """Tabs scroll rather than push the window beyond a small screen."""
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(tab)
        return area

    def _station_tab(self) -> QWidget:
        tab, form = self._form()
        self.language = _combo({"": "", "nl": "", "en": ""})
        self.language.setItemText(0, self.tr("Same as the computer"))
        self.language.setItemText(1, "Nederlands")
        self.language.setItemText(2, "English")
        self.station_code = QLineEdit()
        self.warehouse_code = QLineEdit()
        self.central_url = QLineEdit()
        self.central_url.setPlaceholderText("postgresql://user@server/returns")
        # The example address shows whole: on a narrow screen the field goes below its caption.
        self._whole_placeholder.append(self.central_url)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.central_password = QLineEdit()
        self.central_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.central_password.setPlaceholderText(self.tr("unchanged"))
        self.sync_interval = _spin(5, 3600, self.tr(" s"))
        self.sounds = QCheckBox(self.tr("Play a sound after each scan"))
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", hint(self.tr("A new language is used from the next login.")))
        form.addRow(self.tr("Station code"), self.station_code)
        form.addRow(self.tr("Warehouse code"), self.warehouse_code)
        form.addRow(self.tr("Central database"), self.central_url)
        form.addRow(self.tr("Central password"), self.central_password)
        form.addRow("", hint(self.tr("Kept apart from the settings, readable by this computer's user only.")))
        form.addRow(self.tr("Sync every"), self.sync_interval)
        form.addRow(self.tr("Sounds"), self.sounds)
        return self._scrolling(tab)

    def _scanner_tab(self) -> QWidget:
        wedge_tab, wedge = self._form()
        serial_tab, serial = self._form()
        self.wedge_enabled = QCheckBox(self.tr("Scanner types like a keyboard"))
        self.max_key_gap = _spin(5, 200, self.tr(" ms"))
        self.min_length = _spin(1, 64)
        self.prefix = QLineEdit()
        self.suffix = QLineEdit()
        self.terminator = _combo(TERMINATORS)
        self.serial_picker = SerialPortPicker(self._listers)
        self.serial_port = self.serial_picker.combo
        self.baud_rate = _combo({str(rate): "" for rate in BAUD_RATES})
        wedge.addRow(heading(self.tr("Keyboard wedge"), "subheading"))
        wedge.addRow(self.wedge_enabled)
        wedge.addRow(self.tr("Time between keys"), self.max_key_gap)
        wedge.addRow(self.tr("Shortest barcode"), self.min_length)
        wedge.addRow(self.tr("Prefix"), self.prefix)
        wedge.addRow(self.tr("Suffix"), self.suffix)
        wedge.addRow(self.tr("Ends with"), self.terminator)
        serial.addRow(heading(self.tr("Serial scanner"), "subheading"))
        serial.addRow(self.tr("Serial port"), self.serial_picker)
        serial.addRow(self.tr("Baud rate"), self.baud_rate)
        serial.addRow(
            hint(
                self.tr(
                    "A scanner on a (virtual) COM port is not affected by the keyboard layout or Caps Lock."
                )
            )
        )
        # Side by side where both fit, the serial scanner below the wedge on a small screen (1024x768
        # cut the serial column off at the side).
        return self._scrolling(FlowGrid((wedge_tab, serial_tab), 2))

    def _camera_tab(self) -> QWidget:
        tab, form = self._form()
        # Captions above the pickers and narrower resolution fields (4 digits): at 1024x768 the camera
        # row and the resolution row went off the side.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        tab.setStyleSheet("QSpinBox { min-width: 100px; }")
        self.camera_enabled = QCheckBox(self.tr("Use a camera to read barcodes and take photos"))
        self.camera_picker = CameraPicker(self._listers)
        self.camera_source = self.camera_picker.combo
        self.camera_width = self.camera_picker.width_spin
        self.camera_height = self.camera_picker.height_spin
        for spin in (self.camera_width, self.camera_height):
            spin.lineEdit().setTextMargins(8, 0, 0, 0)  # as _spin: the text off the frame's edge
        form.addRow(self.camera_enabled)
        form.addRow(self.tr("Camera"), self.camera_picker)
        form.addRow("", self.camera_picker.status)
        form.addRow(
            "",
            hint(
                self.tr(
                    "A device number (0 is the first camera), a video file, or a "
                    "stream address (rtsp:// or http://)."
                )
            ),
        )
        form.addRow(self.tr("Resolution"), self.camera_picker.size_row)
        return self._scrolling(tab)

    def _printer_tab(self) -> QWidget:
        tab, form = self._form()
        self.label_stock = _combo({stock: "" for stock in LABEL_STOCKS})
        self.print_mode = _combo(PRINT_MODES)
        self.zpl_host = QLineEdit()
        self.zpl_host.setPlaceholderText(self.tr("Printer name or IP address"))
        self.zpl_port = _spin(1, 65535)
        form.addRow(self.tr("Label size"), self.label_stock)
        form.addRow(self.tr("Print labels with"), self.print_mode)
        form.addRow(self.tr("Zebra printer"), self.zpl_host)
        form.addRow(self.tr("Zebra port"), self.zpl_port)
        return self._scrolling(tab)

    def load(self, settings: Settings) -> None:
        """Show ``settings`` on the form (a URL's password is shown as ****)."""
        self._original = settings
        _select(self.language, settings.language if settings.language in ("nl", "en") else "")
        self.station_code.setText(settings.station_code)
        self.warehouse_code.setText(settings.warehouse_code)
        self.central_url.setText(mask_url_password(settings.central_url))
        self.central_password.clear()
        self.sync_interval.setValue(settings.sync_interval_s)
        self.sounds.setChecked(settings.sounds)
        scanner = settings.scanner
        self.wedge_enabled.setChecked(scanner.wedge_enabled)
        self.max_key_gap.setValue(scanner.max_key_gap_ms)
        self.min_length.setValue(scanner.min_length)
        self.prefix.setText(scanner.prefix)
        self.suffix.setText(scanner.suffix)
        _select(self.terminator, scanner.terminator)
        self.serial_picker.set_port(scanner.serial_port)
        _select(self.baud_rate, str(scanner.serial_baudrate))
        camera = settings.camera
        self.camera_enabled.setChecked(camera.enabled)
        self.camera_picker.set_source(camera.source)
        self.camera_picker.set_size(camera.width, camera.height)
        printer = settings.printer
        _select(self.label_stock, printer.label_stock)
        _select(self.print_mode, printer.mode)
        self.zpl_host.setText(printer.zpl_host)
        self.zpl_port.setValue(printer.zpl_port)

    def settings(self) -> Settings:
        """The form's values as Settings; raises :class:`SettingsInvalid` for a value it refuses."""
        original = self._original
        station = self.station_code.text().strip().upper()
        warehouse = self.warehouse_code.text().strip().upper()
        for value, field in ((station, self.station_code), (warehouse, self.warehouse_code)):
            if not CODE_PATTERN.match(value):
                raise SettingsInvalid(
                    self.tr("Codes use letters, digits, - and _ only (at most 32), e.g. ST-01 or NL-AMS."),
                    field,
                )
        url = self.central_url.text().strip()
        if url == mask_url_password(original.central_url):
            url = original.central_url
        elif url and (urlsplit(url).scheme not in URL_SCHEMES or not central_url_usable(url)):
            raise SettingsInvalid(
                self.tr("The central database must be a postgresql:// address, or empty."), self.central_url
            )
        source = self.camera_picker.source()
        if not camera_source_ok(source):
            raise SettingsInvalid(
                fill(
                    self.tr("Camera %1 is not a device number, an existing video file or a stream address."),
                    mask_url(source) or "—",
                ),
                self.camera_source,
            )
        mode = str(self.print_mode.currentData())
        host = self.zpl_host.text().strip()
        if mode == "zpl" and not host:
            raise SettingsInvalid(
                self.tr("Printing to a Zebra printer needs its name or IP address."), self.zpl_host
            )
        return replace(
            original,
            language=str(self.language.currentData()),
            station_code=station,
            warehouse_code=warehouse,
            central_url=url,
            sync_interval_s=self.sync_interval.value(),
            sounds=self.sounds.isChecked(),
            scanner=ScannerSettings(
                wedge_enabled=self.wedge_enabled.isChecked(),
                max_key_gap_ms=self.max_key_gap.value(),
                min_length=self.min_length.value(),
                terminator=str(self.terminator.currentData()),
                prefix=self.prefix.text(),
                suffix=self.suffix.text(),
                serial_port=self.serial_picker.port(),
                serial_baudrate=int(self.baud_rate.currentData()),
            ),
            camera=CameraSettings(
                source=source,
                width=self.camera_width.value(),
                height=self.camera_height.value(),
                enabled=self.camera_enabled.isChecked(),
                repeat_suppress_s=original.camera.repeat_suppress_s,
            ),
            printer=PrinterSettings(
                label_stock=str(self.label_stock.currentData()),
                mode=mode,
                zpl_host=host,
                zpl_port=self.zpl_port.value(),
            ),
        )
