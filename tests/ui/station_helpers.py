"""Shared helpers of the station GUI tests: demo data, scanner-speed typing, a camera video."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import cv2
import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import func, select

from inspector.app import Services
from inspector.models import Category, Return, ReturnLine, ReturnSource, ReturnStatus
from inspector.scanning.decode import load_image
from inspector.services.demo_data import seed_demo
from tests.assets import need_dir

NOW = datetime(2026, 11, 20, 15, tzinfo=UTC)
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "barcodes"
VIDEO_IMAGES = ("qrcode/zx_qrcode-2_14.png", "qrcode/zx_qrcode-2_12.png", "code128/zx_code128-1_2.png")

# Keys that answer the apparel checklist well: yes, yes, tags attached, no stains, no odour, no
# make-up, no pilling, not washed, not altered, hardware fine, original packaging.
APPAREL_KEYS = "YY1N1NNNN11"


@dataclass(frozen=True)
class DemoReturn:
    """An announced apparel return of the station's warehouse with one unit per line."""

    rma: str
    tracking: str
    gtin: str
    postcode: str
    house_number: str
    lines: int


def seed(services: Services) -> None:
    """Thirty demo returns (no inspections), always the same."""
    seed_demo(
        services.database, services.photos, services.station, returns=30, inspections=0, seed=1, now=NOW
    )


def apparel_return(services: Services, min_lines: int = 1) -> DemoReturn:
    """A demo return whose first line is apparel, quantity 1, announced, with a tracking number."""
    with services.database.session() as session:
        many = select(ReturnLine.return_id).group_by(ReturnLine.return_id).having(func.count() >= min_lines)
        rows = session.scalars(
            select(Return)
            .where(
                Return.warehouse_id == services.station.warehouse_id,
                Return.status == ReturnStatus.ANNOUNCED,
                Return.source == ReturnSource.DEMO,
                Return.tracking_number != "",
                Return.id.in_(many),
            )
            .order_by(Return.rma_number)
        ).all()
        for ret in rows:
            first = min(ret.lines, key=lambda line: line.line_no)
            if first.category is Category.APPAREL and first.quantity == 1 and not first.expected_serial:
                return DemoReturn(
                    ret.rma_number,
                    ret.tracking_number,
                    first.gtin,
                    ret.postcode,
                    ret.house_number,
                    len(ret.lines),
                )
    raise AssertionError("no suitable demo return")


def without_camera(services: Services) -> Services:
    """The services with the camera switched off (screens show the import button instead)."""
    services.settings = replace(services.settings, camera=replace(services.settings.camera, enabled=False))
    return services


def scanner_types(qtbot, widget: QWidget | None, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type like a keyboard-wedge scanner: the keys one right after the other, then Enter.

    Test key events carry no window-system timestamp, so the wedge filter times them by when the GUI
    thread handles them; waiting between keys would let a busy GUI thread (a camera preview on a
    loaded machine) stretch the gaps past a scanner's. The filter's timing itself is tested with
    timestamped keys on a simulated clock (tests/ui/test_wedge_thousand_scans.py)."""
    widget = widget or QApplication.focusWidget()
    for char in text:
        qtbot.keyClick(widget, char)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def person_presses(qtbot, key: Qt.Key | str, pause_ms: int = 90) -> None:  # type: ignore[no-untyped-def]
    """One key into the focused widget at a person's pace (the wedge filter lets it through)."""
    qtbot.keyClick(QApplication.focusWidget(), key)
    qtbot.wait(pause_ms)


def make_video(
    path: Path,
    images: tuple[str, ...] = VIDEO_IMAGES,
    size: tuple[int, int] = (640, 480),
    fps: float = 15.0,
    hold: int = 8,
    at_edge: bool = False,
) -> Path:
    """An MJPG AVI showing each corpus photo for ``hold`` frames, fitted into ``size`` on white.

    The default photos carry no product codes. ``at_edge`` puts them small in a corner, outside the
    camera's aim area, like things lying at the edge of a work table: the camera shows them but never
    scans them."""
    need_dir(CORPUS, "barcode photo corpus")
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, size)
    box = (size[0] // 5, size[1] // 5) if at_edge else size
    for relative in images:
        image = load_image(CORPUS / relative)
        image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR) if image.ndim == 2 else image[:, :, :3]
        scale = min(box[0] / image.shape[1], box[1] / image.shape[0])
        image = cv2.resize(image, (int(image.shape[1] * scale), int(image.shape[0] * scale)))
        canvas = np.full((size[1], size[0], 3), 255, np.uint8)
        if at_edge:
            y, x = 4, 4
        else:
            y, x = (size[1] - image.shape[0]) // 2, (size[0] - image.shape[1]) // 2
        canvas[y : y + image.shape[0], x : x + image.shape[1]] = image
        for _ in range(hold):
            writer.write(canvas)
    writer.release()
    return path
