from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IndicatorWords")


@_attrs_define
class IndicatorWords:
    """The words the pipeline matches, in either script.

    Attributes:
        zh_hans (list[str]): Words that name the indicator, Simplified.
        zh_hant (list[str]): Words that name the indicator, Traditional.
    """

    zh_hans: list[str]
    zh_hant: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        zh_hans = self.zh_hans

        zh_hant = self.zh_hant

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "zh-Hans": zh_hans,
                "zh-Hant": zh_hant,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        zh_hans = cast(list[str], d.pop("zh-Hans"))

        zh_hant = cast(list[str], d.pop("zh-Hant"))

        indicator_words = cls(
            zh_hans=zh_hans,
            zh_hant=zh_hant,
        )

        indicator_words.additional_properties = d
        return indicator_words

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
