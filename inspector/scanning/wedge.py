"""Qt-free keyboard-wedge burst detector.

A keyboard-wedge scanner "types" its data 5-10 ms per key, followed by a terminator (Enter/Tab); people
type 100+ ms apart. :class:`WedgeBurstDetector` turns a stream of key presses with timestamps into
:class:`~inspector.scanning.events.ScanEvent` objects and tells the GUI adapter what to do with each key.

Adapter protocol (the Qt event filter implements exactly this)
-------------------------------------------------------------
Feed every key press that produces text or is a terminator: ``feed(key, t_ms)`` where ``key`` is the
event's text (one character, GS = ``"\\x1d"`` included) or a key name for non-text keys (``"Enter"``,
``"Return"``, ``"Tab"``, ``"Backspace"``, ``"Escape"``...), and ``t_ms`` a monotonic timestamp in
milliseconds (``QKeyEvent.timestamp()`` or ``time.monotonic() * 1000``). Do not feed bare modifier keys
and do not feed keys that you replay yourself (mark synthetic events). Each call returns a
:class:`FeedResult`; apply its parts **in this order**:

1. ``replay``: re-deliver these earlier-swallowed keys, in order, to the focused widget (they turned out
   to be ordinary typing).
2. ``event`` / ``error``: if set, dispatch the completed :class:`ScanEvent` / :class:`ScanError`.
3. ``action`` for the *current* key: ``PASS`` -> let the key through unchanged; ``HOLD`` or ``SWALLOW``
   -> consume it (return True from ``eventFilter``).
4. ``flush_at_ms``: if not None, (re)arm a single-shot timer so that ``flush(now_ms)`` is called at that
   time unless another key arrives first; if None, cancel the timer. ``flush`` returns a FeedResult whose
   ``replay``/``event``/``error`` are applied the same way (its ``action`` is always ``PASS`` and refers
   to no key).

The first key of a possible burst is held for at most ``max_gap_ms`` (default 50 ms): that is the price
of knowing whether it starts a scan. Once a burst has ``min_length`` characters typed that fast it is
*confirmed* (people cannot type that fast) and continues across gaps of up to ``stall_gap_ms``
(default 250 ms): a busy machine may hold up a scanner's keys for a while, and splitting the scan there
would turn one scan into two wrong ones. A burst is a scan only when it ends with a terminator
(Enter/Tab; suffix Enter is the recommended scanner setting). A burst that ends otherwise - at a longer
gap or at a non-text key - is replayed to the widget as typing, never emitted as a scan. A scan whose
first characters may have been replayed as typing just before it (keys replayed at most
``stall_gap_ms`` before it began: a stall right at its start) is refused with a ``ScanError``
(``code="interrupted"``, "scan again") instead of being emitted without its head; so is a scan
that follows a person's typing that closely, and a scan that comes within ``4 * stall_gap_ms`` after
a confirmed burst was replayed for want of a terminator (a scan cut by a longer stall). Bursts longer than
``max_length`` characters yield one ``ScanError``.

The timing needs the keys' own timestamps (window-system time): the GUI thread may be busy while keys
queue up, and the adapter must deliver the queued keys before it trusts an expired flush timer (the
Qt filter processes pending events first), or a burst would be cut where the GUI stalled.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from inspector.scanning.events import ScanError, ScanEvent, parse_aim, strip_control_chars
from inspector.scanning.layout import repair_layout

INTERRUPTED_AFTER_BURST = 4
"""A scan within this many ``stall_gap_ms`` after a burst without terminator was replayed is refused."""

_KEY_ALIASES = {
    "\r": "Enter",
    "\n": "Enter",
    "Return": "Enter",
    "Enter": "Enter",
    "KP_Enter": "Enter",
    "\t": "Tab",
    "Tab": "Tab",
}


class KeyAction(enum.Enum):
    """What the adapter does with the key just fed."""

    PASS = "pass"  #: deliver normally
    HOLD = "hold"  #: consume now; it may be replayed later
    SWALLOW = "swallow"  #: consume; it is part of a scan


@dataclass(frozen=True)
class WedgeConfig:
    """Burst detector settings.

    Attributes:
        max_gap_ms: Longest gap between two keys of a burst until it is confirmed (default 50 ms).
        stall_gap_ms: Longest gap inside a confirmed burst (``min_length`` fast characters; 250 ms).
        min_length: Fewest characters a scan may have (default 4).
        terminators: Key names that end a scan (``"Enter"``, ``"Tab"``).
        prefix: Scanner-configured prefix to strip (if present at the start).
        suffix: Scanner-configured suffix to strip (if present at the end, before the terminator).
        max_length: Longer bursts are rejected with a ``ScanError``.
        repair: Try to repair Caps Lock / AZERTY / QWERTZ garbling (hint always set when detected).
        validator: ``text -> bool`` deciding whether a repaired text is "known good"; default uses
            :func:`inspector.scanning.identify.identify`.
    """

    max_gap_ms: float = 50.0
    stall_gap_ms: float = 250.0
    min_length: int = 4
    terminators: tuple[str, ...] = ("Enter", "Tab")
    prefix: str = ""
    suffix: str = ""
    max_length: int = 4096
    repair: bool = True
    validator: Callable[[str], bool] | None = None


@dataclass
class FeedResult:
    """Instructions for the adapter; see the module docstring for the order of application."""

    action: KeyAction = KeyAction.PASS
    replay: list[str] = field(default_factory=list)
    event: ScanEvent | None = None
    error: ScanError | None = None
    flush_at_ms: float | None = None


def _normalize_key(key: str) -> str:
    return _KEY_ALIASES.get(key, key)


class WedgeBurstDetector:
    """State machine separating scanner bursts from human typing. Not thread-safe; one per window."""

    def __init__(
        self, config: WedgeConfig | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        """Create a detector; ``clock`` supplies ``ScanEvent.at`` (monotonic seconds)."""
        self.config = config or WedgeConfig()
        self._clock = clock
        self._buffer: list[str] = []
        self._first_ms: float | None = None
        self._last_ms: float | None = None
        self._overflow = False
        self._replayed_ms: float | None = None  # when held keys were last replayed as typing
        self._replayed_window = 0.0  # how long after that a scan may have lost its head to them

    @property
    def pending(self) -> str:
        """Characters currently held (not yet replayed or emitted)."""
        return "".join(self._buffer)

    @property
    def confirmed(self) -> bool:
        """True while the burst held has ``min_length`` fast characters: a machine is typing."""
        return self._overflow or len(self._buffer) >= self.config.min_length

    def _gap_limit(self) -> float:
        cfg = self.config
        return max(cfg.max_gap_ms, cfg.stall_gap_ms) if self.confirmed else cfg.max_gap_ms

    def reset(self) -> list[str]:
        """Drop state (e.g. on focus change) and return held keys the adapter should replay."""
        held = [] if self._overflow else list(self._buffer)
        self._buffer, self._first_ms, self._last_ms, self._overflow = [], None, None, False
        return held

    def feed(self, char_or_key: str, t_ms: float) -> FeedResult:
        """Process one key press at ``t_ms`` (monotonic milliseconds)."""
        key = _normalize_key(char_or_key)
        cfg = self.config
        result = FeedResult()
        fast = self._last_ms is not None and (t_ms - self._last_ms) <= self._gap_limit()
        if self._buffer or self._overflow:
            if not fast:
                self._finish(result, terminated=False)
            elif key in cfg.terminators:
                was_scan = self.confirmed
                self._finish(result, terminated=True)
                result.action = KeyAction.SWALLOW if was_scan else KeyAction.PASS
                return result
            elif len(key) == 1:
                self._append(key, t_ms, result)
                result.action = KeyAction.SWALLOW
                result.flush_at_ms = t_ms + self._gap_limit()
                return result
            else:  # another non-text key inside a burst: not a scan
                self._finish(result, terminated=False, force_replay=True)
        if len(key) == 1 and key not in cfg.terminators:
            self._buffer = [key]
            self._first_ms = self._last_ms = t_ms
            result.action = KeyAction.HOLD
            result.flush_at_ms = t_ms + cfg.max_gap_ms
        else:
            self._last_ms = None
            result.action = KeyAction.PASS
        return result

    def flush(self, t_ms: float) -> FeedResult:
        """Timer callback: finish a burst whose gap has expired (replay it). Safe to call any time.

        The adapter must first deliver every key that is already waiting (see the module docstring).
        """
        result = FeedResult()
        if (self._buffer or self._overflow) and self._last_ms is not None:
            limit = self._gap_limit()
            if t_ms - self._last_ms > limit or t_ms < self._last_ms:
                self._finish(result, terminated=False)
            else:
                result.flush_at_ms = self._last_ms + limit
        return result

    # --- internals -------------------------------------------------------------------------------------

    def _append(self, key: str, t_ms: float, result: FeedResult) -> None:
        self._last_ms = t_ms
        if self._overflow:
            return
        self._buffer.append(key)
        if len(self._buffer) > self.config.max_length:
            self._overflow = True
            raw = "".join(self._buffer[:64])
            self._buffer = []
            result.error = ScanError(
                f"Scan rejected: more than {self.config.max_length} characters (is the scanner stuck or "
                "sending a file?)",
                "wedge",
                self._clock(),
                raw,
                code="too_long",
            )

    def _finish(self, result: FeedResult, terminated: bool, force_replay: bool = False) -> None:
        cfg = self.config
        confirmed = self.confirmed
        buffer, overflow, first_ms, last_ms = self._buffer, self._overflow, self._first_ms, self._last_ms
        self._buffer, self._first_ms, self._last_ms, self._overflow = [], None, None, False
        if overflow:
            return  # the error was already reported when the limit was crossed
        if force_replay or not confirmed or (not terminated and cfg.terminators):
            # typing, or a burst that did not end with the terminator: never a scan
            result.replay.extend(buffer)
            if not force_replay and not terminated:
                self._replayed_ms = last_ms
                # scanner-speed keys without Enter: the rest of that scan may come after a long stall
                stall = max(cfg.max_gap_ms, cfg.stall_gap_ms)
                self._replayed_window = stall * INTERRUPTED_AFTER_BURST if confirmed else stall
            return
        raw = "".join(buffer)
        replayed, self._replayed_ms = self._replayed_ms, None
        if (
            terminated
            and replayed is not None
            and first_ms is not None
            and 0 <= first_ms - replayed <= self._replayed_window
        ):
            # keys replayed as typing a moment before may have been this scan's first characters
            result.error = ScanError(
                "Scan interrupted: its first characters may have gone to the text field; scan again",
                "wedge",
                self._clock(),
                raw,
                code="interrupted",
            )
            return
        result.event = self._make_event(raw, terminated)

    def _make_event(self, raw: str, terminated: bool) -> ScanEvent:
        cfg = self.config
        text = raw
        if cfg.prefix and text.startswith(cfg.prefix):
            text = text[len(cfg.prefix) :]
        if cfg.suffix and text.endswith(cfg.suffix):
            text = text[: -len(cfg.suffix)]
        warnings: list[str] = []
        text, removed = strip_control_chars(text)
        if removed:
            warnings.append(f"{removed} control character(s) other than GS/RS/EOT were removed")
        if not terminated and cfg.terminators:
            warnings.append("scan ended by timeout, no terminator received")
        aim = parse_aim(text)
        data = aim.data
        hint, hint_code, original, repaired = "", "", "", False
        repair = repair_layout(data, cfg.validator) if cfg.repair else None
        if repair is not None:
            hint, hint_code = repair.hint, repair.code
            if repair.text is not None:
                original, data, repaired = data, repair.text, True
        return ScanEvent(
            text=data,
            source="wedge",
            symbology=aim.symbology,
            aim_id=aim.aim_id,
            at=self._clock(),
            raw=raw,
            hint=hint,
            hint_code=hint_code,
            original_text=original,
            repaired=repaired,
            warnings=tuple(warnings),
        )
