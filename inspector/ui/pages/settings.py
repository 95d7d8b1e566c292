"""Settings: edit and save the station's configuration, and import announced returns."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDir, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from inspector.config import Settings
from inspector.services.users import PermissionDenied, UserInfo
from inspector.ui.feedback import Feedback
from inspector.ui.import_dialog import ImportDialog, import_available, returns_importer
from inspector.ui.pages.device_pickers import DeviceListers
from inspector.ui.pages.settings_form import SettingsForm, SettingsInvalid
from inspector.ui.tasks import DatabaseWorker
from inspector.ui.widgets import MessageLine, heading, secondary_button

if TYPE_CHECKING:
    from inspector.app import Services


class SettingsPage(QWidget):
    """The settings form with Save, and "Import returns…" (emits ``import_finished``).

    ``listers`` replaces the functions that look for cameras and serial ports (tests).
    """

    saved = Signal(object)
    user_language = ""  # the logged-in person's own language ("" when they follow the station's)
    import_finished = Signal(object)

    def __init__(
        self,
        services: Services,
        worker: DatabaseWorker,
        feedback: Feedback,
        parent: QWidget | None = None,
        listers: DeviceListers | None = None,
        user: UserInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self._services = services
        self._user = user  # only an administrator may save settings or import (the services check)
        self._worker = worker
        self._feedback = feedback
        self.import_dialog: ImportDialog | None = None
        self.form = SettingsForm(listers)
        self.message = MessageLine()
        self.import_button = secondary_button(self.tr("Import returns…"))
        self.import_button.setToolTip(self.tr("Read announced returns from a CSV or JSONL file"))
        self.import_button.clicked.connect(self.choose_import_file)
        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        layout.addWidget(heading(self.tr("Settings")))
        layout.addWidget(self.form, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.form.load(services.settings)

    def save(self) -> bool:
        """Validate and save the form through the services; tells the user what happened."""
        before = self._services.settings
        try:
            settings = self.form.settings()
        except SettingsInvalid as exc:
            self.message.show_error(str(exc))
            self._feedback.error()
            widget = exc.field
            for index in range(self.form.count()):
                if self.form.widget(index).isAncestorOf(widget):
                    self.form.setCurrentIndex(index)
            widget.setFocus()
            return False
        try:
            self._services.save_settings(settings, self.form.central_password.text(), user=self._user)
        except PermissionDenied:
            self.message.show_error(self.tr("Only an administrator may change the settings."))
            self._feedback.error()
            return False
        self.form.load(self._services.settings)
        self.show_saved(before, settings)
        self._feedback.success()
        self.saved.emit(self._services.settings)
        return True

    def show_saved(self, before: Settings, after: Settings) -> None:
        """Say what saving changed and when it applies."""
        self.message.show_info(self._saved_text(before, after))

    def _saved_text(self, before: Settings, after: Settings) -> str:
        notes = [self.tr("Settings saved.")]
        if (before.station_code, before.warehouse_code) != (after.station_code, after.warehouse_code):
            notes.append(self.tr("The new station or warehouse code is used after a restart."))
        if before.language != after.language and self.user_language:
            # The person's own language (People page) wins over the station's.
            notes.append(self.tr("The station's language is for people without a language of their own; "
                                 "you keep yours (set on the People page)."))
        elif (before.language, before.camera, before.scanner) != (after.language, after.camera,
                                                                   after.scanner):
            notes.append(self.tr("Language, camera and scanner settings apply now."))
        return " ".join(notes)

    def choose_import_file(self) -> None:
        """Ask for a CSV or JSONL file of announced returns and import it."""
        if not import_available():
            self.message.show_error(self.tr("Importing returns is not part of this version yet."))
            return
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import returns"),
            QDir.homePath(),
            self.tr("Returns files (*.csv *.jsonl *.ndjson);;All files (*)"),
        )
        if path:
            self.start_import(Path(path))

    def start_import(self, path: Path) -> ImportDialog:
        """Open the import dialog for ``path`` and start the import in the background."""
        dialog = ImportDialog(
            returns_importer(self._services.database), path, self._services.station.warehouse_code,
            self._worker, self,
            user=self._user,
        )
        dialog.finished_import.connect(self._import_done)
        self.import_dialog = dialog
        dialog.open()
        dialog.start()
        return dialog

    def _import_done(self, report: Any) -> None:
        self.import_finished.emit(report)
