"""Routes of indicators: the reviewed codelist with its use, and each indicator's series across documents (their SQL:
queries.py)."""

from __future__ import annotations

from typing import Annotated, Unpack

from litestar import Response, get
from litestar.params import Parameter

from workreport_schema import INDICATOR_CODE_PATTERN

from ...http.params import IssuerFilter
from ...http.requests import HttpRequest
from ...models import Indicator, IndicatorList, SeriesKind, SeriesList
from ...state import Api
from ..listing import ListArgs, list_parameters
from ..responses import ERRORS, collection, item, require
from .queries import SERIES, SPEC, indicator_where, series_where

IndicatorCode = Annotated[str, Parameter(max_length=64, pattern=INDICATOR_CODE_PATTERN, description="Indicator code (gdp_growth).")]
KindFilter = Annotated[SeriesKind | None, Parameter(description="Only targets, or only results.")]


@get("/v1/indicators", operation_id="list_indicators", summary="List indicators", responses=ERRORS, tags=["indicators"])
@list_parameters
async def list_indicators(
    used: Annotated[
        bool | None, Parameter(description="true: only indicators some loaded target or result carries; false: only the others.")
    ] = None,
    **listing: Unpack[ListArgs],
) -> Response[IndicatorList]:
    """The reviewed indicator codelist (curated), by code, with how many loaded targets, results and documents carry each."""
    where = indicator_where(used)
    return await collection(SPEC, where, **listing)


@get(
    "/v1/indicators/{code:str}",
    operation_id="get_indicator",
    summary="Get an indicator",
    responses=ERRORS,
    tags=["indicators"],
)
async def get_indicator(request: HttpRequest, api: Api, code: IndicatorCode) -> Response[Indicator]:
    """One indicator of the codelist, with its counts."""
    return await item(request, api, SPEC, code)


@get(
    "/v1/indicators/{code:str}/series",
    operation_id="get_indicator_series",
    summary="An indicator's series across documents",
    responses=ERRORS,
    tags=["indicators"],
)
@list_parameters
async def get_indicator_series(
    code: IndicatorCode,
    issuer: IssuerFilter = None,
    kind: KindFilter = None,
    **listing: Unpack[ListArgs],
) -> Response[SeriesList]:
    """Every target and result coded with this indicator, in every loaded document, by year, issuer and document order;
    a target carries its principal outcome. As JSON pages, or whole as CSV or NDJSON (format=csv). 404 for an unknown code."""
    where = series_where(code, issuer, kind)
    return await collection(SERIES, where, require(SPEC, code), **listing)


ROUTES = [list_indicators, get_indicator, get_indicator_series]
