"""An unknown parcel: search the announced returns by what is known, or register it as unannounced."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.models import BoxCondition, RefundChoice
from inspector.services.intake import CodeAlreadyKnown
from inspector.services.return_summary import ReturnSummary
from inspector.ui.camera_view import scan_camera_view
from inspector.ui.station.chooser import ReturnList
from inspector.ui.station.tools import Workbench
from inspector.ui.tasks import run_task
from inspector.ui.texts import box_condition_name, fill, refund_choice_name
from inspector.ui.widgets import FlowGrid, MessageLine, heading, hint, keep_text_width, secondary_button


class UnknownParcelScreen(QWidget):
    """Search by order, RMA, postcode + house number or name; or register an unannounced return.

    Emits ``opened(ReturnSummary)`` for a found return, ``registered(ReturnSummary)`` for a new
    unannounced one and ``back()`` to scan again.
    """

    opened = Signal(object)
    registered = Signal(object)
    back = Signal()

    def __init__(self, bench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bench = bench
        self.scanned_code = ""
        self.title = heading("", "screenTitle")
        self.title.setWordWrap(False)  # a code is one long word: the back button goes below instead
        self.order_field, self.rma_field = QLineEdit(), QLineEdit()
        self.postcode_field, self.house_field, self.name_field = QLineEdit(), QLineEdit(), QLineEdit()
        self.postcode_field.setPlaceholderText("1012AB")
        self.house_field.setPlaceholderText("12")
        self.house_field.setMaximumWidth(140)
        self.search_button = QPushButton(self.tr("Search (Enter)"))
        self.search_button.setAutoDefault(True)
        self.search_button.clicked.connect(self.search)
        search_form = QFormLayout()
        search_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above on 1024x768
        search_form.addRow(self.tr("Order number"), self.order_field)
        search_form.addRow(self.tr("RMA"), self.rma_field)
        address = QHBoxLayout()
        address.addWidget(self.postcode_field, 2)
        address.addWidget(self.house_field, 1)
        search_form.addRow(self.tr("Postcode, house no."), address)
        search_form.addRow(self.tr("Customer name"), self.name_field)
        search_form.addRow("", self.search_button)
        for field in (
            self.order_field,
            self.rma_field,
            self.postcode_field,
            self.house_field,
            self.name_field,
        ):
            field.returnPressed.connect(self.search)
        self.results = ReturnList()
        self.results.opened.connect(self.opened)
        self.message = MessageLine()
        left = QVBoxLayout()
        left.addLayout(search_form)
        left.addWidget(self.results, 1)
        self.register_name, self.register_notes = QLineEdit(), QLineEdit()
        # what to write says a label over the field: a placeholder that long was cut at 1024 px
        self.register_name.setPlaceholderText(self.tr("if known"))
        self.register_notes.setPlaceholderText(self.tr("e.g. the sender"))
        # Nobody asked the customer: the refund choice is "not known" unless the parcel says otherwise.
        self.register_refund = QComboBox()
        for choice in (RefundChoice.UNKNOWN, RefundChoice.REFUND, RefundChoice.EXCHANGE,
                       RefundChoice.STORE_CREDIT):
            self.register_refund.addItem(refund_choice_name(choice), choice)
        self.register_box = QComboBox()
        for condition in BoxCondition:
            self.register_box.addItem(box_condition_name(condition), condition)
        register_form = QFormLayout()
        register_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels over the fields
        register_form.addRow(self.tr("Customer name"), self.register_name)
        register_form.addRow(self.tr("Customer wants"), self.register_refund)
        register_form.addRow(self.tr("Box"), self.register_box)
        register_form.addRow(self.tr("Notes (sender on the label)"), self.register_notes)
        self.register_button = QPushButton(self.tr("Register parcel"))
        self.register_button.setAutoDefault(True)
        self.register_button.clicked.connect(self.register)
        box = QFrame()
        box.setObjectName("notice")
        right = QVBoxLayout(box)
        right.setSpacing(8)
        right.addWidget(heading(self.tr("Not announced?"), "subheading"))
        right.addWidget(
            hint(
                self.tr(
                    "Register it with the box's condition, then add and photograph every item "
                    "as an extra item. A supervisor checks it."
                )
            )
        )
        right.addLayout(register_form)
        right.addWidget(self.register_button)
        self.camera_view = scan_camera_view(bench.camera)
        if self.camera_view is not None:  # another code on the parcel (the return label's QR) may find it
            right.addWidget(self.camera_view, 1)
        else:
            right.addStretch(1)
        self.back_button = secondary_button(self.tr("Back to scanning (Esc)"))
        self.back_button.setAutoDefault(True)
        self.back_button.clicked.connect(self.back)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 3)
        columns.addWidget(box, 2)
        top = QHBoxLayout()
        top.addWidget(FlowGrid((self.title, self.back_button), 2))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addLayout(columns, 1)

    def showEvent(self, event: object) -> None:
        """Buttons keep the width of their text (in this screen's style) however narrow the window."""
        super().showEvent(event)  # type: ignore[arg-type]
        keep_text_width(self.search_button, self.register_button, self.back_button)
        metrics = self.postcode_field.fontMetrics()  # a whole Dutch postcode, in the field's own font
        self.postcode_field.setMinimumWidth(metrics.horizontalAdvance("1012 AB") + 24)
        self.house_field.setMinimumWidth(metrics.horizontalAdvance("123-A") + 24)

    def show_for(self, code: str) -> None:
        """Start over for the parcel with ``code`` (a code nobody announced)."""
        self.scanned_code = code
        self.title.setText(fill(self.tr("Unknown parcel %1"), "\n" + code).replace(" \n", "\n"))
        for field in (
            self.order_field,
            self.rma_field,
            self.postcode_field,
            self.house_field,
            self.name_field,
            self.register_name,
            self.register_notes,
        ):
            field.clear()
        self.register_refund.setCurrentIndex(0)
        self.register_box.setCurrentIndex(0)
        self.results.clear()
        self.message.show_info(self.tr("No announced return has this code. Search by what the parcel shows."))
        self.postcode_field.setFocus()

    def search(self) -> None:
        """Search in the background with whatever fields are filled."""
        criteria = {
            "order_number": self.order_field.text(),
            "rma": self.rma_field.text(),
            "postcode": self.postcode_field.text(),
            "house_number": self.house_field.text(),
            "customer_name": self.name_field.text(),
        }
        if not any(value.strip() for value in criteria.values()):
            self.message.show_error(self.tr("Fill in at least one field to search."))
            return
        run_task(self._bench.services.intake.search, on_done=self._found, **criteria)

    def _found(self, returns: tuple[ReturnSummary, ...]) -> None:
        self.results.set_returns(returns)
        if returns:
            self.message.show_info(
                self.tr("%Ln return(s) found. Arrows choose, Enter opens.", "", len(returns))
            )
            self.results.setFocus()
        else:
            self.message.show_error(self.tr("Nothing found. Try other details or register the parcel."))

    def register(self) -> None:
        """Register the parcel as an unannounced return (on the database worker)."""
        self.register_button.setEnabled(False)
        self._bench.worker.run(
            self._bench.services.intake.register_unannounced,
            scanned_code=self.scanned_code,
            user_id=self._bench.user.id,
            customer_name=self.register_name.text() or self.name_field.text(),
            postcode=self.postcode_field.text(),
            house_number=self.house_field.text(),
            notes=self.register_notes.text(),
            refund_choice=self.register_refund.currentData(),
            box_condition=self.register_box.currentData(),
            on_done=self._registered,
            on_error=self._failed,
        )

    def _registered(self, summary: ReturnSummary) -> None:
        self.register_button.setEnabled(True)
        self._bench.feedback.success()
        self.registered.emit(summary)

    def _failed(self, exc: BaseException) -> None:
        self.register_button.setEnabled(True)
        if isinstance(exc, CodeAlreadyKnown) and exc.return_ids:
            # announced meanwhile (a pull): not an unknown parcel after all, open its return
            run_task(self._bench.services.intake.get, exc.return_ids[0], on_done=self.opened.emit)
            return
        from inspector.ui.errors import report_exception

        report_exception(exc, self)

    def keyPressEvent(self, event: object) -> None:
        """Esc goes back to scanning."""
        if getattr(event, "key", lambda: None)() == Qt.Key.Key_Escape:
            self.back.emit()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]
