"""Every fixture gets the same verdict from jsonschema and from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from workreport_schema import ENTITIES, validate_data
from workreport_schema.validate import guess_entity, schema_problems

from .conftest import expected, fixture_files


def _entity(path: Path) -> str:
    entity = guess_entity(json.loads(path.read_text(encoding="utf-8")))
    assert entity is not None, f"{path.name}: cannot tell its entity"
    return entity


@pytest.mark.parametrize("path", fixture_files("valid"), ids=lambda p: p.name)
def test_valid_fixture_passes_both_and_round_trips(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    entity = _entity(path)
    assert schema_problems(json.loads(raw), entity) == []
    model = ENTITIES[entity].model_validate_json(raw)
    assert model.model_dump(mode="json", by_alias=True, exclude_none=True) == json.loads(raw)
    assert validate_data(json.loads(raw)) == (entity, [])


@pytest.mark.parametrize("path", fixture_files("invalid"), ids=lambda p: p.name)
def test_invalid_fixture_fails_both_with_the_named_error(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    want = expected("invalid")[path.name]
    entity = _entity(path)
    problems = schema_problems(json.loads(raw), entity)
    assert (want["path"], want["rule"]) in [(p.path, p.rule) for p in problems], problems
    with pytest.raises(ValidationError):
        ENTITIES[entity].model_validate_json(raw)


@pytest.mark.parametrize("path", fixture_files("semantic"), ids=lambda p: p.name)
def test_semantic_fixture_passes_schema_but_breaks_its_rule(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    want = expected("semantic")[path.name]
    entity = _entity(path)
    assert schema_problems(json.loads(raw), entity) == []
    ENTITIES[entity].model_validate_json(raw)
    _, problems = validate_data(json.loads(raw))
    assert (want["path"], want["rule"]) in [(p.path, p.rule) for p in problems], problems


@pytest.mark.parametrize("kind", ["invalid", "semantic"])
def test_every_fixture_has_an_expectation_and_back(kind: str) -> None:
    assert sorted(expected(kind)) == sorted(path.name for path in fixture_files(kind))
