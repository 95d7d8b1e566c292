"""The return screen: who sent what and why, receiving the parcel, and each line's inspections."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from inspector.models import BoxCondition
from inspector.services.return_summary import LineSummary, ParcelInfo, ReturnSummary
from inspector.ui.station.history import ItemHistory
from inspector.ui.station.lines_table import LinesTable
from inspector.ui.station.tools import Workbench
from inspector.ui.texts import (
    box_condition_name,
    fill,
    local_time,
    refund_choice_name,
    status_name,
)
from inspector.ui.widgets import FlowGrid, MessageLine, heading, secondary_button


def received_text(parcel: ParcelInfo) -> str:
    """ "Received on <date time> at station X by Y" for a parcel received before."""
    return fill(
        QCoreApplication.translate("ReturnScreen", "Already received on %1 at station %2 by %3 (box: %4)."),
        local_time(parcel.received_at),
        parcel.station_code or "?",
        parcel.received_by or "?",
        box_condition_name(parcel.box_condition),
    )


def address_text(summary: ReturnSummary) -> str:
    """ "1012AB 12, NL"; only the parts that are known; "(no address)" when none is."""
    street = " ".join(part for part in (summary.postcode, summary.house_number) if part)
    if not street:
        return QCoreApplication.translate("ReturnScreen", "(no address)")
    return ", ".join(part for part in (street, summary.country) if part)


def _fact(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ActionRow(QWidget):
    """The return's actions on one line when their texts fit side by side, else in two columns.

    Four equal columns need four times the widest text (1024x768: two rows, which cost the lines
    table a row); side by side at their own widths they fit on one line.
    """

    def __init__(self, buttons: tuple[QPushButton, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buttons = buttons
        self._columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._arrange(len(buttons))

    def one_line_width(self) -> int:
        """The width the shown buttons need side by side."""
        shown = [b for b in self._buttons if not b.isHidden()]
        for button in shown:
            button.ensurePolished()  # the width its text has in the stylesheet's font
        need = sum(b.sizeHint().width() for b in shown)
        return need + self._grid.horizontalSpacing() * max(len(shown) - 1, 0)

    def _arrange(self, columns: int) -> None:
        one_line = columns == len(self._buttons)
        for button in self._buttons:  # on one line each at least as wide as its text (in its font now)
            least = button.sizeHint().width() if one_line else 0
            if button.minimumWidth() != least:
                button.setMinimumWidth(least)
        if columns == self._columns:
            return
        self._columns = columns
        for button in self._buttons:
            self._grid.removeWidget(button)
        for index, button in enumerate(self._buttons):
            self._grid.addWidget(button, index // columns, index % columns)
        for column in range(len(self._buttons)):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        self.updateGeometry()

    def refit(self) -> None:
        """One line or two columns, for the present width and font."""
        self._arrange(len(self._buttons) if self.one_line_width() <= self.width() else 2)

    def resizeEvent(self, event: object) -> None:
        self.refit()
        super().resizeEvent(event)  # type: ignore[arg-type]

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.refit()  # the stylesheet's font applies only now


class ReturnScreen(QWidget):
    """One return: facts, the receive step, the lines with their actions and the finished items.

    The screen itself calls the services through the workbench's worker; the intake page listens to
    ``inspect_line(LineSummary)``, ``add_extra()``, ``mark_missing(LineSummary)``,
    ``receive(BoxCondition)``, ``reprint(InspectionState)`` and ``back()``.
    """

    inspect_line = Signal(object)
    mark_missing = Signal(object)
    add_extra = Signal()
    receive = Signal(object)
    reprint = Signal(object)
    back = Signal()

    def __init__(self, bench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bench = bench
        self.summary: ReturnSummary | None = None
        self.title = heading("", "screenTitle")
        self.status_label = QLabel()
        self.status_label.setObjectName("chip")
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.status_label, 0, Qt.AlignmentFlag.AlignTop)
        self.cancelled_banner = QLabel(
            self.tr(
                "Cancelled by customer service. Do not inspect: put the parcel aside for your supervisor."
            )
        )
        self.cancelled_banner.setObjectName("alarm")
        self.cancelled_banner.setWordWrap(True)
        self.received_banner = QLabel()
        self.received_banner.setObjectName("banner")
        self.received_banner.setWordWrap(True)
        self.message = MessageLine()
        self.customer = _fact()
        self.order = _fact()
        self.window_label = _fact()
        self.history_label = _fact()
        facts = QGridLayout()
        facts.setHorizontalSpacing(24)
        facts.addWidget(self.customer, 0, 0, 2, 1)
        facts.addWidget(self.order, 0, 1)
        facts.addWidget(self.window_label, 1, 1)
        facts.addWidget(self.history_label, 0, 2, 2, 1)
        facts.setColumnStretch(0, 3)
        facts.setColumnStretch(1, 3)
        facts.setColumnStretch(2, 2)
        self.receive_box = QFrame()
        self.receive_box.setObjectName("notice")
        receive_row = QVBoxLayout(self.receive_box)
        receive_row.addWidget(QLabel(self.tr("Receive the parcel. Box:")))
        conditions: list[QWidget] = []
        self.receive_buttons: dict[BoxCondition, QPushButton] = {}
        for condition in BoxCondition:
            text = box_condition_name(condition)
            if condition is BoxCondition.INTACT:
                text = fill(self.tr("%1 (Enter)"), text)
            button = QPushButton(text) if condition is BoxCondition.INTACT else secondary_button(text)
            button.setAutoDefault(True)
            button.clicked.connect(lambda _c=False, cond=condition: self.receive.emit(cond))
            self.receive_buttons[condition] = button
            conditions.append(button)
        receive_row.addWidget(FlowGrid(conditions, len(conditions)), 1)
        self.table = LinesTable()
        self.table.doubleClicked.connect(lambda _index: self._inspect_selected())
        self.inspect_button = QPushButton(self.tr("Inspect next unit (Enter)"))
        self.missing_button = secondary_button(self.tr("Mark missing…"))
        self.extra_button = secondary_button(self.tr("Add extra item…"))
        self.back_button = secondary_button(self.tr("Scan next parcel (Esc)"))
        for button in (self.inspect_button, self.missing_button, self.extra_button, self.back_button):
            button.setAutoDefault(True)
        self.inspect_button.clicked.connect(self._inspect_selected)
        self.missing_button.clicked.connect(self._missing_selected)
        self.extra_button.clicked.connect(self.add_extra)
        self.back_button.clicked.connect(self.back)
        actions = QHBoxLayout()
        actions.addWidget(ActionRow((self.inspect_button, self.missing_button, self.extra_button,
                                     self.back_button)))
        self.history = ItemHistory(bench)
        self.history.reprint.connect(self.reprint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 8, 24, 8)  # tight: every pixel is a table line at 1024x768
        layout.setSpacing(6)
        layout.addLayout(title_row)
        layout.addWidget(self.cancelled_banner)
        layout.addWidget(self.received_banner)
        layout.addWidget(self.message)
        layout.addLayout(facts)
        layout.addWidget(self.receive_box)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.history)

    # --- showing ---------------------------------------------------------------------------------

    def show_return(self, summary: ReturnSummary, known: tuple[ParcelInfo, ...] | None = None) -> None:
        """Show ``summary``; ``known``: parcels received before this visit (None: keep the banner)."""
        self.summary = summary
        self.title.setText(fill(self.tr("Return %1"), summary.rma_number))
        self.status_label.setText(status_name(summary.status))
        self.status_label.setProperty("kind", "alarm" if summary.cancelled else "")
        self.status_label.style().polish(self.status_label)
        self.cancelled_banner.setVisible(summary.cancelled)
        self.customer.setText(
            fill(
                self.tr("<b>%1</b><br>%2<br>%3"),
                html.escape(summary.customer_name) or self.tr("(no name)"),
                html.escape(summary.customer_email) or "–",
                html.escape(address_text(summary)),
            )
        )
        self.order.setText(
            fill(
                self.tr("Order <b>%1</b> · <b>%2</b>"),
                summary.order_number or "–",
                refund_choice_name(summary.refund_choice),
            )
        )
        self._show_window(summary)
        history = summary.history
        text = fill(
            self.tr("Earlier returns: %1<br>Refused: %2"), history.earlier_returns, history.refused_returns
        )
        if history.serial_returner:
            text += (
                "<br><span style='background:#b00020;color:white'>&nbsp;"
                + self.tr("Serial returner")
                + "&nbsp;</span>"
            )
        self.history_label.setText(text)
        if known is not None:
            self.received_banner.setVisible(bool(known))
            if known:
                self.received_banner.setText(received_text(known[-1]))
        self.receive_box.setVisible(not self.received_here)
        self.table.set_lines(summary.lines)
        inspectable = not summary.cancelled
        for button in (self.inspect_button, self.missing_button, self.extra_button):
            button.setEnabled(inspectable)
        self.history.load(summary)
        if not self.received_here:
            self.receive_buttons[BoxCondition.INTACT].setFocus()
        else:
            self.focus_lines()

    def _show_window(self, summary: ReturnSummary) -> None:
        if summary.days_since_delivery is None:
            self.window_label.setText(self.tr("Delivery date unknown"))
            return
        text = fill(
            self.tr("%Ln day(s) since delivery (window %1)", "", summary.days_since_delivery),
            summary.return_window_days,
        )
        if summary.late:
            text = (
                "<span style='background:#b00020;color:white'>&nbsp;"
                + fill(self.tr("LATE: %1"), text)
                + "&nbsp;</span>"
            )
        self.window_label.setText(text)

    # --- state -----------------------------------------------------------------------------------

    @property
    def received_here(self) -> bool:
        """True once this station received a parcel of the return."""
        station = self._bench.station_code
        return self.summary is not None and any(p.station_code == station for p in self.summary.parcels)

    def selected_line(self) -> LineSummary | None:
        """The line selected in the table."""
        return self.table.selected_line()

    def line_for_gtin(self, gtin: str) -> LineSummary | None:
        """The first line with units left whose GTIN is ``gtin`` (any of its lengths)."""
        from inspector.services.intake import gtin_variants

        variants = set(gtin_variants(gtin))
        lines = [line for line in (self.summary.lines if self.summary else ()) if line.gtin in variants]
        return next((line for line in lines if line.units_inspected < line.quantity), None) or (
            lines[0] if lines else None
        )

    def focus_lines(self) -> None:
        """Put the focus on the lines (Enter inspects the selected one)."""
        self.table.setFocus()

    def _inspect_selected(self) -> None:
        line = self.selected_line()
        if line is not None and self.inspect_button.isEnabled():
            self.inspect_line.emit(line)

    def _missing_selected(self) -> None:
        line = self.selected_line()
        if line is not None:
            self.mark_missing.emit(line)

    def keyPressEvent(self, event: object) -> None:
        """Esc: back to scanning; Enter on the lines: inspect the selected line."""
        key = getattr(event, "key", lambda: None)()
        if key == Qt.Key.Key_Escape:
            self.back.emit()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.receive_box.isHidden():
            self._inspect_selected()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]
