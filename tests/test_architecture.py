"""The layering of ARCHITECTURE.md, checked on the source: Qt stays in the window's code,
and the window reaches the data only through the services."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "po_tracker"
QT_ALLOWED = ("ui/", "app.py", "__main__.py")


def imported_modules(path: Path) -> set[str]:
    """Absolute names of every module a file imports, relative imports resolved."""
    module_parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if module_parts[-1] == "__init__":
        module_parts.pop()
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module_parts[: len(module_parts) - node.level + (path.name == "__init__.py")]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            names.add(prefix)
            names.update(f"{prefix}.{alias.name}" for alias in node.names)
    return names


def sources():
    return sorted(PACKAGE.rglob("*.py"))


def test_the_checker_sees_relative_imports():
    names = imported_modules(PACKAGE / "services" / "logbook" / "training.py")
    assert "po_tracker.models" in names and "po_tracker.services.framework.lookup" in names


def test_qt_is_imported_only_by_the_window():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in sources()
        if any(name.split(".")[0] in ("PySide6", "shiboken6") for name in imported_modules(path))
        and not str(path.relative_to(PACKAGE)).startswith(QT_ALLOWED)
    ]
    assert offenders == []


def test_the_window_does_not_touch_the_orm():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in (PACKAGE / "ui").rglob("*.py")
        if any(
            name == "po_tracker.models"
            or name.startswith("po_tracker.models.")
            or name.startswith("sqlalchemy")
            for name in imported_modules(path)
        )
    ]
    assert offenders == []


def test_models_know_nothing_of_services_or_screens():
    for path in (PACKAGE / "models").rglob("*.py"):
        for name in imported_modules(path):
            assert not name.startswith(("po_tracker.services", "po_tracker.ui", "PySide6")), path


def test_command_line_start_up_imports_neither_qt_nor_matplotlib():
    code = (
        "import sys; from po_tracker.launcher import main;"
        "heavy = [m for m in ('PySide6', 'matplotlib', 'alembic') if m in sys.modules];"
        "print(heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def import_cycles(graph) -> list[list[str]]:
    """Every set of modules that import one another in a circle (strongly connected
    components of more than one module, Tarjan's algorithm), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while not component or component[-1] != module:
                component.append(stack.pop())
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return cycles


def test_the_cycle_finder_sees_a_cycle_through_three_modules():
    import grimp

    graph = grimp.ImportGraph()
    for importer, imported in (("p.a", "p.b"), ("p.b", "p.c"), ("p.c", "p.a"), ("p.c", "p.d")):
        graph.add_import(importer=importer, imported=imported)
    assert import_cycles(graph) == [["p.a", "p.b", "p.c"]]


def test_no_import_cycle_between_modules_counting_imports_inside_functions():
    import grimp

    graph = grimp.build_graph("po_tracker", cache_dir=None)
    assert "po_tracker.services.storage.backup" in graph.modules  # this tree, not another
    assert import_cycles(graph) == []


def test_the_import_contracts_of_pyproject_hold():
    from importlinter.cli import lint_imports

    config = PACKAGE.parent / "pyproject.toml"
    assert lint_imports(config_filename=str(config), no_cache=True, no_logo=True) == 0


def test_no_two_modules_share_a_name():
    """A name says which module it is: ``schema`` or ``registry`` twice reads as one."""
    names = [p.stem for p in sources() if p.stem != "__init__" and "migrations" not in p.parts]
    assert sorted({n for n in names if names.count(n) > 1}) == []


# Exceptions that never reach the user: signals between two functions of one module.
INTERNAL_SIGNALS = {"TooMany", "_Enough"}


def test_every_error_the_user_is_told_about_is_an_app_error():
    """One base class: the command line and the window catch ``AppError`` and show its
    one line; anything else is a bug and gets a crash report."""
    import importlib

    from po_tracker.app_errors import AppError

    others = []
    for path in sources():
        if "migrations" in path.parts or path.name == "__main__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        classes = [n.name for n in tree.body if isinstance(n, ast.ClassDef)]
        if not classes:
            continue
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        loaded = importlib.import_module(module.removesuffix(".__init__"))
        for name in classes:
            found = getattr(loaded, name)
            is_error = isinstance(found, type) and issubclass(found, BaseException)
            if is_error and name not in INTERNAL_SIGNALS and not issubclass(found, AppError):
                others.append(f"{module}.{name}")
    assert others == []
