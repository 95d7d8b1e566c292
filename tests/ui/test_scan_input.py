"""The keyboard-wedge filter, driven with real key events at scanner and human speed."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from inspector.scanning.wedge import WedgeConfig
from inspector.ui.scan_input import ScanHub, WedgeKeyFilter


@pytest.fixture
def station(qtbot):  # type: ignore[no-untyped-def]
    window = QWidget()
    layout = QVBoxLayout(window)
    notes, other = QLineEdit(), QLineEdit()
    layout.addWidget(notes)
    layout.addWidget(other)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus)
    hub = ScanHub()
    wedge = WedgeKeyFilter(hub, WedgeConfig(max_gap_ms=40))
    wedge.install(QApplication.instance())
    scans: list = []
    hub.scanned.connect(scans.append)
    yield notes, other, hub, scans
    wedge.uninstall(QApplication.instance())


_STAMP = [100_000]  # the window system's key clock (ms), shared by the helpers below
_TERMINATORS = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Tab: "\t", Qt.Key.Key_Space: " "}


def _key(widget, key: Qt.Key, text: str, after_ms: int) -> None:  # type: ignore[no-untyped-def]
    """A key press stamped ``after_ms`` after the previous one, like X11 delivers it."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    _STAMP[0] += after_ms
    event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
    event.setTimestamp(_STAMP[0])
    QApplication.sendEvent(widget, event)


def scanner_types(qtbot, widget, text: str, terminator=Qt.Key.Key_Return) -> None:  # type: ignore[no-untyped-def]
    """Type like a keyboard-wedge scanner: keys stamped 6 ms apart, then the terminator.

    The stamps carry the timing (as on a real X11 station), and the keys go in back to back, so a busy
    test machine cannot stretch the burst past the gap limit: the test cannot fail by load alone."""
    for char in text:
        _key(widget, Qt.Key(ord(char.upper())), char, 6)
    _key(widget, terminator, _TERMINATORS[terminator], 6)


def person_types(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type like a person: keys stamped 150 ms apart (load only makes the real gaps longer)."""
    for char in text:
        _key(widget, Qt.Key(ord(char.upper())) if char != " " else Qt.Key.Key_Space, char, 150)
        qtbot.wait(110)


def pause(qtbot, ms: int) -> None:  # type: ignore[no-untyped-def]
    """Nobody types for ``ms``: on the key clock (the next key is stamped that much later) and for real."""
    _STAMP[0] += ms
    qtbot.wait(ms)


def test_a_scanner_burst_becomes_one_scan_and_stays_out_of_the_text_field(qtbot, station) -> None:  # type: ignore[no-untyped-def]
    notes, _other, hub, scans = station
    with qtbot.waitSignal(hub.scanned, timeout=2000):
        scanner_types(qtbot, notes, "3SABCD1234567")
    assert [s.text for s in scans] == ["3SABCD1234567"]
    assert scans[0].source == "wedge"
    assert notes.text() == ""


def test_a_person_typing_is_left_alone(qtbot, station) -> None:  # type: ignore[no-untyped-def]
    notes, _other, _hub, scans = station
    person_types(qtbot, notes, "Krassen")
    qtbot.wait(100)
    assert notes.text() == "Krassen"
    assert scans == []


def test_aim_identifier_and_tab_terminator(qtbot, station) -> None:  # type: ignore[no-untyped-def]
    notes, _other, hub, scans = station
    with qtbot.waitSignal(hub.scanned, timeout=2000):
        scanner_types(qtbot, notes, "]E08712345678906", terminator=Qt.Key.Key_Tab)
    assert scans[0].text == "8712345678906" and scans[0].symbology == "EAN13"
    assert notes.hasFocus(), "the Tab of a scan must not move the focus"


def test_typing_then_scanning_then_typing(qtbot, station) -> None:  # type: ignore[no-untyped-def]
    notes, _other, hub, scans = station
    person_types(qtbot, notes, "ok ")
    pause(qtbot, 300)  # picking up the scanner (a scan closer than 250 ms to typing is refused)
    with qtbot.waitSignal(hub.scanned, timeout=2000):
        scanner_types(qtbot, notes, "RMA12345674")
    pause(qtbot, 150)
    person_types(qtbot, notes, "ja")
    qtbot.wait(100)
    assert notes.text() == "ok ja"
    assert [s.text for s in scans] == ["RMA12345674"]


def test_short_fast_sequences_are_typing_not_scans(qtbot, station) -> None:  # type: ignore[no-untyped-def]
    notes, _other, _hub, scans = station
    scanner_types(qtbot, notes, "ab", terminator=Qt.Key.Key_Space)
    qtbot.wait(150)
    assert notes.text() == "ab " and scans == []


def test_a_typed_code_goes_through_the_same_hub() -> None:
    hub = ScanHub()
    seen: list = []
    hub.scanned.connect(seen.append)
    hub.submit_typed("  rma12345674 ")
    hub.submit_typed("   ")
    assert [(s.text, s.source) for s in seen] == [("rma12345674", "typed")]


def _stamped_key(widget, char: str, stamp: int) -> None:  # type: ignore[no-untyped-def]
    """A key press carrying a window-system timestamp, like X11 delivers (its own clock origin)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    key = Qt.Key.Key_Return if char == "\r" else ord(char.upper())
    event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, "" if char == "\r" else char)
    event.setTimestamp(stamp)
    QApplication.sendEvent(widget, event)


def test_window_system_timestamps_from_another_clock(qtbot, station) -> None:  # type: ignore[no-untyped-def]
    """X11 stamps keys in ms since the X server started: the burst timing must use that clock."""
    notes, _other, hub, scans = station
    origin = 1_000  # far from time.monotonic()
    with qtbot.waitSignal(hub.scanned, timeout=2000):
        for n, char in enumerate("3SABCD1234567\r"):
            _stamped_key(notes, char, origin + 6 * n)
            qtbot.wait(2)  # the event loop runs between keys, as with a real scanner
    assert [s.text for s in scans] == ["3SABCD1234567"] and notes.text() == ""
    origin += 5_000
    for n, char in enumerate("ok"):
        _stamped_key(notes, char, origin + 150 * n)
        qtbot.wait(150)
    qtbot.wait(100)
    assert notes.text() == "ok" and len(scans) == 1


def test_scanner_problems_reach_the_user_in_their_language() -> None:
    """Rejected scans and keyboard hints carry codes that the GUI translates (Dutch here)."""
    from inspector.scanning.wedge import WedgeBurstDetector
    from inspector.ui.application import install_translator
    from inspector.ui.texts import scan_error_text, scan_hint_text

    detector = WedgeBurstDetector(WedgeConfig(max_length=20))
    errors = [detector.feed(c, float(n)).error for n, c in enumerate("X" * 25)]
    (error,) = [e for e in errors if e is not None]
    assert error.code == "too_long"
    detector = WedgeBurstDetector(WedgeConfig())  # a Caps Lock scan: "rma12345674" + Enter
    for n, char in enumerate("rma12345674"):
        detector.feed(char, float(n * 5))
    event = detector.feed("Enter", 60.0).event
    assert event is not None and event.text == "RMA12345674" and event.hint_code == "caps_lock"
    app = QApplication.instance()
    install_translator(app, "nl")
    try:
        assert "te lang" in scan_error_text(error)
        assert "Caps Lock" in scan_hint_text(event) and "hersteld" in scan_hint_text(event)
    finally:
        install_translator(app, "en")
    assert "far too long" in scan_error_text(error)
