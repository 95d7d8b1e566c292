"""Small building blocks shared by the screens: headings, message lines, number tiles."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedLayout,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from inspector.services.sources import SourceKind


def heading(text: str, name: str = "heading") -> QLabel:
    """A big bold title (``name`` picks the stylesheet size: heading or subheading)."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def hint(text: str) -> QLabel:
    """A wrapped line of explanation."""
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


def secondary_button(text: str) -> QPushButton:
    """A white button with a blue frame, for the less common action next to a main one."""
    button = QPushButton(text)
    button.setProperty("secondary", True)
    return button


SHRINKING_CHOICE_MIN_WIDTH = 220
"""A choice sized to its contents may shrink to this width: a 1366 px screen holds the Dutch pages."""


def fill_source_choices(combo: QComboBox, kinds: Sequence[SourceKind]) -> None:
    """Offer where to read from (review, reports); the first is chosen; hidden when there is one."""
    names = {
        SourceKind.CENTRAL: QCoreApplication.translate("Sources", "Central database (all stations)"),
        SourceKind.LOCAL: QCoreApplication.translate("Sources", "This station"),
    }
    combo.blockSignals(True)
    combo.clear()
    for kind in kinds:
        combo.addItem(names[kind], kind)
    combo.setCurrentIndex(0)
    combo.blockSignals(False)
    combo.setEnabled(len(kinds) > 1)


def source_row(caption: str, combo: QComboBox) -> QHBoxLayout:
    """A caption and the source choice on one line (the combo as wide as its longest choice where there
    is room; on a small screen it gives way, its text cut, rather than widening the window)."""
    row = QHBoxLayout()
    row.setSpacing(12)
    label = QLabel(caption)
    label.setBuddy(combo)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.setMinimumWidth(SHRINKING_CHOICE_MIN_WIDTH)
    row.addWidget(label)
    row.addWidget(combo)
    row.addStretch(1)
    return row


def _breakable(word: str) -> str:
    if len(word) <= 30:
        return word
    return word.replace("/", "/\u200b").replace("\\", "\\\u200b")


class MessageLine(QLabel):
    """A line that tells the user what just happened: an error (white on red) or information."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message")
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text: str) -> None:
        """Show ``text`` as an error."""
        self._show(text, "error")

    def show_info(self, text: str) -> None:
        """Show ``text`` as neutral information."""
        self._show(text, "info")

    def show_problem(self, exc: BaseException) -> None:
        """Show what went wrong in background work: a database or file problem in plain words here,
        anything else (a bug) in the (non-blocking) error dialog."""
        from inspector.ui.errors import problem_text, report_exception

        text = problem_text(exc)
        if text is not None:
            self.show_error(text)
        else:
            report_exception(exc, self.window())

    def clear_message(self) -> None:
        """Hide the line."""
        self.setText("")
        self.hide()

    def text(self) -> str:  # type: ignore[override]
        """The message as shown, without the break hints in long paths."""
        return super().text().replace("\u200b", "")

    @property
    def kind(self) -> str:
        """``"error"``, ``"info"`` or ``""`` when hidden."""
        return str(self.property("kind") or "") if self.isVisible() or self.text() else ""

    def _show(self, text: str, kind: str) -> None:
        self.setProperty("kind", kind)
        # A long file path may break after any slash (a zero-width space), so it is never cut off.
        self.setText(" ".join(_breakable(word) for word in text.split(" ")))
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()


class NumberTile(QFrame):
    """A big number with its caption, e.g. "12 / Inspections"."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numberTile")
        self.value_label = QLabel("–")
        self.value_label.setObjectName("numberValue")
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption_label = QLabel(caption)
        self.caption_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)

    def set_value(self, value: int | str) -> None:
        """Show ``value`` as the number."""
        self.value_label.setText(str(value))


def dispose(widget: QWidget) -> None:
    """Close ``widget`` and delete it now, with its timers and children.

    ``deleteLater()`` alone waits for an event loop that renders and tests outside ``exec()`` never
    run: a window left alive that way keeps its timers firing on services that are gone.
    """
    from PySide6.QtCore import QCoreApplication, QEvent

    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class FlowGrid(QWidget):
    """Widgets in as many equal columns as fit (up to ``columns``), row after row, in their order.

    The grid never holds its window wide: on a narrow screen (1024x768) it uses fewer columns and
    more rows, so no widget is squeezed below what its text needs.
    """

    def __init__(self, widgets: Sequence[QWidget], columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QGridLayout, QSizePolicy

        self._widgets = list(widgets)
        self._max_columns = columns
        self._columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._arrange(columns)

    def cell_width(self) -> int:
        """The width every cell needs: the widest widget's minimum (a button's is its text's width)."""
        shown = [w for w in self._widgets if not w.isHidden()] or self._widgets
        need = max(max(w.minimumSizeHint().width(), w.minimumWidth()) for w in shown)
        return need + self._grid.horizontalSpacing()

    def columns_for(self, width: int) -> int:
        """How many columns fit in ``width``."""
        return max(1, min(self._max_columns, width // max(self.cell_width(), 1)))

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for widget in self._widgets:
            self._grid.removeWidget(widget)
        # Hidden widgets (e.g. actions this user may not take) go last, so they leave no gaps.
        ordered = sorted(self._widgets, key=lambda w: w.isHidden())
        for index, widget in enumerate(ordered):
            self._grid.addWidget(widget, index // columns, index % columns)
        for column in range(self._max_columns):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        self.updateGeometry()

    def refit(self) -> None:
        """Choose the columns and height again (after a widget's text changed)."""
        self._arrange(self.columns_for(self.width()))
        # As high as its widgets need at this width (word-wrapped captions take more lines in narrower
        # columns): a scroll area's layout otherwise gave the Reports tiles less, and cut their last line.
        need = self._grid.totalHeightForWidth(self.width()) if self._grid.hasHeightForWidth() else 0
        if need != self.minimumHeight():
            self.setMinimumHeight(need)

    def resizeEvent(self, event: object) -> None:
        self.refit()
        super().resizeEvent(event)  # type: ignore[arg-type]


def keep_text_width(*buttons: QPushButton) -> None:
    """Buttons never get narrower than their text in the style they are shown in.

    Call it from the screen's ``showEvent``: only then does the stylesheet's font apply, and layouts
    otherwise squeeze a button to the width its text had before.
    """
    for button in buttons:
        button.ensurePolished()
        button.setMinimumWidth(button.sizeHint().width())


class _CurrentScreenLayout(QStackedLayout):
    """A stacked layout that asks only the screen on show for its size (see :class:`ScreenStack`)."""

    def _shown(self) -> QWidget | None:
        return self.currentWidget()

    def sizeHint(self) -> QSize:
        shown = self._shown()
        return shown.sizeHint().expandedTo(shown.minimumSize()) if shown is not None else QSize(0, 0)

    def minimumSize(self) -> QSize:
        shown = self._shown()
        return shown.minimumSizeHint().expandedTo(shown.minimumSize()) if shown is not None else QSize(0, 0)

    def hasHeightForWidth(self) -> bool:
        shown = self._shown()
        return shown is not None and shown.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        shown = self._shown()
        return shown.heightForWidth(width) if shown is not None else -1


class ScreenStack(QWidget):
    """Screens on top of each other, one shown at a time, sized by the one shown.

    A :class:`~PySide6.QtWidgets.QStackedWidget` is as tall as its tallest screen (its layout takes
    the largest height-for-width of all of them), so in a page that scrolls on a small monitor a long
    hidden form made the inspection screen scroll too and pushed its grade and finish button out of
    view at 1366x768. This stack needs only what the shown screen needs."""

    currentChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = _CurrentScreenLayout(self)
        self._layout.currentChanged.connect(self._changed)

    def _changed(self, index: int) -> None:
        self._layout.invalidate()
        self.updateGeometry()
        self.currentChanged.emit(index)

    def addWidget(self, widget: QWidget) -> int:
        """Add a screen (hidden unless it is the first); returns its index."""
        return self._layout.addWidget(widget)

    def count(self) -> int:
        return self._layout.count()

    def widget(self, index: int) -> QWidget | None:
        return self._layout.widget(index)

    def indexOf(self, widget: QWidget) -> int:
        return self._layout.indexOf(widget)

    def currentIndex(self) -> int:
        return self._layout.currentIndex()

    def setCurrentIndex(self, index: int) -> None:
        self._layout.setCurrentIndex(index)

    def currentWidget(self) -> QWidget | None:
        return self._layout.currentWidget()

    def setCurrentWidget(self, widget: QWidget) -> None:
        self._layout.setCurrentWidget(widget)


class WrappingButton(QPushButton):
    """A push button whose long text breaks into lines to fit the width it gets.

    Answer options of a checklist ("2  Kleine onderdelen ontbreken (schroeven, handleiding)") are
    wider than a 1024 px screen's checklist column; a plain button would cut them at both ends. The
    button tells its layout how tall it is at a width (height for width), so the lines always fit.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._full_text = text
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def full_text(self) -> str:
        """The text on one line, as given."""
        return self._full_text

    def _size_for(self, text: str) -> QSize:
        """The button's size with ``text`` (its lines) on it, as the style (sheet) makes it."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = text
        contents = self.fontMetrics().size(int(Qt.TextFlag.TextShowMnemonic), text)
        return self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, contents, self)

    def _frame_width(self) -> int:
        """What the style adds around the text (padding, border)."""
        return self._size_for("x").width() - self.fontMetrics().horizontalAdvance("x")

    def _wrapped(self, width: int) -> str:
        """The text broken into lines for a button ``width`` wide."""
        room = width - self._frame_width()
        metrics = self.fontMetrics()
        lines: list[str] = []
        for word in self._full_text.split(" "):
            if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= room:
                lines[-1] = f"{lines[-1]} {word}"
            elif lines and not word:
                lines[-1] += " "
            else:
                lines.append(word)
        return "\n".join(lines)

    def minimumSizeHint(self) -> QSize:
        words = self._full_text.split() or [""]
        longest = max(words, key=self.fontMetrics().horizontalAdvance)
        return self._size_for(longest)

    def sizeHint(self) -> QSize:
        whole = self._size_for(self._full_text)
        return QSize(max(self.minimumSizeHint().width(), min(whole.width(), 160)), whole.height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._size_for(self._wrapped(width)).height()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        wrapped = self._wrapped(self.width())
        if wrapped != self.text():
            self.setText(wrapped)


def keep_over_window(dialog: QWidget) -> None:
    """Centre ``dialog`` over its parent's window and keep it inside that window (a kiosk station's
    window is its screen; without a window manager nobody else moves a dialog that grew).

    The override dialog grew to its text's width after Qt had placed it, and ran off a 1024 px
    screen's right edge ("4  Afvoer…")."""
    parent = dialog.parentWidget()
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    area = parent.window().frameGeometry() if parent is not None else screen.availableGeometry()
    frame = dialog.frameGeometry()
    x = area.center().x() - frame.width() // 2
    y = area.center().y() - frame.height() // 2
    x = max(area.left(), min(x, area.right() + 1 - frame.width()))
    y = max(area.top(), min(y, area.bottom() + 1 - frame.height()))
    dialog.move(x, y)
