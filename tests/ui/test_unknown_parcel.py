"""Registering an unknown parcel (issue 10, defect 15): the refund choice is not assumed, an empty address
is not shown as "– , NL", and the box condition is asked for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.app import Services
from inspector.models import BoxCondition, Parcel, RefundChoice, Return
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import MainWindow
from inspector.ui.pages.intake import RETURN, UNKNOWN
from inspector.ui.tasks import DatabaseWorker
from tests.ui.station_helpers import without_camera


def test_an_unknown_parcel_is_registered_with_its_box_and_no_assumed_refund(
    qtbot: QtBot, services: Services, people: dict[str, object], inline: None
) -> None:
    without_camera(services)
    user = next(u for u in services.users.active_users() if u.badge_code == "BDG000001")
    window = MainWindow(services, user, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(window)
    window.show()
    page = window.intake_page
    qtbot.keyClicks(page.scan_input, "ZZ-NOT-KNOWN-44")
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    assert page.current_screen() == UNKNOWN
    unknown = page.unknown
    assert unknown.register_refund.currentData() == RefundChoice.UNKNOWN
    assert unknown.register_box.currentData() == BoxCondition.INTACT
    qtbot.keyClick(unknown.register_box, Qt.Key.Key_Down)  # the box is damaged
    assert unknown.register_box.currentData() == BoxCondition.DAMAGED
    qtbot.mouseClick(unknown.register_button, Qt.MouseButton.LeftButton)
    assert page.current_screen() == RETURN
    customer = page.return_screen.customer.text()
    assert "–&nbsp;," not in customer and "– ," not in customer and "(no address)" in customer
    assert "Not known yet" in page.return_screen.order.text()
    with services.database.session() as session:
        ret = session.scalars(select(Return).where(Return.rma_number.like("UNK-%"))).one()
        assert ret.refund_choice is RefundChoice.UNKNOWN
        parcel = session.scalars(select(Parcel).where(Parcel.return_id == ret.id)).one()
        assert parcel.box_condition is BoxCondition.DAMAGED
