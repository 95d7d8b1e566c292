"""People of the warehouse: add, edit, deactivate, reset PINs (the admin page and ``inspector users``).

Every change is one transaction that also appends an audit event (who changed whom; never a PIN) and
raises the person's ``revision``, so the change travels to every station of the warehouse and two
offline edits converge (docs/sync.md, "People"). Deactivated people keep their records and history
and can no longer log in. The last active administrator cannot be deactivated or demoted.

``actor`` is the logged-in user (who must be an administrator), or None for the command line, which
whoever runs it on the station computer may use anyway.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from inspector.models import Role, User, utcnow
from inspector.models.database import Database
from inspector.services.audit import append_event
from inspector.services.people_rules import (
    PeopleError,
    check_pin,
    clean_badge,
    clean_name,
    new_badge_code,
    parse_language,
    parse_role,
)
from inspector.services.station import StationContext
from inspector.services.users import UserInfo, hash_pin


@dataclass(frozen=True)
class Person:
    """A person as the admin page and ``inspector users list`` show them (never the PIN hash)."""

    id: uuid.UUID
    name: str
    role: Role
    badge_code: str
    language: str
    active: bool
    has_pin: bool
    revision: int
    edited_at: datetime | None
    edited_by: str

    def to_json(self) -> dict[str, Any]:
        """Plain values for ``--json``."""
        return {"id": str(self.id), "name": self.name, "role": self.role.value, "badge_code": self.badge_code,
                "language": self.language, "active": self.active, "has_pin": self.has_pin}


@dataclass(frozen=True)
class NewPerson:
    """What adding someone needs; ``badge_code`` empty makes an unguessable one."""

    name: str
    role: Role | str
    badge_code: str = ""
    pin: str = ""
    language: str = ""


def _person(user: User) -> Person:
    return Person(user.id, user.name, Role(user.role), user.badge_code, user.language or "",
                  bool(user.active), bool(user.pin_hash), user.revision or 0, user.edited_at,
                  user.edited_by or "")


class PeopleService:
    """Manages the warehouse's people at this station (see the module docstring)."""

    def __init__(self, database: Database, station: StationContext,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self._database = database
        self._station = station
        self._clock = clock

    # -- reading ---------------------------------------------------------------------------------

    def list(self, include_inactive: bool = True) -> list[Person]:
        """The warehouse's people by name (active first when inactive ones are included)."""
        with self._database.session() as session:
            query = select(User).where(self._here()).order_by(User.active.desc(), User.name)
            if not include_inactive:
                query = query.where(User.active)
            return [_person(u) for u in session.scalars(query)]

    def find(self, reference: str) -> Person:
        """A person by badge code, id or exact name (case-insensitive); PeopleError when none or several."""
        text = reference.strip()
        with self._database.session() as session:
            conditions = [User.badge_code == text.upper(), func.lower(User.name) == text.lower()]
            with contextlib.suppress(ValueError):
                conditions.append(User.id == uuid.UUID(text))
            found = session.scalars(select(User).where(self._here(), or_(*conditions))).all()
            if not found:
                raise PeopleError("not_found", f"nobody here is called or has badge {reference!r}", reference)
            if len(found) > 1:
                raise PeopleError("ambiguous", f"several people match {reference!r}; give the badge code",
                                  reference)
            return _person(found[0])

    # -- changing --------------------------------------------------------------------------------

    def add(self, actor: UserInfo | None, new: NewPerson) -> Person:
        """Add someone; an elevated role needs a PIN, inspectors have none."""
        return self.add_many(actor, [new])[0]

    def add_many(self, actor: UserInfo | None, people: Iterable[NewPerson]) -> list[Person]:
        """Add several people in one transaction: all of them, or (on any problem) none."""
        return self.add_and_reactivate(actor, people, ())[0]

    def add_and_reactivate(
        self, actor: UserInfo | None, people: Iterable[NewPerson],
        returning: Iterable[tuple[uuid.UUID, NewPerson]],
    ) -> tuple[list[Person], list[Person]]:
        """Add ``people`` and activate the deactivated ``returning`` (id, their new details) again, in one
        transaction: all of it, or (on any problem) nothing. (added, reactivated)."""
        self._allowed(actor)
        with self._database.session() as session:
            added = self._add(session, actor, people)
            back = [self._reactivate(session, actor, person_id, details) for person_id, details in returning]
            return added, back

    def _reactivate(self, session: Session, actor: UserInfo | None, person_id: uuid.UUID,
                    details: NewPerson) -> Person:
        """A deactivated person active again, with ``details`` (a new badge only when one is given)."""
        user = self._get(session, person_id)
        if user.active:
            raise PeopleError("already_here", f"{user.name} is already here", user.name)
        role = parse_role(details.role)
        changed: dict[str, Any] = {}
        if clean_name(details.name).lower() != user.name.lower():  # "anna jansen" keeps "Anna Jansen"
            changed["name"] = user.name = clean_name(details.name)
        if Role(user.role) is not role:
            changed["role"] = role.value
            user.role = role
        if parse_language(details.language) != (user.language or ""):
            changed["language"] = user.language = parse_language(details.language)
        if details.badge_code and clean_badge(details.badge_code) != user.badge_code:
            user.badge_code = self._free_badge(session, details.badge_code, user.id)
            changed["badge"] = "new"
        if role.needs_pin:
            user.pin_hash = hash_pin(check_pin(role, details.pin))
            changed["pin"] = "reset"
        else:
            if details.pin:
                check_pin(role, details.pin)  # raises: inspectors have no PIN
            user.pin_hash = None
        user.active = True
        self._stamp(user, user.revision)
        self._audit(session, actor, user, "person_activated", changed)
        return _person(user)

    def _add(self, session: Session, actor: UserInfo | None, people: Iterable[NewPerson]) -> list[Person]:
        """Add ``people`` in the open transaction."""
        added = []
        for new in people:
            role = parse_role(new.role)
            user = User(name=clean_name(new.name), role=role, language=parse_language(new.language),
                        badge_code=self._free_badge(session, new.badge_code), active=True,
                        warehouse_id=self._station.warehouse_id)
            if role.needs_pin:
                user.pin_hash = hash_pin(check_pin(role, new.pin))
            elif new.pin:
                check_pin(role, new.pin)  # raises: inspectors have no PIN
            self._stamp(user, 0)
            session.add(user)
            session.flush()
            self._audit(session, actor, user, "person_added", {"name": user.name, "role": role.value})
            added.append(_person(user))
        return added

    def edit(self, actor: UserInfo | None, person_id: uuid.UUID, *, name: str | None = None,
             role: Role | str | None = None, language: str | None = None, badge_code: str | None = None,
             new_badge: bool = False, pin: str | None = None) -> Person:
        """Change a person's details; a new elevated role without a PIN needs ``pin`` too."""
        self._allowed(actor)
        with self._database.session() as session:
            user = self._get(session, person_id)
            changed: dict[str, Any] = {}
            if name is not None and clean_name(name) != user.name:
                changed["name"] = user.name = clean_name(name)
            if language is not None and parse_language(language) != (user.language or ""):
                changed["language"] = user.language = parse_language(language)
            if new_badge or (badge_code is not None and clean_badge(badge_code) != user.badge_code):
                user.badge_code = self._free_badge(session, "" if new_badge else badge_code or "", user.id)
                changed["badge"] = "new"
            if role is not None and parse_role(role) != Role(user.role):
                new_role = parse_role(role)
                if Role(user.role) is Role.ADMIN and user.active:
                    self._keep_an_admin(session, user)
                if not new_role.needs_pin:
                    user.pin_hash = None
                elif pin is None and not user.pin_hash:
                    raise PeopleError("pin_needed", "this role needs a PIN: give one")
                elif pin is None and new_role is Role.ADMIN:
                    raise PeopleError("pin_needed", "an administrator needs a new PIN of at least 6 digits")
                user.role = new_role
                changed["role"] = new_role.value
            if pin is not None:
                user.pin_hash = hash_pin(check_pin(Role(user.role), pin))
                changed["pin"] = "reset"
            if changed:
                self._stamp(user, user.revision)
                self._audit(session, actor, user, "person_changed", changed)
            return _person(user)

    def set_active(self, actor: UserInfo | None, person_id: uuid.UUID, active: bool) -> Person:
        """Deactivate someone (they keep their history and can no longer log in), or activate again."""
        self._allowed(actor)
        with self._database.session() as session:
            user = self._get(session, person_id)
            if bool(user.active) != active:
                if not active and Role(user.role) is Role.ADMIN:
                    self._keep_an_admin(session, user)
                user.active = active
                self._stamp(user, user.revision)
                self._audit(session, actor, user, "person_activated" if active else "person_deactivated", {})
            return _person(user)

    def reset_pin(self, actor: UserInfo | None, person_id: uuid.UUID, pin: str,
                  again: str | None = None) -> Person:
        """Give someone a new PIN (typed twice when ``again`` is given)."""
        self._allowed(actor)
        with self._database.session() as session:
            user = self._get(session, person_id)
            user.pin_hash = hash_pin(check_pin(Role(user.role), pin, again))
            self._stamp(user, user.revision)
            self._audit(session, actor, user, "pin_reset", {})
            return _person(user)

    # -- helpers ---------------------------------------------------------------------------------

    def _here(self) -> Any:
        return or_(User.warehouse_id == self._station.warehouse_id, User.warehouse_id.is_(None))

    def _allowed(self, actor: UserInfo | None) -> None:
        from inspector.services.access import Action, authorise

        authorise(actor, Action.PEOPLE, self._database)

    def _get(self, session: Session, person_id: uuid.UUID) -> User:
        user = session.get(User, person_id)
        if user is None:
            raise PeopleError("not_found", f"nobody here has id {person_id}", str(person_id))
        return user

    def _free_badge(self, session: Session, wanted: str, own_id: uuid.UUID | None = None) -> str:
        code = clean_badge(wanted) if wanted else new_badge_code()
        holder = session.scalar(select(User).where(User.badge_code == code))
        if holder is not None and holder.id != own_id:
            if not wanted:
                return self._free_badge(session, "", own_id)  # 1 in 5.9e14: draw again
            raise PeopleError("badge_taken", f"badge {code} already belongs to {holder.name}", code,
                              holder.name)
        return code

    def _keep_an_admin(self, session: Session, leaving: User) -> None:
        others = session.scalar(
            select(func.count()).select_from(User).where(
                User.role == Role.ADMIN, User.active, User.id != leaving.id, self._here()
            )
        )
        if not others:
            raise PeopleError("last_admin", "the warehouse would have no administrator left")

    def _stamp(self, user: User, seen_revision: int) -> None:
        """One edit more than this station has seen, by this station, now."""
        user.revision = (seen_revision or 0) + 1
        user.edited_at = self._clock()
        user.edited_by = str(self._station.station_id)

    def _audit(self, session: Session, actor: UserInfo | None, user: User, action: str,
               payload: dict[str, Any]) -> None:
        from inspector.services.access import COMMAND_LINE

        app = actor is not None and actor is not COMMAND_LINE
        append_event(session, station_id=self._station.station_id, action=action,
                     actor_id=actor.id if app and actor else None, entity_type="user", entity_id=user.id,
                     payload={**payload, "via": "app" if app else "command line"})
