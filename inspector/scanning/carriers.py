"""Courier tracking-number formats loaded from ``resources/carriers/*.json`` and ranked matching.

The JSON schema is that of jkeen/tracking_number_data (MIT, see ``resources/carriers/LICENSE``): a file
holds one courier object ``{"name", "courier_code", "tracking_numbers": [...]}`` or, for our own
``local_eu.json``, a list of such objects. Formats of the same ``courier_code`` are merged.

Matching follows the reference implementation (jkeen/tracking_number): the input is normalised (spaces
removed, upper case), the format regex must match the whole string, the checksum is computed over the
``SerialNumber`` group (after ``serial_number_format.prepend_if``) against ``CheckDigit``, and
``validation.additional.exists`` lookups must succeed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from inspector.paths import resources_dir
from inspector.scanning.checkdigits import validate_check

_NAMED_GROUP = re.compile(r"\(\?<([A-Za-z_][A-Za-z0-9_]*)>")
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class CarrierFormat:
    """One tracking-number format of one courier."""

    courier_code: str
    courier_name: str
    name: str
    format_id: str
    pattern: re.Pattern[str]
    checksum: dict[str, Any] | None
    serial_number_format: dict[str, Any] | None
    required_additional: tuple[str, ...]
    additional: tuple[dict[str, Any], ...]
    tracking_url: str
    prefix_len: int
    order: int
    source: str

    @property
    def checksum_strength(self) -> int:
        """0 = no check digit, 1 = weak check (mod 7: 1 in 7 random numbers pass), 2 = real check digit."""
        if not self.checksum:
            return 0
        return 1 if self.checksum.get("name") == "mod7" else 2


@dataclass(frozen=True)
class CarrierMatch:
    """A format that matched the input, with its own validity."""

    carrier: str
    carrier_name: str
    service: str
    format_id: str
    valid: bool
    checksum_ok: bool | None
    normalized: str
    groups: dict[str, str] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)
    tracking_url: str = ""
    prefix_len: int = 0
    checksum_strength: int = 0
    order: int = 0

    @property
    def verified(self) -> bool:
        """Valid *and* distinctive: a passing check digit or a literal prefix of 2+ characters."""
        return self.valid and (self.checksum_strength > 0 or self.prefix_len >= 2)

    def sort_key(self) -> tuple[int, int, int, int]:
        """Ranking: valid first, then stronger check digit, longer literal prefix, then file order."""
        return (0 if self.valid else 1, -self.checksum_strength, -self.prefix_len, self.order)


def convert_regex(regex: str | list[str]) -> str:
    """Join a jkeen regex (string or list of parts) and convert Ruby ``(?<Name>`` groups to Python's."""
    text = "".join(regex) if isinstance(regex, list) else regex
    return _NAMED_GROUP.sub(r"(?P<\1>", text)


def literal_prefix_len(regex: str) -> int:
    """Count literal characters a regex requires at its start (ignoring ``\\s*`` and named-group opens).

    ``\\s*1\\s*Z\\s*(?P<SerialNumber>...`` -> 2; ``\\s*(?P<AI>9\\s*6\\s*)...`` -> 2; ``[A-Z]...`` -> 0.
    """
    i, count = 0, 0
    while i < len(regex):
        if regex.startswith(r"\s*", i):
            i += 3
        elif regex.startswith(r"\b", i):
            i += 2
        elif regex.startswith("(?P<", i):
            i = regex.index(">", i) + 1
        elif regex[i].isalnum():
            if i + 1 < len(regex) and regex[i + 1] in "?*{":
                break
            count += 1
            i += 1
        else:
            break
    return count


def _formats_from_courier(courier: dict[str, Any], source: str, start: int) -> list[CarrierFormat]:
    out = []
    for k, spec in enumerate(courier.get("tracking_numbers", [])):
        regex = convert_regex(spec["regex"])
        validation = spec.get("validation") or {}
        additional_check = validation.get("additional") or {}
        out.append(
            CarrierFormat(
                courier_code=courier["courier_code"],
                courier_name=courier["name"],
                name=spec["name"],
                format_id=spec.get("id") or re.sub(r"\W+", "_", spec["name"].lower()).strip("_"),
                pattern=re.compile(regex),
                checksum=validation.get("checksum"),
                serial_number_format=validation.get("serial_number_format"),
                required_additional=tuple(additional_check.get("exists", ())),
                additional=tuple(spec.get("additional", ())),
                tracking_url=spec.get("tracking_url", ""),
                prefix_len=literal_prefix_len(regex),
                order=start + k,
                source=source,
            )
        )
    return out


def load_formats(directory: Path | None = None) -> list[CarrierFormat]:
    """Load every ``*.json`` in ``directory`` (default ``resources/carriers``): upstream files first
    (alphabetically), then ``local_*.json``, so upstream formats win ranking ties."""
    directory = directory or (resources_dir() / "carriers")
    files = sorted(directory.glob("*.json"), key=lambda p: (p.name.startswith("local_"), p.name))
    formats: list[CarrierFormat] = []
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        couriers = data if isinstance(data, list) else [data]
        for courier in couriers:
            formats.extend(_formats_from_courier(courier, path.name, len(formats)))
    return formats


@lru_cache(maxsize=1)
def default_formats() -> tuple[CarrierFormat, ...]:
    """The formats in ``resources/carriers``, loaded once."""
    return tuple(load_formats())


def normalize_tracking(text: str) -> str:
    """Remove all whitespace and upper-case (what couriers and jkeen/tracking_number do)."""
    return _WS.sub("", text).upper()


def _lookup(info: dict[str, Any], value: str) -> dict[str, Any] | None:
    for entry in info.get("lookup", []):
        if "matches" in entry and value == entry["matches"]:
            return entry
        if "matches_regex" in entry and re.search(entry["matches_regex"], value):
            return entry
    return None


def _match_one(fmt: CarrierFormat, number: str) -> CarrierMatch | None:
    m = fmt.pattern.fullmatch(number)
    if m is None:
        return None
    groups = {k: _WS.sub("", v) for k, v in m.groupdict().items() if v is not None}
    checksum_ok: bool | None = None
    if fmt.checksum:
        serial = groups.get("SerialNumber", "")
        prepend = (fmt.serial_number_format or {}).get("prepend_if")
        if prepend and re.search(prepend["matches_regex"], serial):
            serial = prepend["content"] + serial
        checksum_ok = validate_check(fmt.checksum["name"], serial, groups.get("CheckDigit", ""), fmt.checksum)
    details: dict[str, Any] = {}
    for info in fmt.additional:
        value = groups.get(info.get("regex_group_name", ""))
        if value is not None:
            found = _lookup(info, value)
            if found is not None:
                details[info["name"]] = found
    additional_ok = all(name in details for name in fmt.required_additional)
    valid = checksum_ok is not False and additional_ok
    return CarrierMatch(
        carrier=fmt.courier_code,
        carrier_name=fmt.courier_name,
        service=fmt.name,
        format_id=fmt.format_id,
        valid=valid,
        checksum_ok=checksum_ok,
        normalized=number,
        groups=groups,
        details=details,
        tracking_url=fmt.tracking_url.replace("%s", number) if fmt.tracking_url else "",
        prefix_len=fmt.prefix_len,
        checksum_strength=fmt.checksum_strength,
        order=fmt.order,
    )


def match_tracking(text: str, formats: tuple[CarrierFormat, ...] | list[CarrierFormat] | None = None,
                   ) -> list[CarrierMatch]:
    """Every carrier format matching ``text`` (normalised), ranked best first, each with its validity.

    Ranking: valid before invalid; a real check digit before a weak one (mod 7) before none; a longer
    literal prefix (``1Z``, ``JVGL``, ``3S``) first; then load order (upstream data before local).
    """
    number = normalize_tracking(text)
    if not number or len(number) > 64:
        return []
    formats = default_formats() if formats is None else formats
    matches = [m for fmt in formats if (m := _match_one(fmt, number)) is not None]
    return sorted(matches, key=CarrierMatch.sort_key)
