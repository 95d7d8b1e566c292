"""The photo viewer: zoom to 400 % and pan, two photos side by side, full screen, all by keyboard.

Keys: Left/Right previous/next photo, + and - zoom, 0 fit to the window, 1 actual size, S side by
side, F full screen, Esc leaves full screen (or closes). Dragging pans; the mouse wheel zooms.
Each photo's caption says when and where it was taken, its SHA-256, and whether the file still has
the hash recorded at inspection time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPixmap, QResizeEvent, QShowEvent, QWheelEvent
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.services.inspection_detail import PhotoEvidence
from inspector.ui.texts import fill, local_time

MAX_ZOOM = 4.0
MIN_ZOOM = 0.05
ZOOM_STEP = 1.25


class PhotoPane(QGraphicsView):
    """One photo that can be zoomed (``zoom`` 1.0 = 100 %) and panned by dragging."""

    refitted = Signal()  # the pane was resized and fitted its photo again (its zoom changed)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._item)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setBackgroundBrush(Qt.GlobalColor.black)
        self.fitting = True

    def show_file(self, path: str) -> bool:
        """Show an image file; False when it cannot be read."""
        pixmap = QPixmap(path)
        self._item.setPixmap(pixmap)
        self.scene().setSceneRect(self._item.boundingRect())
        self.fit()
        return not pixmap.isNull()

    @property
    def zoom(self) -> float:
        """The current scale: 1.0 shows the photo's pixels one to one."""
        return self.transform().m11()

    def set_zoom(self, zoom: float) -> None:
        """Zoom to ``zoom`` (limited to 5 %..400 %)."""
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self.fitting = False
        self.resetTransform()
        self.scale(zoom, zoom)

    def fit(self) -> None:
        """Show the whole photo in the pane (and keep doing so when the pane is resized)."""
        self.fitting = True
        self.resetTransform()
        if not self._item.pixmap().isNull():
            self.fitInView(self._item, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self.fit()
            self.refitted.emit()


class PhotoViewer(QDialog):
    """Photos of an inspection, one at a time or two side by side."""

    def __init__(self, photos: Sequence[PhotoEvidence], start: int = 0,
                 parent: QWidget | None = None, titles: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        self.titles = dict(titles or {})  # photo tag -> its title in the reader's language
        self.setWindowTitle(self.tr("Photos"))
        self.setObjectName("photoViewer")
        self.photos = list(photos)
        self.index = max(0, min(start, len(self.photos) - 1))
        self.side_by_side = False
        self.panes = [PhotoPane(self), PhotoPane(self)]
        self.captions = [QLabel(), QLabel()]
        columns = QHBoxLayout()
        for pane, caption in zip(self.panes, self.captions, strict=True):
            caption.setWordWrap(True)
            caption.setTextFormat(Qt.TextFormat.PlainText)
            caption.setObjectName("photoCaption")
            column = QVBoxLayout()
            column.addWidget(pane, 1)
            column.addWidget(caption)
            columns.addLayout(column, 1)
        self.zoom_label = QLabel()
        # Two rows of buttons: one row would be cut off on a 1024x768 screen, in Dutch even more.
        moves, zooms = QHBoxLayout(), QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for row, key, text, slot in (
            (moves, "previous", self.tr("← Previous"), self.previous_photo),
            (moves, "next", self.tr("Next →"), self.next_photo),
            (moves, "side", self.tr("S Side by side"), self.toggle_side_by_side),
            (moves, "full", self.tr("F Full screen"), self.toggle_full_screen),
            (moves, "close", self.tr("Esc Close"), self.close),
            (zooms, "zoom_out", self.tr("− Zoom out"), self.zoom_out),
            (zooms, "zoom_in", self.tr("+ Zoom in"), self.zoom_in),
            (zooms, "fit", self.tr("0 Fit"), self.fit),
        ):
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setProperty("secondary", "true")
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        moves.addStretch(1)
        zooms.addWidget(self.zoom_label)
        zooms.addStretch(1)
        bar = QVBoxLayout()
        bar.addLayout(moves)
        bar.addLayout(zooms)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(columns, 1)
        for pane in self.panes:
            pane.viewport().installEventFilter(self)
            pane.refitted.connect(self._show_zoom)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet('QLabel#photoCaption[kind="error"] { color: #b00020; font-weight: bold; }'
                           "QLabel#photoCaption { font-size: 12pt; }"
                           "QPushButton { font-size: 12pt; min-width: 0px; padding: 4px 10px; }")
        self._fit_to_screen()
        self._show()

    def _fit_to_screen(self) -> None:
        """As large as 1200x800 but never larger than the screen (a 1024x768 station's too)."""
        screen = (self.parentWidget() or self).screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else None
        width, height = 1200, 800
        if area is not None:
            width, height = min(width, area.width() - 40), min(height, area.height() - 40)
        self.resize(max(width, self.minimumSizeHint().width()), height)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.setFocus()
        self._show_zoom()

    # --- actions ------------------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        """The zoom of the (first) pane; both panes always share it."""
        return self.panes[0].zoom

    def zoom_in(self) -> None:
        """Zoom in one step (up to 400 %)."""
        self._zoom_to(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        """Zoom out one step."""
        self._zoom_to(self.zoom / ZOOM_STEP)

    def actual_size(self) -> None:
        """Show the photo's pixels one to one."""
        self._zoom_to(1.0)

    def fit(self) -> None:
        """Fit the photos into their panes."""
        for pane in self.panes:
            pane.fit()
        self._show_zoom()

    def next_photo(self) -> None:
        """The next photo (wrapping around)."""
        self._move(1)

    def previous_photo(self) -> None:
        """The previous photo (wrapping around)."""
        self._move(-1)

    def toggle_side_by_side(self) -> None:
        """Show this photo and the next one next to each other, or one photo again."""
        self.side_by_side = not self.side_by_side and len(self.photos) > 1
        self._show()

    def toggle_full_screen(self) -> None:
        """Switch between full screen and a window."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    # --- events -------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        text = event.text().lower()
        actions = {
            Qt.Key.Key_Left: self.previous_photo, Qt.Key.Key_Right: self.next_photo,
            Qt.Key.Key_Plus: self.zoom_in, Qt.Key.Key_Equal: self.zoom_in, Qt.Key.Key_Minus: self.zoom_out,
            Qt.Key.Key_0: self.fit, Qt.Key.Key_1: self.actual_size, Qt.Key.Key_F: self.toggle_full_screen,
            Qt.Key.Key_S: self.toggle_side_by_side,
        }
        action = actions.get(Qt.Key(key)) or {"+": self.zoom_in, "-": self.zoom_out}.get(text)
        if action is not None:
            action()
        elif key == Qt.Key.Key_Escape:
            if self.isFullScreen():
                self.showNormal()
            else:
                self.close()
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QWheelEvent):
            # Both panes zoom together, so a comparison stays a comparison.
            steps = event.angleDelta().y() / 120
            if steps:
                self._zoom_to(self.zoom * ZOOM_STEP**steps)
            return True
        return super().eventFilter(watched, event)

    # --- internals ----------------------------------------------------------------------------------

    def _zoom_to(self, zoom: float) -> None:
        for pane in self.panes:
            pane.set_zoom(zoom)
        self._show_zoom()

    def _move(self, step: int) -> None:
        if self.photos:
            self.index = (self.index + step) % len(self.photos)
            self._show()

    def _show(self) -> None:
        shown = [self.index]
        if self.side_by_side:
            shown.append((self.index + 1) % len(self.photos))
        for n, (pane, caption) in enumerate(zip(self.panes, self.captions, strict=True)):
            visible = n < len(shown) and bool(self.photos)
            pane.setVisible(visible)
            caption.setVisible(visible)
            if visible:
                photo = self.photos[shown[n]]
                readable = pane.show_file(str(photo.path))
                caption.setText(self._caption(shown[n], photo, readable))
                caption.setProperty("kind", "ok" if photo.ok else "error")
                caption.style().unpolish(caption)
                caption.style().polish(caption)
        self.buttons["side"].setEnabled(len(self.photos) > 1)
        self._show_zoom()

    def _caption(self, number: int, photo: PhotoEvidence, readable: bool) -> str:
        title = self.titles.get(photo.tag, photo.tag)
        lines = [fill(self.tr("Photo %1 of %2: %3"), number + 1, len(self.photos), title),
                 fill(self.tr("Taken %1 at station %2"), local_time(photo.taken_at), photo.station_code),
                 # may break every 16 digits (zero-width spaces) on a narrow screen
                 "SHA-256 " + "\u200b".join(photo.sha256[i:i + 16] for i in range(0, len(photo.sha256), 16))]
        if not photo.file_ok:
            lines.append(self.tr("BROKEN EVIDENCE: the file no longer has the SHA-256 recorded when it "
                                 "was taken."))
        elif not photo.recorded:
            lines.append(self.tr("BROKEN EVIDENCE: this photo is not in the audit log."))
        else:
            lines.append(self.tr("Verified: the file is exactly as recorded."))
        if not readable:
            lines.append(self.tr("The file cannot be shown."))
        return "\n".join(lines)

    def _show_zoom(self) -> None:
        self.zoom_label.setText(fill(self.tr("Zoom %1 %"), round(self.zoom * 100)))
