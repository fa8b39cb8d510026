"""Every collection and item route; served records validate against their entity schema."""

from __future__ import annotations

import json
from typing import Any

import pytest
from litestar.testing import TestClient

from workreport_schema.validate import schema_problems

from ...conftest import ENGINES, SEED_DATASET
from ..conftest import BASE, all_pages, seed_text

SEED: dict[str, Any] = json.loads(SEED_DATASET.read_text(encoding="utf-8"))
COLLECTIONS = {
    "documents": "document",
    "chapters": "chapter",
    "paragraphs": "paragraph",
    "measures": "measure",
    "targets": "target",
    "units": "unit",
    "bodies": "body",
}


def _served(collection: str, record: dict[str, Any]) -> dict[str, Any]:
    """Documents are served without their text (it has its own route)."""
    return {k: v for k, v in record.items() if k != "text"} if collection == "documents" else record


on_both_engines = pytest.mark.parametrize("reader", ENGINES, indirect=True)
on_sqlite = pytest.mark.parametrize("reader", ["sqlite"], indirect=True)


@on_both_engines
@pytest.mark.parametrize("collection", list(COLLECTIONS))
def test_every_record_is_served_and_valid(reader: TestClient[Any], collection: str) -> None:
    records = all_pages(reader, f"/v1/{collection}?limit=500")
    expected = [_served(collection, r) for r in SEED[collection]]
    if collection in ("units", "bodies", "documents"):
        expected = sorted(expected, key=lambda r: r["id"])
    assert records == expected
    for record in records:
        assert schema_problems(record, COLLECTIONS[collection]) == [], record["id"]


@on_sqlite
@pytest.mark.parametrize("collection", list(COLLECTIONS))
def test_item_routes(reader: TestClient[Any], collection: str) -> None:
    record = SEED[collection][0]
    response = reader.get(f"/v1/{collection}/{record['id']}")
    assert response.status_code == 200
    unassessed = {"outcome": None, "outcomes": []} if collection == "targets" else {}  # the seed has no later report
    assert response.json() == _served(collection, record) | unassessed
    missing = reader.get(f"/v1/{collection}/no-such-id")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.json()["detail"] == f"no {COLLECTIONS[collection]} with id 'no-such-id'"


@on_sqlite
def test_envelope_and_link_header(reader: TestClient[Any]) -> None:
    response = reader.get("/v1/measures?limit=2")
    body = response.json()
    assert set(body) == {"data", "meta", "links"}
    assert body["meta"]["total"] == len(SEED["measures"]) and body["meta"]["limit"] == 2
    assert body["links"]["self"] == f"{BASE}/v1/measures?limit=2"
    assert body["links"]["next"] == f"{BASE}/v1/measures?limit=2&cursor={body['meta']['next_cursor']}"
    assert response.headers["link"] == f'<{body["links"]["next"]}>; rel="next"'
    last = reader.get("/v1/units?limit=500").json()
    assert last["links"]["next"] is None and last["meta"]["next_cursor"] is None
    assert "link" not in reader.get("/v1/units?limit=500").headers


@on_sqlite
@pytest.mark.parametrize(
    "query",
    [
        "document=shanghai-2012&type=quantitative&commitment=firm&limit=1",
        "limit=1&commitment=firm&type=quantitative&document=shanghai-2012",
    ],
)
def test_links_keep_the_parameters_in_the_request_order(reader: TestClient[Any], query: str) -> None:
    """Not in set order, which changes with the process's hash seed (one URL, one ETag, two bodies across workers)."""
    body = reader.get(f"/v1/targets?{query}").json()
    assert body["links"]["self"] == f"{BASE}/v1/targets?{query}"
    assert body["links"]["next"] == f"{BASE}/v1/targets?{query}&cursor={body['meta']['next_cursor']}"


@on_sqlite
def test_paging_through_every_measure_with_small_pages(reader: TestClient[Any]) -> None:
    records = all_pages(reader, "/v1/measures?limit=7&document=shanghai-2012")
    assert [r["id"] for r in records] == [m["id"] for m in SEED["measures"]]


@on_sqlite
def test_document_text_is_the_exact_source(reader: TestClient[Any]) -> None:
    response = reader.get("/v1/documents/shanghai-2012/text")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.content.decode("utf-8") == seed_text()
    measure = reader.get("/v1/measures/shanghai-2012.c03.p02.m18").json()
    span = measure["source"]
    assert response.text[span["start"] : span["end"]] == span["quote"]
    assert reader.get("/v1/documents/nope/text").status_code == 404


@on_sqlite
def test_related_lists(reader: TestClient[Any]) -> None:
    chapter = all_pages(reader, "/v1/chapters/shanghai-2012.c05/measures?limit=500")
    assert chapter and all(m["chapter_id"] == "shanghai-2012.c05" for m in chapter)
    targets = reader.get("/v1/measures/shanghai-2012.c03.p03.m03/targets").json()["data"]
    assert [t["stated"]["text"] for t in targets] == ["1100萬平方米", "17.08萬套(間)", "770萬平方米", "11.4萬套(間)"]
    body = all_pages(reader, "/v1/bodies/org.trade-unions/measures")
    assert [m["id"] for m in body] == [m["id"] for m in SEED["measures"] if any(a["body_id"] == "org.trade-unions" for a in m["bodies"])]
    for url in ("/v1/chapters/nope/measures", "/v1/measures/nope/targets", "/v1/bodies/nope/measures"):
        assert reader.get(url).status_code == 404, url
