"""The administrator's central commands (issue 12 §2-§4): people added or deactivated centrally reach the
warehouse's stations at their next sync; warehouse settings flow down; ``central stations`` lists each
station's last sync, pending records, chain head and alarms, per warehouse."""

from __future__ import annotations

import io
import json
import secrets
import sys

import pytest
from sqlalchemy import select
from sync_helpers import record_activity

from inspector.cli import main
from inspector.models import AuditEvent, Warehouse
from inspector.services.access import COMMAND_LINE
from inspector.services.people import NewPerson
from inspector.services.users import AuthError
from inspector.sync.engine import SyncEngine
from inspector.sync.stations import station_overview

pytestmark = pytest.mark.postgres


def _cli(monkeypatch: pytest.MonkeyPatch, *args: str, stdin: str = "") -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    out = io.StringIO()
    return main(list(args), out=out), out.getvalue()


def _sync(services, url: str) -> None:  # type: ignore[no-untyped-def]
    result = SyncEngine(services.database, services.photos, services.station, url).run_once()
    assert result.ok, result.error


def test_people_and_settings_set_centrally_reach_the_stations(central_url, station_factory, station_login,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    warehouse = f"CA-{secrets.token_hex(3).upper()}"
    station = station_factory(warehouse, "ST-01")
    url = station_login(warehouse, "ST-01")
    station.people.add(COMMAND_LINE, NewPerson("Ada Admin", "admin", pin="402917"))
    _sync(station, url)
    users = ("central", "users", "--warehouse", warehouse)
    code, out = _cli(monkeypatch, *users, "add", "Zoë Centraal", "--role", "supervisor", "--pin-stdin",
                     "--central", central_url, stdin="5821\n5821\n")
    assert code == 0, out
    badge = out.split("badge ")[1].split(";")[0]
    code, out = _cli(monkeypatch, "central", "warehouse", warehouse, "--return-window", "21",
                     "--restocking-fee", "2.5", "--time-zone", "Europe/Brussels", "--central", central_url)
    assert code == 0 and "return_window_days: 21" in out
    with pytest.raises(AuthError):
        station.users.find_by_badge(badge)
    _sync(station, url)
    zoe = station.users.find_by_badge(badge)
    assert station.users.verify_pin(zoe.id, "5821").name == "Zoë Centraal"
    with station.database.session() as session:
        local = session.get(Warehouse, station.station.warehouse_id)
        taken = (local.return_window_days, local.restocking_fee_bp, local.time_zone)
        assert taken == (21, 250, "Europe/Brussels")
    code, out = _cli(monkeypatch, *users, "deactivate", badge.lower(), "--central", central_url)
    assert code == 0 and "deactivated" in out
    code, out = _cli(monkeypatch, *users, "deactivate", "Ada Admin", "--central", central_url)
    assert code == 1 and "no administrator left" in out
    _sync(station, url)
    with pytest.raises(AuthError):
        station.users.find_by_badge(badge)
    code, out = _cli(monkeypatch, *users, "list", "--central", central_url)
    assert "Zoë Centraal  (deactivated)" in out and "Ada Admin" in out


def test_central_stations_lists_each_station(central_url, station_factory, station_login,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    tag = secrets.token_hex(3).upper()
    wh_a, wh_b = f"SA-{tag}", f"SB-{tag}"
    a1, a2 = station_factory(wh_a, "ST-01"), station_factory(wh_a, "ST-02")
    b1 = station_factory(wh_b, "ST-01")
    urls = {id(s): station_login(s.station.warehouse_code, s.station.station_code) for s in (a1, a2, b1)}
    record_activity(a1, 3, seed=1)
    record_activity(b1, 1, seed=2)
    for services in (a1, b1):
        _sync(services, urls[id(services)])
    record_activity(a1, 2, seed=3)  # recorded after its sync: pending at the next report
    with a1.database.session() as session:
        head = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    code, out = _cli(monkeypatch, "central", "stations", "--json", "--central", central_url)
    assert code == 0
    rows = {(r["warehouse"], r["station"]): r for r in map(json.loads, out.splitlines())}
    first = rows[(wh_a, "ST-01")]
    assert first["last_sync_at"] and first["pending"] == 0 and first["chain_seq"] == 6
    assert first["chain_hash"] != head.hash and first["open_conflicts"] == 0  # central has seq 6, a1 has 10
    assert rows[(wh_b, "ST-01")]["chain_seq"] == 2
    assert (wh_a, "ST-02") not in rows  # never synced: not registered centrally yet
    _sync(a2, urls[id(a2)])
    _sync(a1, urls[id(a1)])
    through_a2 = station_overview(urls[id(a2)])  # a station's login sees its own warehouse only
    assert [(r.warehouse, r.station) for r in through_a2] == [(wh_a, "ST-01"), (wh_a, "ST-02")]
    assert through_a2[0].chain_seq == head.seq and through_a2[0].chain_hash == head.hash
    code, out = _cli(monkeypatch, "central", "stations", "--central", central_url)
    assert "CHAIN HEAD" in out and f"#{head.seq} {head.hash[:12]}" in out
