"""ETag, Last-Modified, 304 revalidation, Cache-Control and the per-release response cache."""

from __future__ import annotations

import email.utils
from typing import Any

import pytest
from litestar.testing import TestClient

from workreport_api.db.engine import make_engine
from workreport_api.db.loader import remove_document

from ..conftest import ClientFactory

pytestmark = pytest.mark.parametrize("seeded_url", ["sqlite"], indirect=True)

URLS = [
    "/v1",
    "/v1/measures?limit=5",
    "/v1/measures/shanghai-2012.c03.p02.m18",
    "/v1/targets?unit=m2",
    "/v1/search?q=養老",
    "/v1/measures?format=csv",
    "/v1/export/measures.ndjson",
    "/v1/export/dataset.json",
    "/v1/catalog",
    "/schemas/v1/target.schema.json",
    "/openapi.json",
]


@pytest.mark.parametrize("url", URLS)
def test_strong_etag_and_304(client: TestClient[Any], url: str) -> None:
    first = client.get(url, headers={"accept-encoding": "identity"})
    assert first.status_code == 200
    etag = first.headers["etag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    again = client.get(url, headers={"accept-encoding": "identity", "if-none-match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    assert again.headers["access-control-allow-origin"] == "*"
    assert client.get(url, headers={"accept-encoding": "identity", "if-none-match": '"other"'}).status_code == 200
    assert client.get(url, headers={"accept-encoding": "identity", "if-none-match": f'W/{etag}, "x"'}).status_code == 304


def test_last_modified_and_if_modified_since(client: TestClient[Any]) -> None:
    response = client.get("/v1/measures")
    last_modified = response.headers["last-modified"]
    assert email.utils.parsedate_to_datetime(last_modified)
    assert client.get("/v1/measures", headers={"if-modified-since": last_modified}).status_code == 304
    assert client.get("/v1/measures", headers={"if-modified-since": "Mon, 01 Jan 2001 00:00:00 GMT"}).status_code == 200
    assert client.get("/v1/measures", headers={"if-modified-since": "garbage"}).status_code == 200


def test_cache_control_and_vary(client: TestClient[Any]) -> None:
    data = client.get("/v1/measures")
    assert data.headers["cache-control"] == "public, max-age=300"
    assert data.headers["vary"] == "Accept, Accept-Encoding"
    error = client.get("/v1/measures/nope")
    assert error.headers["cache-control"] == "no-store"
    assert "etag" not in error.headers


def test_etag_differs_by_representation_and_coding(client: TestClient[Any]) -> None:
    json_tag = client.get("/v1/measures", headers={"accept-encoding": "identity"}).headers["etag"]
    csv_tag = client.get("/v1/measures", headers={"accept": "text/csv", "accept-encoding": "identity"}).headers["etag"]
    gzip_tag = client.get("/v1/measures", headers={"accept-encoding": "gzip"}).headers["etag"]
    assert len({json_tag, csv_tag, gzip_tag}) == 3
    assert gzip_tag == json_tag[:-1] + '-gz"'


@pytest.mark.parametrize("url", URLS)
def test_cached_response_is_byte_identical_to_a_fresh_one(make_client: ClientFactory, url: str) -> None:
    cached = make_client()
    fresh = make_client(cache_max_bytes=0)
    for encoding in ("identity", "gzip", "br"):
        headers = {"accept-encoding": encoding}
        first = cached.get(url, headers=headers)
        second = cached.get(url, headers=headers)
        uncached = fresh.get(url, headers=headers)
        assert first.content == second.content == uncached.content
        assert first.headers["etag"] == second.headers["etag"] == uncached.headers["etag"]
        framing = {"date", "content-length", "transfer-encoding"}  # a first, streamed response is chunked
        assert {k: v for k, v in first.headers.items() if k not in framing} == {k: v for k, v in second.headers.items() if k not in framing}


def test_a_new_release_changes_etags_and_drops_the_cache(client: TestClient[Any], seeded_url: str) -> None:
    before = client.get("/v1/measures?limit=1")
    assert before.json()["meta"]["total"] == 434
    engine = make_engine(seeded_url)
    try:
        remove_document(engine, "shanghai-2012")
    finally:
        engine.dispose()
    after = client.get("/v1/measures?limit=1", headers={"if-none-match": before.headers["etag"]})
    assert after.status_code == 200
    assert after.json()["meta"]["total"] == 0
    assert after.headers["etag"] != before.headers["etag"]
