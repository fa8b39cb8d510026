from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LanguageMap")


@_attrs_define
class LanguageMap:
    """A label in one or more of the known languages (zh-Hant, zh-Hans, en).

    The source language is kept as written; zh-Hans is derived with OpenCC and
    English is curated. Which is which is recorded in the owning record's
    ``provenance``.

        Attributes:
            zh_hant (str | Unset): The label in Traditional characters.
            zh_hans (str | Unset): The label in Simplified characters.
            en (str | Unset): The label in English.
    """

    zh_hant: str | Unset = UNSET
    zh_hans: str | Unset = UNSET
    en: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        zh_hant = self.zh_hant

        zh_hans = self.zh_hans

        en = self.en

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if zh_hant is not UNSET:
            field_dict["zh-Hant"] = zh_hant
        if zh_hans is not UNSET:
            field_dict["zh-Hans"] = zh_hans
        if en is not UNSET:
            field_dict["en"] = en

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        zh_hant = d.pop("zh-Hant", UNSET)

        zh_hans = d.pop("zh-Hans", UNSET)

        en = d.pop("en", UNSET)

        language_map = cls(
            zh_hant=zh_hant,
            zh_hans=zh_hans,
            en=en,
        )

        return language_map
