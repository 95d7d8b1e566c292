"""Users, badges, PINs and roles: who is at the station and what they may do."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.models import PinLockout, Role, User, Warehouse
from inspector.models.database import Database
from inspector.services.station import StationContext

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
MAX_PIN_ATTEMPTS = 5
LOCKOUT_SECONDS = 60.0


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """A salted scrypt hash of a PIN, stored as ``scrypt$n$r$p$salt$hash``."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


# Stored parameters outside these bounds are refused before scrypt runs (a forged hash with a huge
# ``n`` would otherwise ask for gigabytes of memory).
_MAX_N, _MAX_R, _MAX_P = 2**20, 32, 16


def check_pin(pin: str, stored: str | None) -> bool:
    """True when ``pin`` matches the stored hash (constant-time comparison).

    A malformed stored hash (wrong field count, non-numeric or out-of-range parameters, salt or
    digest not hex) refuses: it never raises.
    """
    if not stored or not isinstance(stored, str):
        return False
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return False
    _scheme, n_text, r_text, p_text, salt_hex, digest_hex = parts
    try:
        n, r, p = int(n_text), int(r_text), int(p_text)
        salt, expected = bytes.fromhex(salt_hex), bytes.fromhex(digest_hex)
    except ValueError:
        return False
    if not (1 < n <= _MAX_N and n & (n - 1) == 0 and 0 < r <= _MAX_R and 0 < p <= _MAX_P) or not expected:
        return False
    try:
        digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, dklen=len(expected), n=n, r=r, p=p,
                                maxmem=256 * 1024 * 1024)
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(digest, expected)


@dataclass(frozen=True)
class UserInfo:
    """What the GUI and the services need to know about the logged-in user (no ORM object)."""

    id: uuid.UUID
    name: str
    role: Role
    badge_code: str
    language: str

    @property
    def needs_pin(self) -> bool:
        """True for the roles that confirm their badge with a PIN."""
        return self.role.needs_pin


class AuthError(Exception):
    """Login refused; ``reason`` is a stable code the GUI translates."""

    def __init__(self, reason: str, retry_after_s: float = 0.0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after_s = retry_after_s


class PermissionDenied(Exception):
    """The user's role does not allow the action."""


def require_role(user: UserInfo, *roles: Role) -> None:
    """Raise PermissionDenied unless the user has one of ``roles``."""
    if user.role not in roles:
        raise PermissionDenied(f"{user.name} ({user.role}) may not do this")


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.name, user.role, user.badge_code, user.language)


class UserService:
    """Finds users by badge, checks PINs with a lockout, and lists who can log in.

    Wrong PINs and lockouts are kept in the database (``pin_lockouts``), so restarting the program
    does not reset them, and each is an audit event of this station (``pin_failed``,
    ``pin_locked_out``). ``clock`` gives wall-clock seconds (a lockout must outlive the process).
    """

    def __init__(self, database: Database, station: StationContext,
                 clock: Callable[[], float] = time.time) -> None:
        self._database = database
        self._station = station
        self._clock = clock

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self._clock(), UTC)

    def active_users(self) -> list[UserInfo]:
        """Everyone who may log in, by name."""
        with self._database.session() as session:
            users = session.scalars(select(User).where(User.active).order_by(User.name)).all()
            return [_info(u) for u in users]

    def find_by_badge(self, badge_code: str) -> UserInfo:
        """The active user with this badge; AuthError("unknown_badge") otherwise."""
        code = badge_code.strip().upper()
        with self._database.session() as session:
            user = session.scalar(select(User).where(User.badge_code == code, User.active))
            if user is None:
                raise AuthError("unknown_badge")
            return _info(user)

    def verify_pin(self, user_id: uuid.UUID, pin: str) -> UserInfo:
        """Check a PIN; after 5 wrong PINs in a row the user is locked out for a minute.

        While locked out even the right PIN is refused. The count and the lockout are stored (and
        committed) before the refusal is raised.
        """
        now = self._now()
        refusal: AuthError | None = None
        with self._database.session() as session:
            user = session.get(User, user_id)
            if user is None or not user.active:
                raise AuthError("unknown_user")
            state = session.get(PinLockout, user_id)
            if state is not None and state.locked_until is not None and state.locked_until > now:
                raise AuthError("locked_out", (state.locked_until - now).total_seconds())
            if check_pin(pin, user.pin_hash):
                if state is not None:
                    session.delete(state)
                return _info(user)
            if state is None:
                state = PinLockout(user_id=user_id, failures=0)
                session.add(state)
            if state.locked_until is not None:  # an earlier lockout has ended: count afresh
                state.failures, state.locked_until = 0, None
            state.failures += 1
            state.last_failure_at = now
            self._audit(session, user, "pin_failed", {"failures": state.failures})
            refusal = AuthError("wrong_pin")
            if state.failures >= MAX_PIN_ATTEMPTS:
                state.locked_until = now + timedelta(seconds=LOCKOUT_SECONDS)
                self._audit(session, user, "pin_locked_out",
                            {"failures": state.failures, "until": state.locked_until.isoformat()})
        raise refusal

    def name_login_choices(self) -> list[UserInfo]:
        """Who may log in by choosing their name alone: active inspectors, if the warehouse allows it."""
        if not self._name_login_allowed():
            return []
        return [user for user in self.active_users() if user.role is Role.INSPECTOR]

    def login_by_name(self, user_id: uuid.UUID) -> UserInfo:
        """Log in by choosing a name without any credential: inspectors only, and only when this
        station's warehouse allows it (``allow_name_login``); AuthError otherwise."""
        with self._database.session() as session:
            user = session.get(User, user_id)
            if user is None or not user.active:
                raise AuthError("unknown_user")
            if user.role is not Role.INSPECTOR:
                raise AuthError("credential_required")
        if not self._name_login_allowed():
            raise AuthError("name_login_off")
        return _info(user)

    def _name_login_allowed(self) -> bool:
        with self._database.session() as session:
            warehouse = session.get(Warehouse, self._station.warehouse_id)
            return bool(warehouse is not None and warehouse.allow_name_login)

    def _audit(self, session: Session, user: User, action: str, payload: dict[str, object]) -> None:
        from inspector.services.audit import append_event

        append_event(session, station_id=self._station.station_id, action=action, actor_id=user.id,
                     entity_type="user", entity_id=user.id, payload=payload)
