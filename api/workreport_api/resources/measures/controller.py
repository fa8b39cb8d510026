"""Routes of measures, and of the measure lists of a chapter and of a body (their SQL: queries.py)."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get
from litestar.params import Parameter

from workreport_schema import AssignmentBasis, Measure

from ...http.params import (
    DEFAULT_LIMIT,
    NO_NUL,
    BodyFilter,
    Bom,
    ChapterFilter,
    Cursor,
    DocumentFilter,
    Format,
    Limit,
    ParagraphFilter,
    Search,
)
from ...models import MeasureList
from ...queries.listing import SPECS
from ...state import Api
from ..responses import ERRORS, collection, item, require
from .queries import measure_where

SPEC = SPECS["measures"]
MeasureId = Annotated[str, Parameter(max_length=200, pattern=NO_NUL, description="Measure id.")]
Basis = Annotated[
    AssignmentBasis | None,
    Parameter(description="Only measures with a body assigned on this basis (explicit, curated, policy_area, paragraph_default, issuer)."),
]
HasTargets = Annotated[bool | None, Parameter(description="true: only measures with targets; false: only those without.")]


@get("/v1/measures", operation_id="list_measures", summary="List measures", responses=ERRORS, tags=["measures"])
async def list_measures(
    request: Request[Any, Any, Any],
    api: Api,
    document: DocumentFilter = None,
    chapter: ChapterFilter = None,
    paragraph: ParagraphFilter = None,
    body_filter: BodyFilter = None,
    basis: Basis = None,
    has_targets: HasTargets = None,
    q: Search = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    fmt: Format = None,
    bom: Bom = None,
) -> Response[MeasureList]:
    """Measures in document order, filtered."""
    where = measure_where(api.engine.dialect.name, document, chapter, paragraph, body_filter, basis, has_targets, q)
    return await collection(request, api, SPEC, where, limit, cursor, fmt, bom)


@get(
    "/v1/measures/{measure_id:str}",
    operation_id="get_measure",
    summary="Get a measure",
    responses=ERRORS,
    tags=["measures"],
)
async def get_measure(request: Request[Any, Any, Any], api: Api, measure_id: MeasureId) -> Response[Measure]:
    """One measure by id."""
    return await item(request, api, SPEC, measure_id)


@get(
    "/v1/chapters/{chapter_id:str}/measures",
    operation_id="list_chapter_measures",
    summary="List the measures of a chapter",
    responses=ERRORS,
    tags=["measures"],
)
async def list_chapter_measures(
    request: Request[Any, Any, Any],
    api: Api,
    chapter_id: Annotated[str, Parameter(max_length=200, pattern=NO_NUL, description="Chapter id.")],
    paragraph: ParagraphFilter = None,
    body_filter: BodyFilter = None,
    basis: Basis = None,
    has_targets: HasTargets = None,
    q: Search = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    fmt: Format = None,
    bom: Bom = None,
) -> Response[MeasureList]:
    """The measures of one chapter (404 when the chapter does not exist)."""
    where = measure_where(api.engine.dialect.name, None, chapter_id, paragraph, body_filter, basis, has_targets, q)
    return await collection(request, api, SPEC, where, limit, cursor, fmt, bom, check=require(SPECS["chapters"], chapter_id))


@get(
    "/v1/bodies/{body_id:str}/measures",
    operation_id="list_body_measures",
    summary="List the measures of a body",
    responses=ERRORS,
    tags=["measures"],
)
async def list_body_measures(
    request: Request[Any, Any, Any],
    api: Api,
    body_id: Annotated[str, Parameter(max_length=200, pattern=NO_NUL, description="Body id.")],
    document: DocumentFilter = None,
    chapter: ChapterFilter = None,
    basis: Basis = None,
    has_targets: HasTargets = None,
    q: Search = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    fmt: Format = None,
    bom: Bom = None,
) -> Response[MeasureList]:
    """The measures a body is assigned to, on any basis unless filtered (404 when the body does not exist)."""
    where = measure_where(api.engine.dialect.name, document, chapter, None, body_id, basis, has_targets, q)
    return await collection(request, api, SPEC, where, limit, cursor, fmt, bom, check=require(SPECS["bodies"], body_id))


ROUTES = [list_measures, get_measure, list_chapter_measures, list_body_measures]
