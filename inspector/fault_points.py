"""Named points where the fault suite kills the process, like ``kill -9`` at the worst moment.

``INSPECTOR_FAULT=point`` (or ``point:N`` for its N-th pass) makes :func:`fault_point` SIGKILL the
process when it passes that point: the import between and inside batches, the inspection finish
around its commit, the photo store around writing a file. The hooks only work in a source checkout
with the test suite, which holds the marker file ``tests/faults/ALLOW_FAULT_INJECTION``; an
installed station (a wheel, the PyInstaller app) has no such file, so the variable does nothing
there. In production the check costs one dictionary lookup.
"""

from __future__ import annotations

import os
import signal
from functools import cache

from inspector.paths import package_root

FAULT_ENV = "INSPECTOR_FAULT"
MARKER = ("tests", "faults", "ALLOW_FAULT_INJECTION")

_passes: dict[str, int] = {}


@cache
def faults_allowed() -> bool:
    """True only in a source checkout that carries the fault suite's marker file."""
    return package_root().joinpath(*MARKER).is_file()


def fault_point(name: str) -> None:
    """Pass the point ``name``: die here when ``INSPECTOR_FAULT`` names it (test checkouts only)."""
    spec = os.environ.get(FAULT_ENV)
    if not spec:
        return
    point, _, nth = spec.partition(":")
    if point != name or not faults_allowed():
        return
    _passes[name] = _passes.get(name, 0) + 1
    if _passes[name] == int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
