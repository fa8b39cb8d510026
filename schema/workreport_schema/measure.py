"""A measure: one action the government commits to."""

from __future__ import annotations

from pydantic import Field

from ._base import Integer, Record, RecordId
from .body_assignment import BodyAssignment
from .codes import ClauseType
from .common import ProvenanceMap
from .language_map import LanguageMap
from .source_span import SourceSpan


class MeasureClause(Record):
    """One clause of a measure and what it does there: the measure is shown whole, and its actions still counted."""

    type: ClauseType = Field(title="Clause type", description="What the clause does in the measure (codelist clause_type).")
    source: SourceSpan = Field(title="Source span", description="The clause's words in the source text, without the comma after it.")


class Measure(Record):
    """An action the report commits to, with the bodies that answer for it."""

    id: RecordId = Field(title="Measure id", description="Stable id, {paragraph}.m{ordinal:02}.")
    document_id: RecordId = Field(title="Document id", description="Id of the document the measure belongs to.")
    chapter_id: RecordId = Field(title="Chapter id", description="Id of the chapter the measure belongs to.")
    paragraph_id: RecordId = Field(title="Paragraph id", description="Id of the paragraph the measure belongs to.")
    ordinal: Integer = Field(ge=1, title="Ordinal", description="Position of the measure within its paragraph, from 1.")
    text: LanguageMap = Field(title="Text", description="The measure's words: as written, and converted to the other script.")
    bodies: list[BodyAssignment] = Field(
        min_length=1, title="Bodies", description="Bodies that answer for the measure, each with role and basis; at least one."
    )
    target_ids: list[RecordId] = Field(title="Target ids", description="Ids of the measure's targets, in source order.")
    source: SourceSpan = Field(title="Source span", description="The measure's words in the source text.")
    clauses: list[MeasureClause] | None = Field(
        default=None,
        min_length=1,
        title="Clauses",
        description="The measure's clauses in source order, each typed (lead_in, action, target, purpose, context, condition), "
        "inside the measure's span. Added in 1.5; data made before has none.",
    )
    provenance: ProvenanceMap = Field(
        default_factory=dict, title="Provenance", description="Where each label came from, keyed by field and language (text/zh-Hans)."
    )
