"""Routes of targets, and of the targets of a measure (their SQL: queries.py)."""

from __future__ import annotations

import json
from functools import partial
from typing import Annotated, Unpack

from litestar import Response, get
from litestar.exceptions import NotFoundException
from litestar.params import Parameter, QueryParameter

from workreport_schema import Commitment, Comparator, Direction, QuantityKind, TargetType

from ...db.collections import SPECS
from ...http.negotiation import require_acceptable
from ...http.params import (
    NO_NUL,
    ChapterFilter,
    DocumentFilter,
    IndicatorFilter,
    MeasureFilter,
    OutcomeFilter,
    ParagraphFilter,
    Search,
    UnitFilter,
    ValueBound,
)
from ...http.requests import HttpRequest
from ...models import TargetList, TargetWithOutcomes
from ...state import Api
from ..listing import ListArgs, list_parameters
from ..responses import ERRORS, JSON, collection, data_response, dumps, require
from .queries import SPEC, read_target, target_where

TargetId = Annotated[str, Parameter(max_length=200, pattern=NO_NUL, description="Target id.")]
Kind = Annotated[QuantityKind | None, Parameter(description="Only targets whose unit measures this (area, count, ratio...).")]
ComparatorFilter = Annotated[Comparator | None, Parameter(description="Only targets with this comparator.")]
CommitmentFilter = Annotated[Commitment | None, Parameter(description="firm or aspirational.")]
DirectionFilter = Annotated[Direction | None, Parameter(description="Only targets with this direction.")]
HeadlineFilter = Annotated[
    bool | None,
    Parameter(description="true: only targets of a report's headline list of expected targets (主要預期目標); false: only the others."),
]


@get("/v1/targets", operation_id="list_targets", summary="List targets", responses=ERRORS, tags=["targets"])
@list_parameters
async def list_targets(
    document: DocumentFilter = None,
    chapter: ChapterFilter = None,
    paragraph: ParagraphFilter = None,
    measure: MeasureFilter = None,
    unit: UnitFilter = None,
    indicator: IndicatorFilter = None,
    outcome: OutcomeFilter = None,
    quantity_kind: Kind = None,
    comparator: ComparatorFilter = None,
    commitment: CommitmentFilter = None,
    target_type: Annotated[TargetType | None, QueryParameter(name="type", description="quantitative or qualitative.")] = None,
    direction: DirectionFilter = None,
    headline: HeadlineFilter = None,
    min_value: ValueBound = None,
    max_value: ValueBound = None,
    q: Search = None,
    **listing: Unpack[ListArgs],
) -> Response[TargetList]:
    """Targets in document order, filtered; min_value and max_value bound the normalised value."""
    where = target_where(
        listing["api"].dialect,
        document=document,
        chapter=chapter,
        paragraph=paragraph,
        measure=measure,
        unit=unit,
        indicator=indicator,
        outcome=outcome,
        quantity_kind=quantity_kind,
        comparator=comparator,
        commitment=commitment,
        type=target_type,
        direction=direction,
        headline=headline,
        min_value=min_value,
        max_value=max_value,
        q=q,
    )
    return await collection(SPEC, where, **listing)


@get(
    "/v1/targets/{target_id:str}",
    operation_id="get_target",
    summary="Get a target",
    responses=ERRORS,
    tags=["targets"],
)
async def get_target(request: HttpRequest, api: Api, target_id: TargetId) -> Response[TargetWithOutcomes]:
    """One target by id, with how later reports judged it: every outcome (principal first) and the principal outcome."""
    require_acceptable(request, JSON)
    release, record, outcomes = await api.read_in_snapshot(partial(read_target, target_id))
    if record is None:
        raise NotFoundException(detail=f"no target with id {target_id[:200]!r}")
    principal = json.loads(outcomes[0])["outcome"] if outcomes else None  # every assessed target has one principal outcome
    tail = b',"outcome":' + dumps(principal) + b',"outcomes":[' + b",".join(outcomes) + b"]}"
    return data_response(record[:-1] + tail, release)


@get(
    "/v1/measures/{measure_id:str}/targets",
    operation_id="list_measure_targets",
    summary="List the targets of a measure",
    responses=ERRORS,
    tags=["targets"],
)
@list_parameters
async def list_measure_targets(
    measure_id: Annotated[str, Parameter(max_length=200, pattern=NO_NUL, description="Measure id.")],
    **listing: Unpack[ListArgs],
) -> Response[TargetList]:
    """The targets of one measure (404 when the measure does not exist)."""
    where = target_where(listing["api"].dialect, measure=measure_id)
    return await collection(SPEC, where, require(SPECS["measures"], measure_id), **listing)


ROUTES = [list_targets, get_target, list_measure_targets]
