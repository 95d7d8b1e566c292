"""Content-addressed photo storage: originals stored once, immutable, named by SHA-256.

Files are written atomically (temporary file, fsync, rename), so a power cut leaves either the
whole photo or nothing. Thumbnails are derived files and can always be rebuilt.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from inspector.fault_points import fault_point
from inspector.image_limits import MAX_PHOTO_PIXELS, ImageTooLarge, check_pixels
from inspector.private_files import fsync_directory

THUMBNAIL_SIZE = (320, 320)
_MIME_SUFFIX = {"JPEG": ("image/jpeg", ".jpg"), "PNG": ("image/png", ".png"), "WEBP": ("image/webp", ".webp")}


class PhotoError(ValueError):
    """The bytes are not a photo we can store (empty, corrupt, unsupported format)."""


@dataclass(frozen=True)
class StoredPhoto:
    """What the store knows about a stored original."""

    sha256: str
    relative_path: str
    size_bytes: int
    width: int
    height: int
    mime_type: str


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file (mode 0600), fsync and rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        replace_durably(Path(tmp_name), target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def replace_durably(tmp: Path, target: Path) -> None:
    """fsync the finished ``tmp``, rename it over ``target``, fsync the folder (survives a power cut)."""
    with tmp.open("rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, target)
    fsync_directory(target.parent)


class PhotoStore:
    """Originals under ``photos/aa/<sha256>.<ext>``, thumbnails under ``thumbnails/aa/<sha256>.jpg``."""

    def __init__(self, photos_dir: Path, thumbnails_dir: Path) -> None:
        self.photos_dir = photos_dir
        self.thumbnails_dir = thumbnails_dir
        self._local = threading.local()

    @contextmanager
    def removed_on_failure(self, referenced: Callable[[list[str]], set[str]]) -> Iterator[None]:
        """Photos this thread stores while the block runs are removed again when the block fails.

        The block is the database transaction that records them: when it fails (a full disk, a lock,
        a crash of the transaction), the new files would stay behind unreferenced. ``referenced``
        gets the new files' relative paths and returns those the database does refer to (another
        record may share the bytes); only the others are removed. When that question cannot be
        answered the files stay, for ``inspector db check --repair`` to find later.
        """
        created: list[str] = []
        trackers: list[list[str]] = self._local.__dict__.setdefault("trackers", [])
        trackers.append(created)
        try:
            yield
        except BaseException:
            self._discard(created, referenced)
            raise
        finally:
            trackers.remove(created)

    def _discard(self, created: list[str], referenced: Callable[[list[str]], set[str]]) -> None:
        if not created:
            return
        try:
            keep = referenced(created)
        except Exception:  # the database cannot answer now: leave the files for the repair
            return
        for relative in created:
            if relative in keep:
                continue
            self.path_of(relative).unlink(missing_ok=True)
            sha = Path(relative).stem
            (self.thumbnails_dir / self.thumbnail_relative(sha)).unlink(missing_ok=True)

    def path_of(self, relative_path: str) -> Path:
        """The absolute path of a stored original."""
        return self.photos_dir / relative_path

    def store(self, data: bytes) -> StoredPhoto:
        """Store encoded image bytes (JPEG, PNG or WebP) once; storing the same bytes again is a no-op."""
        if not data:
            raise PhotoError("the image is empty")
        try:  # from the header, before anything is decoded (a decompression bomb)
            check_pixels(data, MAX_PHOTO_PIXELS, "The photo")
        except ImageTooLarge as exc:
            raise PhotoError(str(exc)) from exc
        try:
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                image_format = image.format or ""
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
            raise PhotoError(f"the file is not a readable image ({exc})") from exc
        if image_format not in _MIME_SUFFIX:
            raise PhotoError(f"unsupported image format {image_format or 'unknown'}")
        mime, suffix = _MIME_SUFFIX[image_format]
        sha = hashlib.sha256(data).hexdigest()
        relative = f"{sha[:2]}/{sha}{suffix}"
        target = self.photos_dir / relative
        if not target.exists() or target.stat().st_size != len(data):
            fault_point("photo_before_write")
            write_atomically(target, data)
            for tracker in getattr(self._local, "trackers", ()):
                tracker.append(relative)
            fault_point("photo_after_write")
        return StoredPhoto(sha, relative, len(data), width, height, mime)

    def thumbnail_relative(self, sha256: str) -> str:
        """Where the thumbnail of a photo lives, relative to the thumbnails folder."""
        return f"{sha256[:2]}/{sha256}.jpg"

    def make_thumbnail(self, stored: StoredPhoto) -> Path:
        """Create (or reuse) the thumbnail of a stored original. Slow: call it off the GUI thread."""
        target = self.thumbnails_dir / self.thumbnail_relative(stored.sha256)
        if target.exists():
            return target
        with Image.open(self.path_of(stored.relative_path)) as image:
            image.draft("RGB", (THUMBNAIL_SIZE[0] * 2, THUMBNAIL_SIZE[1] * 2))
            image = image.convert("RGB")
            image.thumbnail(THUMBNAIL_SIZE, Image.Resampling.BILINEAR)
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=80)
        write_atomically(target, buffer.getvalue())
        return target

    def verify(self, relative_path: str, sha256: str) -> bool:
        """True when the stored original still has the hash it was recorded with."""
        path = self.path_of(relative_path)
        return path.exists() and sha256_file(path) == sha256

    # The reading interface review and evidence packs share with the central photo cache
    # (:class:`inspector.services.sources.PhotoFiles`); here files are content-addressed.
    def file_of(self, photo_id: uuid.UUID, relative_path: str) -> Path:
        """The file of a photo record."""
        return self.path_of(relative_path)

    def check(self, photo_id: uuid.UUID, relative_path: str, sha256: str) -> bool:
        """True when the photo record's file still has its recorded hash."""
        return self.verify(relative_path, sha256)
