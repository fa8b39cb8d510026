"""Routes of the units of the targets (their SQL: queries.py)."""

from __future__ import annotations

from typing import Annotated, Unpack

from litestar import Response, get
from litestar.params import Parameter

from workreport_schema import QuantityKind, Unit

from ...http.params import NO_NUL
from ...http.requests import HttpRequest
from ...models import UnitList
from ...state import Api
from ..listing import ListArgs, list_parameters
from ..responses import ERRORS, collection, item
from .queries import SPEC, unit_where


@get("/v1/units", operation_id="list_units", summary="List units", responses=ERRORS, tags=["units"])
@list_parameters
async def list_units(
    quantity_kind: Annotated[QuantityKind | None, Parameter(description="Only units of this quantity kind.")] = None,
    **listing: Unpack[ListArgs],
) -> Response[UnitList]:
    """Units used by the loaded targets, by id."""
    return await collection(SPEC, unit_where(quantity_kind), **listing)


@get("/v1/units/{unit_id:str}", operation_id="get_unit", summary="Get a unit", responses=ERRORS, tags=["units"])
async def get_unit(
    request: HttpRequest, api: Api, unit_id: Annotated[str, Parameter(max_length=200, pattern=NO_NUL, description="Unit id.")]
) -> Response[Unit]:
    """One unit by id."""
    return await item(request, api, SPEC, unit_id)


ROUTES = [list_units, get_unit]
