"""The physical lines of an import file, read as a stream (memory does not grow with the file).

:func:`open_lines` checks the file (exists, not a folder, not a workbook, not binary), finds its
encoding (UTF-8 with or without BOM, or UTF-16 with a BOM) and returns :class:`Lines`: numbered
physical lines, with push-back (a CSV row that swallowed the lines after it hands them back to be
read again) and a hard limit on the length of a line.
"""

from __future__ import annotations

import codecs
import io
import os
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from inspector.services.returns_import.fields import _ESCAPED_BYTE
from inspector.services.returns_import.report import ImportProblem, _plural

MAX_LINE_CHARS = 1_000_000
"""A physical line longer than this is not read; its row is rejected (``too_long``)."""

_WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
_PEEK_BYTES = 64 * 1024


class Lines:
    """Numbered physical lines of a text stream (endings kept), with push-back and a length limit."""

    def __init__(self, binary: BinaryIO, encoding: str, size: int) -> None:
        self._binary = binary
        self._utf8 = encoding.startswith("utf-8")
        self._text = io.TextIOWrapper(
            binary, encoding=encoding, errors="surrogateescape" if self._utf8 else "strict", newline=""
        )
        self.size = max(size, 1)
        self._next_number = 1
        self._back: deque[tuple[int, str]] = deque()
        self.consumed: list[tuple[int, str]] = []
        self.current = 0
        self.too_long: set[int] = set()
        self.not_utf8 = 0
        self.cp1252 = True

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        if self._back:
            number, text = self._back.popleft()
        else:
            text = self._read()
            if not text:
                raise StopIteration
            number = self._next_number
            self._next_number += 1
        self.current = number
        self.consumed.append((number, text))
        return text

    def _read(self) -> str:
        try:
            text = self._text.readline(MAX_LINE_CHARS + 1)
        except UnicodeDecodeError as exc:
            raise ImportProblem("encoding", f"The file is damaged UTF-16 text: {exc.reason}.") from exc
        if len(text) > MAX_LINE_CHARS and not text.endswith(("\n", "\r")):
            while True:  # skip the rest of the line, a chunk at a time
                rest = self._text.readline(1 << 20)
                if not rest or rest.endswith(("\n", "\r")):
                    break
            self.too_long.add(self._next_number)
            return "\n"
        if self._utf8 and not text.isascii() and _ESCAPED_BYTE.search(text):
            self.not_utf8 += 1
            if self.cp1252:
                try:
                    text.encode("utf-8", "surrogateescape").decode("cp1252")
                except UnicodeDecodeError:
                    self.cp1252 = False
        return text

    def mark(self) -> None:
        """Start recording the lines handed out for the next row."""
        self.consumed = []

    def push_back(self, lines: list[tuple[int, str]]) -> None:
        """Hand ``lines`` out again (before anything not yet read)."""
        self._back.extendleft(reversed(lines))

    def fraction(self) -> float:
        """How much of the file was read (0 to 1)."""
        try:
            return min(1.0, self._binary.tell() / self.size)
        except (OSError, ValueError):
            return 0.0

    def encoding_warnings(self, path: Path) -> list[str]:
        """The warning for a file that is not UTF-8 (empty when it is)."""
        if not self.not_utf8:
            return []
        bad = self.not_utf8
        guess = " It looks like a Windows-1252 (ANSI) export." if self.cp1252 else ""
        return [
            f"{path} is not UTF-8: {bad} {_plural(bad, 'line')} {'holds' if bad == 1 else 'hold'} other "
            f"bytes; the returns they belong to were refused.{guess} Save the file as 'CSV UTF-8' and "
            f"import it again."
        ]

    def close(self) -> None:
        """Close the file."""
        self._text.close()


def open_lines(path: Path) -> tuple[Lines, str]:
    """Open ``path`` for reading line by line; returns the lines and the first 64 KB of text."""
    try:
        if not path.exists():
            raise ImportProblem("not_found", f"{path}: no such file.")
        if path.is_dir():
            raise ImportProblem("not_a_file", f"{path} is a folder, not a file.")
        binary = path.open("rb")
    except OSError as exc:
        raise ImportProblem("unreadable", f"{path} cannot be read: {exc.strerror or exc}.") from exc
    try:
        head = binary.read(_PEEK_BYTES)
        size = os.fstat(binary.fileno()).st_size
    except OSError as exc:
        binary.close()
        raise ImportProblem("unreadable", f"{path} cannot be read: {exc.strerror or exc}.") from exc
    if head.startswith(_WORKBOOK_MAGIC):
        binary.close()
        raise ImportProblem(
            "unsupported_format", f"{path} is a spreadsheet workbook; save it as 'CSV UTF-8' and import that."
        )
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in head:
        binary.close()
        raise ImportProblem("encoding", f"{path} is not a text file (or UTF-16 without a byte-order mark).")
    else:
        encoding = "utf-8-sig"
    binary.seek(0)
    peek = head.decode(encoding if encoding != "utf-16" else "utf-16", errors="replace")
    return Lines(binary, encoding, size), peek.removeprefix("\ufeff")
