"""Grades, dispositions, refund advice and recovered value: the warehouse's rules after the checklist.

* **Disposition**: each grade sends the item somewhere physical: restock location, refurbish queue,
  liquidation pallet or scrap bin, with a destination code chosen by category (and by flags:
  hazardous goods go to the ADR cage whatever their grade (``ADR-COS``, ``RFB-COS-HAZ``,
  ``LIQ-COS-HAZ``, ``SCR-HAZ``), electronics scrap to the WEEE bin). Only a supervisor can clear the
  hazard of an item (see :meth:`GradingService.finish`). A wrong item (another product than the
  announced line) never goes to the announced line's shelf: whatever its grade it waits in the
  supervisor-check quarantine (``QUA-WRONG``) until a supervisor decides.
* **Refund advice** under the warehouse's policy: full; partial with the checklist's deduction for
  damage or missing parts plus the restocking fee on money-back refunds; none when the item is
  missing, extra or not what was announced.
* **Recovered value**: the industry's A–E scale mapped onto the four grades (see
  :data:`RECOVERY_BP`).
* **Overrides**: the inspector confirms the suggested grade with one key; any other grade needs a
  reason of at least :data:`MIN_OVERRIDE_REASON` characters.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from inspector.models.enums import Category, Flag, Grade, ItemOutcome, RefundChoice, RefundRecommendation
from inspector.services.checklist_conditions import SHOP_FAULT_REASONS

MIN_OVERRIDE_REASON = 10
FULL_BP = 10_000

DISPOSITION_KINDS: dict[Grade, str] = {
    Grade.RESTOCK: "restock_location",
    Grade.REFURBISH: "refurbish_queue",
    Grade.LIQUIDATE: "liquidation_pallet",
    Grade.SCRAP: "scrap_bin",
}
# A wrong item waits here, whatever its grade, until a supervisor decides where it goes.
WRONG_ITEM_KIND = "supervisor_check"
WRONG_ITEM_DESTINATION = "QUA-WRONG"

# Industry scale (share of the original price recovered) → our grades:
#   restock   = A (like new, 80–100 %)             → 90 %, the middle of A
#   refurbish = B (good, 40–65 %)                  → 52.5 %, the middle of B
#   liquidate = C and D (fair/poor, 5–40 %)        → 22.5 %, the middle of C..D
#   scrap     = E (beyond repair, 0–5 %)           → 2.5 %, the middle of E (material value)
RECOVERY_RANGES_PCT: dict[Grade, tuple[int, int]] = {
    Grade.RESTOCK: (80, 100), Grade.REFURBISH: (40, 65), Grade.LIQUIDATE: (5, 40), Grade.SCRAP: (0, 5),
}
RECOVERY_BP: dict[Grade, int] = {
    Grade.RESTOCK: 9000, Grade.REFURBISH: 5250, Grade.LIQUIDATE: 2250, Grade.SCRAP: 250,
}

_CATEGORY_CODES: dict[Category, str] = {
    Category.APPAREL: "APP", Category.SHOES: "SHO", Category.ELECTRONICS: "ELEC",
    Category.COSMETICS: "COS", Category.HOME: "HOME", Category.OTHER: "GEN",
}
# Restock locations: the aisle-bay where returned stock of a category is put away.
RESTOCK_LOCATIONS: dict[Category, str] = {
    Category.APPAREL: "A-12", Category.SHOES: "S-04", Category.ELECTRONICS: "E-02",
    Category.COSMETICS: "C-07", Category.HOME: "H-20", Category.OTHER: "G-01",
}


@dataclass(frozen=True)
class Disposition:
    """Where an item goes: the kind of place and its code, e.g. ``refurbish_queue`` / ``RFB-ELEC``."""

    kind: str
    destination: str

    @classmethod
    def for_grade(cls, grade: Grade, category: Category | str,
                  flags: Collection[Flag | str] = (),
                  restock_locations: Mapping[Category, str] | None = None) -> Disposition:
        """The disposition of a graded item; deterministic by grade, category and flags."""
        category = Category(category) if category in tuple(Category) else Category.OTHER
        code = _CATEGORY_CODES[category]
        flag_set = {Flag(f) for f in flags}
        hazardous = Flag.HAZARDOUS in flag_set
        if Flag.WRONG_ITEM in flag_set:  # another product than announced: never its shelf
            suffix = "-HAZ" if hazardous else ""
            return cls(WRONG_ITEM_KIND, f"{WRONG_ITEM_DESTINATION}{suffix}")
        if grade is Grade.RESTOCK and hazardous:
            destination = f"ADR-{code}"  # the hazardous-goods cage, never the plain shelf
        elif grade is Grade.RESTOCK:
            destination = (restock_locations or RESTOCK_LOCATIONS).get(category, RESTOCK_LOCATIONS[category])
        elif grade is Grade.REFURBISH:
            destination = f"RFB-{code}-HAZ" if hazardous else f"RFB-{code}"
        elif grade is Grade.LIQUIDATE:
            destination = f"LIQ-{code}-HAZ" if hazardous else f"LIQ-{code}"
        elif hazardous:
            destination = "SCR-HAZ"  # ADR cage: batteries, aerosols, flammables
        elif category is Category.ELECTRONICS:
            destination = "SCR-WEEE"
        elif category is Category.COSMETICS:
            destination = "SCR-DESTROY"  # destroyed under supervision, never resold
        else:
            destination = "SCR-GEN"
        return cls(DISPOSITION_KINDS[grade], destination)


@dataclass(frozen=True)
class RefundPolicy:
    """The warehouse's refund policy in basis points (see ``Warehouse``)."""

    restocking_fee_bp: int = 0
    damage_deduction_bp: int = 3000

    @classmethod
    def of(cls, warehouse: object) -> RefundPolicy:
        """The policy of a ``Warehouse`` (or anything with the two attributes)."""
        return cls(int(getattr(warehouse, "restocking_fee_bp", 0) or 0),
                   int(getattr(warehouse, "damage_deduction_bp", 3000) or 0))


@dataclass(frozen=True)
class RefundAdvice:
    """The refund the inspection recommends, in cents, with the reasons in plain words."""

    kind: RefundRecommendation
    amount_cents: int
    deduction_cents: int = 0
    restocking_fee_cents: int = 0
    reasons: tuple[str, ...] = ()


def _share(cents: int, bp: int) -> int:
    """``cents × bp / 10 000``, rounded half up (never a fraction of a cent)."""
    return (cents * bp + FULL_BP // 2) // FULL_BP


def refund_recommendation(
    outcome: ItemOutcome | str,
    grade: Grade | str | None,
    deduction_bp: int,
    unit_price_cents: int,
    policy: RefundPolicy,
    refund_choice: RefundChoice | str = RefundChoice.REFUND,
    *,
    flags: Collection[Flag | str] = (),
    reason: str = "",
) -> RefundAdvice:
    """Recommend a refund for one unit under the warehouse's policy.

    * Missing, extra or wrong items (outcome, or a ``wrong_item`` flag): **none**.
    * Otherwise the price less the checklist's ``deduction_bp`` (damage or missing parts, capped
      at 100 %) and, for money-back refunds only, the policy's restocking fee, both on the unit
      price. The fee is waived when the customer's reason blames the shop (damaged, defective, not
      as described, wrong item sent, parts missing). Exchanges and store credit pay no fee.
    * No deduction and no fee: **full**; something left: **partial**; nothing left: **none**.

    The grade itself does not change the refund: a defective item is refurbished but refunded in
    full; only the deductions the checklist rules found (customer-answerable damage) do.
    """
    outcome = ItemOutcome(outcome)
    flag_set = {Flag(f) for f in flags}
    if outcome is not ItemOutcome.RECEIVED or Flag.WRONG_ITEM in flag_set:
        why = {ItemOutcome.MISSING: "the announced item was not in the parcel",
               ItemOutcome.EXTRA: "the item was not announced"}.get(outcome,
                                                                    "the item is not what was announced")
        return RefundAdvice(RefundRecommendation.NONE, 0, reasons=(f"No refund: {why}",))
    price = max(0, int(unit_price_cents))
    deduction = _share(price, max(0, min(FULL_BP, int(deduction_bp))))
    fee_applies = RefundChoice(refund_choice) is RefundChoice.REFUND and reason not in SHOP_FAULT_REASONS
    fee = _share(price, policy.restocking_fee_bp) if fee_applies else 0
    fee = min(fee, price - deduction)
    amount = price - deduction - fee
    reasons: list[str] = []
    if deduction:
        reasons.append(f"Deduction {deduction_bp / 100:.2f} % for damage or missing parts: {deduction} cents")
    if fee:
        reasons.append(f"Restocking fee {policy.restocking_fee_bp / 100:.2f} %: {fee} cents")
    if grade:
        reasons.append(f"Graded {Grade(grade).value}")
    if not deduction and not fee:
        kind = RefundRecommendation.FULL
        reasons.insert(0, "Full refund")
    elif amount > 0:
        kind = RefundRecommendation.PARTIAL
        reasons.insert(0, f"Partial refund: {amount} of {price} cents")
    else:
        kind = RefundRecommendation.NONE
        reasons.insert(0, "No refund: the deductions take the whole price")
    return RefundAdvice(kind, amount, deduction, fee, tuple(reasons))


def recovered_value_cents(grade: Grade | str, unit_price_cents: int) -> int:
    """The value the warehouse expects to recover from a unit of this grade (see :data:`RECOVERY_BP`)."""
    return _share(max(0, int(unit_price_cents)), RECOVERY_BP[Grade(grade)])


def override_problem(suggested: Grade | str, final: Grade | str, reason: str) -> str | None:
    """Why an override is not allowed yet (``None`` when it is): a grade other than the suggestion
    needs a reason of at least :data:`MIN_OVERRIDE_REASON` characters."""
    if Grade(final) is Grade(suggested):
        return None
    if len(" ".join(reason.split())) < MIN_OVERRIDE_REASON:
        return (f"Overriding {Grade(suggested).value} with {Grade(final).value} needs a reason of at least "
                f"{MIN_OVERRIDE_REASON} characters")
    return None


def override_allowed(suggested: Grade | str, final: Grade | str, reason: str) -> bool:
    """True when ``final`` may be recorded: it is the suggestion, or the reason is long enough."""
    return override_problem(suggested, final, reason) is None
