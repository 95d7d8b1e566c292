"""The station's data model (SQLAlchemy 2.0) and its database plumbing."""

from inspector.models.audit import AuditCheckpoint, AuditEvent
from inspector.models.base import Base, utcnow
from inspector.models.enums import (
    BoxCondition,
    Category,
    Channel,
    DisputeOutcome,
    DisputeParty,
    DisputeStatus,
    Flag,
    Grade,
    InspectionStatus,
    ItemOutcome,
    OutboxState,
    RefundChoice,
    RefundRecommendation,
    ReturnReason,
    ReturnSource,
    ReturnStatus,
    Role,
    VerificationMethod,
)
from inspector.models.inspection import Dispute, DisputeEntry, Inspection, InspectionFlag, Photo
from inspector.models.organisation import PinLockout, Station, User, Warehouse
from inspector.models.returns import Parcel, Return, ReturnLine
from inspector.models.sync_state import OutboxEntry, SyncState

__all__ = [
    "AuditCheckpoint",
    "AuditEvent",
    "Base",
    "BoxCondition",
    "Category",
    "Channel",
    "Dispute",
    "DisputeEntry",
    "DisputeOutcome",
    "DisputeParty",
    "DisputeStatus",
    "Flag",
    "Grade",
    "Inspection",
    "InspectionFlag",
    "InspectionStatus",
    "ItemOutcome",
    "OutboxEntry",
    "OutboxState",
    "Parcel",
    "Photo",
    "PinLockout",
    "RefundChoice",
    "RefundRecommendation",
    "Return",
    "ReturnLine",
    "ReturnReason",
    "ReturnSource",
    "ReturnStatus",
    "Role",
    "Station",
    "SyncState",
    "User",
    "VerificationMethod",
    "Warehouse",
    "utcnow",
]
