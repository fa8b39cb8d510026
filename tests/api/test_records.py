"""The TypedDicts of the derived records (``workreport_api.records``) have the keys of the models that document them."""

from __future__ import annotations

import typing

import pytest
from pydantic import BaseModel

from workreport_api import models
from workreport_api.records import (
    ComparedResultJSON,
    ComparedTargetJSON,
    IndicatorJSON,
    IndicatorTitleJSON,
    IndicatorWordsJSON,
    OutcomeJSON,
    OutcomeMethodJSON,
    SeriesPointJSON,
)

TYPED: dict[type[BaseModel], type] = {
    models.Indicator: IndicatorJSON,
    models.IndicatorTitle: IndicatorTitleJSON,
    models.IndicatorWords: IndicatorWordsJSON,
    models.Outcome: OutcomeJSON,
    models.OutcomeMethod: OutcomeMethodJSON,
    models.ComparedTarget: ComparedTargetJSON,
    models.ComparedResult: ComparedResultJSON,
    models.SeriesPoint: SeriesPointJSON,
}


@pytest.mark.parametrize("model", list(TYPED), ids=lambda model: model.__name__)
def test_keys_match_the_model(model: type[BaseModel]) -> None:
    typed = TYPED[model]
    schema: dict[str, typing.Any] = model.model_json_schema(by_alias=True)
    assert set(typed.__required_keys__) == set(schema["properties"]), typed.__name__
    assert set(schema.get("required", ())) == set(schema["properties"]), f"{model.__name__}: every key is written"
    assert not typed.__optional_keys__
