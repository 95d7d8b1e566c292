"""Importing returns from the Settings page: file dialog, background run, report with rejections."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.ui.feedback import Feedback
from inspector.ui.import_report import RejectionTableModel
from inspector.ui.pages.settings import SettingsPage
from inspector.ui.tasks import DatabaseWorker
from tests.ui.conftest import ensure_admin

HEADER = (
    "rma_number,order_number,customer_name,customer_email,postcode,house_number,country,announced_at,"
    "refund_choice,warehouse,line_no,sku,gtin,product_name,category,quantity,unit_price,currency,reason"
)
GOOD = (
    "RMA25030107,WS-1,Jan Jansen,jan@example.nl,1012 AB,5,NL,2025-03-10T09:00:00+01:00,refund,NL-AMS,"
    "1,SHIRT-A,8712345001018,Shirt A,apparel,1,19.95,EUR,wrong_size"
)
BAD_GTIN = (
    "RMA25030115,WS-2,Eva de Wit,eva@example.nl,1012 AB,7,NL,2025-03-10T09:00:00+01:00,refund,NL-AMS,"
    "1,SHIRT-B,8712345001019,Shirt B,apparel,1,19.95,EUR,wrong_size"
)


def test_import_shows_the_report(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csv_file = tmp_path / "returns.csv"
    csv_file.write_text("\n".join([HEADER, GOOD, BAD_GTIN]) + "\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(csv_file), ""))
    worker = DatabaseWorker()
    page = SettingsPage(services, worker, Feedback(sounds_enabled=False), user=ensure_admin(services))
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.import_finished, timeout=10_000) as finished:
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    report = finished.args[0]
    assert report is not None
    assert (report.created, report.updated, report.unchanged) == (1, 0, 0)
    dialog = page.import_dialog
    assert dialog is not None and dialog.isVisible()
    view = dialog.report_view
    assert view.tiles["created"].value_label.text() == "1"
    assert view.tiles["rejected"].value_label.text() == "1"
    model = view.model
    assert model.rowCount() == len(report.rejected) >= 1
    place = model.index(0, RejectionTableModel.PLACE).data()
    assert place == "returns.csv:3"
    assert model.index(0, RejectionTableModel.RMA).data() == "RMA25030115"
    assert "GTIN" in model.index(0, RejectionTableModel.REASON).data()
    assert dialog.close_button.isVisible()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    worker.wait()


def test_import_of_a_missing_file_says_so(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    page = SettingsPage(services, DatabaseWorker(), Feedback(sounds_enabled=False),
                        user=ensure_admin(services))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.import_finished, timeout=10_000) as finished:
        dialog = page.start_import(tmp_path / "nothing.csv")
    assert finished.args[0] is None
    assert dialog.message.property("kind") == "error"
    assert "does not exist" in dialog.message.text()
