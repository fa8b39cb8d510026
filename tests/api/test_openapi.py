"""The OpenAPI document: committed and current, every operation documented, bounded and typed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workreport_api.app import create_app, litestar_of
from workreport_api.openapi import build_openapi, render_openapi
from workreport_api.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "clients" / "openapi.json"


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    app = create_app(Settings.from_env({}, database_url="sqlite:///:memory:"))
    return build_openapi(litestar_of(app), "http://127.0.0.1:8000")


def _operations(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(path, operation) for path, item in document["paths"].items() for operation in item.values()]


def test_committed_document_is_current(document: dict[str, Any]) -> None:
    assert COMMITTED.read_text(encoding="utf-8") == render_openapi(document), (
        "clients/openapi.json is stale; run `make clients` and commit it"
    )


def test_version_and_servers(document: dict[str, Any]) -> None:
    assert document["openapi"] == "3.1.0"
    assert document["servers"] == [{"url": "http://127.0.0.1:8000", "description": "This server"}]


def test_every_operation_has_an_id_summary_and_typed_problems(document: dict[str, Any]) -> None:
    ids = []
    for path, operation in _operations(document):
        ids.append(operation["operationId"])
        assert operation.get("summary"), path
        for status in ("400", "404", "406", "414", "429", "500", "503"):
            content = operation["responses"][status]["content"]
            assert content == {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}, (path, status)
    assert len(ids) == len(set(ids))
    assert {"list_measures", "get_measure", "list_targets", "search", "export_dataset", "get_document_text"} <= set(ids)


def test_parameters_are_bounded_as_enforced(document: dict[str, Any]) -> None:
    for path, operation in _operations(document):
        for parameter in operation.get("parameters", []):
            schema = parameter["schema"]
            options = schema.get("oneOf", [schema])
            kinds = {option.get("type") for option in options} | {("ref" if "$ref" in option else None) for option in options}
            if "integer" in kinds or "number" in kinds:
                assert "minimum" in schema and "maximum" in schema, (path, parameter["name"])
            if "string" in kinds:
                assert "maxLength" in schema, (path, parameter["name"])


def test_record_schemas_come_from_the_published_json_schema(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    assert schemas["Target"]["properties"]["comparator"] == {
        "$ref": "#/components/schemas/Comparator",
        "description": "How the target relates to value (codelist comparator).",
        "title": "Comparator",
    }
    assert "zh-Hant" in schemas["LanguageMap"]["properties"]
    assert schemas["Problem"]["properties"]["invalid_params"]


def test_examples_on_list_and_item_responses(document: dict[str, Any]) -> None:
    for path in ("/v1/measures", "/v1/measures/{measure_id}", "/v1/targets", "/v1/targets/{target_id}"):
        example = document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["example"]
        assert example
    assert json.dumps(document).count('"example"') >= 10
