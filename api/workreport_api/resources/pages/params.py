"""The pages' parameters: a record id in the path bounded like the API's, and the search page's cursor and size."""

from __future__ import annotations

from typing import Annotated

from litestar.exceptions import NotFoundException
from litestar.params import Parameter

from ...http.params import NO_NUL

PathId = Annotated[str, Parameter(max_length=200, pattern=NO_NUL)]
"""A record id in a page's path, bounded like the API's."""

PAGE_HITS = 20
"""Hits on one search page (the next page follows the API's cursor)."""


def not_found(what: str, record_id: str) -> NotFoundException:
    """The API's 404 for an id that names nothing (the page then shows it as HTML)."""
    return NotFoundException(detail=f"no {what} with id {record_id[:200]!r}")
