"""The camera preview: a widget that paints the latest frame on a timer, and its controller.

:class:`CameraController` owns a :class:`~inspector.scanning.camera.CameraSource` and a
:class:`~inspector.scanning.camera.CameraDecodeWorker`. Their callbacks arrive on worker threads;
the controller only emits signals there, delivered to the GUI thread through queued connections.
:class:`CameraView` never waits for the camera: a timer (60 Hz by default) looks at the newest
frame and decode result and repaints only when the frame changed, like an audio level meter.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Sequence

import cv2
import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRect, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from inspector.scanning.camera import (
    AIM_AREA,
    DEFAULT_RETRY_DELAYS,
    AimArea,
    CameraDecodeWorker,
    CameraSource,
    CameraSpec,
    CameraState,
    CameraStatus,
    CodeConsensus,
    CodeOverlay,
    Frame,
    FrameDecoder,
    in_aim,
)
from inspector.scanning.events import ScanError, ScanEvent

log = logging.getLogger(__name__)

OVERLAY_COLOR = QColor(0, 230, 64)  # outline of a decoded code in the aim area
OUTSIDE_COLOR = QColor(170, 170, 170)  # a code outside the aim area (shown, never scanned)
AMBIGUOUS_COLOR = QColor(255, 150, 0)  # several codes in the aim area: none is taken
AIM_COLOR = QColor(255, 255, 255, 200)
SCANNED_HOLD_S = 1.0  # the frame around a code just scanned stays this long
BACKGROUND_COLOR = QColor(24, 24, 24)
OVERLAY_MAX_AGE_S = 0.6  # decode results older than this are not drawn (the code may have moved)


def status_text(state: str) -> str:
    """The operator's words for a camera state (translated)."""
    texts = {
        CameraState.OPENING: QCoreApplication.translate("CameraView", "Opening camera…"),
        CameraState.LIVE: "",
        CameraState.NO_CAMERA: QCoreApplication.translate("CameraView", "No camera found — retrying…"),
        CameraState.DISCONNECTED: QCoreApplication.translate(
            "CameraView", "Camera disconnected — reconnecting…"
        ),
        CameraState.RECONNECTING: QCoreApplication.translate(
            "CameraView", "Camera disconnected — reconnecting…"
        ),
        CameraState.END_OF_FILE: QCoreApplication.translate("CameraView", "End of the video"),
        CameraState.STOPPED: QCoreApplication.translate("CameraView", "Camera off"),
    }
    try:
        return texts[CameraState(state)]
    except ValueError:
        return state


class CameraController(QObject):
    """Runs one camera source and its decode worker; reports scans and status on the GUI thread.

    Signals:
        scanned(ScanEvent): a code in the aim area was read (source ``"camera"``), once per code in view.
        scan_failed(ScanError): several codes in the aim area at once (``code="ambiguous"``).
        status_changed(str, str): the :class:`CameraState` value and the translated message.
    """

    scanned = Signal(object)
    scan_failed = Signal(object)
    status_changed = Signal(str, str)
    _scan_from_worker = Signal(object)
    _error_from_worker = Signal(object)
    _status_from_worker = Signal(object)

    def __init__(
        self,
        spec: CameraSpec | str,
        width: int = 1280,
        height: int = 720,
        *,
        repeat_suppress_s: float = 2.0,
        decoder: FrameDecoder | None = None,
        consensus: CodeConsensus | None = None,
        loop: bool = True,
        retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
        aim: AimArea | None = AIM_AREA,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.aim = aim
        self._scan_from_worker.connect(self._deliver_scan, Qt.ConnectionType.QueuedConnection)
        self._error_from_worker.connect(self.scan_failed, Qt.ConnectionType.QueuedConnection)
        self._status_from_worker.connect(self._deliver_status, Qt.ConnectionType.QueuedConnection)
        self._repeat_suppress_s = repeat_suppress_s
        self._decoder = decoder
        self._consensus = consensus
        self._loop = loop
        self._retry_delays = tuple(retry_delays)
        self._status = CameraStatus(CameraState.STOPPED, "not started")
        self.source: CameraSource
        self.worker: CameraDecodeWorker
        self._build(spec, width, height)

    def _build(self, spec: CameraSpec | str, width: int, height: int) -> None:
        self.source = CameraSource(
            spec, width, height, self._status_callback, loop=self._loop, retry_delays=self._retry_delays
        )
        self.worker = CameraDecodeWorker(
            self.source,
            self._decoder,
            self._consensus,
            on_scan=self._scan_callback,
            repeat_suppress_s=self._repeat_suppress_s,
            on_error=self._error_callback,
            aim=self.aim,
        )

    # -- worker-thread callbacks: emit only ---------------------------------------------------

    def _status_callback(self, status: CameraStatus) -> None:
        with contextlib.suppress(RuntimeError):  # the controller was deleted while a thread finished
            self._status_from_worker.emit(status)

    def _scan_callback(self, event: ScanEvent) -> None:
        with contextlib.suppress(RuntimeError):
            self._scan_from_worker.emit(event)

    def _error_callback(self, error: ScanError) -> None:
        with contextlib.suppress(RuntimeError):
            self._error_from_worker.emit(error)

    # -- GUI thread ---------------------------------------------------------------------------

    @Slot(object)
    def _deliver_scan(self, event: ScanEvent) -> None:
        self.scanned.emit(event)

    @Slot(object)
    def _deliver_status(self, status: CameraStatus) -> None:
        self._status = status
        self.status_changed.emit(status.state.value, status_text(status.state))

    @property
    def status(self) -> CameraStatus:
        """The last status delivered on the GUI thread."""
        return self._status

    def start(self) -> None:
        """Start capturing and decoding."""
        self.source.start()
        self.worker.start()

    def stop(self, timeout: float = 2.0) -> bool:
        """Stop the decode worker, then the capture thread (which releases the camera); join both.

        True when both ended within ``timeout`` seconds.
        """
        deadline = time.monotonic() + timeout
        worker_done = self.worker.stop(timeout)
        source_done = self.source.stop(max(0.1, deadline - time.monotonic()))
        return worker_done and source_done

    def set_source(self, spec: CameraSpec | str, width: int = 1280, height: int = 720) -> None:
        """Switch to another camera or resolution (from Settings); restarts when running."""
        running = self.source.running
        self.stop()
        self._build(spec, width, height)
        if running:
            self.start()

    @property
    def running(self) -> bool:
        """True while the capture thread runs."""
        return self.source.running

    def latest_frame(self) -> Frame | None:
        """The newest captured frame (read-only image, safe to keep)."""
        return self.source.latest_frame()

    def latest_overlay(self) -> CodeOverlay | None:
        """The decode result of the most recently decoded frame."""
        return self.worker.latest_overlay()

    def capture_still(self, timeout: float = 1.0) -> np.ndarray:
        """A writable copy of the newest full-resolution frame (for inspection photos)."""
        return self.source.capture_still(timeout)


class CameraView(QWidget):
    """Paints the controller's latest frame and code outlines, or the camera's status.

    A timer polls the controller at ``poll_hz`` Hz and repaints only when a new frame or decode
    result arrived. Frames are scaled to fit, keeping their aspect ratio. Closing the window that holds
    the view stops the controller (``stop_on_close``).
    """

    def __init__(
        self,
        controller: CameraController | None = None,
        parent: QWidget | None = None,
        *,
        poll_hz: int = 60,
        stop_on_close: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(160, 120)
        self.stop_on_close = stop_on_close
        self._controller: CameraController | None = None
        self._image: QImage | None = None
        self._image_rect = QRect()
        self._frame_seq = 0
        self._frame_size = (0, 0)
        self._overlay: CodeOverlay | None = None
        self._scanned: CodeOverlay | None = None  # the last result that gave a scan (framed for a while)
        self._painted_seq = 0
        self._state = CameraState.STOPPED.value
        self._message = status_text(CameraState.STOPPED)
        self._watched_window: QWidget | None = None
        self.frames_painted = 0
        self._timer = QTimer(self)
        # Polling faster than the camera delivers keeps every frame; a tick without a new frame is free.
        self._timer.setInterval(max(1, round(1000 / poll_hz)))
        self._timer.timeout.connect(self._tick)
        if controller is not None:
            self.set_controller(controller)

    # -- wiring -------------------------------------------------------------------------------

    def set_controller(self, controller: CameraController | None) -> None:
        """Show ``controller``'s camera (None: show nothing)."""
        if self._controller is not None:
            self._controller.status_changed.disconnect(self._on_status)
        self._controller = controller
        self._image = None
        self._frame_seq = 0
        self._overlay = None
        if controller is not None:
            controller.status_changed.connect(self._on_status)
            self._on_status(controller.status.state.value, status_text(controller.status.state))
        self.update()

    @property
    def controller(self) -> CameraController | None:
        """The controller shown."""
        return self._controller

    @property
    def state(self) -> str:
        """The camera state last reported (a :class:`CameraState` value)."""
        return self._state

    @property
    def message(self) -> str:
        """The status text shown over the dark background ("" while live)."""
        return self._message

    @Slot(str, str)
    def _on_status(self, state: str, message: str) -> None:
        self._state, self._message = state, message
        self.update()

    # -- timer --------------------------------------------------------------------------------

    def showEvent(self, event: QEvent) -> None:
        """Start the paint timer and watch the window for closing."""
        super().showEvent(event)
        self._timer.start()
        window = self.window()
        if self.stop_on_close and window is not self._watched_window:
            if self._watched_window is not None:
                self._watched_window.removeEventFilter(self)
            window.installEventFilter(self)
            self._watched_window = window

    def hideEvent(self, event: QEvent) -> None:
        """Stop the paint timer while hidden."""
        self._timer.stop()
        super().hideEvent(event)

    def closeEvent(self, event: QEvent) -> None:
        """Closing the view as a window stops the camera."""
        if self.stop_on_close and self._controller is not None:
            self._controller.stop()
        super().closeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Stop the camera when the window holding this view closes."""
        if (
            watched is self._watched_window
            and watched is not self
            and event.type() == QEvent.Type.Close
            and self._controller is not None
        ):
            self._controller.stop()
        return False

    @Slot()
    def _tick(self) -> None:
        controller = self._controller
        if controller is None:
            return
        frame = controller.latest_frame()
        overlay = controller.latest_overlay()
        changed = False
        if frame is not None and frame.seq != self._frame_seq:
            self._set_frame(frame)
            changed = True
        if overlay is not self._overlay:
            had_codes = bool(self._overlay and self._overlay.codes)
            self._overlay = overlay
            changed = changed or had_codes or bool(overlay and overlay.codes)
            if overlay is not None and overlay.scanned:
                self._scanned = overlay
        if self._scanned is not None and time.monotonic() - self._scanned.at > SCANNED_HOLD_S:
            self._scanned = None
            changed = True
        if changed:
            self.update()

    def _target_rect(self, size: tuple[int, int]) -> QRect:
        width, height = size
        if width <= 0 or height <= 0:
            return QRect()
        scale = min(self.width() / width, self.height() / height)
        w, h = max(1, round(width * scale)), max(1, round(height * scale))
        return QRect((self.width() - w) // 2, (self.height() - h) // 2, w, h)

    def _set_frame(self, frame: Frame) -> None:
        """Scale the frame to its on-screen size with OpenCV and keep a QImage that owns its pixels."""
        self._frame_seq = frame.seq
        self._frame_size = frame.size
        rect = self._target_rect(frame.size)
        if rect.isEmpty():
            return
        ratio = self.devicePixelRatioF()
        w, h = max(1, round(rect.width() * ratio)), max(1, round(rect.height() * ratio))
        image = frame.image
        if (w, h) != frame.size:
            # INTER_LINEAR: INTER_AREA costs 5x more at non-integer ratios, too much for the GUI thread
            image = cv2.resize(image, (w, h), interpolation=cv2.INTER_LINEAR)
        # 32-bit BGRX is QImage.Format_RGB32 in memory: painting is then a plain blit, no conversion.
        code = cv2.COLOR_GRAY2BGRA if image.ndim == 2 else cv2.COLOR_BGR2BGRA
        image = cv2.cvtColor(image, code)
        # .copy(): the QImage must own its pixels, not borrow the numpy buffer.
        self._image = QImage(
            image.data, image.shape[1], image.shape[0], image.strides[0], QImage.Format.Format_RGB32
        ).copy()
        self._image.setDevicePixelRatio(ratio)
        self._image_rect = rect

    def resizeEvent(self, event: QEvent) -> None:
        """Rescale the current frame at the next tick."""
        super().resizeEvent(event)
        self._frame_seq = 0

    # -- painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """Frame and overlays while live, otherwise the status text over a dark background."""
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), BACKGROUND_COLOR)
            live = self._state == CameraState.LIVE.value or (
                self._state == CameraState.END_OF_FILE.value and self._image is not None
            )
            if live and self._image is not None:
                painter.drawImage(self._image_rect.topLeft(), self._image)
                if self._frame_seq != self._painted_seq:
                    self._painted_seq = self._frame_seq
                    self.frames_painted += 1
                self._paint_overlay(painter)
            if self._message and self._state != CameraState.LIVE.value:
                self._paint_message(painter)
        finally:
            painter.end()

    @property
    def scanned_frame_shown(self) -> bool:
        """True while the frame around the code last scanned is drawn."""
        return self._scanned is not None

    def _map(self, points: Sequence[tuple[int, int]], frame_size: tuple[int, int]) -> list[QPointF]:
        rect = self._image_rect
        sx, sy = rect.width() / frame_size[0], rect.height() / frame_size[1]
        return [QPointF(rect.x() + x * sx, rect.y() + y * sy) for x, y in points]

    def _paint_aim(self, painter: QPainter) -> None:
        """Corner marks around the aim area: codes are taken only there."""
        aim = self._controller.aim if self._controller is not None else None
        if aim is None or self._image_rect.isEmpty():
            return
        rect = self._image_rect
        x0, y0 = rect.x() + aim[0] * rect.width(), rect.y() + aim[1] * rect.height()
        x1, y1 = rect.x() + aim[2] * rect.width(), rect.y() + aim[3] * rect.height()
        arm = max(12.0, min(x1 - x0, y1 - y0) / 8)
        painter.setPen(QPen(AIM_COLOR, 3))
        for cx, cy, dx, dy in ((x0, y0, 1, 1), (x1, y0, -1, 1), (x0, y1, 1, -1), (x1, y1, -1, -1)):
            painter.drawLine(QPointF(cx, cy), QPointF(cx + dx * arm, cy))
            painter.drawLine(QPointF(cx, cy), QPointF(cx, cy + dy * arm))

    def _paint_overlay(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_aim(painter)
        overlay = self._overlay
        if overlay is not None and overlay.codes and overlay.frame_size == self._frame_size and (
            time.monotonic() - overlay.at <= OVERLAY_MAX_AGE_S
        ):
            for code in overlay.codes:
                inside = in_aim(code, overlay.frame_size, overlay.aim)
                color = (AMBIGUOUS_COLOR if overlay.ambiguous else OVERLAY_COLOR) if inside else OUTSIDE_COLOR
                self._paint_code(painter, code.points, overlay.frame_size, color, 3, code.text)
        scanned = self._scanned
        if scanned is not None and scanned.frame_size == self._frame_size:
            for code in scanned.scanned:  # the code just scanned: a thick frame for a second
                self._paint_code(painter, code.points, scanned.frame_size, OVERLAY_COLOR, 7, "")

    def _paint_code(self, painter: QPainter, points_in_frame: Sequence[tuple[int, int]],
                    frame_size: tuple[int, int], color: QColor, width: int, text: str) -> None:
        points = self._map(points_in_frame, frame_size)
        if len(points) < 2:
            return
        painter.setPen(QPen(color, width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolygon(QPolygonF(points))
        if not text:
            return
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        label = text if len(text) <= 40 else text[:39] + "…"
        label = label.replace("\r", " ").replace("\n", " ").replace("\x1d", " ")
        top = min(points, key=lambda p: p.y())
        metrics = painter.fontMetrics()
        box = QRectF(top.x(), top.y() - metrics.height() - 6, metrics.horizontalAdvance(label) + 8,
                     metrics.height() + 4)
        painter.fillRect(box, color)
        painter.setPen(QColor(0, 0, 0))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_message(self, painter: QPainter) -> None:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.3)
        painter.setFont(font)
        painter.setPen(QColor(235, 235, 235))
        painter.drawText(
            self.rect().adjusted(12, 12, -12, -12),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            self._message,
        )


def scan_camera_view(controller: CameraController | None, parent: QWidget | None = None) -> CameraView | None:
    """The live preview for a screen that expects a scan (None without a camera).

    It shows the aim area (codes are taken only there), outlines the codes it sees and frames the code
    just scanned; the scan itself goes through the session's ScanHub like any other. The view never
    stops the shared camera when its window closes: the main window starts and stops it.
    """
    if controller is None:
        return None
    view = CameraView(controller, parent, stop_on_close=False)
    view.setObjectName("scanCamera")
    view.setMinimumSize(320, 180)
    view.setToolTip(QCoreApplication.translate("CameraView", "Hold the code inside the corner marks"))
    return view
