"""A summary of what the station database holds, for `inspector status` and the status bar."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from inspector.models import AuditEvent, Inspection, InspectionStatus, Parcel, Photo, Return, ReturnLine
from inspector.models.database import Database
from inspector.services.outbox import pending_count


def station_status(database: Database) -> dict[str, Any]:
    """Counts per table, open inspections, pending uploads and the database path."""
    with database.session() as session:

        def count(model: Any, *where: Any) -> int:
            return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)

        return {
            "returns": count(Return),
            "return_lines": count(ReturnLine),
            "parcels": count(Parcel),
            "inspections": count(Inspection),
            "inspections_open": count(Inspection, Inspection.status == InspectionStatus.IN_PROGRESS),
            "photos": count(Photo),
            "audit_events": count(AuditEvent),
            "pending_sync": pending_count(session),
            "schema_revision": database.current_revision(),
            "database": str(database.path),
        }
