from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.indicator_title import IndicatorTitle
    from ..models.indicator_words import IndicatorWords


T = TypeVar("T", bound="Indicator")


@_attrs_define
class Indicator:
    """
    Attributes:
        id (str): The indicator code (gdp_growth).
        title (IndicatorTitle):
        description (str): What the indicator measures (curated).
        quantity_kinds (list[str]): What it is counted in (ratio; area or count).
        unit (None | str): Its usual unit id.
        words (IndicatorWords): The words the pipeline matches, in either script.
        deprecated (bool): Whether the code is deprecated (kept so old data stays valid).
        target_count (int): Loaded targets with this code.
        result_count (int): Loaded results with this code.
        document_count (int): Loaded documents with a target or result with this code.
    """

    id: str
    title: IndicatorTitle
    description: str
    quantity_kinds: list[str]
    unit: None | str
    words: IndicatorWords
    deprecated: bool
    target_count: int
    result_count: int
    document_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title.to_dict()

        description = self.description

        quantity_kinds = self.quantity_kinds

        unit: None | str
        unit = self.unit

        words = self.words.to_dict()

        deprecated = self.deprecated

        target_count = self.target_count

        result_count = self.result_count

        document_count = self.document_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "description": description,
                "quantity_kinds": quantity_kinds,
                "unit": unit,
                "words": words,
                "deprecated": deprecated,
                "target_count": target_count,
                "result_count": result_count,
                "document_count": document_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.indicator_title import IndicatorTitle  # noqa: PLC0415
        from ..models.indicator_words import IndicatorWords  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        title = IndicatorTitle.from_dict(d.pop("title"))

        description = d.pop("description")

        quantity_kinds = cast(list[str], d.pop("quantity_kinds"))

        def _parse_unit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        unit = _parse_unit(d.pop("unit"))

        words = IndicatorWords.from_dict(d.pop("words"))

        deprecated = d.pop("deprecated")

        target_count = d.pop("target_count")

        result_count = d.pop("result_count")

        document_count = d.pop("document_count")

        indicator = cls(
            id=id,
            title=title,
            description=description,
            quantity_kinds=quantity_kinds,
            unit=unit,
            words=words,
            deprecated=deprecated,
            target_count=target_count,
            result_count=result_count,
            document_count=document_count,
        )

        indicator.additional_properties = d
        return indicator

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
