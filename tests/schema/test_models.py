"""Model behaviour the fixtures do not show: numbers, nulls, language maps."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from workreport_schema import LanguageMap, StatedQuantity, Target


def test_integral_numbers_serialise_without_fraction() -> None:
    stated = StatedQuantity.model_validate_json('{"text": "1100萬平方米", "value": 1100, "unit": "萬平方米"}')
    assert json.loads(stated.model_dump_json()) == {"text": "1100萬平方米", "value": 1100, "value_max": None, "unit": "萬平方米"}
    assert stated.to_json_dict() == {"text": "1100萬平方米", "value": 1100, "unit": "萬平方米"}
    assert '"value":17.08' in StatedQuantity.model_validate_json('{"text": "17.08萬套", "value": 17.08}').model_dump_json()


def test_language_map_builder_and_lookup() -> None:
    label = LanguageMap.of(zh_hant="養老", zh_hans="养老")
    assert label.to_json_dict() == {"zh-Hant": "養老", "zh-Hans": "养老"}
    assert label.get("zh-Hans") == "养老" and label.get("en") is None
    with pytest.raises(ValidationError):
        LanguageMap.of()


def test_python_names_are_not_accepted_on_the_wire() -> None:
    with pytest.raises(ValidationError):
        LanguageMap.model_validate_json('{"zh_hant": "養老"}')


def test_explicit_null_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ValidationError, match="omit the field"):
        LanguageMap.model_validate_json('{"zh-Hant": "養老", "en": null}')


def test_target_rules_hold_in_python_too() -> None:
    base = json.loads(
        '{"id": "d.c01.p01.m01.t1", "document_id": "d", "measure_id": "d.c01.p01.m01", "ordinal": 1, "type": "qualitative",'
        ' "indicator": {"zh-Hant": "價格"}, "commitment": "firm", "direction": "decrease",'
        ' "period": {"start": "2012-01-01", "end": "2012-12-31"}, "source": {"start": 0, "end": 2, "quote": "價格"}}'
    )
    Target.model_validate_json(json.dumps(base))
    with pytest.raises(ValidationError, match="has no value"):
        Target.model_validate_json(json.dumps(base | {"value": 1}))
    with pytest.raises(ValidationError, match="needs value, unit, stated, comparator"):
        Target.model_validate_json(json.dumps(base | {"type": "quantitative"}))
