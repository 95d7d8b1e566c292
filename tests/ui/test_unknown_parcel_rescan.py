"""A registered unknown parcel scanned again (issue 10): it opens its return ("already received"),
not the unknown-parcel screen that offered to register the same parcel a second time."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from inspector.app import Services
from inspector.models import Channel, Parcel, RefundChoice, Return, ReturnSource
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import MainWindow
from inspector.ui.pages.intake import RETURN, SCAN, UNKNOWN
from inspector.ui.tasks import DatabaseWorker
from tests.ui.station_helpers import without_camera


def _scan(qtbot: QtBot, page: object, code: str) -> None:
    qtbot.keyClicks(page.scan_input, code)  # type: ignore[attr-defined]
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)  # type: ignore[attr-defined]


@pytest.mark.parametrize("code", ["3SABC1234567", "JVGL00000000000000"])
def test_a_registered_unknown_parcel_scanned_again_opens_its_return(
    qtbot: QtBot, services: Services, people: dict[str, object], inline: None, code: str
) -> None:
    without_camera(services)
    user = next(u for u in services.users.active_users() if u.badge_code == "BDG000001")
    window = MainWindow(services, user, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(window)
    window.show()
    page = window.intake_page
    _scan(qtbot, page, code)
    assert page.current_screen() == UNKNOWN
    qtbot.keyClicks(page.unknown.register_name, "J. Jansen")
    qtbot.mouseClick(page.unknown.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.current_screen() == RETURN, timeout=5000)
    rma = page.return_screen.title.text()
    qtbot.keyClick(page.return_screen, Qt.Key.Key_Escape)  # "Scan next parcel (Esc)"
    assert page.current_screen() == SCAN

    _scan(qtbot, page, code)  # the same parcel again

    qtbot.waitUntil(lambda: page.current_screen() != SCAN, timeout=5000)
    assert page.current_screen() == RETURN, "the unknown-parcel screen offered to register it again"
    assert page.return_screen.title.text() == rma
    assert page.return_screen.received_banner.isVisibleTo(page.return_screen)
    assert "Already received" in page.return_screen.received_banner.text()
    with services.database.session() as session:
        unannounced = session.scalar(
            select(func.count()).select_from(Return).where(Return.source == ReturnSource.UNANNOUNCED))
        parcels = session.scalar(select(func.count()).select_from(Parcel))
    assert (unannounced, parcels) == (1, 1)


def test_registering_a_parcel_announced_meanwhile_opens_the_announced_return(
    qtbot: QtBot, services: Services, people: dict[str, object], inline: None
) -> None:
    """The unknown-parcel screen was open when the return arrived from central: Register opens it."""
    without_camera(services)
    user = next(u for u in services.users.active_users() if u.badge_code == "BDG000001")
    window = MainWindow(services, user, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(window)
    window.show()
    page = window.intake_page
    _scan(qtbot, page, "3SABC7654321")
    assert page.current_screen() == UNKNOWN
    with services.database.session() as session:  # what a pull writes
        session.add(Return(
            id=uuid.uuid4(), warehouse_id=services.station.warehouse_id, rma_number="RMA7654321",
            order_number="NL-7654321", customer_name="K. de Vries", customer_name_key="k. de vries",
            customer_email="", postcode="", house_number="", country="NL", channel=Channel.PORTAL,
            refund_choice=RefundChoice.REFUND, tracking_number="3SABC7654321", source=ReturnSource.CENTRAL,
        ))
    qtbot.mouseClick(page.unknown.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.current_screen() == RETURN, timeout=5000)
    assert "RMA7654321" in page.return_screen.title.text()
    assert page.unknown.register_button.isEnabled()
    with services.database.session() as session:
        assert session.scalars(select(Return.rma_number)).all() == ["RMA7654321"]
