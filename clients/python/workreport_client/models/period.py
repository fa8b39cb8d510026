from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Period")


@_attrs_define
class Period:
    """A span of calendar days, both ends inclusive.

    Attributes:
        start (datetime.date): First day of the period (ISO 8601 date).
        end (datetime.date): Last day of the period, inclusive (ISO 8601 date).
    """

    start: datetime.date
    end: datetime.date

    def to_dict(self) -> dict[str, Any]:
        start = self.start.isoformat()

        end = self.end.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "start": start,
                "end": end,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        period = cls(
            start=start,
            end=end,
        )

        return period
