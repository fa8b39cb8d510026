"""A numbered chapter of a report: a part such as 二、 or a section such as (三)."""

from __future__ import annotations

from pydantic import Field

from ._base import Integer, Record, RecordId
from .codes import ChapterLevel, ChapterRole
from .common import ProvenanceMap
from .language_map import LanguageMap
from .source_span import SourceSpan


class Chapter(Record):
    """A chapter, numbered as in the source: the seed's first chapter is (三), ordinal 3.

    A whole report has parts (一、過去一年的工作) with sections ((一)…) under
    them; an excerpt may hold sections only. Sections point to their part with
    ``parent_id``; a part carries the ``role`` its heading states.
    """

    id: RecordId = Field(
        title="Chapter id",
        description=(
            "Stable id: {document}.c{ordinal:02} for a section with no part, {document}.pt{ordinal:02} for a part, "
            "{part}.c{ordinal:02} for a section under a part."
        ),
    )
    document_id: RecordId = Field(title="Document id", description="Id of the document the chapter belongs to.")
    ordinal: Integer = Field(
        ge=1,
        le=999,
        title="Ordinal",
        description="The chapter's number as given in the source (三 = 3); sections restart at 1 in each part.",
    )
    numeral: str = Field(min_length=1, max_length=10, title="Numeral", description="The number exactly as written in the heading (三).")
    title: LanguageMap = Field(title="Title", description="The heading text without its number.")
    level: ChapterLevel | None = Field(
        default=None,
        title="Level",
        description="part (一、, 第一部分) or section ((一)); absent in data made before schema 1.1, where every chapter is a section.",
    )
    parent_id: RecordId | None = Field(
        default=None, title="Parent id", description="Id of the part a section is under; absent for parts and for sections with no part."
    )
    role: ChapterRole | None = Field(
        default=None,
        title="Role",
        description="For a part: what its heading says it is (review of last year, tasks for this year, self-building, other).",
    )
    paragraph_ids: list[RecordId] = Field(
        title="Paragraph ids", description="Ids of the chapter's own paragraphs (not its sections'), in source order."
    )
    source: SourceSpan = Field(title="Source span", description="The heading line in the source text.")
    provenance: ProvenanceMap = Field(
        default_factory=dict, title="Provenance", description="Where each label came from, keyed by field and language (title/en)."
    )
