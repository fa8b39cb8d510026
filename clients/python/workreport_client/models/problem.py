from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.invalid_param import InvalidParam


T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """
    Attributes:
        type_ (str): URI of the problem type; GET it for a description.
        title (str): Short summary of the problem type.
        status (int): HTTP status code.
        detail (str): What went wrong with this request.
        instance (str): The request path (and query) that caused the problem.
        invalid_params (list[InvalidParam] | None | Unset): For 400: each rejected parameter and why.
    """

    type_: str
    title: str
    status: int
    detail: str
    instance: str
    invalid_params: list[InvalidParam] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        title = self.title

        status = self.status

        detail = self.detail

        instance = self.instance

        invalid_params: list[dict[str, Any]] | None | Unset
        if isinstance(self.invalid_params, Unset):
            invalid_params = UNSET
        elif isinstance(self.invalid_params, list):
            invalid_params = []
            for invalid_params_type_0_item_data in self.invalid_params:
                invalid_params_type_0_item = invalid_params_type_0_item_data.to_dict()
                invalid_params.append(invalid_params_type_0_item)

        else:
            invalid_params = self.invalid_params

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "title": title,
                "status": status,
                "detail": detail,
                "instance": instance,
            }
        )
        if invalid_params is not UNSET:
            field_dict["invalid_params"] = invalid_params

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invalid_param import InvalidParam  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type")

        title = d.pop("title")

        status = d.pop("status")

        detail = d.pop("detail")

        instance = d.pop("instance")

        def _parse_invalid_params(data: object) -> list[InvalidParam] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                invalid_params_type_0 = []
                _invalid_params_type_0 = data
                for invalid_params_type_0_item_data in _invalid_params_type_0:
                    invalid_params_type_0_item = InvalidParam.from_dict(invalid_params_type_0_item_data)

                    invalid_params_type_0.append(invalid_params_type_0_item)

                return invalid_params_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[InvalidParam] | None | Unset, data)

        invalid_params = _parse_invalid_params(d.pop("invalid_params", UNSET))

        problem = cls(
            type_=type_,
            title=title,
            status=status,
            detail=detail,
            instance=instance,
            invalid_params=invalid_params,
        )

        problem.additional_properties = d
        return problem

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
