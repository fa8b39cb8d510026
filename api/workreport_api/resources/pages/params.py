"""The pages' parameters: a record id in the path bounded like the API's, and the search page's cursor and size."""

from __future__ import annotations

from typing import Annotated

from litestar.exceptions import NotFoundException, ValidationException
from litestar.params import Parameter

from ...http.cursor import CursorError, decode_cursor
from ...http.params import NO_NUL
from ..search import MAX_OFFSET

PathId = Annotated[str, Parameter(max_length=200, pattern=NO_NUL)]
"""A record id in a page's path, bounded like the API's."""

PAGE_HITS = 20
"""Hits on one search page (the next page follows the API's cursor)."""


def search_offset(cursor: str | None) -> int:
    """Where a page of hits starts: the API's search cursor (an offset), checked as the API checks it (400 otherwise)."""
    if cursor is None:
        return 0
    try:
        (offset,) = decode_cursor(cursor, (int,))
    except CursorError as error:
        raise ValidationException(
            detail="invalid parameters", extra=[{"key": "cursor", "message": str(error), "source": "query"}]
        ) from None
    if not 0 <= offset <= MAX_OFFSET:
        raise ValidationException(detail="invalid parameters", extra=[{"key": "cursor", "message": "is out of range", "source": "query"}])
    return int(offset)


def not_found(what: str, record_id: str) -> NotFoundException:
    """The API's 404 for an id that names nothing (the page then shows it as HTML)."""
    return NotFoundException(detail=f"no {what} with id {record_id[:200]!r}")
