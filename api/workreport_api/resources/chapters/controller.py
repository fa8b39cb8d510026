"""Routes of chapters (their SQL: queries.py; a chapter's measures: measures/)."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get
from litestar.params import Parameter

from workreport_schema import Chapter

from ...http.params import DEFAULT_LIMIT, NO_NUL, Bom, Cursor, DocumentFilter, Format, Limit
from ...models import ChapterList
from ...state import Api
from ..responses import ERRORS, collection, item
from .queries import SPEC, chapter_where

ChapterId = Annotated[str, Parameter(max_length=200, pattern=NO_NUL, description="Chapter id.")]


@get("/v1/chapters", operation_id="list_chapters", summary="List chapters", responses=ERRORS, tags=["chapters"])
async def list_chapters(
    request: Request[Any, Any, Any],
    api: Api,
    document: DocumentFilter = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    fmt: Format = None,
    bom: Bom = None,
) -> Response[ChapterList]:
    """Chapters in document order."""
    return await collection(request, api, SPEC, chapter_where(document), limit, cursor, fmt, bom)


@get(
    "/v1/chapters/{chapter_id:str}",
    operation_id="get_chapter",
    summary="Get a chapter",
    responses=ERRORS,
    tags=["chapters"],
)
async def get_chapter(request: Request[Any, Any, Any], api: Api, chapter_id: ChapterId) -> Response[Chapter]:
    """One chapter by id."""
    return await item(request, api, SPEC, chapter_id)


ROUTES = [list_chapters, get_chapter]
