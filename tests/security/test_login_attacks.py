"""§5: PIN brute force across a restart, malformed PIN hashes, and logging in by name alone.

The attacker stands at the station: guesses a supervisor's PIN, restarts the program to reset the
counter, and tries to log in by picking a name. Everything runs against the real data directory.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from inspector.app import build_services
from inspector.models import AuditEvent, Role, User, Warehouse
from inspector.services.users import MAX_PIN_ATTEMPTS, AuthError, check_pin, hash_pin


def _person(services: object, name: str, role: Role, pin: str | None = None) -> object:
    with services.database.session() as session:  # type: ignore[attr-defined]
        user = User(name=name, badge_code=f"BDG{abs(hash(name)) % 10**6:06d}", role=role,
                    pin_hash=hash_pin(pin) if pin else None,
                    warehouse_id=services.station.warehouse_id)  # type: ignore[attr-defined]
        session.add(user)
        session.flush()
        return user.id


def test_pin_lockout_survives_a_restart_and_is_audited(data_dir: Path) -> None:
    services = build_services(data_dir)
    try:
        eva = _person(services, "Eva", Role.SUPERVISOR, "4321")
        for _ in range(MAX_PIN_ATTEMPTS):
            with pytest.raises(AuthError, match="wrong_pin"):
                services.users.verify_pin(eva, "0000")
    finally:
        services.close()
    restarted = build_services(data_dir)  # the attacker restarts the program to reset the counter
    try:
        with pytest.raises(AuthError, match="locked_out") as locked:
            restarted.users.verify_pin(eva, "4321")  # even the right PIN is refused while locked
        assert locked.value.retry_after_s > 0
        with restarted.database.session() as session:
            actions = list(session.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == eva)
                                           .order_by(AuditEvent.seq)))
        assert actions.count("pin_failed") == MAX_PIN_ATTEMPTS
        assert "pin_locked_out" in actions
    finally:
        restarted.close()


def test_the_lockout_ends_and_a_good_pin_clears_it(data_dir: Path) -> None:
    clock = [1_000_000.0]
    services = build_services(data_dir)
    try:
        from inspector.services.users import LOCKOUT_SECONDS, UserService

        users = UserService(services.database, services.station, clock=lambda: clock[0])
        eva = _person(services, "Eva", Role.SUPERVISOR, "4321")
        for _ in range(MAX_PIN_ATTEMPTS):
            with pytest.raises(AuthError, match="wrong_pin"):
                users.verify_pin(eva, "0000")
        with pytest.raises(AuthError, match="locked_out"):
            users.verify_pin(eva, "4321")
        clock[0] += LOCKOUT_SECONDS + 1
        assert users.verify_pin(eva, "4321").name == "Eva"
        with pytest.raises(AuthError, match="wrong_pin"):  # the count starts again from zero
            users.verify_pin(eva, "0000")
        assert users.verify_pin(eva, "4321").name == "Eva"
    finally:
        services.close()


@pytest.mark.parametrize("stored", [
    "scrypt$16384$8$1$zz$00",                 # salt not hex
    "scrypt$abc$8$1$00$00",                   # n not a number
    "scrypt$3$8$1$00$00",                     # n not a power of two (hashlib raises ValueError)
    "scrypt$1099511627776$8$1$00$00",         # n absurdly large (memory)
    "scrypt$16384$8$1$00",                    # a field missing
    "scrypt$16384$0$0$00$00",                 # r and p zero
    "plain-text-pin",
])
def test_check_pin_with_a_malformed_hash_refuses_and_never_raises(stored: str) -> None:
    assert check_pin("1234", stored) is False


def test_logging_in_by_name_alone_is_for_inspectors_of_warehouses_that_allow_it(services: object) -> None:
    inspector = _person(services, "Ivo", Role.INSPECTOR)
    supervisor = _person(services, "Sam", Role.SUPERVISOR, "8264")
    admin = _person(services, "Ada", Role.ADMIN, "402917")
    users = services.users  # type: ignore[attr-defined]
    with services.database.session() as session:  # type: ignore[attr-defined]
        warehouse = session.get(Warehouse, services.station.warehouse_id)  # type: ignore[attr-defined]
        assert warehouse.allow_name_login is False  # off by default for a new warehouse
    with pytest.raises(AuthError, match="name_login_off"):
        users.login_by_name(inspector)
    with services.database.session() as session:  # type: ignore[attr-defined]
        session.get(Warehouse, services.station.warehouse_id).allow_name_login = True  # type: ignore[attr-defined,union-attr]
    assert users.login_by_name(inspector).name == "Ivo"
    for elevated in (supervisor, admin):
        with pytest.raises(AuthError, match="credential_required"):
            users.login_by_name(elevated)
    assert [u.name for u in users.name_login_choices()] == ["Ivo"]
