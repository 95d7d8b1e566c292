"""Project command for the Qt Linguist translations.

    python scripts/translations.py update    # pyside6-lupdate: sources -> translations/*.ts
    python scripts/translations.py compile   # pyside6-lrelease: translations/*.ts -> *.qm

``update`` scans inspector/ (every .py that calls tr(), translate() or QT_TRANSLATE_NOOP) and
keeps no line numbers in the .ts files, so they change only when a text changes.

A count in a sentence is a numerus text: ``self.tr("%Ln change(s) waiting", "", n)`` (``%Ln`` groups
big numbers the locale's way); outside a method ``SomeQObjectClass.tr(text, "", n)``, because lupdate
marks ``QCoreApplication.translate(context, text, None, n)`` neither as numerus nor, with an attribute as
``n``, at all. Fill both ``numerusform`` entries in Dutch and English (tests/ui/test_plural_forms.py).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
LANGUAGES = ("nl", "en")
_MARKERS = re.compile(r"\b(tr|translate|QT_TRANSLATE_NOOP|QT_TR_NOOP)\(")


def tool(name: str) -> str:
    """The path of a PySide6 tool next to the running Python (a venv), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6 in this environment")
    return found


def ts_files(directory: Path = TRANSLATIONS) -> list[Path]:
    """The Linguist source of every language."""
    return [directory / f"inspector_{language}.ts" for language in LANGUAGES]


def translatable_sources(root: Path = ROOT) -> list[Path]:
    """Every .py under inspector/ that holds translatable text."""
    return sorted(
        path
        for path in (root / "inspector").rglob("*.py")
        if _MARKERS.search(path.read_text(encoding="utf-8"))
    )


def update(directory: Path = TRANSLATIONS) -> None:
    """Merge the texts of the code into each .ts file (one lupdate run per language)."""
    directory.mkdir(parents=True, exist_ok=True)
    sources = [str(path) for path in translatable_sources()]
    for language, ts in zip(LANGUAGES, ts_files(directory), strict=True):
        command = [tool("pyside6-lupdate"), *sources, "-locations", "none", "-no-obsolete"]
        command += ["-target-language", language, "-ts", str(ts)]
        subprocess.run(command, check=True, cwd=ROOT)


def compile_all(directory: Path = TRANSLATIONS, output: Path | None = None) -> list[Path]:
    """Compile each .ts into a .qm (next to it, or into ``output``); returns the .qm paths."""
    written = []
    for ts in ts_files(directory):
        qm = (output or directory) / ts.with_suffix(".qm").name
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, cwd=ROOT)
        written.append(qm)
    return written


def main(argv: list[str] | None = None) -> int:
    """Run the ``update`` or ``compile`` command."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=("update", "compile"))
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
    else:
        compile_all()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
