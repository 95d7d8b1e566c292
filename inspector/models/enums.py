"""The closed vocabularies of the domain, stored as their string values."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """What a user may do; enforced in the service layer."""

    INSPECTOR = "inspector"
    SUPERVISOR = "supervisor"
    TEAM_LEAD = "team_lead"
    ADMIN = "admin"

    @property
    def needs_pin(self) -> bool:
        """Supervisors, team leads and admins confirm their badge with a PIN."""
        return self is not Role.INSPECTOR


class RefundChoice(StrEnum):
    """What the customer asked for when announcing the return."""

    REFUND = "refund"
    EXCHANGE = "exchange"
    STORE_CREDIT = "store_credit"
    UNKNOWN = "unknown"  # an unannounced parcel: customer service asks the customer


class ReturnStatus(StrEnum):
    """Where a return is in its journey through the warehouse."""

    ANNOUNCED = "announced"
    RECEIVED = "received"
    INSPECTING = "inspecting"
    INSPECTED = "inspected"
    CANCELLED = "cancelled"


class ReturnSource(StrEnum):
    """Where the station learnt of a return."""

    IMPORT = "import"
    CENTRAL = "central"
    UNANNOUNCED = "unannounced"
    DEMO = "demo"


class Channel(StrEnum):
    """How the return was announced."""

    PORTAL = "portal"
    CUSTOMER_SERVICE = "customer_service"
    MARKETPLACE = "marketplace"
    STORE = "store"


class Category(StrEnum):
    """Product categories; each has its own checklist template."""

    APPAREL = "apparel"
    SHOES = "shoes"
    ELECTRONICS = "electronics"
    COSMETICS = "cosmetics"
    HOME = "home"
    OTHER = "other"


class ReturnReason(StrEnum):
    """The customer's reason for a returned line (the portal's reason codes)."""

    ORDERED_BY_MISTAKE = "ordered_by_mistake"
    WRONG_SIZE = "wrong_size"
    WRONG_COLOUR = "wrong_colour"
    NO_LONGER_NEEDED = "no_longer_needed"
    NOT_AS_DESCRIBED = "not_as_described"
    PARTS_MISSING = "parts_missing"
    DAMAGED = "damaged"
    CHEAPER_ELSEWHERE = "cheaper_elsewhere"
    ARRIVED_TOO_LATE = "arrived_too_late"
    WRONG_ITEM_SENT = "wrong_item_sent"
    DEFECTIVE = "defective"
    OTHER = "other"


class BoxCondition(StrEnum):
    """The outer parcel's condition at intake."""

    INTACT = "intact"
    DAMAGED = "damaged"
    OPENED = "opened"
    WET = "wet"


class Grade(StrEnum):
    """The fate of an inspected item."""

    RESTOCK = "restock"
    REFURBISH = "refurbish"
    LIQUIDATE = "liquidate"
    SCRAP = "scrap"


class InspectionStatus(StrEnum):
    """An inspection is open until the item is graded and labelled."""

    IN_PROGRESS = "in_progress"
    FINISHED = "finished"
    VOIDED = "voided"


class ItemOutcome(StrEnum):
    """What the inspector found for one announced unit (or an extra one)."""

    RECEIVED = "received"
    MISSING = "missing"
    WRONG_ITEM = "wrong_item"
    EXTRA = "extra"


class VerificationMethod(StrEnum):
    """How the item was matched to the announced line."""

    SCAN = "scan"
    MANUAL = "manual"


class RefundRecommendation(StrEnum):
    """The refund the inspection recommends under the warehouse's policy."""

    FULL = "full"
    PARTIAL = "partial"
    NONE = "none"


class Flag(StrEnum):
    """Exceptions a supervisor or team lead filters on."""

    WRONG_ITEM = "wrong_item"
    MISSING = "missing"
    EXTRA = "extra"
    SUSPECTED_FRAUD = "suspected_fraud"
    LATE = "late"
    CONFLICT = "conflict"
    OVERRIDE = "override"
    UNANNOUNCED = "unannounced"
    DAMAGED_IN_TRANSIT = "damaged_in_transit"
    HAZARDOUS = "hazardous"


class DisputeParty(StrEnum):
    """Who disputes an inspection."""

    CUSTOMER = "customer"
    CARRIER = "carrier"
    PAYMENT_PROVIDER = "payment_provider"


class DisputeStatus(StrEnum):
    """A dispute is open until closed with an outcome."""

    OPEN = "open"
    CLOSED = "closed"


class DisputeOutcome(StrEnum):
    """How a dispute ended."""

    UPHELD = "upheld"  # the warehouse's judgement stands
    CUSTOMER_FAVOURED = "customer_favoured"
    SETTLED = "settled"
    WITHDRAWN = "withdrawn"


class OutboxState(StrEnum):
    """Whether a local change has reached the central database."""

    PENDING = "pending"
    SENT = "sent"
