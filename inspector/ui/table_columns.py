"""Column widths that keep a table's header texts whole (issue 10, §3).

Qt's own modes cannot: a stretched column shrinks to the header's minimum section size (43 px, where
the Dutch "Opmerking" needs 149), and columns sized to their contents alone can push the last
column out of the window. :class:`ColumnFit` sizes the columns itself whenever the table's width,
rows or header change:

* every column is at least as wide as its header text needs, with the room for the sort arrow on a
  sortable table (what Qt's resize-to-contents gives the header);
* the other, short columns are as wide as their contents;
* the flexible columns (a description, a comment) share what is left by weight, first up to their
  contents' width, then the rest, so the table is filled. When even the minimum does not fit, the
  table scrolls sideways instead of cutting a header (and then the flexible columns take their
  readable width: scrolling a little further beats rows of one word a line);
* ``optional`` columns (codes the user has at hand anyway) are shown, in their order, only while they
  fit readable: rather than scroll sideways or wrap every row to three lines, the table hides them
  (``compact_changed``) until the room is back.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView
from shiboken6 import isValid


def widest_piece(texts: Iterable[str], font: QFont) -> float:
    """The widest part of ``texts`` that word wrap cannot break (a word, or a code up to a hyphen)."""
    widest = 0.0
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    for text in texts:
        layout = QTextLayout(text, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(0)
            widest = max(widest, line.naturalTextWidth())
        layout.endLayout()
    return widest


class ColumnFit(QObject):
    """Keeps ``view``'s column widths fitted.

    ``flexible`` maps the columns that wrap or shorten their texts to weights: they start at their
    minimum (the header text; on a table whose rows grow with wrapped text, also its longest word),
    grow by weight first up to ``readable`` (pixels, or None: their contents' width; not given: their
    minimum), then up to
    their contents' width, and share the rest. Every other column is as wide as its contents.
    ``optional`` columns are shown, in their order, as long as they fit beside the others;
    ``compact_changed(bool)`` says when any of them is hidden, or all are back.
    """

    compact_changed = Signal(bool)

    def __init__(self, view: QTableView, flexible: Mapping[int, int],
                 readable: Mapping[int, int | None] | None = None, optional: Sequence[int] = ()) -> None:
        super().__init__(view)
        self._view = view
        self._flexible = dict(flexible)
        self._readable = dict(readable or {})
        self._optional = list(optional)
        self.compact = False
        self._fitting = False
        self._model: object = None
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)
        self._watch_model()

    def _watch_model(self) -> None:
        model = self._view.model()
        if model is None or model is self._model:
            return
        self._model = model
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged,
                       model.dataChanged, model.headerDataChanged, model.columnsInserted):
            signal.connect(self._changed)

    def _changed(self, *_args: object) -> None:
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kinds = (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.StyleChange, QEvent.Type.FontChange,
                 QEvent.Type.Polish)
        if event.type() in kinds:
            self.fit()
        return False

    def _least(self, column: int, header_need: int) -> int:
        """A flexible column's least width: its header text, and the longest word of rows that wrap."""
        view = self._view
        rows_grow = view.verticalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents
        if not (view.wordWrap() and rows_grow) or view.model() is None:
            return header_need
        model = view.model()
        texts = (str(model.index(row, column).data() or "") for row in range(model.rowCount()))
        margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
        return max(header_need, math.ceil(widest_piece(texts, view.font())) + margin + int(view.showGrid()))

    def _bounds(self, columns: Sequence[int]) -> tuple[dict[int, int], dict[int, int], dict[int, int]]:
        """``columns``' least widths, the flexible ones' readable and natural widths."""
        view, header = self._view, self._view.horizontalHeader()
        need = {c: 0 if header.isHidden() else header.sectionSizeFromContents(c).width() for c in columns}
        natural = {c: max(need[c], view.sizeHintForColumn(c)) for c in columns}
        flexible = [c for c in columns if c in self._flexible]
        widths = {c: natural[c] for c in columns if c not in self._flexible}
        widths.update({c: min(self._least(c, need[c]), max(natural[c], need[c])) for c in flexible})
        readable = {c: widths[c] if c not in self._readable
                    else max(widths[c], min(natural[c], self._readable[c] or natural[c])) for c in flexible}
        return widths, readable, natural

    def widths(self, room: int, columns: Sequence[int] | None = None) -> dict[int, int]:
        """The width of each shown column (or of ``columns``) for a viewport ``room`` pixels wide."""
        header = self._view.horizontalHeader()
        if columns is None:
            columns = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        widths, readable, natural = self._bounds(columns)
        flexible = [c for c in columns if c in self._flexible]
        spare = room - sum(widths.values())
        if spare < 0:  # it scrolls sideways anyway: readable rows rather than a word a line
            widths.update(readable)
            return widths
        # First the readable widths given in pixels (the columns the table is for), then every readable
        # width, then whole, by weight.
        given = {c: readable[c] if self._readable.get(c) else widths[c] for c in flexible}
        for target in (given, readable, natural):
            spare = self._grow(widths, flexible, target, spare)
        if spare > 0 and flexible:  # and what is left, so the table is filled
            weight = sum(self._flexible[c] for c in flexible)
            given = 0
            for c in flexible[:-1]:
                add = spare * self._flexible[c] // weight
                widths[c] += add
                given += add
            widths[flexible[-1]] += spare - given
        return widths

    def _grow(self, widths: dict[int, int], flexible: list[int], target: dict[int, int], spare: int) -> int:
        while spare > 0:
            growing = [c for c in flexible if widths[c] < target[c]]
            if not growing:
                break
            weight = sum(self._flexible[c] for c in growing)
            given = 0
            for c in growing:
                share = max(1, spare * self._flexible[c] // weight)
                add = min(share, target[c] - widths[c], spare - given)
                widths[c] += add
                given += add
            spare -= given
        return spare

    def fit(self) -> None:
        """Size the columns for the table's present width, rows and header texts."""
        if self._fitting or not isValid(self._view):
            return
        self._fitting = True
        try:
            self._watch_model()
            header = self._view.horizontalHeader()
            room = self._view.viewport().width()
            if self._optional:
                self._drop_optional(room)
            for column, width in self.widths(room).items():
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _drop_optional(self, room: int) -> None:
        """Hide the optional columns the others need the room of (and show those that fit again)."""
        header = self._view.horizontalHeader()
        kept = [c for c in range(header.count()) if c not in self._optional]
        least, readable, _natural = self._bounds(range(header.count()))
        # The others at least as wide as a readable width given in pixels (the product's name: the point
        # of the table), else at their least.
        need = sum(readable[c] if self._readable.get(c) else least[c] for c in kept)
        shown = list(kept)
        for column in self._optional:  # then the optional ones readable, in order, while they fit
            need += readable.get(column, least[column])
            if need > room:
                break
            shown.append(column)
        for column in self._optional:
            hidden = column not in shown
            if header.isSectionHidden(column) != hidden:
                header.setSectionHidden(column, hidden)
        compact = len(shown) < len(kept) + len(self._optional)
        if compact != self.compact:
            self.compact = compact
            self.compact_changed.emit(compact)
