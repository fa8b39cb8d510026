"""JSON Schema files are served as application/schema+json at exactly their $id."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator
from litestar.testing import TestClient

from workreport_schema import ENTITIES
from workreport_schema.entities import file_name

from ..conftest import ClientFactory

pytestmark = pytest.mark.parametrize("seeded_url", ["sqlite"], indirect=True)


def test_index_lists_every_file(client: TestClient[Any]) -> None:
    for url in ("/schemas/v1", "/schemas/v1/"):
        body = client.get(url).json()
        assert [f["name"] for f in body["files"]] == [file_name(e) for e in ENTITIES]
        assert body["schema_version"] == "1.2.0"


@pytest.mark.parametrize("entity", list(ENTITIES))
def test_each_file_at_its_id(make_client: ClientFactory, entity: str) -> None:
    client = make_client(public_base_url="http://testserver.local")
    response = client.get(f"/schemas/v1/{file_name(entity)}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/schema+json"
    schema = response.json()
    assert schema["$id"] == f"http://testserver.local/schemas/v1/{file_name(entity)}"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize(
    "name", ["nope.schema.json", "..%2fpyproject.toml", "..%252f..%252fsettings.py", "measure.schema.json%00", "%2e%2e"]
)
def test_unknown_names_are_404(client: TestClient[Any], name: str) -> None:
    assert client.get(f"/schemas/v1/{name}").status_code in (400, 404)
