"""SerialScanner against a pseudo-terminal pair, plus reconnect/backoff with a fake port."""

from __future__ import annotations

import os
import sys
import threading
import time

import pytest
import serial

from inspector.scanning.events import ScanError, ScanEvent
from inspector.scanning.serial_scanner import SerialScanner, decode_frame, list_serial_ports

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs os.openpty")


class Collector:
    def __init__(self) -> None:
        self.scans: list[ScanEvent] = []
        self.errors: list[ScanError] = []
        self.cond = threading.Condition()

    def scan(self, ev: ScanEvent) -> None:
        with self.cond:
            self.scans.append(ev)
            self.cond.notify_all()

    def error(self, err: ScanError) -> None:
        with self.cond:
            self.errors.append(err)
            self.cond.notify_all()

    def wait(self, predicate, timeout: float = 3.0) -> bool:  # type: ignore[no-untyped-def]
        with self.cond:
            return self.cond.wait_for(predicate, timeout)


@pytest.fixture
def pty_pair():  # type: ignore[no-untyped-def]
    master, slave = os.openpty()
    yield master, os.ttyname(slave)
    os.close(master)
    os.close(slave)


def test_reads_frames_parses_aim_and_decodes(pty_pair) -> None:  # type: ignore[no-untyped-def]
    master, path = pty_pair
    c = Collector()
    sc = SerialScanner(path, 9600, on_scan=c.scan, on_error=c.error)
    sc.start()
    try:
        assert sc.wait_connected(3)
        os.write(master, b"]E08712345678906\r\n]C1010871234567890621A\x1d10B\r")
        os.write(master, "caf\u00e9\r".encode() + b"caf\xe9\r")
        assert c.wait(lambda: len(c.scans) >= 4)
    finally:
        sc.stop()
    assert not sc.running
    first, gs1, utf8, cp1252 = c.scans[:4]
    assert (first.text, first.aim_id, first.symbology) == ("8712345678906", "]E0", "EAN13")
    assert first.source == "serial"
    assert gs1.text == "010871234567890621A\x1d10B" and gs1.is_gs1
    assert utf8.text == "café" and utf8.warnings == ()
    assert cp1252.text == "café" and cp1252.warnings
    assert c.errors == []


def test_custom_terminator_and_overlong_frame(pty_pair) -> None:  # type: ignore[no-untyped-def]
    master, path = pty_pair
    c = Collector()
    sc = SerialScanner(path, 115200, terminator=b"\n", on_scan=c.scan, on_error=c.error, max_length=32)
    sc.start()
    try:
        assert sc.wait_connected(3)
        os.write(master, b"X" * 100 + b"\nBDG000123\n")
        assert c.wait(lambda: len(c.scans) >= 1 and len(c.errors) >= 1)
    finally:
        sc.stop()
    assert [s.text for s in c.scans] == ["BDG000123"]
    assert "32" in c.errors[0].message


class FlakyPort:
    """Fake port: first open fails, then delivers one frame, then vanishes once."""

    opens = 0

    def __init__(self, port: str, baudrate: int, timeout: float) -> None:
        FlakyPort.opens += 1
        if FlakyPort.opens == 1:
            raise serial.SerialException("could not open port")
        self.n = FlakyPort.opens
        self.sent = False

    @property
    def in_waiting(self) -> int:
        return 0

    def read(self, size: int = 1) -> bytes:
        if not self.sent:
            self.sent = True
            return f"SCAN{self.n}\r".encode()
        if self.n == 2:
            raise serial.SerialException("device reports readiness to read but returned no data")
        time.sleep(0.01)
        return b""

    def close(self) -> None:
        pass


def test_reconnects_with_backoff_after_open_failure_and_port_loss() -> None:
    FlakyPort.opens = 0
    c = Collector()
    sc = SerialScanner("/dev/fake", on_scan=c.scan, on_error=c.error, backoff_initial=0.01,
                       backoff_max=0.05, serial_factory=FlakyPort)
    sc.start()
    try:
        assert c.wait(lambda: [s.text for s in c.scans] == ["SCAN2", "SCAN3"])
    finally:
        sc.stop()
    assert not sc.running
    messages = [e.message for e in c.errors]
    assert any("Cannot open" in m for m in messages) and any("lost" in m for m in messages)


def test_stop_without_start_and_double_start_are_safe() -> None:
    sc = SerialScanner("/dev/does-not-exist-xyz", backoff_initial=0.01)
    sc.stop()
    sc.start()
    sc.start()
    time.sleep(0.05)
    sc.stop(timeout=2)
    assert not sc.running


def test_helpers() -> None:
    assert decode_frame(b"abc") == ("abc", [])
    assert isinstance(list_serial_ports(), list)
    with pytest.raises(ValueError):
        SerialScanner("x", terminator=b"")
