"""JSON Schema files are served as application/schema+json at exactly their $id."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from litestar.testing import TestClient

from workreport_schema import ENTITIES, SCHEMA_VERSION
from workreport_schema.entities import schema_file_name

from ...conftest import SEED_DATASET, ReadOnlyApps

on_the_shared_app = pytest.mark.parametrize("reader", ["sqlite"], indirect=True)


@on_the_shared_app
def test_index_lists_every_file(reader: TestClient[Any]) -> None:
    for url in ("/schemas/v1", "/schemas/v1/"):
        body = reader.get(url).json()
        assert [f["name"] for f in body["files"]] == [schema_file_name(e) for e in ENTITIES]
        assert body["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize("entity", list(ENTITIES))
def test_each_file_at_its_id(read_only_apps: ReadOnlyApps, entity: str) -> None:
    client = read_only_apps.client("sqlite", public_base_url="http://testserver.local")
    response = client.get(f"/schemas/v1/{schema_file_name(entity)}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/schema+json"
    schema = response.json()
    assert schema["$id"] == f"http://testserver.local/schemas/v1/{schema_file_name(entity)}"
    Draft202012Validator.check_schema(schema)


@on_the_shared_app
@pytest.mark.parametrize(
    "name", ["nope.schema.json", "..%2fpyproject.toml", "..%252f..%252fsettings.py", "measure.schema.json%00", "%2e%2e"]
)
def test_unknown_names_are_404(reader: TestClient[Any], name: str) -> None:
    assert reader.get(f"/schemas/v1/{name}").status_code in (400, 404)


@on_the_shared_app
def test_bundle_is_one_compound_document_under_this_server(reader: TestClient[Any]) -> None:
    response = reader.get("/schemas/v1/bundle.schema.json")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/schema+json")
    bundle = response.json()
    base = bundle["$id"].removesuffix("/schemas/v1/bundle.schema.json")
    assert base == reader.get("/schemas/v1/target.schema.json").json()["$id"].removesuffix("/schemas/v1/target.schema.json")
    assert all(schema["$id"] == f"{base}/schemas/v1/{schema_file_name(entity)}" for entity, schema in bundle["$defs"].items())
    Draft202012Validator(bundle).validate(json.loads(SEED_DATASET.read_text(encoding="utf-8")))
    listing = reader.get("/schemas/v1").json()
    assert listing["bundle"].endswith("/schemas/v1/bundle.schema.json") and listing["archive"].endswith("/schemas/v1/schemas.zip")


@on_the_shared_app
def test_archive_holds_every_file_as_served_the_bundle_and_a_readme(reader: TestClient[Any]) -> None:
    response = reader.get("/schemas/v1/schemas.zip")
    assert response.status_code == 200 and response.headers["content-type"] == "application/zip"
    assert "attachment" in response.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = set(archive.namelist())
        assert all(member.compress_type == zipfile.ZIP_DEFLATED for member in archive.infolist())
        assert names == {schema_file_name(entity) for entity in ENTITIES} | {"bundle.schema.json", "README.txt"}
        for entity in ENTITIES:
            assert json.loads(archive.read(schema_file_name(entity))) == reader.get(f"/schemas/v1/{schema_file_name(entity)}").json()
        assert "check-jsonschema" in archive.read("README.txt").decode()
    assert reader.get("/schemas/v1/schemas.zip").content == response.content  # deterministic bytes
