"""The warehouse's settings flow down: central owns them once a station syncs.

Name, time zone (a report's local days), return windows and refund policy are set centrally
(``inspector central warehouse``, or when ``central enrol`` creates the warehouse) and every station of
the warehouse takes them at its next sync; ``inspector warehouse set`` changes them on a station that
works alone.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

import psycopg

from inspector.models import Warehouse
from inspector.models.database import Database

log = logging.getLogger(__name__)

SETTINGS = ("name", "time_zone", "return_window_days", "vip_return_window_days", "restocking_fee_bp",
            "damage_deduction_bp")


def pull_warehouse(database: Database, conn: psycopg.Connection[Any], central_warehouse: uuid.UUID,
                   local_warehouse: uuid.UUID) -> list[str]:
    """Take the warehouse's settings from central; returns the names of the settings that changed."""
    with conn.transaction(), conn.cursor() as cur:
        cur.execute(f"SELECT {', '.join(SETTINGS)} FROM warehouses WHERE id = %s", (central_warehouse,))
        row = cur.fetchone()
    if row is None:
        return []
    changed = []
    with database.session() as session:
        session.info["sync_pull"] = True
        warehouse = session.get(Warehouse, local_warehouse)
        if warehouse is None:
            return []
        for name, value in zip(SETTINGS, row, strict=True):
            if value not in (None, "") and getattr(warehouse, name) != value:
                setattr(warehouse, name, value)
                changed.append(name)
    if changed:
        log.info("Warehouse settings from central: %s", ", ".join(changed))
    return changed
