"""Real check of the keyboard-wedge filter under an X server: xdotool types scans like a scanner.

Usage (needs an X server, e.g. ``Xvfb :15 &``, and xdotool)::

    DISPLAY=:15 python scripts/wedge_xcheck.py [--scans 300] [--delay-ms 2] [--busy-ms 40]

A window with two text fields gets the application-wide :class:`WedgeKeyFilter` exactly as the
station installs it (default scanner settings). xdotool types portal-QR URLs (80 characters, each
followed by Enter) into the focused field at ``--delay-ms`` per key, one scan after another with
a short pause; between scans it sometimes types a few words at human speed. The GUI thread is
kept busy like a station's: every scan costs ``--busy-ms`` of work on the GUI thread (a page
switch and repaint) and a timer stalls it now and then for up to ``--stall-ms``. Prints JSON: scans
sent, whole scans received, scans refused as interrupted (the operator is asked to scan again),
split/merged/garbled scans, and whether the typed words stayed in the text field; exit 1 when a
scan was lost, split or merged.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from inspector.config import ScannerSettings
from inspector.ui.scan_input import ScanHub, WedgeKeyFilter, wedge_config


def portal_url(n: int, rng: random.Random) -> str:
    """An 80-character return-portal URL like the ones printed on return labels."""
    base = f"https://returns.example-shop.nl/r/RMA{n:08d}?pc={rng.randint(1000, 9999)}AB&t="
    return base + "".join(rng.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(80 - len(base)))


class Window(QWidget):
    """Two text fields; typing goes to the first."""

    typed_done = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.notes = QLineEdit()
        self.other = QLineEdit()
        layout = QVBoxLayout(self)
        layout.addWidget(self.notes)
        layout.addWidget(self.other)


def main(argv: list[str] | None = None) -> int:
    """Run the check; 0 when every scan arrived whole and no typing was taken for a scan."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=300)
    parser.add_argument("--delay-ms", type=int, default=2)
    parser.add_argument("--busy-ms", type=float, default=40.0, help="GUI work per scan")
    parser.add_argument("--stall-ms", type=float, default=40.0, help="longest random GUI stall")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") or shutil.which("xdotool") is None:
        print("needs DISPLAY (an X server such as Xvfb) and xdotool", file=sys.stderr)
        return 2
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    app = QApplication([])
    window = Window()
    window.resize(600, 200)
    window.show()
    window.raise_()
    window.activateWindow()
    deadline = time.monotonic() + 5
    while not window.notes.hasFocus() and time.monotonic() < deadline:
        window.notes.setFocus()
        app.processEvents()
        time.sleep(0.01)
    subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(os.getpid()),
                    "windowfocus", "--sync"], check=False, capture_output=True)
    app.processEvents()

    hub = ScanHub()
    wedge = WedgeKeyFilter(hub, wedge_config(ScannerSettings()))
    wedge.install(app)
    received: list[str] = []
    refused: list[str] = []
    hub.scan_failed.connect(lambda error: refused.append(error.code))

    def on_scan(event: object) -> None:
        received.append(event.text)  # type: ignore[attr-defined]
        end = time.perf_counter() + args.busy_ms / 1000  # the station's work for a scan
        while time.perf_counter() < end:
            pass

    hub.scanned.connect(on_scan)
    rng = random.Random(args.seed)

    def stall() -> None:
        end = time.perf_counter() + rng.uniform(0, args.stall_ms) / 1000
        while time.perf_counter() < end:
            pass

    stalls = QTimer()
    stalls.setInterval(97)
    stalls.timeout.connect(stall)
    stalls.start()

    scans = [portal_url(n, rng) for n in range(args.scans)]
    words: list[str] = []

    def typist() -> None:
        for n, scan in enumerate(scans):
            subprocess.run(["xdotool", "type", "--delay", str(args.delay_ms), scan + "\n"], check=True)
            if n % 25 == 24:  # a person types a word into the field now and then
                word = f" ok{n}"
                words.append(word)
                subprocess.run(["xdotool", "type", "--delay", "150", word], check=True)
            time.sleep(0.6 if n % 25 == 24 else 0.15)
        time.sleep(0.5)
        window.typed_done.emit()  # queued to the GUI thread: ends app.exec()

    thread = threading.Thread(target=typist, daemon=True)
    started = time.monotonic()
    thread.start()
    window.typed_done.connect(app.quit)
    app.exec()
    wedge.uninstall(app)
    whole = sum(1 for text in received if text in set(scans))
    field = window.notes.text()
    rest = field
    for word in words:  # the typed words, in order, with stray characters around them
        found = rest.find(word)
        rest = rest[found + len(word):] if found >= 0 else "\0"
    result = {
        "scans_sent": len(scans),
        "delay_ms_per_key": args.delay_ms,
        "gui_busy_ms_per_scan": args.busy_ms,
        "events_received": len(received),
        "whole_scans": whole,
        "refused_interrupted_scan_again": refused.count("interrupted"),
        "other_errors": [code for code in refused if code != "interrupted"],
        "missing": len(set(scans) - set(received)),
        "broken_events": [t[:50] for t in received if t not in set(scans)][:10],
        "typed_text": field,
        "typed_words_intact": rest != "\0",
        "stray_characters_in_field": len(field) - len("".join(words)),
        "seconds": round(time.monotonic() - started, 1),
    }
    print(json.dumps(result, indent=2))
    ok = whole == len(received) and whole + len(refused) == len(scans) and result["typed_words_intact"]
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
