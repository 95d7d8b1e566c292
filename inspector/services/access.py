"""Who may do what: checked by the services that hold the data, not only by the screens.

Every service that reads customer data (review, inspection details, evidence packs, reports) or
changes configuration (settings, the central URL, station and warehouse codes, warehouse policy,
people, importing returns) takes the acting user and calls :func:`authorise`, which refuses a missing
user, an unknown or deactivated one (re-read from the station's database when one is given), and the
wrong role. Inspectors inspect: they may not review, report or configure. Only administrators change
settings or import returns.

:data:`COMMAND_LINE` is the acting user of the ``inspector`` command-line tool: whoever runs it has
the data directory itself (the database file, the key), so it is trusted like an administrator.
"""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Any

from inspector.models import Role, User
from inspector.services.users import PermissionDenied, UserInfo

COMMAND_LINE = UserInfo(uuid.UUID(int=0), "command line", Role.ADMIN, "", "")


class Action(StrEnum):
    """Protected actions."""

    REVIEW = "review"  # finished inspections, their details and customer data
    EVIDENCE = "evidence"  # evidence packs
    REPORTS = "reports"  # intake reports
    SETTINGS = "settings"  # station settings: station and warehouse codes, central URL, devices
    WAREHOUSE = "warehouse"  # the warehouse's policy and name
    IMPORT_RETURNS = "import_returns"
    PEOPLE = "people"


_SUPERVISING = (Role.SUPERVISOR, Role.TEAM_LEAD, Role.ADMIN)
ALLOWED: dict[Action, tuple[Role, ...]] = {
    Action.REVIEW: _SUPERVISING, Action.EVIDENCE: _SUPERVISING, Action.REPORTS: _SUPERVISING,
    Action.SETTINGS: (Role.ADMIN,), Action.WAREHOUSE: (Role.ADMIN,), Action.IMPORT_RETURNS: (Role.ADMIN,),
    Action.PEOPLE: (Role.ADMIN,),
}


def may(user: UserInfo | None, action: Action) -> bool:
    """Whether the GUI should offer ``action`` to ``user`` (the service checks again)."""
    return user is not None and user.role in ALLOWED[action]


def authorise(user: UserInfo | None, action: Action, database: Any = None) -> UserInfo:
    """The acting user if they may do ``action``; PermissionDenied otherwise.

    With ``database`` (the station's :class:`~inspector.models.database.Database`), the user is read
    again: a deactivated user or one whose role was lowered is refused at once.
    """
    if user is None:
        raise PermissionDenied(f"{action} needs the acting user")
    if database is not None and user is not COMMAND_LINE and hasattr(database, "session"):
        with database.session() as session:
            stored = session.get(User, user.id)
            if stored is None or not stored.active:
                raise PermissionDenied(f"{user.name} is not an active user")
            user = UserInfo(stored.id, stored.name, stored.role, stored.badge_code, stored.language)
    if user.role not in ALLOWED[action]:
        raise PermissionDenied(f"{user.name} ({user.role}) may not do this: {action}")
    return user
