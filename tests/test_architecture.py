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
    names = imported_modules(PACKAGE / "services" / "training.py")
    assert "po_tracker.models" in names and "po_tracker.services.lookup" in names


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
        "import sys; from po_tracker.cli import main;"
        "heavy = [m for m in ('PySide6', 'matplotlib', 'alembic') if m in sys.modules];"
        "print(heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
