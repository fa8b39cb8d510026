"""The TypedDicts of ``workreport_schema.records`` say what the models and the published JSON Schema say.

Why: they are types only, checked by nothing at run time, so without this a field added to a model would
leave code that reads the record typed against an older shape.
"""

from __future__ import annotations

import types
import typing

import pytest
from pydantic import BaseModel

from workreport_schema import (
    ENTITIES,
    BodyAssignment,
    BodyAssignmentJSON,
    BodyJSON,
    Chapter,
    ChapterJSON,
    Dataset,
    DatasetJSON,
    Document,
    DocumentJSON,
    LanguageMap,
    LanguageMapJSON,
    Licence,
    LicenceJSON,
    Measure,
    MeasureClause,
    MeasureClauseJSON,
    MeasureFrame,
    MeasureFrameJSON,
    MeasureJSON,
    Paragraph,
    ParagraphJSON,
    Period,
    PeriodJSON,
    Release,
    ReleaseJSON,
    ResponsibleBody,
    Result,
    ResultJSON,
    SourceSpan,
    SourceSpanJSON,
    StatedQuantity,
    StatedQuantityJSON,
    Target,
    TargetJSON,
    Unit,
    UnitJSON,
    load_published_schema,
)

TYPED: dict[type[BaseModel], type] = {
    Document: DocumentJSON,
    Chapter: ChapterJSON,
    Paragraph: ParagraphJSON,
    Measure: MeasureJSON,
    MeasureClause: MeasureClauseJSON,
    MeasureFrame: MeasureFrameJSON,
    Target: TargetJSON,
    StatedQuantity: StatedQuantityJSON,
    Result: ResultJSON,
    Unit: UnitJSON,
    ResponsibleBody: BodyJSON,
    BodyAssignment: BodyAssignmentJSON,
    SourceSpan: SourceSpanJSON,
    LanguageMap: LanguageMapJSON,
    Period: PeriodJSON,
    Licence: LicenceJSON,
    Release: ReleaseJSON,
    Dataset: DatasetJSON,
}
"""Every model a record holds, with its TypedDict."""


def _keys(schema: dict[str, typing.Any]) -> tuple[set[str], set[str]]:
    properties = set(schema["properties"])
    required = set(schema.get("required", ()))
    return required, properties - required


@pytest.mark.parametrize("model", list(TYPED), ids=lambda model: model.__name__)
def test_keys_and_requiredness_match_the_model(model: type[BaseModel]) -> None:
    typed = TYPED[model]
    required, optional = _keys(model.model_json_schema(by_alias=True))
    assert set(typed.__required_keys__) == required, f"{typed.__name__}: required keys differ from {model.__name__}"
    assert set(typed.__optional_keys__) == optional, f"{typed.__name__}: optional keys differ from {model.__name__}"


@pytest.mark.parametrize("entity", list(ENTITIES))
def test_every_entity_has_its_typed_dict_and_matches_its_published_file(entity: str) -> None:
    model = ENTITIES[entity]
    assert model in TYPED, f"entity {entity} has no TypedDict in workreport_schema.records"
    typed = TYPED[model]
    required, optional = _keys(load_published_schema(entity))
    assert (set(typed.__required_keys__), set(typed.__optional_keys__)) == (required, optional)


def _records_in(annotation: object) -> set[type]:
    """The models (or TypedDicts) an annotation holds, through lists, unions and NotRequired."""
    origin = typing.get_origin(annotation)
    if origin is None:
        return (
            {annotation}
            if isinstance(annotation, type) and (issubclass(annotation, BaseModel) or typing.is_typeddict(annotation))
            else set()
        )
    if origin is typing.Annotated:
        return _records_in(typing.get_args(annotation)[0])
    found: set[type] = set()
    for argument in typing.get_args(annotation):
        found |= _records_in(argument)
    return found if origin in (list, typing.Union, types.UnionType, typing.NotRequired) else set()


@pytest.mark.parametrize("model", list(TYPED), ids=lambda model: model.__name__)
def test_nested_records_have_the_typed_dict_of_their_model(model: type[BaseModel]) -> None:
    typed = TYPED[model]
    hints = typing.get_type_hints(typed)
    for name, field in model.model_fields.items():
        key = field.alias or name
        assert _records_in(hints[key]) == {TYPED[nested] for nested in _records_in(field.annotation)}, f"{typed.__name__}.{key}"
