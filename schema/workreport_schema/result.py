"""A result: a figure the report gives for what was achieved (a review of last year), never a target."""

from __future__ import annotations

from pydantic import ConfigDict, Field, model_validator
from pydantic.config import JsonDict

from ._base import Integer, Number, Record, RecordId
from .codes import Comparator, Direction, PeriodBasis, StatedOutcome
from .common import Period, ProvenanceMap
from .indicator_fields import indicator_code_field, indicator_code_source_field
from .language_map import LanguageMap
from .source_span import SourceSpan
from .target import StatedQuantity

_RULES: JsonDict = {
    "if": {"properties": {"comparator": {"const": "range"}}, "required": ["comparator"]},
    "then": {"required": ["value_max"]},
    "else": {"not": {"required": ["value_max"]}},
    "dependentRequired": {"stated_outcome": ["stated_outcome_source"], "stated_outcome_source": ["stated_outcome"]},
}


class Result(Record):
    """A figure reported as achieved (地區生產總值比上年增長9.1%), with its stated and normalised forms.

    Results come from a review of last year, or a review sentence elsewhere
    (去年…, 比上年增長…); they are for the year before the report's year
    (``period_basis``). An estimate (預計…, …左右) keeps the comparator the
    text gives; any other result states the value reached (``eq``), unless a
    bound is written after it (以上, 以內). When the report says in words how
    the figure stands against its goal (超額完成年度目標, 完成了年度計劃,
    未完成年度計劃), ``stated_outcome`` carries it, with the words as
    ``stated_outcome_source``.
    """

    model_config = ConfigDict(json_schema_extra=_RULES)

    id: RecordId = Field(title="Result id", description="Stable id, {paragraph}.r{ordinal}.")
    document_id: RecordId = Field(title="Document id", description="Id of the document the result belongs to.")
    chapter_id: RecordId = Field(title="Chapter id", description="Id of the chapter the result is in.")
    paragraph_id: RecordId = Field(title="Paragraph id", description="Id of the paragraph the result is in.")
    measure_id: RecordId | None = Field(
        default=None,
        title="Measure id",
        description="Id of the measure the result's sentence goes on to commit (過去一年新增52萬個,今年要再新增50萬個: the measure "
        "of 今年要再新增50萬個), when the sentence has one; absent for a result in a review with no commitment after it.",
    )
    ordinal: Integer = Field(ge=1, title="Ordinal", description="Position of the result within its paragraph, from 1.")
    indicator: LanguageMap = Field(title="Indicator", description="What was measured: the words around the quantity.")
    indicator_code: str | None = indicator_code_field("result")
    indicator_code_source: SourceSpan | None = indicator_code_source_field()
    value: Number = Field(title="Value", description="Normalised value in the unit given by unit (320000).")
    value_max: Number | None = Field(
        default=None, title="Maximum value", description="Normalised upper end, for the range comparator only; greater than value."
    )
    unit: RecordId = Field(title="Unit", description="Id of the normalised unit (see units).")
    stated: StatedQuantity = Field(title="Stated quantity", description="The quantity as written in the report.")
    comparator: Comparator = Field(
        title="Comparator",
        description="How the result relates to value: eq for a value reached; an estimate keeps the comparator (預計增長9%以上: gte).",
    )
    estimate: bool = Field(title="Estimate", description="Whether the report gives the figure as an estimate (預計, 預計全年, 左右).")
    direction: Direction | None = Field(
        default=None, title="Direction", description="Which way the indicator moved, when a verb says so (增長 9.1%: increase)."
    )
    stated_outcome: StatedOutcome | None = Field(
        default=None,
        title="Stated outcome",
        description="How the report's own words say the result stands against its goal (codelist stated_outcome): exceeded "
        "(超額完成年度目標), met (完成了年度計劃, 實現了預定目標) or not_met (未完成年度計劃), from a phrase in the result's "
        "sentence with a 目標, 計劃 or 任務 object; extracted (provenance stated_outcome), absent when the sentence states none. "
        "Not a comparison with the earlier report's target.",
    )
    stated_outcome_source: SourceSpan | None = Field(
        default=None,
        title="Stated outcome source",
        description="The words that state the outcome (完成了年度計劃); present exactly when stated_outcome is.",
    )
    period: Period = Field(title="Period", description="The period the result is for (the year before the report's year).")
    period_basis: PeriodBasis = Field(title="Period basis", description="Why the result is for that period (codelist period_basis).")
    source: SourceSpan = Field(title="Source span", description="The words of the result in the source text.")
    provenance: ProvenanceMap = Field(
        default_factory=dict, title="Provenance", description="Where each label came from, keyed by field and language (indicator/zh-Hans)."
    )

    @model_validator(mode="after")
    def _paired_fields(self) -> Result:
        if (self.comparator is Comparator.RANGE) != (self.value_max is not None):
            raise ValueError("value_max is given exactly when the comparator is range")
        if (self.stated_outcome is None) != (self.stated_outcome_source is None):
            raise ValueError("stated_outcome_source is given exactly when stated_outcome is")
        return self
