"""Find visible texts that do not fit their widget (cut-off labels, buttons, combo boxes, tabs, table
headers, text fields' placeholders, read-only texts and date and number fields), or that a parent cuts
off.

:func:`clipped_texts` compares what each visible label, button, check box, combo box, tab and header
section needs (font metrics, or the widget's own size hint, which Qt computes from them; a sortable
header's sections also need room for the sort arrow) with the size the layout gave it, and with the
part of it its parents show: a frame lower than its label cuts the label's last line even when the
label itself is tall enough. What a scroll area can scroll to is not cut. The screenshot renderer
reports what it finds at every screen size and language, and a test asserts there is nothing
(issue 10, §3).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStyleOptionViewItem,
    QTabBar,
    QToolButton,
    QWidget,
)

SLACK = 1  # pixels of rounding we forgive
LINE_EDIT_MARGIN = 2  # QLineEdit draws its text this far inside its contents rectangle (each side)


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
    metrics = QFontMetrics(combo.font())
    if combo.property("wrapsText"):  # draws its text on as many lines as it needs
        words = text.split()
        widest = max((metrics.horizontalAdvance(word) for word in words), default=0)
        if widest > field.width() + SLACK:
            return Clipped(_name(combo), text, widest, field.width())
        lines = metrics.boundingRect(QRect(0, 0, max(field.width() - 2, 1), 10_000), Qt.TextFlag.TextWordWrap,
                                     text).height()
        if lines > field.height() + SLACK:
            return Clipped(_name(combo), text, lines, field.height(), "height")
        return None
    need = metrics.horizontalAdvance(text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        need += combo.iconSize().width() + 4
    if need > field.width() + SLACK:
        return Clipped(_name(combo), text, need, field.width())
    return None


def line_edit_room(edit: QLineEdit) -> int:
    """The width a line edit draws its text (or placeholder) in: the style's contents rectangle less
    the text margins, QLineEdit's own inner margin and the buttons shown inside it (clear button)."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    contents = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    left = contents.left() + margins.left() + LINE_EDIT_MARGIN
    right = contents.right() - margins.right() - LINE_EDIT_MARGIN
    for button in edit.findChildren(QToolButton):
        if button.isVisibleTo(edit):
            box = button.geometry()
            if box.center().x() > contents.center().x():
                right = min(right, box.left() - 1)
            else:
                left = max(left, box.right() + 1)
    return right - left + 1


def _line_edit(edit: QLineEdit) -> Clipped | None:
    """An empty field's placeholder, and the text of a read-only field or of a date or number field,
    must show whole; what the user types into a field may scroll, as in any text field."""
    spin = edit.parentWidget() if isinstance(edit.parentWidget(), QAbstractSpinBox) else None
    if edit.text():
        if not (edit.isReadOnly() or spin is not None):
            return None
        text = spin.text() if spin is not None else edit.text()
    else:
        text = edit.placeholderText()
    if not text.strip() or (spin is not None and not spin.isVisible()):
        return None
    need = QFontMetrics(edit.font()).horizontalAdvance(text)
    room = line_edit_room(edit)
    if need > room + SLACK:
        return Clipped(_name(spin if spin is not None else edit), text, need, room)
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


def _header(header: QHeaderView) -> list[Clipped]:
    """Sections narrower (or a header lower) than their text needs: what Qt's own resize-to-contents
    would give them, which includes the padding and, on a sortable header, the sort arrow's room (the
    user may sort by any column)."""
    if header.orientation() != Qt.Orientation.Horizontal:
        return []
    found = []
    model = header.model()
    for logical in range(header.count()):
        if header.isSectionHidden(logical) or model is None:
            continue
        text = str(model.headerData(logical, Qt.Orientation.Horizontal) or "")
        if not text.strip():
            continue
        need = header.sectionSizeFromContents(logical)
        room = header.sectionSize(logical)
        if need.width() > room + SLACK:
            found.append(Clipped(_name(header), text, need.width(), room))
        elif need.height() > header.height() + SLACK:
            found.append(Clipped(_name(header), text, need.height(), header.height(), "height"))
    return found


def _needed_height(widget: QWidget) -> int:
    if isinstance(widget, QLabel) and widget.wordWrap():
        return widget.heightForWidth(widget.width())
    return widget.sizeHint().height()


def _shown_rect(widget: QWidget, root: QWidget) -> QRect | None:
    """The part of ``widget`` (in root's coordinates) its parents up to ``root`` show; a scroll area
    that can scroll in a direction does not cut in it (None: it scrolls both ways)."""
    shown = QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())
    sideways = down = False  # the user can scroll to the rest that way
    parent = widget.parentWidget()
    while parent is not None:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
            sideways = sideways or area.horizontalScrollBar().maximum() > 0
            down = down or area.verticalScrollBar().maximum() > 0
            if sideways and down:
                return None
        corner = parent.mapTo(root, QPoint(0, 0)) if parent is not root else QPoint(0, 0)
        clip = QRect(corner, parent.size())
        if sideways:
            clip = QRect(shown.left(), clip.top(), shown.width(), clip.height())
        if down:
            clip = QRect(clip.left(), shown.top(), clip.width(), shown.height())
        shown = shown.intersected(clip)
        if parent is root or parent.isWindow():
            break
        parent = parent.parentWidget()
    return shown


def _cut_by_parents(widget: QWidget, root: QWidget) -> Clipped | None:
    """A text widget whose parents (a frame, a too small window, a scroll area that cannot scroll that
    way) show less of it than its text needs."""
    shown = _shown_rect(widget, root)
    if shown is None:
        return None
    text = widget.currentText() if isinstance(widget, QComboBox) else getattr(widget, "text", str)()
    text = str(text)
    if not text.strip() or (isinstance(widget, QLabel) and widget.pixmap() is not None
                            and not widget.pixmap().isNull()):
        return None
    need_height = min(widget.height(), _needed_height(widget))
    height = max(shown.height(), 0) if shown.isValid() else 0
    if height + SLACK < need_height:
        return Clipped(_name(widget), text, need_height, height, "height (cut by its parent)")
    right = widget.mapTo(root, QPoint(widget.width(), 0)).x()
    if shown.isValid() and shown.right() + 1 + SLACK < right:
        return Clipped(_name(widget), text, right, shown.right() + 1, "right edge")
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
        elif isinstance(widget, QLineEdit) and not isinstance(widget.parentWidget(), QComboBox):
            result = _line_edit(widget)
        elif isinstance(widget, QTabBar):
            found.extend(_tabs(widget))
        elif isinstance(widget, QListView) and not isinstance(widget.parentWidget(), QComboBox):
            found.extend(_list_items(widget))
        elif isinstance(widget, QHeaderView):
            found.extend(_header(widget))
        if result is None and isinstance(widget, QLabel | QAbstractButton | QComboBox):
            result = _cut_by_parents(widget, root)
        if result is not None:
            found.append(result)
    return found
