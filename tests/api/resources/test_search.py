"""GET /v1/search: cross-script, short queries, ranking, snippets with highlights, traceable matches."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from litestar.testing import TestClient

from workreport_api.http.cursor import encode_cursor

from ...conftest import ENGINES, ClientFactory, ReadOnlyApps, load_seed_copies
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


@pytest.mark.parametrize("seeded_url", ENGINES, indirect=True)
def test_a_bounded_ranking_still_lists_every_match_once(make_client: ClientFactory) -> None:
    """With search_candidates=3, a query of 4 characters or more matching more ranks its first 3 matches, then lists
    the rest in index order: paging still gives every hit exactly once; the total is exact up to 3 matches, else
    estimated."""
    exact = make_client(cache_max_bytes=0)
    bounded = make_client(cache_max_bytes=0, search_candidates=3)
    for query in ("改革試點", "继续推进", "困难群众", "养老服务"):
        everything = all_pages(exact, f"/v1/search?q={quote(query)}&limit=500")
        assert everything, query
        rank = {hit["id"]: place for place, hit in enumerate(everything)}
        for limit in (1, 2, 4, 50):
            hits = all_pages(bounded, f"/v1/search?q={quote(query)}&limit={limit}")
            assert sorted(h["id"] for h in hits) == sorted(h["id"] for h in everything), (query, limit)
            ranked = [rank[h["id"]] for h in hits[:3]]  # the candidates keep the exact ranking's relative order
            assert ranked == sorted(ranked)
            assert hits == all_pages(bounded, f"/v1/search?q={quote(query)}&limit=50")
        meta = bounded.get(f"/v1/search?q={quote(query)}&limit=2").json()["meta"]
        if len(everything) <= 3:
            assert meta["total"] == len(everything) and "total_estimated" not in meta
        else:
            assert meta["total_estimated"] is True and meta["total"] >= 4
        whole = bounded.get(f"/v1/search?q={quote(query)}&limit=500").json()["meta"]  # a page reaching the end counts
        assert whole["total"] == len(everything) and "total_estimated" not in whole
        in_document = bounded.get(f"/v1/search?q={quote(query)}&document=shanghai-2012").json()["meta"]
        assert in_document["total"] == len(everything) and "total_estimated" not in in_document
        past = bounded.get(f"/v1/search?q={quote(query)}&cursor={encode_cursor((len(everything) + 5,))}").json()
        assert past["data"] == [] and past["meta"]["total"] == len(everything) and "total_estimated" not in past["meta"]


@pytest.mark.parametrize("engine", ENGINES)
def test_queries_of_up_to_3_characters_rank_every_match_whatever_the_candidates(engine: str, read_only_apps: ReadOnlyApps) -> None:
    """A query of 1 to 3 characters is ranked among all its matches (from the grams' ranking index), so the number of
    candidates does not change its pages, and its total is exact (over three documents, many more matches than
    candidates); with document= it is ranked among the candidates of that document, as longer queries are."""
    exact = read_only_apps.client(engine, "seed-copies", load_seed_copies, cache_max_bytes=0)
    bounded = read_only_apps.client(engine, "seed-copies", load_seed_copies, cache_max_bytes=0, search_candidates=3)
    for query in ("養老", "菜", "建设", "养老床", "年"):
        everything = all_pages(exact, f"/v1/search?q={quote(query)}&limit=500")
        assert len(everything) > 3, query
        occurrences = [hit["occurrences"] for hit in everything]
        assert occurrences == sorted(occurrences, reverse=True)
        for limit in (9, 50):
            assert all_pages(bounded, f"/v1/search?q={quote(query)}&limit={limit}") == everything, (query, limit)
            meta = bounded.get(f"/v1/search?q={quote(query)}&limit={limit}").json()["meta"]
            assert meta["total"] == len(everything) and "total_estimated" not in meta
        one = bounded.get(f"/v1/search?q={quote(query)}&document=shanghai-2012-x001&limit=500").json()
        assert {hit["id"] for hit in one["data"]} == {hit["id"] for hit in everything if hit["document_id"] == "shanghai-2012-x001"}


@pytest.mark.parametrize("seeded_url", ENGINES, indirect=True)
def test_as_many_matches_as_candidates_is_an_exact_total(make_client: ClientFactory) -> None:
    client = make_client(cache_max_bytes=0, search_candidates=2)
    body = client.get(f"/v1/search?q={quote('困難群眾')}&limit=1").json()
    assert body["meta"]["total"] == 2 and "total_estimated" not in body["meta"]
    more = make_client(cache_max_bytes=0, search_candidates=1).get(f"/v1/search?q={quote('困難群眾')}&limit=1").json()
    assert more["meta"]["total_estimated"] is True and len(more["data"]) == 1 and more["links"]["next"]


@pytest.mark.parametrize("engine", ["sqlite"])
def test_the_search_page_says_when_its_total_is_an_estimate(engine: str, read_only_apps: ReadOnlyApps) -> None:
    estimating = read_only_apps.client(engine, "seed-copies", load_seed_copies, cache_max_bytes=0, search_candidates=3)
    page = estimating.get(f"/search?q={quote('改革试点')}", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "about " in page.text  # 20 hits a page, 33 in all
    exact_client = read_only_apps.client(engine, "seed-copies", load_seed_copies, cache_max_bytes=0)
    total = exact_client.get(f"/v1/search?q={quote('改革试点')}&limit=1").json()["meta"]["total"]
    exact = exact_client.get(f"/search?q={quote('改革试点')}", headers={"Accept": "text/html"})
    assert total > 20 and f"{total} hits" in exact.text and "about " not in exact.text


def test_hits_are_written_as_the_other_responses_write_json() -> None:
    from workreport_api.resources.responses import dumps
    from workreport_api.resources.search import _encode

    value = {
        "text": "x\ty\n\r\b\f\x00\x1f\x7f\u2028<>&'\"\\/é養老𠀀",
        "start": 12,
        "match": None,
        "highlights": [{"start": 1}],
        "flag": True,
    }
    assert _encode(value) == dumps(value)


@pytest.mark.parametrize("seeded_url", ENGINES, indirect=True)
def test_quotes_and_wildcards_in_a_search_are_plain_text(client: TestClient[Any]) -> None:
    """On PostgreSQL the search writes the query into its SQL (so no generic plan ignores it): quoted, never run."""
    for query in ("' OR 1=1 --", "養老'", "養老%", "%_", "\\", '"', "a'');DROP TABLE measures;--"):
        response = client.get(f"/v1/search?q={quote(query)}")
        assert response.status_code == 200, query
        assert response.json()["meta"]["total"] == 0 and response.json()["data"] == []
    assert client.get(f"/v1/search?q={quote('養老')}").json()["meta"]["total"] == 10


@pytest.mark.parametrize("seeded_url", ["sqlite"], indirect=True)
def test_a_page_past_the_candidates_is_read_in_a_worker_thread(make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page within the candidates reads at most twice the candidates and a page: on SQLite it runs on the event loop,
    like a page of a list. A page past them skips as many entries as its offset (up to 100,000): in a worker thread."""
    from workreport_api.state import ApiState

    reads: list[bool] = []
    read_in_snapshot = ApiState.read_in_snapshot

    async def noted(self: ApiState, call: Any, *, heavy: bool = False) -> Any:
        reads.append(heavy)
        return await read_in_snapshot(self, call, heavy=heavy)

    monkeypatch.setattr(ApiState, "read_in_snapshot", noted)
    client = make_client(cache_max_bytes=0, search_candidates=3)
    first = client.get(f"/v1/search?q={quote('改革試點')}&limit=2")
    deep = client.get(f"/v1/search?q={quote('改革試點')}&limit=2&cursor={encode_cursor((4,))}")
    assert first.status_code == deep.status_code == 200 and deep.json()["data"]
    assert reads[-2:] == [False, True]  # heavy: the deep page only
