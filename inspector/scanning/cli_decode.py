"""``inspector decode [--json] IMAGE...``: decode barcodes in image files and print one line per image."""

from __future__ import annotations

import time
from typing import TextIO

from inspector.json_output import json_line

from .decode import BarcodeDecoder, DecodedCode, DecodeError, load_image


def _code_dict(code: DecodedCode) -> dict[str, object]:
    return {"format": code.format, "text": code.text, "points": [list(p) for p in code.points],
            "backend": code.backend, "symbology_id": code.symbology_id}


def _human(path: str, ms: float, codes: list[DecodedCode]) -> str:
    if not codes:
        return f"{path}: no barcode found ({ms:.1f} ms)"
    found = "; ".join(f"{c.format} {c.text!r}" for c in codes)
    return f"{path}: {found} ({ms:.1f} ms)"


def run_decode(paths: list[str], as_json: bool, out: TextIO) -> int:
    """Decode each image file and write one line per file to ``out``.

    With ``as_json`` each line is ``{"file", "ms", "codes": [{"format", "text", "points", ...}]}``,
    or ``{"file", "error"}`` for a file that cannot be read (always valid UTF-8: a file name's bytes
    that are not show as U+FFFD). Returns 1 if any file errored, else 0.
    """
    decoder = BarcodeDecoder()
    status = 0
    for path in paths:
        try:
            image = load_image(path)
        except DecodeError as exc:
            status = 1
            if as_json:
                out.write(json_line({"file": path, "error": str(exc)}) + "\n")
            else:
                out.write(f"{path}: error: {exc}\n")
            continue
        t0 = time.perf_counter()
        codes = decoder.decode(image)
        ms = (time.perf_counter() - t0) * 1000
        if as_json:
            line = {"file": path, "ms": round(ms, 2), "codes": [_code_dict(c) for c in codes]}
            out.write(json_line(line) + "\n")
        else:
            out.write(_human(path, ms, codes) + "\n")
    return status
