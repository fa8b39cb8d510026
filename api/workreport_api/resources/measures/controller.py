"""Routes of measures, and of the measure lists of a chapter and of a body (their SQL: queries.py)."""

from __future__ import annotations

from typing import Annotated, Unpack

from litestar import Response, get
from litestar.params import Parameter

from workreport_schema import AssignmentBasis, Measure

from ...db.collections import SPECS
from ...http.params import (
    NO_NUL,
    BodyFilter,
    ChapterFilter,
    DocumentFilter,
    ParagraphFilter,
    Search,
)
from ...http.requests import HttpRequest
from ...models import MeasureList
from ...state import Api
from ..listing import ListArgs, list_parameters
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
@list_parameters
async def list_measures(
    document: DocumentFilter = None,
    chapter: ChapterFilter = None,
    paragraph: ParagraphFilter = None,
    body_filter: BodyFilter = None,
    basis: Basis = None,
    has_targets: HasTargets = None,
    q: Search = None,
    **listing: Unpack[ListArgs],
) -> Response[MeasureList]:
    """Measures in document order, filtered."""
    where = measure_where(listing["api"].dialect, document, chapter, paragraph, body_filter, basis, has_targets, q)
    return await collection(SPEC, where, **listing)


@get(
    "/v1/measures/{measure_id:str}",
    operation_id="get_measure",
    summary="Get a measure",
    responses=ERRORS,
    tags=["measures"],
)
async def get_measure(request: HttpRequest, api: Api, measure_id: MeasureId) -> Response[Measure]:
    """One measure by id."""
    return await item(request, api, SPEC, measure_id)


@get(
    "/v1/chapters/{chapter_id:str}/measures",
    operation_id="list_chapter_measures",
    summary="List the measures of a chapter",
    responses=ERRORS,
    tags=["measures"],
)
@list_parameters
async def list_chapter_measures(
    chapter_id: Annotated[str, Parameter(max_length=200, pattern=NO_NUL, description="Chapter id.")],
    paragraph: ParagraphFilter = None,
    body_filter: BodyFilter = None,
    basis: Basis = None,
    has_targets: HasTargets = None,
    q: Search = None,
    **listing: Unpack[ListArgs],
) -> Response[MeasureList]:
    """The measures of one chapter (404 when the chapter does not exist)."""
    where = measure_where(listing["api"].dialect, None, chapter_id, paragraph, body_filter, basis, has_targets, q)
    return await collection(SPEC, where, require(SPECS["chapters"], chapter_id), **listing)


@get(
    "/v1/bodies/{body_id:str}/measures",
    operation_id="list_body_measures",
    summary="List the measures of a body",
    responses=ERRORS,
    tags=["measures"],
)
@list_parameters
async def list_body_measures(
    body_id: Annotated[str, Parameter(max_length=200, pattern=NO_NUL, description="Body id.")],
    document: DocumentFilter = None,
    chapter: ChapterFilter = None,
    basis: Basis = None,
    has_targets: HasTargets = None,
    q: Search = None,
    **listing: Unpack[ListArgs],
) -> Response[MeasureList]:
    """The measures a body is assigned to, on any basis unless filtered (404 when the body does not exist)."""
    where = measure_where(listing["api"].dialect, document, chapter, None, body_id, basis, has_targets, q)
    return await collection(SPEC, where, require(SPECS["bodies"], body_id), **listing)


ROUTES = [list_measures, get_measure, list_chapter_measures, list_body_measures]
