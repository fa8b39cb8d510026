"""A numbered task section of a report, such as (三)."""

from __future__ import annotations

from pydantic import Field

from ._base import Integer, Record, RecordId
from .common import ProvenanceMap
from .language_map import LanguageMap
from .source_span import SourceSpan


class Chapter(Record):
    """A chapter, numbered as in the source: the seed's first chapter is (三), ordinal 3."""

    id: RecordId = Field(title="Chapter id", description="Stable id, {document}.c{ordinal:02}.")
    document_id: RecordId = Field(title="Document id", description="Id of the document the chapter belongs to.")
    ordinal: Integer = Field(ge=1, le=999, title="Ordinal", description="The chapter's number as given in the source (三 = 3).")
    numeral: str = Field(min_length=1, max_length=10, title="Numeral", description="The number exactly as written in the heading (三).")
    title: LanguageMap = Field(title="Title", description="The heading text without its number.")
    paragraph_ids: list[RecordId] = Field(title="Paragraph ids", description="Ids of the chapter's paragraphs, in source order.")
    source: SourceSpan = Field(title="Source span", description="The heading line in the source text.")
    provenance: ProvenanceMap = Field(
        default_factory=dict, title="Provenance", description="Where each label came from, keyed by field and language (title/en)."
    )
