"""The People page (issue 12 §2), driven as an administrator would with keys and clicks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.services.access import COMMAND_LINE
from inspector.services.people import NewPerson
from inspector.services.users import AuthError, UserInfo
from inspector.ui.feedback import Feedback
from inspector.ui.main_window import PEOPLE, MainWindow
from inspector.ui.pages.people import PeoplePage
from inspector.ui.tasks import DatabaseWorker


@pytest.fixture
def admin(services: Services) -> UserInfo:
    person = services.people.add(COMMAND_LINE, NewPerson("Ada Admin", "admin", pin="402917"))
    return services.users.verify_pin(person.id, "402917")


def _page(qtbot: QtBot, services: Services, user: UserInfo) -> PeoplePage:
    page = PeoplePage(services, user)
    qtbot.addWidget(page)
    page.show()
    return page


def _type(qtbot: QtBot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.clear()
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def _press(qtbot: QtBot, button) -> None:  # type: ignore[no-untyped-def]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_only_administrators_have_the_people_page(qtbot: QtBot, services: Services, admin: UserInfo,
                                                   people: dict[str, UserInfo], inline: None) -> None:
    for user, expected in ((admin, True), (people["BDG000002"], False), (people["BDG000001"], False)):
        window = MainWindow(services, user, Feedback(sounds_enabled=False), DatabaseWorker())
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda w=window: QApplication.focusWidget() is w.intake_page.scan_input, timeout=2000)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F5)
        assert (window.current_page() == PEOPLE) is expected
        assert (window.people_page is not None) is expected
        window.close()


def test_add_deactivate_and_reset_a_pin(
    qtbot: QtBot, services: Services, admin: UserInfo, inline: None
) -> None:
    page = _page(qtbot, services, admin)
    _type(qtbot, page.name, "Sam de Boer")
    page.role.setFocus()
    qtbot.keyClick(page.role, Qt.Key.Key_Down)  # supervisor
    _type(qtbot, page.pin, "8264")
    _type(qtbot, page.pin_again, "8265")
    _press(qtbot, page.add_button)
    assert page.message.kind == "error" and "differ" in page.message.text()
    assert [p.name for p in services.people.list()] == ["Ada Admin"]
    _type(qtbot, page.pin_again, "8264")
    _press(qtbot, page.add_button)
    sam = services.people.find("Sam de Boer")
    assert page.message.kind == "info" and sam.badge_code in page.message.text()
    assert services.users.verify_pin(sam.id, "8264").name == "Sam de Boer"
    assert [p.id for p in page.selected()] == [sam.id]
    _type(qtbot, page.pin, "5190")
    _type(qtbot, page.pin_again, "5190")
    _press(qtbot, page.pin_button)
    assert services.users.verify_pin(sam.id, "5190").name == "Sam de Boer"
    _press(qtbot, page.deactivate_button)
    with pytest.raises(AuthError):
        services.users.find_by_badge(sam.badge_code)
    row = [p.id for p in page.people].index(sam.id)
    assert page.table.item(row, 3).text() == "deactivated"
    page.select(admin.id)
    _press(qtbot, page.deactivate_button)
    assert "no administrator left" in page.message.text()


def test_import_and_badges(qtbot: QtBot, services: Services, admin: UserInfo, inline: None,
                           tmp_path: Path) -> None:
    page = _page(qtbot, services, admin)
    team = tmp_path / "team.csv"
    team.write_text("name,role,pin\nAnna Jansen,inspector,\nBram Bakker,supervisor,12\n", encoding="utf-8")
    page.import_file(team)
    assert page.message.kind == "error" and "Line 3" in page.message.text()
    team.write_text("name,role,pin\nAnna Jansen,inspector,\nBram Bakker,supervisor,5821\n", encoding="utf-8")
    page.import_file(team)
    assert "2 people added" in page.message.text()
    assert {p.name for p in page.people} == {"Ada Admin", "Anna Jansen", "Bram Bakker"}
    page.table.selectAll()
    page.print_badges(tmp_path / "badges.pdf")
    assert "3 badges written" in page.message.text()
    assert (tmp_path / "badges.pdf").read_bytes().startswith(b"%PDF")


def test_a_non_admin_is_refused_by_the_service(qtbot: QtBot, services: Services, admin: UserInfo,
                                               people: dict[str, UserInfo], inline: None) -> None:
    page = _page(qtbot, services, people["BDG000002"])  # built anyway: the service still says no
    _type(qtbot, page.name, "Eve Extra")
    _press(qtbot, page.add_button)
    assert page.message.text() == "Only administrators manage people."
    assert "Eve Extra" not in {p.name for p in services.people.list()}


def test_the_dutch_people_page_fits_a_1366_pixel_screen_without_cutting_buttons(
    qtbot: QtBot, services: Services, admin: UserInfo, inline: None, styled_app: QApplication
) -> None:
    from PySide6.QtWidgets import QPushButton

    from inspector.ui.application import install_translator

    install_translator(styled_app, "nl")
    window = MainWindow(services, admin, Feedback(sounds_enabled=False), DatabaseWorker())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.intake_page.scan_input, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F5)
    page = window.people_page
    assert page is not None and window.current_page() == PEOPLE
    qtbot.waitUntil(lambda: page.width() > 0 and page.isVisible(), timeout=2000)
    assert window.width() == 1366
    buttons = [b for b in page.findChildren(QPushButton) if b.isVisible()]
    cut = [b.text() for b in buttons if b.width() < b.sizeHint().width()]
    assert not cut, cut
    assert page.table.width() >= 380, page.table.width()  # names, roles and badges readable
    page.message.show_info("3 mensen toegevoegd. Print nu hun badges.")  # as after a CSV import
    assert window.minimumSizeHint().height() <= 768, window.minimumSizeHint()
