"""Routes of outcomes: targets judged by a later report's results (derived by the API at load time; their SQL: queries.py)."""

from __future__ import annotations

from typing import Annotated, Unpack

from litestar import Response, get
from litestar.params import Parameter

from workreport_schema import StatedOutcome

from ...http.params import (
    NO_NUL,
    DocumentFilter,
    IndicatorFilter,
    IssuerFilter,
    ResultDocumentFilter,
)
from ...http.requests import HttpRequest
from ...models import Outcome, OutcomeList
from ...outcomes import OutcomeCode
from ...state import Api
from ..listing import ListArgs, list_parameters
from ..responses import ERRORS, collection, item
from .queries import SPEC, outcome_where

OutcomeId = Annotated[str, Parameter(max_length=420, pattern=NO_NUL, description="Outcome id ({target_id}.vs.{result_id}).")]


@get(
    "/v1/outcomes",
    operation_id="list_outcomes",
    summary="List outcomes of targets",
    responses=ERRORS,
    tags=["outcomes"],
)
@list_parameters
async def list_outcomes(
    document: DocumentFilter = None,
    result_document: ResultDocumentFilter = None,
    issuer: IssuerFilter = None,
    indicator: IndicatorFilter = None,
    year: Annotated[int | None, Parameter(ge=1900, le=2200, description="Only outcomes for this year.")] = None,
    outcome: Annotated[OutcomeCode | None, Parameter(description="met, not_met or not_comparable.")] = None,
    stated_outcome: Annotated[StatedOutcome | None, Parameter(description="Only outcomes whose result states this in words.")] = None,
    principal: Annotated[bool | None, Parameter(description="true: only the outcome that stands for each target.")] = None,
    **listing: Unpack[ListArgs],
) -> Response[OutcomeList]:
    """Targets of a report judged by later reports' results, in the targets' document order: ``document`` is the
    report that set the targets (last year's targets with their outcomes: ``document=<last year's report>``)."""
    where = outcome_where(
        document=document,
        result_document=result_document,
        issuer=issuer,
        indicator=indicator,
        year=year,
        outcome=outcome,
        stated_outcome=stated_outcome,
        principal=principal,
    )
    return await collection(SPEC, where, **listing)


@get(
    "/v1/outcomes/{outcome_id:str}",
    operation_id="get_outcome",
    summary="Get an outcome",
    responses=ERRORS,
    tags=["outcomes"],
)
async def get_outcome(request: HttpRequest, api: Api, outcome_id: OutcomeId) -> Response[Outcome]:
    """One outcome by id."""
    return await item(request, api, SPEC, outcome_id)


ROUTES = [list_outcomes, get_outcome]
