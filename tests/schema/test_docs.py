"""The schema README documents every codelist, rule and entity (docs that cannot drift)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workreport_schema import ENTITIES, load_codelist
from workreport_schema.codelists import codelist_names
from workreport_schema.rules import RULES

README = (Path(__file__).resolve().parents[2] / "schema" / "README.md").read_text(encoding="utf-8")
CHANGELOG = (Path(__file__).resolve().parents[2] / "schema" / "CHANGELOG.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", codelist_names())
def test_every_codelist_and_code_is_documented(name: str) -> None:
    assert f"| `{name}`" in README
    for code in load_codelist(name).codes:
        assert f"`{code}`" in README, f"{name}: code {code} missing from schema/README.md"


@pytest.mark.parametrize("rule", sorted(RULES))
def test_every_semantic_rule_is_documented(rule: str) -> None:
    assert f"| `{rule}` |" in README
    assert rule in CHANGELOG


@pytest.mark.parametrize("entity", list(ENTITIES))
def test_every_entity_is_documented(entity: str) -> None:
    assert f"| `{entity}` | `{entity}.schema.json` |" in README


def test_changelog_starts_at_the_current_version() -> None:
    from workreport_schema import SCHEMA_VERSION

    assert f"## {SCHEMA_VERSION} " in CHANGELOG
