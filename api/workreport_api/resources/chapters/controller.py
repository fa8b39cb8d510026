"""Routes of chapters (their SQL: queries.py; a chapter's measures: measures/)."""

from __future__ import annotations

from typing import Annotated, Unpack

from litestar import Response, get
from litestar.params import Parameter

from workreport_schema import Chapter

from ...http.params import NO_NUL, DocumentFilter
from ...http.requests import HttpRequest
from ...models import ChapterList
from ...state import Api
from ..listing import ListArgs, list_parameters
from ..responses import ERRORS, collection, item
from .queries import SPEC, chapter_where

ChapterId = Annotated[str, Parameter(max_length=200, pattern=NO_NUL, description="Chapter id.")]


@get("/v1/chapters", operation_id="list_chapters", summary="List chapters", responses=ERRORS, tags=["chapters"])
@list_parameters
async def list_chapters(
    document: DocumentFilter = None,
    **listing: Unpack[ListArgs],
) -> Response[ChapterList]:
    """Chapters in document order."""
    return await collection(SPEC, chapter_where(document), **listing)


@get(
    "/v1/chapters/{chapter_id:str}",
    operation_id="get_chapter",
    summary="Get a chapter",
    responses=ERRORS,
    tags=["chapters"],
)
async def get_chapter(request: HttpRequest, api: Api, chapter_id: ChapterId) -> Response[Chapter]:
    """One chapter by id."""
    return await item(request, api, SPEC, chapter_id)


ROUTES = [list_chapters, get_chapter]
