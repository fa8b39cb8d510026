from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ListMeta")


@_attrs_define
class ListMeta:
    """
    Attributes:
        total (int): Records matching the filters, on every page.
        limit (int): Records per page asked for.
        next_cursor (None | str): Cursor of the next page; null on the last page.
        total_estimated (bool | None | Unset): Present and true when total is an estimate (a search matching more
            entries than it ranks, or a list filtered by q matching more records than it counts); absent when exact.
    """

    total: int
    limit: int
    next_cursor: None | str
    total_estimated: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        limit = self.limit

        next_cursor: None | str
        next_cursor = self.next_cursor

        total_estimated: bool | None | Unset
        if isinstance(self.total_estimated, Unset):
            total_estimated = UNSET
        else:
            total_estimated = self.total_estimated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "limit": limit,
                "next_cursor": next_cursor,
            }
        )
        if total_estimated is not UNSET:
            field_dict["total_estimated"] = total_estimated

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total = d.pop("total")

        limit = d.pop("limit")

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        def _parse_total_estimated(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        total_estimated = _parse_total_estimated(d.pop("total_estimated", UNSET))

        list_meta = cls(
            total=total,
            limit=limit,
            next_cursor=next_cursor,
            total_estimated=total_estimated,
        )

        list_meta.additional_properties = d
        return list_meta

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
