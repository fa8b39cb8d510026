"""Routes of responsible bodies (their SQL: queries.py)."""

from __future__ import annotations

from typing import Annotated, Unpack

from litestar import Response, get
from litestar.params import Parameter

from workreport_schema import BODY_CLASSIFICATION_PATTERN, BodyClassification, ResponsibleBody

from ...http.params import NO_NUL, ParentFilter
from ...http.requests import HttpRequest
from ...models import BodyList
from ...state import Api
from ..listing import ListArgs, list_parameters
from ..responses import ERRORS, collection, item
from .queries import SPEC, body_where


@get("/v1/bodies", operation_id="list_bodies", summary="List bodies", responses=ERRORS, tags=["bodies"])
@list_parameters
async def list_bodies(
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
    **listing: Unpack[ListArgs],
) -> Response[BodyList]:
    """Bodies the loaded documents refer to, by id; parent filters by the parent body."""
    where = body_where(classification, parent)
    return await collection(SPEC, where, **listing)


@get("/v1/bodies/{body_id:str}", operation_id="get_body", summary="Get a body", responses=ERRORS, tags=["bodies"])
async def get_body(
    request: HttpRequest, api: Api, body_id: Annotated[str, Parameter(max_length=200, pattern=NO_NUL, description="Body id.")]
) -> Response[ResponsibleBody]:
    """One body by id."""
    return await item(request, api, SPEC, body_id)


ROUTES = [list_bodies, get_body]
