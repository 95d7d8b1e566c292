"""A checklist template rendered exactly as the station shows it (``inspector checklists preview --png``)."""

from __future__ import annotations

import os
from pathlib import Path

from inspector.services.checklist_model import ChecklistTemplate


def render_checklist(template: ChecklistTemplate, language: str, path: Path, width: int = 900) -> Path:
    """Render the station's checklist widget for ``template`` (every question shown) to a PNG file."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from inspector.ui.application import create_qapp, install_translator
    from inspector.ui.station.checklist_view import ChecklistView

    app = create_qapp()
    install_translator(app, language)
    view = ChecklistView()
    view.setObjectName("page")
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    view.load(template, {}, language)
    for widget in view.widgets.values():  # a preview shows the conditional questions too
        widget.setVisible(True)
    view.resize(width, 10)
    view.show()
    QApplication.processEvents()
    view.resize(width, view.sizeHint().height())
    QApplication.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not view.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    view.close()
    return path
