"""GET /v1/search: cross-script, short queries, ranking, snippets with highlights, traceable matches."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from litestar.testing import TestClient

from ...conftest import ENGINES
from ..conftest import all_pages, seed_text


@pytest.mark.parametrize("reader", ENGINES, indirect=True)
@pytest.mark.parametrize("query", ["菜", "養老", "养老", "养老床位", "ＰＭ", "%"])
def test_hits_contain_the_query_in_either_script(reader: TestClient[Any], query: str) -> None:
    hits = all_pages(reader, f"/v1/search?q={quote(query)}&limit=100")
    text = seed_text()
    for hit in hits:
        assert hit["type"] in ("measure", "target")
        record = hit[hit["type"]]
        assert record["id"] == hit["id"]
        for highlight in hit["snippet"]["highlights"]:
            found = hit["snippet"]["text"][highlight["start"] : highlight["end"]]
            assert len(found) == len(query.strip())
        if hit["type"] == "measure":
            assert (
                text[hit["match"]["start"] : hit["match"]["end"]]
                == hit["snippet"]["text"][hit["snippet"]["highlights"][0]["start"] : hit["snippet"]["highlights"][0]["end"]]
            )
    if query in ("菜", "養老", "养老"):
        assert hits


@pytest.mark.parametrize("reader", ["sqlite"], indirect=True)
def test_ranking_is_by_occurrences_then_document_order(reader: TestClient[Any]) -> None:
    hits = all_pages(reader, "/v1/search?q=養老&limit=3")
    keys = [(-h["occurrences"]) for h in hits]
    assert keys == sorted(keys)
    assert hits[0]["occurrences"] >= 2
    assert all_pages(reader, "/v1/search?q=養老&limit=3") == hits
    assert {h["type"] for h in hits} == {"measure", "target"}


@pytest.mark.parametrize("reader", ["sqlite"], indirect=True)
def test_type_and_document_filters(reader: TestClient[Any]) -> None:
    targets = all_pages(reader, "/v1/search?q=養老&type=target")
    assert targets and all(h["type"] == "target" for h in targets)
    assert reader.get("/v1/search?q=養老&document=other").json()["meta"]["total"] == 0


@pytest.mark.parametrize("reader", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    "url",
    [
        "/v1/search",
        "/v1/search?q=",
        "/v1/search?q=%20%20",
        "/v1/search?q=" + "字" * 101,
        "/v1/search?q=a&type=body",
        "/v1/search?q=a&cursor=xyz",
    ],
)
def test_bad_searches(reader: TestClient[Any], url: str) -> None:
    assert reader.get(url).status_code == 400


@pytest.mark.parametrize("reader", ["sqlite"], indirect=True)
def test_total_is_the_same_on_every_page_and_past_the_end(reader: TestClient[Any]) -> None:
    from workreport_api.http.cursor import encode_cursor

    first = reader.get("/v1/search?q=養老&limit=2").json()
    second = reader.get(first["links"]["next"].removeprefix("http://127.0.0.1:8000")).json()
    assert first["meta"]["total"] == second["meta"]["total"] > 2
    beyond = reader.get(f"/v1/search?q=養老&cursor={encode_cursor((5000,))}").json()
    assert beyond["data"] == [] and beyond["meta"]["total"] == first["meta"]["total"]
