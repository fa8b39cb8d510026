"""A measure: one action the government commits to."""

from __future__ import annotations

from pydantic import Field

from ._base import Integer, Record, RecordId
from .body_assignment import BodyAssignment
from .codes import ClauseType, FrameBasis
from .common import ProvenanceMap
from .language_map import LanguageMap
from .source_span import SourceSpan


class MeasureClause(Record):
    """One clause of a measure and what it does there: the measure is shown whole, and its actions still counted."""

    type: ClauseType = Field(title="Clause type", description="What the clause does in the measure (codelist clause_type).")
    source: SourceSpan = Field(title="Source span", description="The clause's words in the source text, without the comma after it.")


class MeasureFrame(Record):
    """The words a list measure is read under, elsewhere in its sentence or paragraph.

    Why: 落實稅收優惠政策 is one commitment with its own body (the tax bureaus), yet alone it
    does not say whose taxes; the sentence says so once, in 完善中小企業服務體系. Merging
    the list would lose the per-instrument bodies, so the measure keeps its own words and
    points at the words that frame it.
    """

    basis: FrameBasis = Field(title="Basis", description="Why these words frame the measure (codelist frame_basis).")
    measure_id: RecordId = Field(title="Measure id", description="Id of the measure whose words frame this one.")
    source: SourceSpan = Field(title="Source span", description="The framing words in the source text: that measure's action clause.")


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
    frames: list[MeasureFrame] | None = Field(
        default=None,
        min_length=1,
        title="Frames",
        description="The words the measure is read under, nearest first: for an item of a list sentence its first measure's "
        "action (落實稅收優惠政策 under 完善中小企業服務體系), then the paragraph's heading (促進各類市場主體發展). "
        "Added in 1.6; data made before has none.",
    )
    provenance: ProvenanceMap = Field(
        default_factory=dict, title="Provenance", description="Where each label came from, keyed by field and language (text/zh-Hans)."
    )
