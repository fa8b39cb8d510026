"""Response models of the API beyond the schema's entities: list envelopes, search hits, the index.

Records themselves are the published entities (workreport_schema); the OpenAPI
document takes their definitions from the published JSON Schema.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from workreport_schema import Chapter, Document, Measure, Paragraph, ResponsibleBody, Result, Target, Unit


class ListMeta(BaseModel):
    """Counts and paging of a list."""

    total: int = Field(description="Records matching the filters, on every page.")
    limit: int = Field(description="Records per page asked for.")
    next_cursor: str | None = Field(description="Cursor of the next page; null on the last page.")


class ListLinks(BaseModel):
    """Links of a list page (the next link is also sent as a Link header)."""

    self_: str = Field(alias="self", description="This page.")
    next: str | None = Field(description="The next page; null on the last page.")


class DocumentList(BaseModel):
    data: list[Document] = Field(description="Documents of this page (without their text: see /v1/documents/{id}/text).")
    meta: ListMeta
    links: ListLinks


class ChapterList(BaseModel):
    data: list[Chapter] = Field(description="Chapters of this page.")
    meta: ListMeta
    links: ListLinks


class ParagraphList(BaseModel):
    data: list[Paragraph] = Field(description="Paragraphs of this page.")
    meta: ListMeta
    links: ListLinks


class MeasureList(BaseModel):
    data: list[Measure] = Field(description="Measures of this page.")
    meta: ListMeta
    links: ListLinks


class TargetList(BaseModel):
    data: list[Target] = Field(description="Targets of this page.")
    meta: ListMeta
    links: ListLinks


class ResultList(BaseModel):
    data: list[Result] = Field(description="Results of this page.")
    meta: ListMeta
    links: ListLinks


class UnitList(BaseModel):
    data: list[Unit] = Field(description="Units of this page.")
    meta: ListMeta
    links: ListLinks


class BodyList(BaseModel):
    data: list[ResponsibleBody] = Field(description="Bodies of this page.")
    meta: ListMeta
    links: ListLinks


class Highlight(BaseModel):
    start: int = Field(description="Offset of a match in the snippet text (code points).")
    end: int = Field(description="End of the match (exclusive).")


class Snippet(BaseModel):
    text: str = Field(description="Words around the first match, in the source script.")
    highlights: list[Highlight] = Field(description="Where the query matches in text.")


class MatchSpan(BaseModel):
    start: int = Field(description="Offset of the first match in the document text (code points).")
    end: int = Field(description="End of the match (exclusive).")


class SearchHit(BaseModel):
    """A measure or target whose text contains the query."""

    type: str = Field(description="measure or target.")
    id: str = Field(description="Id of the record.")
    document_id: str = Field(description="Id of its document.")
    occurrences: int = Field(description="How often the query occurs (the ranking's first key).")
    snippet: Snippet
    match: MatchSpan | None = Field(description="For measures: where the first match is in the document text.")
    measure: Measure | None = Field(description="The record, when type is measure.")
    target: Target | None = Field(description="The record, when type is target.")


class SearchResults(BaseModel):
    data: list[SearchHit] = Field(description="Hits of this page, best first.")
    meta: ListMeta
    links: ListLinks


class DataRelease(BaseModel):
    """The data currently served; ETags and Last-Modified come from it."""

    id: int = Field(description="Sequence number of the release (one per load or removal).")
    content_hash: str = Field(description="sha256 over every loaded document's content hash.")
    loaded_at: str = Field(description="When it was loaded (RFC 3339).")


class Index(BaseModel):
    """Entry point of API v1."""

    api_version: str = Field(description="Version of the API (v1).")
    schema_version: str = Field(description="Version of the workreport schema the records follow.")
    data_release: DataRelease | None = Field(description="The data served now; null before anything was loaded.")
    licence: dict[str, str] = Field(description="Licence of the data.")
    links: dict[str, str] = Field(description="Every collection, search, exports, the schema index, the catalog and the docs.")
    schema_org: dict[str, object] = Field(description="schema.org Dataset description (JSON-LD) for search engines.")


class Health(BaseModel):
    status: str = Field(description="ok (process up) or ready (database reachable and migrated).")
    revision: str | None = Field(default=None, description="Database migration revision (readyz).")
