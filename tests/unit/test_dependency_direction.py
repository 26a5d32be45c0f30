"""The layout's rules, read from the source: dependencies point one way, and every package
installs.

`ctevents` core ← `ctevents.projections` ← `ctevents.replay`; only the composition root
(`ctevents.server`, `ctevents.cli` and the `python -m ctevents` entry point) sees them all.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.paths import ROOT

READ_SIDE = ("ctevents.projections", "ctevents.replay")
COMPOSITION_ROOT = ("ctevents.server", "ctevents.cli")
# Each layer and the packages it must never import.
LAYERS = {
    "core": (ROOT / "src" / "ctevents", (*READ_SIDE, *COMPOSITION_ROOT)),
    "projections": (ROOT / "projections", ("ctevents.replay", *COMPOSITION_ROOT)),
    "replay": (ROOT / "replay", COMPOSITION_ROOT),
}
# Inside src/ctevents, these belong to the composition root, not to the core.
ROOT_MODULES = ("server", "cli", "__main__.py")


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    """Every absolute module name `path` imports, with its line."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module


def _modules(layer: str, folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*.py")):
        if layer == "core" and path.relative_to(folder).parts[0] in ROOT_MODULES:
            continue
        yield path


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_dependencies_point_one_way(layer: str) -> None:
    folder, forbidden = LAYERS[layer]
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in _modules(layer, folder)
        for line, name in _imports(path)
        if name.startswith(forbidden) or name.split(".")[0] in {"projections", "replay"}
    ]
    assert not wrong, "\n".join(wrong)


def test_every_package_folder_is_installed() -> None:
    """The package list in pyproject.toml is explicit (the read side is mapped into the
    `ctevents` namespace), so a new subpackage must be added there."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]
    folders = {Path(v): k for k, v in setuptools["package-dir"].items()}
    found = set()
    for folder, package in folders.items():
        for init in (ROOT / folder).rglob("__init__.py"):
            parts = init.parent.relative_to(ROOT / folder).parts
            found.add(".".join((package, *parts)))
    assert found == set(setuptools["packages"])


def test_every_name_a_benchmark_imports_exists() -> None:
    """Benchmarks run outside the suite; a moved helper must not break them unnoticed."""
    missing = []
    for path in sorted((ROOT / "benchmarks").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                if not node.module.startswith(("ctevents", "tests")):
                    continue
                module = importlib.import_module(node.module)
                missing += [
                    f"{path.name}:{node.lineno} {node.module}.{alias.name}"
                    for alias in node.names
                    if not hasattr(module, alias.name)
                    and importlib.util.find_spec(f"{node.module}.{alias.name}") is None
                ]
    assert not missing, "\n".join(missing)
