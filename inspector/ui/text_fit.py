"""Find visible texts that do not fit their widget (cut-off labels, buttons, combo boxes and tabs).

:func:`clipped_texts` compares what each visible label, button, check box, combo box and tab needs
(font metrics, or the widget's own size hint, which Qt computes from them) with the size the layout
gave it. The screenshot renderer reports what it finds at every screen size and language, and a test
asserts there is nothing (issue 10, §3).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QLabel,
    QListView,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QTabBar,
    QWidget,
)

SLACK = 1  # pixels of rounding we forgive


@dataclass(frozen=True)
class Clipped:
    """A text that does not fit: which widget, the text, and the pixels needed and available."""

    widget: str
    text: str
    needed: int
    available: int
    direction: str = "width"

    def __str__(self) -> str:
        return f"{self.widget} {self.text[:60]!r}: {self.direction} {self.needed} > {self.available}"


def _name(widget: QWidget) -> str:
    name = widget.objectName()
    return type(widget).__name__ + (f"#{name}" if name else "")


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _label(label: QLabel) -> Clipped | None:
    text = label.text()
    if not text.strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    if label.wordWrap():
        need = label.heightForWidth(label.width())
        if need > label.height() + SLACK:
            return Clipped(_name(label), text, need, label.height(), "height")
        if label.textFormat() == Qt.TextFormat.PlainText or "<" not in text:
            metrics = QFontMetrics(label.font())
            room = label.contentsRect().width() - 2 * max(label.margin(), 0)
            words = QLabel.text(label).replace("\u200b", " ").split()  # zero-width spaces may break
            widest = max((metrics.horizontalAdvance(word) for word in words), default=0)
            if widest > room + SLACK:
                return Clipped(_name(label), text, widest, room)
        return None
    hint = label.sizeHint()
    if hint.width() > label.width() + SLACK:
        return Clipped(_name(label), text, hint.width(), label.width())
    if hint.height() > label.height() + SLACK:
        return Clipped(_name(label), text, hint.height(), label.height(), "height")
    return None


def _push_button(button: QPushButton) -> Clipped | None:
    text = _plain(button.text())
    if not text.strip():
        return None
    option = QStyleOptionButton()
    button.initStyleOption(option)
    contents = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
    hint = button.sizeHint()
    if button.width() >= hint.width() and button.height() >= hint.height():
        return None  # the size the style itself asks for its text (a style sheet's padding included)
    metrics = QFontMetrics(button.font())
    lines = text.split("\n")
    need = max(metrics.horizontalAdvance(line) for line in lines)
    if not button.icon().isNull():
        need += button.iconSize().width() + 4
    if need > contents.width() + SLACK:
        return Clipped(_name(button), text, need, contents.width())
    height = metrics.height() * len(lines)
    if height > contents.height() + SLACK:
        return Clipped(_name(button), text, height, contents.height(), "height")
    return None


def _check_button(button: QAbstractButton) -> Clipped | None:
    text = _plain(button.text())
    if not text.strip():
        return None
    need = button.sizeHint().width()
    if need > button.width() + SLACK:
        return Clipped(_name(button), text, need, button.width())
    return None


def _combo(combo: QComboBox) -> Clipped | None:
    text = combo.currentText()
    if not text.strip() or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    need = QFontMetrics(combo.font()).horizontalAdvance(text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        need += combo.iconSize().width() + 4
    if need > field.width() + SLACK:
        return Clipped(_name(combo), text, need, field.width())
    return None


def _tabs(bar: QTabBar) -> list[Clipped]:
    found = []
    metrics = QFontMetrics(bar.font())
    for index in range(bar.count()):
        text = _plain(bar.tabText(index))
        room = bar.tabRect(index).width()
        need = metrics.horizontalAdvance(text) + 8
        if text and need > room + SLACK:
            found.append(Clipped(_name(bar), text, need, room))
    return found


def item_text_fit(view: QListView, index: QModelIndex, rect: QRect) -> tuple[QSize, QSize]:
    """What the text of ``index`` needs and the room the view's style gives it in an item ``rect``:
    the style's own text rectangle, less the margins it draws the text inside (wrapped where the
    view wraps)."""
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    view.itemDelegate().initStyleOption(option, index)
    option.rect = rect
    style = view.style()
    text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, view) + 1
    room = QSize(text_rect.width() - 2 * margin, text_rect.height())
    metrics = QFontMetrics(option.font)
    flags = Qt.TextFlag.TextWordWrap if view.wordWrap() else Qt.TextFlag.TextSingleLine
    need = metrics.boundingRect(QRect(0, 0, max(room.width(), 1), 10_000), int(flags), option.text).size()
    return need, room


def _list_items(view: QListView) -> list[Clipped]:
    """Item texts a list view cuts or elides (a thumbnail's caption)."""
    found = []
    model = view.model()
    for row in range(model.rowCount(view.rootIndex())):
        index = model.index(row, view.modelColumn(), view.rootIndex())
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect = view.visualRect(index)
        if not text.strip() or rect.isEmpty():
            continue
        need, room = item_text_fit(view, index, rect)
        if need.width() > room.width() + SLACK:
            found.append(Clipped(_name(view), text, need.width(), room.width()))
        elif need.height() > room.height() + SLACK:
            found.append(Clipped(_name(view), text, need.height(), room.height(), "height"))
    return found


def _right_edge(widget: QWidget, root: QWidget) -> Clipped | None:
    """A widget that sticks out to the right of the window, or of a scroll area that cannot scroll
    sideways, is cut off there."""
    right = widget.mapTo(root, QPoint(widget.width(), 0)).x()
    limit = root.width()
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
            if area.horizontalScrollBar().isVisible():
                return None  # the user can scroll to it
            limit = min(limit, parent.mapTo(root, QPoint(parent.width(), 0)).x())
        parent = parent.parentWidget()
    if right > limit + SLACK:
        text = widget.currentText() if isinstance(widget, QComboBox) else getattr(widget, "text", str)()
        return Clipped(_name(widget), str(text), right, limit, "right edge")
    return None


def clipped_texts(root: QWidget) -> list[Clipped]:
    """Every visible text under ``root`` (a shown window) that its widget cuts off."""
    found: list[Clipped] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        result: Clipped | None = None
        if isinstance(widget, QLabel):
            result = _label(widget)
        elif isinstance(widget, QPushButton):
            result = _push_button(widget)
        elif isinstance(widget, QCheckBox | QRadioButton):
            result = _check_button(widget)
        elif isinstance(widget, QComboBox):
            result = _combo(widget)
        elif isinstance(widget, QTabBar):
            found.extend(_tabs(widget))
        elif isinstance(widget, QListView) and not isinstance(widget.parentWidget(), QComboBox):
            found.extend(_list_items(widget))
        if result is None and isinstance(widget, QLabel | QAbstractButton | QComboBox):
            result = _right_edge(widget, root)
        if result is not None:
            found.append(result)
    return found
