"""The README cannot drift: every route, setting and command is documented there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workreport_api.app import create_app, litestar_of
from workreport_api.cli.main import build_parser
from workreport_api.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
ROUTES = sorted({route.path for route in litestar_of(create_app(Settings.from_env({}, database_url="sqlite:///:memory:"))).routes})


def _documented(path: str) -> bool:
    readme_form = re.sub(r"\{(\w+?)(_id)?:\w+\}", lambda m: "{id}" if m.group(2) or m.group(1) == "id" else "{" + m.group(1) + "}", path)
    variants = {readme_form, readme_form.replace("{name}", "{entity}.schema.json"), readme_form.replace("{slug}", "{type}")}
    return any(f"`{v}`" in README or f"`GET {v}`" in README or f", `{v}`" in README or f"{v}`" in README for v in variants)


@pytest.mark.parametrize("path", [p for p in ROUTES if not p.startswith(("/static/", "/_litestar"))])
def test_every_route_is_in_the_readme(path: str) -> None:
    assert _documented(path) or path in ("/v1/export/{file:str}",), f"{path} is not documented in README.md"


def test_export_files_are_documented() -> None:
    assert "/v1/export/{collection}.csv`" in README and "/v1/export/{collection}.ndjson`" in README


@pytest.mark.parametrize("variable", [name for name, _, _ in Settings.documentation()])
def test_every_setting_is_in_the_readme(variable: str) -> None:
    assert f"| `{variable}` |" in README


@pytest.mark.parametrize("command", sorted(build_parser()._subparsers._group_actions[0].choices))  # type: ignore[union-attr]
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"`workreport {command}" in README


def test_the_two_commands() -> None:
    assert "make run" in README and "make test" in README


MAKE_TARGETS = [
    line.split(":")[0]
    for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    if "##" in line and ":" in line.split("##")[0]
]


@pytest.mark.parametrize("target", MAKE_TARGETS)
def test_every_make_target_is_in_the_readme(target: str) -> None:
    assert f"`make {target}`" in README
