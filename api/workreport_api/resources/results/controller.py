"""Routes of results: figures a report gives as achieved (a review of last year), never targets (their SQL: queries.py)."""

from __future__ import annotations

from typing import Annotated, Unpack

from litestar import Response, get
from litestar.params import Parameter

from workreport_schema import Comparator, Direction, QuantityKind, Result

from ...http.params import (
    NO_NUL,
    ChapterFilter,
    DocumentFilter,
    IndicatorFilter,
    OutcomeFilter,
    ParagraphFilter,
    Search,
    UnitFilter,
    ValueBound,
)
from ...http.requests import HttpRequest
from ...models import ResultList
from ...state import Api
from ..listing import ListArgs, list_parameters
from ..responses import ERRORS, collection, item
from .queries import SPEC, result_where

ResultId = Annotated[str, Parameter(max_length=200, pattern=NO_NUL, description="Result id.")]
Kind = Annotated[QuantityKind | None, Parameter(description="Only results whose unit measures this (area, count, ratio...).")]
ComparatorFilter = Annotated[Comparator | None, Parameter(description="Only results with this comparator.")]
DirectionFilter = Annotated[Direction | None, Parameter(description="Only results with this direction.")]
EstimateFilter = Annotated[bool | None, Parameter(description="true: only estimates (預計, 左右); false: only figures given as reached.")]


@get("/v1/results", operation_id="list_results", summary="List results", responses=ERRORS, tags=["results"])
@list_parameters
async def list_results(
    document: DocumentFilter = None,
    chapter: ChapterFilter = None,
    paragraph: ParagraphFilter = None,
    unit: UnitFilter = None,
    indicator: IndicatorFilter = None,
    outcome: OutcomeFilter = None,
    quantity_kind: Kind = None,
    comparator: ComparatorFilter = None,
    direction: DirectionFilter = None,
    estimate: EstimateFilter = None,
    min_value: ValueBound = None,
    max_value: ValueBound = None,
    q: Search = None,
    **listing: Unpack[ListArgs],
) -> Response[ResultList]:
    """Results in document order, filtered; min_value and max_value bound the normalised value; q searches indicators."""
    where = result_where(
        listing["api"].dialect,
        document=document,
        chapter=chapter,
        paragraph=paragraph,
        unit=unit,
        indicator=indicator,
        outcome=outcome,
        quantity_kind=quantity_kind,
        comparator=comparator,
        direction=direction,
        estimate=estimate,
        min_value=min_value,
        max_value=max_value,
        q=q,
    )
    return await collection(SPEC, where, **listing)


@get(
    "/v1/results/{result_id:str}",
    operation_id="get_result",
    summary="Get a result",
    responses=ERRORS,
    tags=["results"],
)
async def get_result(request: HttpRequest, api: Api, result_id: ResultId) -> Response[Result]:
    """One result by id."""
    return await item(request, api, SPEC, result_id)


ROUTES = [list_results, get_result]
