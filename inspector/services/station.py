"""The station's identity: which warehouse and station this database belongs to."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from inspector.models import Station, Warehouse
from inspector.models.database import Database


@dataclass(frozen=True)
class StationContext:
    """The warehouse and station a running app works for."""

    warehouse_id: uuid.UUID
    warehouse_code: str
    warehouse_name: str
    time_zone: str
    return_window_days: int
    station_id: uuid.UUID
    station_code: str
    station_name: str


def ensure_station(database: Database, warehouse_code: str, station_code: str) -> StationContext:
    """Find the configured warehouse and station, creating them on first start."""
    with database.session() as session:
        warehouse = session.scalar(select(Warehouse).where(Warehouse.code == warehouse_code))
        if warehouse is None:
            warehouse = Warehouse(code=warehouse_code, name=warehouse_code)
            session.add(warehouse)
            session.flush()
        station = session.scalar(select(Station).where(Station.code == station_code))
        if station is None:
            station = Station(warehouse_id=warehouse.id, code=station_code, name=station_code)
            session.add(station)
            session.flush()
        return StationContext(
            warehouse_id=warehouse.id,
            warehouse_code=warehouse.code,
            warehouse_name=warehouse.name,
            time_zone=warehouse.time_zone,
            return_window_days=warehouse.return_window_days,
            station_id=station.id,
            station_code=station.code,
            station_name=station.name,
        )
