from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.licence import Licence


T = TypeVar("T", bound="Release")


@_attrs_define
class Release:
    """Release metadata: which data this is, hashed so a change is visible.

    Attributes:
        version (str): Version of this data release.
        content_hash (str): sha256 of the release's records in canonical JSON (sorted keys, no spaces), excluding this
            block.
        generated_at (datetime.datetime): When the release was built (RFC 3339, with time zone).
        licence (Licence): The terms under which something may be reused.
    """

    version: str
    content_hash: str
    generated_at: datetime.datetime
    licence: Licence

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        content_hash = self.content_hash

        generated_at = self.generated_at.isoformat()

        licence = self.licence.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "version": version,
                "content_hash": content_hash,
                "generated_at": generated_at,
                "licence": licence,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.licence import Licence  # noqa: PLC0415

        d = dict(src_dict)
        version = d.pop("version")

        content_hash = d.pop("content_hash")

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        licence = Licence.from_dict(d.pop("licence"))

        release = cls(
            version=version,
            content_hash=content_hash,
            generated_at=generated_at,
            licence=licence,
        )

        return release
