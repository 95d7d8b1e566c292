"""1,000 scanner bursts and human typing through the real key filter, on a simulated clock.

Real ``QKeyEvent`` objects carry window-system timestamps from a fake clock that the filter also
reads, so no test time is spent waiting: scanner keys come 1-8 ms apart with occasional 30 ms stalls
between keys, the GUI thread is now and then busy for 30-60 ms (keys then wait in Qt's event queue
while the flush timer is already due, and the timer is served first: the worst order), and a person
types words into text fields between the scans. Every scan must arrive whole, exactly once, and
every typed character must land in its field.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from inspector.config import ScannerSettings
from inspector.scanning.events import GS
from inspector.ui.scan_input import ScanHub, WedgeKeyFilter, wedge_config

GS1_AIM = "]C1"


class FakeClock:
    """Monotonic seconds that only move when the test says so."""

    def __init__(self) -> None:
        self.ms = 5_000_000.0

    def __call__(self) -> float:
        return self.ms / 1000.0


@dataclass
class Key:
    at: int  # window-system time, ms
    text: str  # one character, or "Enter"
    field: QLineEdit  # the focused field when the key is pressed


def tracking_number(rng: random.Random) -> str:
    digits = "".join(rng.choice("0123456789") for _ in range(12))
    return rng.choice([
        f"1Z{rng.choice(['999AA1', '4E6V12', 'A7W93X'])}{digits[:10]}",  # UPS, 18
        f"3S{rng.choice(['ABCD', 'KVHX', 'QWRT'])}{digits[:9]}",  # PostNL, 15
        f"JVGL{digits}{digits[:8]}",  # DHL, 24
        f"JJD0003{digits}{digits[:5]}",  # DHL Express piece, 24
        f"0{digits}{digits[:7]}",  # DPD-like, 20 digits
    ])


def portal_url(rng: random.Random) -> str:
    rma, postcode = rng.randint(0, 99_999_999), rng.randint(1000, 9999)
    base = f"https://returns.example-shop.nl/r/RMA{rma:08d}?pc={postcode}AB&t="
    alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGH23456789"
    return base + "".join(rng.choice(alphabet) for _ in range(80 - len(base)))


def gs1_string(rng: random.Random) -> str:
    gtin = f"0{rng.randint(10**12, 10**13 - 1)}"
    batch = "".join(rng.choice("ABCDEFGHJK0123456789") for _ in range(rng.randint(4, 10)))
    serial = "".join(rng.choice("0123456789XYZ") for _ in range(rng.randint(6, 12)))
    return f"01{gtin}17{rng.randint(24, 30)}0{rng.randint(1, 9)}15" + f"10{batch}{GS}21{serial}"


def key_event(key: Key) -> QKeyEvent:
    """The QKeyEvent X11 would deliver for ``key`` (GS comes as Ctrl+], like a wedge scanner sends it)."""
    if key.text == "Enter":
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
    elif key.text == GS:
        ctrl = Qt.KeyboardModifier.ControlModifier
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_BracketRight, ctrl, GS)
    else:
        shifted = key.text.isupper() or key.text in ':?&_!"#%()+<>@^{}|~'
        modifier = Qt.KeyboardModifier.ShiftModifier if shifted else Qt.KeyboardModifier.NoModifier
        event = QKeyEvent(QEvent.Type.KeyPress, ord(key.text.upper()), modifier, key.text)
    event.setTimestamp(key.at)
    return event


class Station(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.scan_field, self.notes = QLineEdit(), QLineEdit()
        layout = QVBoxLayout(self)
        layout.addWidget(self.scan_field)
        layout.addWidget(self.notes)


def script(rng: random.Random, station: Station, scans: int) -> tuple[list[Key], list[str], dict[int, str]]:
    """The keys of ``scans`` scans with human typing between them; expected scans and field texts."""
    keys: list[Key] = []
    expected: list[str] = []
    typed = {id(station.scan_field): "", id(station.notes): ""}
    t = 10_000
    field = station.notes
    kinds = [tracking_number, portal_url, gs1_string]
    for n in range(scans):
        if rng.random() < 0.3:  # a person types a few words into a field
            field = rng.choice([station.notes, station.scan_field])
            words = " ".join(rng.choice(["box", "dented", "ok", "Missing", "charger", "tape", "nl", "Label"])
                             for _ in range(rng.randint(1, 4)))
            for char in words:
                keys.append(Key(t, char, field))
                t += rng.randint(18, 25) if rng.random() < 0.08 else rng.randint(60, 320)  # rollover or not
            typed[id(field)] += words
            t += rng.randint(600, 2500)  # reaching for the scanner
        kind = kinds[n % 3]
        data = kind(rng)
        wire = GS1_AIM + data if kind is gs1_string else data
        for char in wire:
            keys.append(Key(t, char, field))
            t += rng.randint(1, 8) + (30 if rng.random() < 0.02 else 0)
        keys.append(Key(t, "Enter", field))
        expected.append(data)
        t += rng.randint(300, 1500)
    return keys, expected, typed


def drive(keys: list[Key], wedge: WedgeKeyFilter, clock: FakeClock, rng: random.Random,
          after_scan: list[int]) -> None:
    """Deliver ``keys`` as the GUI thread would, with busy stretches and the flush timer's firings."""
    gui_free_at = 0
    i = 0
    while i < len(keys):
        key = keys[i]
        due = wedge.timer_due_ms
        if key.at < gui_free_at:
            # The GUI thread was busy: every key of the busy stretch waits in the queue; at its end
            # the overdue flush timer is served before them.
            backlog = []
            while i < len(keys) and keys[i].at <= gui_free_at:
                backlog.append(keys[i])
                i += 1
            for waiting in backlog:
                focus_on(waiting.field)
                QCoreApplication.postEvent(waiting.field, key_event(waiting))
            clock.ms = gui_free_at
            if due is not None and due <= gui_free_at:
                wedge.flush_due()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.KeyPress)
            continue
        if due is not None and due <= key.at:
            clock.ms = due
            wedge.flush_due()
            continue
        clock.ms = key.at
        focus_on(key.field)
        QApplication.sendEvent(key.field, key_event(key))
        if after_scan:  # the station's own work for a scan that just arrived
            gui_free_at = key.at + after_scan.pop()
        elif rng.random() < 0.01:
            gui_free_at = key.at + rng.randint(30, 60)  # something else keeps the GUI thread busy
        i += 1
    while wedge.timer_due_ms is not None:
        clock.ms = wedge.timer_due_ms
        wedge.flush_due()


def focus_on(field: QLineEdit) -> None:
    if QApplication.focusWidget() is not field:
        field.setFocus()


@pytest.mark.parametrize("seed", [14])
def test_a_thousand_scans_arrive_whole_and_typing_stays_typing(qtbot, seed: int) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    station = Station()
    qtbot.addWidget(station)
    station.show()
    qtbot.waitExposed(station)
    station.activateWindow()
    station.notes.setFocus()
    qtbot.waitUntil(station.notes.hasFocus)
    clock = FakeClock()
    hub = ScanHub()
    wedge = WedgeKeyFilter(hub, wedge_config(ScannerSettings()), clock=clock)
    scans: list[str] = []
    errors: list[str] = []
    after_scan: list[int] = []
    hub.scanned.connect(lambda event: (scans.append(event.text), after_scan.append(rng.randint(5, 45))))
    hub.scan_failed.connect(lambda error: errors.append(f"{error.code}: {error.raw[:40]}"))
    keys, expected, typed = script(rng, station, 1000)
    app = QApplication.instance()
    wedge.install(app)
    try:
        drive(keys, wedge, clock, rng, after_scan)
    finally:
        wedge.uninstall(app)
    assert errors == []
    broken = [s for s in scans if s not in set(expected)]
    assert broken == [], f"{len(broken)} broken scans, e.g. {broken[:3]}"
    assert scans == expected, f"{len(scans)} scans for {len(expected)} sent"
    assert station.notes.text() == typed[id(station.notes)]
    assert station.scan_field.text() == typed[id(station.scan_field)]


def test_a_key_held_down_is_typing_even_with_enter_right_after(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Auto-repeat (30 ms apart, faster than the burst gap) then Enter: never a scan."""
    station = Station()
    qtbot.addWidget(station)
    station.show()
    qtbot.waitExposed(station)
    station.activateWindow()
    station.notes.setFocus()
    qtbot.waitUntil(station.notes.hasFocus)
    clock = FakeClock()
    hub = ScanHub()
    scans: list[str] = []
    hub.scanned.connect(lambda event: scans.append(event.text))
    wedge = WedgeKeyFilter(hub, wedge_config(ScannerSettings()), clock=clock)
    app = QApplication.instance()
    wedge.install(app)
    try:
        t = 10_000
        keys = [(t, False)] + [(t + 500 + 30 * n, True) for n in range(12)]  # delay 500 ms, then repeats
        for at, repeat in keys:
            while wedge.timer_due_ms is not None and wedge.timer_due_ms <= at:
                clock.ms = wedge.timer_due_ms
                wedge.flush_due()
            clock.ms = at
            event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Minus, Qt.KeyboardModifier.NoModifier, "-",
                              repeat)
            event.setTimestamp(at)
            QApplication.sendEvent(station.notes, event)
        enter = Key(keys[-1][0] + 20, "Enter", station.notes)
        clock.ms = enter.at
        QApplication.sendEvent(station.notes, key_event(enter))
        while wedge.timer_due_ms is not None:
            clock.ms = wedge.timer_due_ms
            wedge.flush_due()
    finally:
        wedge.uninstall(app)
    assert scans == []
    assert station.notes.text() == "-" * 13
