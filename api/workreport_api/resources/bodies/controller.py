"""Routes of responsible bodies (their SQL: queries.py)."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get
from litestar.params import Parameter

from workreport_schema import BODY_CLASSIFICATION_PATTERN, BodyClassification, ResponsibleBody

from ...http.params import DEFAULT_LIMIT, NO_NUL, Bom, Cursor, Format, Limit, ParentFilter
from ...models import BodyList
from ...state import Api
from ..responses import ERRORS, collection, item
from .queries import SPEC, body_where


@get("/v1/bodies", operation_id="list_bodies", summary="List bodies", responses=ERRORS, tags=["bodies"])
async def list_bodies(
    request: Request[Any, Any, Any],
    api: Api,
    classification: Annotated[
        str | None,
        Parameter(
            max_length=50,
            pattern=BODY_CLASSIFICATION_PATTERN,
            description="Only bodies of this kind: a code of the open codelist body_classification ("
            + ", ".join(code.value for code in BodyClassification)
            + ").",
        ),
    ] = None,
    parent: ParentFilter = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    fmt: Format = None,
    bom: Bom = None,
) -> Response[BodyList]:
    """Bodies the loaded documents refer to, by id; parent filters by the parent body."""
    where = body_where(classification, parent)
    return await collection(request, api, SPEC, where, limit, cursor, fmt, bom)


@get("/v1/bodies/{body_id:str}", operation_id="get_body", summary="Get a body", responses=ERRORS, tags=["bodies"])
async def get_body(
    request: Request[Any, Any, Any], api: Api, body_id: Annotated[str, Parameter(max_length=200, pattern=NO_NUL, description="Body id.")]
) -> Response[ResponsibleBody]:
    """One body by id."""
    return await item(request, api, SPEC, body_id)


ROUTES = [list_bodies, get_body]
