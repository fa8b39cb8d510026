"""The index, the DCAT catalog, the schema.org description, health probes and the docs page."""

from __future__ import annotations

import re
from typing import Any

import pytest
from litestar.testing import TestClient

from workreport_schema import SCHEMA_VERSION

pytestmark = pytest.mark.parametrize("reader", ["sqlite"], indirect=True)


def test_index_links_everything(reader: TestClient[Any]) -> None:
    body = reader.get("/v1").json()
    assert body["api_version"] == "v1" and body["schema_version"] == SCHEMA_VERSION
    assert body["data_release"]["id"] == 1 and body["data_release"]["content_hash"].startswith("sha256:")
    assert body["licence"]["id"] == "CC-BY-4.0"
    for name in (
        "documents",
        "chapters",
        "paragraphs",
        "measures",
        "targets",
        "results",
        "units",
        "bodies",
        "schemas",
        "catalog",
        "docs",
        "openapi",
        "dataset",
        "datapackage",
    ):
        assert body["links"][name].startswith("http://127.0.0.1:8000/")
    for link in body["links"].values():
        path = link.removeprefix("http://127.0.0.1:8000")
        assert reader.get(path + ("養老" if path.endswith("q=") else "")).status_code == 200, link
    assert body["schema_org"]["@type"] == "Dataset"


def test_catalog_is_dcat_json_ld(reader: TestClient[Any]) -> None:
    response = reader.get("/v1/catalog")
    assert response.headers["content-type"] == "application/ld+json"
    catalog = response.json()
    assert catalog["@type"] == "dcat:Catalog" and "dcat" in catalog["@context"]
    (dataset,) = catalog["dcat:dataset"]
    assert dataset["dct:identifier"] == "shanghai-2012"
    assert {"@language": "zh-Hant", "@value": "2012年上海市政府工作報告"} in dataset["dct:title"]
    assert dataset["dct:conformsTo"]["@id"].endswith("/schemas/v1/dataset.schema.json")


def test_health(reader: TestClient[Any]) -> None:
    assert reader.get("/healthz").json() == {"status": "ok"}
    assert reader.get("/readyz").json() == {"status": "ready", "revision": "0008"}
    assert "etag" not in reader.get("/readyz").headers


def test_docs_page_works_offline(reader: TestClient[Any]) -> None:
    page = reader.get("/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(source.startswith("/") for source in sources), sources
    for source in sources:
        if source.startswith("/static/"):
            asset = reader.get(source)
            assert asset.status_code == 200 and len(asset.content) > 100, source
    assert reader.get("/static/docs/../../settings.py").status_code == 404
    assert "openapi.json" in reader.get("/static/docs/docs.js").text
