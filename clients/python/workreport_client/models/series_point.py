from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.outcome_code import OutcomeCode
from ..models.series_kind import SeriesKind

if TYPE_CHECKING:
    from ..models.language_map import LanguageMap
    from ..models.period import Period
    from ..models.source_span import SourceSpan


T = TypeVar("T", bound="SeriesPoint")


@_attrs_define
class SeriesPoint:
    """
    Attributes:
        id (str): Id of the target or result.
        kind (SeriesKind): What a point of a series is.
        indicator_code (str):
        year (int): The year the figure is for (a target: the last year of its period).
        period (Period): A span of calendar days, both ends inclusive.
        issuer_id (str):
        document_id (str):
        value (float | None):
        value_max (float | None):
        unit (None | str):
        comparator (None | str):
        stated (None | str): The quantity as written.
        indicator (LanguageMap): A label in one or more of the known languages (zh-Hant, zh-Hans, en).

            The source language is kept as written; zh-Hans is derived with OpenCC and
            English is curated. Which is which is recorded in the owning record's
            ``provenance``.
        estimate (bool | None): Results: whether given as an estimate; null for targets.
        headline (bool | None): Targets: in the headline list; null for results.
        outcome (None | OutcomeCode): Targets: the principal outcome; null when unassessed and for results.
        source (SourceSpan): A slice of the document's exact source text. ``start`` and ``end`` count Unicode code
            points from the start of the text, end exclusive, so that ``text[start:end] == quote`` in Python and in any
            language that indexes by code point. That the quote is exactly ``end - start`` characters long and equals the
            text there is checked by the semantic rules (JSON Schema cannot compare two fields). (workreport schema 1.6.0)
    """

    id: str
    kind: SeriesKind
    indicator_code: str
    year: int
    period: Period
    issuer_id: str
    document_id: str
    value: float | None
    value_max: float | None
    unit: None | str
    comparator: None | str
    stated: None | str
    indicator: LanguageMap
    estimate: bool | None
    headline: bool | None
    outcome: None | OutcomeCode
    source: SourceSpan
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        indicator_code = self.indicator_code

        year = self.year

        period = self.period.to_dict()

        issuer_id = self.issuer_id

        document_id = self.document_id

        value: float | None
        value = self.value

        value_max: float | None
        value_max = self.value_max

        unit: None | str
        unit = self.unit

        comparator: None | str
        comparator = self.comparator

        stated: None | str
        stated = self.stated

        indicator = self.indicator.to_dict()

        estimate: bool | None
        estimate = self.estimate

        headline: bool | None
        headline = self.headline

        outcome: None | str
        if isinstance(self.outcome, OutcomeCode):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        source = self.source.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "indicator_code": indicator_code,
                "year": year,
                "period": period,
                "issuer_id": issuer_id,
                "document_id": document_id,
                "value": value,
                "value_max": value_max,
                "unit": unit,
                "comparator": comparator,
                "stated": stated,
                "indicator": indicator,
                "estimate": estimate,
                "headline": headline,
                "outcome": outcome,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.language_map import LanguageMap  # noqa: PLC0415
        from ..models.period import Period  # noqa: PLC0415
        from ..models.source_span import SourceSpan  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        kind = SeriesKind(d.pop("kind"))

        indicator_code = d.pop("indicator_code")

        year = d.pop("year")

        period = Period.from_dict(d.pop("period"))

        issuer_id = d.pop("issuer_id")

        document_id = d.pop("document_id")

        def _parse_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        value = _parse_value(d.pop("value"))

        def _parse_value_max(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        value_max = _parse_value_max(d.pop("value_max"))

        def _parse_unit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        unit = _parse_unit(d.pop("unit"))

        def _parse_comparator(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        comparator = _parse_comparator(d.pop("comparator"))

        def _parse_stated(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        stated = _parse_stated(d.pop("stated"))

        indicator = LanguageMap.from_dict(d.pop("indicator"))

        def _parse_estimate(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        estimate = _parse_estimate(d.pop("estimate"))

        def _parse_headline(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        headline = _parse_headline(d.pop("headline"))

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

        source = SourceSpan.from_dict(d.pop("source"))

        series_point = cls(
            id=id,
            kind=kind,
            indicator_code=indicator_code,
            year=year,
            period=period,
            issuer_id=issuer_id,
            document_id=document_id,
            value=value,
            value_max=value_max,
            unit=unit,
            comparator=comparator,
            stated=stated,
            indicator=indicator,
            estimate=estimate,
            headline=headline,
            outcome=outcome,
            source=source,
        )

        series_point.additional_properties = d
        return series_point

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
