"""Where review, evidence packs and reports read from: this station's database or the central one.

A :class:`DataSource` bundles what those read: sessions (``database.session()``), photo files
(``photos.file_of`` / ``photos.check``) and whether disputes can be recorded there. The station's
own database is always a source; the central database is one when a central URL is configured
(built in :mod:`inspector.app`). Disputes are recorded only at a station (they flow up with its
audit chain), so the central source is read-only.
"""

from __future__ import annotations

import uuid
from contextlib import AbstractContextManager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from sqlalchemy.orm import Session

from inspector.services.audit import ChainMemory


class SourceKind(StrEnum):
    """The two places to read from."""

    LOCAL = "local"
    CENTRAL = "central"


class Sessions(Protocol):
    """Something that opens database sessions (the station's Database, the CentralReader)."""

    def session(self) -> AbstractContextManager[Session]:
        """A session for one unit of work."""
        ...


class PhotoFiles(Protocol):
    """Reading the photo of a photo record (the PhotoStore, the central photo cache)."""

    def file_of(self, photo_id: uuid.UUID, relative_path: str) -> Path:
        """Where the photo's file is on this PC."""
        ...

    def check(self, photo_id: uuid.UUID, relative_path: str, sha256: str) -> bool:
        """True when the photo's bytes, as stored now, still have the recorded hash."""
        ...


@dataclass(frozen=True)
class DataSource:
    """One place to read inspections, photos and audit events from."""

    kind: SourceKind
    database: Sessions
    photos: PhotoFiles
    chains: ChainMemory | None = None  # checkpoints of verified audit chains (faster detail views)

    @property
    def writable(self) -> bool:
        """True when disputes can be recorded here (only at the station)."""
        return self.kind is SourceKind.LOCAL

