"""Tools of the fault suite: run the real ``inspector`` command, hold a database lock, fill a disk.

Permission faults are only real for a user other than root (root may write a 0444 file), so when
the tests run as root the commands run as ``nobody`` (``setpriv``) on a data directory it owns.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from inspector.scanning.checkdigits import luhn_check_digit

NOBODY = 65534
LOCKED = "The database is busy or locked by another program."
FULL = "The disk is full."
READ_ONLY = "The database is read-only."
DAMAGED = "The database file is damaged"
NOT_WRITABLE = "cannot be read or written"


@dataclass
class Run:
    status: int
    out: str
    err: str

    def plain(self) -> Run:
        """Assert that nothing technical leaked out (no traceback, no SQL)."""
        for text in (self.out, self.err):
            assert "Traceback" not in text, text
            assert "sqlalchemy" not in text.lower() and "[SQL:" not in text, text
        return self


def as_other_user() -> list[str]:
    """The command prefix that runs as an ordinary user (``nobody``) when the tests run as root."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        import pytest

        pytest.skip("running as root without setpriv: file permissions cannot be tested")
    return [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


def inspector(data_dir: Path, *args: str, user: list[str] | None = None, timeout: float = 180) -> Run:
    """Run ``inspector --data-dir DATA_DIR ARGS...`` in a fresh process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    env.update(HOME=str(data_dir.parent), QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run(
        [*(user or []), sys.executable, "-m", "inspector", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, timeout=timeout, env=env, cwd=data_dir.parent,
    )
    return Run(result.returncode, result.stdout, result.stderr)


def shared_dir(prefix: str = "inspector-faults-") -> Path:
    """A temporary folder every user may enter (pytest's own are private to root)."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    path.chmod(0o755)
    return path


def give_to(path: Path, uid: int) -> None:
    """Make ``uid`` the owner of ``path`` and everything in it (a no-op when not root)."""
    if os.geteuid() != 0:
        return
    for root, dirs, files in os.walk(path):
        os.chown(root, uid, uid)
        for name in dirs + files:
            os.chown(os.path.join(root, name), uid, uid, follow_symlinks=False)


def rma(number: int) -> str:
    """A valid RMA number (Luhn check digit) from a counter."""
    digits = f"{number:07d}"
    return f"RMA{digits}{luhn_check_digit(digits)}"


HEADER = (
    "rma_number,order_number,customer_name,customer_email,postcode,house_number,country,announced_at,"
    "refund_choice,warehouse,line_no,sku,product_name,category,quantity,unit_price,reason\n"
)


def returns_csv(path: Path, first: int, count: int, warehouse: str = "NL-AMS") -> Path:
    """A CSV of ``count`` valid one-line returns, RMA numbers from ``first`` on."""
    rows = [
        f"{rma(first + n)},WS-{first + n},Kim de Vries,kim{n}@example.nl,1234 AB,{n % 90 + 1},NL,"
        f"2025-03-10T09:15:00+01:00,refund,{warehouse},1,SKU-{n},Shirt {n},apparel,1,19.95,wrong_size\n"
        for n in range(count)
    ]
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    path.chmod(0o644)
    return path


def counts(database: Path) -> dict[str, int]:
    """Rows per table that holds recorded work, read straight from the file.

    A plain connection: as the last one it closes, it removes the ``-shm`` it made (a read-only
    connection would leave one behind with the database's present permissions).
    """
    connection = sqlite3.connect(database)
    try:
        tables = ("returns", "return_lines", "parcels", "inspections", "photos", "audit_events")
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        connection.close()


def photo_files(data_dir: Path) -> set[str]:
    """The original photo files in the store (relative paths)."""
    root = data_dir / "photos"
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")}


def referenced_photos(database: Path) -> set[str]:
    """The photo files the database refers to."""
    connection = sqlite3.connect(database)
    try:
        return {row[0] for row in connection.execute("SELECT file_path FROM photos")}
    finally:
        connection.close()


@contextmanager
def write_lock(database: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding a write transaction on ``database`` while the block runs."""
    script = (
        "import sqlite3, sys\n"
        f"c = sqlite3.connect({str(database)!r}, isolation_level=None, timeout=10)\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "print('locked', flush=True)\n"
        "sys.stdin.read()\n"
        "c.execute('ROLLBACK')\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield holder
    finally:
        assert holder.stdin is not None and holder.stdout is not None
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()


@contextmanager
def small_disk(where: Path, size: str = "6m") -> Iterator[Path]:
    """A small tmpfs mounted at ``where`` (root only); skips the test when it cannot be mounted."""
    import pytest

    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a full disk needs a small filesystem: run the tests as root to mount a tmpfs")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(where)],
        capture_output=True, text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill_disk(folder: Path, keep_bytes: int = 0) -> Path:
    """Fill the filesystem of ``folder`` up to ``keep_bytes`` free; returns the filler file."""
    filler = folder / "filler.bin"
    with filler.open("wb") as handle:
        chunk = b"\0" * 65536
        try:
            while shutil.disk_usage(folder).free > keep_bytes + len(chunk):
                handle.write(chunk)
                handle.flush()
            while True:
                handle.write(b"\0" * 4096)
                handle.flush()
                if shutil.disk_usage(folder).free <= keep_bytes:
                    break
        except OSError:
            pass
    return filler


def damage(database: Path, size: int = 8192) -> None:
    """Overwrite ``size`` bytes in the middle of the file (page-aligned) with garbage."""
    length = database.stat().st_size
    with database.open("r+b") as handle:
        handle.seek((length // 2) // 4096 * 4096)
        handle.write(bytes((n * 37 + 11) % 256 for n in range(size)))
