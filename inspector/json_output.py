"""JSON lines that are always valid UTF-8, whatever bytes came in on the command line.

On POSIX, Python hands a command-line argument that is not valid UTF-8 over with each bad byte as a
lone surrogate (``surrogateescape``); written out again, it becomes the raw byte (invalid UTF-8) or a
``UnicodeEncodeError``. :func:`json_line` turns every such byte into U+FFFD (the replacement
character) first, so the output always parses as UTF-8 JSON.
"""

from __future__ import annotations

import json
import re
from typing import Any

_OTHER_SURROGATES = re.compile("[\ud800-\udc7f\udd00-\udfff]")


def valid_text(text: str) -> str:
    """``text`` with each surrogate-escaped byte (and any other lone surrogate) as U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        text = _OTHER_SURROGATES.sub("\ufffd", text)  # not an escaped byte: cannot be bytes again
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def valid_json_value(value: Any) -> Any:
    """``value`` with every string in it (keys too) made valid by :func:`valid_text`."""
    if isinstance(value, str):
        return valid_text(value)
    if isinstance(value, dict):
        return {valid_json_value(k): valid_json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [valid_json_value(v) for v in value]
    return value


def json_line(value: Any, **options: Any) -> str:
    """One line of JSON (no newline), non-ASCII kept as is, always encodable as UTF-8."""
    return json.dumps(valid_json_value(value), ensure_ascii=False, **options)
