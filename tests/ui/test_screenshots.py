"""Screenshots: every screen rendered in both languages as non-empty 1366x768 PNGs (the other sizes
are the same code with another size; tests/ui/test_screen_sizes.py checks the texts at all three)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from inspector.app import Services
from inspector.services.users import UserInfo
from inspector.ui.screenshots import render_screenshots

EXPECTED = ("login", "login_pin", "main_intake", "main_review", "main_reports", "main_settings")
EXPECTED += ("import_report", "error_dialog")
EXPECTED += ("intake_found", "intake_several", "intake_unknown", "intake_already_received", "inspection")
EXPECTED += ("inspection_wrong_item", "grading", "label_done", "resume_offer")


def test_every_screen_in_both_languages(
    services: Services, people: dict[str, UserInfo], tmp_path: Path
) -> None:
    written = render_screenshots(services, tmp_path / "shots", sizes=((1366, 768),))
    names = {path.name for path in written}
    for stem in EXPECTED:
        assert f"{stem}.png" in names
        assert f"{stem}_nl.png" in names
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 768), path.name
        assert path.stat().st_size > 5_000
