"""The core is Qt-free and dependencies point downwards (import-linter contracts in pyproject)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORE_PACKAGES = ("models", "services", "scanning", "sync", "reports", "connectors")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_core_module_imports_qt_or_the_ui() -> None:
    offenders = []
    for package in CORE_PACKAGES:
        for path in (REPO / "inspector" / package).rglob("*.py"):
            bad = {n for n in _imports(path) if n.split(".")[0] == "PySide6" or n.startswith("inspector.ui")}
            if bad:
                offenders.append(f"{path.relative_to(REPO)}: {sorted(bad)}")
    assert offenders == []


def test_import_linter_contracts_hold() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--config", str(REPO / "pyproject.toml")],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_core_imports_without_qt_installed() -> None:
    """Import every core module in a subprocess where importing PySide6 fails."""
    blocker = (
        "import sys, importlib, pkgutil\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'PySide6': raise ImportError('Qt is blocked')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import inspector\n"
        f"for pkg in {CORE_PACKAGES!r}:\n"
        "    mod = importlib.import_module('inspector.' + pkg)\n"
        "    for info in pkgutil.walk_packages(mod.__path__, mod.__name__ + '.'):\n"
        "        if 'migrations' in info.name: continue\n"
        "        importlib.import_module(info.name)\n"
        "import inspector.cli, inspector.app, inspector.config, inspector.paths\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", blocker], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


def test_no_import_circles() -> None:
    """No module imports itself through others (lazy and type-checking imports count too): the
    circles reports tables <-> intake report, application <-> session <-> main window <-> review page
    <-> detail view, and intake page <-> return actions must not come back (issue 10, §5)."""
    import grimp

    graph = grimp.build_graph("inspector")
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(module: str) -> None:  # Tarjan's strongly connected components
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    assert circles == []


def test_no_view_is_built_with_a_database() -> None:
    """Views call services; none takes a ``Database`` in its constructor (issue 10, §5)."""
    offenders = []
    for path in (REPO / "inspector" / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                        for arg in item.args.args:
                            if arg.annotation is not None and re.search(r"\bDatabase\b",
                                                                        ast.unparse(arg.annotation)):
                                offenders.append(f"{path.name}: {node.name}({arg.arg})")
    assert offenders == []
