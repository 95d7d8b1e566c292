"""The connectors' health as a station may see it: for the team lead's Reports page.

Stations cannot read the connector tables; ``public.inspector_connector_health()`` (central revision
c0008_conn_connectors, a SECURITY DEFINER function granted to stations by ``inspector central roles``)
returns, for the login's own warehouse only, each connector's last error and the counts of its outcomes
still on their way, rejected, and held for a supervisor, with the latest rejection's message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

HEALTH_SQL = ("SELECT connector, platform, last_error, failures, last_success_at, waiting, rejected, held, "
              "last_rejection FROM public.inspector_connector_health()")


@dataclass(frozen=True)
class ConnectorHealth:
    """One connector of the warehouse, as the Reports page shows it."""

    connector: str
    platform: str
    last_error: str
    failures: int
    last_success_at: datetime | None
    waiting: int
    rejected: int
    held: int
    last_rejection: str

    @property
    def failing(self) -> bool:
        return bool(self.last_error)


def health_rows(rows: list[tuple[Any, ...]]) -> list[ConnectorHealth]:
    """Rows of :data:`HEALTH_SQL` as :class:`ConnectorHealth`."""
    return [ConnectorHealth(r[0], r[1], r[2] or "", int(r[3] or 0), r[4], int(r[5] or 0), int(r[6] or 0),
                            int(r[7] or 0), r[8] or "") for r in rows]
