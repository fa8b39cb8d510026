"""Routes of paragraphs (their SQL: queries.py)."""

from __future__ import annotations

from typing import Annotated, Unpack

from litestar import Response, get
from litestar.params import Parameter

from workreport_schema import Paragraph

from ...http.params import NO_NUL, ChapterFilter, DocumentFilter
from ...http.requests import HttpRequest
from ...models import ParagraphList
from ...state import Api
from ..listing import ListArgs, list_parameters
from ..responses import ERRORS, collection, item
from .queries import SPEC, paragraph_where

ParagraphId = Annotated[str, Parameter(max_length=200, pattern=NO_NUL, description="Paragraph id.")]


@get("/v1/paragraphs", operation_id="list_paragraphs", summary="List paragraphs", responses=ERRORS, tags=["paragraphs"])
@list_parameters
async def list_paragraphs(
    document: DocumentFilter = None,
    chapter: ChapterFilter = None,
    **listing: Unpack[ListArgs],
) -> Response[ParagraphList]:
    """Paragraphs in document order."""
    where = paragraph_where(document, chapter)
    return await collection(SPEC, where, **listing)


@get(
    "/v1/paragraphs/{paragraph_id:str}",
    operation_id="get_paragraph",
    summary="Get a paragraph",
    responses=ERRORS,
    tags=["paragraphs"],
)
async def get_paragraph(request: HttpRequest, api: Api, paragraph_id: ParagraphId) -> Response[Paragraph]:
    """One paragraph by id."""
    return await item(request, api, SPEC, paragraph_id)


ROUTES = [list_paragraphs, get_paragraph]
