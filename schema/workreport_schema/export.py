"""Generate the published JSON Schema files from the pydantic models.

Each entity gets one draft 2020-12 file whose ``$id`` carries the schema's
major version under a base URL; references to other published entities are
relative file names, so the set stays valid under any base URL.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from .entities import ENTITIES, schema_file_name
from .version import SCHEMA_MAJOR, SCHEMA_VERSION

DEFAULT_BASE_URL = "http://127.0.0.1:8000"
"""Base URL of the committed files' ``$id``s: the development server (``make run``) serves them there."""

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_TOP_KEYS = ("$schema", "$id", "title", "description", "type", "properties", "required", "additionalProperties")


class _Generator(GenerateJsonSchema):
    """Pydantic's generator, minus nulls: optional fields are omitted, never null."""

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        if "default" in schema and schema["default"] is None:
            return self.generate_inner(schema["schema"])
        return super().default_schema(schema)

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        # Constrained keys become patternProperties; make the object closed like the model.
        result = super().dict_schema(schema)
        if "patternProperties" in result:
            result["additionalProperties"] = False
        return result

    def field_title_should_be_set(self, schema: Any) -> bool:
        # Every property carries a title, references to other records included.
        return True


def schema_id(entity: str, base_url: str = DEFAULT_BASE_URL) -> str:
    """The ``$id`` of an entity's file under a base URL."""
    return f"{base_url.rstrip('/')}/schemas/v{SCHEMA_MAJOR}/{schema_file_name(entity)}"


def _rewrite_refs(node: Any, external: dict[str, str]) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/"):
                name = value.removeprefix("#/$defs/")
                out[key] = external.get(name, value)
            else:
                out[key] = _rewrite_refs(value, external)
        return out
    if isinstance(node, list):
        return [_rewrite_refs(item, external) for item in node]
    return node


def _local_refs(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/"):
                found.add(value.removeprefix("#/$defs/"))
            else:
                found |= _local_refs(value)
    elif isinstance(node, list):
        for item in node:
            found |= _local_refs(item)
    return found


def _prune_defs(schema: dict[str, Any]) -> None:
    """Drop ``$defs`` nothing refers to any more (they moved to their own files)."""
    defs = schema.get("$defs", {})
    while True:
        used = _local_refs({k: v for k, v in schema.items() if k != "$defs"})
        for value in defs.values():
            used |= _local_refs(value)
        unused = set(defs) - used
        if not unused:
            break
        for name in unused:
            del defs[name]
    if not defs:
        schema.pop("$defs", None)
    else:
        schema["$defs"] = dict(sorted(defs.items()))


_CONDITION_KEYS = frozenset({"if", "then", "else", "not"})


def _fill_titles(node: Any) -> None:
    """Give every property a title; pydantic omits it where it equals the referenced type's title.

    Condition subschemas (``if``/``then``/``else``/``not``) describe rules, not properties, and are left alone.
    """
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            if isinstance(prop, dict) and "title" not in prop:
                prop["title"] = name.replace("_", " ").capitalize()
        for key, value in node.items():
            if key not in _CONDITION_KEYS:
                _fill_titles(value)
    elif isinstance(node, list):
        for item in node:
            _fill_titles(item)


def _ordered(schema: dict[str, Any]) -> dict[str, Any]:
    head = {key: schema[key] for key in _TOP_KEYS if key in schema}
    rest = {key: schema[key] for key in sorted(schema) if key not in head}
    return head | rest


def entity_schema(entity: str, base_url: str = DEFAULT_BASE_URL) -> dict[str, Any]:
    """The published JSON Schema of one entity."""
    model = ENTITIES[entity]
    raw = model.model_json_schema(by_alias=True, mode="validation", schema_generator=_Generator)
    external = {m.__name__: schema_file_name(name) for name, m in ENTITIES.items() if m is not model}
    schema = _rewrite_refs(raw, external)
    if "$defs" in schema:
        schema["$defs"] = {name: value for name, value in schema["$defs"].items() if name not in external}
    _prune_defs(schema)
    _fill_titles(schema)
    schema["$schema"] = DIALECT
    schema["$id"] = schema_id(entity, base_url)
    schema["description"] = " ".join(schema.get("description", "").split()) + f" (workreport schema {SCHEMA_VERSION})"
    return _ordered(schema)


def all_schemas(base_url: str = DEFAULT_BASE_URL) -> dict[str, dict[str, Any]]:
    """Every published file: file name → schema."""
    return {schema_file_name(entity): entity_schema(entity, base_url) for entity in ENTITIES}


def render(schema: dict[str, Any]) -> str:
    """The exact bytes (as text) of a published file: stable indentation, UTF-8, final newline."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
