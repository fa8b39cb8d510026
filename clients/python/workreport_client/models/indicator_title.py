from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IndicatorTitle")


@_attrs_define
class IndicatorTitle:
    """
    Attributes:
        zh_hant (str): Title in Traditional characters.
        zh_hans (str): Title in Simplified characters.
        en (str): Title in English.
    """

    zh_hant: str
    zh_hans: str
    en: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        zh_hant = self.zh_hant

        zh_hans = self.zh_hans

        en = self.en

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "zh-Hant": zh_hant,
                "zh-Hans": zh_hans,
                "en": en,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        zh_hant = d.pop("zh-Hant")

        zh_hans = d.pop("zh-Hans")

        en = d.pop("en")

        indicator_title = cls(
            zh_hant=zh_hant,
            zh_hans=zh_hans,
            en=en,
        )

        indicator_title.additional_properties = d
        return indicator_title

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
