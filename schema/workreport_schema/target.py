"""A target: a quantity or a direction a measure commits to."""

from __future__ import annotations

from pydantic import ConfigDict, Field, model_validator
from pydantic.config import JsonDict

from ._base import Integer, Number, Record, RecordId
from .codes import Commitment, Comparator, Direction, PeriodBasis, TargetType
from .common import Period, ProvenanceMap
from .indicator_fields import indicator_code_field, indicator_code_source_field
from .language_map import LanguageMap
from .source_span import SourceSpan

_QUANTITATIVE_ONLY = ("value", "value_max", "unit", "stated", "comparator")

_RULES: JsonDict = {
    "allOf": [
        {
            "if": {"properties": {"type": {"const": "quantitative"}}, "required": ["type"]},
            "then": {"required": ["value", "unit", "stated", "comparator"]},
        },
        {
            "if": {"properties": {"type": {"const": "qualitative"}}, "required": ["type"]},
            "then": {
                "required": ["direction"],
                "not": {"anyOf": [{"required": [name]} for name in _QUANTITATIVE_ONLY]},
            },
        },
        {
            "if": {"properties": {"comparator": {"const": "range"}}, "required": ["comparator"]},
            "then": {"required": ["value_max"]},
            "else": {"not": {"required": ["value_max"]}},
        },
    ]
}


class StatedQuantity(Record):
    """The quantity exactly as the report states it (1100萬平方米: value 1100, unit 萬平方米)."""

    text: str = Field(min_length=1, title="Text", description="The quantity as written, with comparator words (50萬個以上).")
    value: Number = Field(title="Value", description="The number as written, before any multiplier (1100 in 1100萬平方米).")
    value_max: Number | None = Field(default=None, title="Maximum value", description="Upper end of a stated range, as written.")
    unit: str | None = Field(
        default=None, min_length=1, title="Unit", description="Multiplier, unit or classifier as written (萬平方米, 萬個, %)."
    )


class Target(Record):
    """A target of a measure.

    Quantitative targets carry the normalised ``value`` and ``unit`` (11000000,
    m2) beside the ``stated`` form; qualitative targets (穩中有降, 全覆蓋) carry
    a ``direction`` and no value.
    """

    model_config = ConfigDict(json_schema_extra=_RULES)

    id: RecordId = Field(title="Target id", description="Stable id, {measure}.t{ordinal}.")
    document_id: RecordId = Field(title="Document id", description="Id of the document the target belongs to.")
    measure_id: RecordId = Field(title="Measure id", description="Id of the measure the target belongs to.")
    ordinal: Integer = Field(ge=1, title="Ordinal", description="Position of the target within its measure, from 1.")
    type: TargetType = Field(title="Type", description="quantitative (a number) or qualitative (a direction).")
    indicator: LanguageMap = Field(title="Indicator", description="What is measured: the words around the quantity.")
    indicator_source: list[SourceSpan] | None = Field(
        default=None,
        min_length=1,
        title="Indicator source spans",
        description=(
            "Words the indicator takes from elsewhere in its sentence, when its clause leaves them out: the object of "
            "a verb-only clause (保障性住房 for 供應770萬平方米), or the verb of a list item (新建 for 設施菜田533公頃)."
        ),
    )
    indicator_code: str | None = indicator_code_field("target")
    indicator_code_source: SourceSpan | None = indicator_code_source_field()
    value: Number | None = Field(default=None, title="Value", description="Normalised value in the unit given by unit (11000000).")
    value_max: Number | None = Field(
        default=None, title="Maximum value", description="Normalised upper end, for the range comparator only; greater than value."
    )
    unit: RecordId | None = Field(default=None, title="Unit", description="Id of the normalised unit (see units).")
    stated: StatedQuantity | None = Field(default=None, title="Stated quantity", description="The quantity as written in the report.")
    comparator: Comparator | None = Field(
        default=None, title="Comparator", description="How the target relates to value (codelist comparator)."
    )
    commitment: Commitment = Field(title="Commitment", description="firm, or aspirational (力爭, 爭取).")
    direction: Direction | None = Field(
        default=None, title="Direction", description="Which way the indicator is to move; required for qualitative targets."
    )
    period: Period = Field(
        title="Period",
        description="The period the target is for: as the text states it (到2015年, 三年行動計劃), else the report's year.",
    )
    period_basis: PeriodBasis | None = Field(
        default=None,
        title="Period basis",
        description="Where the period comes from (codelist period_basis): stated_year, stated_span, plan_duration, this_year, report_year.",
    )
    period_source: SourceSpan | None = Field(
        default=None,
        title="Period source span",
        description="The words that state the period (到2015年, 三年內), when the text states one.",
    )
    headline: bool | None = Field(
        default=None,
        title="Headline",
        description="True for a target of the report's headline list (主要預期目標是:…); absent for every other target.",
    )
    equivalent_target_ids: list[RecordId] | None = Field(
        default=None,
        min_length=1,
        title="Equivalent target ids",
        description="Targets of the same measure that state the same thing in another unit (1100萬平方米、17.08萬套(間): "
        "one programme in floor area and in dwellings), so they are never added up as two commitments; absent when none. "
        "Added in 1.5.",
    )
    source: SourceSpan = Field(title="Source span", description="The words of the target in the source text.")
    provenance: ProvenanceMap = Field(
        default_factory=dict, title="Provenance", description="Where each label came from, keyed by field and language (indicator/zh-Hans)."
    )

    @model_validator(mode="after")
    def _type_rules(self) -> Target:
        if self.type is TargetType.QUANTITATIVE:
            missing = [name for name in ("value", "unit", "stated", "comparator") if getattr(self, name) is None]
            if missing:
                raise ValueError(f"a quantitative target needs {', '.join(missing)}")
        else:
            if self.direction is None:
                raise ValueError("a qualitative target needs a direction")
            present = [name for name in _QUANTITATIVE_ONLY if getattr(self, name) is not None]
            if present:
                raise ValueError(f"a qualitative target has no {', '.join(present)}")
        if (self.comparator is Comparator.RANGE) != (self.value_max is not None):
            raise ValueError("value_max is given exactly when the comparator is range")
        return self
