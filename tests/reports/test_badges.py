"""Badge cards (issue 12 §2): every printed Code 128 scans back to the person's badge code."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from inspector.reports.badges import Badge, write_badges
from inspector.scanning.decode import decode_file
from inspector.services.people_rules import new_badge_code

NAMES = ["Anna Jansen", "Bram van den Bakker-Oosterhuis", "Chloé Claes", "Dirk Dekker", "Eva Smit",
         "Fien de Wit", "Gert Groen", "Hanna Hoekstra", "Ilse de Vries", "Joost Jager", "Kees Kok",
         "Lotte Lam"]


def _pages(pdf: Path, tmp_path: Path, dpi: int) -> list[Path]:
    if not shutil.which("pdftoppm"):
        pytest.fail("pdftoppm is missing: scripts/install-system-deps installs poppler-utils")
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(tmp_path / "page")], check=True)
    return sorted(tmp_path.glob("page-*.png"))


def test_an_a4_sheet_holds_ten_cards_that_scan(tmp_path: Path) -> None:
    badges = [Badge(name, "inspector" if i % 3 else "supervisor", new_badge_code())
              for i, name in enumerate(NAMES)]
    pdf = write_badges(tmp_path / "badges.pdf", badges, "a4", language="nl", warehouse="Amsterdam returns")
    if os.name == "posix":
        assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    pages = _pages(pdf, tmp_path, 150)
    assert len(pages) == 2
    assert {c.text for c in decode_file(pages[0])} == {b.badge_code for b in badges[:10]}
    assert {c.text for c in decode_file(pages[1])} == {b.badge_code for b in badges[10:]}
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=False).stdout
    if text:  # the names and the Dutch role names are printed
        assert "Chloé Claes" in text and "Leidinggevende" in text and "Inspecteur" in text


@pytest.mark.parametrize("stock", ["62x29mm", "cr80", "4x6in"])
def test_label_stock_prints_one_badge_per_label(tmp_path: Path, stock: str) -> None:
    badges = [Badge("Bram van den Bakker-Oosterhuis", "team_lead", new_badge_code()),
              Badge("Eva Smit", "admin", "EVA-0001")]
    pages = _pages(write_badges(tmp_path / "labels.pdf", badges, stock), tmp_path, 300)
    assert [[c.text for c in decode_file(page)] for page in pages] == [[b.badge_code] for b in badges]
