"""One at a time per station: OS file locks that die with their process (even with ``kill -9``).

``station_lock(path, what)`` holds an exclusive lock on a small file (``fcntl.flock`` on POSIX,
``msvcrt.locking`` on Windows). The operating system releases it when the process ends, however it
ends, so a crashed import or sync never leaves a stale lock behind. Another process asking for the
same lock waits up to ``wait_s`` seconds and then gets :class:`Busy`.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

if os.name == "nt":  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class Busy(Exception):
    """Another process holds the lock; ``what`` says what it is doing (e.g. "an import")."""

    def __init__(self, what: str, path: Path) -> None:
        super().__init__(f"{what} is already running on this station ({path})")
        self.what = what
        self.path = path

    def holder_pid(self) -> int | None:
        """The process id the holder wrote into the lock file, when it can be read."""
        try:
            return int(self.path.read_text(encoding="ascii").split()[0])
        except (OSError, ValueError, IndexError):
            return None


@contextlib.contextmanager
def station_lock(path: Path, what: str, wait_s: float = 0.0, poll_s: float = 0.2) -> Iterator[None]:
    """Hold the lock file ``path`` while the block runs; :class:`Busy` after ``wait_s`` seconds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait_s
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise Busy(what, path)
            time.sleep(poll_s)
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)
