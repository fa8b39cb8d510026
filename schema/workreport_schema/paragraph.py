"""A paragraph of a chapter: one line of the source."""

from __future__ import annotations

from pydantic import Field

from ._base import Integer, Record, RecordId
from .source_span import SourceSpan


class Paragraph(Record):
    """A paragraph, numbered from 1 within its chapter."""

    id: RecordId = Field(title="Paragraph id", description="Stable id, {chapter}.p{ordinal:02}.")
    document_id: RecordId = Field(title="Document id", description="Id of the document the paragraph belongs to.")
    chapter_id: RecordId = Field(title="Chapter id", description="Id of the chapter the paragraph belongs to.")
    ordinal: Integer = Field(ge=1, title="Ordinal", description="Position of the paragraph within its chapter, from 1.")
    source: SourceSpan = Field(title="Source span", description="The whole paragraph in the source text.")
