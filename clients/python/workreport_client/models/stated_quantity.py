from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StatedQuantity")


@_attrs_define
class StatedQuantity:
    """The quantity exactly as the report states it (1100萬平方米: value 1100, unit 萬平方米).

    Attributes:
        text (str): The quantity as written, with comparator words (50萬個以上).
        value (float): The number as written, before any multiplier (1100 in 1100萬平方米).
        value_max (float | Unset): Upper end of a stated range, as written.
        unit (str | Unset): Multiplier, unit or classifier as written (萬平方米, 萬個, %).
    """

    text: str
    value: float
    value_max: float | Unset = UNSET
    unit: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        value = self.value

        value_max = self.value_max

        unit = self.unit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
                "value": value,
            }
        )
        if value_max is not UNSET:
            field_dict["value_max"] = value_max
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        value = d.pop("value")

        value_max = d.pop("value_max", UNSET)

        unit = d.pop("unit", UNSET)

        stated_quantity = cls(
            text=text,
            value=value,
            value_max=value_max,
            unit=unit,
        )

        return stated_quantity
