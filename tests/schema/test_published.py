"""The committed JSON Schema files are exactly what the models generate, and well-formed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from workreport_schema import ENTITIES, SCHEMA_VERSION
from workreport_schema.entities import schema_file_name
from workreport_schema.export import DEFAULT_BASE_URL, all_schemas, render, schema_id
from workreport_schema.published import published_dir

PUBLISHED = Path(str(published_dir()))


def test_committed_files_match_the_models() -> None:
    generated = {name: render(schema) for name, schema in all_schemas().items()}
    committed = {path.name: path.read_text(encoding="utf-8") for path in PUBLISHED.glob("*.schema.json")}
    stale = sorted(name for name in generated.keys() | committed.keys() if generated.get(name) != committed.get(name))
    assert not stale, f"published JSON Schema differs from the models in {stale}; run `make schema` and commit the result"


@pytest.mark.parametrize("entity", list(ENTITIES))
def test_file_is_valid_draft_2020_12_with_versioned_id(entity: str) -> None:
    schema = json.loads((PUBLISHED / schema_file_name(entity)).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"{DEFAULT_BASE_URL}/schemas/v{SCHEMA_VERSION.split('.')[0]}/{entity}.schema.json"
    assert list(schema)[:2] == ["$schema", "$id"]
    assert schema["title"] and schema["description"]


def _properties(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            found.append((f"{path}/properties/{name}", prop))
        for key, value in node.items():
            if key not in {"if", "then", "else", "not"}:
                found.extend(_properties(value, f"{path}/{key}"))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found.extend(_properties(item, f"{path}/{index}"))
    return found


@pytest.mark.parametrize("entity", list(ENTITIES))
def test_every_property_has_a_title_and_a_description(entity: str) -> None:
    schema = json.loads((PUBLISHED / schema_file_name(entity)).read_text(encoding="utf-8"))
    properties = _properties(schema)
    assert properties
    empty = [path for path, prop in properties if not str(prop.get("title", "")).strip() or not str(prop.get("description", "")).strip()]
    assert not empty, f"{entity}: properties without a title or description: {empty}"


def test_base_url_is_configurable_and_refs_stay_relative() -> None:
    schemas = all_schemas("https://data.example.org/")
    assert schemas["target.schema.json"]["$id"] == "https://data.example.org/schemas/v1/target.schema.json"
    assert schema_id("unit", "https://x.test") == "https://x.test/schemas/v1/unit.schema.json"
    assert "127.0.0.1" not in json.dumps(schemas)


def test_rendering_is_deterministic() -> None:
    assert [render(s) for s in all_schemas().values()] == [render(s) for s in all_schemas().values()]
