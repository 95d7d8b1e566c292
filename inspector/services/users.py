"""Users, badges, PINs and roles: who is at the station and what they may do."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from inspector.models import Role, User
from inspector.models.database import Database

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
MAX_PIN_ATTEMPTS = 5
LOCKOUT_SECONDS = 60.0


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """A salted scrypt hash of a PIN, stored as ``scrypt$n$r$p$salt$hash``."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def check_pin(pin: str, stored: str | None) -> bool:
    """True when ``pin`` matches the stored hash (constant-time comparison)."""
    if not stored:
        return False
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(
        pin.encode("utf-8"), salt=bytes.fromhex(salt_hex), dklen=32, n=int(n), r=int(r), p=int(p)
    )
    return hmac.compare_digest(digest.hex(), digest_hex)


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
    """Finds users by badge, checks PINs with a lockout, and lists who can log in."""

    def __init__(self, database: Database, clock: Callable[[], float] = time.monotonic) -> None:
        self._database = database
        self._clock = clock
        self._failures: dict[uuid.UUID, list[float]] = {}

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
        """Check a PIN; after 5 wrong PINs the user is locked out for a minute."""
        now = self._clock()
        recent = [t for t in self._failures.get(user_id, []) if now - t < LOCKOUT_SECONDS]
        if len(recent) >= MAX_PIN_ATTEMPTS:
            raise AuthError("locked_out", LOCKOUT_SECONDS - (now - recent[0]))
        with self._database.session() as session:
            user = session.get(User, user_id)
            if user is None or not user.active:
                raise AuthError("unknown_user")
            if not check_pin(pin, user.pin_hash):
                recent.append(now)
                self._failures[user_id] = recent
                raise AuthError("wrong_pin")
            self._failures.pop(user_id, None)
            return _info(user)
