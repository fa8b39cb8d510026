"""The published JSON Schema files, each served at its $id under the public base URL."""

from __future__ import annotations

import json
from typing import Annotated, Any

from litestar import Request, Response, get
from litestar.exceptions import NotFoundException
from litestar.params import Parameter

from workreport_schema import ENTITIES, SCHEMA_VERSION, load_published_schema, schema_file_name

from ..http.negotiation import require_acceptable
from ..http.params import NO_NUL
from ..state import Api
from .responses import ERRORS, static_response

SCHEMA_MEDIA_TYPE = "application/schema+json"
FILES = {schema_file_name(entity): entity for entity in ENTITIES}


def served_schema(entity: str, base_url: str) -> dict[str, Any]:
    """A published file with its $id moved under this server's base URL."""
    schema = dict(load_published_schema(entity))
    schema["$id"] = f"{base_url}/schemas/v1/{schema_file_name(entity)}"
    return schema


@get(
    "/schemas/v1",
    sync_to_thread=True,
    operation_id="list_schemas",
    summary="List the JSON Schema files",
    responses=ERRORS,
    tags=["schemas"],
)
def list_schemas(request: Request[Any, Any, Any], api: Api) -> Response[dict[str, Any]]:
    """Every published JSON Schema file (draft 2020-12) of schema version 1."""
    require_acceptable(request, "application/json")
    files = [
        {"name": name, "entity": entity, "title": load_published_schema(entity)["title"], "url": f"{api.base_url}/schemas/v1/{name}"}
        for name, entity in FILES.items()
    ]
    body = {"schema_version": SCHEMA_VERSION, "dialect": "https://json-schema.org/draft/2020-12/schema", "files": files}
    return static_response(json.dumps(body, ensure_ascii=False, indent=2).encode(), "application/json")


@get(
    "/schemas/v1/{name:str}",
    sync_to_thread=True,
    operation_id="get_schema",
    summary="Get a JSON Schema file",
    responses=ERRORS,
    media_type=SCHEMA_MEDIA_TYPE,
    tags=["schemas"],
)
def get_schema(
    request: Request[Any, Any, Any],
    api: Api,
    name: Annotated[str, Parameter(max_length=60, pattern=NO_NUL, description="File name, such as measure.schema.json.")],
) -> Response[dict[str, Any]]:
    """One published JSON Schema file, served as application/schema+json at exactly its $id."""
    require_acceptable(request, SCHEMA_MEDIA_TYPE, "application/json")
    entity = FILES.get(name)
    if entity is None:
        raise NotFoundException(detail=f"no schema file named {name[:60]!r}")
    body = json.dumps(served_schema(entity, api.base_url), ensure_ascii=False, indent=2).encode()
    return static_response(body, SCHEMA_MEDIA_TYPE)


ROUTES = [list_schemas, get_schema]
