"""Measures, and the measure lists of a chapter and of a body."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get
from litestar.params import Parameter
from sqlalchemy import select
from sqlmodel import col

from workreport_schema import AssignmentBasis, Measure

from ..db.tables import BodyAssignment
from ..db.tables import Measure as MeasureRow
from ..http.params import (
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
from ..models import MeasureList
from ..queries.filters import Filters, Where, equal
from ..queries.listing import SPECS, search_condition
from ..state import Api
from .responses import ERRORS, collection, item, require

SPEC = SPECS["measures"]
MeasureId = Annotated[str, Parameter(max_length=200, pattern=NO_NUL, description="Measure id.")]
Basis = Annotated[
    AssignmentBasis | None,
    Parameter(description="Only measures with a body assigned on this basis (explicit, curated, policy_area, paragraph_default, issuer)."),
]
HasTargets = Annotated[bool | None, Parameter(description="true: only measures with targets; false: only those without.")]


FILTERS = Filters.equal(
    document=col(MeasureRow.document_id), chapter=col(MeasureRow.chapter_id), paragraph=col(MeasureRow.paragraph_id)
).extend(
    body=col(MeasureRow.id).in_(select(col(BodyAssignment.measure_id)).where(equal(col(BodyAssignment.body_id), "body"))),
    basis=col(MeasureRow.id).in_(select(col(BodyAssignment.measure_id)).where(equal(col(BodyAssignment.basis), "basis"))),
    body_basis=col(MeasureRow.id).in_(
        select(col(BodyAssignment.measure_id)).where(equal(col(BodyAssignment.body_id), "body"), equal(col(BodyAssignment.basis), "basis"))
    ),
    with_targets=col(MeasureRow.target_count) > 0,
    without_targets=col(MeasureRow.target_count) == 0,
)
"""The measure filters, shared by every measure list (a body and a basis together: one assignment with both)."""


def measure_where(
    dialect: str,
    document: str | None = None,
    chapter: str | None = None,
    paragraph: str | None = None,
    body: str | None = None,
    basis: AssignmentBasis | None = None,
    has_targets: bool | None = None,
    q: str | None = None,
) -> Where:
    """The conditions of a measure list's request."""
    where = FILTERS.where(
        document=document or None,
        chapter=chapter or None,
        paragraph=paragraph or None,
        body=body if body and not basis else None,
        basis=basis if basis and not body else None,
        body_basis={"body": body, "basis": basis} if body and basis else None,
        with_targets=True if has_targets is True else None,
        without_targets=True if has_targets is False else None,
    )
    return where.plus(search_condition(dialect, MeasureRow, q, "measure")) if q is not None else where


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
