"""Measures, and the measure lists of a chapter and of a body."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get
from litestar.params import Parameter
from sqlalchemy import ColumnElement, select
from sqlmodel import col

from workreport_schema import AssignmentBasis, Measure

from ..db.search import fold_query, matching_record_ids
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
from ..queries.listing import SPECS
from ..state import Api
from .responses import ERRORS, collection, item, require

SPEC = SPECS["measures"]
MeasureId = Annotated[str, Parameter(max_length=200, pattern=NO_NUL, description="Measure id.")]
Basis = Annotated[
    AssignmentBasis | None,
    Parameter(description="Only measures with a body assigned on this basis (explicit, curated, policy_area, paragraph_default, issuer)."),
]
HasTargets = Annotated[bool | None, Parameter(description="true: only measures with targets; false: only those without.")]


def measure_conditions(
    dialect: str,
    document: str | None = None,
    chapter: str | None = None,
    paragraph: str | None = None,
    body: str | None = None,
    basis: AssignmentBasis | None = None,
    has_targets: bool | None = None,
    q: str | None = None,
) -> list[ColumnElement[bool]]:
    """SQL conditions for the measure filters (shared by every measure list)."""
    conditions: list[ColumnElement[bool]] = []
    if document:
        conditions.append(col(MeasureRow.document_id) == document)
    if chapter:
        conditions.append(col(MeasureRow.chapter_id) == chapter)
    if paragraph:
        conditions.append(col(MeasureRow.paragraph_id) == paragraph)
    if body or basis:
        assigned = select(col(BodyAssignment.measure_id))
        if body:
            assigned = assigned.where(col(BodyAssignment.body_id) == body)
        if basis:
            assigned = assigned.where(col(BodyAssignment.basis) == basis.value)
        conditions.append(col(MeasureRow.id).in_(assigned))
    if has_targets is not None:
        conditions.append(col(MeasureRow.target_count) > 0 if has_targets else col(MeasureRow.target_count) == 0)
    if q is not None:
        conditions.append(col(MeasureRow.id).in_(matching_record_ids(dialect, fold_query(q), "measure")))
    return conditions


@get("/v1/measures", sync_to_thread=True, operation_id="list_measures", summary="List measures", responses=ERRORS, tags=["measures"])
def list_measures(
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
    conditions = measure_conditions(api.engine.dialect.name, document, chapter, paragraph, body_filter, basis, has_targets, q)
    return collection(request, api, SPEC, conditions, limit, cursor, fmt, bom)


@get(
    "/v1/measures/{measure_id:str}",
    sync_to_thread=True,
    operation_id="get_measure",
    summary="Get a measure",
    responses=ERRORS,
    tags=["measures"],
)
def get_measure(request: Request[Any, Any, Any], api: Api, measure_id: MeasureId) -> Response[Measure]:
    """One measure by id."""
    return item(request, api, SPEC, measure_id)


@get(
    "/v1/chapters/{chapter_id:str}/measures",
    sync_to_thread=True,
    operation_id="list_chapter_measures",
    summary="List the measures of a chapter",
    responses=ERRORS,
    tags=["measures"],
)
def list_chapter_measures(
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
    conditions = measure_conditions(api.engine.dialect.name, None, chapter_id, paragraph, body_filter, basis, has_targets, q)
    return collection(request, api, SPEC, conditions, limit, cursor, fmt, bom, check=require(SPECS["chapters"], chapter_id))


@get(
    "/v1/bodies/{body_id:str}/measures",
    sync_to_thread=True,
    operation_id="list_body_measures",
    summary="List the measures of a body",
    responses=ERRORS,
    tags=["measures"],
)
def list_body_measures(
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
    conditions = measure_conditions(api.engine.dialect.name, document, chapter, None, body_id, basis, has_targets, q)
    return collection(request, api, SPEC, conditions, limit, cursor, fmt, bom, check=require(SPECS["bodies"], body_id))


ROUTES = [list_measures, get_measure, list_chapter_measures, list_body_measures]
