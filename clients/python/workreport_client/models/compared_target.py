from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.language_map import LanguageMap


T = TypeVar("T", bound="ComparedTarget")


@_attrs_define
class ComparedTarget:
    """
    Attributes:
        value (float | None): Normalised value in unit.
        value_max (float | None): Normalised upper end of a range.
        unit (None | str): Unit id.
        comparator (None | str): eq, gte, lte, approx or range.
        stated (None | str): The quantity as written.
        indicator (LanguageMap): A label in one or more of the known languages (zh-Hant, zh-Hans, en).

            The source language is kept as written; zh-Hans is derived with OpenCC and
            English is curated. Which is which is recorded in the owning record's
            ``provenance``.
        direction (None | str): The target's direction (increase, decrease...), used for eq and approx.
    """

    value: float | None
    value_max: float | None
    unit: None | str
    comparator: None | str
    stated: None | str
    indicator: LanguageMap
    direction: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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

        direction: None | str
        direction = self.direction

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "value": value,
                "value_max": value_max,
                "unit": unit,
                "comparator": comparator,
                "stated": stated,
                "indicator": indicator,
                "direction": direction,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.language_map import LanguageMap  # noqa: PLC0415

        d = dict(src_dict)

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

        def _parse_direction(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        direction = _parse_direction(d.pop("direction"))

        compared_target = cls(
            value=value,
            value_max=value_max,
            unit=unit,
            comparator=comparator,
            stated=stated,
            indicator=indicator,
            direction=direction,
        )

        compared_target.additional_properties = d
        return compared_target

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
