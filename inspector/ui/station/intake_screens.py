"""The screens of the intake page, by number, and what the return screen's actions need of the page.

Kept apart so that :mod:`inspector.ui.station.return_actions` need not import the intake page (which
imports it): no import circle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from inspector.services.return_summary import ReturnSummary
    from inspector.ui.station.inspection_screen import InspectionScreen
    from inspector.ui.station.return_screen import ReturnScreen
    from inspector.ui.station.tools import Workbench
    from inspector.ui.widgets import ScreenStack

SCAN, CHOOSE, UNKNOWN, RETURN, INSPECT = range(5)


class IntakeScreens(Protocol):
    """The part of the intake page the return screen's actions use."""

    bench: Workbench
    scanned_code: str
    stack: ScreenStack
    return_screen: ReturnScreen
    inspection: InspectionScreen

    def open_return(self, summary: ReturnSummary, known: tuple | None = ()) -> None:  # type: ignore[type-arg]
        """Show the return screen for ``summary``."""

    def window(self) -> QWidget:
        """The window the page is in (the parent of dialogs)."""
