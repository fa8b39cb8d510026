from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OutcomeMethod")


@_attrs_define
class OutcomeMethod:
    """
    Attributes:
        rule (str): The rule, in words.
        target_comparator (None | str):
        target_direction (None | str):
        target_ceiling (bool): Whether the target is a ceiling (控制在…): approx and eq then accept values below.
        result_comparator (None | str):
        tolerance (float | None): For an approximate target (左右): how far from its value still meets it.
        target_interval (list[float | None] | None): [low, high] the target accepts; null is an open end; null when
            units differ.
        result_interval (list[float | None] | None): [low, high] the result states; null is an open end.
    """

    rule: str
    target_comparator: None | str
    target_direction: None | str
    target_ceiling: bool
    result_comparator: None | str
    tolerance: float | None
    target_interval: list[float | None] | None
    result_interval: list[float | None] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rule = self.rule

        target_comparator: None | str
        target_comparator = self.target_comparator

        target_direction: None | str
        target_direction = self.target_direction

        target_ceiling = self.target_ceiling

        result_comparator: None | str
        result_comparator = self.result_comparator

        tolerance: float | None
        tolerance = self.tolerance

        target_interval: list[float | None] | None
        if isinstance(self.target_interval, list):
            target_interval = []
            for target_interval_type_0_item_data in self.target_interval:
                target_interval_type_0_item: float | None
                target_interval_type_0_item = target_interval_type_0_item_data
                target_interval.append(target_interval_type_0_item)

        else:
            target_interval = self.target_interval

        result_interval: list[float | None] | None
        if isinstance(self.result_interval, list):
            result_interval = []
            for result_interval_type_0_item_data in self.result_interval:
                result_interval_type_0_item: float | None
                result_interval_type_0_item = result_interval_type_0_item_data
                result_interval.append(result_interval_type_0_item)

        else:
            result_interval = self.result_interval

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rule": rule,
                "target_comparator": target_comparator,
                "target_direction": target_direction,
                "target_ceiling": target_ceiling,
                "result_comparator": result_comparator,
                "tolerance": tolerance,
                "target_interval": target_interval,
                "result_interval": result_interval,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rule = d.pop("rule")

        def _parse_target_comparator(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_comparator = _parse_target_comparator(d.pop("target_comparator"))

        def _parse_target_direction(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_direction = _parse_target_direction(d.pop("target_direction"))

        target_ceiling = d.pop("target_ceiling")

        def _parse_result_comparator(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        result_comparator = _parse_result_comparator(d.pop("result_comparator"))

        def _parse_tolerance(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        tolerance = _parse_tolerance(d.pop("tolerance"))

        def _parse_target_interval(data: object) -> list[float | None] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                target_interval_type_0 = []
                _target_interval_type_0 = data
                for target_interval_type_0_item_data in _target_interval_type_0:

                    def _parse_target_interval_type_0_item(data: object) -> float | None:
                        if data is None:
                            return data
                        return cast(float | None, data)

                    target_interval_type_0_item = _parse_target_interval_type_0_item(target_interval_type_0_item_data)

                    target_interval_type_0.append(target_interval_type_0_item)

                return target_interval_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float | None] | None, data)

        target_interval = _parse_target_interval(d.pop("target_interval"))

        def _parse_result_interval(data: object) -> list[float | None] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                result_interval_type_0 = []
                _result_interval_type_0 = data
                for result_interval_type_0_item_data in _result_interval_type_0:

                    def _parse_result_interval_type_0_item(data: object) -> float | None:
                        if data is None:
                            return data
                        return cast(float | None, data)

                    result_interval_type_0_item = _parse_result_interval_type_0_item(result_interval_type_0_item_data)

                    result_interval_type_0.append(result_interval_type_0_item)

                return result_interval_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float | None] | None, data)

        result_interval = _parse_result_interval(d.pop("result_interval"))

        outcome_method = cls(
            rule=rule,
            target_comparator=target_comparator,
            target_direction=target_direction,
            target_ceiling=target_ceiling,
            result_comparator=result_comparator,
            tolerance=tolerance,
            target_interval=target_interval,
            result_interval=result_interval,
        )

        outcome_method.additional_properties = d
        return outcome_method

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
