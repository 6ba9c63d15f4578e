"""Only gui/ may import Qt, so the CLI, exporters and tests run without a display."""

from __future__ import annotations

import ast

import pytest

from tests.conftest import REPO

HEADLESS_PACKAGES = ["models", "clause_library", "exports", "cli"]
QT_MODULES = ("PySide6", "shiboken6", "matplotlib.backends.backend_qtagg", "gui")


def _imports(path) -> list[str]:  # type: ignore[no-untyped-def]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


@pytest.mark.parametrize("package", HEADLESS_PACKAGES)
def test_package_does_not_import_qt(package: str) -> None:
    offenders = []
    for path in sorted((REPO / package).rglob("*.py")):
        for name in _imports(path):
            if name.startswith(QT_MODULES):
                offenders.append(f"{path.relative_to(REPO)} imports {name}")
    assert offenders == []


def test_models_does_not_import_upper_layers() -> None:
    offenders = []
    for path in sorted((REPO / "models").rglob("*.py")):
        for name in _imports(path):
            if name.split(".")[0] in ("gui", "exports", "clause_library", "cli"):
                offenders.append(f"{path.relative_to(REPO)} imports {name}")
    assert offenders == []
