"""Keyboard focus after dialogs, with or without a window manager.

Kiosk stations run a bare X server: nobody activates a window there. When a dialog (file dialog,
evidence pack, override, photo viewer) closes, the window under it would stay inactive, and F1–F4,
Ctrl+L and the wedge scanner's keys would go nowhere until somebody clicks. :func:`keep_focus`
installs one application-wide filter that, after any window of ours is hidden, activates the window
that should have the keyboard now (the open modal dialog, else the hidden window's parent, else the
main window), which gives focus back to the widget that had it; and activates a dialog when it is
shown, so a non-modal one (the photo viewer) opens with the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget
from shiboken6 import isValid

_IGNORED = (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen, Qt.WindowType.SubWindow)
_keeper: FocusKeeper | None = None


class FocusKeeper(QObject):
    """The application-wide filter behind :func:`keep_focus`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._parents: list[QWidget] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.Hide, QEvent.Type.Show) or not isinstance(watched, QWidget):
            return False
        if not watched.isWindow() or watched.windowType() in _IGNORED:
            return False
        if kind == QEvent.Type.Show:
            if isinstance(watched, QDialog):
                QTimer.singleShot(0, lambda w=watched: self._activate_shown(w))
            return False
        parent = watched.parentWidget()
        if parent is not None:
            self._parents.append(parent.window())
        QTimer.singleShot(0, self.restore)
        return False

    def _activate_shown(self, dialog: QWidget) -> None:
        if isValid(dialog) and dialog.isVisible() and QApplication.activeWindow() is not dialog:
            dialog.activateWindow()
            _raise(dialog)

    def restore(self) -> None:
        """Give the keyboard to the window that should have it, when no visible window has it."""
        parents, self._parents = self._parents, []
        active = QApplication.activeWindow()
        if active is not None and active.isVisible():
            return
        target = QApplication.activeModalWidget()
        if target is None:
            target = next((p for p in reversed(parents) if isValid(p) and p.isVisible()), None)
        if target is None:
            windows = [w for w in QApplication.topLevelWidgets()
                       if isValid(w) and w.isVisible() and w.windowType() not in _IGNORED]
            target = next((w for w in windows if isinstance(w, QMainWindow)), windows[0] if windows else None)
        if target is None:
            return
        target.activateWindow()
        _raise(target)
        if target.focusWidget() is None:
            target.focusNextChild()


def _raise(window: QWidget) -> None:
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        window.raise_()


def keep_focus(app: QApplication | None = None) -> FocusKeeper | None:
    """Install the focus keeper on the application (once); returns it."""
    global _keeper
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication):
        return None
    if _keeper is None or not isValid(_keeper):
        _keeper = FocusKeeper(app)
        app.installEventFilter(_keeper)
    return _keeper
