"""Validate against the published schemas with no network: every ``$ref`` resolves from this package's files.

A downloaded schema file resolves its relative ``$ref``s against its ``$id``
host; with no network that fails, and python-jsonschema's automatic remote
retrieval is deprecated anyway. Here every reference whose last path segment
is one of our file names (whatever the host) is answered from the files shipped
in the package, and anything else is refused rather than fetched.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT202012

from .entities import ENTITIES, schema_file_name
from .export import DEFAULT_BASE_URL, schema_id
from .published import load_published_schema
from .version import SCHEMA_MAJOR, SCHEMA_VERSION

SCHEMA_BUNDLE_FILE = "bundle.schema.json"
_BY_FILE = {schema_file_name(entity): entity for entity in ENTITIES}


def retrieve_bundled(uri: str) -> Resource:
    """The shipped file a reference names (``…/schemas/v1/target.schema.json`` on any host, or the bare name)."""
    entity = _BY_FILE.get(uri.split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1])
    if entity is None:
        raise NoSuchResource(ref=uri)  # type: ignore[call-arg]  # attrs field; mypy misses it
    return Resource.from_contents(load_published_schema(entity), default_specification=DRAFT202012)


@cache
def offline_registry() -> Registry:
    """A ``referencing.Registry`` holding every published file by its ``$id``, and any other host's copy by name."""
    resources = [
        (load_published_schema(entity)["$id"], Resource.from_contents(load_published_schema(entity), default_specification=DRAFT202012))
        for entity in ENTITIES
    ]
    return Registry(retrieve=retrieve_bundled).with_resources(resources)  # type: ignore[call-arg]  # attrs alias of _retrieve


def validator_for(entity: str) -> Draft202012Validator:
    """A draft 2020-12 validator of one entity (``"dataset"``, ``"target"`` …) that never touches the network."""
    if entity not in ENTITIES:
        raise KeyError(f"no published entity {entity!r}; entities are {', '.join(ENTITIES)}")
    return Draft202012Validator(
        load_published_schema(entity), registry=offline_registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def compound_schema(base_url: str = DEFAULT_BASE_URL) -> dict[str, Any]:
    """Every published file in one compound 2020-12 document (``$defs``, each keeping its ``$id``) that validates a Dataset.

    Tools that cannot be given a registry (check-jsonschema, editors) resolve every reference inside it.
    """
    root = base_url.rstrip("/")
    embedded = {}
    for entity in ENTITIES:
        schema = dict(load_published_schema(entity))
        schema["$id"] = schema_id(entity, root)
        schema.pop("$schema", None)
        embedded[entity] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{root}/schemas/v{SCHEMA_MAJOR}/{SCHEMA_BUNDLE_FILE}",
        "title": "workreport schema bundle",
        "description": f"Every workreport JSON Schema file (schema {SCHEMA_VERSION}) in one compound document; "
        "the root validates a Dataset, and each entity's schema is in $defs under its own $id.",
        "$ref": schema_file_name("dataset"),
        "$defs": embedded,
    }
