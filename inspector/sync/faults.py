"""Fault injection for the crash tests: die (like ``kill -9``) at exact points of a sync run.

``INSPECTOR_SYNC_FAULT`` names the point (``before_send``, ``mid_batch``, ``after_commit_before_ack``,
``after_ack``, ``photo_mid_upload``), optionally ``point:N`` for its N-th hit, or ``random:SEED:P``
to die at any point with probability P. ``corrupt_photo_chunk`` flips a byte in the first photo
chunk sent (a photo damaged in transit).

Only the test suite can inject faults: the variable is honoured only together with
``INSPECTOR_TEST_SUITE=1`` (set by ``tests/conftest.py``) in a source checkout that has its
``tests/`` folder, never in a frozen or installed station (which ignores it, with a warning).
"""

from __future__ import annotations

import logging
import os
import random
import signal
import sys
from collections.abc import Callable
from typing import Any

from inspector.paths import package_root

FAULT_ENV = "INSPECTOR_SYNC_FAULT"
TEST_SUITE_ENV = "INSPECTOR_TEST_SUITE"
log = logging.getLogger(__name__)


def injection_allowed() -> bool:
    """True only when the test suite runs from a source checkout (never in an installed station)."""
    return (not getattr(sys, "frozen", False) and os.environ.get(TEST_SUITE_ENV) == "1"
            and (package_root() / "tests" / "conftest.py").is_file())


def _spec_from_environment() -> str:
    spec = os.environ.get(FAULT_ENV, "")
    if spec and not injection_allowed():
        log.warning("%s is set but ignored: fault injection works only in the test suite", FAULT_ENV)
        return ""
    return spec

Hook = Callable[[str, Any], None]


class Faults:
    """Named points a sync run passes; a test hook or the environment may act on them."""

    def __init__(self, hook: Hook | None = None, spec: str | None = None) -> None:
        self.hook = hook
        self.spec = _spec_from_environment() if spec is None else spec
        self.counts: dict[str, int] = {}
        self._random: random.Random | None = None
        self._probability = 0.0
        if self.spec.startswith("random:"):
            _, seed, probability = self.spec.split(":")
            self._random = random.Random(int(seed))
            self._probability = float(probability)

    def hit(self, point: str, context: Any = None) -> None:
        """Pass a point: call the test hook, and die here when the environment asks for it."""
        count = self.counts[point] = self.counts.get(point, 0) + 1
        if self.hook is not None:
            self.hook(point, context)
        if not self.spec:
            return
        if self._random is not None:
            if self._random.random() < self._probability:
                _die()
            return
        name, _, nth = self.spec.partition(":")
        if name == point and count == int(nth or 1):
            _die()

    def corrupt(self, point: str) -> bool:
        """True once when the environment asks to corrupt what passes ``point``."""
        if self.spec != point or self.counts.get(point):
            return False
        self.counts[point] = 1
        return True


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)
