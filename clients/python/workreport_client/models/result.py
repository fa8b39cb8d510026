from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.comparator import Comparator
from ..models.direction import Direction
from ..models.period_basis import PeriodBasis
from ..models.stated_outcome import StatedOutcome
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.language_map import LanguageMap
    from ..models.period import Period
    from ..models.result_provenance import ResultProvenance
    from ..models.source_span import SourceSpan
    from ..models.stated_quantity import StatedQuantity


T = TypeVar("T", bound="Result")


@_attrs_define
class Result:
    """A figure reported as achieved (地區生產總值比上年增長9.1%), with its stated and normalised forms. Results come from a review of
    last year, or a review sentence elsewhere (去年…, 比上年增長…); they are for the year before the report's year
    (``period_basis``). An estimate (預計…, …左右) keeps the comparator the text gives; any other result states the value
    reached (``eq``), unless a bound is written after it (以上, 以內). When the report says in words how the figure stands
    against its goal (超額完成年度目標, 完成了年度計劃, 未完成年度計劃), ``stated_outcome`` carries it, with the words as
    ``stated_outcome_source``. (workreport schema 1.6.0)

        Attributes:
            id (str): Stable id, {paragraph}.r{ordinal}.
            document_id (str): Id of the document the result belongs to.
            chapter_id (str): Id of the chapter the result is in.
            paragraph_id (str): Id of the paragraph the result is in.
            ordinal (int): Position of the result within its paragraph, from 1.
            indicator (LanguageMap): A label in one or more of the known languages (zh-Hant, zh-Hans, en).

                The source language is kept as written; zh-Hans is derived with OpenCC and
                English is curated. Which is which is recorded in the owning record's
                ``provenance``.
            value (float): Normalised value in the unit given by unit (320000).
            unit (str): Id of the normalised unit (see units).
            stated (StatedQuantity): The quantity exactly as the report states it (1100萬平方米: value 1100, unit 萬平方米).
            comparator (Comparator): How a target relates to its stated value (codelist ``comparator``).
            estimate (bool): Whether the report gives the figure as an estimate (預計, 預計全年, 左右).
            period (Period): A span of calendar days, both ends inclusive.
            period_basis (PeriodBasis): Where a target's or a result's period comes from (codelist ``period_basis``).
            source (SourceSpan): A slice of the document's exact source text. ``start`` and ``end`` count Unicode code
                points from the start of the text, end exclusive, so that ``text[start:end] == quote`` in Python and in any
                language that indexes by code point. That the quote is exactly ``end - start`` characters long and equals the
                text there is checked by the semantic rules (JSON Schema cannot compare two fields). (workreport schema 1.6.0)
            measure_id (str | Unset): Id of the measure the result's sentence goes on to commit (過去一年新增52萬個,今年要再新增50萬個: the
                measure of 今年要再新增50萬個), when the sentence has one; absent for a result in a review with no commitment after it.
            indicator_code (str | Unset): Code of the open codelist indicator (gdp_growth, new_jobs…) that the indicator's
                words match, so the result lines up with others across documents and years; derived by the pipeline (provenance
                indicator_code), absent when no entry matches. Read an unknown code as an indicator this version does not list.
            indicator_code_source (SourceSpan | Unset): A slice of the document's exact source text. ``start`` and ``end``
                count Unicode code points from the start of the text, end exclusive, so that ``text[start:end] == quote`` in
                Python and in any language that indexes by code point. That the quote is exactly ``end - start`` characters long
                and equals the text there is checked by the semantic rules (JSON Schema cannot compare two fields). (workreport
                schema 1.6.0)
            value_max (float | Unset): Normalised upper end, for the range comparator only; greater than value.
            direction (Direction | Unset): Which way an indicator is to move (codelist ``direction``).
            stated_outcome (StatedOutcome | Unset): How a result stands against its goal, as the report's own words say
                (codelist ``stated_outcome``).
            stated_outcome_source (SourceSpan | Unset): A slice of the document's exact source text. ``start`` and ``end``
                count Unicode code points from the start of the text, end exclusive, so that ``text[start:end] == quote`` in
                Python and in any language that indexes by code point. That the quote is exactly ``end - start`` characters long
                and equals the text there is checked by the semantic rules (JSON Schema cannot compare two fields). (workreport
                schema 1.6.0)
            provenance (ResultProvenance | Unset): Where each label came from, keyed by field and language (indicator/zh-
                Hans).
    """

    id: str
    document_id: str
    chapter_id: str
    paragraph_id: str
    ordinal: int
    indicator: LanguageMap
    value: float
    unit: str
    stated: StatedQuantity
    comparator: Comparator
    estimate: bool
    period: Period
    period_basis: PeriodBasis
    source: SourceSpan
    measure_id: str | Unset = UNSET
    indicator_code: str | Unset = UNSET
    indicator_code_source: SourceSpan | Unset = UNSET
    value_max: float | Unset = UNSET
    direction: Direction | Unset = UNSET
    stated_outcome: StatedOutcome | Unset = UNSET
    stated_outcome_source: SourceSpan | Unset = UNSET
    provenance: ResultProvenance | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        document_id = self.document_id

        chapter_id = self.chapter_id

        paragraph_id = self.paragraph_id

        ordinal = self.ordinal

        indicator = self.indicator.to_dict()

        value = self.value

        unit = self.unit

        stated = self.stated.to_dict()

        comparator = self.comparator.value

        estimate = self.estimate

        period = self.period.to_dict()

        period_basis = self.period_basis.value

        source = self.source.to_dict()

        measure_id = self.measure_id

        indicator_code = self.indicator_code

        indicator_code_source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.indicator_code_source, Unset):
            indicator_code_source = self.indicator_code_source.to_dict()

        value_max = self.value_max

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        stated_outcome: str | Unset = UNSET
        if not isinstance(self.stated_outcome, Unset):
            stated_outcome = self.stated_outcome.value

        stated_outcome_source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stated_outcome_source, Unset):
            stated_outcome_source = self.stated_outcome_source.to_dict()

        provenance: dict[str, Any] | Unset = UNSET
        if not isinstance(self.provenance, Unset):
            provenance = self.provenance.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "document_id": document_id,
                "chapter_id": chapter_id,
                "paragraph_id": paragraph_id,
                "ordinal": ordinal,
                "indicator": indicator,
                "value": value,
                "unit": unit,
                "stated": stated,
                "comparator": comparator,
                "estimate": estimate,
                "period": period,
                "period_basis": period_basis,
                "source": source,
            }
        )
        if measure_id is not UNSET:
            field_dict["measure_id"] = measure_id
        if indicator_code is not UNSET:
            field_dict["indicator_code"] = indicator_code
        if indicator_code_source is not UNSET:
            field_dict["indicator_code_source"] = indicator_code_source
        if value_max is not UNSET:
            field_dict["value_max"] = value_max
        if direction is not UNSET:
            field_dict["direction"] = direction
        if stated_outcome is not UNSET:
            field_dict["stated_outcome"] = stated_outcome
        if stated_outcome_source is not UNSET:
            field_dict["stated_outcome_source"] = stated_outcome_source
        if provenance is not UNSET:
            field_dict["provenance"] = provenance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.language_map import LanguageMap  # noqa: PLC0415
        from ..models.period import Period  # noqa: PLC0415
        from ..models.result_provenance import ResultProvenance  # noqa: PLC0415
        from ..models.source_span import SourceSpan  # noqa: PLC0415
        from ..models.stated_quantity import StatedQuantity  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        document_id = d.pop("document_id")

        chapter_id = d.pop("chapter_id")

        paragraph_id = d.pop("paragraph_id")

        ordinal = d.pop("ordinal")

        indicator = LanguageMap.from_dict(d.pop("indicator"))

        value = d.pop("value")

        unit = d.pop("unit")

        stated = StatedQuantity.from_dict(d.pop("stated"))

        comparator = Comparator(d.pop("comparator"))

        estimate = d.pop("estimate")

        period = Period.from_dict(d.pop("period"))

        period_basis = PeriodBasis(d.pop("period_basis"))

        source = SourceSpan.from_dict(d.pop("source"))

        measure_id = d.pop("measure_id", UNSET)

        indicator_code = d.pop("indicator_code", UNSET)

        _indicator_code_source = d.pop("indicator_code_source", UNSET)
        indicator_code_source: SourceSpan | Unset
        if isinstance(_indicator_code_source, Unset):
            indicator_code_source = UNSET
        else:
            indicator_code_source = SourceSpan.from_dict(_indicator_code_source)

        value_max = d.pop("value_max", UNSET)

        _direction = d.pop("direction", UNSET)
        direction: Direction | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = Direction(_direction)

        _stated_outcome = d.pop("stated_outcome", UNSET)
        stated_outcome: StatedOutcome | Unset
        if isinstance(_stated_outcome, Unset):
            stated_outcome = UNSET
        else:
            stated_outcome = StatedOutcome(_stated_outcome)

        _stated_outcome_source = d.pop("stated_outcome_source", UNSET)
        stated_outcome_source: SourceSpan | Unset
        if isinstance(_stated_outcome_source, Unset):
            stated_outcome_source = UNSET
        else:
            stated_outcome_source = SourceSpan.from_dict(_stated_outcome_source)

        _provenance = d.pop("provenance", UNSET)
        provenance: ResultProvenance | Unset
        if isinstance(_provenance, Unset):
            provenance = UNSET
        else:
            provenance = ResultProvenance.from_dict(_provenance)

        result = cls(
            id=id,
            document_id=document_id,
            chapter_id=chapter_id,
            paragraph_id=paragraph_id,
            ordinal=ordinal,
            indicator=indicator,
            value=value,
            unit=unit,
            stated=stated,
            comparator=comparator,
            estimate=estimate,
            period=period,
            period_basis=period_basis,
            source=source,
            measure_id=measure_id,
            indicator_code=indicator_code,
            indicator_code_source=indicator_code_source,
            value_max=value_max,
            direction=direction,
            stated_outcome=stated_outcome,
            stated_outcome_source=stated_outcome_source,
            provenance=provenance,
        )

        return result
