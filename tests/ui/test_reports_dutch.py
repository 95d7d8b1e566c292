"""The Reports page in Dutch writes numbers as the exported report does (issue 10, §4), the report's
charts count in whole numbers, and the file's extension decides its format (defect 11)."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from reportlab.graphics.charts.barcharts import HorizontalBarChart

from inspector.app import Services
from inspector.reports.report_pdf import format_value, whole_numbers
from inspector.reports.report_tables import Cents
from inspector.services.demo_data import seed_demo
from inspector.ui.application import install_translator
from inspector.ui.pages.reports import ReportsPage
from tests.ui.conftest import ensure_admin

NOW = datetime(2026, 3, 30, 15, tzinfo=UTC)


@pytest.fixture
def page(services: Services, qtbot: QtBot) -> ReportsPage:
    seed_demo(services.database, services.photos, services.station, returns=40, inspections=25, seed=3,
              now=NOW)
    widget = ReportsPage(services, user=ensure_admin(services))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_dutch_money_and_median_as_in_the_pdf(
    qtbot: QtBot, services: Services, styled_app: QApplication
) -> None:
    install_translator(styled_app, "nl")
    assert QLocale().name() == "nl_NL"
    seed_demo(services.database, services.photos, services.station, returns=40, inspections=25, seed=3,
              now=NOW)
    page = ReportsPage(services, user=ensure_admin(services))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.preview_ready, timeout=10_000) as blocker:
        page.refresh_preview()
    report = blocker.args[0]
    money = page.tiles["recovered"].value_label.text()
    assert money == format_value(Cents(report.recovered_cents), "nl")
    assert money.startswith("€ ") and "," in money and money[-3] == ","  # "€ 257,71"
    assert page.tiles["p50"].value_label.text() == format_value(report.scan_to_graded.p50, "nl")


def test_the_grade_chart_counts_whole_items() -> None:
    chart = HorizontalBarChart()
    chart.data = [[1, 2]]
    whole_numbers(chart.valueAxis, chart.data)
    chart.valueAxis.configure(chart.data)
    assert all(float(v).is_integer() for v in chart.valueAxis._tickValues)


def test_the_extension_decides_the_format(page: ReportsPage, qtbot: QtBot, tmp_path: Path) -> None:
    page.fmt.setCurrentIndex(page.fmt.findData("csv"))
    with qtbot.waitSignal(page.export_finished, timeout=20_000) as blocker:
        page.export_to(tmp_path / "intake.xlsx")
    written = blocker.args[0]
    assert written == tmp_path / "intake.xlsx" and zipfile.is_zipfile(written)  # a real workbook
    assert page.fmt.currentData() == "xlsx"
    with qtbot.waitSignal(page.export_finished, timeout=20_000) as blocker:
        page.export_to(tmp_path / "intake-day")  # no extension: the chosen format's is added
    assert blocker.args[0] == tmp_path / "intake-day.xlsx" and zipfile.is_zipfile(blocker.args[0])
