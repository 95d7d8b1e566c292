"""Qt adapters that bring every scan source into one path: the :class:`ScanHub`.

* :class:`WedgeKeyFilter`: an application-wide event filter that recognises keyboard-wedge scanner
  bursts by key timing (see :mod:`inspector.scanning.wedge` for the protocol it implements) and keeps
  them out of the focused text field, while people type normally.
* :class:`SerialBridge`: runs a :class:`~inspector.scanning.serial_scanner.SerialScanner` and
  hands its scans (which arrive on the reader thread) to the GUI thread through a queued signal.
* Typed codes and camera reads are submitted with :meth:`ScanHub.submit`.

A scan belongs to what the user sees: while a modal dialog is open (ours, a file or print dialog, a
message box), the hub gives it to the dialog when the dialog takes scans (its ``takes_scans`` is true:
it has ``take_scan(event)`` and ``take_scan_error(error)``, like the add-extra-item dialog) and
otherwise refuses it with "Scan ignored: close the dialog first." shown in the dialog; the page
behind never sees it. (A camera read is dropped quietly then: the camera sees whatever lies on the
table while the inspector works in a dialog; nobody scanned on purpose.)
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QBoxLayout, QGridLayout, QWidget

from inspector.config import ScannerSettings
from inspector.scanning.events import KEPT_CONTROL_CHARS, ScanError, ScanEvent
from inspector.scanning.serial_scanner import SerialScanner
from inspector.scanning.wedge import FeedResult, KeyAction, WedgeBurstDetector, WedgeConfig
from inspector.ui.widgets import MessageLine

log = logging.getLogger(__name__)

_NAMED_KEYS: dict[int, str] = {
    Qt.Key.Key_Return: "Enter",
    Qt.Key.Key_Enter: "Enter",
    Qt.Key.Key_Tab: "Tab",
    Qt.Key.Key_Backspace: "Backspace",
    Qt.Key.Key_Escape: "Escape",
    Qt.Key.Key_Delete: "Delete",
    Qt.Key.Key_Left: "Left",
    Qt.Key.Key_Right: "Right",
    Qt.Key.Key_Up: "Up",
    Qt.Key.Key_Down: "Down",
}
_KEY_OF_NAME = {"Enter": Qt.Key.Key_Return, "Tab": Qt.Key.Key_Tab, "Backspace": Qt.Key.Key_Backspace,
                "Escape": Qt.Key.Key_Escape}
_MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta,
                  Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock}


REFUSED_SHOWN_MS = 6000
"""How long a dialog shows that it ignored a scan."""


def open_modal_dialog() -> QWidget | None:
    """The modal dialog the user sees now, if any: shown, and over a window that is shown (a dialog
    left over from a window that was closed does not take the station's scans)."""
    dialog = QApplication.activeModalWidget()
    if dialog is None or not dialog.isVisible():
        return None
    owner = dialog.parentWidget()
    if owner is not None and not owner.window().isVisible():
        return None
    return dialog


class ScanHub(QObject):
    """The one path every scan takes: wedge, serial, camera and typed codes all end here.

    While a modal dialog is open, a scan goes to the dialog (see the module docstring), never to
    ``scanned``; ``refused(widget)`` is emitted with the line that says so (for the error sound).
    """

    scanned = Signal(object)  # ScanEvent
    scan_failed = Signal(object)  # ScanError
    refused = Signal(object)  # the QWidget showing "Scan ignored: close the dialog first."

    def submit(self, event: ScanEvent) -> None:
        """Publish a completed scan (to the open modal dialog, if there is one)."""
        log.info("scan from %s: %r (%s)", event.source, event.text[:80], event.symbology or "?")
        dialog = open_modal_dialog()
        if dialog is None:
            self.scanned.emit(event)
            return
        if getattr(dialog, "takes_scans", False):
            dialog.take_scan(event)  # type: ignore[attr-defined]
            return
        log.info("scan ignored: the modal dialog %s is open", type(dialog).__name__)
        if event.source != "camera":  # the camera reads what lies on the table: nobody to tell
            self._refuse(dialog)

    def submit_typed(self, text: str) -> None:
        """Publish a code a person typed into a scan box and confirmed with Enter."""
        text = text.strip()
        if text:
            self.submit(ScanEvent(text=text, source="typed", raw=text))

    def fail(self, error: ScanError) -> None:
        """Publish a scan that was received but rejected (to the open modal dialog, if there is one)."""
        log.warning("scan error from %s: %s", error.source, error.message)
        dialog = open_modal_dialog()
        if dialog is None:
            self.scan_failed.emit(error)
            return
        if getattr(dialog, "takes_scans", False):
            dialog.take_scan_error(error)  # type: ignore[attr-defined]
            return
        if error.source != "camera":
            self._refuse(dialog)

    def _refuse(self, dialog: QWidget) -> None:
        line = refusal_line(dialog)
        line.show_error(QCoreApplication.translate("ScanHub", "Scan ignored: close the dialog first."))
        timer = line.findChild(QTimer, "scanRefusedTimer")
        if timer is None:
            timer = QTimer(line)
            timer.setObjectName("scanRefusedTimer")
            timer.setSingleShot(True)
            timer.timeout.connect(line.clear_message)
        timer.start(REFUSED_SHOWN_MS)
        wanted = dialog.sizeHint().height()
        if dialog.layout() is not None and wanted > dialog.height():
            dialog.resize(dialog.width(), wanted)  # room for the line; never smaller than it was
        self.refused.emit(line)


def refusal_line(dialog: QWidget) -> MessageLine:
    """The line in ``dialog`` that says a scan was ignored: made once, below the dialog's own message
    line (or at the bottom of any dialog, such as Qt's file and print dialogs and message boxes)."""
    for line in dialog.findChildren(MessageLine):
        if line.property("scanRefused"):
            return line
    line = MessageLine(dialog)
    line.setProperty("scanRefused", True)
    layout = dialog.layout()
    own = getattr(dialog, "message", None)
    if isinstance(layout, QBoxLayout):
        index = layout.indexOf(own) if isinstance(own, QWidget) else -1
        layout.insertWidget(index + 1 if index >= 0 else layout.count(), line)
    elif isinstance(layout, QGridLayout):
        layout.addWidget(line, layout.rowCount(), 0, 1, max(1, layout.columnCount()))
    elif layout is not None:
        layout.addWidget(line)
    else:  # no layout: at the top, over the dialog's contents
        line.move(8, 8)
        line.resize(max(200, dialog.width() - 16), line.sizeHint().height())
        line.raise_()
    return line


def wedge_config(settings: ScannerSettings) -> WedgeConfig:
    """The burst detector's configuration from the station's scanner settings."""
    terminators = {"enter": ("Enter",), "tab": ("Tab",)}.get(settings.terminator, ("Enter", "Tab"))
    return WedgeConfig(
        max_gap_ms=float(settings.max_key_gap_ms),
        stall_gap_ms=max(float(settings.max_key_gap_ms), WedgeConfig.stall_gap_ms),
        min_length=settings.min_length,
        terminators=terminators,
        prefix=settings.prefix,
        suffix=settings.suffix,
    )


class WedgeKeyFilter(QObject):
    """Application-wide key filter that turns scanner bursts into :class:`ScanHub` events.

    Timing comes from the key events' window-system timestamps, which stay exact while the GUI thread
    is busy. When the flush timer fires, keys may already be waiting in the event queue (the GUI was
    busy while the scanner kept typing): :meth:`flush_due` delivers them first and only then decides
    that a burst has ended. ``clock`` (monotonic seconds) is injectable so tests can simulate time.
    """

    def __init__(self, hub: ScanHub, config: WedgeConfig, parent: QObject | None = None, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._hub = hub
        self._clock = clock
        self._detector = WedgeBurstDetector(config, clock=clock)
        self._replaying = False
        self._flushing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.flush_due)
        self._target: QObject | None = None
        self._offset_ms = 0.0
        self.timer_due_ms: float | None = None  # when the flush timer fires (``clock`` ms), None: idle

    @property
    def detector(self) -> WedgeBurstDetector:
        """The burst detector (state of the held keys)."""
        return self._detector

    def install(self, app: QCoreApplication) -> None:
        """Start filtering the application's key presses."""
        app.installEventFilter(self)

    def uninstall(self, app: QCoreApplication) -> None:
        """Stop filtering (held keys are delivered)."""
        app.removeEventFilter(self)
        self._replay(self._detector.reset())
        self._timer.stop()
        self.timer_due_ms = None

    def _now_ms(self, event: QKeyEvent) -> float:
        # Window-system timestamps are exact even when the GUI thread was busy, but they count from
        # another origin (X server start, ...) than our monotonic clock. Keep the offset between the
        # two so the flush timer, which only knows our clock, works in the events' time. Synthetic
        # events (remote desktops) carry 0: then our own clock is the best we have.
        mono = self._clock() * 1000.0
        stamp = event.timestamp()
        if not stamp:
            self._offset_ms = 0.0
            return mono
        self._offset_ms = mono - float(stamp)
        return float(stamp)

    def _event_clock_ms(self) -> float:
        """Now, in the time of the last key event's clock."""
        return self._clock() * 1000.0 - self._offset_ms

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Feed key presses of the focused widget to the burst detector."""
        if event.type() != QEvent.Type.KeyPress or self._replaying:
            return False
        focus = QApplication.focusWidget()
        if focus is not None and watched is not focus:
            return False  # the same key propagating to a parent; already seen
        if focus is None and not isinstance(watched, QWindow):
            return False  # no focus widget: the window (seen first) forwards it; already seen
        if not isinstance(event, QKeyEvent) or event.key() in _MODIFIER_KEYS:
            return False
        shortcut = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if shortcut and not (event.text() in KEPT_CONTROL_CHARS and self._detector.pending):
            return False  # shortcuts are never part of a scan (GS sent as Ctrl+] inside one is)
        if event.isAutoRepeat() and not self._detector.pending:
            return False  # a key held down; scanners never start a code that way
        key = _NAMED_KEYS.get(event.key()) or event.text()
        if not key:
            return False
        if self._target is not None and self._target is not watched:
            self._replay(self._detector.reset())  # focus moved: held keys belong to the old widget
        self._target = watched
        result = self._detector.feed(key, self._now_ms(event))
        return self._apply(result, consumes_current=True)

    def flush_due(self) -> None:
        """What the flush timer calls: deliver keys already queued, then end a burst that is over."""
        if self._flushing:
            return
        self._flushing = True
        try:
            # Keys that arrived while the GUI thread was busy wait in the queue with their true
            # timestamps; judging the gap before seeing them splits the scan (issue 14 §2).
            QCoreApplication.processEvents()
        finally:
            self._flushing = False
        self._apply(self._detector.flush(self._event_clock_ms()), consumes_current=False)

    def _apply(self, result: FeedResult, consumes_current: bool) -> bool:
        self._replay(result.replay)
        if result.event is not None:
            self._hub.submit(result.event)
        if result.error is not None:
            self._hub.fail(result.error)
        if result.flush_at_ms is None:
            self._timer.stop()
            self.timer_due_ms = None
        else:
            delay = max(0, int(result.flush_at_ms - self._event_clock_ms()) + 1)
            self._timer.start(delay)
            self.timer_due_ms = self._clock() * 1000.0 + delay
        return consumes_current and result.action in (KeyAction.HOLD, KeyAction.SWALLOW)

    def _replay(self, keys: list[str]) -> None:
        target = self._target if isinstance(self._target, QWidget | QWindow) else QApplication.focusWidget()
        if not keys or target is None:
            return
        self._replaying = True
        try:
            for key in keys:
                if len(key) == 1:
                    code = ord(key.upper()) if key.isascii() and key.isalnum() else 0
                    event = QKeyEvent(QEvent.Type.KeyPress, code, Qt.KeyboardModifier.NoModifier, key)
                else:
                    event = QKeyEvent(QEvent.Type.KeyPress, _KEY_OF_NAME.get(key, 0),
                                      Qt.KeyboardModifier.NoModifier, "")
                QCoreApplication.sendEvent(target, event)
        finally:
            self._replaying = False


class SerialBridge(QObject):
    """Runs a serial scanner and delivers its scans on the GUI thread."""

    _scan = Signal(object)
    _error = Signal(object)

    def __init__(self, hub: ScanHub, port: str, baudrate: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._scan.connect(hub.submit, Qt.ConnectionType.QueuedConnection)
        self._error.connect(hub.fail, Qt.ConnectionType.QueuedConnection)
        self._scanner = SerialScanner(port, baudrate, on_scan=self._scan.emit, on_error=self._error.emit)

    def start(self) -> None:
        """Open the port (reconnecting by itself when it disappears)."""
        self._scanner.start()

    def stop(self) -> None:
        """Close the port and join the reader thread."""
        self._scanner.stop()
