"""The published JSON Schema files, each served at its $id under the public base URL."""

from __future__ import annotations

import io
import json
from typing import Annotated

from litestar import Response, get
from litestar.exceptions import NotFoundException
from litestar.params import Parameter

from workreport_schema import ENTITIES, SCHEMA_BUNDLE_FILE, SCHEMA_VERSION, compound_schema, load_published_schema, schema_file_name

from ..formats import write_zip
from ..http.negotiation import require_acceptable
from ..http.params import NO_NUL
from ..http.requests import HttpRequest
from ..state import Api
from .responses import ERRORS, static_response

SCHEMA_MEDIA_TYPE = "application/schema+json"
FILES = {schema_file_name(entity): entity for entity in ENTITIES}


def served_schema(entity: str, base_url: str) -> dict[str, object]:
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
def list_schemas(request: HttpRequest, api: Api) -> Response[dict[str, object]]:
    """Every published JSON Schema file (draft 2020-12) of schema version 1."""
    require_acceptable(request, "application/json")
    files = [
        {"name": name, "entity": entity, "title": load_published_schema(entity)["title"], "url": f"{api.base_url}/schemas/v1/{name}"}
        for name, entity in FILES.items()
    ]
    body = {
        "schema_version": SCHEMA_VERSION,
        "dialect": "https://json-schema.org/draft/2020-12/schema",
        "files": files,
        "bundle": f"{api.base_url}/schemas/v1/{SCHEMA_BUNDLE_FILE}",
        "archive": f"{api.base_url}/schemas/v1/schemas.zip",
    }
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
    request: HttpRequest,
    api: Api,
    name: Annotated[str, Parameter(max_length=60, pattern=NO_NUL, description="File name, such as measure.schema.json.")],
) -> Response[dict[str, object]]:
    """One published JSON Schema file, served as application/schema+json at exactly its $id."""
    require_acceptable(request, SCHEMA_MEDIA_TYPE, "application/json")
    entity = FILES.get(name)
    if entity is None:
        raise NotFoundException(detail=f"no schema file named {name[:60]!r}")
    body = json.dumps(served_schema(entity, api.base_url), ensure_ascii=False, indent=2).encode()
    return static_response(body, SCHEMA_MEDIA_TYPE)


@get(
    f"/schemas/v1/{SCHEMA_BUNDLE_FILE}",
    sync_to_thread=True,
    operation_id="get_schema_bundle",
    summary="Get every JSON Schema file in one compound document",
    responses=ERRORS,
    media_type=SCHEMA_MEDIA_TYPE,
    tags=["schemas"],
)
def get_schema_bundle(request: HttpRequest, api: Api) -> Response[dict[str, object]]:
    """Every published file in one compound 2020-12 document: its root validates a Dataset, each entity is in
    `$defs` under its own `$id`, and no reference leaves the document — for offline tools (check-jsonschema)."""
    require_acceptable(request, SCHEMA_MEDIA_TYPE, "application/json")
    body = json.dumps(compound_schema(api.base_url), ensure_ascii=False, indent=2).encode()
    return static_response(body, SCHEMA_MEDIA_TYPE)


ARCHIVE = "workreport-schemas-v1.zip"
ARCHIVE_README = """workreport JSON Schema files (draft 2020-12), schema {version}.

Each file keeps its $id under {base}; relative $refs name the other files here.
Validate offline:
  check-jsonschema --schemafile bundle.schema.json dataset.json
  check-jsonschema --base-uri "file://$PWD/target.schema.json" --schemafile target.schema.json target.json
  python: workreport_schema.validator_for("target").validate(record)  (pip install workreport-schema)
"""


@get(
    "/schemas/v1/schemas.zip",
    sync_to_thread=True,
    operation_id="download_schemas",
    summary="Download every JSON Schema file as a zip",
    responses=ERRORS,
    media_type="application/zip",
    tags=["schemas"],
)
def download_schemas(request: HttpRequest, api: Api) -> Response[bytes]:
    """Every published file, the compound bundle and a README, as one zip archive (deterministic bytes)."""
    require_acceptable(request, "application/zip")
    members = {name: served_schema(entity, api.base_url) for name, entity in FILES.items()}
    members[SCHEMA_BUNDLE_FILE] = compound_schema(api.base_url)
    files = [(name, json.dumps(schema, ensure_ascii=False, indent=2)) for name, schema in members.items()]
    files.append(("README.txt", ARCHIVE_README.format(version=SCHEMA_VERSION, base=api.base_url)))
    buffer = io.BytesIO()
    write_zip(buffer, files)
    headers = {"Content-Disposition": f'attachment; filename="{ARCHIVE}"'}
    return static_response(buffer.getvalue(), "application/zip", headers=headers)


ROUTES = [list_schemas, get_schema, get_schema_bundle, download_schemas]
