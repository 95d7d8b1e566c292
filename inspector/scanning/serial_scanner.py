"""Qt-free reader for serial / virtual-COM barcode scanners (pyserial).

:class:`SerialScanner` owns one background thread: it opens the port, splits the byte stream at the
terminator, decodes each frame (UTF-8, falling back to cp1252 with a warning), parses the AIM symbology
identifier and calls ``on_scan(ScanEvent)``. When the port disappears (USB unplugged) it reports a
``ScanError`` via ``on_error`` and reconnects with exponential backoff. Callbacks run on the reader
thread: a GUI must marshal them to its own thread (e.g. emit a Qt signal).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

import serial
from serial.tools import list_ports

from inspector.scanning.events import ScanError, ScanEvent, parse_aim, strip_control_chars

ScanCallback = Callable[[ScanEvent], None]
ErrorCallback = Callable[[ScanError], None]


class _Port(Protocol):
    def read(self, size: int = 1) -> bytes: ...
    def close(self) -> None: ...
    @property
    def in_waiting(self) -> int: ...


def list_serial_ports() -> list[str]:
    """Device names of the serial ports present (``/dev/ttyACM0``, ``COM3`` ...), sorted."""
    return sorted(p.device for p in list_ports.comports())


def decode_frame(frame: bytes) -> tuple[str, list[str]]:
    """Decode scanner bytes: UTF-8, else cp1252 (else latin-1); returns text and warnings."""
    try:
        return frame.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    try:
        return frame.decode("cp1252"), ["data was not valid UTF-8; decoded as Windows-1252"]
    except UnicodeDecodeError:
        return frame.decode("latin-1"), ["data was not valid UTF-8; decoded as Latin-1"]


class SerialScanner:
    """Background reader for one serial scanner. ``start()`` once, ``stop()`` to join the thread."""

    def __init__(
        self,
        port: str,
        baudrate: int = 9600,
        terminator: bytes = b"\r",
        on_scan: ScanCallback | None = None,
        on_error: ErrorCallback | None = None,
        *,
        max_length: int = 4096,
        backoff_initial: float = 0.5,
        backoff_max: float = 10.0,
        read_timeout: float = 0.1,
        serial_factory: Callable[..., Any] | None = None,
    ) -> None:
        """Configure the reader; nothing is opened until :meth:`start`.

        ``serial_factory(port=..., baudrate=..., timeout=...)`` defaults to ``serial.Serial`` (tests inject
        fakes). ``terminator`` must be non-empty; a ``\\n`` right after a ``\\r`` terminator is ignored.
        """
        if not terminator:
            raise ValueError("terminator must not be empty")
        self.port = port
        self.baudrate = baudrate
        self.terminator = terminator
        self.on_scan = on_scan or (lambda _event: None)
        self.on_error = on_error or (lambda _error: None)
        self.max_length = max_length
        self.backoff_initial = backoff_initial
        self.backoff_max = backoff_max
        self.read_timeout = read_timeout
        self._factory = serial_factory or serial.Serial
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._connected = threading.Event()

    @property
    def running(self) -> bool:
        """True while the reader thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    @property
    def connected(self) -> bool:
        """True while the port is open."""
        return self._connected.is_set()

    def wait_connected(self, timeout: float) -> bool:
        """Block until the port is open or ``timeout`` seconds pass; returns :attr:`connected`."""
        return self._connected.wait(timeout)

    def start(self) -> None:
        """Start the reader thread (no-op if already running)."""
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"SerialScanner({self.port})", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """Ask the thread to stop, close the port and join (at most ``timeout`` seconds)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    # --- thread -----------------------------------------------------------------------------------------

    def _run(self) -> None:
        backoff = self.backoff_initial
        reported = False
        while not self._stop.is_set():
            try:
                port = self._factory(port=self.port, baudrate=self.baudrate, timeout=self.read_timeout)
            except (serial.SerialException, OSError, ValueError) as exc:
                if not reported:
                    self._error(
                        f"Cannot open scanner port {self.port}: {exc}; retrying", code="port_unavailable"
                    )
                    reported = True
                self._stop.wait(backoff)
                backoff = min(backoff * 2, self.backoff_max)
                continue
            backoff, reported = self.backoff_initial, False
            self._connected.set()
            try:
                self._read_loop(port)
            except (serial.SerialException, OSError) as exc:
                if not self._stop.is_set():
                    self._error(f"Scanner port {self.port} lost: {exc}; reconnecting", code="port_lost")
                    reported = True
            finally:
                self._connected.clear()
                with contextlib.suppress(Exception):  # closing a vanished device may fail
                    port.close()
            if not self._stop.is_set():
                self._stop.wait(backoff)

    def _read_loop(self, port: _Port) -> None:
        buffer = bytearray()
        overflow = False
        while not self._stop.is_set():
            chunk = port.read(max(1, getattr(port, "in_waiting", 0) or 1))
            if not chunk:
                continue
            buffer.extend(chunk)
            while True:
                idx = buffer.find(self.terminator)
                if idx < 0:
                    break
                frame = bytes(buffer[:idx])
                del buffer[: idx + len(self.terminator)]
                if self.terminator == b"\r" and buffer[:1] == b"\n":
                    del buffer[:1]
                if overflow:
                    overflow = False  # end of the rejected frame
                    continue
                self._emit(frame.lstrip(b"\n") if self.terminator == b"\r" else frame)
            if len(buffer) > self.max_length:
                if not overflow:
                    self._error(
                        f"Scan rejected: more than {self.max_length} bytes without terminator",
                        raw=bytes(buffer[:64]).decode("latin-1"),
                        code="too_long",
                    )
                overflow = True
                buffer.clear()

    def _emit(self, frame: bytes) -> None:
        if not frame:
            return
        if len(frame) > self.max_length:
            self._error(
                f"Scan rejected: more than {self.max_length} bytes",
                raw=frame[:64].decode("latin-1"),
                code="too_long",
            )
            return
        raw, warnings = decode_frame(frame)
        text, removed = strip_control_chars(raw)
        if removed:
            warnings.append(f"{removed} control character(s) other than GS/RS/EOT were removed")
        aim = parse_aim(text)
        event = ScanEvent(
            text=aim.data,
            source="serial",
            symbology=aim.symbology,
            aim_id=aim.aim_id,
            at=time.monotonic(),
            raw=raw,
            warnings=tuple(warnings),
        )
        try:
            self.on_scan(event)
        except Exception as exc:  # a failing consumer must not kill the reader
            self._error(f"on_scan callback failed: {exc!r}")

    def _error(self, message: str, raw: str = "", code: str = "") -> None:
        with contextlib.suppress(Exception):  # never let the error callback kill the thread
            self.on_error(ScanError(message, "serial", time.monotonic(), raw, code))
