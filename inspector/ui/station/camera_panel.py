"""The camera panel of an inspection: live preview, which shots are needed, capture, thumbnails.

A capture (button or Space) takes the camera's newest full-resolution frame, encodes it as JPEG
(quality 92) in the background and stores it through the inspection service on the database
worker. Without a camera, "Import photo from file…" still works.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import cv2
import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPalette, QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFileDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from inspector.scanning.camera_types import CameraUnavailableError
from inspector.services.checklist_model import ChecklistTemplate
from inspector.services.inspection import PhotoInfo
from inspector.ui.camera_view import CameraController, CameraView
from inspector.ui.station.tools import Workbench
from inspector.ui.tasks import run_task
from inspector.ui.text_fit import item_text_fit
from inspector.ui.texts import fill
from inspector.ui.widgets import secondary_button

JPEG_QUALITY = 92
OTHER_TAG = "other"


def capture_jpeg(camera: CameraController) -> bytes:
    """The camera's newest frame as JPEG bytes (background work: may wait for a frame)."""
    return encode_jpeg(camera.capture_still())


def encode_jpeg(image: np.ndarray) -> bytes:
    """A BGR (or grey) image as JPEG bytes at :data:`JPEG_QUALITY`."""
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        raise ValueError("the picture could not be encoded as JPEG")
    return data.tobytes()


def photo_problem(exc: BaseException) -> str:
    """Why a photo failed, in the user's language (never the library's English words)."""
    if isinstance(exc, CameraUnavailableError):
        return QCoreApplication.translate(
            "CameraPanel",
            "the camera gives no picture (is it connected, and not in use by another program?)",
        )
    if isinstance(exc, OSError):
        return QCoreApplication.translate("CameraPanel", "the file could not be read")
    if isinstance(exc, ValueError):
        return QCoreApplication.translate("CameraPanel", "the picture could not be read")
    return fill(QCoreApplication.translate("CameraPanel", "an unexpected problem (%1)"), type(exc).__name__)


CAPTION_LINES = 2
"""Lines of caption under a thumbnail ("Close-up van vlek, / slijtage of schade")."""


class ThumbnailStrip(QListWidget):
    """The photos taken, side by side, each with its caption in up to CAPTION_LINES lines under it
    (never "Voorkan…"). Sizes follow the font the style sheet gives the strip, whenever it changes:
    the strip is built before the window is shown and styled, and shrinks on a small screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thumbnails")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        # the newest photo is scrolled into view; the wheel scrolls the rest: no bar taking a row of height
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def set_icon_size(self, icon: QSize) -> None:
        """Thumbnails of ``icon`` size."""
        self.setIconSize(icon)
        self.fit()

    def add(self, item: QListWidgetItem) -> None:
        """Show ``item`` (a photo with its caption) at the end, sized for its caption."""
        self.addItem(item)
        self._size_item(item)

    def _item_height(self) -> int:
        return self.iconSize().height() + self.fontMetrics().lineSpacing() * CAPTION_LINES + 16

    def fit(self) -> None:
        """Height for a thumbnail with its caption lines; each item's width."""
        self.setFixedHeight(self._item_height() + 2 * self.frameWidth() + 4)
        for row in range(self.count()):
            self._size_item(self.item(row))

    def _size_item(self, item: QListWidgetItem) -> None:
        """As wide as the style needs to show the caption in CAPTION_LINES lines (measured the way the
        style draws it: its text rectangle less its margins)."""
        index = self.indexFromItem(item)
        height = self._item_height()
        width = self.iconSize().width() + 16
        while width < 480:
            need, room = item_text_fit(self, index, QRect(0, 0, width, height))
            if need.width() <= room.width() and need.height() <= room.height():
                break
            width += 8
        item.setSizeHint(QSize(width, height))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()


class ShotChooser(QComboBox):
    """A combo box that shows its chosen shot name on as many lines as the name needs.

    In the compact camera column (300 px at 1024x768) one line held 193 px of names up to 369 px
    ('Fotografeer de geactiveerde vochtindicator'); the box grows a line instead of cutting the name.
    Its list opens as wide as its longest name. The property ``wrapsText`` tells
    :mod:`inspector.ui.text_fit` to measure the lines rather than one line.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("wrapsText", True)
        self.currentTextChanged.connect(self.refit)

    def text_rect(self) -> QRect:
        """Where the chosen name is drawn."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return field.adjusted(1, 0, -1, 0)

    def lines_height(self, width: int) -> int:
        """The height of the chosen name wrapped at ``width`` pixels."""
        box = QRect(0, 0, max(width, 1), 10_000)
        return self.fontMetrics().boundingRect(box, Qt.TextFlag.TextWordWrap, self.currentText()).height()

    def refit(self, *_args: object) -> None:
        """As high as the chosen name needs at the present width; the list as wide as its longest name."""
        room = self.text_rect()
        one_line = super().minimumSizeHint().height()
        need = one_line + max(0, self.lines_height(room.width()) - self.fontMetrics().height())
        if need != self.minimumHeight():
            self.setMinimumHeight(need)
        metrics = self.view().fontMetrics()
        widest = max((metrics.horizontalAdvance(self.itemText(n)) for n in range(self.count())), default=0)
        self.view().setMinimumWidth(widest + 48)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.refit()

    def paintEvent(self, event: object) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        text, option.currentText = option.currentText, ""
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        self.style().drawItemText(painter, self.text_rect(), int(align), self.palette(), self.isEnabled(),
                                  text, QPalette.ColorRole.ButtonText)


class CameraPanel(QWidget):
    """Preview, tag chooser with what is still missing, capture/import buttons and thumbnails.

    Emits ``photo_added(PhotoInfo)``, ``photo_deleted(uuid)`` and ``problem(str)``.
    """

    photo_added = Signal(object)
    photo_deleted = Signal(object)
    problem = Signal(str)

    def __init__(self, bench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bench = bench
        self.inspection_id: uuid.UUID | None = None
        self.busy = False
        self._titles: dict[str, str] = {}
        self._last_needed: list[str] | None = None
        self.view = CameraView(bench.camera, stop_on_close=False)
        self.view.setMinimumSize(288, 162)  # 16:9; with a message above, the screen still fits 768 px
        self.tag_box = ShotChooser()
        self.tag_box.setToolTip(self.tr("What the next photo shows"))
        # On a row of its own, so a long shot name does not push the capture button out; as wide as
        # its longest name except in a compact column (see set_compact).
        self.tag_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tag_box.setMinimumContentsLength(12)
        self.needed = QLabel()
        self.needed.setWordWrap(True)
        self.needed.setObjectName("needed")
        self.capture_button = QPushButton(self.tr("Take photo (Space)"))
        self.capture_button.setAutoDefault(True)
        self.capture_button.clicked.connect(self.capture)
        self.capture_button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.import_button = secondary_button(self.tr("Import photo from file…"))
        self.import_button.setAutoDefault(True)
        self.import_button.clicked.connect(self.import_file)
        self._buttons = buttons = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        buttons.addWidget(self.tag_box, 1)
        buttons.addWidget(self.capture_button)
        self.thumbnails = ThumbnailStrip()
        self.thumbnails.set_icon_size(QSize(96, 72))
        self.delete_button = secondary_button(self.tr("Delete photo"))
        self.delete_button.setAutoDefault(True)
        self.delete_button.clicked.connect(self.delete_selected)
        for button in (self.delete_button, self.import_button):
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        side = QVBoxLayout()
        side.addWidget(self.delete_button)
        side.addWidget(self.import_button)
        self._strip = strip = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        strip.addWidget(self.thumbnails, 1)
        strip.addLayout(side)
        self.no_camera = QLabel(self.tr("No camera is set up. Use “Import photo from file…”."))
        self.no_camera.setObjectName("hint")
        self.no_camera.setWordWrap(True)
        self.no_camera.setVisible(bench.camera is None)
        self.view.setVisible(bench.camera is not None)
        self._column = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.no_camera)
        layout.addLayout(buttons)
        layout.addWidget(self.needed)
        layout.addLayout(strip)
        if bench.camera is None:
            layout.addStretch(1)
        self.capture_button.setEnabled(bench.camera is not None)

    def set_compact(self, compact: bool) -> None:
        """A narrow column on small screens: the photo buttons under smaller thumbnails, a smaller
        preview (the capture button is always under the shot chooser)."""
        direction = QBoxLayout.Direction.TopToBottom if compact else QBoxLayout.Direction.LeftToRight
        self._strip.setDirection(direction)
        # The compact column is at most 300-420 px: a chooser as wide as 'Close-up van vlek, slijtage of
        # schade' would stick out of it, so there it wraps a long name on a second line.
        self.tag_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon if compact
            else QComboBox.SizeAdjustPolicy.AdjustToContents
        )
        self.view.setMinimumSize(*((172, 96) if compact else (320, 200)))
        self.thumbnails.set_icon_size(QSize(56, 42) if compact else QSize(96, 72))
        self._column.setSpacing(3 if compact else 6)  # 768 px: every row of the column counts
        self._strip.setSpacing(3 if compact else 6)
        text = self.tr("Import photo…") if compact else self.tr("Import photo from file…")
        self.import_button.setText(text)

    # --- setup -----------------------------------------------------------------------------------

    def load(
        self,
        inspection_id: uuid.UUID,
        template: ChecklistTemplate | None,
        language: str,
        photos: tuple[PhotoInfo, ...],
    ) -> None:
        """Prepare for an inspection: its template's shots and the photos taken so far."""
        self.inspection_id = inspection_id
        self._titles = {}
        self._last_needed = None
        if template is not None:
            self._titles.update({p.tag: p.title.get(language) for p in template.photos})
            self._titles.update(
                {
                    q.photo_tag: q.text.get(language)
                    for q in template.questions
                    if q.type == "photo" and q.photo_tag
                }
            )
        self._titles[OTHER_TAG] = self.tr("Other")
        self.tag_box.clear()
        for tag, title in self._titles.items():
            self.tag_box.addItem(title, tag)
        self.thumbnails.clear()
        for photo in photos:
            self._add_thumbnail(photo)
        self.show_needed([])

    def show_needed(self, tags: list[str]) -> None:
        """Mark which shots are still required ("!" in the chooser) and choose the first of them."""
        changed, self._last_needed = tags != self._last_needed, list(tags)
        taken = self.tags_taken()
        for index in range(self.tag_box.count()):
            tag = self.tag_box.itemData(index)
            mark = "! " if tag in tags else "✓ " if tag in taken else ""
            self.tag_box.setItemText(index, mark + self._titles.get(tag, tag))
        self.tag_box.refit()
        if tags:
            names = ", ".join(self._titles.get(tag, tag) for tag in tags)
            self.needed.setText(fill(self.tr("Photos still needed: %1"), names))
            self.needed.setProperty("kind", "error")
            if changed:
                self.select_tag(tags[0])
        else:
            self.needed.setText(self.tr("All required photos are taken."))
            self.needed.setProperty("kind", "ok")
            if changed:
                self.select_tag(OTHER_TAG)
        self.needed.style().polish(self.needed)

    def select_tag(self, tag: str) -> None:
        """Choose the tag the next photo gets."""
        index = self.tag_box.findData(tag)
        if index >= 0:
            self.tag_box.setCurrentIndex(index)

    @property
    def tag(self) -> str:
        """The tag of the next photo."""
        return str(self.tag_box.currentData() or OTHER_TAG)

    def tags_taken(self) -> set[str]:
        """The tags of the photos shown."""
        return {
            self.thumbnails.item(n).data(Qt.ItemDataRole.UserRole).tag for n in range(self.thumbnails.count())
        }

    # --- photos ----------------------------------------------------------------------------------

    def capture(self) -> None:
        """Take a photo with the camera (in the background) and store it."""
        camera = self._bench.camera
        if camera is None or self.inspection_id is None or self.busy:
            return
        self.busy = True
        run_task(
            capture_jpeg, camera, on_done=lambda data: self._store(data, "camera"), on_error=self._failed
        )

    def import_file(self) -> None:
        """Choose a picture file and store it as a photo of the inspection."""
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import photo"), "", self.tr("Pictures (*.jpg *.jpeg *.png)")
        )
        if name:
            self.import_path(Path(name))

    def import_path(self, path: Path) -> None:
        """Store the picture at ``path`` as a photo."""
        if self.inspection_id is None or self.busy:
            return
        self.busy = True
        run_task(
            Path.read_bytes, path, on_done=lambda data: self._store(data, "import"), on_error=self._failed
        )

    def _store(self, data: bytes, source: str) -> None:
        assert self.inspection_id is not None
        self._bench.saves.run(
            self._bench.services.inspections.add_photo,
            self.inspection_id,
            data,
            self.tag,
            self._bench.user.id,
            source,
            on_done=self._stored,
            on_error=self._failed,
        )

    def _stored(self, photo: PhotoInfo) -> None:
        self.busy = False
        self._add_thumbnail(photo)
        self._bench.feedback.success(self.view)
        self.photo_added.emit(photo)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self._bench.feedback.error(self.view)
        self.problem.emit(fill(self.tr("No photo was taken: %1"), photo_problem(exc)))

    def _add_thumbnail(self, photo: PhotoInfo) -> None:
        path = self._bench.services.photos.thumbnails_dir / photo.thumbnail_path
        item = QListWidgetItem(QIcon(QPixmap(str(path))), self._titles.get(photo.tag, photo.tag))
        item.setData(Qt.ItemDataRole.UserRole, photo)
        item.setToolTip(item.text())
        self.thumbnails.add(item)
        self.thumbnails.setCurrentItem(item)
        self.thumbnails.scrollToItem(item)

    def delete_selected(self) -> None:
        """Delete the selected photo (to retake it: its tag is chosen again)."""
        item = self.thumbnails.currentItem()
        if item is None or self.inspection_id is None:
            return
        photo: PhotoInfo = item.data(Qt.ItemDataRole.UserRole)
        self._bench.worker.run(
            self._bench.services.inspections.delete_photo,
            self.inspection_id,
            photo.id,
            self._bench.user.id,
            on_done=lambda _r: self._deleted(photo),
            on_error=self._failed,
        )

    def _deleted(self, photo: PhotoInfo) -> None:
        for row in range(self.thumbnails.count()):
            if self.thumbnails.item(row).data(Qt.ItemDataRole.UserRole).id == photo.id:
                self.thumbnails.takeItem(row)
                break
        self.select_tag(photo.tag)
        self.photo_deleted.emit(photo.id)
