"""The published records as parsed JSON: one TypedDict per entity, for code that reads a record field by field.

Why: the API and the pipeline hold records as ``json.loads`` gives them (a dataset file, a stored row), never
as the pydantic models, which would validate and copy on every read. These types name the keys and what each
holds, at no cost at run time; ``tests/schema/test_records.py`` fails when a key or its requiredness drifts
from the model and the published JSON Schema.

A key the JSON Schema does not require is ``NotRequired`` (the wire omits it rather than writing null). Codes
are ``str``: several codelists are open, and a reader must take a code it does not know. Numbers are ``float``
(a JSON integer is one too).

No ``from __future__ import annotations`` here: Python 3.11 reads ``NotRequired`` only from evaluated annotations.
"""

from abc import abstractmethod
from collections.abc import Iterator
from typing import Literal, NotRequired, Protocol, TypeAlias, TypedDict, overload

JSONValue: TypeAlias = "str | int | float | bool | list[JSONValue] | dict[str, JSONValue] | None"
"""Any parsed JSON: what ``json.loads`` gives back and ``json.dumps`` takes."""

JSONObject: TypeAlias = "dict[str, JSONValue]"
"""A JSON object whose keys are not known in advance; a record of a known entity has its own type below."""

ProvenanceJSON: TypeAlias = "dict[str, str]"
"""Where each label came from, keyed by field and language (``title/en``): extracted, derived or curated."""

LanguageMapJSON = TypedDict("LanguageMapJSON", {"zh-Hant": str, "zh-Hans": str, "en": str}, total=False)
"""A label keyed by BCP 47 tag (at least one of them)."""


class SourceSpanJSON(TypedDict):
    """``{start, end, quote}``: ``text[start:end] == quote`` in the document's source text."""

    start: int
    end: int
    quote: str


class PeriodJSON(TypedDict):
    """A span of days, both ends inclusive, as ISO 8601 dates."""

    start: str
    end: str


class LicenceJSON(TypedDict):
    id: str
    title: str
    url: NotRequired[str]


class DocumentJSON(TypedDict):
    id: str
    title: LanguageMapJSON
    year: int
    period: PeriodJSON
    issuer: str
    language: str
    source_sha256: str
    licence: LicenceJSON
    preamble: NotRequired[SourceSpanJSON]
    note: NotRequired[LanguageMapJSON]
    text: NotRequired[str]
    provenance: NotRequired[ProvenanceJSON]


class ChapterJSON(TypedDict):
    id: str
    document_id: str
    ordinal: int
    numeral: str
    title: LanguageMapJSON
    level: NotRequired[str]
    parent_id: NotRequired[str]
    role: NotRequired[str]
    paragraph_ids: list[str]
    source: SourceSpanJSON
    provenance: NotRequired[ProvenanceJSON]


class ParagraphJSON(TypedDict):
    id: str
    document_id: str
    chapter_id: str
    ordinal: int
    source: SourceSpanJSON


class BodyAssignmentJSON(TypedDict):
    body_id: str
    role: str
    basis: str
    rationale: NotRequired[str]
    source: NotRequired[SourceSpanJSON]


class MeasureClauseJSON(TypedDict):
    type: str
    source: SourceSpanJSON


class MeasureFrameJSON(TypedDict):
    basis: str
    measure_id: str
    source: SourceSpanJSON


class MeasureJSON(TypedDict):
    id: str
    document_id: str
    chapter_id: str
    paragraph_id: str
    ordinal: int
    text: LanguageMapJSON
    bodies: list[BodyAssignmentJSON]
    target_ids: list[str]
    source: SourceSpanJSON
    clauses: NotRequired[list[MeasureClauseJSON]]
    frames: NotRequired[list[MeasureFrameJSON]]
    provenance: NotRequired[ProvenanceJSON]


class StatedQuantityJSON(TypedDict):
    text: str
    value: float
    value_max: NotRequired[float]
    unit: NotRequired[str]


class TargetJSON(TypedDict):
    id: str
    document_id: str
    measure_id: str
    ordinal: int
    type: str
    indicator: LanguageMapJSON
    indicator_source: NotRequired[list[SourceSpanJSON]]
    indicator_code: NotRequired[str]
    indicator_code_source: NotRequired[SourceSpanJSON]
    value: NotRequired[float]
    value_max: NotRequired[float]
    unit: NotRequired[str]
    stated: NotRequired[StatedQuantityJSON]
    comparator: NotRequired[str]
    commitment: str
    direction: NotRequired[str]
    period: PeriodJSON
    period_basis: NotRequired[str]
    period_source: NotRequired[SourceSpanJSON]
    headline: NotRequired[bool]
    equivalent_target_ids: NotRequired[list[str]]
    source: SourceSpanJSON
    provenance: NotRequired[ProvenanceJSON]


class ResultJSON(TypedDict):
    id: str
    document_id: str
    chapter_id: str
    paragraph_id: str
    measure_id: NotRequired[str]
    ordinal: int
    indicator: LanguageMapJSON
    indicator_code: NotRequired[str]
    indicator_code_source: NotRequired[SourceSpanJSON]
    value: float
    value_max: NotRequired[float]
    unit: str
    stated: StatedQuantityJSON
    comparator: str
    estimate: bool
    direction: NotRequired[str]
    stated_outcome: NotRequired[str]
    stated_outcome_source: NotRequired[SourceSpanJSON]
    period: PeriodJSON
    period_basis: str
    source: SourceSpanJSON
    provenance: NotRequired[ProvenanceJSON]


class UnitJSON(TypedDict):
    id: str
    names: LanguageMapJSON
    symbol: NotRequired[str]
    ucum: str
    quantity_kind: str
    factor: float
    provenance: NotRequired[ProvenanceJSON]


class BodyJSON(TypedDict):
    """A responsible body (entity ``body``, model ``ResponsibleBody``)."""

    id: str
    names: LanguageMapJSON
    classification: str
    parent_id: NotRequired[str]
    other_names: NotRequired[list[str]]
    provenance: NotRequired[ProvenanceJSON]


class ReleaseJSON(TypedDict):
    version: str
    content_hash: str
    generated_at: str
    licence: LicenceJSON


class DatasetJSON(TypedDict):
    schema_version: str
    release: ReleaseJSON
    documents: list[DocumentJSON]
    chapters: list[ChapterJSON]
    paragraphs: list[ParagraphJSON]
    measures: list[MeasureJSON]
    targets: list[TargetJSON]
    results: NotRequired[list[ResultJSON]]
    units: list[UnitJSON]
    bodies: list[BodyJSON]


RecordJSON: TypeAlias = "DocumentJSON | ChapterJSON | ParagraphJSON | MeasureJSON | TargetJSON | ResultJSON | UnitJSON | BodyJSON"
"""A record of any of the dataset's collections (``COLLECTIONS``)."""


class RecordSource(Protocol):
    """Records read collection by collection (``COLLECTIONS``), each typed as its entity: a dataset held in memory,
    a spool on disk. A class that subclasses it reads one collection in ``read`` and inherits ``records``, which
    gives each collection its type (a protocol, so that protocols of the readers can extend it)."""

    @abstractmethod
    def read(self, collection: str) -> Iterator[RecordJSON]:
        """The collection's records in order (every call starts from the first)."""

    @overload
    def records(self, collection: Literal["documents"]) -> Iterator[DocumentJSON]: ...
    @overload
    def records(self, collection: Literal["chapters"]) -> Iterator[ChapterJSON]: ...
    @overload
    def records(self, collection: Literal["paragraphs"]) -> Iterator[ParagraphJSON]: ...
    @overload
    def records(self, collection: Literal["measures"]) -> Iterator[MeasureJSON]: ...
    @overload
    def records(self, collection: Literal["targets"]) -> Iterator[TargetJSON]: ...
    @overload
    def records(self, collection: Literal["results"]) -> Iterator[ResultJSON]: ...
    @overload
    def records(self, collection: Literal["units"]) -> Iterator[UnitJSON]: ...
    @overload
    def records(self, collection: Literal["bodies"]) -> Iterator[BodyJSON]: ...
    @overload
    def records(self, collection: str) -> Iterator[RecordJSON]: ...
    def records(self, collection: str) -> Iterator[RecordJSON]:
        """The collection's records in order, typed as its entity when the name is a literal."""
        return self.read(collection)
