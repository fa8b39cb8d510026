"""Typed, bounded query parameters shared by the resources, and the guard against unknown ones.

Every parameter is validated as documented; out of bounds is a 400. Unknown
and repeated parameters are refused too, so a typo never silently returns
unfiltered data.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from typing import Annotated, Any

from litestar.exceptions import ValidationException
from litestar.handlers import BaseRouteHandler, HTTPRouteHandler
from litestar.params import Parameter, ParameterKwarg, QueryParameter

from workreport_schema import ID_MAX_LENGTH, ID_PATTERN, INDICATOR_CODE_PATTERN

from ..db.search import MAX_QUERY_LENGTH
from .requests import HttpRequest

NO_NUL = r"^[^\x00]+$"
"""Path parameters: any text but NUL (the edge refuses NUL anywhere in a request line)."""

SEARCH_PATTERN = r"^[^\x00]*[^\s\x00][^\x00]*$"
"""Search text: at least one character that is not white space, and no NUL."""

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_ID_LENGTH = ID_MAX_LENGTH
VALUE_BOUND = 1e15

Limit = Annotated[int, Parameter(ge=1, le=MAX_LIMIT, description=f"Records per page, 1 to {MAX_LIMIT} (default {DEFAULT_LIMIT}).")]
Cursor = Annotated[
    str | None,
    Parameter(
        max_length=512,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="Opaque cursor from meta.next_cursor or the next link; omit for the first page.",
    ),
]


class ResponseFormat(StrEnum):
    """Representations of a collection."""

    JSON = "json"
    CSV = "csv"
    NDJSON = "ndjson"


Format = Annotated[
    ResponseFormat | None,
    QueryParameter(name="format", description="Representation: json (default), csv or ndjson. Overrides Accept."),
]
Bom = Annotated[bool | None, Parameter(description="CSV only: start with a byte order mark, for spreadsheet programs.")]
Search = Annotated[
    str | None,
    Parameter(
        min_length=1,
        max_length=MAX_QUERY_LENGTH,
        pattern=SEARCH_PATTERN,
        description=f"Substring search, 1 to {MAX_QUERY_LENGTH} characters, in either script (养老 finds 養老). "
        "Plain text: % and _ are not wildcards.",
    ),
]


def id_filter(what: str) -> Any:
    """An optional filter by the id of a record (a type for annotations: ``Any`` until typing can name a type form)."""
    return Annotated[
        str | None,
        Parameter(max_length=MAX_ID_LENGTH, pattern=ID_PATTERN, description=f"Only records of this {what} (its id)."),
    ]


DocumentFilter = id_filter("document")
ChapterFilter = id_filter("chapter")
ParagraphFilter = id_filter("paragraph")
MeasureFilter = id_filter("measure")
BodyFilter = Annotated[
    str | None,
    QueryParameter(
        name="body", max_length=MAX_ID_LENGTH, pattern=ID_PATTERN, description="Only measures this body is assigned to (its id)."
    ),
]
ParentFilter = id_filter("parent body")
UnitFilter = id_filter("unit")
IssuerFilter = id_filter("issuer (body)")
ResultDocumentFilter = id_filter("document whose results judge the targets")
IndicatorFilter = Annotated[
    str | None,
    Parameter(
        max_length=64,
        pattern=INDICATOR_CODE_PATTERN,
        description="Only records coded with this indicator (a code of the open codelist indicator: gdp_growth, new_jobs…).",
    ),
]


class OutcomeChoice(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NOT_COMPARABLE = "not_comparable"
    UNASSESSED = "unassessed"


OutcomeFilter = Annotated[
    OutcomeChoice | None,
    Parameter(
        description="Only records with this outcome against a later report's result (met, not_met, not_comparable), "
        "or unassessed: none. For a target, its principal outcome (see /v1/outcomes); for a result, any outcome it decides."
    ),
]
ValueBound = Annotated[
    float | None,
    Parameter(ge=-VALUE_BOUND, le=VALUE_BOUND, description=f"Normalised value bound, from -{VALUE_BOUND:.0e} to {VALUE_BOUND:.0e}."),
]


def _alias(kwarg: object) -> str | None:
    """The query name given with QueryParameter(name=...) or Parameter(query=...)."""
    if not isinstance(kwarg, ParameterKwarg):
        return None
    return kwarg.query or getattr(kwarg, "name", None)


@cache
def query_aliases(handler: BaseRouteHandler) -> dict[str, str]:
    """Python parameter name → query parameter name, where they differ (body_filter → body)."""
    aliases = {}
    for name, parameter in handler.parsed_fn_signature.parameters.items():
        kwarg = parameter.kwarg_definition
        alias = _alias(kwarg)
        if alias and alias != name:
            aliases[name] = alias
    return aliases


@cache
def _allowed(handler: HTTPRouteHandler) -> frozenset[str]:
    names: set[str] = set()
    path_names = {part.strip("{}").split(":")[0] for path in handler.paths for part in path.split("/") if part.startswith("{")}
    dependencies = set(handler.resolve_dependencies())
    for name, parameter in handler.parsed_fn_signature.parameters.items():
        if name in path_names or name in dependencies or name in {"request", "state", "scope", "headers"}:
            continue
        kwarg = parameter.kwarg_definition
        if isinstance(kwarg, ParameterKwarg):
            if kwarg.header or kwarg.cookie:
                continue
            names.add(_alias(kwarg) or name)
        else:
            names.add(name)
    return frozenset(names)


async def reject_unknown_parameters(request: HttpRequest) -> None:
    """before_request hook: 400 for a parameter the route does not take, or one given twice."""
    if not request.scope["query_string"]:
        return  # nothing to check (every request for one record): no parsing of an empty query
    allowed = _allowed(request.route_handler)
    problems = []
    for name in dict.fromkeys(request.query_params.keys()):
        if name not in allowed:
            known = ", ".join(sorted(allowed)) or "none"
            problems.append({"key": name, "message": f"unknown parameter (this route takes: {known})", "source": "query"})
        elif len(request.query_params.getall(name)) > 1:
            problems.append({"key": name, "message": "given more than once", "source": "query"})
    if problems:
        raise ValidationException(detail="invalid parameters", extra=problems)
