"""Actions per item and per parcel on the happy path of every shipped checklist template.

Usage: ``python benchmarks/actions.py [--language en|nl] [--json]``

Drives the real station window offscreen with key events only, as an inspector does it: a badge scan
to log in, then for each template a parcel of the demo data: scan the parcel (a scanner burst: the
characters a few milliseconds apart, then Enter), Enter (box intact), then its item: scan the item's
code, ``A`` (all as expected), Space (the photo the policy asks for), Enter (finish and print the
label). A scan burst counts as one action, every key as one. The camera is a video file playing an
empty work table. Prints a table (or JSON): actions per parcel and per item for every template, and
checks that the item got its label.

The pytest-qt tests in ``tests/ui/test_station_flow_actions.py`` drive the same :class:`Operator`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import cv2
import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from inspector.app import Services, build_services
from inspector.models import Category, Return, ReturnLine, ReturnSource, ReturnStatus, Role, User
from inspector.services.checklists import template_for
from inspector.services.demo_data import seed_demo
from inspector.ui.pages.intake import INSPECT, RETURN
from inspector.ui.session import StationSession

TEMPLATES = ("apparel", "shoes", "electronics", "cosmetics", "home", "generic")
PERSON_KEY_MS = 90  # a person's pace between keys


def wait_until(
    predicate: Callable[[], object], what: str | Callable[[], str], timeout_ms: int = 5000
) -> None:
    """Let the event loop run until ``predicate()`` holds; fail with ``what`` after ``timeout_ms``."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not predicate():
        if time.monotonic() > deadline:
            said = what if isinstance(what, str) else what()
            raise AssertionError(f"timed out after {timeout_ms} ms waiting for: {said}")
        QTest.qWait(5)


@dataclass
class Operator:
    """The inspector at the bench: every scan burst and every key press is one counted action."""

    actions: int = 0
    log: list[str] = field(default_factory=list)

    def scan(self, code: str) -> None:
        """A scanner burst into whatever has the focus: the characters, then Enter."""
        QTest.qWait(PERSON_KEY_MS)  # the scanner's trigger is pulled after the last key
        for char in code:  # as fast as the events are handled (a scanner sends one key per 1-8 ms)
            QTest.keyClick(self._focus(), char)
        QTest.keyClick(self._focus(), Qt.Key.Key_Return)
        self._count(f"scan {code}")

    def press(self, key: Qt.Key | str, name: str = "") -> None:
        """One key, at a person's pace."""
        QTest.qWait(PERSON_KEY_MS)  # the wedge filter tells a person from a scanner by the pace
        QTest.keyClick(self._focus(), key)
        self._count(name or str(key))

    def _count(self, what: str) -> None:
        self.actions += 1
        self.log.append(what)

    @staticmethod
    def _focus() -> QWidget:
        wait_until(QApplication.focusWidget, "a widget with the keyboard focus", 3000)
        return QApplication.focusWidget()


@dataclass(frozen=True)
class Parcel:
    """A demo return to receive, and the item of it to inspect with its scanned code."""

    template: str
    rma: str
    tracking: str
    line_id: object
    item_code: str


def table_video(path: Path) -> Path:
    """A short MJPG video of an empty, lit work table (no barcodes): the station's camera."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 15.0, (320, 240))
    for shade in range(6):
        frame = np.full((240, 320, 3), 200 + shade * 5, np.uint8)
        cv2.rectangle(frame, (40, 40), (280, 200), (90, 110, 130), -1)
        writer.write(frame)
    writer.release()
    return path


def item_code(line: ReturnLine, template: str, today: date) -> str:
    """What the item's barcode says: a GS1 code with batch and expiry for cosmetics, with the serial
    for electronics (GS1-128 on the box), else the announced EAN/GTIN."""
    gtin14 = line.gtin.zfill(14)
    if template == "cosmetics":
        expiry = (today + timedelta(days=700)).strftime("%y%m%d")
        return f"(01){gtin14}(17){expiry}(10)L24B{line.line_no:03d}"
    if template == "electronics" and line.expected_serial:
        return f"(01){gtin14}(21){line.expected_serial}"
    return line.gtin


def prepare(data_dir: Path, language: str = "en") -> tuple[Services, dict[str, Parcel]]:
    """A station with 60 demo returns, an inspector (badge BDG000001) and the camera on a video.

    Returns the services and one announced parcel per template (a line of ``other`` made for the
    generic template)."""
    services = build_services(data_dir)
    video = table_video(data_dir / "table.avi")
    services.settings = replace(
        services.settings, sounds=False, language=language,
        camera=replace(services.settings.camera, enabled=True, source=str(video)),
    )
    seed_demo(services.database, services.photos, services.station, returns=60, inspections=0, seed=3,
              now=datetime.now(UTC))
    with services.database.session() as session:
        if session.scalar(select(User).where(User.badge_code == "BDG000001")) is None:
            session.add(User(name="Ilse Inspector", badge_code="BDG000001", role=Role.INSPECTOR))
    return services, pick_parcels(services)


def pick_parcels(services: Services) -> dict[str, Parcel]:
    """One announced demo return with a tracking number per template, its first line of that template."""
    parcels: dict[str, Parcel] = {}
    today = datetime.now(UTC).date()
    with services.database.session() as session:
        returns = session.scalars(
            select(Return)
            .where(Return.status == ReturnStatus.ANNOUNCED, Return.source == ReturnSource.DEMO,
                   Return.tracking_number != "")
            .order_by(Return.rma_number)
        ).all()
        for ret in returns:
            if services.intake.get(ret.id).late:
                continue  # a late return is flagged: every photo is required (not the happy path)
            lines = sorted(ret.lines, key=lambda line: line.line_no)
            for line in lines:
                name = template_for(line.category, services.templates).id
                if name in parcels or line.quantity != 1:
                    continue
                if name == "electronics" and not line.expected_serial:
                    continue
                parcels[name] = Parcel(name, ret.rma_number, ret.tracking_number, line.id,
                                       item_code(line, name, today))
                break
            else:
                if "generic" not in parcels and ret.rma_number not in {p.rma for p in parcels.values()}:
                    line = lines[0]
                    if line.quantity == 1:
                        line.category = Category.OTHER
                        parcels["generic"] = Parcel("generic", ret.rma_number, ret.tracking_number, line.id,
                                                    item_code(line, "generic", today))
    missing = [name for name in TEMPLATES if name not in parcels]
    assert not missing, f"no demo parcel for {missing}"
    return parcels


@contextmanager
def logged_in(services: Services, operator: Operator) -> Iterator[StationSession]:
    """The station window after the badge scan (the scan counts as the operator's action)."""
    session = StationSession(services)
    session.start()
    assert session.login is not None
    wait_until(session.login.badge_input.hasFocus, "the login window's badge field has the focus")
    operator.scan("BDG000001")
    wait_until(lambda: session.main is not None, "the main window after the badge scan")
    page = session.main.intake_page  # type: ignore[union-attr]
    wait_until(page.scan_input.hasFocus, "the scan field has the focus")
    try:
        yield session
    finally:
        if session.main is not None:
            session.main.close()
        session.shutdown()


def receive_parcel(session: StationSession, operator: Operator, parcel: Parcel) -> int:
    """Scan the parcel and receive it with its box intact; returns the actions it took."""
    page = session.main.intake_page  # type: ignore[union-attr]
    start = operator.actions
    operator.scan(parcel.tracking)
    screen = page.return_screen
    wait_until(lambda: page.current_screen() == RETURN and screen.title.text().endswith(parcel.rma),
               lambda: f"the return screen of {parcel.rma} (screen {page.current_screen()}, "
                       f"title {screen.title.text()!r}, {page.scanned_code!r} vs {parcel.tracking!r})")
    operator.press(Qt.Key.Key_Return, "Enter (box intact)")
    wait_until(lambda: screen.received_here and screen.receive_box.isHidden(), "the parcel received")
    return operator.actions - start


def inspect_item(session: StationSession, operator: Operator, parcel: Parcel) -> int:
    """Scan the item, A, Space, Enter: the happy path; returns the actions it took (and checks the label)."""
    main = session.main
    assert main is not None
    page = main.intake_page
    inspection = page.inspection
    history = page.return_screen.history
    labels_before = history.items.count()
    start = operator.actions
    operator.scan(parcel.item_code)
    wait_until(lambda: page.current_screen() == INSPECT and inspection.verify_label.property("kind") == "ok",
               f"the {parcel.template} item verified by its scan")
    if main.camera is not None:
        wait_until(lambda: main.camera.latest_frame() is not None, "a picture from the camera", 10_000)
    operator.press("A", "A (all as expected)")
    wait_until(lambda: inspection.checklist.next_open() is None, "every question answered")
    operator.press(Qt.Key.Key_Space, "Space (photo)")
    wait_until(lambda: inspection.assessment is not None and inspection.assessment.complete,
               lambda: f"the inspection complete (missing: {_missing(inspection)}, focus "
                       f"{type(QApplication.focusWidget()).__name__}, message {inspection.message.text()!r})",
               10_000)
    operator.press(Qt.Key.Key_Return, "Enter (finish, label)")
    wait_until(lambda: page.current_screen() == RETURN and history.items.count() == labels_before + 1,
               "back on the return with the item's label")
    return operator.actions - start


def _missing(inspection: object) -> str:
    assessment = getattr(inspection, "assessment", None)
    if assessment is None:
        return "not assessed"
    return ", ".join(m.id for m in assessment.missing) + (" +wrong item photo"
                                                          if assessment.needs_wrong_item_photo else "")


def measure(language: str = "en") -> dict[str, dict[str, int]]:
    """Actions per parcel and per item for every template (one station, one login)."""
    from inspector.ui.application import create_qapp
    from inspector.ui.tasks import inline_tasks

    create_qapp()
    results: dict[str, dict[str, int]] = {}
    with tempfile.TemporaryDirectory() as tmp, inline_tasks():
        services, parcels = prepare(Path(tmp) / "data", language)
        operator = Operator()
        try:
            with logged_in(services, operator) as session:
                results["login"] = {"actions": operator.actions}
                for name in TEMPLATES:
                    parcel = parcels[name]
                    per_parcel = receive_parcel(session, operator, parcel)
                    per_item = inspect_item(session, operator, parcel)
                    results[name] = {"per_parcel": per_parcel, "per_item": per_item}
        finally:
            services.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=("en", "nl"), default="en")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = measure(args.language)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"login (badge scan): {results['login']['actions']} action")
    print(f"{'template':<12} {'per parcel':>10} {'per item':>9}")
    for name in TEMPLATES:
        row = results[name]
        print(f"{name:<12} {row['per_parcel']:>10} {row['per_item']:>9}")
    worst = max(results[name]["per_item"] for name in TEMPLATES)
    print(f"worst: {worst} actions per item, {max(results[n]['per_parcel'] for n in TEMPLATES)} per parcel")
    return 0


if __name__ == "__main__":
    sys.exit(main())
