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
    """A PIN and its repetition: two lines of standard input, or asked for twice (never echoed).

    The end of input (Ctrl+D, a closed standard input) gives empty answers, which the caller refuses
    with its plain message, never a traceback.
    """
    if from_stdin:
        first, second = stdin.readline().strip(), stdin.readline().strip()
        return first, second
    try:
        return ask(prompt).strip(), ask("The same PIN again: ").strip()
    except EOFError:
        return "", ""


def add_warehouse_arguments(parser: argparse.ArgumentParser) -> None:
    """The options that change a warehouse's settings (``warehouse set``, ``central warehouse``)."""
    parser.add_argument("--name")
    parser.add_argument("--time-zone", metavar="ZONE")
    parser.add_argument("--return-window", metavar="DAYS", type=int)
    parser.add_argument("--vip-return-window", metavar="DAYS", type=int)
    parser.add_argument("--restocking-fee", metavar="PERCENT", type=percent_bp)
    parser.add_argument("--damage-deduction", metavar="PERCENT", type=percent_bp)


def warehouse_values(args: argparse.Namespace) -> dict[str, object]:
    """The settings given with :func:`add_warehouse_arguments`, by their stored names."""
    given = (("name", args.name), ("time_zone", args.time_zone), ("return_window_days", args.return_window),
             ("vip_return_window_days", args.vip_return_window), ("restocking_fee_bp", args.restocking_fee),
             ("damage_deduction_bp", args.damage_deduction))
    return {key: value for key, value in given if value is not None}
