"""Print a SHA-256 over what a build is made of (the package, resources, translations, build.spec).

``scripts/build-app`` stores it in ``dist/ReturnInspector-<version>/BUILT-FROM``; ``tests/test_built_app.py``
compares it with the source tree, so a build older than the code is never smoke-tested as if it were new.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("inspector", "resources", "translations", "build.spec")


def source_digest(root: Path = ROOT) -> str:
    """The digest of every file that goes into the build (paths and contents, in a fixed order)."""
    digest = hashlib.sha256()
    for part in PARTS:
        base = root / part
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in files:
            if "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


if __name__ == "__main__":
    sys.stdout.write(source_digest() + "\n")
