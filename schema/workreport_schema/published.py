"""Read the committed JSON Schema files shipped inside the package."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .entities import ENTITIES, schema_file_name

PUBLISHED_PACKAGE_DIR = "jsonschema"


def published_dir() -> Any:
    """The folder (a Traversable) that holds the published files."""
    return resources.files(__package__).joinpath(PUBLISHED_PACKAGE_DIR)


@cache
def load_published_schema(entity: str) -> dict[str, Any]:
    """The published schema of one entity, as committed."""
    text = published_dir().joinpath(schema_file_name(entity)).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def registry() -> Registry:
    """All published files, addressable by their ``$id`` for ``$ref`` resolution."""
    resources_by_id = []
    for entity in ENTITIES:
        schema = load_published_schema(entity)
        resources_by_id.append((schema["$id"], Resource.from_contents(schema, default_specification=DRAFT202012)))
    return Registry().with_resources(resources_by_id)
