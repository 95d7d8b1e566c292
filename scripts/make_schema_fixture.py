"""Write a small station database at the current head schema, for migration tests.

Run once per released schema and commit the file as tests/fixtures/db/schema_<rev>.sqlite3:
later versions must keep migrating it without losing a row.
"""

from __future__ import annotations

import sys
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

from inspector.models import (
    Category,
    Channel,
    Grade,
    Inspection,
    InspectionStatus,
    Parcel,
    Photo,
    RefundChoice,
    Return,
    ReturnLine,
    ReturnReason,
    Role,
    Station,
    User,
    Warehouse,
)
from inspector.models.database import head_revision, open_database
from inspector.services.audit import append_event


def main(out_dir: Path) -> Path:
    """Create the fixture database in ``out_dir`` and return its path."""
    target = out_dir / f"schema_{head_revision()}.sqlite3"
    target.unlink(missing_ok=True)
    database = open_database(target)
    ids = {
        name: uuid.UUID(int=n, version=4)
        for n, name in enumerate(
            ["warehouse", "station", "user", "return", "line", "parcel", "inspection", "photo"], start=1
        )
    }
    at = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
    with database.session() as s:
        s.add(Warehouse(id=ids["warehouse"], code="NL-AMS", name="Amsterdam", created_at=at, updated_at=at))
        s.flush()
        s.add(Station(id=ids["station"], warehouse_id=ids["warehouse"], code="ST-01", name="Station 1"))
        s.add(User(id=ids["user"], name="Sanne de Vries", badge_code="BDG000001", role=Role.INSPECTOR))
        s.flush()
        ret = Return(
            id=ids["return"],
            warehouse_id=ids["warehouse"],
            rma_number="RMA12345674",
            order_number="NL-100045",
            customer_name="Jan Jansen",
            customer_name_key="jan jansen",
            customer_email="jan@example.nl",
            postcode="1012AB",
            house_number="12A",
            country="NL",
            channel=Channel.PORTAL,
            delivered_on=date(2026, 10, 20),
            announced_at=at,
            refund_choice=RefundChoice.REFUND,
            carrier="postnl",
            tracking_number="3SABCD1234567",
        )
        ret.lines.append(
            ReturnLine(
                id=ids["line"],
                line_no=1,
                sku="TSH-BLU-M",
                gtin="8712345678906",
                product_name="T-shirt blauw M",
                category=Category.APPAREL,
                quantity=1,
                unit_price_cents=1995,
                reason_code=ReturnReason.WRONG_SIZE,
                customer_comment="Te klein",
            )
        )
        s.add(ret)
        s.flush()
        s.add(
            Parcel(
                id=ids["parcel"],
                tracking_number="3SABCD1234567",
                carrier="postnl",
                return_id=ids["return"],
                received_at=at,
                received_by_id=ids["user"],
                station_id=ids["station"],
            )
        )
        s.flush()
        inspection = Inspection(
            id=ids["inspection"],
            return_id=ids["return"],
            return_line_id=ids["line"],
            parcel_id=ids["parcel"],
            status=InspectionStatus.FINISHED,
            checklist_id="apparel",
            checklist_version=1,
            answers={"tags_attached": True},
            suggested_grade=Grade.RESTOCK,
            final_grade=Grade.RESTOCK,
            disposition="restock_location",
            destination="A-01-01",
            lpn="LPN0000000001",
            inspector_id=ids["user"],
            station_id=ids["station"],
            started_at=at,
            finished_at=at,
        )
        inspection.add_flag("late")
        s.add(inspection)
        s.flush()
        s.add(
            Photo(
                id=ids["photo"],
                sha256="ab" * 32,
                inspection_id=ids["inspection"],
                tag="front",
                file_path="ab/" + "ab" * 32 + ".jpg",
                size_bytes=1234,
                taken_at=at,
                station_id=ids["station"],
            )
        )
        append_event(
            s,
            station_id=ids["station"],
            action="parcel_received",
            actor_id=ids["user"],
            entity_type="parcel",
            entity_id=ids["parcel"],
            return_id=ids["return"],
            occurred_at=at,
        )
    database.dispose()
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    return target


if __name__ == "__main__":
    print(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("tests/fixtures/db")))
