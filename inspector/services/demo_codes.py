"""Codes to try on a demo station, read from its database on every start (issue 10, defect 16).

``demo_codes(database, station)`` gives an announced return's codes (RMA, tracking number, portal QR,
product EAN, postcode + house number), an RMA whose items were inspected (for the review screen and
``inspector evidence``), a day with data for the intake report, and the badges to log in with. The
``inspector demo-codes`` command prints them; ``scripts/run-demo`` calls it on every start and the login
window of a demo database shows them.
"""

from __future__ import annotations

from sqlalchemy import func, select

from inspector.models import Inspection, InspectionStatus, Return, ReturnLine, ReturnStatus, Role, User
from inspector.models.database import Database
from inspector.models.organisation import Warehouse
from inspector.services.station import StationContext

PORTAL_URL = "https://returns.example-shop.nl/r/{rma}?pc={postcode}"
PIN_ROLES = (Role.SUPERVISOR, Role.TEAM_LEAD, Role.ADMIN)


def demo_codes(database: Database, station: StationContext) -> dict[str, str]:
    """Label -> code to try, in the order to show them (empty parts are left out)."""
    from inspector.reports.cli_report import latest_intake_day
    from inspector.services.demo.organisation import DEMO_PIN

    codes: dict[str, str] = {}
    with database.session() as session:
        waiting = session.scalars(
            select(Return).where(Return.warehouse_id == station.warehouse_id,
                                 Return.status == ReturnStatus.ANNOUNCED, Return.tracking_number != "")
            .order_by(Return.rma_number.desc()).limit(1)).first()
        if waiting is not None:
            codes["RMA"] = waiting.rma_number
            codes[f"tracking number ({waiting.carrier or '?'})"] = waiting.tracking_number
            codes["portal QR"] = PORTAL_URL.format(rma=waiting.rma_number, postcode=waiting.postcode)
            line = session.scalars(select(ReturnLine).where(ReturnLine.return_id == waiting.id)
                                   .order_by(ReturnLine.line_no)).first()
            if line is not None and line.gtin:
                codes["product EAN"] = line.gtin
            codes["postcode + house number"] = f"{waiting.postcode} {waiting.house_number}"
        inspected = session.scalar(
            select(Return.rma_number).join(Inspection, Inspection.return_id == Return.id)
            .where(Return.warehouse_id == station.warehouse_id,
                   Inspection.status == InspectionStatus.FINISHED)
            .group_by(Return.rma_number).order_by(func.count().desc(), Return.rma_number).limit(1))
        if inspected:
            codes["inspected RMA (review, inspector evidence)"] = inspected
        warehouse = session.scalar(select(Warehouse.code).where(Warehouse.id == station.warehouse_id))
        people = session.scalars(select(User).where(User.active, User.badge_code != "")
                                 .order_by(User.role, User.badge_code)).all()
        badges: dict[str, str] = {}
        for user in people:
            label = f"{user.role.value.replace('_', ' ')} badge"
            if label not in badges:
                badges[label] = user.badge_code + (f" (PIN {DEMO_PIN})" if user.role in PIN_ROLES else "")
    if warehouse and inspected:

        codes["report day"] = latest_intake_day(database, warehouse).isoformat()
    codes.update(badges)
    return codes


def codes_text(codes: dict[str, str]) -> str:
    """The codes as aligned lines under "Try scanning these:"."""
    if not codes:
        return ""
    width = max(len(label) for label in codes)
    lines = [f"  {label:<{width}}  {code}" for label, code in codes.items()]
    return "\n".join(["Try scanning these:", *lines])
