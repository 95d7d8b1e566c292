"""Small helpers the command-line modules share (exit codes, PIN entry, percentages)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TextIO

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_ENVIRONMENT = 3


def percent_bp(text: str) -> int:
    """A percentage such as ``5`` or ``2.5`` as basis points (250)."""
    try:
        value = float(text.rstrip("%").replace(",", "."))
    except ValueError as exc:
        raise argparse.ArgumentTypeError("give a percentage, e.g. 5 or 2.5") from exc
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError("a percentage is 0 to 100")
    return round(value * 100)


def read_pin_twice(
    from_stdin: bool, stdin: TextIO, ask: Callable[[str], str], prompt: str
) -> tuple[str, str]:
    """A PIN and its repetition: two lines of standard input, or asked for twice (never echoed)."""
    if from_stdin:
        first, second = stdin.readline().strip(), stdin.readline().strip()
        return first, second
    return ask(prompt).strip(), ask("The same PIN again: ").strip()
