"""Item labels out of the station: the PDF (always saved), then the print dialog or a Zebra printer.

Rendering the PDF and talking to the printer run in the background; the Qt print dialog and the
painting onto the printer happen on the GUI thread, as Qt requires.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QWidget

from inspector.reports.labels import (
    LabelData,
    LabelPrinterError,
    render_label_pdf,
    render_label_zpl,
    send_zpl,
)
from inspector.ui.station.tools import Workbench
from inspector.ui.tasks import run_task
from inspector.ui.texts import fill


@dataclass(frozen=True)
class LabelOutcome:
    """What happened to a label: its PDF, how it went out, and a problem in plain words ("" if none)."""

    inspection_id: uuid.UUID
    lpn: str
    pdf: Path
    mode: str
    problem: str = ""


def write_label_pdf(data: LabelData, stock: str, directory: Path) -> Path:
    """Render the label PDF to ``directory/<LPN>.pdf`` (background work)."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{data.lpn}.pdf"
    render_label_pdf(data, stock, str(path))
    return path


def render_pdf_page(path: Path, width_px: int) -> QImage:
    """The first page of a PDF as an image ``width_px`` wide (label previews and printing)."""
    document = QPdfDocument(None)
    document.load(str(path))
    size = document.pagePointSize(0)
    if size.width() <= 0:
        return QImage()
    height = max(1, round(width_px * size.height() / size.width()))
    image = document.render(0, QSize(width_px, height))
    document.close()
    return image


def label_preview(path: Path, width_px: int = 420) -> QPixmap:
    """A preview of a label PDF for the screen."""
    return QPixmap.fromImage(render_pdf_page(path, width_px))


class LabelOutput(QObject):
    """Sends finished items' labels out the way the station's printer settings say.

    Emits ``finished(LabelOutcome)`` once the PDF is saved and the label printed (or not).
    """

    finished = Signal(object)

    def __init__(self, bench: Workbench, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bench = bench

    def output(
        self, inspection_id: uuid.UUID, data: LabelData, reprint: bool = False, window: QWidget | None = None
    ) -> None:
        """Save the PDF, then print it per ``settings.printer.mode``; record the output in the audit log."""
        printer = self._bench.services.settings.printer
        directory = self._bench.services.paths.labels

        def saved(path: Path) -> None:
            if printer.mode == "zpl":
                run_task(
                    send_zpl,
                    printer.zpl_host,
                    printer.zpl_port,
                    render_label_zpl(data, printer.label_stock),
                    on_done=lambda _r: self._done(inspection_id, data, path, "zpl", "", reprint),
                    on_error=lambda exc: self._done(
                        inspection_id, data, path, "pdf", self._printer_problem(exc), reprint
                    ),
                )
            elif printer.mode == "dialog":
                problem = self._print_with_dialog(path, window)
                self._done(inspection_id, data, path, "dialog" if not problem else "pdf", problem, reprint)
            else:
                self._done(inspection_id, data, path, "pdf", "", reprint)

        run_task(
            write_label_pdf,
            data,
            printer.label_stock,
            directory,
            on_done=saved,
            on_error=lambda exc: self.finished.emit(
                LabelOutcome(inspection_id, data.lpn, Path(), "none", str(exc))
            ),
        )

    def _printer_problem(self, exc: BaseException) -> str:
        if isinstance(exc, LabelPrinterError):
            return fill(self.tr("The label printer did not print: %1 The label PDF is saved."),
                        self._printer_reason(exc))
        return fill(self.tr("The label could not be sent: %1 The label PDF is saved."), str(exc))

    def _printer_reason(self, exc: LabelPrinterError) -> str:
        """Why the label printer did not print, in the inspector's language."""
        values = exc.values
        if exc.reason == "refused":
            return fill(self.tr("The printer at %1 refused the connection. Is it switched on and is the port "
                                "right?"), values["where"])
        if exc.reason == "timeout":
            return fill(self.tr("The printer at %1 did not answer within %2 s. Check the network cable "
                                "and the printer's address."), values["where"], values["seconds"])
        if exc.reason == "unknown_address":
            return fill(self.tr("The printer's address %1 is unknown. Check the printer settings."),
                        values["host"])
        if exc.reason == "not_sent":
            return fill(self.tr("The label could not be sent to %1: %2"), values["where"], values["detail"])
        return str(exc)

    def _print_with_dialog(self, path: Path, window: QWidget | None) -> str:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, window)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return self.tr("Printing was cancelled. The label PDF is saved.")
        page = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
        image = render_pdf_page(path, max(1, page.width()))
        painter = QPainter()
        if not painter.begin(printer):
            return self.tr("The printer could not be opened. The label PDF is saved.")
        try:
            target = image.size().scaled(page.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
        finally:
            painter.end()
        return ""

    def _done(
        self, inspection_id: uuid.UUID, data: LabelData, path: Path, mode: str, problem: str, reprint: bool
    ) -> None:
        self._bench.worker.run(
            self._bench.services.grading.record_label_output,
            inspection_id,
            mode,
            self._bench.user.id,
            reprint,
        )
        self.finished.emit(LabelOutcome(inspection_id, data.lpn, path, mode, problem))
