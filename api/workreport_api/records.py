"""The records the API derives (indicators, outcomes, series points) as parsed JSON, beside the schema's records.

Why: they are stored as JSON text and read back field by field, like the Dataset's records
(``workreport_schema.DocumentJSON``...); ``tests/api/test_records.py`` keeps their keys those of the models in
``models.py`` that document them. Every key is written, null where a value is missing.

No ``from __future__ import annotations``: the test reads the evaluated annotations.
"""

from typing import TypedDict

from workreport_schema import LanguageMapJSON, PeriodJSON, SourceSpanJSON

IndicatorTitleJSON = TypedDict("IndicatorTitleJSON", {"zh-Hant": str, "zh-Hans": str, "en": str})
IndicatorWordsJSON = TypedDict("IndicatorWordsJSON", {"zh-Hans": list[str], "zh-Hant": list[str]})


class IndicatorJSON(TypedDict):
    id: str
    title: IndicatorTitleJSON
    description: str
    quantity_kinds: list[str]
    unit: str | None
    words: IndicatorWordsJSON
    deprecated: bool
    target_count: int
    result_count: int
    document_count: int


class ComparedQuantityJSON(TypedDict):
    """The quantity of a target or a result, as an outcome compares it."""

    value: float | None
    value_max: float | None
    unit: str | None
    comparator: str | None
    stated: str | None
    indicator: LanguageMapJSON


class ComparedTargetJSON(ComparedQuantityJSON):
    direction: str | None


class ComparedResultJSON(ComparedQuantityJSON):
    estimate: bool | None


class OutcomeMethodJSON(TypedDict):
    rule: str
    target_comparator: str | None
    target_direction: str | None
    target_ceiling: bool
    result_comparator: str | None
    tolerance: float | None
    target_interval: list[float | None] | None
    result_interval: list[float | None] | None


class OutcomeJSON(TypedDict):
    id: str
    target_id: str
    result_id: str
    target_document_id: str
    result_document_id: str
    issuer_id: str
    indicator_code: str
    year: int
    outcome: str
    principal: bool
    reason: str
    method: OutcomeMethodJSON
    stated_outcome: str | None
    stated_outcome_source: SourceSpanJSON | None
    target: ComparedTargetJSON
    result: ComparedResultJSON


class SeriesPointJSON(ComparedQuantityJSON):
    """A coded target or result as a point of its series: its quantity as an outcome compares it (db/comparisons.py
    writes both from the same fields), and where and when it stands."""

    id: str
    kind: str
    indicator_code: str
    year: int
    period: PeriodJSON
    issuer_id: str
    document_id: str
    estimate: bool | None
    headline: bool | None
    outcome: str | None
    source: SourceSpanJSON
