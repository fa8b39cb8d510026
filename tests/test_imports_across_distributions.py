"""One distribution uses another only through its public names: the ``__all__`` of its top-level package.

A private module (``workreport_schema._base``) or a module that is not the
package itself (``workreport_pipeline.cli.extract_command``) can change in any
release of its own distribution; an import of one from another distribution
would then break an installed combination that the version ranges allow.
The dependency direction (README, "Layout") is checked too: the schema uses nothing
of ours, the pipeline only the schema.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

DISTRIBUTIONS = {"workreport_schema": ROOT / "schema", "workreport_pipeline": ROOT / "pipeline", "workreport_api": ROOT / "api"}
MAY_USE = {
    "workreport_schema": set(),
    "workreport_pipeline": {"workreport_schema"},
    "workreport_api": {"workreport_schema", "workreport_pipeline"},
}


def imports_of_others(package: str) -> list[tuple[str, int, str, list[str]]]:
    """(file, line, module, names) for every import of another of our packages in ``package``'s source."""
    found = []
    for path in sorted((DISTRIBUTIONS[package] / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported = [(node.module, [alias.name for alias in node.names])]
            elif isinstance(node, ast.Import):
                imported = [(alias.name, []) for alias in node.names]
            else:
                continue
            for module, names in imported:
                if module.split(".")[0] in DISTRIBUTIONS and module.split(".")[0] != package:
                    found.append((str(path.relative_to(ROOT)), node.lineno, module, names))
    return found


@pytest.mark.parametrize("package", sorted(DISTRIBUTIONS))
def test_no_private_module_of_another_distribution_is_imported(package: str) -> None:
    private = [
        f"{file}:{line}: {module}"
        for file, line, module, _ in imports_of_others(package)
        if any(part.startswith("_") for part in module.split("."))
    ]
    assert not private, "imports of another distribution's private modules:\n" + "\n".join(private)


@pytest.mark.parametrize("package", sorted(DISTRIBUTIONS))
def test_other_distributions_are_used_only_through_their_public_names(package: str) -> None:
    wrong = []
    for file, line, module, names in imports_of_others(package):
        top = module.split(".")[0]
        if top not in MAY_USE[package]:
            wrong.append(f"{file}:{line}: {package} must not depend on {top}")
        elif module != top:
            wrong.append(f"{file}:{line}: import from {top}, not its module {module}")
        else:
            public = set(importlib.import_module(top).__all__)
            wrong.extend(f"{file}:{line}: {top}.{name} is not in {top}.__all__" for name in names if name not in public)
    assert not wrong, "\n".join(wrong)


def test_the_check_finds_what_it_looks_for() -> None:
    """The walk sees this distribution's imports of the others at all (a silent empty walk would pass anything)."""
    modules = {module for _, _, module, _ in imports_of_others("workreport_api")}
    assert modules == {"workreport_schema", "workreport_pipeline"}
