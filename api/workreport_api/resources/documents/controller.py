"""Routes of documents: the reports, and their exact source text (their SQL: queries.py)."""

from __future__ import annotations

from typing import Annotated, Unpack

from litestar import Response, get
from litestar.exceptions import NotFoundException
from litestar.params import Parameter

from workreport_schema import Document

from ...http.negotiation import require_acceptable
from ...http.params import NO_NUL
from ...http.requests import HttpRequest
from ...models import DocumentList
from ...state import Api
from ..listing import ListArgs, list_parameters
from ..responses import ERRORS, collection, data_response, item
from .queries import SPEC, document_where, read_text

DocumentId = Annotated[str, Parameter(max_length=200, pattern=NO_NUL, description="Document id.")]
Year = Annotated[int | None, Parameter(ge=1949, le=2100, description="Only documents for this year.")]


@get("/v1/documents", operation_id="list_documents", summary="List documents", responses=ERRORS, tags=["documents"])
@list_parameters
async def list_documents(
    year: Year = None,
    **listing: Unpack[ListArgs],
) -> Response[DocumentList]:
    """The reports, by id. Records leave out the text: fetch it from /v1/documents/{id}/text."""
    return await collection(SPEC, document_where(year), **listing)


@get(
    "/v1/documents/{document_id:str}",
    operation_id="get_document",
    summary="Get a document",
    responses=ERRORS,
    tags=["documents"],
)
async def get_document(request: HttpRequest, api: Api, document_id: DocumentId) -> Response[Document]:
    """One report by id."""
    return await item(request, api, SPEC, document_id)


@get(
    "/v1/documents/{document_id:str}/text",
    sync_to_thread=True,
    operation_id="get_document_text",
    summary="Get the exact source text",
    responses=ERRORS,
    media_type="text/plain",
    tags=["documents"],
)
def get_document_text(request: HttpRequest, api: Api, document_id: DocumentId) -> Response[str]:
    """The exact source text every span indexes into (code points): text[start:end] == quote."""
    require_acceptable(request, "text/plain")
    release, text = read_text(api, document_id)
    if text is None:
        raise NotFoundException(detail=f"no document with id {document_id[:200]!r}")
    return data_response(text.encode("utf-8"), release, media_type="text/plain")


ROUTES = [list_documents, get_document, get_document_text]
