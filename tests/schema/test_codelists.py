"""Codelist CSV files and the enums of the models and JSON Schema stay in step."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from workreport_schema import QuantityKind, load_codelist
from workreport_schema.codelists import codelist_names
from workreport_schema.codes import CODELIST_ENUMS, OPEN_CODELIST_ENUMS
from workreport_schema.published import published_dir

HEADER = ["Code", "Title (zh-Hant)", "Title (zh-Hans)", "Title (en)"]


@pytest.mark.parametrize("name", sorted({**CODELIST_ENUMS, **OPEN_CODELIST_ENUMS}))
def test_enum_matches_csv(name: str) -> None:
    enum = {**CODELIST_ENUMS, **OPEN_CODELIST_ENUMS}[name]
    assert [member.value for member in enum] == load_codelist(name).codes


@pytest.mark.parametrize("name", codelist_names())
def test_every_row_has_titles_and_description(name: str) -> None:
    codelist = load_codelist(name)
    assert codelist.rows
    assert list(codelist.rows[0])[:4] == HEADER
    assert list(codelist.rows[0])[-2:] == ["Description", "Deprecated"]
    for row in codelist.rows:
        for column in [*HEADER, "Description"]:
            assert row[column].strip(), f"{name}.csv {row['Code']}: empty {column}"
    assert len(set(codelist.codes)) == len(codelist.codes)


def test_every_closed_codelist_is_an_enum_and_the_open_ones_are_named() -> None:
    assert set(codelist_names()) - set(CODELIST_ENUMS) == {"unit", "indicator", *OPEN_CODELIST_ENUMS}


@pytest.mark.parametrize(
    ("entity", "field", "codelist", "not_a_code"),
    [("body", "classification", "body_classification", "Government"), ("body_assignment", "basis", "assignment_basis", "Policy area")],
)
def test_an_open_codelist_is_a_pattern_in_the_published_schema_and_its_codes_match_it(
    entity: str, field: str, codelist: str, not_a_code: str
) -> None:
    published = json.loads((Path(str(published_dir())) / f"{entity}.schema.json").read_text(encoding="utf-8"))
    prop = published["properties"][field]
    assert "enum" not in prop and "$ref" not in prop
    pattern = re.compile(prop["pattern"])
    assert all(pattern.fullmatch(code) for code in load_codelist(codelist).codes)
    assert not pattern.fullmatch(not_a_code) and not pattern.fullmatch("x")


def test_assignment_basis_has_the_policy_area_and_paragraph_default_codes() -> None:
    assert {"policy_area", "paragraph_default"} <= set(load_codelist("assignment_basis").codes)


def _enums_in_published() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in Path(str(published_dir())).glob("*.schema.json"):
        for name, definition in json.loads(path.read_text(encoding="utf-8")).get("$defs", {}).items():
            if "enum" in definition:
                found[name] = definition["enum"]
    return found


def test_published_json_schema_enums_match_csv() -> None:
    published = _enums_in_published()
    by_class = {enum.__name__: name for name, enum in CODELIST_ENUMS.items()}
    assert published, "no enums found in the published schema"
    for class_name, values in published.items():
        assert values == load_codelist(by_class[class_name]).codes, class_name


def test_unit_codelist_is_well_formed() -> None:
    units = load_codelist("unit")
    kinds = {kind.value for kind in QuantityKind}
    for row in units.rows:
        assert row["Quantity kind"] in kinds, row["Code"]
        assert float(row["Factor"]) > 0
        assert row["UCUM"]
    assert units.row("har")["UCUM"] == "har"
    assert units.row("cny")["UCUM"] == "[CNY]"
