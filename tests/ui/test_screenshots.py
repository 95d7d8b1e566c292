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
    images = {path.name: QImage(str(path)) for path in written}
    for name, image in images.items():
        assert (image.width(), image.height()) == (1366, 768), name
        assert _colours(image) > 12, f"{name} is (nearly) blank"
    # Each screen shows something of its own (the page really switched), and the Dutch shot is in
    # Dutch: its pixels differ from the English one where the words are.
    screens = ["main_intake", "main_review", "main_reports", "main_settings", "login", "login_pin"]
    for i, first in enumerate(screens):
        for second in screens[i + 1:]:
            assert images[f"{first}.png"] != images[f"{second}.png"], (first, second)
    for stem in EXPECTED:
        assert images[f"{stem}.png"] != images[f"{stem}_nl.png"], f"{stem}: the Dutch shot is the English one"


def _colours(image: QImage) -> int:
    """Distinct colours on a coarse grid (a blank or one-colour image has one or two)."""
    return len({image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 17)})
