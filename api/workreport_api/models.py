"""Response models of the API beyond the schema's entities: list envelopes, search hits, the index.

Records themselves are the published entities (workreport_schema); the OpenAPI
document takes their definitions from the published JSON Schema.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from workreport_schema import (
    Chapter,
    Document,
    LanguageMap,
    Measure,
    Paragraph,
    Period,
    ResponsibleBody,
    Result,
    SourceSpan,
    StatedOutcome,
    Target,
    Unit,
)

from .outcomes import OutcomeCode


class ListMeta(BaseModel):
    """Counts and paging of a list."""

    total: int = Field(description="Records matching the filters, on every page.")
    limit: int = Field(description="Records per page asked for.")
    next_cursor: str | None = Field(description="Cursor of the next page; null on the last page.")
    total_estimated: bool | None = Field(
        default=None,
        description=(
            "Present and true when total is an estimate (a search matching more entries than it ranks, or a list "
            "filtered by q matching more records than it counts); absent when exact."
        ),
    )


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


class SeriesKind(StrEnum):
    """What a point of a series is."""

    TARGET = "target"
    RESULT = "result"


class IndicatorTitle(BaseModel):
    zh_hant: str = Field(alias="zh-Hant", description="Title in Traditional characters.")
    zh_hans: str = Field(alias="zh-Hans", description="Title in Simplified characters.")
    en: str = Field(description="Title in English.")


class IndicatorWords(BaseModel):
    zh_hans: list[str] = Field(alias="zh-Hans", description="Words that name the indicator, Simplified.")
    zh_hant: list[str] = Field(alias="zh-Hant", description="Words that name the indicator, Traditional.")


class Indicator(BaseModel):
    """An entry of the reviewed indicator codelist (curated), with its use in the loaded documents."""

    id: str = Field(description="The indicator code (gdp_growth).")
    title: IndicatorTitle
    description: str = Field(description="What the indicator measures (curated).")
    quantity_kinds: list[str] = Field(description="What it is counted in (ratio; area or count).")
    unit: str | None = Field(description="Its usual unit id.")
    words: IndicatorWords = Field(description="The words the pipeline matches, in either script.")
    deprecated: bool = Field(description="Whether the code is deprecated (kept so old data stays valid).")
    target_count: int = Field(description="Loaded targets with this code.")
    result_count: int = Field(description="Loaded results with this code.")
    document_count: int = Field(description="Loaded documents with a target or result with this code.")


class IndicatorList(BaseModel):
    data: list[Indicator] = Field(description="Indicators of this page, by code.")
    meta: ListMeta
    links: ListLinks


class ComparedQuantity(BaseModel):
    """The quantity of a target or a result, as compared."""

    value: float | None = Field(description="Normalised value in unit.")
    value_max: float | None = Field(description="Normalised upper end of a range.")
    unit: str | None = Field(description="Unit id.")
    comparator: str | None = Field(description="eq, gte, lte, approx or range.")
    stated: str | None = Field(description="The quantity as written.")
    indicator: LanguageMap = Field(description="The indicator's words in the report.")


class ComparedTarget(ComparedQuantity):
    direction: str | None = Field(description="The target's direction (increase, decrease...), used for eq and approx.")


class ComparedResult(ComparedQuantity):
    estimate: bool | None = Field(description="Whether the report gave the figure as an estimate.")


class OutcomeMethod(BaseModel):
    """How the outcome was computed: the interval the target accepts, the one the result states."""

    rule: str = Field(description="The rule, in words.")
    target_comparator: str | None
    target_direction: str | None
    target_ceiling: bool = Field(description="Whether the target is a ceiling (控制在…): approx and eq then accept values below.")
    result_comparator: str | None
    tolerance: float | None = Field(description="For an approximate target (左右): how far from its value still meets it.")
    target_interval: list[float | None] | None = Field(
        description="[low, high] the target accepts; null is an open end; null when units differ."
    )
    result_interval: list[float | None] | None = Field(description="[low, high] the result states; null is an open end.")


class Outcome(BaseModel):
    """A target judged by a later report's result for the same issuer, indicator and year (derived by the API)."""

    id: str = Field(description="{target_id}.vs.{result_id}.")
    target_id: str
    result_id: str
    target_document_id: str
    result_document_id: str
    issuer_id: str
    indicator_code: str
    year: int = Field(description="The year the target was for and the result reports.")
    outcome: OutcomeCode = Field(description="met, not_met or not_comparable (computed, see method).")
    principal: bool = Field(
        description="Whether this is the outcome that stands for the target: its first later report, figures before estimates."
    )
    reason: str = Field(description="The comparison in words.")
    method: OutcomeMethod
    stated_outcome: StatedOutcome | None = Field(description="What the report says (超額完成: exceeded), beside the computed outcome.")
    stated_outcome_source: SourceSpan | None = Field(description="The words that state it, in the result's document.")
    target: ComparedTarget
    result: ComparedResult


class OutcomeList(BaseModel):
    data: list[Outcome] = Field(description="Outcomes of this page, in the order of their targets.")
    meta: ListMeta
    links: ListLinks


class SeriesPoint(BaseModel):
    """A coded target or result as a point of its indicator's series."""

    id: str = Field(description="Id of the target or result.")
    kind: SeriesKind
    indicator_code: str
    year: int = Field(description="The year the figure is for (a target: the last year of its period).")
    period: Period
    issuer_id: str
    document_id: str
    value: float | None
    value_max: float | None
    unit: str | None
    comparator: str | None
    stated: str | None = Field(description="The quantity as written.")
    indicator: LanguageMap
    estimate: bool | None = Field(description="Results: whether given as an estimate; null for targets.")
    headline: bool | None = Field(description="Targets: in the headline list; null for results.")
    outcome: OutcomeCode | None = Field(description="Targets: the principal outcome; null when unassessed and for results.")
    source: SourceSpan


class SeriesList(BaseModel):
    data: list[SeriesPoint] = Field(description="Points of this page, by year, issuer, document and document order.")
    meta: ListMeta
    links: ListLinks


class TargetWithOutcomes(Target):
    """A target with how later reports judged it (only on /v1/targets/{id})."""

    outcome: OutcomeCode | None = Field(default=None, description="The principal outcome; null when no later result assesses it.")
    outcomes: list[Outcome] = Field(default_factory=list, description="Every outcome of the target, principal first.")
