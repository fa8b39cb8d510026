from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DataRelease")


@_attrs_define
class DataRelease:
    """
    Attributes:
        id (int): Sequence number of the release (one per load or removal).
        content_hash (str): sha256 over every loaded document's content hash.
        loaded_at (str): When it was loaded (RFC 3339).
    """

    id: int
    content_hash: str
    loaded_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        content_hash = self.content_hash

        loaded_at = self.loaded_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "content_hash": content_hash,
                "loaded_at": loaded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        content_hash = d.pop("content_hash")

        loaded_at = d.pop("loaded_at")

        data_release = cls(
            id=id,
            content_hash=content_hash,
            loaded_at=loaded_at,
        )

        data_release.additional_properties = d
        return data_release

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
