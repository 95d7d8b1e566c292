"""A failed photo is explained in the user's language, not in the camera library's English."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from inspector.scanning.camera_types import CameraUnavailableError
from inspector.ui.language import install_translator
from inspector.ui.station.camera_panel import photo_problem


def test_a_camera_without_picture_is_explained_in_dutch(qapp: QApplication) -> None:
    install_translator(qapp, "nl")
    try:
        text = photo_problem(CameraUnavailableError("no picture from camera 0"))
        assert "camera geeft geen beeld" in text and "no picture" not in text
        assert photo_problem(FileNotFoundError("/x.jpg")) == "het bestand kon niet worden gelezen"
        assert "KeyError" in photo_problem(KeyError("x"))
    finally:
        install_translator(qapp, "en")
    assert photo_problem(CameraUnavailableError("no picture from camera 0")).startswith("the camera gives")
