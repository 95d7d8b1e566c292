"""Files only the station's own user may read (settings, the central password), written safely.

:func:`write_private` writes through a temporary file in the same directory, created with mode 0600
(owner read/write only on POSIX; on Windows the data directory in the user's profile is private by
its ACL), flushed and fsynced, then renamed over the target and the directory fsynced: a crash or a
power cut leaves the old file or the new one, never half a file, and never a moment in which another
user could read it.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

PRIVATE_MODE = 0o600


def write_private(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` atomically; the file is readable by its owner only."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(tmp, flags, PRIVATE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), PRIVATE_MODE)  # an old temporary file kept its mode
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_directory(target.parent)


def fsync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable (POSIX; a no-op where directories cannot be opened)."""
    if hasattr(os, "O_DIRECTORY"):
        dir_fd = os.open(directory, os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def is_private(path: Path) -> bool:
    """True when no other user may read ``path`` (always True where POSIX modes do not apply)."""
    if os.name != "posix":
        return True
    return not stat.S_IMODE(path.stat().st_mode) & 0o077
