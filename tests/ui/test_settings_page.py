"""The Settings page: saving round-trips through settings.toml; bad values are refused."""

from __future__ import annotations

import tomllib

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inspector.app import Services
from inspector.config import load_settings
from inspector.ui.feedback import Feedback
from inspector.ui.pages.settings import SettingsPage
from inspector.ui.pages.settings_rules import mask_url_password
from inspector.ui.tasks import DatabaseWorker
from tests.ui.conftest import ensure_admin


def make_page(qtbot: QtBot, services: Services) -> SettingsPage:
    page = SettingsPage(services, DatabaseWorker(), Feedback(sounds_enabled=False),
                        user=ensure_admin(services))
    qtbot.addWidget(page)
    page.show()
    return page


def test_saved_values_are_written_and_read_back(qtbot: QtBot, services: Services) -> None:
    page = make_page(qtbot, services)
    form = page.form
    form.station_code.clear()
    qtbot.keyClicks(form.station_code, "st-07")
    form.language.setCurrentIndex(form.language.findData("nl"))
    form.max_key_gap.setValue(25)
    form.prefix.setText("]C1")
    form.baud_rate.setCurrentIndex(form.baud_rate.findData("115200"))
    form.camera_width.setValue(1920)
    form.camera_height.setValue(1080)
    form.print_mode.setCurrentIndex(form.print_mode.findData("zpl"))
    form.zpl_host.setText("zebra-01")
    form.sounds.setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.message.property("kind") == "info", page.message.text()
    assert "restart" in page.message.text()
    raw = tomllib.loads(services.paths.settings_file.read_text(encoding="utf-8"))
    assert raw["station_code"] == "ST-07"
    stored = load_settings(services.paths.settings_file)
    assert stored.language == "nl"
    assert stored.scanner.max_key_gap_ms == 25 and stored.scanner.prefix == "]C1"
    assert stored.scanner.serial_baudrate == 115200
    assert (stored.camera.width, stored.camera.height) == (1920, 1080)
    assert stored.printer.mode == "zpl" and stored.printer.zpl_host == "zebra-01"
    assert services.settings == stored


def test_invalid_values_are_refused(qtbot: QtBot, services: Services) -> None:
    page = make_page(qtbot, services)
    before = services.paths.settings_file.exists()
    page.form.warehouse_code.setText("NL AMS!")
    assert not page.save()
    assert page.message.property("kind") == "error"
    assert services.paths.settings_file.exists() == before
    page.form.warehouse_code.setText("NL-AMS")
    page.form.print_mode.setCurrentIndex(page.form.print_mode.findData("zpl"))
    page.form.zpl_host.clear()
    assert not page.save()
    assert "Zebra" in page.message.text()
    assert page.form.currentIndex() == 3


def test_url_password_is_never_shown(qtbot: QtBot, services: Services) -> None:
    url = "postgresql://inspector:s3cret@db.example:5432/returns"
    assert mask_url_password(url) == "postgresql://inspector:****@db.example:5432/returns"
    page = make_page(qtbot, services)
    page.form.central_url.setText(url)
    assert page.save()
    assert "s3cret" not in page.form.central_url.text()
    without = "postgresql://inspector@db.example:5432/returns"
    # The password is kept apart from settings.toml, in the station's private password file.
    assert load_settings(services.paths.settings_file).central_url == without
    assert "s3cret" not in services.paths.settings_file.read_text(encoding="utf-8")
    assert services.paths.central_secret.read_text(encoding="utf-8").endswith(":inspector:s3cret\n")
    assert page.save()  # saving again keeps the password
    assert services.paths.central_secret.read_text(encoding="utf-8").endswith(":inspector:s3cret\n")
    qtbot.keyClicks(page.form.central_password, "n3w-pw")  # the password field replaces it
    assert page.save()
    assert services.paths.central_secret.read_text(encoding="utf-8").endswith(":inspector:n3w-pw\n")
    assert page.form.central_password.text() == ""
    assert "n3w-pw" not in services.paths.settings_file.read_text(encoding="utf-8")


def test_a_supervisor_may_open_the_settings_but_not_save_them(qtbot: QtBot, services: Services) -> None:
    from inspector.models import Role, User

    with services.database.session() as session:
        session.add(User(name="Sam Supervisor", badge_code="BDG000002", role=Role.SUPERVISOR))
    supervisor = services.users.find_by_badge("BDG000002")
    page = SettingsPage(services, DatabaseWorker(), Feedback(sounds_enabled=False), user=supervisor)
    qtbot.addWidget(page)
    before = services.settings
    assert page.save() is False
    assert "Only an administrator" in page.message.text()
    assert services.settings == before
