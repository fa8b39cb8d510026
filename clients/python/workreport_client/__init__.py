"""A client library for accessing workreport API"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import httpx

from .api.bodies import list_bodies
from .api.chapters import list_chapters
from .api.documents import list_documents
from .api.indicators import get_indicator_series, list_indicators
from .api.measures import list_measures
from .api.outcomes import list_outcomes
from .api.paragraphs import list_paragraphs
from .api.results import list_results
from .api.search import search
from .api.targets import list_targets
from .api.units import list_units
from .client import AuthenticatedClient, Client
from .models import (
    Chapter,
    Document,
    Indicator,
    Measure,
    Outcome,
    Paragraph,
    Problem,
    ResponsibleBody,
    Result,
    SearchHit,
    SeriesPoint,
    Target,
    Unit,
)
from .types import UNSET, Response, Unset

T = TypeVar("T")
PAGE_SIZE = 500
"""Records per request when iterating (the API's maximum ``limit``)."""

AnyClient = AuthenticatedClient | Client


class ProblemError(Exception):
    """The API answered with an RFC 9457 problem (``problem``), raised by ``unwrap`` and the helpers below."""

    def __init__(self, problem: Problem, status_code: int) -> None:
        self.problem = problem
        self.status_code = status_code
        self.invalid_params = list(problem.invalid_params) if isinstance(problem.invalid_params, list) else []
        """For 400: each rejected parameter (``name``, ``reason``)."""
        super().__init__(f"{status_code} {problem.title}: {problem.detail}")


def unwrap(response: Response[Problem | T]) -> T:
    """The parsed record or page of a ``sync_detailed`` call; a problem raises ``ProblemError`` instead of being returned."""
    parsed = response.parsed
    if isinstance(parsed, Problem):
        raise ProblemError(parsed, int(response.status_code))
    if parsed is None:
        detail = f"status {int(response.status_code)} with a body this client cannot read"
        problem = Problem(
            type_="about:blank",
            title="Unexpected response",
            status=int(response.status_code),
            detail=detail,
            instance="",
        )
        raise ProblemError(problem, int(response.status_code))
    return parsed


def _walk(operation: Callable[..., Response[Any]], client: AnyClient, filters: dict[str, Any]) -> Iterator[Any]:
    cursor: str | Unset = UNSET
    filters.setdefault("limit", PAGE_SIZE)
    while True:
        page = unwrap(operation(client=client, cursor=cursor, **filters))
        yield from page.data
        if not isinstance(page.meta.next_cursor, str):
            return
        cursor = page.meta.next_cursor


def iter_documents(client: AnyClient, **filters: Any) -> Iterator[Document]:
    """Every document, across pages (filters as for ``list_documents``)."""
    return _walk(list_documents.sync_detailed, client, filters)


def iter_chapters(client: AnyClient, **filters: Any) -> Iterator[Chapter]:
    """Every chapter matching the filters, across pages (as for ``list_chapters``)."""
    return _walk(list_chapters.sync_detailed, client, filters)


def iter_paragraphs(client: AnyClient, **filters: Any) -> Iterator[Paragraph]:
    """Every paragraph matching the filters, across pages (as for ``list_paragraphs``)."""
    return _walk(list_paragraphs.sync_detailed, client, filters)


def iter_measures(client: AnyClient, **filters: Any) -> Iterator[Measure]:
    """Every measure matching the filters, across pages (as for ``list_measures``)."""
    return _walk(list_measures.sync_detailed, client, filters)


def iter_targets(client: AnyClient, **filters: Any) -> Iterator[Target]:
    """Every target matching the filters, across pages (as for ``list_targets``: ``unit="m2"``, ``comparator=Comparator.GTE``…)."""
    return _walk(list_targets.sync_detailed, client, filters)


def iter_results(client: AnyClient, **filters: Any) -> Iterator[Result]:
    """Every result reported for last year matching the filters, across pages (as for ``list_results``)."""
    return _walk(list_results.sync_detailed, client, filters)


def iter_indicators(client: AnyClient, **filters: Any) -> Iterator[Indicator]:
    """Every indicator of the codelist with its counts, across pages (as for ``list_indicators``: ``used=True``)."""
    return _walk(list_indicators.sync_detailed, client, filters)


def iter_series(client: AnyClient, code: str, **filters: Any) -> Iterator[SeriesPoint]:
    """Every target and result of one indicator across documents, by year and issuer (as for ``get_indicator_series``)."""
    return _walk(get_indicator_series.sync_detailed, client, {"code": code, **filters})


def iter_outcomes(client: AnyClient, **filters: Any) -> Iterator[Outcome]:
    """Every outcome of targets judged by later reports, across pages (as for ``list_outcomes``: ``document="…"``)."""
    return _walk(list_outcomes.sync_detailed, client, filters)


def iter_units(client: AnyClient, **filters: Any) -> Iterator[Unit]:
    """Every unit matching the filters, across pages (as for ``list_units``)."""
    return _walk(list_units.sync_detailed, client, filters)


def iter_bodies(client: AnyClient, **filters: Any) -> Iterator[ResponsibleBody]:
    """Every responsible body matching the filters, across pages (as for ``list_bodies``)."""
    return _walk(list_bodies.sync_detailed, client, filters)


def iter_search(client: AnyClient, q: str, **filters: Any) -> Iterator[SearchHit]:
    """Every search hit for ``q``, best first, across pages (as for ``search``)."""
    return _walk(search.sync_detailed, client, {"q": q, **filters})


def _raise_for_problem(response: httpx.Response) -> None:
    if response.status_code < 400:
        return
    try:
        problem = Problem.from_dict(response.json())
    except (ValueError, KeyError, TypeError):
        problem = Problem(
            type_="about:blank",
            title=response.reason_phrase,
            status=response.status_code,
            detail=response.text[:200],
            instance="",
        )
    raise ProblemError(problem, response.status_code)


def download(client: AnyClient, path: str, **params: str | int | float | bool) -> bytes:
    """The bytes of any GET, such as ``download(client, "/v1/targets", format="csv", unit="m2")`` or
    ``download(client, "/v1/export/datapackage.zip")``; a problem raises ``ProblemError``."""
    response = client.get_httpx_client().get(path, params=params)
    _raise_for_problem(response)
    return response.content


@contextmanager
def stream(client: AnyClient, path: str, **params: str | int | float | bool) -> Iterator[Iterator[bytes]]:
    """Like ``download``, in chunks as they arrive: ``with stream(client, "/v1/export/measures.ndjson") as chunks: ...``."""
    with client.get_httpx_client().stream("GET", path, params=params) as response:
        if response.status_code >= 400:
            response.read()
            _raise_for_problem(response)
        yield response.iter_bytes()


__all__ = (
    "AuthenticatedClient",
    "Client",
    "ProblemError",
    "download",
    "iter_bodies",
    "iter_chapters",
    "iter_documents",
    "iter_indicators",
    "iter_measures",
    "iter_outcomes",
    "iter_paragraphs",
    "iter_results",
    "iter_search",
    "iter_series",
    "iter_targets",
    "iter_units",
    "stream",
    "unwrap",
)
