from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.commitment import Commitment
from ..models.comparator import Comparator
from ..models.direction import Direction
from ..models.outcome_code import OutcomeCode
from ..models.period_basis import PeriodBasis
from ..models.target_type import TargetType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.language_map import LanguageMap
    from ..models.outcome import Outcome
    from ..models.period import Period
    from ..models.source_span import SourceSpan
    from ..models.stated_quantity import StatedQuantity
    from ..models.target_with_outcomes_provenance import TargetWithOutcomesProvenance


T = TypeVar("T", bound="TargetWithOutcomes")


@_attrs_define
class TargetWithOutcomes:
    """A target (see Target) with how later reports judged it: only on GET /v1/targets/{target_id}.

    Attributes:
        id (str): Stable id, {measure}.t{ordinal}.
        document_id (str): Id of the document the target belongs to.
        measure_id (str): Id of the measure the target belongs to.
        ordinal (int): Position of the target within its measure, from 1.
        type_ (TargetType): Whether a target states a number (codelist ``target_type``).
        indicator (LanguageMap): A label in one or more of the known languages (zh-Hant, zh-Hans, en).

            The source language is kept as written; zh-Hans is derived with OpenCC and
            English is curated. Which is which is recorded in the owning record's
            ``provenance``.
        commitment (Commitment): How firmly a target is stated (codelist ``commitment``).
        period (Period): A span of calendar days, both ends inclusive.
        source (SourceSpan): A slice of the document's exact source text. ``start`` and ``end`` count Unicode code
            points from the start of the text, end exclusive, so that ``text[start:end] == quote`` in Python and in any
            language that indexes by code point. That the quote is exactly ``end - start`` characters long and equals the
            text there is checked by the semantic rules (JSON Schema cannot compare two fields). (workreport schema 1.6.0)
        outcome (None | OutcomeCode): The principal outcome; null when no later result assesses it.
        outcomes (list[Outcome]): Every outcome of the target, principal first.
        indicator_source (list[SourceSpan] | Unset): Words the indicator takes from elsewhere in its sentence, when its
            clause leaves them out: the object of a verb-only clause (保障性住房 for 供應770萬平方米), or the verb of a list item (新建
            for 設施菜田533公頃).
        indicator_code (str | Unset): Code of the open codelist indicator (gdp_growth, new_jobs…) that the indicator's
            words match, so the target lines up with others across documents and years; derived by the pipeline (provenance
            indicator_code), absent when no entry matches. Read an unknown code as an indicator this version does not list.
        indicator_code_source (SourceSpan | Unset): A slice of the document's exact source text. ``start`` and ``end``
            count Unicode code points from the start of the text, end exclusive, so that ``text[start:end] == quote`` in
            Python and in any language that indexes by code point. That the quote is exactly ``end - start`` characters long
            and equals the text there is checked by the semantic rules (JSON Schema cannot compare two fields). (workreport
            schema 1.6.0)
        value (float | Unset): Normalised value in the unit given by unit (11000000).
        value_max (float | Unset): Normalised upper end, for the range comparator only; greater than value.
        unit (str | Unset): Id of the normalised unit (see units).
        stated (StatedQuantity | Unset): The quantity exactly as the report states it (1100萬平方米: value 1100, unit 萬平方米).
        comparator (Comparator | Unset): How a target relates to its stated value (codelist ``comparator``).
        direction (Direction | Unset): Which way an indicator is to move (codelist ``direction``).
        period_basis (PeriodBasis | Unset): Where a target's or a result's period comes from (codelist
            ``period_basis``).
        period_source (SourceSpan | Unset): A slice of the document's exact source text. ``start`` and ``end`` count
            Unicode code points from the start of the text, end exclusive, so that ``text[start:end] == quote`` in Python
            and in any language that indexes by code point. That the quote is exactly ``end - start`` characters long and
            equals the text there is checked by the semantic rules (JSON Schema cannot compare two fields). (workreport
            schema 1.6.0)
        headline (bool | Unset): True for a target of the report's headline list (主要預期目標是:…); absent for every other
            target.
        equivalent_target_ids (list[str] | Unset): Targets of the same measure that state the same thing in another unit
            (1100萬平方米、17.08萬套(間): one programme in floor area and in dwellings), so they are never added up as two
            commitments; absent when none. Added in 1.5.
        provenance (TargetWithOutcomesProvenance | Unset): Where each label came from, keyed by field and language
            (indicator/zh-Hans).
    """

    id: str
    document_id: str
    measure_id: str
    ordinal: int
    type_: TargetType
    indicator: LanguageMap
    commitment: Commitment
    period: Period
    source: SourceSpan
    outcome: None | OutcomeCode
    outcomes: list[Outcome]
    indicator_source: list[SourceSpan] | Unset = UNSET
    indicator_code: str | Unset = UNSET
    indicator_code_source: SourceSpan | Unset = UNSET
    value: float | Unset = UNSET
    value_max: float | Unset = UNSET
    unit: str | Unset = UNSET
    stated: StatedQuantity | Unset = UNSET
    comparator: Comparator | Unset = UNSET
    direction: Direction | Unset = UNSET
    period_basis: PeriodBasis | Unset = UNSET
    period_source: SourceSpan | Unset = UNSET
    headline: bool | Unset = UNSET
    equivalent_target_ids: list[str] | Unset = UNSET
    provenance: TargetWithOutcomesProvenance | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        document_id = self.document_id

        measure_id = self.measure_id

        ordinal = self.ordinal

        type_ = self.type_.value

        indicator = self.indicator.to_dict()

        commitment = self.commitment.value

        period = self.period.to_dict()

        source = self.source.to_dict()

        outcome: None | str
        if isinstance(self.outcome, OutcomeCode):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        outcomes = []
        for outcomes_item_data in self.outcomes:
            outcomes_item = outcomes_item_data.to_dict()
            outcomes.append(outcomes_item)

        indicator_source: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.indicator_source, Unset):
            indicator_source = []
            for indicator_source_item_data in self.indicator_source:
                indicator_source_item = indicator_source_item_data.to_dict()
                indicator_source.append(indicator_source_item)

        indicator_code = self.indicator_code

        indicator_code_source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.indicator_code_source, Unset):
            indicator_code_source = self.indicator_code_source.to_dict()

        value = self.value

        value_max = self.value_max

        unit = self.unit

        stated: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stated, Unset):
            stated = self.stated.to_dict()

        comparator: str | Unset = UNSET
        if not isinstance(self.comparator, Unset):
            comparator = self.comparator.value

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        period_basis: str | Unset = UNSET
        if not isinstance(self.period_basis, Unset):
            period_basis = self.period_basis.value

        period_source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.period_source, Unset):
            period_source = self.period_source.to_dict()

        headline = self.headline

        equivalent_target_ids: list[str] | Unset = UNSET
        if not isinstance(self.equivalent_target_ids, Unset):
            equivalent_target_ids = self.equivalent_target_ids

        provenance: dict[str, Any] | Unset = UNSET
        if not isinstance(self.provenance, Unset):
            provenance = self.provenance.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "document_id": document_id,
                "measure_id": measure_id,
                "ordinal": ordinal,
                "type": type_,
                "indicator": indicator,
                "commitment": commitment,
                "period": period,
                "source": source,
                "outcome": outcome,
                "outcomes": outcomes,
            }
        )
        if indicator_source is not UNSET:
            field_dict["indicator_source"] = indicator_source
        if indicator_code is not UNSET:
            field_dict["indicator_code"] = indicator_code
        if indicator_code_source is not UNSET:
            field_dict["indicator_code_source"] = indicator_code_source
        if value is not UNSET:
            field_dict["value"] = value
        if value_max is not UNSET:
            field_dict["value_max"] = value_max
        if unit is not UNSET:
            field_dict["unit"] = unit
        if stated is not UNSET:
            field_dict["stated"] = stated
        if comparator is not UNSET:
            field_dict["comparator"] = comparator
        if direction is not UNSET:
            field_dict["direction"] = direction
        if period_basis is not UNSET:
            field_dict["period_basis"] = period_basis
        if period_source is not UNSET:
            field_dict["period_source"] = period_source
        if headline is not UNSET:
            field_dict["headline"] = headline
        if equivalent_target_ids is not UNSET:
            field_dict["equivalent_target_ids"] = equivalent_target_ids
        if provenance is not UNSET:
            field_dict["provenance"] = provenance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.language_map import LanguageMap  # noqa: PLC0415
        from ..models.outcome import Outcome  # noqa: PLC0415
        from ..models.period import Period  # noqa: PLC0415
        from ..models.source_span import SourceSpan  # noqa: PLC0415
        from ..models.stated_quantity import StatedQuantity  # noqa: PLC0415
        from ..models.target_with_outcomes_provenance import TargetWithOutcomesProvenance  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        document_id = d.pop("document_id")

        measure_id = d.pop("measure_id")

        ordinal = d.pop("ordinal")

        type_ = TargetType(d.pop("type"))

        indicator = LanguageMap.from_dict(d.pop("indicator"))

        commitment = Commitment(d.pop("commitment"))

        period = Period.from_dict(d.pop("period"))

        source = SourceSpan.from_dict(d.pop("source"))

        def _parse_outcome(data: object) -> None | OutcomeCode:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = OutcomeCode(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OutcomeCode, data)

        outcome = _parse_outcome(d.pop("outcome"))

        outcomes = []
        _outcomes = d.pop("outcomes")
        for outcomes_item_data in _outcomes:
            outcomes_item = Outcome.from_dict(outcomes_item_data)

            outcomes.append(outcomes_item)

        _indicator_source = d.pop("indicator_source", UNSET)
        indicator_source: list[SourceSpan] | Unset = UNSET
        if _indicator_source is not UNSET:
            indicator_source = []
            for indicator_source_item_data in _indicator_source:
                indicator_source_item = SourceSpan.from_dict(indicator_source_item_data)

                indicator_source.append(indicator_source_item)

        indicator_code = d.pop("indicator_code", UNSET)

        _indicator_code_source = d.pop("indicator_code_source", UNSET)
        indicator_code_source: SourceSpan | Unset
        if isinstance(_indicator_code_source, Unset):
            indicator_code_source = UNSET
        else:
            indicator_code_source = SourceSpan.from_dict(_indicator_code_source)

        value = d.pop("value", UNSET)

        value_max = d.pop("value_max", UNSET)

        unit = d.pop("unit", UNSET)

        _stated = d.pop("stated", UNSET)
        stated: StatedQuantity | Unset
        if isinstance(_stated, Unset):
            stated = UNSET
        else:
            stated = StatedQuantity.from_dict(_stated)

        _comparator = d.pop("comparator", UNSET)
        comparator: Comparator | Unset
        if isinstance(_comparator, Unset):
            comparator = UNSET
        else:
            comparator = Comparator(_comparator)

        _direction = d.pop("direction", UNSET)
        direction: Direction | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = Direction(_direction)

        _period_basis = d.pop("period_basis", UNSET)
        period_basis: PeriodBasis | Unset
        if isinstance(_period_basis, Unset):
            period_basis = UNSET
        else:
            period_basis = PeriodBasis(_period_basis)

        _period_source = d.pop("period_source", UNSET)
        period_source: SourceSpan | Unset
        if isinstance(_period_source, Unset):
            period_source = UNSET
        else:
            period_source = SourceSpan.from_dict(_period_source)

        headline = d.pop("headline", UNSET)

        equivalent_target_ids = cast(list[str], d.pop("equivalent_target_ids", UNSET))

        _provenance = d.pop("provenance", UNSET)
        provenance: TargetWithOutcomesProvenance | Unset
        if isinstance(_provenance, Unset):
            provenance = UNSET
        else:
            provenance = TargetWithOutcomesProvenance.from_dict(_provenance)

        target_with_outcomes = cls(
            id=id,
            document_id=document_id,
            measure_id=measure_id,
            ordinal=ordinal,
            type_=type_,
            indicator=indicator,
            commitment=commitment,
            period=period,
            source=source,
            outcome=outcome,
            outcomes=outcomes,
            indicator_source=indicator_source,
            indicator_code=indicator_code,
            indicator_code_source=indicator_code_source,
            value=value,
            value_max=value_max,
            unit=unit,
            stated=stated,
            comparator=comparator,
            direction=direction,
            period_basis=period_basis,
            period_source=period_source,
            headline=headline,
            equivalent_target_ids=equivalent_target_ids,
            provenance=provenance,
        )

        return target_with_outcomes
