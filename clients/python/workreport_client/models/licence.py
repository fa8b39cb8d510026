from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Licence")


@_attrs_define
class Licence:
    """The terms under which something may be reused.

    Attributes:
        id (str): SPDX identifier (CC-BY-4.0) or a LicenseRef- name for terms SPDX does not list.
        title (str): Human-readable name of the licence.
        url (str | Unset): Where the licence text can be read.
    """

    id: str
    title: str
    url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "title": title,
            }
        )
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        url = d.pop("url", UNSET)

        licence = cls(
            id=id,
            title=title,
            url=url,
        )

        return licence
