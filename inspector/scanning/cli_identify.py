"""``inspector identify [--json] TEXT...``: print what each input is.

Wire it into the main CLI with e.g.::

    p = sub.add_parser("identify")
    p.add_argument("--json", action="store_true")
    p.add_argument("texts", nargs="+")
    ...
    return run_identify(args.texts, args.json, sys.stdout)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from inspector.json_output import json_line
from inspector.scanning.identify import Identification, identify


def format_human(result: Identification) -> str:
    """One readable line, e.g. ``1Z999AA10123456784  tracking  valid  ups/UPS  (also: ...)``."""
    status = "valid" if result.valid else "INVALID"
    parts = [repr(result.input) if not result.input.isprintable() else result.input, result.kind, status]
    if result.normalized and result.normalized != result.input:
        parts.append(f"-> {result.normalized}")
    if result.candidates:
        cands = [f"{c.carrier}/{c.service}{'' if c.valid else ' (invalid)'}" for c in result.candidates[:4]]
        parts.append("carriers: " + ", ".join(cands))
    extra = {k: v for k, v in result.fields.items() if k not in ("carrier", "service", "tracking_url")}
    if extra:
        parts.append(" ".join(f"{k}={v}" for k, v in extra.items()))
    return "  ".join(parts)


def run_identify(texts: list[str], as_json: bool, out: TextIO) -> int:
    """Identify every text; one JSON object per line with ``as_json``, else a human line. Returns 0.

    The JSON is always valid UTF-8: bytes of an argument that were not are shown as U+FFFD.
    """
    for text in texts:
        result = identify(text)
        if as_json:
            out.write(json_line(result.to_json()) + "\n")
        else:
            out.write(format_human(result) + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Stand-alone entry point: ``python -m inspector.scanning.cli_identify [--json] TEXT...``."""
    parser = argparse.ArgumentParser(prog="inspector identify", description="Identify barcodes / numbers.")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("texts", nargs="+", metavar="TEXT")
    args = parser.parse_args(argv)
    return run_identify(args.texts, args.json, sys.stdout)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
