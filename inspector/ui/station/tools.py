"""What every screen of the station needs, passed in once: services, user, feedback, worker, camera."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale

from inspector.services.users import UserInfo
from inspector.ui.feedback import Feedback
from inspector.ui.tasks import DatabaseWorker

if TYPE_CHECKING:
    from inspector.app import Services
    from inspector.ui.camera_view import CameraController
    from inspector.ui.station.saving import SaveQueue


@dataclass
class Workbench:
    """The collaborators of the station's screens (built by the main window)."""

    services: Services
    user: UserInfo
    feedback: Feedback
    worker: DatabaseWorker
    camera: CameraController | None = None

    @property
    def saves(self) -> SaveQueue:
        """The queue every inspection step is saved through (held and retried on database trouble)."""
        queue = self.__dict__.get("_saves")
        if queue is None:
            from inspector.ui.station.saving import SaveQueue

            queue = self.__dict__["_saves"] = SaveQueue(self.worker)
        return queue

    @property
    def language(self) -> str:
        """'nl' or 'en': the language the translator was installed for (checklist texts follow it)."""
        return "nl" if QLocale().language() == QLocale.Language.Dutch else "en"

    @property
    def station_code(self) -> str:
        """This station's code, e.g. ST-01."""
        return self.services.station.station_code
